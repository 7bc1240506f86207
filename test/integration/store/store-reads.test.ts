/**
 * The store's reads, run against both implementations of StoreReader: the district's SQLite file, and the central
 * PostgreSQL 15 database the same district reaches through the edge's outbox and the ingest writer (read back with
 * the read-only role of docs/deployment.md). Every expected value is worked by hand in a comment; the same
 * expectations on both stores are what "one store interface, two implementations" means. A last test compares the
 * two stores' answers for a whole day directly, so that the central rollups and intervals equal the edge's.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openStore } from '../../../main/core/store/open-store.js';
import { ReadOnlyStoreError } from '../../../main/core/store/read-only.js';
import type { Store, StoreReader } from '../../../main/core/store/store.js';
import type { Reading } from '../../../models/types.js';
import { openCentral, shipToCentral, startCentral, type Central } from './central-backend.js';
import { MIN, SITE, T0, tempDir, twoBuildings } from './district-fixture.js';
import pg from 'pg';

const HOUR = 60 * MIN;
/** The clock of the test data, so that retention keeps the samples. */
const OPTS = { now: () => T0 + 86_400_000 };
const good = (pointId: string, ts: number, value: number): Reading => ({ pointId, ts, value, quality: 'good' });

let central: Central;
beforeAll(async () => {
  central = await startCentral();
}, 120_000);
afterAll(async () => {
  await central?.close();
});

type District = ReturnType<typeof twoBuildings>;

/** The district and readings written as each backend receives them, then opened for reading. */
async function loaded(backend: 'sqlite' | 'pg', file: string, d: District, readings: readonly Reading[]): Promise<StoreReader> {
  const edge = await openStore(file, { ...OPTS, outbox: backend === 'pg' });
  await edge.saveDistrict(d.site, d.buildings, d.devices, d.points);
  await edge.ingest(readings);
  await edge.flush();
  if (backend === 'sqlite') return edge;
  await edge.close();
  const db = await central.newDatabase();
  await shipToCentral(file, db.adminUrl);
  return openCentral(db.readUrl);
}

/** A: import counter +1 kWh per 5 min (12 kWh/h), PV counter +0.5 kWh per 5 min, export flat; two hours from T0. */
const countersTwoHours = (): Reading[] => {
  const readings: Reading[] = [];
  for (let i = 0; i <= 24; i++) {
    const ts = T0 + i * 5 * MIN;
    readings.push(good('A.imp', ts, 100 + i), good('A.exp', ts, 50), good('A.pv', ts, 10 + i * 0.5));
  }
  return readings;
};

