/**
 * Turns one RawBuilding into a PlusTwin Building (WGS84 footprint, height) and its roof surfaces (area, tilt,
 * azimuth measured in metric coordinates).
 */
import type { Building, LonLat, RoofPoint, RoofRing, RoofSurface } from '../../../../models/types.js';
import type { Crs } from '../crs/crs.js';
import { localPlane } from '../geometry/local-plane.js';
import { mergeOutline } from '../geometry/merge-outline.js';
import { type Ring2, convexHull, signedArea } from '../geometry/ring2d.js';
import { type PolygonRings, surfaceOrientation } from '../geometry/surface-orientation.js';
import { newellNormal, length3 } from '../geometry/vector.js';
import { STOREY_HEIGHT_M } from '../import-result.js';
import type { Warnings } from '../warnings.js';
import { roofTypeFromCode, useFromFunction } from './codes.js';
import { CityGmlProblem } from './citygml-handler.js';
import type { RawBuilding, RawPolygon } from './raw-building.js';

export interface AssemblyContext {
  readonly crs: Crs;
  /** The file gives latitude first (GML with a URN for a geographic CRS). */
  readonly latLonOrder: boolean;
  readonly warnings: Warnings;
}

export interface AssembledBuilding {
  readonly building: Building;
  readonly roofs: RoofSurface[];
}

/** Below this a roof piece is a modelling artefact, not a surface to put modules on. */
const MIN_ROOF_AREA_M2 = 0.1;

// Math.round on a scaled value: Number(v.toFixed(d)) costs several times as much on big files
const round = (v: number, digits: number): number => {
  const f = 10 ** digits;
  return Math.round(v * f) / f;
};

