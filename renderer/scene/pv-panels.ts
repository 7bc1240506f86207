/**
 * Where PV panels are drawn: on the roof face(s) that look most to the south (a flat roof when that is all there
 * is), as a rectangle inset from the face's edges, sized by the system's kWp where known. Pure functions in local
 * metres (east, north, up); the scene turns the result into one merged mesh for the whole district.
 */
import { planeBasis, type Local3, type RoofPolygon, type Vec3 } from './roof-geometry.js';

export interface PvSystem {
  /** Peak power, kWp; without it the panels cover PANEL_SHARE of the chosen roof faces. */
  readonly kwp?: number;
}

/** Module area per kWp of today's crystalline modules with their gaps, m². */
export const PANEL_M2_PER_KWP = 5.5;
/** Share of the best roof faces covered when the peak power is unknown. */
export const PANEL_SHARE = 0.6;
/** How far the panels float above the roof, m: enough not to flicker into it, too little to see from afar. */
export const PANEL_LIFT_M = 0.12;
/** Below this tilt a face is flat: panels are laid along its longest edge. */
const FLAT_TILT_DEG = 5;
/** A flat roof ranks between south-east/-west and east/west faces. */
const FLAT_SCORE = 0.3;

export interface PanelPolygon {
  /** Corners in local metres, already lifted off the roof. */
  readonly ring: readonly Local3[];
  readonly normal: Vec3;
}

const tiltDeg = (n: Vec3): number => (Math.acos(Math.min(1, Math.max(-1, n[2]))) * 180) / Math.PI;

/** 1 for a face looking due south, -1 north, FLAT_SCORE for a flat one. */
export function southScore(normal: Vec3): number {
  if (tiltDeg(normal) < FLAT_TILT_DEG) return FLAT_SCORE;
  const horizontal = Math.hypot(normal[0], normal[1]);
  return horizontal > 0 ? -normal[1] / horizontal : FLAT_SCORE;
}

/** The face that looks most to the south, and every face looking the same way (a south face in pieces). */
export function panelFaces(faces: readonly RoofPolygon[]): RoofPolygon[] {
  const usable = faces.filter((f) => f.areaM2 > 1 && f.normal[2] > 0.1);
  if (usable.length === 0) return [];
  const scored = usable.map((f) => ({ f, score: southScore(f.normal), tilt: tiltDeg(f.normal) }));
  const best = scored.reduce((a, b) => (b.score > a.score || (b.score === a.score && b.f.areaM2 > a.f.areaM2) ? b : a));
  return scored.filter((s) => Math.abs(s.score - best.score) < 0.05 && Math.abs(s.tilt - best.tilt) < 5).map((s) => s.f);
}

type P2 = readonly [number, number];

function area2(poly: readonly P2[]): number {
  let sum = 0;
  for (let i = 0; i < poly.length; i++) {
    const a = poly[i]!;
    const b = poly[(i + 1) % poly.length]!;
    sum += a[0] * b[1] - b[0] * a[1];
  }
  return Math.abs(sum) / 2;
}

/** Sutherland-Hodgman: the part of a (possibly concave) polygon inside an axis-aligned rectangle. */
function clipToRect(poly: readonly P2[], x0: number, y0: number, x1: number, y1: number): P2[] {
  const edges: [(p: P2) => number][] = [[(p) => p[0] - x0], [(p) => x1 - p[0]], [(p) => p[1] - y0], [(p) => y1 - p[1]]];
  let out: P2[] = [...poly];
  for (const [inside] of edges) {
    const input = out;
    out = [];
    for (let i = 0; i < input.length; i++) {
      const cur = input[i]!;
      const prev = input[(i + input.length - 1) % input.length]!;
      const dc = inside(cur);
      const dp = inside(prev);
      if (dc >= 0) {
        if (dp < 0) out.push(lerp(prev, cur, dp / (dp - dc)));
        out.push(cur);
      } else if (dp >= 0) out.push(lerp(prev, cur, dp / (dp - dc)));
    }
    if (out.length === 0) break;
  }
  return out;
}

