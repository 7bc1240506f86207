/**
 * Costs in the scenario comparison ('scenario.run' through the API's dispatch on a real SQLite district file), worked
 * by hand: the measured and the simulated state priced by the analysis' cost code, the saving per measure and in
 * total, a fixed tariff and a dynamic one whose two price levels a battery moves import between, and the notes.
 *
 * Two local days in Berlin (summer time, UTC+2): 10 and 11 June 2025 = [9 June 22:00Z, 11 June 22:00Z), 192 quarter
 * hours. June has 30 days, so a month's fixed charge counts 2/30 of itself.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DistrictAnalysis, ScenarioMeasureInput, ScenarioRunResult } from '../../../models/contract/index.js';
import { noteText } from '../../../models/i18n/analysis-notes.js';
import type { Result } from '../../../models/result.js';
import type { Building, Device, Point, Reading } from '../../../models/types.js';
import { dispatch, type Handlers } from '../../../main/core/api/dispatch.js';
import { createHandlers } from '../../../main/core/api/handlers.js';
import type { Collector } from '../../../main/core/ingest/collector/collector.js';
import { openStore } from '../../../main/core/store/open-store.js';
import type { SqliteStore } from '../../../main/core/store/sqlite-store.js';
import { building, SITE } from '../store/district-fixture.js';
import { essenWeather } from '../../../main/core/analysis/weather.js';
import { assembleReport } from '../../../main/core/reports/assemble-report.js';
import { renderReportHtml } from '../../../main/core/reports/report-html.js';
import { writeFileSync } from 'node:fs';
import { runCliCaptured } from '../cli/run-cli-captured.js';

const Q = 900_000;
const FROM = Date.UTC(2025, 5, 9, 22);
const TO = Date.UTC(2025, 5, 11, 22);
const SLOTS = (TO - FROM) / Q;
/** Local time of day in hours (Berlin in June = UTC+2). */
const localHour = (ts: number) => (((ts - FROM) % 86_400_000) / 3_600_000) % 24;

interface Slot {
  readonly im: number;
  readonly ex: number;
  readonly g: number;
}
/**
 * a: 2 kW all day (0.5 kWh per quarter hour) but 12:00-14:00, when PV makes 0.5 kWh, 0.25 is used and 0.25 exported.
 * b: 0.4 kW (0.1 kWh) all day, 2 kW (0.5 kWh) 18:00-20:00, nothing 12:00-14:00, when 1 kWh of PV is all exported.
 * c: 100 kW (25 kWh per quarter hour), more than any PV measure below makes: every PV kWh is used in the building.
 */
const PROFILES: Record<string, (ts: number) => Slot> = {
  a: (ts) => (localHour(ts) >= 12 && localHour(ts) < 14 ? { im: 0, ex: 0.25, g: 0.5 } : { im: 0.5, ex: 0, g: 0 }),
  b: (ts) => {
    const h = localHour(ts);
    if (h >= 12 && h < 14) return { im: 0, ex: 1, g: 1 };
    return { im: h >= 18 && h < 20 ? 0.5 : 0.1, ex: 0, g: 0 };
  },
  c: () => ({ im: 25, ex: 0, g: 0 }),
};

const device = (b: string): Device => ({ id: `${b}.meter`, name: `${b}.meter`, buildingId: b, protocol: 'modbus-tcp', url: 'modbus-tcp://127.0.0.1:1?unit=1', profile: 'eastron-sdm630', pollIntervalMs: 15_000 });
const counter = (b: string, role: 'import' | 'export' | 'generation'): Point => ({
  id: `${b}.${role}`,
  deviceId: `${b}.meter`,
  buildingId: b,
  name: role,
  unit: 'kWh',
  medium: 'electricity',
  role,
  kind: 'energy-counter',
});

