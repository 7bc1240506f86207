/**
 * All buildings of a district in ONE BufferGeometry, so that draw calls stay constant however many buildings
 * there are. Each vertex carries its building's index (for GPU picking) and a colour (for the metric colouring);
 * per-building vertex ranges let the colouring change without rebuilding the geometry.
 */
import { BufferAttribute, BufferGeometry, ShapeUtils, Vector2 } from 'three';
import type { Building } from '../../models/types.js';
import { localProjection, normaliseRing, signedArea, type LocalXY, type Origin } from './projection.js';

export const DEFAULT_HEIGHT_M = 6;

export interface BuildingSlot {
  readonly id: string;
  readonly index: number;
  readonly vertexStart: number;
  readonly vertexCount: number;
  /** Centre of the footprint's bounding box in scene coordinates (x east, z south), and the roof height. */
  readonly centre: readonly [x: number, y: number, z: number];
  readonly footprintAreaM2: number;
  /** Centroids of the largest roof triangles, biggest first: points that certainly lie on this building's roof. */
  readonly roofAnchors: readonly (readonly [number, number, number])[];
}

export interface SkippedBuilding {
  readonly id: string;
  readonly reason: string;
}

export interface DistrictGeometry {
  readonly geometry: BufferGeometry;
  readonly slots: readonly BuildingSlot[];
  readonly skipped: readonly SkippedBuilding[];
  /** Scene-space bounds of all footprints: [minX, minZ, maxX, maxZ], and the tallest roof. */
  readonly bounds: { readonly minX: number; readonly minZ: number; readonly maxX: number; readonly maxZ: number; readonly maxY: number };
}

interface Prepared {
  readonly building: Building;
  readonly ring: LocalXY[];
  readonly height: number;
  readonly roof: number[][];
}

function footprintProblem(building: Building): string | null {
  if (!Array.isArray(building.footprint) || building.footprint.length < 3) {
    return `footprint has ${Array.isArray(building.footprint) ? building.footprint.length : 0} points, needs at least 3`;
  }
  const bad = building.footprint.findIndex((p) => !Number.isFinite(p[0]) || !Number.isFinite(p[1]));
  return bad >= 0 ? `footprint point ${bad} is not a finite lon/lat pair` : null;
}

/** True when a counter-clockwise ring turns left (or goes straight) at every corner. */
export function isConvex(ring: readonly LocalXY[]): boolean {
  const n = ring.length;
  for (let i = 0; i < n; i++) {
    const a = ring[i]!;
    const b = ring[(i + 1) % n]!;
    const c = ring[(i + 2) % n]!;
    if ((b[0] - a[0]) * (c[1] - b[1]) - (b[1] - a[1]) * (c[0] - b[0]) < -1e-9) return false;
  }
  return true;
}

