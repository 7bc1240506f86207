/** Plane rings as [x, y] pairs in metres (x east, y north), the closing point not repeated. */
export type Ring2 = [number, number][];

/** Shoelace area, positive when the ring turns counter-clockwise. */
export function signedArea(ring: readonly (readonly [number, number])[]): number {
  const n = ring.length;
  if (n < 3) return 0;
  const [ox, oy] = ring[0] as readonly [number, number];
  let s = 0;
  for (let i = 0; i < n; i++) {
    const a = ring[i] as readonly [number, number];
    const b = ring[(i + 1) % n] as readonly [number, number];
    s += (a[0] - ox) * (b[1] - oy) - (b[0] - ox) * (a[1] - oy);
  }
  return s / 2;
}

/** Drops a repeated closing point and consecutive duplicates. */
export function openRing<T extends readonly [number, number]>(ring: readonly T[]): T[] {
  const out: T[] = [];
  for (const p of ring) {
    const last = out[out.length - 1];
    if (!last || last[0] !== p[0] || last[1] !== p[1]) out.push(p);
  }
  const first = out[0];
  const last = out[out.length - 1];
  if (out.length > 1 && first && last && first[0] === last[0] && first[1] === last[1]) out.pop();
  return out;
}

export function counterClockwise<T extends readonly [number, number]>(ring: readonly T[]): T[] {
  return signedArea(ring) < 0 ? [...ring].reverse() : [...ring];
}

/** Andrew's monotone chain; the fallback outline when ground pieces do not join into one ring. */
export function convexHull(points: readonly (readonly [number, number])[]): Ring2 {
  const pts = [...points].map((p): [number, number] => [p[0], p[1]]).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  if (pts.length < 3) return pts;
  const cross = (o: [number, number], a: [number, number], b: [number, number]): number =>
    (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);
  const lower: Ring2 = [];
  for (const p of pts) {
    while (lower.length >= 2 && cross(lower[lower.length - 2]!, lower[lower.length - 1]!, p) <= 0) lower.pop();
    lower.push(p);
  }
  const upper: Ring2 = [];
  for (let i = pts.length - 1; i >= 0; i--) {
    const p = pts[i]!;
    while (upper.length >= 2 && cross(upper[upper.length - 2]!, upper[upper.length - 1]!, p) <= 0) upper.pop();
    upper.push(p);
  }
  lower.pop();
  upper.pop();
  return lower.concat(upper);
}
