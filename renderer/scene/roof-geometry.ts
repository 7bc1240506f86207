/**
 * LoD2 roofs as modelled: each roof ring (WGS84 + height above ground) becomes a planar polygon in local metres,
 * triangulated in its own plane, and the walls under it follow the roof (gable triangles included) instead of
 * stopping at one flat height. Pure functions, so that areas, normals and wall heights are unit-tested in node.
 */
import { ShapeUtils, Vector2 } from 'three';
import type { RoofRing } from '../../models/types.js';
import type { LocalProjection, LocalXY } from './projection.js';

/** Local metres: east, north, up (height above the building's ground). */
export type Local3 = readonly [east: number, north: number, up: number];
export type Vec3 = [number, number, number];

export interface RoofPolygon {
  /** The ring as modelled, closing point dropped. */
  readonly ring: readonly Local3[];
  /** Unit normal; pointing up for every polygon that is not vertical. */
  readonly normal: Vec3;
  /** Index triples into ring, counter-clockwise seen from the normal's side. */
  readonly triangles: readonly (readonly [number, number, number])[];
  readonly areaM2: number;
}

/** One piece of wall under the roof: a footprint or step edge from a to b, from bottom to top heights. */
export interface WallPiece {
  readonly a: LocalXY;
  readonly b: LocalXY;
  readonly bottomA: number;
  readonly bottomB: number;
  readonly topA: number;
  readonly topB: number;
  /** Outward horizontal unit normal, east/north. */
  readonly outward: LocalXY;
}

// a roof point this close (m) to a polygon or edge counts as on it: coordinates are rounded to about a millimetre
const ON_EDGE_M = 0.05;
/** Steeper than this a polygon is a wall piece that slipped into the roof surfaces: it holds no roof height. */
const MIN_UP_COMPONENT = 0.05;

const sub = (a: Local3, b: Local3): Vec3 => [a[0] - b[0], a[1] - b[1], a[2] - b[2]];
const cross = (a: Vec3, b: Vec3): Vec3 => [a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]];
const dot = (a: Vec3, b: Vec3): number => a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
const unit = (a: Vec3): Vec3 => {
  const l = Math.hypot(a[0], a[1], a[2]);
  return l > 0 ? [a[0] / l, a[1] / l, a[2] / l] : [0, 0, 0];
};

/** Drops a repeated closing point and consecutive duplicates (earcut dislikes both). */
function cleanRing(ring: readonly Local3[]): Local3[] {
  const out: Local3[] = [];
  const same = (p: Local3, q: Local3): boolean => Math.abs(p[0] - q[0]) < 1e-6 && Math.abs(p[1] - q[1]) < 1e-6 && Math.abs(p[2] - q[2]) < 1e-6;
  for (const p of ring) if (out.length === 0 || !same(out[out.length - 1]!, p)) out.push(p);
  while (out.length > 1 && same(out[0]!, out[out.length - 1]!)) out.pop();
  return out;
}

/** Newell's normal: perpendicular to the best-fit plane, length twice the area. */
function newell(ring: readonly Local3[]): Vec3 {
  const n: Vec3 = [0, 0, 0];
  const o = ring[0]!;
  for (let i = 0; i < ring.length; i++) {
    const p = sub(ring[i]!, o);
    const q = sub(ring[(i + 1) % ring.length]!, o);
    n[0] += (p[1] - q[1]) * (p[2] + q[2]);
    n[1] += (p[2] - q[2]) * (p[0] + q[0]);
    n[2] += (p[0] - q[0]) * (p[1] + q[1]);
  }
  return n;
}

/** Two unit vectors spanning the plane with normal n, so that (u, v, n) is right-handed. */
export function planeBasis(n: Vec3): { u: Vec3; v: Vec3 } {
  // the horizontal direction along the eaves where there is one; any direction in the plane otherwise
  const horizontal: Vec3 = [-n[1], n[0], 0];
  const u = Math.hypot(horizontal[0], horizontal[1]) > 1e-6 ? unit(horizontal) : ([1, 0, 0] as Vec3);
  return { u, v: cross(n, u) };
}

/** True when the ring turns the same way at every corner (collinear corners allowed). */
function convex2(ring: readonly Vector2[]): boolean {
  let sign = 0;
  for (let i = 0; i < ring.length; i++) {
    const a = ring[i]!;
    const b = ring[(i + 1) % ring.length]!;
    const c = ring[(i + 2) % ring.length]!;
    const turn = (b.x - a.x) * (c.y - b.y) - (b.y - a.y) * (c.x - b.x);
    if (Math.abs(turn) < 1e-9) continue;
    if (sign === 0) sign = Math.sign(turn);
    else if (Math.sign(turn) !== sign) return false;
  }
  return sign !== 0;
}

