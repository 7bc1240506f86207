/**
 * A building as a tile import writes it: the text of its buildings row and of its roofs' rows, made where the
 * building was assembled. A parse worker encodes its buildings itself, so that what crosses to the main thread is a
 * few strings per building rather than nested arrays of corners (whose structured clone and JSON encoding were half
 * of the main thread's time in a city import), and the main thread hands the strings on to SQLite as they are.
 * Checked here as saveRoofRows checks roofs: nothing reaches the district file that the store would refuse.
 */
import type { Building, RoofRing, RoofSurface } from '../../../models/types.js';
import { RoofError, encodeOutlines, ringProblem } from './roofs-repo.js';

export interface EncodedBuilding {
  readonly id: string;
  /** JSON of the Building: the buildings table's doc. */
  readonly doc: string;
  /**
   * Its roofs' rows in order as JSON arrays joined by commas ('' without roofs), each a flat
   * [buildingId, seq, area m, area k, tilt m, tilt k, azimuth m, azimuth k, outline JSON or null], each number as
   * its exact parts (exactParts): flat, so that SQLite takes each value out of the row's one parse.
   */
  readonly roofs: string;
  readonly roofCount: number;
  readonly roofAreaM2: number;
  /** Extent of its footprint, [minLon, minLat, maxLon, maxLat]; null without corners. */
  readonly extent: readonly [number, number, number, number] | null;
}

const TWO_53 = 2 ** 53;

/**
 * A roof number as [m, k] with v = m / 2^k exactly, m an integer of at most 53 bits and 0 <= k <= 62: SQLite reads
 * integers exactly and divides by a power of two exactly, whereas its reading of a decimal text is not always the
 * double JavaScript wrote (one in about ten thousand with 10 to 17 digits comes back one unit in the last place
 * off). Anything outside that range (below 2^-10 with all 53 bits used, or above 2^53) is no roof's area or angle.
 */
export function exactParts(v: number, what: string): [number, number] {
  if (v === 0) return [0, 0];
  let k = Math.max(0, 52 - Math.floor(Math.log2(Math.abs(v))));
  // Math.log2 may be off by one next to a power of two: step until v * 2^k is a whole number
  while (k <= 62 && !Number.isInteger(v * 2 ** k)) k++;
  while (k > 0 && Number.isInteger(v * 2 ** (k - 1))) k--;
  const m = v * 2 ** k;
  if (k > 62 || Math.abs(m) > TWO_53) throw new RoofError(`${what} ${v} is outside the range the district file stores exactly`);
  return [m, k];
}

export const fromExactParts = ([m, k]: readonly [number, number]): number => m / 2 ** k;

function extentOf(building: Building): EncodedBuilding['extent'] {
  let minLon = Infinity;
  let minLat = Infinity;
  let maxLon = -Infinity;
  let maxLat = -Infinity;
  for (const [lon, lat] of building.footprint) {
    if (lon < minLon) minLon = lon;
    if (lon > maxLon) maxLon = lon;
    if (lat < minLat) minLat = lat;
    if (lat > maxLat) maxLat = lat;
  }
  return minLon <= maxLon ? [minLon, minLat, maxLon, maxLat] : null;
}

/** Throws RoofError at a roof the store would refuse (another building's, a number that is not, a broken ring). */
export function encodeBuilding(building: Building, roofs: readonly RoofSurface[]): EncodedBuilding {
  const rows: string[] = [];
  let area = 0;
  roofs.forEach((r, i) => {
    if (r.buildingId !== building.id) throw new RoofError(`roof ${i} belongs to building ${r.buildingId}, not to ${building.id}`);
    for (const [field, v] of [['areaM2', r.areaM2], ['tiltDeg', r.tiltDeg], ['azimuthDeg', r.azimuthDeg]] as const)
      if (!Number.isFinite(v)) throw new RoofError(`roof ${i} of building ${r.buildingId}: ${field} is not a number`);
    r.outlines?.forEach((ring, k) => {
      const problem = ringProblem(ring);
      if (problem) throw new RoofError(`roof ${i} of building ${r.buildingId}: outline ring ${k} ${problem}`);
    });
    const where = `roof ${i} of building ${r.buildingId}:`;
    rows.push(JSON.stringify([r.buildingId, i, ...exactParts(r.areaM2, `${where} area`), ...exactParts(r.tiltDeg, `${where} tilt`), ...exactParts(r.azimuthDeg, `${where} azimuth`), encodeOutlines(r.outlines)]));
    area += r.areaM2;
  });
  return { id: building.id, doc: JSON.stringify(building), roofs: rows.join(','), roofCount: roofs.length, roofAreaM2: area, extent: extentOf(building) };
}

/** The building and roofs again, as the district file would give them back. */
export function decodeBuilding(e: EncodedBuilding): { building: Building; roofs: RoofSurface[] } {
  const rows = JSON.parse(`[${e.roofs}]`) as [string, number, number, number, number, number, number, number, string | null][];
  return {
    building: JSON.parse(e.doc) as Building,
    roofs: rows.map(([buildingId, , am, ak, tm, tk, zm, zk, outline]) => ({
      buildingId,
      areaM2: fromExactParts([am, ak]),
      tiltDeg: fromExactParts([tm, tk]),
      azimuthDeg: fromExactParts([zm, zk]),
      ...(outline === null ? {} : { outlines: JSON.parse(outline) as RoofRing[] }),
    })),
  };
}

/** The same building with another doc (the merge with what was stored before), its roofs as they were. */
export const withDoc = (e: EncodedBuilding, building: Building): EncodedBuilding => ({ ...e, doc: JSON.stringify(building), extent: extentOf(building) });
