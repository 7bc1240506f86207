/**
 * The consistency suite on a generated district (heat, gas, a sub-meter, PV, a building without grid meter, an
 * implausible step, readings that stop, the switch to summer time): every surface shows the same figures, and
 * those figures are the ones worked from the generator's formulas (generated-district.ts).
 */
import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INTERVAL_MS } from '../../../models/time-grid.js';
import { BUILDINGS, createGeneratedStore, SLOTS, truth, type GeneratedStore } from './generated-district.js';
import { checkSurfaces, readSurfaces, type Surfaces } from './surfaces.js';
import { tariffHandlers } from '../../../main/core/api/tariff-handlers.js';
import { runDistrictScenario } from '../../../main/core/analysis/scenario.js';

let gen: GeneratedStore;
let s: Surfaces;

beforeAll(async () => {
  gen = await createGeneratedStore();
  // tariffs through the API's handler: a change at local midnight on 16 March for the school, gas for the hall
  const h = tariffHandlers(gen.store);
  await h['tariffs.save']({ buildingId: 'schule', carrier: 'electricity', kind: 'fixed', validFrom: '2025-03-01', validTo: '2025-03-16', energyCtPerKwh: 30, fixedEurPerMonth: 31, feedInCtPerKwh: 8 });
  await h['tariffs.save']({ buildingId: 'schule', carrier: 'electricity', kind: 'fixed', validFrom: '2025-03-16', energyCtPerKwh: 40, fixedEurPerMonth: 62, feedInCtPerKwh: 7 });
  await h['tariffs.save']({ buildingId: 'halle', carrier: 'gas', kind: 'fixed', validFrom: '2025-01-01', energyCtPerKwh: 10, fixedEurPerMonth: 15 });
  s = await readSurfaces(gen.store, gen.file, '2025-03', '2025-03-01', '2025-04-01');
}, 600_000);

afterAll(async () => {
  await gen?.store.close();
  if (gen) rmSync(dirname(gen.file), { recursive: true, force: true });
});

const electricity = (id: string) => s.api.buildings.find((b) => b.buildingId === id)!.balance.carriers.find((c) => c.carrier === 'electricity')!;

