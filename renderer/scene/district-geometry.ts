/**
 * All buildings of a district in ONE BufferGeometry, so that draw calls stay constant however many buildings
 * there are. Each vertex carries its building's index (for GPU picking) and a colour (for the metric colouring);
 * per-building vertex ranges let the colouring change without rebuilding the geometry. Buildings with modelled
 * (LoD2) roofs get walls up to the roof and the roof polygons themselves; the others are extruded footprints.
 * PV panels of the whole district go into a second merged geometry (one more draw call, whatever the count).
 */
import { BufferAttribute, BufferGeometry, ShapeUtils, Vector2 } from 'three';
import type { Building, RoofRing } from '../../models/types.js';
import { localProjection, normaliseRing, signedArea, type LocalXY, type Origin } from './projection.js';
import { panelPolygons, type PvSystem } from './pv-panels.js';
import { localRoofPolygons, roofPolygon, wallsUnderRoof, type Local3, type RoofPolygon, type WallPiece } from './roof-geometry.js';

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
  /** Drawn with its modelled roof polygons (else extruded to heightM). */
  readonly modelledRoof: boolean;
  /** Area of the PV panels drawn on it, m² (0 without PV). */
  readonly panelAreaM2: number;
}

export interface DistrictGeometryOptions {
  /** Roof rings per building id (LoD2 imports): those buildings are drawn with their roofs as modelled. */
  readonly roofShapes?: ReadonlyMap<string, readonly RoofRing[]>;
  /** Buildings with PV: panels go on the roof face that looks most to the south. */
  readonly pv?: ReadonlyMap<string, PvSystem>;
}

/** Why a building is not drawn, as data: the page translates it (the notice over the scene lists them). */
export type SkipProblem =
  | { readonly kind: 'too-few-points'; readonly count: number }
  | { readonly kind: 'not-finite'; readonly index: number }
  | { readonly kind: 'no-area' };

export interface SkippedBuilding {
  readonly id: string;
  /** The problem in English, for logs and tests. */
  readonly reason: string;
  readonly problem: SkipProblem;
}

export const NO_AREA: SkipProblem = { kind: 'no-area' };

export interface DistrictGeometry {
  readonly geometry: BufferGeometry;
  readonly slots: readonly BuildingSlot[];
  readonly skipped: readonly SkippedBuilding[];
  /** Every PV panel of the district in one geometry (position, normal); null when no building has PV. */
  readonly panels: BufferGeometry | null;
  /** Scene-space bounds of all footprints: [minX, minZ, maxX, maxZ], and the tallest roof. */
  readonly bounds: { readonly minX: number; readonly minZ: number; readonly maxX: number; readonly maxZ: number; readonly maxY: number };
}

interface Prepared {
  readonly building: Building;
  readonly ring: LocalXY[];
  readonly height: number;
  /** Extruded: the flat roof's triangles (indices into ring). */
  readonly roof: number[][];
  /** Modelled: the roof polygons and the walls under them. */
  readonly modelled: { readonly polygons: RoofPolygon[]; readonly walls: WallPiece[] } | null;
}

/** The flat top of an extruded building as a roof polygon, for placing panels. */
function flatRoof(ring: readonly LocalXY[], height: number): RoofPolygon | null {
  return roofPolygon(ring.map(([x, y]): Local3 => [x, y, height]));
}

const hasHeight = (w: WallPiece): boolean => w.topA - w.bottomA > 1e-3 || w.topB - w.bottomB > 1e-3;

function footprintProblem(building: Building): Omit<SkippedBuilding, 'id'> | null {
  if (!Array.isArray(building.footprint) || building.footprint.length < 3) {
    const count = Array.isArray(building.footprint) ? building.footprint.length : 0;
    return { reason: `footprint has ${count} points, needs at least 3`, problem: { kind: 'too-few-points', count } };
  }
  const bad = building.footprint.findIndex((p) => !Number.isFinite(p[0]) || !Number.isFinite(p[1]));
  return bad >= 0 ? { reason: `footprint point ${bad} is not a finite lon/lat pair`, problem: { kind: 'not-finite', index: bad } } : null;
}