/** Dynamic prices (German CSV): 10 ct/kWh 00:00-17:00 local, 40 ct/kWh 17:00-24:00, on both days. */
const priceCsv = (): string => {
  const rows = ['Zeitstempel;Preis (ct/kWh)'];
  for (const day of ['10.06.2025', '11.06.2025'])
    for (let q = 0; q < 96; q++) {
      const hh = String(Math.floor(q / 4)).padStart(2, '0');
      const mm = String((q % 4) * 15).padStart(2, '0');
      rows.push(`${day} ${hh}:${mm};${q < 68 ? '10' : '40'}`);
    }
  return rows.join('\n') + '\n';
};

let dir: string;
let store: SqliteStore;
let handlers: Handlers;
const call = async <T>(method: string, args: unknown): Promise<T> => {
  const r = (await dispatch(handlers, method, args)) as Result<T>;
  if (!r.ok) throw new Error(`${method}: ${r.error.message} (${r.error.where})`);
  return r.value;
};
const scenario = (measures: ScenarioMeasureInput[]) => call<ScenarioRunResult>('scenario.run', { from: FROM, to: TO, measures });
const costsOf = (r: ScenarioRunResult, state: 'measured' | 'simulated', id: string) => r.costs[state].buildings.find((b) => b.buildingId === id)!.costs;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'plustwin-scenario-costs-'));
  store = (await openStore(join(dir, 'district.sqlite'), { now: () => TO + Q })) as SqliteStore;
  const ids = ['a', 'b', 'c'];
  const buildings: Building[] = ids.map(building);
  const points = ids.flatMap((b) => [counter(b, 'import'), counter(b, 'export'), counter(b, 'generation')]);
  await store.saveDistrict(SITE, buildings, ids.map(device), points);
  // counter readings at every quarter hour's end, one at FROM so the first slot has a start
  const total = new Map(points.map((p) => [p.id, 1000]));
  const readings: Reading[] = [];
  for (let i = -1; i < SLOTS; i++) {
    const ts = FROM + (i + 1) * Q;
    for (const b of ids) {
      const s = i < 0 ? { im: 0, ex: 0, g: 0 } : (PROFILES[b] as (ts: number) => Slot)(FROM + i * Q);
      for (const [role, v] of [['import', s.im], ['export', s.ex], ['generation', s.g]] as const) {
        const id = `${b}.${role}`;
        total.set(id, (total.get(id) as number) + v);
        readings.push({ pointId: id, ts, value: total.get(id) as number, quality: 'good' });
      }
    }
  }
  await store.ingest(readings);
  await store.flush();
  handlers = createHandlers({ store, collector: { status: () => ({}) } as unknown as Collector, info: { version: 'test', dataDir: dir, dbPath: store.path, transport: 'http' } });
  await call('tariffs.save', { buildingId: 'a', carrier: 'electricity', kind: 'fixed', validFrom: '2025-01-01', energyCtPerKwh: 30, fixedEurPerMonth: 30, feedInCtPerKwh: 8 });
  await call('tariffs.save', { buildingId: 'c', carrier: 'electricity', kind: 'fixed', validFrom: '2025-01-01', energyCtPerKwh: 30, fixedEurPerMonth: 30, feedInCtPerKwh: 8 });
  // dynamic: the quarter hour's price plus a 5 ct surcharge
  await call('tariffs.save', { buildingId: 'b', carrier: 'electricity', kind: 'dynamic', validFrom: '2025-06-01', energyCtPerKwh: 5, fixedEurPerMonth: 15, feedInCtPerKwh: 8, prices: { csv: priceCsv(), file: 'juni.csv' } });
}, 120_000);

