/** `heat-plan` export: the GeoPackage and, if asked, the two CSV files (buildings and grid) of one heat plan. */
import { writeFile } from 'node:fs/promises';
import type { Klimafaktor } from '../../../models/planning/weather-correction.js';
import { err, ok, type Result } from '../../../models/result.js';
import type { Store } from '../store/store.js';
import { writeGeoPackage } from './gpkg-file.js';
import { buildHeatPlan, type HeatPlan } from './heat-plan.js';
import { buildingsTable, gridTable, heatPlanLayers } from './heat-plan-layers.js';
import { tableCsv, type CsvDialectName } from './table-csv.js';

export interface HeatPlanExportOptions {
  readonly gpkg: string;
  /** Buildings CSV; the grid goes next to it as <name>-grid.csv. */
  readonly csv?: string;
  readonly lastYear: number;
  readonly cellSizeM?: number;
  /** Leave the per-building layer out (a file to publish holds only the grid). */
  readonly gridOnly?: boolean;
  readonly dialect?: CsvDialectName;
  /** DWD Klimafaktoren per measured year, entered by the user with their source. */
  readonly klimafaktoren?: readonly Klimafaktor[];
}

export const gridCsvPath = (csv: string): string => csv.replace(/(\.csv)?$/i, '-grid.csv');

export async function exportHeatPlan(store: Store, o: HeatPlanExportOptions): Promise<Result<HeatPlan>> {
  const view = await store.getDistrict();
  if (view === null || view.buildings.length === 0) return err('not-found', 'the district file holds no buildings', 'db');
  const plan = await buildHeatPlan(store, view, o.lastYear, o.cellSizeM ?? 100, o.klimafaktoren ?? []);
  await writeGeoPackage(o.gpkg, heatPlanLayers(plan, o.gridOnly !== true));
  if (o.csv !== undefined) {
    const dialect = o.dialect ?? 'de';
    if (o.gridOnly !== true) await writeFile(o.csv, tableCsv(buildingsTable(plan), dialect));
    await writeFile(gridCsvPath(o.csv), tableCsv(gridTable(plan), dialect));
  }
  return ok(plan);
}
