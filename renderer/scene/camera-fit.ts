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

export function fitCamera(bounds: Bounds2D, verticalFovDeg: number, aspect: number): CameraFit {
  const cx = (bounds.minX + bounds.maxX) / 2;
  const cz = (bounds.minZ + bounds.maxZ) / 2;
  const radius = Math.max(10, Math.hypot(bounds.maxX - bounds.minX, bounds.maxZ - bounds.minZ, bounds.maxY) / 2);
  const vfov = (verticalFovDeg * Math.PI) / 180;
  // the narrower of the two field-of-view angles decides how far back the camera must stand
  const hfov = 2 * Math.atan(Math.tan(vfov / 2) * Math.max(0.1, aspect));
  const fov = Math.min(vfov, hfov);
  const distance = (radius / Math.sin(fov / 2)) * 1.05;
  // elevation 50°, azimuth from south-east so that south-facing roofs are in view
  const elev = (50 * Math.PI) / 180;
  const az = (35 * Math.PI) / 180;
  const horizontal = distance * Math.cos(elev);
  return {
    target: [cx, 0, cz],
    position: [cx + horizontal * Math.sin(az), distance * Math.sin(elev), cz + horizontal * Math.cos(az)],
    near: Math.max(0.1, distance / 1000),
    far: distance * 10 + radius * 4,
    radius,
  };
}
