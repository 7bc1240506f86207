/**
 * Implausible intervals for the alarms list, from a real SQLite file: a power spike beyond the point's limit and a
 * counter that jumps further than its limit allows are found with the value and the limit; plausible data is not;
 * bad input to 'alarms.implausible' is rejected as a typed validation error before the store is asked.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHandlers } from '../../../main/core/api/handlers.js';
import { dispatch } from '../../../main/core/api/dispatch.js';
import type { Collector } from '../../../main/core/ingest/collector/collector.js';
import { openStore } from '../../../main/core/store/open-store.js';
import type { SqliteStore } from '../../../main/core/store/sqlite-store.js';
import type { ImplausibleInterval } from '../../../models/contract/index.js';
import type { Reading } from '../../../models/types.js';
import { MIN, SITE, T0, building, device, point, tempDir } from './district-fixture.js';

const good = (pointId: string, ts: number, value: number): Reading => ({ pointId, ts, value, quality: 'good' });
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

describe('implausible intervals from the store', () => {
  let tmp: ReturnType<typeof tempDir>;
  let store: SqliteStore;

  beforeAll(async () => {
    tmp = tempDir();
    store = await openStore(tmp.file('alarms.sqlite'), {
      now: () => T0 + 3 * DAY,
      rawRetentionDays: 3650,
      // a small inverter: 20 kW is its limit; everything else keeps the store-wide 500 kW
      limits: { maxPowerKw: 500 },
      pointLimits: { 'P.pv': { maxPowerKw: 20 } },
    });
    await store.saveDistrict(
      SITE,
      [building('P'), building('Q')],
      [device('inv', 'P'), device('meter', 'Q')],
      [point('P.pv', 'inv', 'P', 'generation', 'power'), point('Q.imp', 'meter', 'Q', 'import', 'energy-counter')],
    );
    const readings: Reading[] = [];
    // PV: 5 kW every minute over two days, with spikes of 80 kW at day 0 10:07 and day 1 12:31 and 13:02
    const spikes = new Map([
      [T0 + 10 * HOUR + 7 * MIN, 80],
      [T0 + DAY + 12 * HOUR + 31 * MIN, 80],
      [T0 + DAY + 13 * HOUR + 2 * MIN, 95],
    ]);
    for (let t = T0; t < T0 + 2 * DAY; t += MIN) readings.push(good('P.pv', t, spikes.get(t) ?? 5));
    // counter: 1 kWh per quarter hour, then a jump of 10,000 kWh within 15 minutes at day 1 08:00 (40 MW > 500 kW)
    let kwh = 100;
    for (let t = T0; t < T0 + 2 * DAY; t += 15 * MIN) {
      kwh += t === T0 + DAY + 8 * HOUR ? 10_000 : 1;
      readings.push(good('Q.imp', t, kwh));
    }
    readings.sort((a, b) => a.ts - b.ts);
    await store.ingest(readings);
    await store.flush();
  });

  afterAll(async () => {
    await store?.close();
    tmp?.cleanup();
  });

  const byPoint = (list: readonly ImplausibleInterval[], id: string) => list.filter((i) => i.pointId === id);

  it('finds each spike of the power point with its peak, average power and the point limit, newest first', async () => {
    const found = await store.implausibleIntervals(T0, T0 + 2 * DAY, 10);
    const pv = byPoint(found, 'P.pv');
    // a spike sample spoils the steps on both sides of it: 12:31 lies inside one quarter (12:30), 13:02 too (13:00),
    // 10:07 too (10:00); each step is 1 minute long, so no neighbouring quarter is touched
    expect(pv.map((i) => i.start)).toEqual([T0 + DAY + 13 * HOUR, T0 + DAY + 12 * HOUR + 30 * MIN, T0 + 10 * HOUR]);
    expect(pv.every((i) => i.buildingId === 'P' && i.limitKw === 20)).toBe(true);
    expect(pv[0]!.peakKw).toBe(95);
    expect(pv[1]!.peakKw).toBe(80);
    // 13 plausible minutes at 5 kW and 2 minutes ramping to 95 kW and back: (13*5 + 2*50) / 60 kWh
    expect(pv[0]!.kwh).toBeCloseTo((13 * 5 + 2 * 50) / 60, 9);
    expect(pv[0]!.avgKw).toBeCloseTo(pv[0]!.kwh * 4, 9);
  });

  it('finds the counter jump with the store-wide limit and no peak (a counter has no power samples)', async () => {
    const q = byPoint(await store.implausibleIntervals(T0, T0 + 2 * DAY, 10), 'Q.imp');
    expect(q).toHaveLength(1);
    // the step ending at 08:00 covers 07:45-08:00
    expect(q[0]).toMatchObject({ buildingId: 'Q', start: T0 + DAY + 7 * HOUR + 45 * MIN, kwh: 10_000, peakKw: null, limitKw: 500 });
    expect(q[0]!.avgKw).toBe(40_000);
  });

  it('keeps only the newest N per point and only what lies in [from, to)', async () => {
    const newest = await store.implausibleIntervals(T0, T0 + 2 * DAY, 1);
    expect(byPoint(newest, 'P.pv').map((i) => i.start)).toEqual([T0 + DAY + 13 * HOUR]);
    expect(byPoint(newest, 'Q.imp')).toHaveLength(1);
    const firstDay = await store.implausibleIntervals(T0, T0 + DAY, 10);
    expect(firstDay.map((i) => [i.pointId, i.start])).toEqual([['P.pv', T0 + 10 * HOUR]]);
    // a window that ends inside a flagged day: the 13:00 quarter lies outside it
    const morning = await store.implausibleIntervals(T0 + DAY, T0 + DAY + 13 * HOUR, 10);
    expect(byPoint(morning, 'P.pv').map((i) => i.start)).toEqual([T0 + DAY + 12 * HOUR + 30 * MIN]);
    expect(await store.implausibleIntervals(T0 + 2 * DAY, T0 + 3 * DAY, 10)).toEqual([]);
  });

  it('answers alarms.implausible through the API and rejects bad input as a typed validation error', async () => {
    const collector = { status: () => ({}) } as unknown as Collector;
    const handlers = createHandlers({ store, collector, info: { version: 'test', dataDir: tmp.dir, dbPath: store.path, transport: 'http' } });
    const ok = await dispatch(handlers, 'alarms.implausible', { from: T0, to: T0 + 2 * DAY, perPoint: 2 });
    expect(ok.ok).toBe(true);
    if (ok.ok) expect((ok.value as ImplausibleInterval[]).map((i) => i.pointId)).toEqual(['P.pv', 'P.pv', 'Q.imp']);

    const cases: [unknown, string][] = [
      [{ from: T0 + DAY, to: T0 }, 'to'],
      [{ from: 'yesterday', to: T0 }, 'from'],
      [{ from: T0, to: T0 + DAY, perPoint: 0 }, 'perPoint'],
      [{ from: T0, to: T0 + DAY, perPoint: 1.5 }, 'perPoint'],
      [{ from: T0, to: T0 + DAY, perPoint: 10_000 }, 'perPoint'],
    ];
    for (const [args, where] of cases) {
      const r = await dispatch(handlers, 'alarms.implausible', args);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error).toMatchObject({ kind: 'validation', where });
    }
    const extra = await dispatch(handlers, 'alarms.implausible', { from: T0, to: T0 + DAY, sql: 'drop table intervals' });
    expect(extra.ok).toBe(false);
    // nothing was lost by the rejected calls
    expect(byPoint(await store.implausibleIntervals(T0, T0 + 2 * DAY, 10), 'P.pv')).toHaveLength(3);
  });
});
