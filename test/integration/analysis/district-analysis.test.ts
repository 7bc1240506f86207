/**
 * The analysis methods of the contract and the balance / pv-potential CLI against a real district file filled by
 * the demo backfill (town hall, school, a house with PV and one without; 2025). Expected values come from the
 * demo's tracks (the counters the store ingested) through the models, independently of the store's queries.
 */
import { noteText } from '../../../models/i18n/analysis-notes.js';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DistrictAnalysis, DistrictPvPotential, FactorSetInfo, Co2PathResult, ScenarioRunResult } from '../../../models/contract/index.js';
import type { Result } from '../../../models/result.js';
import { makeSeries, type BuildingProfile, type CarrierSeries } from '../../../models/energy/series.js';
import { computeKpis } from '../../../models/energy/kpis.js';
import { districtSharing } from '../../../models/energy/sharing.js';
import { INTERVAL_MS } from '../../../models/time-grid.js';
import { DEMO_BUILDINGS } from '../../../main/core/demo/demo-district.js';
import { createHandlers } from '../../../main/core/api/handlers.js';
import { dispatch, type Handlers } from '../../../main/core/api/dispatch.js';
import type { Collector } from '../../../main/core/ingest/collector/collector.js';
import { runCliCaptured } from '../cli/run-cli-captured.js';
import { geoJson } from '../../fixtures/importers/generate-geojson.js';
import { createDemoStore, YEAR_FROM, YEAR_TO, type DemoStore } from './demo-store.js';
import { FZK_HAUS_GML as FZK } from '../../fixtures/data/fixture-files.js';

const IDS = ['rathaus', 'grundschule', 'efh-1', 'efh-2'];
const BUILDINGS = DEMO_BUILDINGS.filter((b) => IDS.includes(b.building.id));
const dir = mkdtempSync(join(tmpdir(), 'plustwin-analysis-test-'));

let demo: DemoStore;
let handlers: Handlers;
let year: DistrictAnalysis;

const call = async <T>(method: string, args: unknown): Promise<Result<T>> => (await dispatch(handlers, method, args)) as Result<T>;
const value = async <T>(method: string, args: unknown): Promise<T> => {
  const r = await call<T>(method, args);
  if (!r.ok) throw new Error(`${method}: ${r.error.message} (${r.error.where})`);
  return r.value;
};

/** The demo's own 15-minute energies over [from, to), from the tracks the backfill read. */
function trackProfile(id: string, from: number, to: number): BuildingProfile {
  const n = (to - from) / INTERVAL_MS;
  const e = demo.tracks.get(id)!;
  const imp = new Float64Array(n);
  const exp = new Float64Array(n);
  const gen = new Float64Array(n);
  let prev = e.at(from);
  for (let j = 0; j < n; j++) {
    const next = e.at(from + (j + 1) * INTERVAL_MS);
    // counter differences of large readings carry float noise around zero
    imp[j] = Math.max(0, next.importKwh - prev.importKwh);
    exp[j] = Math.max(0, next.exportKwh - prev.exportKwh);
    gen[j] = Math.max(0, next.generationKwh - prev.generationKwh);
    prev = next;
  }
  const series: CarrierSeries[] = [];
  const el = makeSeries({ carrier: 'electricity', start: from, import: imp, export: exp, generation: gen });
  if (!el.ok) throw new Error(el.error.message);
  series.push(el.value);
  return { buildingId: id, series };
}

const carrier = (a: DistrictAnalysis, id: string, c: string) => a.buildings.find((b) => b.buildingId === id)!.balance.carriers.find((x) => x.carrier === c);
const heatOf = (id: string, from: number, to: number) => demo.heat.get(id)!.at(to).heatKwh - demo.heat.get(id)!.at(from).heatKwh;
const counterDiff = (id: string, k: 'importKwh' | 'exportKwh' | 'generationKwh') => demo.tracks.get(id)!.at(YEAR_TO)[k] - demo.tracks.get(id)!.at(YEAR_FROM)[k];

const cli = runCliCaptured;