describe.each(['sqlite', 'pg'] as const)('store reads (%s)', (backend) => {
  let tmp: ReturnType<typeof tempDir>;
  let store: StoreReader | undefined;
  beforeEach(() => (tmp = tempDir()));
  afterEach(async () => {
    await store?.close();
    store = undefined;
    tmp.cleanup();
  });

  it('gives the district as stored', async () => {
    const d = twoBuildings();
    store = await loaded(backend, tmp.file('d.sqlite'), d, []);
    const view = await store.getDistrict();
    expect(view?.site).toEqual(SITE);
    expect(view?.buildings.map((b) => b.id)).toEqual(['A', 'B']);
    expect(view?.points.map((p) => p.id)).toEqual(d.points.map((p) => p.id));
  });

  it('turns counter deltas into 15-minute energies, rollups and balances', async () => {
    store = await loaded(backend, tmp.file('d.sqlite'), twoBuildings(), countersTwoHours());
    // 3 kWh import and 1.5 kWh PV per quarter hour; consumption = import - export + generation = 4.5
    const quarter = await store.buildingSeries('A', T0, T0 + 2 * HOUR, '15min');
    expect(quarter).toHaveLength(8);
    for (const q of quarter) {
      expect(q.importKwh).toBeCloseTo(3, 9);
      expect(q.generationKwh).toBeCloseTo(1.5, 9);
      expect(q.exportKwh).toBe(0);
      expect(q.consumptionKwh).toBeCloseTo(4.5, 9);
      expect(q.quality).toBe('measured');
    }
    const hours = await store.buildingSeries('A', T0, T0 + 2 * HOUR, 'hour');
    expect(hours.map((h) => h.importKwh)).toEqual([12, 12].map((v) => expect.closeTo(v, 9)));
    const days = await store.buildingSeries('A', T0 - 86_400_000, T0 + 86_400_000, 'day');
    // 2024-06-03 local midnight is 2024-06-02 22:00 UTC
    expect(days.map((x) => x.start)).toEqual([Date.UTC(2024, 5, 2, 22)]);
    expect(days[0]!.importKwh).toBeCloseTo(24, 9);
    const months = await store.buildingSeries('A', Date.UTC(2024, 0, 1), Date.UTC(2025, 0, 1), 'month');
    // June in Berlin begins 2024-05-31 22:00 UTC; 2 h x 6 kWh PV = 12
    expect(months.map((x) => x.start)).toEqual([Date.UTC(2024, 4, 31, 22)]);
    expect(months[0]!.generationKwh).toBeCloseTo(12, 9);

    // a ragged period: 00:30 to 01:45 UTC = 5 intervals: 15 kWh import, 7.5 PV, consumption 22.5
    const [a, b] = await store.buildingBalances(T0 + 30 * MIN, T0 + 105 * MIN);
    expect(a!.buildingId).toBe('A');
    expect(a!.importKwh).toBeCloseTo(15, 9);
    expect(a!.generationKwh).toBeCloseTo(7.5, 9);
    expect(a!.consumptionKwh).toBeCloseTo(22.5, 9);
    // net = consumption - generation (positive = deficit): 22.5 - 7.5
    expect(a!.netKwh).toBeCloseTo(15, 9);
    // A's three counter series have all 5 intervals measured
    expect(a!.coverage).toBeCloseTo(1, 9);
    expect(b!.coverage).toBe(0);
    // a whole local month, read from the monthly rollup: 24 kWh import; 8 x 3 measured of 2880 slots x 3 series
    const [june] = await store.buildingBalances(Date.UTC(2024, 4, 31, 22), Date.UTC(2024, 5, 30, 22));
    expect(june!.importKwh).toBeCloseTo(24, 9);
    expect(june!.coverage).toBeCloseTo((8 * 3) / (2880 * 3), 9);
  });

  it('lists the balance series and their steps at 15 minutes and per hour', async () => {
    store = await loaded(backend, tmp.file('d.sqlite'), twoBuildings(), countersTwoHours());
    const series = await store.balanceSeries();
    // A's counters give a series each; its power points are not integrated (counters of their roles exist);
    // B's net grid power gives import and export (series-plan.ts)
    expect(series.map((s) => [s.pointId, s.role, s.firstStart])).toEqual([
      ['A.imp', 'import', T0],
      ['A.exp', 'export', T0],
      ['A.pv', 'generation', T0],
      ['B.grid', 'import', null],
      ['B.grid', 'export', null],
    ]);
    const imp = series[0]!.key;
    const quarters = [];
    for await (const s of store.seriesSteps([imp], T0, T0 + 2 * HOUR, '15min')) quarters.push(s);
    expect(quarters.map((q) => [q.start, q.count, q.worst])).toEqual(Array.from({ length: 8 }, (_, i) => [T0 + i * 15 * MIN, 1, 'measured']));
    expect(quarters.map((q) => q.kwh)).toEqual(Array(8).fill(expect.closeTo(3, 9)));
    const hours = [];
    for await (const s of store.seriesSteps([imp], T0, T0 + 2 * HOUR, 'hour')) hours.push(s);
    // 4 intervals of 3 kWh per hour
    expect(hours.map((h) => [h.start, h.count, h.worst])).toEqual([
      [T0, 4, 'measured'],
      [T0 + HOUR, 4, 'measured'],
    ]);
    expect(hours.map((h) => h.kwh)).toEqual([expect.closeTo(12, 9), expect.closeTo(12, 9)]);
  });

  it('integrates signed grid power into import and export where there is no counter', async () => {
    // B: 4 kW import for 15 min, then a ramp from +4 to -4 kW over 15 min, then -4 kW (export) for 15 min:
    // 1 kWh import; the ramp's triangles 0.25 kWh each way; 1 kWh export
    const rs = [good('B.grid', T0, 4), good('B.grid', T0 + 15 * MIN, 4), good('B.grid', T0 + 30 * MIN, -4), good('B.grid', T0 + 45 * MIN, -4)];
    store = await loaded(backend, tmp.file('d.sqlite'), twoBuildings(), rs);
    const q = await store.buildingSeries('B', T0, T0 + 45 * MIN, '15min');
    expect(q.map((x) => x.importKwh)).toEqual([1, 0.25, 0].map((v) => expect.closeTo(v, 9)));
    expect(q.map((x) => x.exportKwh)).toEqual([0, 0.25, 1].map((v) => expect.closeTo(v, 9)));
    expect(q.map((x) => x.consumptionKwh)).toEqual([1, 0, -1].map((v) => expect.closeTo(v, 9)));
    const power = await store.powerSeries('B', T0, T0 + HOUR);
    expect(power.map((p) => p.gridKw)).toEqual([4, 4, -4, -4]);
  });

  it('buckets power samples of one poll round and carries values forward', async () => {
    store = await loaded(backend, tmp.file('d.sqlite'), twoBuildings(), [
      good('A.grid', T0, 2),
      good('A.pvkw', T0 + 40, 3),
      good('A.grid', T0 + 10_000, -1),
      good('A.pvkw', T0 + 20_030, 5),
      { pointId: 'A.grid', ts: T0 + 20_050, value: 999, quality: 'bad' },
    ]);
    // poll 10 s: samples within 5 s form a round; the bad sample is left out; consumption = grid + PV
    expect(await store.powerSeries('A', T0, T0 + HOUR)).toEqual([
      { ts: T0, gridKw: 2, generationKw: 3, consumptionKw: 5 },
      { ts: T0 + 10_000, gridKw: -1, generationKw: 3, consumptionKw: 2 },
      { ts: T0 + 20_030, gridKw: -1, generationKw: 5, consumptionKw: 4 },
    ]);
  });

  it('lists implausible intervals with their energy, power and limit', async () => {
    // A's import counter: +1 kWh per quarter hour, but +10,001 kWh from 00:45 to 01:00: 10,001 kWh / 0.25 h =
    // 40,004 kW, beyond the engine's default limit of 1,000 kW, so that interval is implausible (kept, not counted)
    const rs: Reading[] = [];
    for (let i = 0; i <= 8; i++) rs.push(good('A.imp', T0 + i * 15 * MIN, 100 + i + (i >= 4 ? 10_000 : 0)));
    store = await loaded(backend, tmp.file('d.sqlite'), twoBuildings(), rs);
    expect(await store.implausibleIntervals!(T0, T0 + 2 * HOUR, 5)).toEqual([
      { pointId: 'A.imp', buildingId: 'A', start: T0 + 45 * MIN, kwh: 10_001, avgKw: 40_004, peakKw: null, limitKw: 1000 },
    ]);
    // and the hour holding it has three plausible intervals of 1 kWh: the balance leaves it out
    const [a] = await store.buildingBalances(T0, T0 + HOUR);
    expect(a!.importKwh).toBeCloseTo(3, 9);
  });

  it('streams intervals per point in time order', async () => {
    store = await loaded(backend, tmp.file('d.sqlite'), twoBuildings(), [good('A.imp', T0, 0), good('A.imp', T0 + 30 * MIN, 2)]);
    const got = [];
    for await (const i of store.intervals(['A.imp', 'nope'], T0, T0 + HOUR)) got.push(i);
    expect(got).toEqual([
      // one step of 30 minutes: bridged, so interpolated
      { pointId: 'A.imp', start: T0, kwh: 1, quality: 'interpolated' },
      { pointId: 'A.imp', start: T0 + 15 * MIN, kwh: 1, quality: 'interpolated' },
    ]);
  });
});

