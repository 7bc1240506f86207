/**
 * "E-Mobilität" and "Öffentliche Beleuchtung" in the one analysis, from a real district file: a school with a grid
 * meter, PV and an OCPP charge point's connector behind the grid meter, a town hall exporting its surplus, and two
 * street lights of the inventory. 'district.analysis' and `plustwin balance` show the same figures.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DistrictAnalysis } from '../../../models/contract/index.js';
import type { Device, Point } from '../../../models/types.js';
import { openStore } from '../../../main/core/store/open-store.js';
import type { SqliteStore } from '../../../main/core/store/sqlite-store.js';
import { createHandlers } from '../../../main/core/api/handlers.js';
import { dispatch } from '../../../main/core/api/dispatch.js';
import type { Collector } from '../../../main/core/ingest/collector/collector.js';
import { connectorPoints, chargePointDevice } from '../../../main/core/ingest/ocpp/charge-point-points.js';
import { SITE, building, device, point, tempDir } from '../store/district-fixture.js';
import { runCliCaptured } from '../cli/run-cli-captured.js';
import { parseSchedule, type DimmingSchedule } from '../../../models/lighting/index.js';
import { assembleReport } from '../../../main/core/reports/assemble-report.js';
import { renderReportHtml } from '../../../main/core/reports/report-html.js';

/** 3 June 2026, 10:00 UTC (12:00 CEST): the quarter hour analysed. */
const T0 = Date.UTC(2026, 5, 3, 10);
const QH = 900_000;
/** 22:00-22:15 UTC (00:00 CEST) the same day: the lights burn dimmed. */
const NIGHT = Date.UTC(2026, 5, 3, 22);

const counters = (b: string): Point[] => [
  point(`${b}.imp`, `m-${b}`, b, 'import', 'energy-counter'),
  point(`${b}.exp`, `m-${b}`, b, 'export', 'energy-counter'),
  point(`${b}.pv`, `pv-${b}`, b, 'generation', 'energy-counter'),
];

