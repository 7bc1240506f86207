/**
 * The heat plan as tables: the buildings layer (one feature per building, for the planning office: it holds
 * per-building figures and is not for publication) and the grid layer (published cells only, each holding at
 * least five buildings). The same columns go to the GeoPackage and the CSV files.
 */
import type { SqlValue } from '../store/sqlite-db.js';
import type { ColumnType, GpkgLayer } from './gpkg-file.js';
import type { HeatPlan } from './heat-plan.js';
import { EXPORT_SRS_ID } from './metric-crs.js';

export interface Table {
  readonly columns: readonly { readonly name: string; readonly type: ColumnType }[];
  readonly rows: readonly (readonly SqlValue[])[];
}

const round = (v: number | null, digits: number): number | null => (v === null ? null : Math.round(v * 10 ** digits) / 10 ** digits);

export function buildingsTable(plan: HeatPlan): Table {
  const years = [plan.lastYear - 2, plan.lastYear - 1, plan.lastYear];
  const columns: Table['columns'] = [
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
    ...years.map((y) => ({ name: `heat_kwh_${y}`, type: 'REAL' as const })),
    { name: 'heat_kwh_a', type: 'REAL' },
    { name: 'weather_corrected', type: 'BOOLEAN' },
    { name: 'heat_source', type: 'TEXT' },
    { name: 'typology_kwh_m2a', type: 'REAL' },
    { name: 'typology_source', type: 'TEXT' },
  ];
  const rows = plan.rows.map((r) => [
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
    ...years.map((y) => round(r.measured.find((m) => m.year === y)?.kwh ?? null, 1)),
    round(r.heatKwh, 1),
    r.weatherCorrected ? 1 : 0,
    r.heatSource,
    r.typologyKwhPerM2a,
    r.typologySource,
  ]);
  return { columns, rows };
}

export function gridTable(plan: HeatPlan): Table {
  return {
    columns: [
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
    ],
    rows: plan.grid.cells.map((c) => [
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

export function heatPlanLayers(plan: HeatPlan, withBuildings: boolean): GpkgLayer[] {
  const grid = gridTable(plan);
  const layers: GpkgLayer[] = [];
  if (withBuildings) {
    const b = buildingsTable(plan);
    layers.push({
      name: 'buildings',
      description:
        'Heat plan per building (WPG section 15): measured or estimated annual heat; internal, not for publication' +
        (plan.klimafaktoren.length === 0
          ? '; measured heat not weather-corrected'
          : `; weather-corrected with ${plan.klimafaktoren.map((k) => `${k.year}: ${k.factor}`).join(', ')} (${[...new Set(plan.klimafaktoren.map((k) => k.source))].join('; ')})`),
      srsId: EXPORT_SRS_ID,
      columns: b.columns,
      features: plan.rows.map((r, i) => ({ rings: [r.ring], values: b.rows[i] ?? [] })),
    });
  }
  layers.push({
    name: 'heat_grid',
    description: `Heat density per ${plan.cellSizeM} m cell, published only where a cell holds at least five buildings`,
    srsId: EXPORT_SRS_ID,
    columns: grid.columns,
    features: plan.grid.cells.map((c, i) => {
      const [x0, y0, s] = [c.x0, c.y0, c.sizeM];
      return { rings: [[[x0, y0], [x0 + s, y0], [x0 + s, y0 + s], [x0, y0 + s]]], values: grid.rows[i] ?? [] };
    }),
  });
  return layers;
}
