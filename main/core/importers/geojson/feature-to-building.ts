/**
 * One GeoJSON feature -> a Building with an assumed flat roof of its footprint area (GeoJSON has no roof
 * geometry). Footprints are Polygon or MultiPolygon (the largest part is the outline, all parts count for the roof).
 */
import type { Building, LonLat, RoofSurface } from '../../../../models/types.js';
import type { Crs } from '../crs/crs.js';
import { localPlane } from '../geometry/local-plane.js';
import { counterClockwise, openRing, signedArea } from '../geometry/ring2d.js';
import type { Warnings } from '../warnings.js';
import { STOREY_HEIGHT_M } from '../import-result.js';
import { MAX_HEIGHT_M, MAX_NAME_CHARS, MAX_STOREYS } from '../input-limits.js';
import { crossesItself } from '../geometry/self-intersection.js';
import {
  type Properties,
  PropertyProblem,
  addressOf,
  heightOf,
  idOf,
  nameOf,
  roofTypeOf,
  storeysOf,
  useOf,
} from './properties.js';

export { PropertyProblem };

function shortened(text: string | undefined, what: string, id: string, warnings: Warnings): string | undefined {
  if (text === undefined || text.length <= MAX_NAME_CHARS) return text;
  warnings.add(`${what} longer than ${MAX_NAME_CHARS} characters shortened`, id);
  return text.slice(0, MAX_NAME_CHARS);
}

export interface FeatureContext {
  readonly crs: Crs;
  readonly warnings: Warnings;
  /** Used when the feature has no id of its own: 'file.geojson#12'. */
  readonly fallbackId: string;
}

type Position = [number, number];
type PolygonCoords = Position[][];

// Math.round on a scaled value: Number(v.toFixed(d)) costs several times as much on big files
const round = (v: number, digits: number): number => {
  const f = 10 ** digits;
  return Math.round(v * f) / f;
};

function position(v: unknown, where: string): Position {
  if (!Array.isArray(v) || v.length < 2 || typeof v[0] !== 'number' || typeof v[1] !== 'number') {
    throw new PropertyProblem(`${where} must be a position [x, y], not ${JSON.stringify(v)?.slice(0, 60)}`);
  }
  if (!Number.isFinite(v[0]) || !Number.isFinite(v[1])) throw new PropertyProblem(`${where} is not finite`);
  return [v[0], v[1]];
}

function polygon(v: unknown, where: string): PolygonCoords {
  if (!Array.isArray(v) || v.length === 0) throw new PropertyProblem(`${where} must be a non-empty array of rings`);
  return v.map((ring: unknown, r) => {
    if (!Array.isArray(ring)) throw new PropertyProblem(`${where}[${r}] must be an array of positions`);
    const points = ring.map((p: unknown, i) => position(p, `${where}[${r}][${i}]`));
    if (openRing(points).length < 3) throw new PropertyProblem(`${where}[${r}] has fewer than 3 distinct positions`);
    return points;
  });
}