describe('consumption classes in the analysis', () => {
  let tmp: ReturnType<typeof tempDir>;
  let db: string;
  let store: SqliteStore;
  beforeEach(async () => {
    tmp = tempDir();
    db = tmp.file('district.sqlite');
    store = await openStore(db, { now: () => T0 + 86_400_000 });
    const devices: Device[] = ['school', 'hall'].flatMap((b) => [device(`m-${b}`, b), device(`pv-${b}`, b)]);
    const cp = chargePointDevice('CP-1', 'school', 300);
    await store.saveDistrict(SITE, [building('school'), building('hall')], [...devices, cp], [...counters('school'), ...counters('hall'), ...connectorPoints('CP-1', 'school', 1)]);
    const at = (ts: number, values: Record<string, number>) => Object.entries(values).map(([pointId, value]) => ({ pointId, ts, value, quality: 'good' as const }));
    // one quarter hour, worked by hand (test/unit/energy/consumption-classes.test.ts, scaled by 4):
    //   school: PV 8 kWh, import 12, export 0 -> consumption 20; the charge point draws 10 of it
    //   hall: PV 2.4 kWh, all exported
    //   PV share of the school's loads 8 / 20 = 0.4 -> charging from PV 10 x 0.4 = 4 kWh
    //   district surplus 2.4 over demand from outside 12 (no light burns at noon) = 0.2 -> (10 - 4) x 0.2 = 1.2 kWh
    //   grid 10 - 4 - 1.2 = 4.8 kWh
    await store.ingest([
      ...at(T0, { 'school.imp': 100, 'school.exp': 50, 'school.pv': 10, 'hall.imp': 100, 'hall.exp': 50, 'hall.pv': 10, 'ocpp-CP-1:c1.energy': 1000 }),
      ...at(T0 + QH, { 'school.imp': 112, 'school.exp': 50, 'school.pv': 18, 'hall.imp': 100, 'hall.exp': 52.4, 'hall.pv': 12.4, 'ocpp-CP-1:c1.energy': 1010 }),
    ]);
    await store.flush();
    const dimmed = parseSchedule('100@22:00 50@05:00 100') as DimmingSchedule;
    await store.streetLights.replaceStreetLights([
      { id: 'L1', lon: 7.05, lat: 51.45, powerW: 60, led: true, schedule: dimmed },
      { id: 'L2', lon: 7.05, lat: 51.45, powerW: 100, led: false, schedule: dimmed },
    ]);
  });
  afterEach(async () => {
    await store.close();
    tmp.cleanup();
  });

  const analysis = async (from: number, to: number): Promise<DistrictAnalysis> => {
    const handlers = createHandlers({ store, collector: { status: () => ({}) } as unknown as Collector, info: { version: 'test', dataDir: tmp.dir, dbPath: db, transport: 'http' } });
    const r = await dispatch(handlers, 'district.analysis', { from, to, rolling: false });
    if (!r.ok) throw new Error(r.error.message);
    return r.value as DistrictAnalysis;
  };

  it('splits a quarter hour of charging into PV, district surplus and grid', async () => {
    const c = (await analysis(T0, T0 + QH)).consumptionClasses;
    expect(c?.eMobility.kwh).toBeCloseTo(10, 9);
    expect(c?.eMobility.pvKwh).toBeCloseTo(4, 9);
    expect(c?.eMobility.surplusKwh).toBeCloseTo(1.2, 9);
    expect(c?.eMobility.gridKwh).toBeCloseTo(4.8, 9);
    expect(c?.eMobility.meters).toBe(1);
    expect(c?.publicLighting).toMatchObject({ kwh: 0, lights: 2 });
  });

  it('computes the lights at night: 160 W at 50 % for a quarter hour, covered by nothing but the grid', async () => {
    // 00:00-00:15 CEST on 4 June: after 22:00 and before 05:00, so 50 %: 0.16 kW x 0.5 x 0.25 h = 0.02 kWh.
    // The buildings have no values then, so the surplus share is unknown: all of it counts as 'unknown'.
    const c = (await analysis(NIGHT, NIGHT + QH)).consumptionClasses;
    expect(c?.publicLighting.computedKwh).toBeCloseTo(0.02, 12);
    expect(c?.publicLighting.unknownKwh).toBeCloseTo(0.02, 12);
  });

  it('prints the classes in `plustwin balance` and in its JSON', async () => {
    await store.close();
    const text = await runCliCaptured('balance', '--db', db, '--from', '2026-06-03T10:00Z', '--to', '2026-06-03T10:15Z', '--lang', 'de');
    expect(text.stderr).toBe('');
    expect(text.stdout).toMatch(/E-Mobilität\s+10\s+4 \(40,0 %\)\s+1 \(12,0 %\)\s+5\s+0\s+40,0\s+1 Zähler/);
    const json = await runCliCaptured('balance', '--db', db, '--from', '2026-06-03T10:00Z', '--to', '2026-06-03T10:15Z', '--json');
    const parsed = JSON.parse(json.stdout) as { analysis?: DistrictAnalysis } & DistrictAnalysis;
    const a = parsed.analysis ?? parsed;
    expect(a.consumptionClasses?.eMobility.pvKwh).toBeCloseTo(4, 9);
    store = await openStore(db);
  });

  it('shows the classes in the report, in German', async () => {
    const data = await assembleReport(store, { period: { from: T0, to: T0 + QH, label: '03.06.2026 12:00–12:15' }, lang: 'de' });
    expect(data.district.consumptionClasses?.eMobility.surplusKwh).toBeCloseTo(1.2, 9);
    const html = renderReportHtml(data).html;
    expect(html).toContain('Verbrauchsklassen außerhalb der Gebäude');
    expect(html).toMatch(/E-Mobilität<\/td><td class="num">10<\/td><td class="num">4 \(40,0 %\)<\/td><td class="num">1 \(12,0 %\)<\/td><td class="num">5<\/td>/);
  });

  it("takes a lighting circuit's meter instead of the computed energy of the lights on it", async () => {
    // a lighting cabinet metered on its own (no grid meter: its consumption meter is its total), 0.5 kWh in the
    // second quarter hour; light L1 is on that circuit. The other buildings have no values then and are left out of
    // the surplus: the cabinet has no PV and nobody exports, so all 0.5 kWh are grid. The cabinet has no values in
    // the first quarter hour and is left out there: the charging stays as worked above.
    await store.saveDistrict(SITE, [building('cabinet')], [device('m-cabinet', 'cabinet')], [point('cabinet.light', 'm-cabinet', 'cabinet', 'consumption', 'energy-counter')]);
    await store.ingest([
      { pointId: 'cabinet.light', ts: T0 + QH, value: 20, quality: 'good' },
      { pointId: 'cabinet.light', ts: T0 + 2 * QH, value: 20.5, quality: 'good' },
    ]);
    await store.flush();
    expect(await store.streetLights.assignLightingMeter(['L1'], 'cabinet.light')).toBe(true);
    const c = (await analysis(T0, T0 + 2 * QH)).consumptionClasses;
    expect(c?.publicLighting).toMatchObject({ lights: 2, computedKwh: 0 });
    expect(c?.publicLighting.measuredKwh).toBeCloseTo(0.5, 9);
    expect(c?.publicLighting.gridKwh).toBeCloseTo(0.5, 9);
    expect(c?.publicLighting.unknownKwh).toBe(0);
    expect(c?.eMobility.pvKwh).toBeCloseTo(4, 9);
    expect(c?.eMobility.surplusKwh).toBeCloseTo(1.2, 9);
    // an unknown light undoes the whole assignment
    expect(await store.streetLights.assignLightingMeter(['L2', 'NOPE'], null)).toBe(false);
    expect((await store.streetLights.streetLights()).map((l) => l.meterPointId)).toEqual(['cabinet.light', null]);
  });
});
