/** Area, tilt and compass azimuth of a (nearly) planar surface made of one or more polygons with holes. */
import { type Ring3, type Vec3, dot3, length3, newellNormal } from './vector.js';

export interface PolygonRings {
  readonly exterior: Ring3;
  readonly interiors: readonly Ring3[];
}

export interface Orientation {
  readonly areaM2: number;
  readonly tiltDeg: number;
  readonly azimuthDeg: number;
}

/** Below this tilt a surface counts as flat and faces south by convention (its azimuth means nothing). */
export const FLAT_TILT_DEG = 1;

/** Twice-area normal of one polygon, holes subtracted whichever way their rings turn. */
export function polygonNormal(p: PolygonRings): Vec3 {
  const n = newellNormal(p.exterior);
  for (const hole of p.interiors) {
    const h = newellNormal(hole);
    const s = dot3(h, n) >= 0 ? -1 : 1;
    n[0] += s * h[0];
    n[1] += s * h[1];
    n[2] += s * h[2];
  }
  return n;
}

/**
 * The polygons' normals are summed after turning each one upwards (roof rings in real data are not always
 * ordered outward), so the direction is area-weighted; the area is the sum of the pieces.
 */
export function surfaceOrientation(polygons: readonly PolygonRings[]): Orientation {
  let area = 0;
  const sum: Vec3 = [0, 0, 0];
  for (const p of polygons) {
    const n = polygonNormal(p);
    const len = length3(n);
    if (len === 0) continue;
    area += len / 2;
    const s = n[2] < 0 ? -1 : 1;
    sum[0] += s * n[0];
    sum[1] += s * n[1];
    sum[2] += s * n[2];
  }
  const len = length3(sum);
  if (len === 0) return { areaM2: area, tiltDeg: 0, azimuthDeg: 180 };
  const tiltDeg = (Math.acos(Math.min(1, sum[2] / len)) * 180) / Math.PI;
  if (tiltDeg < FLAT_TILT_DEG) return { areaM2: area, tiltDeg, azimuthDeg: 180 };
  // x east, y north: the horizontal part of the upward normal points the way the surface faces
  const azimuthDeg = ((Math.atan2(sum[0], sum[1]) * 180) / Math.PI + 360) % 360;
  return { areaM2: area, tiltDeg, azimuthDeg };
}