describe('the central store against the district file', () => {
  let tmp: ReturnType<typeof tempDir>;
  beforeEach(() => (tmp = tempDir()));
  afterEach(() => tmp.cleanup());

  it('answers a whole day of uneven readings exactly as the edge does', async () => {
    // a day of counters and power with gaps, a counter reset and a bad sample: whatever the engine makes of it at
    // the edge, the central store must give the same 15-minute values, rollups and balances
    // from local midnight (2024-06-03 00:00 in Berlin = T0 - 2 h) to 10 minutes past the next, so that every
    // interval of the local day is finished at the edge (the publisher sends finished intervals only)
    const S = T0 - 2 * HOUR;
    const rs: Reading[] = [];
    for (let i = 0; i <= 24 * 12 + 2; i++) {
      if (i >= 100 && i < 112) continue; // an hour without readings
      const ts = S + i * 5 * MIN + (i % 7) * 1000;
      const imp = i < 200 ? 1000 + i * 0.7 : (i - 200) * 0.7; // reset to zero after 200 readings
      rs.push(good('A.imp', ts, imp), good('A.exp', ts, 5 + i * 0.05), good('A.pv', ts, 20 + i * 0.3 * Math.max(0, Math.sin(i / 40))));
      rs.push(good('B.grid', ts, 3 * Math.cos(i / 15)), { pointId: 'A.grid', ts, value: i % 13 === 0 ? 999 : 2, quality: i % 13 === 0 ? 'bad' : 'good' });
    }
    const d = twoBuildings();
    const edge = await loaded('sqlite', tmp.file('edge.sqlite'), d, rs);
    const centre = await loaded('pg', tmp.file('outbox.sqlite'), d, rs);
    try {
      const day: [number, number] = [S, S + 24 * HOUR];
      for (const b of ['A', 'B'])
        for (const res of ['15min', 'hour', 'day'] as const) {
          const want = await edge.buildingSeries(b, day[0], day[1], res);
          const got = await centre.buildingSeries(b, day[0], day[1], res);
          expect(got.length, `${b} ${res}`).toBe(want.length);
          got.forEach((g, i) => expect(g, `${b} ${res} #${i}`).toEqual(closeTo(want[i]!)));
        }
      // a ragged period (slots, hours) and the whole local day (the daily rollup)
      for (const [from, to] of [[S + 7 * MIN, S + 23 * HOUR], day] as const) {
        const e = await edge.buildingBalances(from, to);
        expect(await centre.buildingBalances(from, to)).toEqual(e.map(closeTo));
      }
      const ei = [];
      for await (const i of edge.intervals(['A.imp', 'B.grid'], day[0], day[1])) ei.push(i);
      const ci = [];
      for await (const i of centre.intervals(['A.imp', 'B.grid'], day[0], day[1])) ci.push(i);
      expect(ci).toEqual(ei.map(closeTo));
      expect(ei.some((i) => i.quality === 'counter-reset')).toBe(true);
    } finally {
      await edge.close();
      await centre.close();
    }
  });
});

