import { describe, expect, it } from 'vitest';
import { computeBalance, computeDistrictBalance } from '../../../models/energy/balance.js';
import { ModelInputError } from '../../../models/energy/errors.js';
import { computeKpis } from '../../../models/energy/kpis.js';
import { INTERVAL_MS } from '../../../models/time-grid.js';
import { T0, series } from './helpers.js';

// Worked by hand: G = [0, 2, 4, 0], L = [1, 1, 1, 1] kWh per 15 min.
// import = [1, 0, 0, 1] = 2, export = [0, 1, 3, 0] = 4, min(G, L) = [0, 1, 1, 0] = 2.
const pv = () => series({ carrier: 'electricity', consumption: [1, 1, 1, 1], generation: [0, 2, 4, 0] });

describe('computeBalance', () => {
  it('sums the roles and self-consumption', () => {
    const b = computeBalance({ buildingId: 'a', series: [pv(), series({ carrier: 'gas', consumption: [5, 5, 5, 5] })] });
    const e = b.carriers[0];
    expect(e).toMatchObject({ carrier: 'electricity', consumptionKwh: 4, generationKwh: 6, importKwh: 2, exportKwh: 4, netImportKwh: -2, selfConsumedKwh: 2 });
    expect(b.carriers[1]).toMatchObject({ carrier: 'gas', importKwh: 20 });
    expect(b.coverage).toMatchObject({ slots: 8, measured: 8, measuredShare: 1 });
  });

  it('counts slots outside the data and missing slots in coverage, not in sums', () => {
    const s = series({ carrier: 'electricity', consumption: [1, null, 1], quality: ['measured', 'missing', 'interpolated'] });
    const b = computeBalance({ buildingId: 'a', series: [s] }, { from: T0, to: T0 + 4 * INTERVAL_MS });
    expect(b.carriers[0]?.consumptionKwh).toBe(2);
    expect(b.coverage).toMatchObject({ slots: 4, measured: 1, estimated: 1, missing: 2, missingShare: 0.5 });
  });

  it('refuses a period that cuts an interval', () => {
    expect(() => computeBalance({ buildingId: 'a', series: [pv()] }, { from: T0 + 60_000, to: T0 + INTERVAL_MS * 2 })).toThrow(ModelInputError);
  });

  it('sums a district per carrier', () => {
    const d = computeDistrictBalance(
      [
        { buildingId: 'a', series: [pv()] },
        { buildingId: 'b', series: [series({ carrier: 'electricity', consumption: [2, 2, 2, 2] })] },
      ],
      { from: T0, to: T0 + 4 * INTERVAL_MS },
    );
    expect(d.carriers[0]).toMatchObject({ consumptionKwh: 12, importKwh: 10, exportKwh: 4 });
    expect(d.buildings).toHaveLength(2);
  });
});

describe('computeKpis', () => {
  it('matches the hand computation', () => {
    const k = computeKpis(pv());
    expect(k.selfConsumption).toBeCloseTo(2 / 6, 12);
    expect(k.selfSufficiency).toBeCloseTo(2 / 4, 12);
    // min(1, G/L) = [0, 1, 1, 0]
    expect(k.loadMatchIndex).toBeCloseTo(0.5, 12);
    // net export [-1, 1, 3, -1]: mean 0.5, variance (2.25 + 0.25 + 6.25 + 2.25) / 4 = 2.75, max |x| = 3
    expect(k.gridInteractionIndex).toBeCloseTo(Math.sqrt(2.75) / 3, 12);
    expect(k.resolution).toBe('15 min');
  });

  it('without generation: self-consumption undefined, autarky and load match 0', () => {
    const k = computeKpis(series({ carrier: 'electricity', consumption: [1, 3] }));
    expect(k.selfConsumption).toBeNull();
    expect(k.selfSufficiency).toBe(0);
    expect(k.loadMatchIndex).toBe(0);
    // net export [-1, -3]: std 1, max 3
    expect(k.gridInteractionIndex).toBeCloseTo(1 / 3, 12);
  });

  it('without load: autarky and load match undefined, all generation exported', () => {
    const k = computeKpis(series({ carrier: 'electricity', consumption: [0, 0], generation: [2, 2] }));
    expect(k.selfSufficiency).toBeNull();
    expect(k.loadMatchIndex).toBeNull();
    expect(k.selfConsumption).toBe(0);
    // constant export: no variation
    expect(k.gridInteractionIndex).toBe(0);
  });

  it('with nothing at all: every ratio undefined', () => {
    const k = computeKpis(series({ carrier: 'electricity', consumption: [0, 0] }));
    expect(k).toMatchObject({ selfConsumption: null, selfSufficiency: null, loadMatchIndex: null, gridInteractionIndex: null, slotsUsed: 2 });
  });

  it('skips missing intervals and reports them', () => {
    const s = series({ carrier: 'electricity', consumption: [1, null, 1, 1], generation: [2, 9, 0, 1] });
    const k = computeKpis(s);
    expect(k.slotsUsed).toBe(3);
    expect(k.generationKwh).toBe(3);
    // min(G, L) = [1, -, 0, 1] = 2
    expect(k.selfConsumption).toBeCloseTo(2 / 3, 12);
    expect(k.selfSufficiency).toBeCloseTo(2 / 3, 12);
    expect(k.coverage.missing).toBe(1);
  });

  it('on a sub-period only', () => {
    const k = computeKpis(pv(), { from: T0 + INTERVAL_MS, to: T0 + 3 * INTERVAL_MS });
    expect(k.selfConsumption).toBeCloseTo(2 / 6, 12);
    expect(k.selfSufficiency).toBe(1);
    expect(k.slotsUsed).toBe(2);
  });
});
