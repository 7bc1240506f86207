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

/** The closest camera position (fixed view direction) that keeps every corner of the district within `margin` of the edge. */
export function fitCamera(bounds: Bounds2D, verticalFovDeg: number, aspect: number, margin = 0.9): CameraFit {
  const cx = (bounds.minX + bounds.maxX) / 2;
  const cz = (bounds.minZ + bounds.maxZ) / 2;
  const radius = Math.max(10, Math.hypot(bounds.maxX - bounds.minX, bounds.maxZ - bounds.minZ, bounds.maxY) / 2);
  const tanV = Math.tan((verticalFovDeg * Math.PI) / 360);
  const tanH = tanV * Math.max(0.1, aspect);
  // elevation 50°, azimuth from south-east so that south-facing roofs are in view
  const elev = (50 * Math.PI) / 180;
  const az = (35 * Math.PI) / 180;
  const target: Vec3 = [cx, 0, cz];
  const eyeAt = (distance: number): Vec3 => {
    const horizontal = distance * Math.cos(elev);
    return [cx + horizontal * Math.sin(az), distance * Math.sin(elev), cz + horizontal * Math.cos(az)];
  };
  // the bounding sphere always fits at this distance; search down to the closest distance that still fits
  let hi = radius / Math.sin(Math.atan(Math.min(tanV, tanH))) / margin + radius;
  let lo = 0;
  for (let i = 0; i < 40; i++) {
    const mid = (lo + hi) / 2;
    if (worstNdc(bounds, eyeAt(mid), target, tanV, tanH) <= margin) hi = mid;
    else lo = mid;
  }
  return {
    target,
    position: eyeAt(hi),
    near: Math.max(0.1, hi / 1000),
    far: hi * 10 + radius * 4,
    radius,
  };
}