afterAll(async () => {
  await store?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('scenario costs, worked by hand', { timeout: 120_000 }, () => {
  it('a fixed tariff: 20 % less electricity in building a', async () => {
    const r = await scenario([{ kind: 'efficiency', buildingId: 'a', carrier: 'electricity', saving: 0.2 }]);
    // measured: 176 quarter hours x 0.5 kWh = 88 kWh imported, 16 x 0.25 = 4 kWh exported
    //   energy 88 x 0.30 = 26.40 EUR; fixed 2 days x 30/30 = 2.00 EUR; feed-in 4 x 0.08 = 0.32 EUR; net 28.08 EUR
    const m = costsOf(r, 'measured', 'a');
    expect(m.energyEur).toBeCloseTo(26.4, 2);
    expect(m.fixedEur).toBeCloseTo(2, 2);
    expect(m.feedInEur).toBeCloseTo(0.32, 2);
    expect(m.netEur).toBeCloseTo(28.08, 2);
    // simulated: consumption 0.5 -> 0.4 kWh (import 176 x 0.4 = 70.4 kWh); at midday 0.25 -> 0.2 kWh used, the 0.05
    // freed is exported too: 16 x 0.30 = 4.8 kWh. energy 70.4 x 0.30 = 21.12; feed-in 4.8 x 0.08 = 0.384;
    // net 21.12 + 2 - 0.384 = 22.736 EUR
    const s = costsOf(r, 'simulated', 'a');
    expect(s.energyEur).toBeCloseTo(21.12, 2);
    expect(s.fixedEur).toBeCloseTo(2, 2);
    expect(s.feedInEur).toBeCloseTo(0.384, 2);
    expect(s.netEur).toBeCloseTo(22.736, 2);
    // saving 28.08 - 22.736 = 5.344 EUR, all of it the one measure's
    expect(r.effects).toHaveLength(1);
    expect(r.effects[0]!.savingEur).toBeCloseTo(5.344, 2);
    // the district: b's dynamic tariff and c's are unchanged (same net in both columns), so its saving is a's
    expect(r.costs.savingEur).toBeCloseTo(5.344, 2);
    expect(r.costs.measured.district.netEur - r.costs.simulated.district.netEur).toBeCloseTo(5.344, 9);
    // the difference the dialog shows, simulated - measured: energy 21.12 - 26.40, feed-in 0.384 - 0.32, fixed 0
    expect(r.costs.difference.netEur).toBeCloseTo(-5.344, 9);
    expect(r.costs.difference.energyEur).toBeCloseTo(-5.28, 9);
    expect(r.costs.difference.carriers).toEqual([{ carrier: 'electricity', energyEur: r.costs.difference.energyEur }]);
    expect(r.costs.difference.feedInEur).toBeCloseTo(0.064, 9);
    expect(r.costs.difference.fixedEur).toBeCloseTo(0, 9);
  });

  it('a dynamic tariff: the battery moves the evening import at 45 ct to the battery, the morning one stays at 15 ct', async () => {
    const r = await scenario([{ kind: 'battery', buildingId: 'b', capacityKwh: 10, powerKw: 10, roundTripEfficiency: 1 }]);
    // measured, per day: import 8 x 0.5 + 80 x 0.1 = 12 kWh: 17:00-24:00 (8 x 0.5 + 20 x 0.1) = 6 kWh at 40 + 5 ct,
    //   the rest 60 x 0.1 = 6 kWh at 10 + 5 ct: 6 x 0.45 + 6 x 0.15 = 3.60 EUR a day, 7.20 EUR in two;
    //   export 8 kWh a day, 16 x 0.08 = 1.28 EUR; fixed 2 x 15/30 = 1.00 EUR; net 7.20 + 1.00 - 1.28 = 6.92 EUR
    const m = costsOf(r, 'measured', 'b');
    expect(m.energyEur).toBeCloseTo(7.2, 2);
    expect(m.feedInEur).toBeCloseTo(1.28, 2);
    expect(m.fixedEur).toBeCloseTo(1, 2);
    expect(m.netEur).toBeCloseTo(6.92, 2);
    // simulated (empty battery at the start, no losses, 2.5 kWh a quarter hour at most):
    //   day 1 00:00-12:00: nothing stored, 48 x 0.1 = 4.8 kWh imported at 15 ct; 12:00-14:00 the 8 kWh of PV charge it;
    //   14:00-24:00 it gives 12 x 0.1 + 4 x 0.1 + 8 x 0.5 + 16 x 0.1 = 7.2 kWh: no import, 0.8 kWh left;
    //   day 2 00:00-02:00 the 0.8 kWh covers 8 quarter hours, then 40 x 0.1 = 4 kWh imported at 15 ct; the evening as day 1
    //   import 8.8 kWh x 0.15 = 1.32 EUR; no export; fixed 1.00; net 2.32 EUR
    const s = costsOf(r, 'simulated', 'b');
    expect(s.energyEur).toBeCloseTo(1.32, 2);
    expect(s.feedInEur).toBeCloseTo(0, 9);
    expect(s.netEur).toBeCloseTo(2.32, 2);
    // saving 6.92 - 2.32 = 4.60 EUR; at one flat price the same kWh would have saved differently
    expect(r.effects[0]!.savingEur).toBeCloseTo(4.6, 2);
    expect(r.costs.savingEur).toBeCloseTo(4.6, 2);
    const e = r.simulated.buildings.find((x) => x.buildingId === 'b')!.balance.carriers.find((c) => c.carrier === 'electricity')!;
    expect(e.importKwh).toBeCloseTo(8.8, 6);
    expect(e.exportKwh).toBeCloseTo(0, 6);
  });

  it('PV in building c: every kWh it makes replaces a kWh bought at 0.30 EUR; measures add up to the total', async () => {
    const r = await scenario([
      { kind: 'pv', buildingId: 'c', kwp: 20, tiltDeg: 30, azimuthDeg: 180 },
      { kind: 'efficiency', buildingId: 'a', carrier: 'electricity', saving: 0.2 },
    ]);
    const pv = r.effects.find((x) => x.kind === 'pv')!;
    const g = pv.addedGenerationKwh;
    // June days of the Essen TRY: 20 kWp make something, and never more than 20 kW x 0.25 h = 5 kWh < 25 kWh a slot
    expect(g).toBeGreaterThan(10);
    const sim = r.simulated.buildings.find((x) => x.buildingId === 'c')!.balance.carriers.find((c) => c.carrier === 'electricity')!;
    // measured import 192 x 25 = 4,800 kWh; simulated 4,800 - g, nothing exported
    expect(sim.importKwh).toBeCloseTo(4800 - g, 6);
    expect(sim.exportKwh).toBeCloseTo(0, 9);
    // measured 4,800 x 0.30 + 2 = 1,442 EUR; simulated (4,800 - g) x 0.30 + 2; saving 0.30 g
    expect(costsOf(r, 'measured', 'c').netEur).toBeCloseTo(1442, 2);
    expect(costsOf(r, 'simulated', 'c').netEur).toBeCloseTo(1442 - 0.3 * g, 2);
    expect(pv.savingEur).toBeCloseTo(0.3 * g, 2);
    // the efficiency measure in a saves 5.344 EUR as before; the two effects add up to the district's saving
    expect(r.effects.find((x) => x.kind === 'efficiency')!.savingEur).toBeCloseTo(5.344, 2);
    expect(r.costs.savingEur).toBeCloseTo(0.3 * g + 5.344, 2);
    expect(r.effects.reduce((s, x) => s + (x.savingEur ?? 0), 0)).toBeCloseTo(r.costs.savingEur, 9);
  });

  it('prices the measured state as the analysis does, and gives its notes in both languages', async () => {
    const r = await scenario([{ kind: 'efficiency', buildingId: '*', carrier: 'electricity', saving: 0.1 }]);
    const a = await call<DistrictAnalysis>('district.analysis', { from: FROM, to: TO });
    expect(r.costs.measured.district.netEur).toBeCloseTo(a.district.costs.netEur, 9);
    for (const b of a.buildings) expect(costsOf(r, 'measured', b.buildingId).netEur).toBeCloseTo(b.costs.netEur, 9);
    // one effect per building for '*', and they add up
    expect(r.effects.map((x) => x.buildingId)).toEqual(['a', 'b', 'c']);
    expect(r.effects.reduce((s, x) => s + (x.savingEur ?? 0), 0)).toBeCloseTo(r.costs.savingEur, 9);
    const keys = r.notes.map((n) => n.key);
    expect(keys).toContain('note.costs');
    expect(keys).toContain('note.scenarioCosts');
    expect(keys).toContain('note.scenarioHeatPump');
    const heat = r.notes.find((n) => n.key === 'note.scenarioHeatPump')!;
    expect(noteText('de', heat)).toMatch(/^Wärmepumpen: eine Jahresarbeitszahl/);
    expect(noteText('en', heat)).toMatch(/^Heat pumps: one seasonal COP/);
    expect(r.assumptions).toEqual(r.notes.map((n) => noteText('en', n)));
  });

  it('balance --scenario prints the costs, the saving per measure and the notes in German and English', async () => {
    const file = join(dir, 'scenario.json');
    writeFileSync(file, JSON.stringify({ id: 'eff', name: 'Sparen', measures: [{ kind: 'efficiency', buildingId: 'a', carrier: 'electricity', saving: 0.2 }] }));
    const args = ['balance', '--db', store.path, '--from', '2025-06-10', '--to', '2025-06-12', '--building', 'a', '--scenario', file];
    const de = await runCliCaptured(...args, '--lang', 'de');
    expect(de.code, de.stderr).toBe(0);
    // a's figures from the first case: 26.40 -> 21.12 energy, 2.00 fixed, 0.32 -> 0.384 feed-in, 28.08 -> 22.736 net;
    // the last 'a Strom' line is the scenario's cost table (the analysis' tables above have such lines too)
    const row = de.stdout.split('\n').findLast((l) => l.startsWith('a Strom'))!;
    expect(row.split(/\s{2,}/)).toEqual(['a Strom', '26,40', '21,12', '2,00', '2,00', '0,32', '0,38', '28,08', '22,74', '5,34']);
    expect(de.stdout).toContain('Maßnahme 1 (Effizienz, a): 5,34 €');
    expect(de.stdout).toMatch(/Szenariokosten: gemessener und simulierter Stand/);
    const en = await runCliCaptured(...args, '--lang', 'en');
    expect(en.code, en.stderr).toBe(0);
    const enRow = en.stdout.split('\n').findLast((l) => l.startsWith('a Electricity'))!;
    expect(enRow.split(/\s{2,}/)).toEqual(['a Electricity', '26.40', '21.12', '2.00', '2.00', '0.32', '0.38', '28.08', '22.74', '5.34']);
    expect(en.stdout).toContain('measure 1 (efficiency, a): 5.34 EUR');
    expect(en.stdout).toMatch(/Scenario costs: the measured and the simulated state/);
  });

  it("prices the report's PV scenario by the same cost code, measured column equal to the analysis", async () => {
    const weather = await essenWeather();
    if (!weather.ok) throw new Error(weather.error.message);
    const d = await assembleReport(store, { period: { from: FROM, to: TO, label: '2025-06-10..2025-06-11' }, weather: weather.value, lang: 'de' });
    const a = await call<DistrictAnalysis>('district.analysis', { from: FROM, to: TO });
    const sc = d.pv!.scenario!;
    expect(sc.measured.netCostEur).toBeCloseTo(a.district.costs.netEur, 9);
    // the potential used on the roofs lowers the bill: saving = measured - with the potential
    expect(sc.savingEur).toBeCloseTo(sc.measured.netCostEur! - sc.pvPotential.netCostEur!, 9);
    expect(sc.savingEur!).toBeGreaterThan(0);
    const fmt = (v: number) => new Intl.NumberFormat('de-DE', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(v);
    const html = renderReportHtml(d).html;
    expect(html).toContain('Kosten netto [€]');
    expect(html).toContain(fmt(sc.savingEur!));
  });

  it('says "no tariff" instead of 0 EUR for a building without one', async () => {
    await call('tariffs.remove', { id: 'c.electricity.2025-01-01' });
    const r = await scenario([{ kind: 'efficiency', buildingId: 'c', carrier: 'electricity', saving: 0.1 }]);
    expect(costsOf(r, 'measured', 'c').hasTariffs).toBe(false);
    expect(r.effects[0]!.savingEur).toBe(0);
  });
});
