import { beforeAll, describe, expect, it } from 'vitest';
import { assembleReport, ReportDataError } from '../../../main/core/reports/assemble-report.js';
import { parsePeriod } from '../../../main/core/reports/report-period.js';
import type { ReportData } from '../../../main/core/reports/report-data.js';
import { GEG_ANLAGE_4 } from '../../../models/factors/geg-anlage4.js';
import { INTERVAL_MS } from '../../../models/time-grid.js';
import { makeFixture, type Fixture } from './fixture-district.js';

// March 2025 in Berlin: 31 days minus the hour lost at the switch to summer time.
const PERIOD = parsePeriod('2025-03', 'Europe/Berlin');
let fx: Fixture;
let data: ReportData;
const progress: number[] = [];

beforeAll(async () => {
  fx = await makeFixture(PERIOD.from - 2 * 86_400_000, PERIOD.to + 86_400_000);
  data = await assembleReport(fx.store, { period: PERIOD, lang: 'de', onProgress: (s) => progress.push(s) });
});

describe('assembleReport', () => {
  it('covers the local month: 31 days less one hour of 15-minute slots', () => {
    expect((PERIOD.to - PERIOD.from) / INTERVAL_MS).toBe(31 * 96 - 4);
    expect(new Date(PERIOD.from).toISOString()).toBe('2025-02-28T23:00:00.000Z');
    expect(new Date(PERIOD.to).toISOString()).toBe('2025-03-31T22:00:00.000Z');
  });

  it('prints the same electricity totals as the store balance API', async () => {
    const api = await fx.store.buildingBalances(PERIOD.from, PERIOD.to);
    for (const b of data.buildings) {
      const a = api.find((x) => x.buildingId === b.building.id)!;
      expect(b.electricity!.consumptionKwh).toBeCloseTo(a.consumptionKwh, 6);
      expect(b.electricity!.generationKwh).toBeCloseTo(a.generationKwh, 6);
      expect(b.electricity!.importKwh).toBeCloseTo(a.importKwh, 6);
      expect(b.electricity!.exportKwh).toBeCloseTo(a.exportKwh, 6);
    }
  });

  it('months add up to the period and the district adds up the buildings', () => {
    for (const b of data.buildings) {
      expect(b.months).toHaveLength(1);
      expect(b.months.reduce((s, m) => s + m.importKwh, 0)).toBeCloseTo(b.electricity!.importKwh, 6);
    }
    const sum = data.buildings.reduce((s, b) => s + b.electricity!.consumptionKwh, 0);
    expect(data.district.electricity!.consumptionKwh).toBeCloseTo(sum, 6);
    expect(data.district.months[0]!.consumptionKwh).toBeCloseTo(sum, 6);
  });

  it('shop: 0.5 kWh per slot except the 40 missing slots, which count as missing, not as zero use', () => {
    const shop = data.buildings.find((b) => b.building.id === 'shop')!;
    const slots = (PERIOD.to - PERIOD.from) / INTERVAL_MS;
    // the gap lies inside the period only if the fixture starts two days earlier: indexes 100..140 from fixture start
    const gapInside = fx.shopGap.map((i) => fx.from + i * INTERVAL_MS).filter((t) => t >= PERIOD.from && t < PERIOD.to).length;
    expect(shop.electricity!.consumptionKwh).toBeCloseTo(0.5 * (slots - gapInside), 6);
    expect(shop.quality.missing).toBe(gapInside);
    expect(shop.longestGapSlots).toBe(gapInside);
    expect(shop.energyPlus.energyPlus).toBe(false);
    expect(shop.energyPlus.finalEnergyNetKwh).toBeCloseTo(shop.electricity!.importKwh, 6);
  });

  it('house is energy-plus; the school is not, because its gas counts in final and primary energy', () => {
    const house = data.buildings.find((b) => b.building.id === 'house')!;
    const school = data.buildings.find((b) => b.building.id === 'school')!;
    expect(house.energyPlus.energyPlus).toBe(true);
    // default export credit: Effizienzhaus Plus, import x 1.8 - export x 2.8 (Verdrängungsstrommix)
    expect(house.energyPlus.primaryEnergy.total).toBeCloseTo(house.electricity!.importKwh * 1.8 - house.electricity!.exportKwh * 2.8, 6);
    expect(data.primarySet.exportCreditVariant?.id).toBe('effizienzhaus-plus');
    const gas = school.balance.carriers.find((c) => c.carrier === 'gas')!;
    const slots = (PERIOD.to - PERIOD.from) / INTERVAL_MS;
    expect(gas.consumptionKwh).toBeCloseTo(2 * slots, 6);
    const e = school.electricity!;
    expect(school.energyPlus.primaryEnergy.total).toBeCloseTo(e.importKwh * 1.8 - e.exportKwh * 2.8 + gas.importKwh * 1.1, 6);
    expect(school.co2Tonnes).toBeCloseTo((e.importKwh * 560 + gas.importKwh * 240) / 1e6, 9);
    expect(data.district.energyPlusCount).toBe(house.energyPlus.energyPlus ? 1 : 0);
  });

  it('district sharing keeps energy in the district (the shop uses the neighbours\' surplus)', () => {
    const s = data.district.sharing!;
    expect(s.gainKwh).toBeGreaterThan(0);
    expect(s.district.selfSufficiency!).toBeGreaterThan(s.singles.selfSufficiency!);
    expect(s.selfSufficiencyGain!).toBeGreaterThan(0);
  });

  it('lists each factor used once, with set, version and source', () => {
    const keys = data.factorsUsed.map((f) => `${f.setId}|${f.carrier}|${f.use}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys).toContain('geg-anlage-4|electricity|import');
    expect(keys).toContain('geg-anlage-4|electricity|export-credit');
    expect(keys).toContain('geg-anlage-4|gas|import');
    expect(keys).toContain('geg-anlage-9|gas|import');
    for (const f of data.factorsUsed) expect(f.source).toMatch(/Gebäudeenergiegesetz Anlage [49]/);
  });

  it('reports progress from 0 to 1', () => {
    expect(progress[0]).toBe(0);
    expect(progress.at(-1)).toBe(1);
    for (let i = 1; i < progress.length; i++) expect(progress[i]!).toBeGreaterThanOrEqual(progress[i - 1]!);
  });

  it('a selection keeps its order and only its buildings', async () => {
    const d = await assembleReport(fx.store, { period: PERIOD, buildingIds: ['shop', 'house'] });
    expect(d.buildings.map((b) => b.building.id)).toEqual(['shop', 'house']);
  });

  it('names unknown buildings, wrong factor kinds and an empty store', async () => {
    await expect(assembleReport(fx.store, { period: PERIOD, buildingIds: ['house', 'nope'] })).rejects.toThrow(/'nope'.*known: house, school, shop/);
    await expect(assembleReport(fx.store, { period: PERIOD, co2Set: GEG_ANLAGE_4 })).rejects.toThrow(ReportDataError);
    const { FakeStore } = await import('./fake-store.js');
    await expect(assembleReport(new FakeStore(), { period: PERIOD })).rejects.toThrow(/holds no district/);
  });
});
