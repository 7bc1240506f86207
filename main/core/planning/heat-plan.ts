/**
 * The heat-planning rows: one per building, its heat measured over the three years up to lastYear or estimated
 * from the typology. The export takes them chunk by chunk (heatPlanRowChunks) and keeps only what the grid needs of
 * each, so a city's rows are never all in memory; the heat-density colour mode takes them all at once.
 */
import type { DistrictView } from '../../../models/contract/index.js';
import type { GridInput, GridResult } from '../../../models/planning/grid-cells.js';
import { heatPlanRow, type HeatPlanRow, type HeatSource, type MeasuredYear } from '../../../models/planning/heat-plan-row.js';
import type { Klimafaktor } from '../../../models/planning/weather-correction.js';
import type { Store } from '../store/store.js';
import { measuredHeat } from './measured-heat.js';
import { projectRing } from './metric-crs.js';

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

/** Every row at once, for a view of the whole district (the heat-density colour mode). */
export async function allHeatPlanRows(store: Store, view: DistrictView, lastYear: number, klimafaktoren: readonly Klimafaktor[] = []): Promise<HeatPlanRow[]> {
  const measured = await measuredHeat(store, view, lastYear);
  return [...heatPlanRowChunks(view, measured, klimafaktoren, Math.max(1, view.buildings.length))].flat();
}