/** True when a counter-clockwise ring turns left (or goes straight) at every corner. */
/** (b - a) x (c - a): its direction is the triangle's normal by winding, its length twice the area. */
function triangleCross(a: Local3, b: Local3, c: Local3): [number, number, number] {
  const ux = b[0] - a[0];
  const uy = b[1] - a[1];
  const uz = b[2] - a[2];
  const wx = c[0] - a[0];
  const wy = c[1] - a[1];
  const wz = c[2] - a[2];
  return [uy * wz - uz * wy, uz * wx - ux * wz, ux * wy - uy * wx];
}

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
export function buildDistrictGeometry(origin: Origin, buildings: readonly Building[], options: DistrictGeometryOptions = {}): DistrictGeometry {
  const project = localProjection(origin);
  const prepared: Prepared[] = [];
  const skipped: SkippedBuilding[] = [];
  let vertexTotal = 0;
  for (const building of buildings) {
    const problem = footprintProblem(building);
    if (problem) {
      skipped.push({ id: building.id, ...problem });
      continue;
    }
    const ring = normaliseRing(building.footprint.map(project));
    if (ring.length < 3 || Math.abs(signedArea(ring)) < 1e-6) {
      skipped.push({ id: building.id, reason: 'footprint has no area', problem: NO_AREA });
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
    const rings = options.roofShapes?.get(building.id);
    const polygons = rings ? localRoofPolygons(rings, project) : [];
    if (polygons.length > 0) {
      const walls = wallsUnderRoof(ring, polygons).filter(hasHeight);
      prepared.push({ building, ring, height, roof, modelled: { polygons, walls } });
      vertexTotal += walls.length * 6 + polygons.reduce((n, p) => n + p.triangles.length * 3, 0);
    } else {
      prepared.push({ building, ring, height, roof, modelled: null });
      vertexTotal += ring.length * 6 + roof.length * 3;
    }
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
  // local (east, north, up) to the scene (x east, y up, z south); a proper rotation, so windings survive it
  const putLocal = (p: Local3, n: readonly [number, number, number], index: number): void => put(p[0], p[2], -p[1], n[0], n[2], -n[1], index);
  /** A triangle wound counter-clockwise seen from the side its normal points to. */
  const putFacing = (a: Local3, b: Local3, c: Local3, n: readonly [number, number, number], index: number): void => {
    const [cx, cy, cz] = triangleCross(a, b, c);
    const side = cx * n[0] + cy * n[1] + cz * n[2];
    putLocal(a, n, index);
    putLocal(side >= 0 ? b : c, n, index);
    putLocal(side >= 0 ? c : b, n, index);
  };
  const panels: { ring: readonly Local3[] }[] = [];
  const panelArea = new Map<string, number>();
  const placePanels = (id: string, faces: readonly RoofPolygon[]): void => {
    const system = options.pv?.get(id);
    if (!system) return;
    let area = 0;
    for (const panel of panelPolygons(faces, system)) {
      const p = roofPolygon(panel.ring);
      if (!p) continue;
      panels.push(panel);
      area += p.areaM2;
    }
    panelArea.set(id, area);
  };

  prepared.forEach(({ building, ring, height, roof, modelled }, index) => {
    const start = v;
    let minX = Infinity;
    let minZ = Infinity;
    let maxX = -Infinity;
    let maxZ = -Infinity;
    if (modelled) {
      for (const [x, y] of ring) {
        minX = Math.min(minX, x);
        maxX = Math.max(maxX, x);
        minZ = Math.min(minZ, -y);
        maxZ = Math.max(maxZ, -y);
      }
      const top = drawModelled(modelled.polygons, modelled.walls, index);
      placePanels(building.id, modelled.polygons);
      bounds.minX = Math.min(bounds.minX, minX);
      bounds.maxX = Math.max(bounds.maxX, maxX);
      bounds.minZ = Math.min(bounds.minZ, minZ);
      bounds.maxZ = Math.max(bounds.maxZ, maxZ);
      bounds.maxY = Math.max(bounds.maxY, top.height);
      slots.push({
        id: building.id,
        index,
        vertexStart: start,
        vertexCount: v - start,
        centre: [(minX + maxX) / 2, top.height, (minZ + maxZ) / 2],
        footprintAreaM2: Math.abs(signedArea(ring)),
        roofAnchors: top.anchors,
        modelledRoof: true,
        panelAreaM2: panelArea.get(building.id) ?? 0,
      });
      return;
    }
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
    if (options.pv?.has(building.id)) {
      const top = flatRoof(ring, height);
      if (top) placePanels(building.id, [top]);
    }
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
      modelledRoof: false,
      panelAreaM2: panelArea.get(building.id) ?? 0,
    });
  });

  /** Walls and roof polygons of one building; its highest point and the centroids of its largest roof triangles. */
  function drawModelled(polygons: readonly RoofPolygon[], walls: readonly WallPiece[], index: number) {
    for (const w of walls) {
      const n: [number, number, number] = [w.outward[0], w.outward[1], 0];
      const a0: Local3 = [w.a[0], w.a[1], w.bottomA];
      const b0: Local3 = [w.b[0], w.b[1], w.bottomB];
      const b1: Local3 = [w.b[0], w.b[1], w.topB];
      const a1: Local3 = [w.a[0], w.a[1], w.topA];
      putFacing(a0, b0, b1, n, index);
      putFacing(a0, b1, a1, n, index);
    }
    let height = 0;
    const anchors: { area: number; at: [number, number, number] }[] = [];
    for (const p of polygons) {
      for (const q of p.ring) height = Math.max(height, q[2]);
      for (const [a, b, c] of p.triangles) {
        const pa = p.ring[a]!;
        const pb = p.ring[b]!;
        const pc = p.ring[c]!;
        putFacing(pa, pb, pc, p.normal, index);
        anchors.push({
          area: Math.hypot(...triangleCross(pa, pb, pc)) / 2,
          at: [(pa[0] + pb[0] + pc[0]) / 3, (pa[2] + pb[2] + pc[2]) / 3, -(pa[1] + pb[1] + pc[1]) / 3],
        });
      }
    }
    anchors.sort((x, y) => y.area - x.area);
    return { height, anchors: anchors.slice(0, 8).map((x) => x.at) };
  }

  const geometry = new BufferGeometry();
  geometry.setAttribute('position', new BufferAttribute(positions, 3));
  geometry.setAttribute('normal', new BufferAttribute(normals, 3));
  geometry.setAttribute('color', new BufferAttribute(colors, 3));
  geometry.setAttribute('buildingIndex', new BufferAttribute(indices, 1));
  geometry.computeBoundingSphere();
  geometry.computeBoundingBox();
  if (slots.length === 0) Object.assign(bounds, { minX: -50, minZ: -50, maxX: 50, maxZ: 50, maxY: 10 });
  return { geometry, slots, skipped, bounds, panels: panelGeometry(panels) };
}

/** The panels as one geometry: triangulated in their planes, facing up, in scene axes. */
function panelGeometry(panels: readonly { ring: readonly Local3[] }[]): BufferGeometry | null {
  const polygons = panels.map((p) => roofPolygon(p.ring)).filter((p): p is RoofPolygon => p !== null);
  const count = polygons.reduce((n, p) => n + p.triangles.length * 3, 0);
  if (count === 0) return null;
  const positions = new Float32Array(count * 3);
  const normals = new Float32Array(count * 3);
  let k = 0;
  for (const p of polygons) {
    const [nx, ny, nz] = p.normal;
    for (const tri of p.triangles) {
      for (const i of tri) {
        const q = p.ring[i]!;
        positions.set([q[0], q[2], -q[1]], k * 3);
        normals.set([nx, nz, -ny], k * 3);
        k++;
      }
    }
  }
  const geometry = new BufferGeometry();
  geometry.setAttribute('position', new BufferAttribute(positions, 3));
  geometry.setAttribute('normal', new BufferAttribute(normals, 3));
  geometry.computeBoundingSphere();
  return geometry;
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
