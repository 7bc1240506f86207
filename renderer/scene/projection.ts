/**
 * WGS84 lon/lat to local metres around the site origin. A district spans a few kilometres at most, so a local
 * tangent plane with the ellipsoid's radii of curvature at the origin is accurate to centimetres and needs no proj4.
 */
import type { LonLat } from '../../models/types.js';

const WGS84_A = 6378137;
const WGS84_E2 = 6.69437999014e-3;
const DEG = Math.PI / 180;

export interface Origin {
  readonly lat: number;
  readonly lon: number;
}

/** Metres east (x) and north (y) of the origin. */
export type LocalXY = readonly [east: number, north: number];

export interface LocalProjection {
  (point: LonLat): LocalXY;
  /** The inverse, for tests and for placing things given in metres. */
  inverse(xy: LocalXY): LonLat;
}

export function localProjection(origin: Origin): LocalProjection {
  if (!Number.isFinite(origin.lat) || !Number.isFinite(origin.lon) || Math.abs(origin.lat) >= 90) {
    throw new RangeError(`site origin is not a valid WGS84 position: lat ${origin.lat}, lon ${origin.lon}`);
  }
  const sinLat = Math.sin(origin.lat * DEG);
  const w = 1 - WGS84_E2 * sinLat * sinLat;
  // meridional radius (north-south) and prime-vertical radius (east-west) at the origin's latitude
  const meridional = (WGS84_A * (1 - WGS84_E2)) / Math.pow(w, 1.5);
  const primeVertical = WGS84_A / Math.sqrt(w);
  const metresPerDegLat = meridional * DEG;
  const metresPerDegLon = primeVertical * Math.cos(origin.lat * DEG) * DEG;
  const project = ((point: LonLat): LocalXY => [
    (point[0] - origin.lon) * metresPerDegLon,
    (point[1] - origin.lat) * metresPerDegLat,
  ]) as LocalProjection;
  project.inverse = (xy: LocalXY): LonLat => [origin.lon + xy[0] / metresPerDegLon, origin.lat + xy[1] / metresPerDegLat];
  return project;
}

/** Signed area of a ring in the local plane, m²: positive when counter-clockwise (seen from above). */
export function signedArea(ring: readonly LocalXY[]): number {
  let sum = 0;
  for (let i = 0; i < ring.length; i++) {
    const a = ring[i]!;
    const b = ring[(i + 1) % ring.length]!;
    sum += a[0] * b[1] - b[0] * a[1];
  }
  return sum / 2;
}

/** The ring counter-clockwise, without a repeated closing point. */
export function normaliseRing(ring: readonly LocalXY[]): LocalXY[] {
  const out = [...ring];
  if (out.length > 1) {
    const first = out[0]!;
    const last = out[out.length - 1]!;
    if (first[0] === last[0] && first[1] === last[1]) out.pop();
  }
  return signedArea(out) < 0 ? out.reverse() : out;
}