beforeAll(async () => {
  demo = await createDemoStore(BUILDINGS);
  const collector = { status: () => ({}) } as unknown as Collector;
  handlers = createHandlers({ store: demo.store, collector, info: { version: 'test', dataDir: dir, dbPath: demo.file, transport: 'http' } });
  year = await value<DistrictAnalysis>('district.analysis', { from: YEAR_FROM, to: YEAR_TO });
}, 300_000);
afterAll(async () => {
  await demo?.store.close();
  if (demo) rmSync(dirname(demo.file), { recursive: true, force: true });
  rmSync(dir, { recursive: true, force: true });
});

describe('district.analysis over the demo year', { timeout: 180_000 }, () => {
  it('balances electricity per building exactly as the meters counted', () => {
    for (const id of IDS) {
      const e = carrier(year, id, 'electricity')!;
      expect(e.importKwh).toBeCloseTo(counterDiff(id, 'importKwh'), 3);
      expect(e.exportKwh).toBeCloseTo(counterDiff(id, 'exportKwh'), 3);
      expect(e.generationKwh).toBeCloseTo(counterDiff(id, 'generationKwh'), 3);
      expect(e.coverage.missing).toBe(0);
    }
  });

  it('the school is energy-plus in electricity over the year, the town hall is not', () => {
    expect(carrier(year, 'grundschule', 'electricity')!.netImportKwh).toBeLessThan(0);
    expect(carrier(year, 'rathaus', 'electricity')!.netImportKwh).toBeGreaterThan(0);
    // with its boiler's gas the school is not energy-plus overall
    const school = year.buildings.find((b) => b.buildingId === 'grundschule')!;
    expect(school.energyPlus.finalEnergyPlus).toBe(false);
    const efh1 = year.buildings.find((b) => b.buildingId === 'efh-1')!;
    expect(efh1.energyPlus.energyPlus).toBe(true);
    expect(efh1.energyPlus.complete).toBe(true);
  });

  it('heat is metered, its gas is heat / 0.9 and adds primary energy and CO2 with the gas factors', () => {
    const heat = heatOf('rathaus', YEAR_FROM, YEAR_TO);
    expect(heat).toBeGreaterThan(600_000);
    expect(carrier(year, 'rathaus', 'heat')!.consumptionKwh).toBeCloseTo(heat, 3);
    const gas = carrier(year, 'rathaus', 'gas')!.consumptionKwh;
    expect(gas).toBeCloseTo(heat / 0.9, 3);
    const imp = counterDiff('rathaus', 'importKwh');
    const exp = counterDiff('rathaus', 'exportKwh');
    const b = year.buildings.find((x) => x.buildingId === 'rathaus')!;
    // default export credit Effizienzhaus Plus: export x 2.8 (Verdrängungsstrommix), import x 1.8, gas x 1.1
    expect(b.energyPlusPeriod.primaryEnergy.total).toBeCloseTo(1.8 * imp - 2.8 * exp + 1.1 * gas, 2);
    expect(b.energyPlusPeriod.finalEnergyNetKwh).toBeCloseTo(imp - exp + gas, 3);
    expect(b.co2Tonnes).toBeCloseTo((560 * imp + 240 * gas) / 1e6, 6);
    // the demo stores its boilers' supply with the building (gas, 0.9)
    expect(b.heatSupply).toMatchObject({ carrier: 'gas', efficiency: 0.9, origin: 'building' });
    expect(year.assumptions.join('\n')).toMatch(/rathaus: metered heat is supplied by a gas boiler; gas = heat \/ 0.9 \(stored with the building\)/);
    // houses without a heat meter have no heat and no gas
    expect(carrier(year, 'efh-1', 'gas')).toBeUndefined();
  });

  it('KPIs and sharing equal the models on the tracks, computed without the store', () => {
    const profiles = IDS.map((id) => trackProfile(id, YEAR_FROM, YEAR_TO));
    const period = { from: YEAR_FROM, to: YEAR_TO };
    for (const p of profiles) {
      const want = computeKpis(p.series[0]!, period);
      const got = year.buildings.find((b) => b.buildingId === p.buildingId)!.kpis!;
      expect(got.resolution).toBe('15 min');
      expect(got.selfSufficiency!).toBeCloseTo(want.selfSufficiency!, 9);
      expect(got.loadMatchIndex!).toBeCloseTo(want.loadMatchIndex!, 9);
      expect(got.gridInteractionIndex ?? -1).toBeCloseTo(want.gridInteractionIndex ?? -1, 9);
    }
    const sharing = districtSharing(profiles, period);
    expect(year.district.sharing!.gainKwh).toBeCloseTo(sharing.gainKwh, 3);
    expect(year.district.sharing!.gainKwh).toBeGreaterThan(0);
  });

  it('names the factor sets with id, version and source; the rolling window is the year', () => {
    expect(year.factorSets.primary).toMatchObject({ id: 'geg-anlage-4', version: '2023-10-16', exportCredit: { id: 'effizienzhaus-plus', factor: 2.8 } });
    expect(year.factorSets.co2.id).toBe('geg-anlage-9');
    expect(year.factorSets.co2.source).toMatch(/Anlage 9/);
    expect(year.rollingFrom).toBe(YEAR_FROM);
    expect(year.district.energyPlus.primaryEnergy.total).toBeCloseTo(year.district.energyPlusPeriod.primaryEnergy.total, 3);
    const sum = year.buildings.reduce((s, b) => s + b.co2Tonnes, 0);
    expect(year.district.co2Tonnes).toBeCloseTo(sum, 9);
  });

  it('a shorter period is balanced over its slots and the 12-month status still over a year', async () => {
    const from = Date.UTC(2025, 6, 1);
    const a = await value<DistrictAnalysis>('district.analysis', { from, to: YEAR_TO });
    const e = carrier(a, 'grundschule', 'electricity')!;
    const t = demo.tracks.get('grundschule')!;
    expect(e.importKwh).toBeCloseTo(t.at(YEAR_TO).importKwh - t.at(from).importKwh, 3);
    expect(a.rollingFrom).toBe(YEAR_FROM);
    const school = a.buildings.find((b) => b.buildingId === 'grundschule')!;
    expect(school.energyPlus.finalEnergyNetKwh).toBeCloseTo(year.buildings.find((b) => b.buildingId === 'grundschule')!.energyPlus.finalEnergyNetKwh, 3);
  });

  it("resolution 'hour' reads the rollups: the same sums, hourly KPIs", async () => {
    const h = await value<DistrictAnalysis>('district.analysis', { from: YEAR_FROM, to: YEAR_TO, resolution: 'hour' });
    expect(h.resolution).toBe('1 h');
    for (const id of IDS) {
      const a = h.buildings.find((b) => b.buildingId === id)!;
      const b = year.buildings.find((x) => x.buildingId === id)!;
      expect(a.energyPlus.primaryEnergy.total).toBeCloseTo(b.energyPlus.primaryEnergy.total, 3);
      expect(a.co2Tonnes).toBeCloseTo(b.co2Tonnes, 6);
      expect(a.kpis!.resolution).toBe('1 h');
    }
    // generation - export is additive (metered per 15 minutes before rolling up), the load match is not
    const school = (x: DistrictAnalysis) => x.buildings.find((b) => b.buildingId === 'grundschule')!.kpis!;
    expect(school(h).selfConsumedKwh).toBeCloseTo(school(year).selfConsumedKwh, 3);
    expect(school(h).loadMatchIndex).not.toBeCloseTo(school(year).loadMatchIndex!, 6);
    const off = await call('district.analysis', { from: YEAR_FROM + 15 * 60_000, to: YEAR_TO, resolution: 'hour' });
    expect(!off.ok && off.error.message).toMatch(/1-h UTC grid/);
  });

  it('a heat supply setting changes the fuel and its factors', async () => {
    const a = await value<DistrictAnalysis>('district.analysis', {
      from: YEAR_FROM,
      to: YEAR_TO,
      co2SetId: 'bisko-gemis-4.95',
      heatSupply: { rathaus: { carrier: 'oil', efficiency: 0.85 } },
    });
    const heat = heatOf('rathaus', YEAR_FROM, YEAR_TO);
    expect(carrier(a, 'rathaus', 'oil')!.consumptionKwh).toBeCloseTo(heat / 0.85, 3);
    expect(carrier(a, 'rathaus', 'gas')).toBeUndefined();
    const b = a.buildings.find((x) => x.buildingId === 'rathaus')!;
    // BISKO life-cycle: consumption x factor, no credit for feed-in
    const el = carrier(a, 'rathaus', 'electricity')!;
    expect(b.co2Tonnes).toBeCloseTo((565 * el.consumptionKwh + 319 * (heat / 0.85)) / 1e6, 6);
    expect(b.co2.factorsUsed.every((f) => f.setId === 'bisko-gemis-4.95' && f.version.length > 0 && f.source.length > 0)).toBe(true);
    expect(b.heatSupply).toMatchObject({ carrier: 'oil', origin: 'setting' });
  });

  it('rejects bad input with typed errors that say where', async () => {
    const cases: [unknown, string, RegExp][] = [
      [{ from: YEAR_FROM, to: YEAR_FROM }, 'to', /after/],
      [{ from: YEAR_FROM + 60_000, to: YEAR_TO }, 'from', /15-min UTC grid/],
      [{ from: YEAR_FROM, to: YEAR_TO + 800 * 86_400_000 }, 'to', /at most 732 days/],
      [{ from: YEAR_FROM, to: YEAR_TO, primarySetId: 'nope' }, 'primarySetId', /unknown factor set 'nope'/],
      [{ from: YEAR_FROM, to: YEAR_TO, primarySetId: 'geg-anlage-9' }, 'primarySetId', /holds co2 factors/],
      [{ from: YEAR_FROM, to: YEAR_TO, heatSupply: { nowhere: { carrier: 'gas', efficiency: 0.9 } } }, 'heatSupply.nowhere', /no building/],
      [{ from: YEAR_FROM, to: YEAR_TO, heatSupply: { rathaus: { carrier: 'gas', efficiency: 90 } } }, 'heatSupply.rathaus.efficiency', /1.1|less/],
      [{ from: '2025-01-01', to: YEAR_TO }, 'from', /number/],
      [{ from: YEAR_FROM, to: YEAR_TO, extra: 1 }, 'args', /extra|Unrecognized/i],
    ];
    for (const [args, where, message] of cases) {
      const r = await call('district.analysis', args);
      expect(r.ok, JSON.stringify(args)).toBe(false);
      if (r.ok) continue;
      expect(r.error.kind).toBe('validation');
      expect(r.error.where ?? 'args').toBe(where);
      expect(r.error.message).toMatch(message);
    }
    // nothing stored was touched
    const again = await value<DistrictAnalysis>('district.analysis', { from: YEAR_FROM, to: YEAR_TO });
    expect(carrier(again, 'rathaus', 'electricity')!.importKwh).toBe(carrier(year, 'rathaus', 'electricity')!.importKwh);
  });
});