describe('a generated district over March 2025 (Europe/Berlin)', { timeout: 120_000 }, () => {
  it('spans the local month: 31 days less the hour skipped on 30 March', () => {
    // 1 March 00:00 CET = 28 Feb 23:00 UTC; 1 April 00:00 CEST = 31 March 22:00 UTC; 31 x 96 - 4 = 2,972 slots
    expect(s.api.period).toEqual({ from: Date.UTC(2025, 1, 28, 23), to: Date.UTC(2025, 2, 31, 22) });
    expect(SLOTS).toBe(2972);
    expect(s.api.timeZone).toBe('Europe/Berlin');
    expect(s.api.district.months).toHaveLength(1);
  });

  it('API, balance --json and its table, PDF, XLSX and CSV agree per building and for the district', () => {
    checkSurfaces(s, new Map(BUILDINGS.map((b) => [b.id, b.name])));
  });

  it('applies the meter roles: the sub-meter is a breakdown, the kita gets import and export from the completion rule', () => {
    const t = truth();
    // schule: consumption = import - export + generation = the load formula, the kitchen sub-meter changes nothing
    expect(electricity('schule').consumptionKwh).toBeCloseTo(t.electricity['schule']!.l, 6);
    // kita: no grid meter; per slot import = max(0, L - G), export = max(0, G - L)
    expect(electricity('kita').importKwh).toBeCloseTo(t.electricity['kita']!.im, 6);
    expect(electricity('kita').exportKwh).toBeCloseTo(t.electricity['kita']!.ex, 6);
    expect(electricity('kita').exportKwh).toBeGreaterThan(0);
    expect(s.api.assumptions.join('\n')).toMatch(/schule: schule\.kitchen is a sub-meter/);
    expect(s.api.assumptions.join('\n')).toMatch(/kita: electricity has no grid meter/);
  });

  it('counts the implausible step as missing, never as energy, and the stopped meter as missing', () => {
    const t = truth();
    // halle: the 2,000 kWh jump is left out; its slot is missing
    expect(electricity('halle').consumptionKwh).toBeCloseTo(t.electricity['halle']!.l, 6);
    expect(electricity('halle').coverage.missing).toBe(1);
    // haus: readings stop on 28 March 00:00 local: 4 local days with the short 30 March = 4 x 96 - 4 = 380 slots
    expect(electricity('haus').coverage.missing).toBe(380);
    const haus = s.api.buildings.find((b) => b.buildingId === 'haus')!;
    // coverage (2,972 - 380) / 2,972 = 0.8721 < 0.9: the verdict is provisional
    expect(haus.verdictPeriod.coverage).toBeCloseTo((2972 - 380) / 2972, 9);
    expect(haus.verdictPeriod.provisional).toBe(true);
    expect(s.pdfText).toMatch(/Wohnhaus.*vorläufig/);
  });

  it('prices the hall\'s gas and prorates the school\'s two fixed charges by day', () => {
    const halle = s.api.buildings.find((b) => b.buildingId === 'halle')!.costs;
    // 11,145 kWh gas x 0.10 EUR = 1,114.50 EUR; fixed 15 EUR for the whole of March; net 1,129.50 EUR
    expect(halle.carriers.map((c) => c.carrier)).toEqual(['gas']);
    expect(halle.energyEur).toBeCloseTo(1114.5, 6);
    expect(halle.fixedEur).toBeCloseTo(15, 9);
    expect(halle.netEur).toBeCloseTo(1129.5, 6);
    const schule = s.api.buildings.find((b) => b.buildingId === 'schule')!.costs;
    // 1-15 March at 31 EUR/month: 15 x 31/31 = 15 EUR; 16-31 March at 62 EUR/month: 16 x 62/31 = 32 EUR
    expect(schule.fixedEur).toBeCloseTo(47, 9);
    // kita and haus have no tariff: "no tariff", never 0 EUR
    expect(s.api.buildings.find((b) => b.buildingId === 'kita')!.costs.hasTariffs).toBe(false);
    expect(s.api.district.costs.netEur).toBeCloseTo(halle.netEur + schule.netEur, 9);
    // February has no data, but the hall's gas tariff runs from January: its fixed charge, 28 x 15/28 = 15 EUR
    expect(s.api.district.comparison?.previous.hasData).toBe(false);
    expect(s.api.district.comparison?.previous.costs.netEur).toBeCloseTo(15, 9);
    // March 2024 holds neither data nor a tariff
    expect(s.api.district.comparison?.lastYear.hasData).toBe(false);
    expect(s.api.district.comparison?.lastYear.costs.hasTariffs).toBe(false);
  });

  it('prices the measured state of a scenario as the analysis prices the same period', async () => {
    const view = (await gen.store.getDistrict())!;
    const r = await runDistrictScenario(gen.store, view, { from: s.api.period.from, to: s.api.period.to, measures: [{ kind: 'efficiency', buildingId: '*', carrier: '*', saving: 0.1 }] });
    if (!r.ok) throw new Error(r.error.message);
    const { measured, simulated } = r.value.costs;
    expect(measured.district.netEur).toBeCloseTo(s.api.district.costs.netEur, 9);
    expect(measured.district.energyEur).toBeCloseTo(s.api.district.costs.energyEur, 9);
    expect(measured.district.fixedEur).toBeCloseTo(s.api.district.costs.fixedEur, 9);
    expect(measured.district.feedInEur).toBeCloseTo(s.api.district.costs.feedInEur, 9);
    for (const b of s.api.buildings) expect(measured.buildings.find((x) => x.buildingId === b.buildingId)!.costs.netEur, b.buildingId).toBeCloseTo(b.costs.netEur, 9);
    // 10 % less of every carrier: the hall's gas 11,145 kWh x 0.10 x 0.10 EUR = 111.45 EUR of its saving
    const halle = (c: typeof measured) => c.buildings.find((x) => x.buildingId === 'halle')!.costs.carriers.find((x) => x.carrier === 'gas')!.energyEur;
    expect(halle(measured) - halle(simulated)).toBeCloseTo(111.45, 6);
    expect(r.value.effects.reduce((sum, e) => sum + (e.savingEur ?? 0), 0)).toBeCloseTo(r.value.costs.savingEur, 9);
  });

  it('derives the boiler fuel from the heat meter and weighs the gas meter', () => {
    const t = truth();
    const schule = s.api.buildings.find((b) => b.buildingId === 'schule')!;
    const gas = schule.balance.carriers.find((c) => c.carrier === 'gas')!;
    // gas = heat / 0.9 (the default boiler, stated in the assumptions)
    expect(gas.consumptionKwh).toBeCloseTo(t.heatKwh / 0.9, 6);
    const halle = s.api.buildings.find((b) => b.buildingId === 'halle')!;
    // 15 kW for 2,972 quarter hours = 11,145 kWh
    expect(halle.balance.carriers.find((c) => c.carrier === 'gas')!.consumptionKwh).toBeCloseTo(15 * 0.25 * 2972, 6);
    expect(t.gasKwh).toBeCloseTo(11_145, 6);
    expect(INTERVAL_MS).toBe(900_000);
  });
});
