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
/** 2^0 .. 2^63, exact. */
const POW2 = Array.from({ length: 64 }, (_, i) => 2 ** i);
// the double's bits: little-endian on every platform Node runs on, so bits[0] is the low word
const float = new Float64Array(1);
const bits = new Uint32Array(float.buffer);

/** Trailing zero bits of a 32-bit word that is not 0. */
const trailingZeros = (w: number): number => 31 - Math.clz32(w & -w);

/**
 * A roof number as [m, k] with v = m / 2^k exactly, m an integer of at most 53 bits and 0 <= k <= 62 as small as
 * can be, read from the double's bits: SQLite reads integers exactly and divides by a power of two exactly, whereas
 * its reading of a decimal text is not always the double JavaScript wrote (one in about ten thousand with 10 to 17
 * digits comes back one unit in the last place off). Null outside that range (below 2^-10 with all 53 bits used,
 * above 2^53, not finite): no roof's area or angle.
 */
export function exactParts(v: number): [number, number] | null {
  if (v === 0) return [0, 0];
  float[0] = v;
  const lo = bits[0] as number;
  const hi = bits[1] as number;
  const biased = (hi >>> 20) & 0x7ff;
  if (biased === 0 || biased === 0x7ff) return null; // subnormal, infinite or NaN
  const mHi = (hi & 0xfffff) | 0x100000;
  let m = mHi * 2 ** 32 + lo;
  let k = 1075 - biased;
  if (k < 0) {
    m *= POW2[-k] as number;
    k = 0;
  } else {
    const zeros = Math.min(k, lo !== 0 ? trailingZeros(lo) : 32 + trailingZeros(mHi));
    m /= POW2[zeros] as number;
    k -= zeros;
  }
  if (k > 62 || m > TWO_53) return null;
  return [v < 0 ? -m : m, k];
}

export const fromExactParts = ([m, k]: readonly [number, number]): number => m / (POW2[k] as number);

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

/** Which of a roof's numbers the district file cannot hold, and why. */
function numberProblem(r: RoofSurface, i: number): string {
  for (const [field, v] of [['areaM2', r.areaM2], ['tiltDeg', r.tiltDeg], ['azimuthDeg', r.azimuthDeg]] as const) {
    if (!Number.isFinite(v)) return `roof ${i} of building ${r.buildingId}: ${field} is not a number`;
    if (exactParts(v) === null) return `roof ${i} of building ${r.buildingId}: ${field} ${v} is outside the range the district file stores exactly`;
  }
  return `roof ${i} of building ${r.buildingId}: a number the district file cannot hold`;
}

/** Throws RoofError at a roof the store would refuse (another building's, a number that is not, a broken ring). */
export function encodeBuilding(building: Building, roofs: readonly RoofSurface[]): EncodedBuilding {
  const id = JSON.stringify(building.id);
  let rows = '';
  let area = 0;
  for (let i = 0; i < roofs.length; i++) {
    const r = roofs[i] as RoofSurface;
    if (r.buildingId !== building.id) throw new RoofError(`roof ${i} belongs to building ${r.buildingId}, not to ${building.id}`);
    const a = exactParts(r.areaM2);
    const t = exactParts(r.tiltDeg);
    const z = exactParts(r.azimuthDeg);
    if (a === null || t === null || z === null) throw new RoofError(numberProblem(r, i));
    const outlines = r.outlines;
    if (outlines !== undefined) {
      for (let k = 0; k < outlines.length; k++) {
        const problem = ringProblem(outlines[k]);
        if (problem) throw new RoofError(`roof ${i} of building ${r.buildingId}: outline ring ${k} ${problem}`);
      }
    }
    const outline = encodeOutlines(outlines);
    // the outline's JSON holds only brackets, commas and finite numbers (checked above): as a JSON string it is
    // itself in quotes, with nothing to escape
    rows += `${i === 0 ? '' : ','}[${id},${i},${a[0]},${a[1]},${t[0]},${t[1]},${z[0]},${z[1]},${outline === null ? 'null' : `"${outline}"`}]`;
    area += r.areaM2;
  }
  return { id: building.id, doc: JSON.stringify(building), roofs: rows, roofCount: roofs.length, roofAreaM2: area, extent: extentOf(building) };
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