describe('factors, CO2 path, PV potential and scenarios', { timeout: 180_000 }, () => {
  it('factors.list names every built-in set with its defaults', async () => {
    const sets = await value<FactorSetInfo[]>('factors.list', {});
    expect(sets.map((s) => s.id)).toEqual(['geg-anlage-4', 'geg-anlage-9', 'bisko-gemis-4.95']);
    const geg4 = sets.find((s) => s.id === 'geg-anlage-4')!;
    expect(geg4.isDefault).toBe(true);
    expect(geg4.factors.find((f) => f.carrier === 'gas')!.value).toBe(1.1);
    expect(sets.find((s) => s.id === 'bisko-gemis-4.95')!.basis).toBe('consumption');
  });

  it('district.co2Path: 2025 from hourly rollups equals the 15-minute analysis, path to 2045', async () => {
    const r = await value<Co2PathResult>('district.co2Path', { fromYear: 2024, toYear: 2025 });
    expect(r.years.map((y) => y.year)).toEqual([2024, 2025]);
    // the fixture's first interval is the last quarter hour of 2024
    expect(r.years[0]!.tonnes).toBeLessThan(0.01);
    expect(r.years[0]!.coverage.missingShare).toBeGreaterThan(0.99);
    expect(r.years[1]!.tonnes).toBeCloseTo(year.district.co2Tonnes, 6);
    expect(r.basis).toEqual({ kind: 'calendar-years', years: [2025] });
    expect(r.path!.baseYear).toBe(2025);
    expect(r.path!.neededPerYearTonnes).toBeCloseTo(year.district.co2Tonnes / 20, 6);
    expect(r.co2Set.id).toBe('geg-anlage-9');
    // the assumptions as notes in the user's language; the English text is the notes' English
    const german = r.notes.map((n) => noteText('de', n));
    expect(german).toContain('Ziel 0 t CO2e im Jahr 2045 (Klimaschutzgesetz: Klimaneutralität 2045).');
    expect(german).toContain('Jahre, deren Stunden zu mindestens 90 % abgedeckt sind, gehen in den Pfad ein: 2025.');
    expect(r.assumptions).toEqual(r.notes.map((n) => noteText('en', n)));
    expect(r.assumptions).toContain('Target 0 t CO2e in 2045 (Klimaschutzgesetz: climate neutrality in 2045).');
    const bad = await call('district.co2Path', { fromYear: 2025, toYear: 2045 });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.where).toBe('targetYear');
  });

  it('district.pvPotential: assumed roofs from footprints, stored roof surfaces where the import gave some', async () => {
    const before = await value<DistrictPvPotential>('district.pvPotential', {});
    expect(before.buildings.map((b) => b.roofSource)).toEqual(['assumed', 'assumed', 'assumed', 'assumed']);
    for (const b of before.buildings) expect(b.annualKwh / b.kwp).toBeGreaterThan(700);
    await demo.store.saveRoofs(['efh-1'], [{ buildingId: 'efh-1', areaM2: 55, tiltDeg: 35, azimuthDeg: 180 }]);
    const after = await value<DistrictPvPotential>('district.pvPotential', {});
    const efh1 = after.buildings.find((b) => b.buildingId === 'efh-1')!;
    expect(efh1.roofSource).toBe('imported');
    // 55 m2 x 70 % usable / 5.5 m2 per kWp
    expect(efh1.kwp).toBeCloseTo(7, 6);
    const half = await value<DistrictPvPotential>('district.pvPotential', { share: 0.5 });
    expect(half.kwp).toBeCloseTo(after.kwp / 2, 6);
    expect(after.assumptions.join(' ')).toMatch(/TRY_5_a_2015_15min/);
    expect(after.assumptions).toEqual(after.notes.map((n) => noteText('en', n)));
    // half of the potential counted: 0.5 x 100 = 50 %
    expect(half.notes.map((n) => noteText('de', n))).toContain('50 % des geeigneten Potenzials gezählt.');
    const bad = await call('district.pvPotential', { share: 2 });
    expect(bad.ok).toBe(false);
    await demo.store.saveRoofs(['efh-1'], []);
  });

  it('scenario.run: a heat pump replaces the town hall gas, PV on the house without', async () => {
    const r = await value<ScenarioRunResult>('scenario.run', {
      from: YEAR_FROM,
      to: YEAR_TO,
      id: 'hp-pv',
      measures: [
        { kind: 'heat-pump', buildingId: 'rathaus', scop: 3 },
        { kind: 'pv', buildingId: 'efh-2', kwp: 8, tiltDeg: 35, azimuthDeg: 180 },
      ],
    });
    const gas = carrier(year, 'rathaus', 'gas')!.consumptionKwh;
    const hp = r.effects.find((e) => e.kind === 'heat-pump')!;
    expect(hp.consumptionChangeKwh.gas).toBeCloseTo(-gas, 3);
    expect(hp.consumptionChangeKwh.electricity).toBeCloseTo((gas * 0.9) / 3, 3);
    const pv = r.effects.find((e) => e.kind === 'pv')!;
    expect(pv.addedGenerationKwh / 8).toBeGreaterThan(800);
    expect(pv.addedGenerationKwh / 8).toBeLessThan(1100);
    const simRathaus = r.simulated.buildings.find((b) => b.buildingId === 'rathaus')!;
    expect(simRathaus.balance.carriers.find((c) => c.carrier === 'gas')!.consumptionKwh).toBe(0);
    expect(r.measured.co2Tonnes).toBeCloseTo(year.buildings.reduce((s, b) => s + b.co2Tonnes, 0), 6);
    const bad = await call('scenario.run', { from: YEAR_FROM, to: YEAR_TO, measures: [{ kind: 'heat-pump', buildingId: 'efh-1', scop: 3 }] });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.message).toMatch(/no gas series/);
    const unknown = await call('scenario.run', { from: YEAR_FROM, to: YEAR_TO, measures: [{ kind: 'wind', buildingId: 'efh-1' }] });
    expect(unknown.ok).toBe(false);
    if (!unknown.ok) expect(unknown.error.where).toMatch(/^measures\.0/);
  });
});

