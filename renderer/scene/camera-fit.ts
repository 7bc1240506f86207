/** Where the orbit camera starts: looking at the district's centre from the south-east, far enough to see it all. */
export interface Bounds2D {
  readonly minX: number;
  readonly minZ: number;
  readonly maxX: number;
  readonly maxZ: number;
  readonly maxY: number;
}

export interface CameraFit {
  readonly target: readonly [number, number, number];
  readonly position: readonly [number, number, number];
  readonly near: number;
  readonly far: number;
  /** Half the diagonal of the footprint bounds, m. */
  readonly radius: number;
}

/** Largest |NDC| coordinate of the district's box corners seen from `eye` towards `target` (1 = at the edge). */
function worstNdc(
  bounds: Bounds2D,
  eye: readonly [number, number, number],
  target: readonly [number, number, number],
  tanV: number,
  tanH: number,
): number {
  const f = normalise([target[0] - eye[0], target[1] - eye[1], target[2] - eye[2]]);
  const r = normalise(cross(f, [0, 1, 0]));
  const u = cross(r, f);
  let worst = 0;
  for (const x of [bounds.minX, bounds.maxX])
    for (const y of [0, bounds.maxY])
      for (const z of [bounds.minZ, bounds.maxZ]) {
        const v: Vec3 = [x - eye[0], y - eye[1], z - eye[2]];
        const depth = dot(v, f);
        if (depth <= 0) return Infinity;
        worst = Math.max(worst, Math.abs(dot(v, r) / depth / tanH), Math.abs(dot(v, u) / depth / tanV));
      }
  return worst;
}

type Vec3 = [number, number, number];
const dot = (a: Vec3, b: Vec3): number => a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
const cross = (a: Vec3, b: Vec3): Vec3 => [a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]];
const normalise = (a: Vec3): Vec3 => {
  const l = Math.hypot(...a) || 1;
  return [a[0] / l, a[1] / l, a[2] / l];
};

/** Unit vector from the district's centre towards the eye of the first view: elevation 50°, from the south-east so that south-facing roofs are in view. */
const ELEV = (50 * Math.PI) / 180;
const AZ = (35 * Math.PI) / 180;
export const DEFAULT_VIEW_DIRECTION: readonly [number, number, number] = [Math.cos(ELEV) * Math.sin(AZ), Math.sin(ELEV), Math.cos(ELEV) * Math.cos(AZ)];

const centreOf = (bounds: Bounds2D): Vec3 => [(bounds.minX + bounds.maxX) / 2, 0, (bounds.minZ + bounds.maxZ) / 2];
/** Half the diagonal of the district's box, at least 10 m. */
export const radiusOf = (bounds: Bounds2D): number => Math.max(10, Math.hypot(bounds.maxX - bounds.minX, bounds.maxZ - bounds.minZ, bounds.maxY) / 2);

/**
 * The closest distance from the district's centre, looking back along `direction` (a unit vector from the centre
 * towards the eye), at which every corner of the district is within `margin` of the canvas edge.
 */
export function fitDistance(
  bounds: Bounds2D,
  verticalFovDeg: number,
  aspect: number,
  direction: readonly [number, number, number] = DEFAULT_VIEW_DIRECTION,
  margin = 0.9,
): number {
  const target = centreOf(bounds);
  const radius = radiusOf(bounds);
  const tanV = Math.tan((verticalFovDeg * Math.PI) / 360);
  const tanH = tanV * Math.max(0.1, aspect);
  const dir = normalise([direction[0], direction[1], direction[2]]);
  const eyeAt = (distance: number): Vec3 => [target[0] + dir[0] * distance, target[1] + dir[1] * distance, target[2] + dir[2] * distance];
  // the bounding sphere always fits at this distance; search down to the closest distance that still fits
  let hi = radius / Math.sin(Math.atan(Math.min(tanV, tanH))) / margin + radius;
  let lo = 0;
  for (let i = 0; i < 40; i++) {
    const mid = (lo + hi) / 2;
    if (worstNdc(bounds, eyeAt(mid), target, tanV, tanH) <= margin) hi = mid;
    else lo = mid;
  }
  return hi;
}

/** Near and far planes for an eye `distance` from a district of this radius. */
export function clipPlanes(distance: number, radius: number): { readonly near: number; readonly far: number } {
  return { near: Math.max(0.1, distance / 1000), far: distance * 10 + radius * 4 };
}

/** The closest camera position (fixed view direction) that keeps every corner of the district within `margin` of the edge. */
export function fitCamera(bounds: Bounds2D, verticalFovDeg: number, aspect: number, margin = 0.9): CameraFit {
  const target = centreOf(bounds);
  const radius = radiusOf(bounds);
  const distance = fitDistance(bounds, verticalFovDeg, aspect, DEFAULT_VIEW_DIRECTION, margin);
  const d = DEFAULT_VIEW_DIRECTION;
  return {
    target,
    position: [target[0] + d[0] * distance, target[1] + d[1] * distance, target[2] + d[2] * distance],
    ...clipPlanes(distance, radius),
    radius,
  };
}

/**
 * The eye's new distance from its orbit target when the canvas' aspect changes from `fromAspect` to `toAspect`.
 *
 * Why this rule: a resize (window, dock folded or opened) is not the user's doing, so the picture should look as
 * the user left it, only fitted to the new shape. Keeping the camera as it is would cut the district's sides off
 * when the canvas narrows (the vertical field of view is fixed); re-running the first view's fit would throw away
 * where the user orbited and zoomed to. So the orbit direction and target stay, and the distance is scaled by how
 * much the district's own fit distance (along that direction) changes: a district that filled the canvas still
 * fills it, one the user zoomed into to twice the canvas stays twice the canvas. For an untouched view this is
 * exactly the first view's fit at the new size; and folding the dock and opening it again returns the same camera
 * (the factors of the two steps cancel).
 */
export function refitDistance(
  currentDistance: number,
  bounds: Bounds2D,
  verticalFovDeg: number,
  fromAspect: number,
  toAspect: number,
  direction: readonly [number, number, number],
): number {
  const before = fitDistance(bounds, verticalFovDeg, fromAspect, direction);
  const after = fitDistance(bounds, verticalFovDeg, toAspect, direction);
  return before > 0 && Number.isFinite(before) && Number.isFinite(after) ? (currentDistance * after) / before : currentDistance;
}
