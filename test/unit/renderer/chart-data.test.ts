import { describe, expect, it } from 'vitest';
import type { PowerSample, SeriesBucket } from '../../../models/contract/index.js';
import { energyBars, mergePowerSamples, powerPoints } from '../../../renderer/charts/chart-data.js';

const s = (ts: number, grid: number): PowerSample => ({ ts, gridKw: grid, generationKw: 2, consumptionKw: 2 + grid });

describe('chart data', () => {
  it('merges live samples in time order, replacing duplicates and capping the length', () => {
    const merged = mergePowerSamples([s(1, 1), s(3, 3)], [s(2, 2), s(3, 30), s(Number.NaN, 9)]);
    expect(merged.map((m) => [m.ts, m.gridKw])).toEqual([
      [1, 1],
      [2, 2],
      [3, 30],
    ]);
    expect(mergePowerSamples([], [s(1, 1), s(2, 2), s(3, 3)], 2).map((m) => m.ts)).toEqual([2, 3]);
  });

  it('extracts one power line and skips non-finite values', () => {
    expect(powerPoints([s(1, 1), { ...s(2, 0), gridKw: Number.NaN }], 'gridKw')).toEqual([{ x: 1, y: 1 }]);
  });

  it('turns buckets into sorted bars and marks the ones not fully measured', () => {
    const b = (start: number, quality: SeriesBucket['quality']): SeriesBucket => ({
      start,
      consumptionKwh: start * 2,
      generationKwh: start,
      importKwh: 0,
      exportKwh: 0,
      quality,
    });
    const bars = energyBars([b(2, 'interpolated'), b(1, 'measured')], (t) => `t${t}`);
    expect(bars).toEqual({ labels: ['t1', 't2'], generation: [1, 2], consumption: [2, 4], notMeasured: [false, true] });
  });
});