const lerp = (a: P2, b: P2, t: number): P2 => [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t];

/** In-plane axes for a face: along the eaves for a sloped face, along the longest edge for a flat one. */
function faceAxes(face: RoofPolygon): { u: Vec3; v: Vec3 } {
  if (tiltDeg(face.normal) >= FLAT_TILT_DEG) return planeBasis(face.normal);
  let best: Vec3 = [1, 0, 0];
  let longest = 0;
  for (let i = 0; i < face.ring.length; i++) {
    const a = face.ring[i]!;
    const b = face.ring[(i + 1) % face.ring.length]!;
    const l = Math.hypot(b[0] - a[0], b[1] - a[1]);
    if (l > longest) {
      longest = l;
      best = [(b[0] - a[0]) / l, (b[1] - a[1]) / l, 0];
    }
  }
  const n = face.normal;
  // u in the plane (flat: horizontal anyway), v = n x u
  const v: Vec3 = [n[1] * best[2] - n[2] * best[1], n[2] * best[0] - n[0] * best[2], n[0] * best[1] - n[1] * best[0]];
  return { u: best, v };
}

/** One face's panel: the face clipped to a centred rectangle, grown until it covers targetM2 or the inset. */
function panelOn(face: RoofPolygon, targetM2: number): PanelPolygon | null {
  const { u, v } = faceAxes(face);
  const o = face.ring[0]!;
  const flat: P2[] = face.ring.map((p) => {
    const d: Vec3 = [p[0] - o[0], p[1] - o[1], p[2] - o[2]];
    return [d[0] * u[0] + d[1] * u[1] + d[2] * u[2], d[0] * v[0] + d[1] * v[1] + d[2] * v[2]];
  });
  const xs = flat.map((p) => p[0]);
  const ys = flat.map((p) => p[1]);
  const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  // keep clear of the edges as installers must (about half a metre, less on small faces)
  const margin = Math.min(0.5, 0.1 * Math.min(maxX - minX, maxY - minY));
  const halfW = (maxX - minX) / 2 - margin;
  const halfH = (maxY - minY) / 2 - margin;
  if (halfW <= 0 || halfH <= 0) return null;
  const cx = (minX + maxX) / 2;
  const cy = (minY + maxY) / 2;
  const clipAt = (s: number): P2[] => clipToRect(flat, cx - s * halfW, cy - s * halfH, cx + s * halfW, cy + s * halfH);
  let panel = clipAt(1);
  if (area2(panel) > targetM2) {
    let lo = 0;
    let hi = 1;
    for (let i = 0; i < 20; i++) {
      const mid = (lo + hi) / 2;
      if (area2(clipAt(mid)) > targetM2) hi = mid;
      else lo = mid;
    }
    panel = clipAt(hi);
  }
  if (panel.length < 3 || area2(panel) < 0.5) return null;
  const n = face.normal;
  const lift = PANEL_LIFT_M;
  return {
    normal: n,
    ring: panel.map(([a, b]): Local3 => [
      o[0] + a * u[0] + b * v[0] + lift * n[0],
      o[1] + a * u[1] + b * v[1] + lift * n[1],
      o[2] + a * u[2] + b * v[2] + lift * n[2],
    ]),
  };
}

/** The panels of one building: spread over its best faces in proportion to their areas. */
export function panelPolygons(faces: readonly RoofPolygon[], system: PvSystem): PanelPolygon[] {
  const chosen = panelFaces(faces);
  const total = chosen.reduce((s, f) => s + f.areaM2, 0);
  if (total <= 0) return [];
  const kwp = system.kwp;
  const target = kwp !== undefined && Number.isFinite(kwp) && kwp > 0 ? kwp * PANEL_M2_PER_KWP : PANEL_SHARE * total;
  const out: PanelPolygon[] = [];
  for (const face of chosen) {
    const panel = panelOn(face, (target * face.areaM2) / total);
    if (panel) out.push(panel);
  }
  return out;
}
