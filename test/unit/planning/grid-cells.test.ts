import { describe, expect, it } from 'vitest';
import { aggregateGrid, type GridInput } from '../../../models/planning/grid-cells.js';

const at = (x: number, y: number, heatKwh: number | null, measured = false): GridInput => ({ x, y, heatKwh, measured });

describe('grid aggregation with the five-building rule', () => {
  it('publishes cells of five or more buildings and suppresses smaller ones', () => {
    const items = [
      // cell (3600, 57000): six buildings, one measured 10,960 kWh, five estimated 16,950 kWh, one of them unknown
      at(360_010, 5_700_050, 10_960, true),
      ...[1, 2, 3, 4].map((i) => at(360_010 + 15 * i, 5_700_050, 16_950)),
      at(360_090, 5_700_050, null),
      // cell (3601, 57000): four buildings -> suppressed
      ...[0, 1, 2, 3].map((i) => at(360_110 + 15 * i, 5_700_050, 39_200)),
      // cell (3602, 57000): exactly five -> published
      ...[0, 1, 2, 3, 4].map((i) => at(360_210 + 15 * i, 5_700_050, 39_200)),
    ];
    const r = aggregateGrid(items);
    expect(r.suppressedCells).toBe(1);
    expect(r.suppressedBuildings).toBe(4);
    expect(r.cells.map((c) => [c.col, c.row, c.buildings])).toEqual([
      [3600, 57000, 6],
      [3602, 57000, 5],
    ]);
    const [a, c] = r.cells;
    // 10,960 + 4 x 16,950 = 78,760 kWh = 78.76 MWh in 1 ha
    expect(a).toMatchObject({ measured: 1, estimated: 4, unknown: 1, x0: 360_000, y0: 5_700_000 });
    expect(a?.heatMwh).toBeCloseTo(78.76, 9);
    expect(a?.densityClass).toBe('new-development');
    // 5 x 39,200 = 196,000 kWh = 196 MWh/(ha*a): 175-415, low-temperature networks in existing buildings
    expect(c?.densityMwhPerHaA).toBeCloseTo(196, 9);
    expect(c?.densityClass).toBe('existing-low-temperature');
  });

  it('counts a negative coordinate into the cell below it', () => {
    const r = aggregateGrid([0, 1, 2, 3, 4].map((i) => at(-1 - i, -0.5, 1000)), 100, 5);
    expect(r.cells.map((c) => [c.col, c.row])).toEqual([[-1, -1]]);
  });
});
