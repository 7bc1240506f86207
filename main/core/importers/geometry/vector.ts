/** Flat coordinate rings: [x0, y0, z0, x1, y1, z1, ...] in metres, the closing point not repeated. */
export type Ring3 = Float64Array | readonly number[];
export type Vec3 = [number, number, number];

export const pointCount = (ring: Ring3): number => ring.length / 3;

/**
 * Newell's normal of a ring: perpendicular to its best-fit plane, length twice the enclosed area, pointing the
 * way the ring turns counter-clockwise. Summing these over coplanar pieces gives the normal of the whole.
 */
export function newellNormal(ring: Ring3): Vec3 {
  const n = ring.length / 3;
  let nx = 0;
  let ny = 0;
  let nz = 0;
  // relative to the first vertex so that UTM-sized coordinates do not eat the precision
  const ox = ring[0] ?? 0;
  const oy = ring[1] ?? 0;
  const oz = ring[2] ?? 0;
  for (let i = 0; i < n; i++) {
    const j = (i + 1) % n;
    const x1 = (ring[3 * i] as number) - ox;
    const y1 = (ring[3 * i + 1] as number) - oy;
    const z1 = (ring[3 * i + 2] as number) - oz;
    const x2 = (ring[3 * j] as number) - ox;
    const y2 = (ring[3 * j + 1] as number) - oy;
    const z2 = (ring[3 * j + 2] as number) - oz;
    nx += (y1 - y2) * (z1 + z2);
    ny += (z1 - z2) * (x1 + x2);
    nz += (x1 - x2) * (y1 + y2);
  }
  return [nx, ny, nz];
}

export const length3 = (v: Vec3): number => Math.hypot(v[0], v[1], v[2]);
export const dot3 = (a: Vec3, b: Vec3): number => a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
