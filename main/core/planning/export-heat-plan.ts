/**
 * `heat-plan` export: the GeoPackage and, if asked, the two CSV files (buildings and grid) of one heat plan. The
 * buildings go to the GeoPackage and the CSV chunk by chunk as their rows are computed (a city's 50,000 buildings
 * took 530 MB held at once); the grid, small, is aggregated from what each row leaves for it and written at the end.
 */
import { aggregateGrid, type GridInput } from '../../../models/planning/grid-cells.js';
import type { HeatSource } from '../../../models/planning/heat-plan-row.js';
import type { Klimafaktor } from '../../../models/planning/weather-correction.js';
import { err, ok, type Result } from '../../../models/result.js';
import type { Store } from '../store/store.js';
import { GeoPackageWriter } from './gpkg-file.js';
import { gridInputOf, heatPlanRowChunks, type HeatPlanSummary } from './heat-plan.js';
import { buildingFeature, buildingsColumns, buildingsLayer, buildingValues, gridFeatures, gridLayer, gridTable } from './heat-plan-layers.js';
import { measuredHeat } from './measured-heat.js';
import { CsvFileWriter, writeCsv, type CsvDialectName } from './table-csv.js';

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

/** Buildings per chunk: a multiple of the GeoPackage writer's 1,000 features per INSERT. */
const CHUNK_BUILDINGS = 2_000;

export const gridCsvPath = (csv: string): string => csv.replace(/(\.csv)?$/i, '-grid.csv');

export async function exportHeatPlan(store: Store, o: HeatPlanExportOptions): Promise<Result<HeatPlanSummary>> {
  const view = await store.getDistrict();
  if (view === null || view.buildings.length === 0) return err('not-found', 'the district file holds no buildings', 'db');
  const cellSizeM = o.cellSizeM ?? 100;
  const klimafaktoren = o.klimafaktoren ?? [];
  const withBuildings = o.gridOnly !== true;
  const dialect = o.dialect ?? 'de';
  const measured = await measuredHeat(store, view, o.lastYear);

  const gpkg = await GeoPackageWriter.create(o.gpkg);
  let csv: CsvFileWriter | undefined;
  try {
    const layer = withBuildings ? await gpkg.layer(buildingsLayer(o.lastYear, klimafaktoren)) : undefined;
    if (withBuildings && o.csv !== undefined) csv = await CsvFileWriter.create(o.csv, buildingsColumns(o.lastYear), dialect);
    const gridInputs: GridInput[] = [];
    const bySource: Record<HeatSource, number> = { measured: 0, estimated: 0, unknown: 0 };
    for (const rows of heatPlanRowChunks(view, measured, klimafaktoren, CHUNK_BUILDINGS)) {
      for (const r of rows) {
        gridInputs.push(gridInputOf(r));
        bySource[r.heatSource]++;
      }
      await layer?.add(rows.map((r) => buildingFeature(r, o.lastYear)));
      await csv?.add(rows.map((r) => buildingValues(r, o.lastYear)));
    }
    await layer?.close();
    const grid = aggregateGrid(gridInputs, cellSizeM);
    const gridWriter = await gpkg.layer(gridLayer(cellSizeM));
    await gridWriter.add(gridFeatures(grid));
    await gridWriter.close();
    await gpkg.finish();
    await csv?.finish();
    csv = undefined;
    if (o.csv !== undefined) await writeCsv(gridCsvPath(o.csv), gridTable(grid), dialect);
    return ok({ lastYear: o.lastYear, buildings: view.buildings.length, bySource, grid, cellSizeM });
  } catch (e) {
    await csv?.abort();
    await gpkg.abort();
    throw e;
  }
}
