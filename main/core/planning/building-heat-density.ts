/**
 * The heat-density colour mode's figures: each building gets the density (MWh/(ha*a)) and KEA-BW class of its grid
 * cell, from the same heat-plan rows `plustwin heat-plan` exports (allHeatPlanRows: measured heat of the three years up to
 * `year`, else the typology estimate). Unlike the export, no cell is withheld: the twin is the planning office's own
 * view; cells of fewer than five buildings are not for publication, and the legend says so.
 */
import type { DistrictView } from '../../../models/contract/index.js';
import { aggregateGrid } from '../../../models/planning/grid-cells.js';
import type { HeatDensityClass } from '../../../models/planning/heat-density.js';
import type { Store } from '../store/store.js';
import { allHeatPlanRows, gridInputOf } from './heat-plan.js';

export interface BuildingDensity {
  readonly mwhPerHaA: number;
  readonly densityClass: HeatDensityClass;
}

export const DEFAULT_CELL_M = 100;

/** Density per building id; buildings whose cell holds no known heat get the cell's 0 (class 'none'). */
export async function buildingHeatDensity(store: Store, view: DistrictView, year: number, cellSizeM = DEFAULT_CELL_M): Promise<Map<string, BuildingDensity>> {
  const rows = await allHeatPlanRows(store, view, year);
  const grid = aggregateGrid(rows.map(gridInputOf), cellSizeM, 1);
  const byCell = new Map(grid.cells.map((c) => [`${c.col}/${c.row}`, c]));
  const out = new Map<string, BuildingDensity>();
  for (const r of rows) {
    const cell = byCell.get(`${Math.floor(r.centre[0] / cellSizeM)}/${Math.floor(r.centre[1] / cellSizeM)}`);
    // a cell where no building's heat is known has no density to show (grey), not a density of 0
    if (cell === undefined || cell.unknown === cell.buildings) continue;
    out.set(r.id, { mwhPerHaA: cell.densityMwhPerHaA, densityClass: cell.densityClass });
  }
  return out;
}
