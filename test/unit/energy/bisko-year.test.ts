import { describe, expect, it } from 'vitest';
import { computeBalance } from '../../../models/energy/balance.js';
import { co2ByYear } from '../../../models/energy/co2.js';
import { balanceYearOf, setForYear } from '../../../models/factors/by-year.js';
import { BUNDESSTROMMIX_LCA, LIFE_CYCLE_GEMIS } from '../../../models/factors/life-cycle.js';
import { weighBalance } from '../../../models/factors/weigh.js';
import { DAY_MS } from '../../../models/time-grid.js';
import { series } from './helpers.js';

const days = (n: number, v: number) => new Array<number>(n).fill(v);

describe('BISKO: the federal electricity mix of the balance year', () => {
  it('the table holds only cited life-cycle values: 2015 = 565 g CO2e/kWh (GEMIS 4.95 via KEA-BW)', () => {
    expect(BUNDESSTROMMIX_LCA).toEqual([expect.objectContaining({ year: 2015, value: 565 })]);
    for (const row of BUNDESSTROMMIX_LCA) expect(row.source).toMatch(/GEMIS 4.95.*Vorketten.*KEA-BW/);
  });

  it('a year with its own row uses it and names the year', () => {
    const s = setForYear(LIFE_CYCLE_GEMIS, 2015);
    expect(s.factors.electricity?.value).toBe(565);
    expect(s.version).toBe('GEMIS 4.95; Bilanzjahr 2015: electricity 2015');
    expect(s.balanceYear).toBe(2015);
  });

  it('a year without a row says so in the version and in the factor note, never pretends', () => {
    const s = setForYear(LIFE_CYCLE_GEMIS, 2025);
    expect(s.version).toBe('GEMIS 4.95; Bilanzjahr 2025: electricity 2015 (kein Wert für 2025)');
    expect(s.factors.electricity?.note).toMatch(/^Wert von 2015 für Bilanzjahr 2025: für 2025 ist in PlusTwin kein zitierfähiger Wert hinterlegt/);
  });

  it('co2ByYear weighs each year with its own row', () => {
    // test data, not factors: a set whose electricity rows are 2024 -> 400 and 2025 -> 300 g/kWh
    const set = { ...LIFE_CYCLE_GEMIS, yearly: { electricity: [{ year: 2024, value: 400, source: 'test' }, { year: 2025, value: 300, source: 'test' }] } };
    const start = Date.UTC(2024, 0, 1);
    const p = { buildingId: 'a', series: [series({ carrier: 'electricity', start, stepMs: DAY_MS, consumption: days(366 + 365, 10) })] };
    const r = co2ByYear(p, set, 2024, 2025);
    if (!r.ok) throw new Error(r.error.message);
    // 2024: 366 days x 10 kWh x 400 g = 1.464 t; 2025: 365 x 10 x 300 g = 1.095 t
    expect(r.value[0]?.tonnes).toBeCloseTo(1.464, 12);
    expect(r.value[1]?.tonnes).toBeCloseTo(1.095, 12);
    expect(r.value[1]?.weighted.set.version).toMatch(/Bilanzjahr 2025: electricity 2025$/);
    const w = weighBalance(computeBalance(p, { from: start, to: Date.UTC(2025, 0, 1) }).carriers, setForYear(set, 2024));
    expect(w.ok && w.value.total).toBeCloseTo(1_464_000, 6);
  });

  it('the balance year of a period is the year of its middle', () => {
    expect(balanceYearOf({ from: Date.UTC(2025, 0, 1), to: Date.UTC(2026, 0, 1) })).toBe(2025);
    expect(balanceYearOf({ from: Date.UTC(2024, 6, 1), to: Date.UTC(2025, 6, 1) })).toBe(2024);
  });
});