export function assembleBuilding(raw: RawBuilding, id: string, ctx: AssemblyContext): AssembledBuilding | null {
  const polygons = resolveReferences(raw);
  if (polygons.length === 0) {
    ctx.warnings.add('building without polygons skipped', id);
    return null;
  }
  const { toMetric, toLonLat, native } = metricFrame(raw, polygons, ctx);
  // nothing below changes a polygon or a ring: native metric coordinates are taken as they are, without a copy
  const metric = native ? polygons : polygons.map((p) => ({ ...p, exterior: toMetric(p.exterior), interiors: p.interiors.map(toMetric) }));

  const outline = footprint(metric, id, ctx.warnings);
  if (!outline) {
    ctx.warnings.add('building without a usable footprint skipped', id);
    return null;
  }
  const footprintM2 = signedArea(outline);
  const heightM = height(raw, metric, id, ctx.warnings);
  const roofs = roofSurfaces(metric, id, footprintM2, roofRingMaker(metric, toLonLat));
  const roofType =
    roofTypeFromCode(raw.roofTypeCode) ?? (roofs.every((r) => r.tiltDeg < 1) ? ('flat' as const) : undefined);
  const address = joinPresent(joinPresent(raw.street, raw.houseNumber, ' '), joinPresent(raw.postalCode, raw.locality, ' '), ', ');
  // the optional fields set one by one in this order, not spread in: the doc's JSON lists them in the order set
  const building: Mutable<Building> = {
    id,
    name: raw.name ?? (address || id),
    use: useFromFunction(raw.functionCode, footprintM2, raw.storeys),
    footprint: outline.map(([x, y]): LonLat => {
      const [lon, lat] = toLonLat(x, y);
      return [round(lon, 8), round(lat, 8)];
    }),
    heightM: round(heightM, 2),
  };
  if (raw.storeys !== undefined && raw.storeys > 0) building.storeys = raw.storeys;
  if (roofType !== undefined) building.roofType = roofType;
  if (address !== '') building.address = address;
  if (raw.yearOfConstruction !== undefined) building.planning = { yearBuilt: raw.yearOfConstruction };
  return { building, roofs };
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** a and b joined by sep, either left out where it is undefined or empty. */
const joinPresent = (a: string | undefined, b: string | undefined, sep: string): string =>
  a !== undefined && a !== '' ? (b !== undefined && b !== '' ? `${a}${sep}${b}` : a) : (b ?? '');

/** Polygons referenced by a thematic surface (xlink:href) take that surface's kind. */
function resolveReferences(raw: RawBuilding): RawPolygon[] {
  if (raw.hrefs.length === 0) return raw.polygons;
  const byId = new Map<string, RawPolygon>();
  for (const p of raw.polygons) if (p.id !== undefined) byId.set(p.id, p);
  for (const ref of raw.hrefs) {
    const target = byId.get(ref.href);
    if (target && target.kind === 'none' && ref.kind !== 'none') {
      target.kind = ref.kind;
      target.surfaceId = ref.surfaceId;
    }
  }
  return raw.polygons;
}

interface Frame {
  /** toMetric would give every ring as it is. */
  readonly native: boolean;
  toMetric(ring: readonly number[]): number[];
  toLonLat(x: number, y: number): readonly [number, number];
}

/** Native metric coordinates are used as they are; degrees and Web Mercator go through a local plane. */
function metricFrame(raw: RawBuilding, polygons: readonly RawPolygon[], ctx: AssemblyContext): Frame {
  const first = polygons[0] as RawPolygon;
  const [x0, y0] = ctx.latLonOrder ? [first.exterior[1], first.exterior[0]] : [first.exterior[0], first.exterior[1]];
  const fx = x0 as number;
  const fy = y0 as number;
  if (!ctx.crs.plausible(fx, fy)) {
    throw new CityGmlProblem(
      `coordinates (${fx}, ${fy}) cannot be in ${ctx.crs.code} (${ctx.crs.name}): wrong CRS or swapped axes? ` +
        'Pass --crs to override the file',
      { line: raw.line, column: raw.column },
    );
  }
  const swap = ctx.latLonOrder;
  if (ctx.crs.metric) {
    return {
      native: !swap,
      toMetric: (ring) => (swap ? swapXY(ring) : [...ring]),
      toLonLat: rememberedLonLat(ctx.crs),
    };
  }
  const [lon0, lat0] = ctx.crs.toLonLat(fx, fy);
  const plane = localPlane(lon0, lat0);
  return {
    native: false,
    toMetric: (ring) => {
      const out = swap ? swapXY(ring) : [...ring];
      for (let i = 0; i < out.length; i += 3) {
        const [lon, lat] = ctx.crs.toLonLat(out[i] as number, out[i + 1] as number);
        const [x, y] = plane.toMetres(lon, lat);
        out[i] = x;
        out[i + 1] = y;
      }
      return out;
    },
    toLonLat: (x, y) => plane.toLonLat(x, y),
  };
}

/** Points remembered per building: its footprint's corners and its roofs' corners are mostly the same points. */
const MAX_REMEMBERED = 64;

/**
 * crs.toLonLat for one building, remembering the points it converted: a roof's eaves are corners of the footprint,
 * and proj4 was a twentieth of a parse worker's time. The same x and y give the same result, bit for bit, either way.
 */
function rememberedLonLat(crs: Crs): (x: number, y: number) => readonly [number, number] {
  const xs: number[] = [];
  const ys: number[] = [];
  const results: (readonly [number, number])[] = [];
  return (x, y) => {
    for (let k = 0; k < xs.length; k++) if (xs[k] === x && ys[k] === y) return results[k] as readonly [number, number];
    const lonLat = crs.toLonLat(x, y);
    // not a point with a coordinate 0: 0 === -0, but proj4 might tell them apart
    if (xs.length < MAX_REMEMBERED && x !== 0 && y !== 0) {
      xs.push(x);
      ys.push(y);
      results.push(lonLat);
    }
    return lonLat;
  };
}

function swapXY(ring: readonly number[]): number[] {
  const out = [...ring];
  for (let i = 0; i < out.length; i += 3) {
    out[i] = ring[i + 1] as number;
    out[i + 1] = ring[i] as number;
  }
  return out;
}

const toRing2 = (ring: readonly number[]): Ring2 => {
  const out: Ring2 = [];
  for (let i = 0; i < ring.length; i += 3) out.push([ring[i] as number, ring[i + 1] as number]);
  return out;
};

function isHorizontal(ring: readonly number[]): boolean {
  const n = newellNormal(ring);
  const len = length3(n);
  return len > 0 && Math.abs(n[2]) / len > 0.99;
}

/**
 * The outline, from the best source there is: ground surfaces, an LoD0 footprint, the lowest horizontal faces
 * of a solid (LoD1), and at last the roof outline.
 */
function footprint(polygons: readonly RawPolygon[], id: string, warnings: Warnings): Ring2 | null {
  const ground = polygons.filter((p) => p.kind === 'ground');
  let pieces = ground.length > 0 ? ground : polygons.filter((p) => p.property === 'FootPrint');
  if (pieces.length === 0) {
    let minZ = Infinity;
    for (const p of polygons) for (let i = 2; i < p.exterior.length; i += 3) minZ = Math.min(minZ, p.exterior[i] as number);
    pieces = polygons.filter((p) => {
      if (p.kind !== 'none' || !isHorizontal(p.exterior)) return false;
      for (let i = 2; i < p.exterior.length; i += 3) if ((p.exterior[i] as number) > minZ + 0.2) return false;
      return true;
    });
  }
  if (pieces.length === 0) pieces = polygons.filter((p) => p.kind === 'roof' || p.property === 'RoofEdge');
  if (pieces.length === 0) return null;
  const rings = pieces.map((p) => toRing2(p.exterior));
  const merged = mergeOutline(rings);
  if (merged) return merged;
  warnings.add('ground pieces do not join into one outline; the footprint is their convex hull', id);
  const hull = convexHull(rings.flat());
  return hull.length >= 3 && signedArea(hull) > 0 ? hull : null;
}

function height(raw: RawBuilding, polygons: readonly RawPolygon[], id: string, warnings: Warnings): number {
  if (raw.measuredHeight !== undefined && raw.measuredHeight > 0) return raw.measuredHeight;
  let minZ = Infinity;
  let maxZ = -Infinity;
  for (const p of polygons) {
    for (let i = 2; i < p.exterior.length; i += 3) {
      const z = p.exterior[i] as number;
      if (z < minZ) minZ = z;
      if (z > maxZ) maxZ = z;
    }
  }
  if (maxZ - minZ >= 0.5) return maxZ - minZ;
  if (raw.storeys !== undefined && raw.storeys > 0) {
    warnings.add(`no measured height or 3D geometry; height from storeys x ${STOREY_HEIGHT_M} m`, id);
    return raw.storeys * STOREY_HEIGHT_M;
  }
  warnings.add(`no height, storeys or 3D geometry; assumed ${2 * STOREY_HEIGHT_M} m`, id);
  return 2 * STOREY_HEIGHT_M;
}

/**
 * Roof rings as the scene draws them: WGS84 like the footprint, heights above the building's ground (its ground
 * surfaces where the file has them, else its lowest point), so that terrain heights never reach the renderer.
 */
function roofRingMaker(polygons: readonly RawPolygon[], toLonLat: Frame['toLonLat']): (exterior: ArrayLike<number>) => RoofRing {
  const ground = polygons.filter((p) => p.kind === 'ground');
  let groundZ = Infinity;
  for (const p of ground.length > 0 ? ground : polygons)
    for (let i = 2; i < p.exterior.length; i += 3) groundZ = Math.min(groundZ, p.exterior[i] as number);
  return (exterior) => {
    const ring: RoofPoint[] = [];
    for (let i = 0; i < exterior.length; i += 3) {
      const [lon, lat] = toLonLat(exterior[i] as number, exterior[i + 1] as number);
      ring.push([round(lon, 8), round(lat, 8), round((exterior[i + 2] as number) - groundZ, 2)]);
    }
    return ring;
  };
}

/** One RoofSurface per bldg:RoofSurface (its polygons together); a flat roof of the footprint without LoD2 roofs. */
function roofSurfaces(
  polygons: readonly RawPolygon[],
  buildingId: string,
  footprintM2: number,
  ringOf: (exterior: ArrayLike<number>) => RoofRing,
): RoofSurface[] {
  const groups = new Map<string, PolygonRings[]>();
  let anonymous = 0;
  for (const p of polygons) {
    if (p.kind !== 'roof') continue;
    const key = p.surfaceId ?? `#${anonymous++}`;
    let group = groups.get(key);
    if (!group) groups.set(key, (group = []));
    group.push(p);
  }
  const roofs: RoofSurface[] = [];
  for (const group of groups.values()) {
    const o = surfaceOrientation(group);
    if (o.areaM2 < MIN_ROOF_AREA_M2) continue;
    roofs.push({
      buildingId,
      areaM2: round(o.areaM2, 2),
      tiltDeg: round(o.tiltDeg, 1),
      azimuthDeg: round(o.azimuthDeg, 1),
      outlines: group.map((p) => ringOf(p.exterior)),
    });
  }
  if (roofs.length === 0) roofs.push({ buildingId, areaM2: round(footprintM2, 2), tiltDeg: 0, azimuthDeg: 180 });
  return roofs;
}
