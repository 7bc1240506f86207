import { describe, expect, it } from 'vitest';
import { computeBalance } from '../../../models/energy/balance.js';
import { GEG_ANLAGE_4 } from '../../../models/factors/geg-anlage4.js';
import { GEG_ANLAGE_9 } from '../../../models/factors/geg-anlage9.js';
import { ANLAGE_9_ROWS } from '../../../models/factors/geg-anlage9-rows.js';
import { withAnlage9Row, withDistrictHeat } from '../../../models/factors/registry.js';
import { weighBalance } from '../../../models/factors/weigh.js';
import { DAY_MS } from '../../../models/time-grid.js';
import { series } from './helpers.js';

// GEG Anlage 9 Nr. 3 as printed in BGBl. I 2020, 1788-1789 (text on lexcada.com, GEG 2020-08-08, Anlage 9):
// row number -> g CO2-Äquivalent per kWh; null = "nach DIN V 18599-9: 2018-09" (no number).
const LAW: Record<number, number | null> = {
  1: 310, 2: 240, 3: 270, 4: 400, 5: 430, 6: 140, 7: 75, 8: 180, 9: 210, 10: 105, 11: 20, 12: 560, 13: 0, 14: 860,
  15: 0, 16: 0, 17: 40, 18: null, 19: 20, 20: 300, 21: 180, 22: 40, 23: 400, 24: 300, 25: 60,
};

const oneCarrier = (carrier: 'bio-oil' | 'bio-lpg' | 'biogas', kwh: number) => ({
  buildingId: 'a',
  series: [series({ carrier, stepMs: DAY_MS, consumption: [kwh] })],
});

describe('GEG Anlage 9, row by row', () => {
  it('holds all 25 rows of the law with their numbers', () => {
    expect(ANLAGE_9_ROWS.map((r) => r.nr)).toEqual(Object.keys(LAW).map(Number));
    for (const r of ANLAGE_9_ROWS) expect([r.nr, r.value]).toEqual([r.nr, LAW[r.nr]]);
  });

  it('weighs bio-oil with Nr. 9 (210) and biogenic LPG with Nr. 8 (180) by default', () => {
    const oil = weighBalance(computeBalance(oneCarrier('bio-oil', 100)).carriers, GEG_ANLAGE_9);
    if (!oil.ok) throw new Error(oil.error.message);
    expect(oil.value.total).toBe(21_000); // 100 kWh x 210 g
    const lpg = weighBalance(computeBalance(oneCarrier('bio-lpg', 100)).carriers, GEG_ANLAGE_9);
    if (!lpg.ok) throw new Error(lpg.error.message);
    expect(lpg.value.total).toBe(18_000); // 100 kWh x 180 g
  });

  it('biogas gebäudenah erzeugt (Nr. 7, 75) is a derived set that names the row', () => {
    const plain = weighBalance(computeBalance(oneCarrier('biogas', 100)).carriers, GEG_ANLAGE_9);
    if (!plain.ok) throw new Error(plain.error.message);
    expect(plain.value.total).toBe(14_000); // Nr. 6: 100 x 140
    const near = withAnlage9Row('biogas', 7);
    if (!near.ok) throw new Error(near.error.message);
    const w = weighBalance(computeBalance(oneCarrier('biogas', 100)).carriers, near.value);
    if (!w.ok) throw new Error(w.error.message);
    expect(w.value.total).toBe(7_500); // 100 x 75
    expect(near.value.source).toMatch(/Zeile 7 \(Biogene Brennstoffe: Biogas, gebäudenah erzeugt\)/);
    const kwk = withAnlage9Row('district-heat', 18);
    expect(!kwk.ok && kwk.error.message).toMatch(/row 18 .* gives a procedure, not a number/);
    const fw = withDistrictHeat('chp-gas-liquid');
    expect(fw.ok && fw.value.factors['district-heat']?.value).toBe(180); // Nr. 21
  });

  it('a carrier without a factor is a named error, never weighed with 0', () => {
    // GEG Anlage 4 has no row for biogenes Flüssiggas
    const w = weighBalance(computeBalance(oneCarrier('bio-lpg', 100)).carriers, GEG_ANLAGE_4);
    expect(w.ok).toBe(false);
    if (w.ok) return;
    expect(w.error.message).toMatch(/^missing factor for carrier 'bio-lpg' in set geg-anlage-4@2023-10-16/);
    expect(w.error.where).toBe('factors.bio-lpg');
  });
});
