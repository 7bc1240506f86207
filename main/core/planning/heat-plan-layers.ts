/**
 * The heat plan as tables: the buildings layer (one feature per building, for the planning office: it holds
 * per-building figures and is not for publication) and the grid layer (published cells only, each holding at
 * least five buildings). The same columns go to the GeoPackage and the CSV files.
 */
import type { SqlValue } from '../store/sqlite-db.js';
import type { GridResult } from '../../../models/planning/grid-cells.js';
import type { HeatPlanRow } from '../../../models/planning/heat-plan-row.js';
import type { Klimafaktor } from '../../../models/planning/weather-correction.js';
import type { ColumnType, GpkgFeature, GpkgLayerDef } from './gpkg-file.js';
import { EXPORT_SRS_ID } from './metric-crs.js';

export interface Table {
  readonly columns: readonly { readonly name: string; readonly type: ColumnType }[];
  readonly rows: readonly (readonly SqlValue[])[];
}

const round = (v: number | null, digits: number): number | null => (v === null ? null : Math.round(v * 10 ** digits) / 10 ** digits);

const measuredYears = (lastYear: number): number[] => [lastYear - 2, lastYear - 1, lastYear];

export function buildingsColumns(lastYear: number): Table['columns'] {
  return [
    { name: 'building_id', type: 'TEXT' },
    { name: 'address', type: 'TEXT' },
    { name: 'use', type: 'TEXT' },
    { name: 'sector', type: 'TEXT' },
    { name: 'year_built', type: 'INTEGER' },
    { name: 'age_class', type: 'TEXT' },
    { name: 'heating_type', type: 'TEXT' },
    { name: 'fuel', type: 'TEXT' },
    { name: 'heater_year', type: 'INTEGER' },
    { name: 'floor_area_m2', type: 'REAL' },
    { name: 'floor_area_estimated', type: 'BOOLEAN' },
    ...measuredYears(lastYear).map((y) => ({ name: `heat_kwh_${y}`, type: 'REAL' as const })),
    { name: 'heat_kwh_a', type: 'REAL' },
    { name: 'weather_corrected', type: 'BOOLEAN' },
    { name: 'heat_source', type: 'TEXT' },
    { name: 'typology_kwh_m2a', type: 'REAL' },
    { name: 'typology_source', type: 'TEXT' },
  ];
}

/** One building's values, in the order of buildingsColumns(lastYear). */
export function buildingValues(r: HeatPlanRow, lastYear: number): SqlValue[] {
  return [
    r.id,
    r.address,
    r.use,
    r.sector,
    r.yearBuilt,
    r.ageClass,
    r.heatingType,
    r.fuel,
    r.heaterYear,
    round(r.floorAreaM2, 1),
    r.floorAreaEstimated ? 1 : 0,
    ...measuredYears(lastYear).map((y) => round(r.measured.find((m) => m.year === y)?.kwh ?? null, 1)),
    round(r.heatKwh, 1),
    r.weatherCorrected ? 1 : 0,
    r.heatSource,
    r.typologyKwhPerM2a,
    r.typologySource,
  ];
}

const GRID_COLUMNS: Table['columns'] = [
  { name: 'cell_col', type: 'INTEGER' },
  { name: 'cell_row', type: 'INTEGER' },
  { name: 'x0', type: 'REAL' },
  { name: 'y0', type: 'REAL' },
  { name: 'cell_size_m', type: 'REAL' },
  { name: 'buildings', type: 'INTEGER' },
  { name: 'measured', type: 'INTEGER' },
  { name: 'estimated', type: 'INTEGER' },
  { name: 'unknown', type: 'INTEGER' },
  { name: 'heat_mwh_a', type: 'REAL' },
  { name: 'density_mwh_ha_a', type: 'REAL' },
  { name: 'density_class', type: 'TEXT' },
];

export function gridTable(grid: GridResult): Table {
  return {
    columns: GRID_COLUMNS,
    rows: grid.cells.map((c) => [
      c.col,
      c.row,
      c.x0,
      c.y0,
      c.sizeM,
      c.buildings,
      c.measured,
      c.estimated,
      c.unknown,
      round(c.heatMwh, 3),
      round(c.densityMwhPerHaA, 3),
      c.densityClass,
    ]),
  };
}

export function buildingsLayer(lastYear: number, klimafaktoren: readonly Klimafaktor[]): GpkgLayerDef {
  return {
    name: 'buildings',
    description:
      'Heat plan per building (WPG section 15): measured or estimated annual heat; internal, not for publication' +
      (klimafaktoren.length === 0
        ? '; measured heat not weather-corrected'
        : `; weather-corrected with ${klimafaktoren.map((k) => `${k.year}: ${k.factor}`).join(', ')} (${[...new Set(klimafaktoren.map((k) => k.source))].join('; ')})`),
    srsId: EXPORT_SRS_ID,
    columns: buildingsColumns(lastYear),
  };
}

export const buildingFeature = (r: HeatPlanRow, lastYear: number): GpkgFeature => ({ rings: [r.ring], values: buildingValues(r, lastYear) });

export function gridLayer(cellSizeM: number): GpkgLayerDef {
  return {
    name: 'heat_grid',
    description: `Heat density per ${cellSizeM} m cell, published only where a cell holds at least five buildings`,
    srsId: EXPORT_SRS_ID,
    columns: GRID_COLUMNS,
  };
}

export function gridFeatures(grid: GridResult): GpkgFeature[] {
  const table = gridTable(grid);
  return grid.cells.map((c, i) => {
    const [x0, y0, s] = [c.x0, c.y0, c.sizeM];
    return { rings: [[[x0, y0], [x0 + s, y0], [x0 + s, y0 + s], [x0, y0 + s]]], values: table.rows[i] ?? [] };
  });
}
