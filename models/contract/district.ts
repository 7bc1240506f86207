/** The district: its buildings, devices and points, roofs, electricity balances and series for the panels. */
import type { Building, BuildingUse, Device, Point, RoofRing, Site } from '../types.js';
import type { SeriesBucket } from '../energy/series.js';
import type { Resolution } from '../values.js';
import type { BuildingOverview } from './overview.js';

export type { SeriesBucket } from '../energy/series.js';
export type { Resolution } from '../values.js';

export interface DistrictView {
  readonly site: Site;
  readonly buildings: readonly Building[];
  readonly devices: readonly Device[];
  readonly points: readonly Point[];
}

/**
 * The modelled roof of one building (LoD2 import): every roof polygon's outer ring. Buildings without one are
 * drawn as extruded footprints. A separate call from 'district.get' so that the district shows before roofs load.
 */
export interface RoofShape {
  readonly buildingId: string;
  readonly rings: readonly RoofRing[];
}

export interface PowerSample {
  readonly ts: number;
  /** Net power at the grid connection, kW: positive = import. */
  readonly gridKw: number;
  readonly generationKw: number;
  readonly consumptionKw: number;
}

export interface BuildingSeries {
  readonly buildingId: string;
  readonly resolution: Resolution;
  readonly energy: readonly SeriesBucket[];
  readonly power: readonly PowerSample[];
}

export interface NewBuilding {
  readonly name: string;
  readonly use: BuildingUse;
}

export interface DistrictMethods {
  'district.get': { args: Record<string, never>; result: DistrictView };
  'district.roofShapes': { args: Record<string, never>; result: readonly RoofShape[] };
  /** Each building over the period as the analysis computes it (verdict, coverage, colour values). */
  'district.balances': { args: { from: number; to: number }; result: readonly BuildingOverview[] };
  'building.series': {
    args: { buildingId: string; from: number; to: number; resolution: Resolution };
    result: BuildingSeries;
  };
}
