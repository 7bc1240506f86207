import { describe, expect, it } from 'vitest';
import { computeBalance } from '../../../models/energy/balance.js';
import { co2ByYear, districtCo2ByYear } from '../../../models/energy/co2.js';
import { GEG_ANLAGE_4 } from '../../../models/factors/geg-anlage4.js';
import { withExportCredit } from '../../../models/factors/export-credit.js';
import { GEG_ANLAGE_9 } from '../../../models/factors/geg-anlage9.js';
import { LIFE_CYCLE_GEMIS } from '../../../models/factors/life-cycle.js';
import { defineFactorSet, withDistrictHeat, withOverrides } from '../../../models/factors/registry.js';
import { weighBalance } from '../../../models/factors/weigh.js';
import { DAY_MS } from '../../../models/time-grid.js';
import { series } from './helpers.js';

// Two days: electricity import 1000, export 3000, generation 4000, consumption 2000; gas 2000.
const profile = () => ({
  buildingId: 'a',
  series: [
    series({ carrier: 'electricity', stepMs: DAY_MS, generation: [4000, 0], import: [0, 1000], export: [3000, 0] }),
    series({ carrier: 'gas', stepMs: DAY_MS, consumption: [1500, 500] }),
  ],
});

describe('factor arithmetic', () => {
  it('GEG Anlage 4 primary energy: import x f minus export x credit (symmetric variant)', () => {
    const w = weighBalance(computeBalance(profile()).carriers, withExportCredit(GEG_ANLAGE_4, 'grid-symmetric'));
    expect(w.ok).toBe(true);
    if (!w.ok) return;
    // 1000 x 1.8 + 2000 x 1.1 - 3000 x 1.8 = 1800 + 2200 - 5400
    expect(w.value.total).toBeCloseTo(-1400, 9);
    expect(w.value.set).toMatchObject({ id: 'geg-anlage-4', version: '2023-10-16' });
    const credit = w.value.factorsUsed.find((f) => f.use === 'export-credit');
    expect(credit).toMatchObject({ carrier: 'electricity', value: 1.8, setId: 'geg-anlage-4', version: '2023-10-16' });
    expect(w.value.factorsUsed.every((f) => f.source.includes('Anlage 4'))).toBe(true);
  });

  it('GEG Anlage 9 CO2: delivered energy, no export credit', () => {
    const w = weighBalance(computeBalance(profile()).carriers, GEG_ANLAGE_9);
    if (!w.ok) throw new Error(w.error.message);
    // 1000 x 560 + 2000 x 240 g
    expect(w.value.total).toBe(1_040_000);
  });

  it('life-cycle (BISKO style) set weighs consumption, not delivered energy', () => {
    const w = weighBalance(computeBalance(profile()).carriers, LIFE_CYCLE_GEMIS);
    if (!w.ok) throw new Error(w.error.message);
    // consumption electricity = 4000 - 3000 + 1000 = 2000; 2000 x 565 + 2000 x 250
    expect(w.value.total).toBe(1_630_000);
    expect(w.value.factorsUsed.map((f) => f.use)).toEqual(['consumption', 'consumption']);
  });

  it('co2ByYear converts g to t per calendar year', () => {
    const r = co2ByYear(profile(), GEG_ANLAGE_9, 2025, 2025);
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value[0]?.tonnes).toBeCloseTo(1.04, 12);
    // two carriers x 363 days without data
    expect(r.value[0]?.coverage.missing).toBe(726);
    expect(co2ByYear(profile(), GEG_ANLAGE_4, 2025, 2025).ok).toBe(false);
  });

  it('districtCo2ByYear adds the buildings and names the one that fails', () => {
    const other = { buildingId: 'b', series: [series({ carrier: 'oil', stepMs: DAY_MS, consumption: [1000, 0] })] };
    const r = districtCo2ByYear([profile(), other], GEG_ANLAGE_9, 2025, 2026);
    if (!r.ok) throw new Error(r.error.message);
    // 1.04 t + 1000 x 310 g; nothing in 2026
    expect(r.value[0]?.tonnes).toBeCloseTo(1.35, 12);
    expect(r.value[0]?.buildings.map((b) => b.buildingId)).toEqual(['a', 'b']);
    expect(r.value[1]?.tonnes).toBe(0);
    expect(r.value[1]?.coverage.measured).toBe(0);
    const fw = { buildingId: 'c', series: [series({ carrier: 'district-heat', stepMs: DAY_MS, consumption: [5] })] };
    const bad = districtCo2ByYear([profile(), fw], GEG_ANLAGE_9, 2025, 2025);
    expect(!bad.ok && bad.error.where).toMatch(/^c: /);
  });

  it('a carrier without a factor is an error naming carrier and set', () => {
    const p = { buildingId: 'b', series: [series({ carrier: 'district-heat', consumption: [100] })] };
    const w = weighBalance(computeBalance(p).carriers, GEG_ANLAGE_4);
    expect(w.ok).toBe(false);
    if (!w.ok) {
      expect(w.error.message).toContain('district-heat');
      expect(w.error.message).toContain('geg-anlage-4@2023-10-16');
    }
    const fw = withDistrictHeat('chp-renewable');
    if (!fw.ok) throw new Error(fw.error.message);
    const w2 = weighBalance(computeBalance(p).carriers, fw.value);
    if (!w2.ok) throw new Error(w2.error.message);
    expect(w2.value.total).toBe(4000);
    expect(w2.value.factorsUsed[0]?.setId).toBe('geg-anlage-9+fw-chp-renewable');
  });

  it('user sets are validated field by field', () => {
    const good = defineFactorSet({ id: 'stadtwerke-2024', version: '1', name: 'SW', kind: 'primary-energy', basis: 'delivered', source: 'Zertifikat', factors: { 'district-heat': 0.6 } });
    expect(good.ok && good.value.userDefined).toBe(true);
    const unknown = defineFactorSet({ id: 'x', version: '1', name: 'x', kind: 'co2', basis: 'delivered', source: 's', factors: { coal: 1 } });
    expect(!unknown.ok && unknown.error.where).toBe('factors.coal');
    const negative = defineFactorSet({ id: 'x', version: '1', name: 'x', kind: 'co2', basis: 'delivered', source: 's', factors: { gas: -1 } });
    expect(!negative.ok && negative.error.where).toBe('factors.gas');
    const unit = defineFactorSet({ id: 'x', version: '1', name: 'x', kind: 'primary-energy', basis: 'delivered', source: 's', factors: { gas: 240 } });
    expect(!unit.ok && unit.error.message).toMatch(/unit/);
    const noSource = defineFactorSet({ id: 'x', version: '1', name: 'x', kind: 'co2', basis: 'delivered', source: ' ', factors: {} });
    expect(!noSource.ok && noSource.error.where).toBe('source');
    const clash = defineFactorSet({ ...GEG_ANLAGE_4, factors: {} });
    expect(clash.ok).toBe(false);
  });

  it('withOverrides keeps the base and names it', () => {
    const r = withOverrides(GEG_ANLAGE_4, { id: 'mine', version: '2026-1', source: 'eigene Annahme', factors: { electricity: 1.2 } });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.factors.electricity?.value).toBe(1.2);
    expect(r.value.factors.gas?.value).toBe(1.1);
    expect(r.value.source).toContain('geg-anlage-4@2023-10-16');
  });
});