/** A planar roof polygon, triangulated in its own plane; null when it has no area. */
export function roofPolygon(input: readonly Local3[]): RoofPolygon | null {
  const ring = cleanRing(input);
  if (ring.length < 3) return null;
  const twice = newell(ring);
  const length = Math.hypot(...twice);
  if (length < 1e-6) return null;
  let normal = unit(twice);
  if (normal[2] < 0) normal = [-normal[0], -normal[1], -normal[2]];
  const { u, v } = planeBasis(normal);
  const o = ring[0]!;
  const flat = ring.map((p) => {
    const d = sub(p, o);
    return new Vector2(dot(d, u), dot(d, v));
  });
  // most roof faces are convex quadrilaterals: a fan is exact there and much cheaper than earcut
  const fan = convex2(flat) ? flat.slice(2).map((_, i): [number, number, number] => [0, i + 1, i + 2]) : null;
  const triangles: [number, number, number][] = [];
  for (const [a, b, c] of fan ?? (ShapeUtils.triangulateShape(flat, []) as [number, number, number][])) {
    const side = dot(cross(sub(ring[b]!, ring[a]!), sub(ring[c]!, ring[a]!)), normal);
    if (Math.abs(side) < 1e-9) continue; // a sliver of collinear corners draws nothing
    triangles.push(side > 0 ? [a, b, c] : [a, c, b]);
  }
  return { ring, normal, triangles, areaM2: length / 2 };
}

/** Area of a triangulation, for checks: the sum of its triangles. */
export function triangulatedArea(p: RoofPolygon): number {
  let sum = 0;
  for (const [a, b, c] of p.triangles) sum += Math.hypot(...cross(sub(p.ring[b]!, p.ring[a]!), sub(p.ring[c]!, p.ring[a]!))) / 2;
  return sum;
}

/** A building's roof rings in local metres around the site origin. */
export function localRoofPolygons(rings: readonly RoofRing[], project: LocalProjection): RoofPolygon[] {
  const out: RoofPolygon[] = [];
  for (const ring of rings) {
    if (!Array.isArray(ring) || ring.length < 3) continue;
    if (!ring.every((p) => Array.isArray(p) && p.length === 3 && p.every((x) => Number.isFinite(x)))) continue;
    const polygon = roofPolygon(
      ring.map(([lon, lat, h]): Local3 => {
        const [x, y] = project([lon, lat]);
        return [x, y, h];
      }),
    );
    if (polygon) out.push(polygon);
  }
  return out;
}

function insideRing(x: number, y: number, ring: readonly (readonly [number, number, ...number[]])[]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const a = ring[i]!;
    const b = ring[j]!;
    if (a[1] > y !== b[1] > y && x < ((b[0] - a[0]) * (y - a[1])) / (b[1] - a[1]) + a[0]) inside = !inside;
  }
  return inside;
}

function distanceToSegment(x: number, y: number, a: readonly number[], b: readonly number[]): number {
  const dx = b[0]! - a[0]!;
  const dy = b[1]! - a[1]!;
  const l2 = dx * dx + dy * dy;
  const t = l2 > 0 ? Math.max(0, Math.min(1, ((x - a[0]!) * dx + (y - a[1]!) * dy) / l2)) : 0;
  return Math.hypot(x - (a[0]! + t * dx), y - (a[1]! + t * dy));
}

/** Horizontal distance from a point to a polygon seen from above (0 inside). */
function distanceSeenFromAbove(x: number, y: number, p: RoofPolygon): number {
  if (insideRing(x, y, p.ring)) return 0;
  let best = Infinity;
  for (let i = 0; i < p.ring.length; i++) best = Math.min(best, distanceToSegment(x, y, p.ring[i]!, p.ring[(i + 1) % p.ring.length]!));
  return best;
}

function signedArea2(ring: readonly (readonly number[])[]): number {
  let sum = 0;
  for (let i = 0; i < ring.length; i++) {
    const a = ring[i]!;
    const b = ring[(i + 1) % ring.length]!;
    sum += a[0]! * b[1]! - b[0]! * a[1]!;
  }
  return sum / 2;
}

const holdsHeight = (p: RoofPolygon): boolean => p.normal[2] > MIN_UP_COMPONENT;

/** Height of a polygon's plane above (x, y). */
function planeHeight(p: RoofPolygon, x: number, y: number): number {
  const o = p.ring[0]!;
  return o[2] - (p.normal[0] * (x - o[0]) + p.normal[1] * (y - o[1])) / p.normal[2];
}

/** The highest roof above a point (polygons within a few cm count), or null where no roof is. */
export function roofHeightAt(polygons: readonly RoofPolygon[], x: number, y: number, except?: RoofPolygon): number | null {
  let best: number | null = null;
  for (const p of polygons) {
    if (p === except || !holdsHeight(p) || distanceSeenFromAbove(x, y, p) > ON_EDGE_M) continue;
    const h = planeHeight(p, x, y);
    if (best === null || h > best) best = h;
  }
  return best;
}

/** The lowest roof corner: where walls stop when no roof polygon lies above them. */
export function eavesHeight(polygons: readonly RoofPolygon[]): number {
  let low = Infinity;
  for (const p of polygons) for (const q of p.ring) low = Math.min(low, q[2]);
  return Number.isFinite(low) ? low : 0;
}

