/**
 * Aggregation of buildings into square grid cells (100 m by default, the hectare grid of heat-density maps) with
 * the publication rule of heat planning: no published unit may hold fewer than five buildings, so that no figure
 * points to one household's consumption (WPG section 11 and the data-protection practice of the state statistics
 * offices). Cells below the minimum are suppressed, not merged: their buildings appear in no published cell, and
 * the result says how many cells and buildings were suppressed.
 */
import { heatDensityClass, heatDensityMwhPerHaA, type HeatDensityClass } from './heat-density.js';

export const MIN_BUILDINGS_PER_UNIT = 5;

export interface GridInput {
  /** The building's centroid in a metric CRS (EPSG:25832), m. */
  readonly x: number;
  readonly y: number;
  /** Annual heat, kWh (measured or estimated); null when neither is known. */
  readonly heatKwh: number | null;
  readonly measured: boolean;
}

export interface GridCell {
  /** Cell index: floor(x / size), floor(y / size). */
  readonly col: number;
  readonly row: number;
  /** Lower-left corner, m. */
  readonly x0: number;
  readonly y0: number;
  readonly sizeM: number;
  readonly buildings: number;
  /** Buildings whose heat is measured / estimated / unknown. */
  readonly measured: number;
  readonly estimated: number;
  readonly unknown: number;
  /** Sum of the known heat, MWh/a. */
  readonly heatMwh: number;
  readonly densityMwhPerHaA: number;
  readonly densityClass: HeatDensityClass;
}

export interface GridResult {
  readonly cells: readonly GridCell[];
  readonly suppressedCells: number;
  readonly suppressedBuildings: number;
}

export function aggregateGrid(items: readonly GridInput[], sizeM = 100, minBuildings = MIN_BUILDINGS_PER_UNIT): GridResult {
  const byKey = new Map<string, { col: number; row: number; items: GridInput[] }>();
  for (const it of items) {
    const col = Math.floor(it.x / sizeM);
    const row = Math.floor(it.y / sizeM);
    const key = `${col}/${row}`;
    const cell = byKey.get(key) ?? { col, row, items: [] };
    cell.items.push(it);
    byKey.set(key, cell);
  }
  const cells: GridCell[] = [];
  let suppressedCells = 0;
  let suppressedBuildings = 0;
  for (const c of byKey.values()) {
    if (c.items.length < minBuildings) {
      suppressedCells++;
      suppressedBuildings += c.items.length;
      continue;
    }
    const kwh = c.items.reduce((s, i) => s + (i.heatKwh ?? 0), 0);
    const density = heatDensityMwhPerHaA(kwh, sizeM * sizeM);
    cells.push({
      col: c.col,
      row: c.row,
      x0: c.col * sizeM,
      y0: c.row * sizeM,
      sizeM,
      buildings: c.items.length,
      measured: c.items.filter((i) => i.heatKwh !== null && i.measured).length,
      estimated: c.items.filter((i) => i.heatKwh !== null && !i.measured).length,
      unknown: c.items.filter((i) => i.heatKwh === null).length,
      heatMwh: kwh / 1000,
      densityMwhPerHaA: density,
      densityClass: heatDensityClass(density),
    });
  }
  cells.sort((a, b) => a.row - b.row || a.col - b.col);
  return { cells, suppressedCells, suppressedBuildings };
}