/** Numbers equal to 1e-9 (sums in another order), everything else exactly. */
function closeTo<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).map(([k, v]) => [k, typeof v === 'number' && !Number.isInteger(v) ? expect.closeTo(v, 9) : v])) as T;
}

describe('the central store reads only', () => {
  it('refuses writes with a clear error, and its role could not write anyway', async () => {
    const tmp = tempDir();
    const d = twoBuildings();
    const db = await central.newDatabase();
    const edge = await openStore(tmp.file('d.sqlite'), { ...OPTS, outbox: true });
    await edge.saveDistrict(d.site, d.buildings, d.devices, d.points);
    await edge.close();
    await shipToCentral(tmp.file('d.sqlite'), db.adminUrl);
    // typed as the full Store: the central store has the writes of the interface, and refuses them
    const store: Store = await openCentral(db.readUrl);
    try {
      await expect(store.saveDistrict(d.site, d.buildings, d.devices, d.points)).rejects.toBeInstanceOf(ReadOnlyStoreError);
      await expect(store.ingest([good('A.imp', T0 + 3 * HOUR, 200)])).rejects.toThrow(/read-only: storing readings is not possible here/);
      expect(store.path).not.toContain('read-pw');
    } finally {
      await store.close();
      tmp.cleanup();
    }
  });

  it('the read-only role of the docs may select but not write', async () => {
    const db = await central.newDatabase();
    const pool = new pg.Pool({ connectionString: db.readUrl, max: 1 });
    try {
      expect((await pool.query('SELECT count(*)::int AS n FROM readings')).rows[0]).toEqual({ n: 0 });
      await expect(pool.query("INSERT INTO districts(site, doc, received) VALUES ('x', '{}', now())")).rejects.toThrow(/permission denied/);
    } finally {
      await pool.end();
    }
  });

  it('names the sites there are when none or a wrong one is chosen', async () => {
    const tmp = tempDir();
    const db = await central.newDatabase();
    try {
      await expect(openCentral(db.readUrl)).rejects.toThrow(/holds no district yet/);
      for (const id of ['north', 'south']) {
        const d = twoBuildings();
        const file = tmp.file(`${id}.sqlite`);
        const edge = await openStore(file, { ...OPTS, outbox: true });
        await edge.saveDistrict({ ...d.site, id }, d.buildings, d.devices, d.points);
        await edge.close();
        await shipToCentral(file, db.adminUrl);
      }
      await expect(openCentral(db.readUrl)).rejects.toThrow(/holds 2 sites \(north, south\): choose one with --site/);
      await expect(openCentral(db.readUrl, 'west')).rejects.toThrow(/holds no site 'west' \(sites: north, south\)/);
      const south = await openCentral(db.readUrl, 'south');
      expect((await south.getDistrict())?.site.id).toBe('south');
      await south.close();
    } finally {
      tmp.cleanup();
    }
  });
});
