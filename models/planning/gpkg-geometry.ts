/**
 * GeoPackage binary geometry: the "GP" header followed by a standard ISO WKB geometry (OGC 12-128r18, GeoPackage
 * Encoding Standard 1.3, clause 2.1.3 "Geometry Encoding" and its table "GeoPackage SQL Geometry Binary Format").
 * Header: magic 0x47 0x50 ('GP'), version 0 (= version 1 of the format), a flags byte, srs_id (int32), envelope.
 * Flags: bit 0 byte order of header values (1 = little endian), bits 1-3 envelope contents (1 = [minx, maxx, miny,
 * maxy]), bit 4 empty geometry, bit 5 standard (0) or extended (1) binary.
 */

/** One polygon: outer ring first, then holes; each ring as [x, y] points, closing point optional. */
export type PolygonRings = readonly (readonly (readonly [number, number])[])[];

const WKB_POLYGON = 3;
const FLAGS_LE_ENVELOPE_XY = 0b0000_0011;

const closed = (ring: readonly (readonly [number, number])[]): (readonly [number, number])[] => {
  const first = ring[0];
  const last = ring[ring.length - 1];
  if (first === undefined || last === undefined) return [];
  return first[0] === last[0] && first[1] === last[1] ? [...ring] : [...ring, first];
};

/** The polygon as GeoPackage binary geometry in the given spatial reference system. */
export function gpkgPolygon(rings: PolygonRings, srsId: number): Uint8Array {
  const wkbRings = rings.map(closed).filter((r) => r.length >= 4);
  const points = wkbRings.reduce((n, r) => n + r.length, 0);
  const headerBytes = 8 + 4 * 8;
  const wkbBytes = 1 + 4 + 4 + wkbRings.length * 4 + points * 16;
  const out = new Uint8Array(headerBytes + wkbBytes);
  const view = new DataView(out.buffer);
  let minX = Infinity;
  let maxX = -Infinity;
  let minY = Infinity;
  let maxY = -Infinity;
  for (const r of wkbRings)
    for (const [x, y] of r) {
      minX = Math.min(minX, x);
      maxX = Math.max(maxX, x);
      minY = Math.min(minY, y);
      maxY = Math.max(maxY, y);
    }
  out[0] = 0x47;
  out[1] = 0x50;
  out[2] = 0;
  out[3] = FLAGS_LE_ENVELOPE_XY;
  view.setInt32(4, srsId, true);
  view.setFloat64(8, minX, true);
  view.setFloat64(16, maxX, true);
  view.setFloat64(24, minY, true);
  view.setFloat64(32, maxY, true);
  let at = headerBytes;
  out[at] = 1; // WKB little endian
  view.setUint32(at + 1, WKB_POLYGON, true);
  view.setUint32(at + 5, wkbRings.length, true);
  at += 9;
  for (const r of wkbRings) {
    view.setUint32(at, r.length, true);
    at += 4;
    for (const [x, y] of r) {
      view.setFloat64(at, x, true);
      view.setFloat64(at + 8, y, true);
      at += 16;
    }
  }
  return out;
}
