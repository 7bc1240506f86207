/**
 * Joins the ground polygons of a building (split ground surfaces, building parts sharing a wall) into one outline:
 * edges that two pieces share cancel out, the rest chain into rings. When that does not give a single ring
 * (pieces that only touch at a corner, or do not share vertices exactly), the caller falls back to a hull.
 */
import { type Ring2, counterClockwise, openRing, signedArea } from './ring2d.js';

// vertices closer than a millimetre are the same vertex
const key = (p: readonly [number, number]): string => `${Math.round(p[0] * 1000)},${Math.round(p[1] * 1000)}`;

export function mergeOutline(pieces: readonly Ring2[]): Ring2 | null {
  const rings = pieces.map((r) => counterClockwise(openRing(r))).filter((r) => r.length >= 3);
  if (rings.length === 0) return null;
  if (rings.length === 1) return rings[0] as Ring2;
  const edges = new Map<string, { from: [number, number]; to: [number, number] }>();
  for (const ring of rings) {
    for (let i = 0; i < ring.length; i++) {
      const a = ring[i] as [number, number];
      const b = ring[(i + 1) % ring.length] as [number, number];
      const reverse = `${key(b)}>${key(a)}`;
      if (edges.has(reverse)) edges.delete(reverse);
      else edges.set(`${key(a)}>${key(b)}`, { from: a, to: b });
    }
  }
  const next = new Map<string, { from: [number, number]; to: [number, number] }>();
  for (const e of edges.values()) {
    // a vertex where the outline touches itself: the chain is ambiguous
    if (next.has(key(e.from))) return null;
    next.set(key(e.from), e);
  }
  const first = next.values().next().value;
  if (!first) return null;
  const out: Ring2 = [];
  let e: { from: [number, number]; to: [number, number] } | undefined = first;
  while (e && out.length <= edges.size) {
    out.push(e.from);
    e = next.get(key(e.to));
    if (e === first) break;
  }
  // more than one ring left (holes or separate pieces): not a single outline
  if (e !== first || out.length !== edges.size) return null;
  const ring = openRing(out);
  return signedArea(ring) > 0 ? ring : null;
}
