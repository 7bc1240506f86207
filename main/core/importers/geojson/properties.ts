/**
 * Reads building attributes from GeoJSON properties under the names the common sources use: PlusTwin's own
 * (height, storeys, use, roofType), CityGML exports (measuredHeight, storeysAboveGround) and OpenStreetMap
 * (building:height, building:levels, building, roof:shape, addr:*).
 */
import type { Building, BuildingUse } from '../../../../models/types.js';

export type Properties = Readonly<Record<string, unknown>>;

const USES: readonly BuildingUse[] = ['single-family', 'multi-family', 'school', 'office', 'town-hall', 'shop', 'other'];

const OSM_USES: Readonly<Record<string, BuildingUse>> = {
  house: 'single-family',
  detached: 'single-family',
  semidetached_house: 'single-family',
  terrace: 'multi-family',
  residential: 'multi-family',
  apartments: 'multi-family',
  school: 'school',
  kindergarten: 'school',
  university: 'school',
  college: 'school',
  office: 'office',
  government: 'office',
  townhall: 'town-hall',
  retail: 'shop',
  commercial: 'shop',
  supermarket: 'shop',
  shop: 'shop',
};

const ROOF_SHAPES: Readonly<Record<string, NonNullable<Building['roofType']>>> = {
  flat: 'flat',
  gable: 'gable',
  gabled: 'gable',
  hip: 'hip',
  hipped: 'hip',
  half_hipped: 'hip',
  pyramidal: 'hip',
  shed: 'shed',
  skillion: 'shed',
  lean_to: 'shed',
};

export class PropertyProblem extends Error {}

function first(props: Properties, names: readonly string[]): unknown {
  for (const n of names) if (props[n] !== undefined && props[n] !== null && props[n] !== '') return props[n];
  return undefined;
}

/** A number, or a string that starts with one ("12.5 m"); undefined when absent. */
function numberOf(props: Properties, names: readonly string[]): number | undefined {
  const v = first(props, names);
  if (v === undefined) return undefined;
  const n = typeof v === 'number' ? v : typeof v === 'string' ? Number.parseFloat(v.replace(',', '.')) : Number.NaN;
  if (!Number.isFinite(n) || n < 0) {
    throw new PropertyProblem(`property '${names.find((k) => props[k] === v)}' must be a non-negative number, not ${JSON.stringify(v)}`);
  }
  return n;
}

const stringOf = (props: Properties, names: readonly string[]): string | undefined => {
  const v = first(props, names);
  return typeof v === 'string' || typeof v === 'number' ? String(v) : undefined;
};

export const heightOf = (p: Properties): number | undefined =>
  numberOf(p, ['heightM', 'height', 'measuredHeight', 'building:height', 'height_m']);

export const storeysOf = (p: Properties): number | undefined => {
  const n = numberOf(p, ['storeys', 'storeysAboveGround', 'building:levels', 'levels', 'floors']);
  return n === undefined ? undefined : Math.round(n);
};

/** Year of construction: PlusTwin's own name, CityGML's, a German one and OpenStreetMap's start_date ("1905-05"). */
export const yearBuiltOf = (p: Properties): number | undefined => {
  const n = numberOf(p, ['yearBuilt', 'yearOfConstruction', 'baujahr', 'start_date', 'building:start_date']);
  return n === undefined ? undefined : Math.trunc(n);
};

/** Heated floor area, m², where the source states it. */
export const floorAreaOf = (p: Properties): number | undefined => numberOf(p, ['floorAreaM2', 'floorArea', 'floor_area']);

export const nameOf = (p: Properties): string | undefined => stringOf(p, ['name', 'gml:name', 'bezeichnung']);

export function useOf(p: Properties): BuildingUse {
  const own = stringOf(p, ['use']);
  if (own !== undefined && (USES as readonly string[]).includes(own)) return own as BuildingUse;
  const osm = stringOf(p, ['building', 'building:use', 'use']);
  return (osm !== undefined ? OSM_USES[osm.toLowerCase()] : undefined) ?? 'other';
}

export function roofTypeOf(p: Properties): Building['roofType'] | undefined {
  const v = stringOf(p, ['roofType', 'roof:shape', 'roof_shape']);
  if (v === undefined) return undefined;
  return ROOF_SHAPES[v.toLowerCase()] ?? 'other';
}

export function addressOf(p: Properties): string | undefined {
  const own = stringOf(p, ['address']);
  if (own !== undefined) return own;
  const street = [stringOf(p, ['addr:street']), stringOf(p, ['addr:housenumber'])].filter(Boolean).join(' ');
  const town = [stringOf(p, ['addr:postcode']), stringOf(p, ['addr:city'])].filter(Boolean).join(' ');
  const address = [street, town].filter((s) => s !== '').join(', ');
  return address === '' ? undefined : address;
}

export const idOf = (feature: { id?: unknown }, p: Properties): string | undefined => {
  const v = feature.id ?? first(p, ['id', '@id', 'gml_id', 'gmlid', 'gml:id']);
  return typeof v === 'string' || typeof v === 'number' ? String(v) : undefined;
};