/** Parameters along a→b where a roof edge crosses it or a roof corner lies on it: where the wall top may bend. */
function bendsAlong(a: LocalXY, b: LocalXY, polygons: readonly RoofPolygon[]): number[] {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const len = Math.hypot(dx, dy);
  const ts = [0, 1];
  for (const p of polygons) {
    for (let i = 0; i < p.ring.length; i++) {
      const c = p.ring[i]!;
      const d = p.ring[(i + 1) % p.ring.length]!;
      if (distanceToSegment(c[0], c[1], a, b) <= ON_EDGE_M) ts.push(((c[0] - a[0]) * dx + (c[1] - a[1]) * dy) / (len * len));
      const ex = d[0] - c[0];
      const ey = d[1] - c[1];
      const den = dx * ey - dy * ex;
      if (Math.abs(den) < 1e-12) continue;
      const t = ((c[0] - a[0]) * ey - (c[1] - a[1]) * ex) / den;
      const s = ((c[0] - a[0]) * dy - (c[1] - a[1]) * dx) / den;
      if (s >= -1e-9 && s <= 1 + 1e-9) ts.push(t);
    }
  }
  const inside = ts.filter((t) => t > 0 && t < 1).sort((p, q) => p - q);
  // bends closer than a centimetre (to each other or to the corners) are one
  const out = [0];
  for (const t of inside) if ((t - out[out.length - 1]!) * len > 0.01 && (1 - t) * len > 0.01) out.push(t);
  out.push(1);
  return out;
}

/**
 * The walls of a building with a modelled roof: every footprint edge (counter-clockwise ring) split where the
 * roof bends above it, from the ground up to the roof; plus steps inside the footprint where one roof polygon
 * ends above a lower one (building parts of different heights, dormers).
 */
export function wallsUnderRoof(footprint: readonly LocalXY[], polygons: readonly RoofPolygon[]): WallPiece[] {
  const eaves = eavesHeight(polygons);
  const pieces: WallPiece[] = [];
  for (let i = 0; i < footprint.length; i++) {
    const a = footprint[i]!;
    const b = footprint[(i + 1) % footprint.length]!;
    const len = Math.hypot(b[0] - a[0], b[1] - a[1]);
    if (len < 1e-6) continue;
    const outward: LocalXY = [(b[1] - a[1]) / len, -(b[0] - a[0]) / len];
    const at = (t: number): LocalXY => [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t];
    const ts = bendsAlong(a, b, polygons);
    for (let k = 1; k < ts.length; k++) {
      const p = at(ts[k - 1]!);
      const q = at(ts[k]!);
      pieces.push({
        a: p,
        b: q,
        bottomA: 0,
        bottomB: 0,
        topA: roofHeightAt(polygons, p[0], p[1]) ?? eaves,
        topB: roofHeightAt(polygons, q[0], q[1]) ?? eaves,
        outward,
      });
    }
  }
  pieces.push(...roofSteps(footprint, polygons));
  return pieces;
}

/** Vertical faces where a roof polygon's edge, inside the footprint, stands above the roof beside it. */
function roofSteps(footprint: readonly LocalXY[], polygons: readonly RoofPolygon[]): WallPiece[] {
  const out: WallPiece[] = [];
  for (const p of polygons) {
    if (!holdsHeight(p)) continue;
    // outward is to the right of each edge of a ring that turns counter-clockwise seen from above
    const turn = Math.sign(signedArea2(p.ring)) || 1;
    for (let i = 0; i < p.ring.length; i++) {
      const c = p.ring[i]!;
      const d = p.ring[(i + 1) % p.ring.length]!;
      const len = Math.hypot(d[0] - c[0], d[1] - c[1]);
      if (len < 0.05) continue;
      const outward: LocalXY = [(turn * (d[1] - c[1])) / len, (-turn * (d[0] - c[0])) / len];
      const probe = (q: Local3): LocalXY => [q[0] + outward[0] * 0.1, q[1] + outward[1] * 0.1];
      const pc = probe(c);
      const pd = probe(d);
      const mid: LocalXY = [(pc[0] + pd[0]) / 2, (pc[1] + pd[1]) / 2];
      if (!insideRing(mid[0], mid[1], footprint)) continue; // at the outer walls: the footprint walls close it
      // the roof beside the edge, measured at the edge itself (so that a ridge is no step)
      const beside = polygons.filter((o) => o !== p && holdsHeight(o) && distanceSeenFromAbove(mid[0], mid[1], o) <= ON_EDGE_M);
      if (beside.length === 0) continue;
      const lowC = Math.max(...beside.map((o) => planeHeight(o, c[0], c[1])));
      const lowD = Math.max(...beside.map((o) => planeHeight(o, d[0], d[1])));
      if (c[2] - lowC < 0.05 && d[2] - lowD < 0.05) continue;
      out.push({ a: [c[0], c[1]], b: [d[0], d[1]], bottomA: Math.min(lowC, c[2]), bottomB: Math.min(lowD, d[2]), topA: c[2], topB: d[2], outward });
    }
  }
  return out;
}
