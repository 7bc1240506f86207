/** The heat-planning export's figures: one row per building and the published 100 m grid cells. */
import type { DistrictView } from '../../../models/contract/index.js';
import { aggregateGrid, type GridResult } from '../../../models/planning/grid-cells.js';
import { heatPlanRow, type HeatPlanRow } from '../../../models/planning/heat-plan-row.js';
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

export async function buildHeatPlan(store: Store, view: DistrictView, lastYear: number, cellSizeM = 100, klimafaktoren: readonly Klimafaktor[] = []): Promise<HeatPlan> {
  const measured = await measuredHeat(store, view, lastYear);
  const rows = view.buildings.map((b) => heatPlanRow(b, projectRing(b.footprint), measured.get(b.id) ?? [], klimafaktoren));
  const grid = aggregateGrid(
    rows.map((r) => ({ x: r.centre[0], y: r.centre[1], heatKwh: r.heatKwh, measured: r.heatSource === 'measured' })),
    cellSizeM,
  );
  return { lastYear, rows, grid, cellSizeM, klimafaktoren };
}
