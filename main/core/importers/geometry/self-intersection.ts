/**
 * Whether a ring crosses itself (a "bow-tie"): two edges that are not neighbours intersect. Such a footprint has no
 * well-defined area (the shoelace formula subtracts one lobe from the other) and extrudes into a broken solid.
 * O(n^2) over the edges, so rings beyond maxVertices are not checked (and say so by returning undefined).
 */
type Position = readonly [number, number];

const cross = (o: Position, a: Position, b: Position): number => (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);

/** Proper crossing or touching of segments p1p2 and q1q2 (orientation tests, as in Cormen et al. 33.1). */
function segmentsMeet(p1: Position, p2: Position, q1: Position, q2: Position): boolean {
  const d1 = cross(q1, q2, p1);
  const d2 = cross(q1, q2, p2);
  const d3 = cross(p1, p2, q1);
  const d4 = cross(p1, p2, q2);
  return ((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0));
}

/** ring: open (the first vertex is not repeated at the end). */
export function crossesItself(ring: readonly Position[], maxVertices = 5_000): boolean | undefined {
  const n = ring.length;
  if (n > maxVertices) return undefined;
  for (let i = 0; i < n; i++) {
    const a1 = ring[i] as Position;
    const a2 = ring[(i + 1) % n] as Position;
    for (let j = i + 2; j < n; j++) {
      if (i === 0 && j === n - 1) continue; // the closing edge is the first edge's neighbour
      if (segmentsMeet(a1, a2, ring[j] as Position, ring[(j + 1) % n] as Position)) return true;
    }
  }
  return false;
}
