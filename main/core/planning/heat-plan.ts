/**
 * The heat-planning export's figures: one row per building and the published 100 m grid cells. The export
 * computes the rows chunk by chunk (heatPlanRowChunks) and keeps only what the grid needs of each, so a city's rows
 * are never all in memory; the heat-density colour mode takes them all at once (buildHeatPlan).
 */
import type { DistrictView } from '../../../models/contract/index.js';
import { aggregateGrid, type GridInput, type GridResult } from '../../../models/planning/grid-cells.js';
import { heatPlanRow, type HeatPlanRow, type HeatSource, type MeasuredYear } from '../../../models/planning/heat-plan-row.js';
import type { Klimafaktor } from '../../../models/planning/weather-correction.js';
import type { Store } from '../store/store.js';
import { measuredHeat } from './measured-heat.js';
import { projectRing } from './metric-crs.js';

export interface HeatPlan {
  /** The last of the (up to) three measured years. */
  readonly lastYear: number;
  readonly rows: readonly HeatPlanRow[];
  readonly grid: GridResult;
  readonly cellSizeM: number;
  readonly klimafaktoren: readonly Klimafaktor[];
}

/** What an export wrote: the counts and the grid, without the rows. */
export interface HeatPlanSummary {
  readonly lastYear: number;
  readonly buildings: number;
  readonly bySource: Readonly<Record<HeatSource, number>>;
  readonly grid: GridResult;
  readonly cellSizeM: number;
}

export const gridInputOf = (r: HeatPlanRow): GridInput => ({ x: r.centre[0], y: r.centre[1], heatKwh: r.heatKwh, measured: r.heatSource === 'measured' });

/** The district's rows in chunks of chunkSize buildings, in the district's order. */
export function* heatPlanRowChunks(
  view: DistrictView,
  measured: ReadonlyMap<string, readonly MeasuredYear[]>,
  klimafaktoren: readonly Klimafaktor[],
  chunkSize: number,
): Generator<HeatPlanRow[]> {
  for (let at = 0; at < view.buildings.length; at += chunkSize) {
    yield view.buildings.slice(at, at + chunkSize).map((b) => heatPlanRow(b, projectRing(b.footprint), measured.get(b.id) ?? [], klimafaktoren));
  }
}

export async function buildHeatPlan(store: Store, view: DistrictView, lastYear: number, cellSizeM = 100, klimafaktoren: readonly Klimafaktor[] = []): Promise<HeatPlan> {
  const measured = await measuredHeat(store, view, lastYear);
  const rows = [...heatPlanRowChunks(view, measured, klimafaktoren, view.buildings.length || 1)].flat();
  return { lastYear, rows, grid: aggregateGrid(rows.map(gridInputOf), cellSizeM), cellSizeM, klimafaktoren };
}