describe('plustwin balance and pv-potential', { timeout: 180_000 }, () => {
  it('prints the table with English or German numbers', async () => {
    const en = await cli('balance', '--db', demo.file, '--from', '2025-01-01T00:00Z', '--to', '2026-01-01T00:00Z', '--lang', 'en');
    expect(en.code).toBe(0);
    const imp = Math.round(counterDiff('rathaus', 'importKwh'));
    expect(en.stdout).toContain(`rathaus Electricity`);
    expect(en.stdout).toContain(imp.toLocaleString('en-GB'));
    expect(en.stdout).toMatch(/geg-anlage-4 \(2023-10-16/);
    expect(en.stdout).toMatch(/export credit effizienzhaus-plus \(2\.8: /);
    expect(en.stdout).toMatch(/gas = heat \/ 0.9/);
    const de = await cli('balance', '--db', demo.file, '--from', '2025-01-01T00:00Z', '--to', '2026-01-01T00:00Z', '--lang', 'de', '--building', 'grundschule');
    expect(de.code).toBe(0);
    expect(de.stdout).toContain(Math.round(counterDiff('grundschule', 'exportKwh')).toLocaleString('de-DE'));
    expect(de.stdout).not.toContain('rathaus Strom');
    expect(de.stdout).toContain('grundschule Strom');
    expect(de.stdout).toMatch(/\d,\d %/);
    // German throughout: headings, columns, verdict words and factor lines
    expect(de.stdout).toMatch(/^Energiebilanz 01.01.2025 01:00 bis 01.01.2026 01:00 \(ohne Ende; Ortszeit Europe\/Berlin\)/);
    expect(de.stdout).toContain('Saldo = Verbrauch - Erzeugung = Bezug - Einspeisung: positiv = Defizit, negativ = Überschuss.');
    expect(de.stdout).toMatch(/Gebäude Energieträger\s+Verbrauch\s+Erzeugung\s+Bezug\s+Einspeisung\s+Saldo \(\+ Defizit\)\s+Abdeckung/);
    expect(de.stdout).toMatch(/Faktoren: Primärenergie geg-anlage-4/);
    expect(de.stdout).toMatch(/Gutschrift für Einspeisung effizienzhaus-plus \(2,8: /);
    expect(de.stdout).toContain('  - Tage, Monate und Jahre sind Kalenderzeiträume in der Ortszeit Europe/Berlin.');
    expect(de.stdout).toMatch(/grundschule: die gemessene Wärme liefert ein Erdgaskessel; Erdgas = Wärme \/ 0,9 \(beim Gebäude gespeichert\)/);
    expect(de.stdout).not.toMatch(/Energy balance|building carrier|self-sufficiency|Factors:|export credit|Assumptions|metered heat/);
  });

  it('reads dates as local days of the site and says so', async () => {
    // DEMO_SITE lies in Europe/Berlin: 1 June 2025 00:00 CEST = 31 May 22:00 UTC; 2 June likewise
    const r = await cli('balance', '--db', demo.file, '--from', '2025-06-01', '--to', '2025-06-02', '--json');
    expect(r.code).toBe(0);
    const a = (JSON.parse(r.stdout) as { analysis: DistrictAnalysis }).analysis;
    expect(a.period).toEqual({ from: Date.UTC(2025, 4, 31, 22), to: Date.UTC(2025, 5, 1, 22) });
    expect(a.timeZone).toBe('Europe/Berlin');
    const t = await cli('balance', '--db', demo.file, '--from', '2025-06-01', '--to', '2025-06-02', '--lang', 'en');
    expect(t.stdout).toContain('Energy balance 2025-06-01 to 2025-06-02 (exclusive; local time Europe/Berlin)');
    expect(t.stdout).toContain('positive = deficit');
  });

  it('--json answers the API result; --factors and --scenario are applied', async () => {
    const scenario = join(dir, 'scenario.json');
    writeFileSync(scenario, JSON.stringify({ id: 'eff', name: 'Savings', measures: [{ kind: 'efficiency', buildingId: '*', carrier: 'electricity', saving: 0.1 }] }));
    const r = await cli('balance', '--db', demo.file, '--from', '2025-01-01T00:00Z', '--to', '2026-01-01T00:00Z', '--json', '--factors', 'bisko-gemis-4.95', '--scenario', scenario);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as { analysis: DistrictAnalysis; scenario: ScenarioRunResult };
    expect(doc.analysis.factorSets.co2.id).toBe('bisko-gemis-4.95');
    expect(carrier(doc.analysis, 'efh-2', 'electricity')!.importKwh).toBeCloseTo(carrier(year, 'efh-2', 'electricity')!.importKwh, 6);
    const saved = doc.scenario.effects.find((e) => e.buildingId === 'efh-2')!;
    expect(saved.consumptionChangeKwh.electricity).toBeCloseTo(-0.1 * carrier(year, 'efh-2', 'electricity')!.consumptionKwh, 3);
    const table = await cli('balance', '--db', demo.file, '--from', '2025-01-01T00:00Z', '--to', '2026-01-01T00:00Z', '--scenario', scenario);
    expect(table.stdout).toMatch(/Scenario 'Savings' \(eff\)/);
  });

  it('explains mistakes: usage errors exit 2, bad files exit 1', async () => {
    const noDate = await cli('balance', '--db', demo.file, '--from', '1.1.2025', '--to', '2026-01-01');
    expect(noDate.code).toBe(2);
    expect(noDate.stderr).toMatch(/--from must be a date/);
    const badSet = await cli('balance', '--db', demo.file, '--from', '2025-01-01T00:00Z', '--to', '2026-01-01T00:00Z', '--factors', 'x');
    expect(badSet.code).toBe(2);
    expect(badSet.stderr).toMatch(/unknown factor set 'x'/);
    const badCredit = await cli('balance', '--db', demo.file, '--from', '2025-01-01', '--to', '2026-01-01', '--export-credit', 'half');
    expect(badCredit.code).toBe(2);
    expect(badCredit.stderr).toMatch(/--export-credit must be one of effizienzhaus-plus, grid-symmetric, geg-none/);
    const noDb = await cli('balance', '--db', join(dir, 'missing.sqlite'), '--from', '2025-01-01T00:00Z', '--to', '2026-01-01T00:00Z');
    expect(noDb.code).toBe(2);
    expect(noDb.stderr).toMatch(/--db: no file/);
    expect(existsSync(join(dir, 'missing.sqlite'))).toBe(false);
    const badBuilding = await cli('balance', '--db', demo.file, '--from', '2025-01-01T00:00Z', '--to', '2026-01-01T00:00Z', '--building', 'kirche');
    expect(badBuilding.code).toBe(1);
    expect(badBuilding.stderr).toMatch(/no building 'kirche'.*rathaus/);
    const badScenario = join(dir, 'bad.json');
    writeFileSync(badScenario, '{"measures": [{"kind": "pv", "buildingId": "efh-1", "kwp": -1, "tiltDeg": 30, "azimuthDeg": 180}]}');
    const s = await cli('balance', '--db', demo.file, '--from', '2025-01-01T00:00Z', '--to', '2026-01-01T00:00Z', '--scenario', badScenario);
    expect(s.code).toBe(1);
    expect(s.stderr).toMatch(/bad\.json: "measures\.0\.kwp" is too small: the value must be greater than 0/);
  });

  it('pv-potential reads LoD2 roofs from CityGML and assumes roofs for GeoJSON footprints', async () => {
    const gml = await cli('pv-potential', FZK, '--json');
    expect(gml.code).toBe(0);
    const r = JSON.parse(gml.stdout) as DistrictPvPotential;
    expect(r.buildings).toHaveLength(1);
    expect(r.buildings[0]!.roofSource).toBe('imported');
    expect(r.buildings[0]!.roofs.length).toBeGreaterThan(1);
    expect(r.annualKwh / r.kwp).toBeGreaterThan(700);
    const file = join(dir, 'three.geojson');
    writeFileSync(file, geoJson(3));
    const table = await cli('pv-potential', file, '--lang', 'de');
    expect(table.code).toBe(0);
    // a footprint import stores one flat roof per building
    expect(table.stdout).toMatch(/b-0\s+Import\s+1\s+1\s+\d+,\d/);
    expect(table.stdout).toMatch(/^gesamt /m);
    const bad = join(dir, 'bad.geojson');
    writeFileSync(bad, '{"type": "FeatureCollection", "features": [');
    const broken = await cli('pv-potential', bad);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toMatch(/bad\.geojson/);
    expect((await cli('pv-potential')).code).toBe(2);
  });
});