export function featureToBuilding(
  feature: unknown,
  ctx: FeatureContext,
): { building: Building; roofs: RoofSurface[] } | null {
  if (typeof feature !== 'object' || feature === null || (feature as { type?: unknown }).type !== 'Feature') {
    throw new PropertyProblem(`not a GeoJSON Feature (its "type" must be "Feature")`);
  }
  const f = feature as { id?: unknown; geometry?: unknown; properties?: unknown };
  const props: Properties = typeof f.properties === 'object' && f.properties !== null ? (f.properties as Properties) : {};
  let id = idOf(f, props);
  if (id !== undefined && id.length > MAX_NAME_CHARS) throw new PropertyProblem(`the id is longer than ${MAX_NAME_CHARS} characters`);
  if (id === undefined) {
    id = ctx.fallbackId;
    ctx.warnings.add('feature without id: id made from the file name and order (not stable if the file changes)', id);
  }
  const geometry = f.geometry as { type?: unknown; coordinates?: unknown } | null | undefined;
  if (!geometry || (geometry.type !== 'Polygon' && geometry.type !== 'MultiPolygon')) {
    ctx.warnings.add('feature without a Polygon or MultiPolygon geometry skipped', id);
    return null;
  }
  const polygons =
    geometry.type === 'Polygon'
      ? [polygon(geometry.coordinates, 'geometry.coordinates')]
      : (Array.isArray(geometry.coordinates) ? geometry.coordinates : [null]).map((p: unknown, i) =>
          polygon(p, `geometry.coordinates[${i}]`),
        );
  if (polygons.length === 0) throw new PropertyProblem('geometry.coordinates of the MultiPolygon is empty');

  const lonLat = polygons.map((rings) =>
    rings.map((ring) =>
      openRing(
        ring.map(([x, y], i): Position => {
          if (!ctx.crs.plausible(x, y)) {
            throw new PropertyProblem(
              `position ${i} (${x}, ${y}) cannot be in ${ctx.crs.code}: wrong CRS? GeoJSON is WGS84 lon/lat unless a "crs" member or --crs says otherwise`,
            );
          }
          return ctx.crs.toLonLat(x, y);
        }),
      ),
    ),
  );
  const [lon0, lat0] = lonLat[0]?.[0]?.[0] as Position;
  const plane = localPlane(lon0, lat0);
  const areaOf = (ring: readonly Position[]): number => Math.abs(signedArea(ring.map(([lo, la]) => plane.toMetres(lo, la))));
  let roofArea = 0;
  let outline: Position[] = [];
  let outlineArea = -1;
  for (const [exterior, ...holes] of lonLat) {
    const a = areaOf(exterior as Position[]);
    roofArea += a - holes.reduce((s, h) => s + areaOf(h), 0);
    if (a > outlineArea) {
      outlineArea = a;
      outline = exterior as Position[];
    }
  }
  if (lonLat.length > 1) ctx.warnings.add('MultiPolygon footprint: the largest part is the outline', id);

  const outlineMetres = outline.map(([lo, la]) => plane.toMetres(lo, la));
  if (crossesItself(outlineMetres)) ctx.warnings.add('footprint crosses itself (a bow-tie): its area and 3D shape are not reliable; check the geometry', id);
  const storeys = storeysOf(props);
  if (storeys !== undefined && !(storeys >= 0 && storeys <= MAX_STOREYS)) {
    throw new PropertyProblem(`${storeys} storeys is outside 0 to ${MAX_STOREYS}`);
  }
  let heightM = heightOf(props);
  if (heightM !== undefined && !(heightM >= 0 && heightM <= MAX_HEIGHT_M)) {
    throw new PropertyProblem(`height ${heightM} m is outside 0 to ${MAX_HEIGHT_M} m (the tallest building is 828 m): a unit or typing error?`);
  }
  if (heightM === undefined || heightM === 0) {
    if (storeys !== undefined && storeys > 0) {
      heightM = storeys * STOREY_HEIGHT_M;
    } else {
      heightM = 2 * STOREY_HEIGHT_M;
      ctx.warnings.add(`no height or storeys; assumed ${heightM} m`, id);
    }
  }
  const address = shortened(addressOf(props), 'address', id, ctx.warnings);
  const roofType = roofTypeOf(props);
  const building: Building = {
    id,
    name: shortened(nameOf(props), 'name', id, ctx.warnings) ?? address ?? id,
    use: useOf(props),
    footprint: counterClockwise(outline).map(([lo, la]): LonLat => [round(lo, 8), round(la, 8)]),
    heightM: round(heightM, 2),
    ...(storeys !== undefined && storeys > 0 ? { storeys } : {}),
    ...(roofType !== undefined ? { roofType } : {}),
    ...(address !== undefined ? { address } : {}),
  };
  return { building, roofs: [{ buildingId: id, areaM2: round(roofArea, 2), tiltDeg: 0, azimuthDeg: 180 }] };
}
