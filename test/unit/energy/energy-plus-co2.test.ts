import { describe, expect, it } from 'vitest';
import { co2ByYear, co2Path } from '../../../models/energy/co2.js';
import { energyPlusStatus, rollingEnergyPlus } from '../../../models/energy/energy-plus.js';
import { GEG_ANLAGE_4 } from '../../../models/factors/geg-anlage4.js';
import { withExportCredit } from '../../../models/factors/export-credit.js';

// the arithmetic below credits export with the grid factor 1.8 (the symmetric variant)
const GEG_SYMMETRIC = withExportCredit(GEG_ANLAGE_4, 'grid-symmetric');
import { GEG_ANLAGE_9 } from '../../../models/factors/geg-anlage9.js';
import { DAY_MS } from '../../../models/time-grid.js';
import { T0, series } from './helpers.js';

const END_2025 = Date.UTC(2026, 0, 1);
const days = (n: number, v: number) => new Array<number>(n).fill(v);

/** 365 days of 2025: electricity load 10 and PV 12 kWh/day, gas `gas` kWh/day. */
const house = (gasPerDay: number, pvPerDay = 12) => ({
  buildingId: 'h',
  series: [
    series({ carrier: 'electricity', stepMs: DAY_MS, consumption: days(365, 10), generation: days(365, pvPerDay) }),
    series({ carrier: 'gas', stepMs: DAY_MS, consumption: days(365, gasPerDay) }),
  ],
});

describe('energyPlusStatus', () => {
  it('is energy-plus when final and primary balances are both negative', () => {
    const r = energyPlusStatus(house(1), { primarySet: GEG_SYMMETRIC, to: END_2025 });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.period).toEqual({ from: T0, to: END_2025 });
    // final: gas 365 - export 730; primary: 365 x 1.1 - 730 x 1.8
    expect(r.value.finalEnergyNetKwh).toBeCloseTo(-365, 9);
    expect(r.value.primaryEnergy.total).toBeCloseTo(-912.5, 9);
    expect(r.value.energyPlus).toBe(true);
    expect(r.value.complete).toBe(true);
    expect(r.value.primaryEnergy.set.version).toBe('2023-10-16');
  });

  it('is not energy-plus when only the primary balance is negative', () => {
    // gas 2.4 x 365 = 876; final 876 - 730 = +146; primary 963.6 - 1314 = -350.4
    const r = energyPlusStatus(house(2.4), { primarySet: GEG_SYMMETRIC, to: END_2025 });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.finalEnergyNetKwh).toBeCloseTo(146, 9);
    expect(r.value.primaryEnergy.total).toBeCloseTo(-350.4, 9);
    expect(r.value).toMatchObject({ finalEnergyPlus: false, primaryEnergyPlus: true, energyPlus: false });
  });

  it('marks a window with missing data as incomplete', () => {
    const r = energyPlusStatus(house(1), { primarySet: GEG_SYMMETRIC, to: Date.UTC(2026, 2, 1) });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.complete).toBe(false);
    expect(r.value.coverage.missing).toBe(2 * 59);
  });

  it('refuses a CO2 set as primary-energy set', () => {
    expect(energyPlusStatus(house(1), { primarySet: GEG_ANLAGE_9, to: END_2025 }).ok).toBe(false);
  });

  it('rolls month by month', () => {
    // 2 years: no PV in the first, PV in the second; the window ending 2026-01-01 covers only the first.
    const load = days(730, 10);
    const pv = [...days(365, 0), ...days(365, 12)];
    const p = { buildingId: 'h', series: [series({ carrier: 'electricity', stepMs: DAY_MS, consumption: load, generation: pv })] };
    const r = rollingEnergyPlus(p, { primarySet: GEG_SYMMETRIC, firstTo: END_2025, lastTo: Date.UTC(2027, 0, 1) });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value).toHaveLength(13);
    expect(r.value[0]?.finalEnergyNetKwh).toBeCloseTo(3650, 9);
    expect(r.value[0]?.energyPlus).toBe(false);
    expect(r.value[12]?.finalEnergyNetKwh).toBeCloseTo(-730, 9);
    expect(r.value[12]?.energyPlus).toBe(true);
    expect(r.value.findIndex((s) => s.energyPlus)).toBeGreaterThan(6);
  });
});

describe('co2Path', () => {
  it('needed reduction per year against the measured trend', () => {
    const r = co2Path([
      { year: 2021, tonnes: 95 },
      { year: 2020, tonnes: 100 },
      { year: 2022, tonnes: 90 },
    ]);
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.baseYear).toBe(2022);
    expect(r.value.neededPerYearTonnes).toBeCloseTo(90 / 23, 12);
    expect(r.value.neededPerYearShare).toBeCloseTo(1 / 23, 12);
    expect(r.value.trendPerYearTonnes).toBeCloseTo(-5, 12);
    expect(r.value.onTrack).toBe(true);
    expect(r.value.trendReachesTargetYear).toBe(2040);
    expect(r.value.path).toHaveLength(24);
    expect(r.value.path[23]).toEqual({ year: 2045, tonnes: 0 });
    expect(r.value.measuredShare.map((m) => m.share)).toEqual([null, null, null]);
  });

  it('too slow a trend is off track', () => {
    const r = co2Path([
      { year: 2023, tonnes: 50 },
      { year: 2024, tonnes: 49 },
    ], { targetYear: 2030, targetTonnes: 10 });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.neededPerYearTonnes).toBeCloseTo(39 / 6, 12);
    expect(r.value.onTrack).toBe(false);
    expect(r.value.projectedTargetTonnes).toBeCloseTo(43, 12);
    expect(r.value.trendReachesTargetYear).toBe(2063);
  });

  it('carries the coverage of years from co2ByYear', () => {
    const years = co2ByYear(house(1), GEG_ANLAGE_9, 2025, 2026);
    if (!years.ok) throw new Error(years.error.message);
    const r = co2Path(years.value);
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.measuredShare).toEqual([
      { year: 2025, share: 1 },
      { year: 2026, share: 0 },
    ]);
  });

  it('one year: no trend; bad input is named', () => {
    const one = co2Path([{ year: 2024, tonnes: 10 }]);
    expect(one.ok && one.value.trendPerYearTonnes).toBeNull();
    expect(co2Path([]).ok).toBe(false);
    const dup = co2Path([{ year: 2024, tonnes: 1 }, { year: 2024, tonnes: 2 }]);
    expect(!dup.ok && dup.error.message).toMatch(/twice/);
    expect(co2Path([{ year: 2050, tonnes: 1 }]).ok).toBe(false);
  });
});
