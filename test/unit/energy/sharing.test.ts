import { describe, expect, it } from 'vitest';
import { districtSharing } from '../../../models/energy/sharing.js';
import { sumProfiles } from '../../../models/energy/district.js';
import { INTERVAL_MS } from '../../../models/time-grid.js';
import { T0, series } from './helpers.js';

const P4 = { from: T0, to: T0 + 4 * INTERVAL_MS };

// Worked by hand, kWh per 15 min:
//   A (PV house):  L = [1, 1, 1, 1]  G = [3, 3, 0, 0]  -> import [0, 0, 1, 1] = 2, export [2, 2, 0, 0] = 4
//   B (no PV):     L = [1, 2, 1, 2]  G = 0             -> import 6
// Singles: import 8, export 4, self-consumed 2 (A only), SC 2/6, SS 2/10.
// District: L = [2, 3, 2, 3], G = [3, 3, 0, 0] -> import [0, 0, 2, 3] = 5, export [1, 0, 0, 0] = 1
// self-consumed 5 of 6, SS 5/10. Gain = 8 - 5 = 3 kWh (= 4 - 1 less export), import -37.5 %.
const a = () => ({ buildingId: 'a', series: [series({ carrier: 'electricity', consumption: [1, 1, 1, 1], generation: [3, 3, 0, 0] })] });
const b = () => ({ buildingId: 'b', series: [series({ carrier: 'electricity', consumption: [1, 2, 1, 2] })] });

describe('districtSharing', () => {
  it('matches the two-building hand computation', () => {
    const r = districtSharing([a(), b()], P4);
    expect(r.singles).toMatchObject({ importKwh: 8, exportKwh: 4, selfConsumedKwh: 2 });
    expect(r.singles.selfConsumption).toBeCloseTo(2 / 6, 12);
    expect(r.singles.selfSufficiency).toBeCloseTo(2 / 10, 12);
    expect(r.district.selfConsumedKwh).toBe(5);
    expect(r.district.selfConsumption).toBeCloseTo(5 / 6, 12);
    expect(r.district.selfSufficiency).toBeCloseTo(5 / 10, 12);
    expect(r.gainKwh).toBe(3);
    expect(r.importReduction).toBeCloseTo(3 / 8, 12);
    expect(r.selfConsumptionGain).toBeCloseTo(3 / 6, 12);
    expect(r.selfSufficiencyGain).toBeCloseTo(3 / 10, 12);
    expect(r.buildings.map((x) => x.buildingId)).toEqual(['a', 'b']);
  });

  it('compares like for like when one building misses a slot', () => {
    const bMissing = { buildingId: 'b', series: [series({ carrier: 'electricity', consumption: [1, null, 1, 2] })] };
    const r = districtSharing([a(), bMissing], P4);
    // slot 1 dropped for both: singles import A [0, -, 1, 1] + B [1, -, 1, 2] = 6; district L [2, -, 2, 3] G [3, -, 0, 0]
    // -> import [0, -, 2, 3] = 5; gain 1
    expect(r.singles.importKwh).toBe(6);
    expect(r.district.consumptionKwh).toBe(7);
    expect(r.gainKwh).toBe(1);
    expect(r.district.coverage.missing).toBe(1);
    expect(r.buildings[0]?.coverage.missing).toBe(1);
  });

  it('no generation anywhere: sharing gains nothing', () => {
    const r = districtSharing([b(), { ...b(), buildingId: 'c' }], P4);
    expect(r.gainKwh).toBe(0);
    expect(r.district.selfConsumption).toBeNull();
    expect(r.selfConsumptionGain).toBeNull();
  });

  it('sumProfiles nets imports and exports slot by slot', () => {
    const d = sumProfiles([a(), b()], P4);
    expect([...(d.series[0]?.import ?? [])]).toEqual([0, 0, 2, 3]);
    expect([...(d.series[0]?.export ?? [])]).toEqual([1, 0, 0, 0]);
  });
});
