/**
 * The consistency suite on the demo district over the local year 2025 (town hall, school and two houses, filled by
 * the demo backfill): every surface shows the same figures. Then the device rules on that year of history: adding
 * a sub-meter or an inverter changes no stored interval of another point and no past balance, and removing the
 * device restores exactly what was there.
 */
import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DistrictAnalysis } from '../../../models/contract/index.js';
import { INTERVAL_MS } from '../../../models/time-grid.js';
import type { Device, Interval, Point } from '../../../models/types.js';
import { analyseDistrict } from '../../../main/core/analysis/district-analysis.js';
import { DEMO_BUILDINGS } from '../../../main/core/demo/demo-district.js';
import { createDemoStore, type DemoStore } from '../analysis/demo-store.js';
import { checkSurfaces, readSurfaces, type Surfaces } from './surfaces.js';

const IDS = ['rathaus', 'grundschule', 'efh-1', 'efh-2'];
const BUILDINGS = DEMO_BUILDINGS.filter((b) => IDS.includes(b.building.id));
/** 1 January 2025 00:00 CET and 1 January 2026 00:00 CET. */
const FROM = Date.UTC(2024, 11, 31, 23);
const TO = Date.UTC(2025, 11, 31, 23);

let demo: DemoStore;
let s: Surfaces;

beforeAll(async () => {
  demo = await createDemoStore(BUILDINGS, FROM, TO);
  s = await readSurfaces(demo.store, demo.file, '2025', '2025-01-01', '2026-01-01');
}, 900_000);

afterAll(async () => {
  await demo?.store.close();
  if (demo) rmSync(dirname(demo.file), { recursive: true, force: true });
});

const analyse = async (): Promise<DistrictAnalysis> => {
  const view = (await demo.store.getDistrict())!;
  const r = await analyseDistrict(demo.store, view, { from: FROM, to: TO, rolling: false });
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};

const intervalsOf = async (ids: readonly string[]): Promise<Interval[]> => {
  const out: Interval[] = [];
  for await (const iv of demo.store.intervals(ids, FROM, TO)) out.push(iv);
  return out;
};

describe('the demo district over the local year 2025', { timeout: 300_000 }, () => {
  it('API, balance --json and its table, PDF, XLSX and CSV agree per building and for the district', () => {
    expect(s.api.period).toEqual({ from: FROM, to: TO });
    checkSurfaces(s, new Map(BUILDINGS.map((b) => [b.building.id, b.building.name])));
  });

  it('has a full year: the verdicts rest on all of it and are not provisional', () => {
    for (const b of s.api.buildings) expect(b.verdictPeriod.coverage, b.buildingId).toBe(1);
    expect(s.api.district.verdictPeriod.provisional).toBe(false);
    // twelve local months, each with data
    expect(s.api.district.months.map((m) => m.hasData)).toEqual(new Array(12).fill(true));
  });

  it('adding a sub-meter and an inverter in December changes no stored history and no past balance; removing restores it', async () => {
    const before = await analyse();
    const otherPoints = demo.points.map((p) => p.id);
    const storedBefore = await intervalsOf(otherPoints);
    const view = (await demo.store.getDistrict())!;
    const device = (id: string): Device => ({ id, name: id, buildingId: 'rathaus', protocol: 'modbus-tcp', url: 'modbus-tcp://127.0.0.1:9?unit=1', profile: 'eastron-sdm630', pollIntervalMs: 15_000 });
    const sub: Point = { id: 'rathaus.sub', deviceId: 'rathaus.subdev', buildingId: 'rathaus', name: 'Küche', unit: 'kWh', medium: 'electricity', role: 'consumption', kind: 'energy-counter' };
    const inv: Point = { id: 'rathaus.pv2', deviceId: 'rathaus.pvdev', buildingId: 'rathaus', name: 'PV 2', unit: 'kWh', medium: 'electricity', role: 'generation', kind: 'energy-counter' };
    await demo.store.saveDistrict(view.site, [], [device('rathaus.subdev'), device('rathaus.pvdev')], [sub, inv]);
    // the new meters read from 1 December 2025 00:00 CET to the year's end: 2 kWh per quarter hour on the sub-meter,
    // nothing on the inverter (its panels are not connected yet)
    const dec = Date.UTC(2025, 10, 30, 23);
    const readings = [];
    for (let ts = dec, k = 0; ts <= TO; ts += INTERVAL_MS, k++) {
      readings.push({ pointId: sub.id, ts, value: 100 + 2 * k, quality: 'good' as const }, { pointId: inv.id, ts, value: 50, quality: 'good' as const });
    }
    await demo.store.ingest(readings);
    await demo.store.flush();
    const added = await analyse();
    // no other point's stored interval changed
    expect(await intervalsOf(otherPoints)).toEqual(storedBefore);
    const rathaus = (a: DistrictAnalysis) => a.buildings.find((b) => b.buildingId === 'rathaus')!;
    const el = (a: DistrictAnalysis) => rathaus(a).balance.carriers.find((c) => c.carrier === 'electricity')!;
    // the sub-meter is a breakdown behind the grid meter; the inverter read 0 kWh: consumption, import and export stay
    expect(el(added).consumptionKwh).toBeCloseTo(el(before).consumptionKwh, 9);
    expect(el(added).importKwh).toBeCloseTo(el(before).importKwh, 9);
    // the new meters count from their first interval in December: the eleven months before keep every slot, and
    // December, where they read, keeps its coverage
    expect(rathaus(added).months.slice(0, 11)).toEqual(rathaus(before).months.slice(0, 11));
    expect(rathaus(added).months[11]!.coverage).toBe(rathaus(before).months[11]!.coverage);
    expect(rathaus(added).verdictPeriod).toEqual(rathaus(before).verdictPeriod);
    expect(added.assumptions.join('\n')).toMatch(/rathaus: rathaus\.sub is a sub-meter/);
    // removing both devices (the supervisor marks them removed at a time) restores exactly the analysis before
    const removed = (d: Device): Device => ({ ...d, config: { removedAt: dec } });
    await demo.store.saveDistrict(view.site, [], [removed(device('rathaus.subdev')), removed(device('rathaus.pvdev'))], []);
    const after = await analyse();
    expect(after.buildings).toEqual(before.buildings);
    expect(after.district.balance).toEqual(before.district.balance);
  });
});