/** Builds the merged geometry. Buildings with unusable footprints are skipped and reported, never thrown on. */
export function buildDistrictGeometry(origin: Origin, buildings: readonly Building[]): DistrictGeometry {
  const project = localProjection(origin);
  const prepared: Prepared[] = [];
  const skipped: SkippedBuilding[] = [];
  let vertexTotal = 0;
  for (const building of buildings) {
    const problem = footprintProblem(building);
    if (problem) {
      skipped.push({ id: building.id, reason: problem });
      continue;
    }
    const ring = normaliseRing(building.footprint.map(project));
    if (ring.length < 3 || Math.abs(signedArea(ring)) < 1e-6) {
      skipped.push({ id: building.id, reason: 'footprint has no area' });
      continue;
    }
    const height = Number.isFinite(building.heightM) && building.heightM > 0 ? building.heightM : DEFAULT_HEIGHT_M;
    // most footprints are convex (rectangles): a fan is exact and much cheaper than earcut. Earcut may return
    // slivers of collinear points; they draw nothing and would make bad pick anchors.
    const roof = isConvex(ring)
      ? ring.slice(2).map((_, i) => [0, i + 1, i + 2])
      : ShapeUtils.triangulateShape(
          ring.map(([x, y]) => new Vector2(x, y)),
          [],
        ).filter((tri) => Math.abs(signedArea(tri.map((k) => ring[k]!))) > 1e-6);
    prepared.push({ building, ring, height, roof });
    vertexTotal += ring.length * 6 + roof.length * 3;
  }

  const positions = new Float32Array(vertexTotal * 3);
  const normals = new Float32Array(vertexTotal * 3);
  const colors = new Float32Array(vertexTotal * 3).fill(0.7);
  const indices = new Float32Array(vertexTotal);
  const slots: BuildingSlot[] = [];
  const bounds = { minX: Infinity, minZ: Infinity, maxX: -Infinity, maxZ: -Infinity, maxY: 0 };
  let v = 0;
  const put = (x: number, y: number, z: number, nx: number, ny: number, nz: number, index: number): void => {
    positions[v * 3] = x;
    positions[v * 3 + 1] = y;
    positions[v * 3 + 2] = z;
    normals[v * 3] = nx;
    normals[v * 3 + 1] = ny;
    normals[v * 3 + 2] = nz;
    indices[v] = index;
    v++;
  };

  prepared.forEach(({ building, ring, height, roof }, index) => {
    const start = v;
    let minX = Infinity;
    let minZ = Infinity;
    let maxX = -Infinity;
    let maxZ = -Infinity;
    // scene axes: x = east, y = up, z = south (three.js is right-handed with y up)
    for (let i = 0; i < ring.length; i++) {
      const a = ring[i]!;
      const b = ring[(i + 1) % ring.length]!;
      const ax = a[0];
      const az = -a[1];
      const bx = b[0];
      const bz = -b[1];
      minX = Math.min(minX, ax);
      maxX = Math.max(maxX, ax);
      minZ = Math.min(minZ, az);
      maxZ = Math.max(maxZ, az);
      // outward normal of a counter-clockwise ring edge is (dy, -dx) in east/north, i.e. (dy, 0, dx) in the scene
      const dx = b[0] - a[0];
      const dy = b[1] - a[1];
      const len = Math.hypot(dx, dy) || 1;
      const nx = dy / len;
      const nz = dx / len;
      put(ax, 0, az, nx, 0, nz, index);
      put(bx, 0, bz, nx, 0, nz, index);
      put(bx, height, bz, nx, 0, nz, index);
      put(ax, 0, az, nx, 0, nz, index);
      put(bx, height, bz, nx, 0, nz, index);
      put(ax, height, az, nx, 0, nz, index);
    }
    const anchors: { area: number; at: [number, number, number] }[] = [];
    for (const tri of roof) {
      const p = tri.map((k) => ring[k]!);
      anchors.push({
        area: Math.abs(signedArea(p)),
        at: [(p[0]![0] + p[1]![0] + p[2]![0]) / 3, height, -(p[0]![1] + p[1]![1] + p[2]![1]) / 3],
      });
      // counter-clockwise from above in east/north keeps the roof facing up once north becomes -z
      const area = signedArea(p);
      const order = area >= 0 ? p : [p[0]!, p[2]!, p[1]!];
      for (const q of order) put(q[0], height, -q[1], 0, 1, 0, index);
    }
    bounds.minX = Math.min(bounds.minX, minX);
    bounds.maxX = Math.max(bounds.maxX, maxX);
    bounds.minZ = Math.min(bounds.minZ, minZ);
    bounds.maxZ = Math.max(bounds.maxZ, maxZ);
    bounds.maxY = Math.max(bounds.maxY, height);
    slots.push({
      id: building.id,
      index,
      vertexStart: start,
      vertexCount: v - start,
      centre: [(minX + maxX) / 2, height, (minZ + maxZ) / 2],
      footprintAreaM2: Math.abs(signedArea(ring)),
      roofAnchors: anchors
        .sort((a, b) => b.area - a.area)
        .slice(0, 8)
        .map((a) => a.at),
    });
  });

  const geometry = new BufferGeometry();
  geometry.setAttribute('position', new BufferAttribute(positions, 3));
  geometry.setAttribute('normal', new BufferAttribute(normals, 3));
  geometry.setAttribute('color', new BufferAttribute(colors, 3));
  geometry.setAttribute('buildingIndex', new BufferAttribute(indices, 1));
  geometry.computeBoundingSphere();
  geometry.computeBoundingBox();
  if (slots.length === 0) Object.assign(bounds, { minX: -50, minZ: -50, maxX: 50, maxZ: 50, maxY: 10 });
  return { geometry, slots, skipped, bounds };
}

/** Paints one building's vertices; returns false when the index is out of range. */
export function paintBuilding(district: DistrictGeometry, index: number, rgb: readonly [number, number, number]): boolean {
  const slot = district.slots[index];
  if (!slot) return false;
  const attr = district.geometry.getAttribute('color') as BufferAttribute;
  const arr = attr.array as Float32Array;
  for (let k = slot.vertexStart; k < slot.vertexStart + slot.vertexCount; k++) {
    arr[k * 3] = rgb[0];
    arr[k * 3 + 1] = rgb[1];
    arr[k * 3 + 2] = rgb[2];
  }
  attr.needsUpdate = true;
  return true;
}
