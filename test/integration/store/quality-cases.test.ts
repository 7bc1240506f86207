import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore } from '../../../main/core/store/open-store.js';
import type { SqliteStore } from '../../../main/core/store/sqlite-store.js';
import type { Reading } from '../../../models/types.js';
import { MIN, SITE, T0, building, device, point, tempDir } from './district-fixture.js';

const good = (ts: number, value: number, pointId = 'C.imp'): Reading => ({ pointId, ts, value, quality: 'good' });
const DAY = 86_400_000;

/** One building with one import counter: every interval energy is the counter's. */
async function counterStore(file: string): Promise<SqliteStore> {
  const store = await openStore(file, { now: () => T0 + DAY, rawRetentionDays: 3650 });
  await store.saveDistrict(SITE, [building('C')], [device('m', 'C')], [point('C.imp', 'm', 'C', 'import', 'energy-counter')]);
  return store;
}

const quarters = async (store: SqliteStore, from: number, to: number) =>
  (await store.buildingSeries('C', from, to, '15min')).map((b) => [(b.start - from) / MIN, +b.importKwh.toFixed(9), b.quality]);

describe('interval qualities through the store (hand-computed)', () => {
  let tmp: ReturnType<typeof tempDir>;
  let store: SqliteStore;
  beforeEach(async () => {
    tmp = tempDir();
    store = await counterStore(tmp.file('q.sqlite'));
  });
  afterEach(async () => {
    await store.close();
    tmp.cleanup();
  });

  it('counter reset: 5000 -> 0.4 is 0.4 kWh flagged, no negative spike', async () => {
    await store.ingest([good(T0, 4999), good(T0 + 5 * MIN, 5000), good(T0 + 10 * MIN, 0.4), good(T0 + 15 * MIN, 0.9)]);
    await store.flush();
    // 1 (4999 -> 5000) + 0.4 (new cycle) + 0.5 (0.4 -> 0.9)
    expect(await quarters(store, T0, T0 + 15 * MIN)).toEqual([[0, 1.9, 'counter-reset']]);
    const [bal] = await store.buildingBalances(T0, T0 + 15 * MIN);
    expect(bal!.importKwh).toBeCloseTo(1.9, 9);
    expect(bal!.coverage).toBe(0);
  });

  it('rollover of a 16-bit kWh register: 65535 -> 0.5 is 1.5 kWh', async () => {
    await store.ingest([good(T0, 65534), good(T0 + 15 * MIN, 65535), good(T0 + 30 * MIN, 0.5)]);
    await store.flush();
    expect(await quarters(store, T0, T0 + 30 * MIN)).toEqual([
      [0, 1, 'measured'],
      [15, 1.5, 'rollover'],
    ]);
  });

  it('recovered: 6 kWh after a 90-minute downtime spread as 1 kWh per quarter hour', async () => {
    await store.ingest([good(T0, 10), good(T0 + 90 * MIN, 16)]);
    await store.flush();
    const q = await quarters(store, T0, T0 + 2 * 60 * MIN);
    expect(q).toEqual([0, 15, 30, 45, 60, 75].map((m) => [m, 1, 'recovered']));
  });

  it('interpolated: a 30-minute gap is bridged linearly', async () => {
    await store.ingest([good(T0, 10), good(T0 + 15 * MIN, 11), good(T0 + 45 * MIN, 14)]);
    await store.flush();
    expect(await quarters(store, T0, T0 + 60 * MIN)).toEqual([
      [0, 1, 'measured'],
      [15, 1.5, 'interpolated'],
      [30, 1.5, 'interpolated'],
    ]);
  });

  it('implausible: a spike beyond the maximum power is kept but left out of the balance', async () => {
    // 300 kWh in 5 minutes = 3600 kW > 1000 kW
    await store.ingest([good(T0, 0), good(T0 + 5 * MIN, 1), good(T0 + 10 * MIN, 301), good(T0 + 15 * MIN, 302), good(T0 + 30 * MIN, 303)]);
    await store.flush();
    expect(await quarters(store, T0, T0 + 30 * MIN)).toEqual([
      [0, 0, 'implausible'],
      [15, 1, 'measured'],
    ]);
    const kept = [];
    for await (const i of store.intervals(['C.imp'], T0, T0 + 30 * MIN)) kept.push(i);
    expect(kept[0]).toMatchObject({ kwh: 302, quality: 'implausible' });
    const [bal] = await store.buildingBalances(T0, T0 + 30 * MIN);
    expect(bal!.importKwh).toBeCloseTo(1, 9);
    const [day] = await store.buildingSeries('C', T0 - 2 * 3_600_000, T0 + DAY, 'day');
    expect(day).toMatchObject({ importKwh: 1, quality: 'implausible' });
  });

  it('meter replaced: entering old final and new start turns a reset into the true energy', async () => {
    await store.ingest([good(T0, 1000), good(T0 + 5 * MIN, 1001), good(T0 + 10 * MIN, 0.5), good(T0 + 15 * MIN, 1.5), good(T0 + 20 * MIN, 2)]);
    await store.flush();
    // before the user says anything: 1001 -> 0.5 is a new counter cycle worth 0.5 kWh
    expect(await quarters(store, T0, T0 + 30 * MIN)).toEqual([
      [0, 2.5, 'counter-reset'],
      [15, 0.5, 'measured'],
    ]);
    // swap at 00:07: old meter ended at 1001.2, new one started at 0.0 -> 0.2 + 0.5 = 0.7 kWh for that step
    await store.replaceMeter('C.imp', { ts: T0 + 7 * MIN, oldFinalKwh: 1001.2, newStartKwh: 0 });
    expect(await quarters(store, T0, T0 + 30 * MIN)).toEqual([
      [0, 2.7, 'meter-replaced'],
      [15, 0.5, 'measured'],
    ]);
    const [hour] = await store.buildingSeries('C', T0, T0 + 60 * MIN, 'hour');
    expect(hour!.importKwh).toBeCloseTo(3.2, 9);
    // live ingest goes on from the recomputed checkpoint
    await store.ingest([good(T0 + 25 * MIN, 2.5)]);
    await store.flush();
    expect((await quarters(store, T0, T0 + 30 * MIN))[1]).toEqual([15, 1, 'measured']);
    await expect(store.replaceMeter('nope', { ts: T0, oldFinalKwh: 1, newStartKwh: 0 })).rejects.toThrow(/not an energy counter/);
  });

  it('never stores negative energy, whatever the counter does', async () => {
    const values = [10, 12, 3, 3.5, 65535.9, 0.2, 0.1, 7, 6.9995, 8];
    await store.ingest(values.map((v, i) => good(T0 + i * 5 * MIN, v)));
    await store.flush();
    for await (const i of store.intervals(['C.imp'], T0, T0 + DAY)) expect(i.kwh).toBeGreaterThanOrEqual(0);
  });
});

describe('local days with a clock change', () => {
  let tmp: ReturnType<typeof tempDir>;
  beforeEach(() => (tmp = tempDir()));
  afterEach(() => tmp.cleanup());

  for (const [name, dayStart, dayEnd, count] of [
    ['spring (2024-03-31)', Date.UTC(2024, 2, 30, 23), Date.UTC(2024, 2, 31, 22), 92],
    ['autumn (2024-10-27)', Date.UTC(2024, 9, 26, 22), Date.UTC(2024, 9, 27, 23), 100],
  ] as const)
    it(`has ${count} quarter hours on the ${name} day, in the series and in the daily rollup`, async () => {
      const store = await counterStore(tmp.file('dst.sqlite'));
      const readings: Reading[] = [];
      // 1 kWh per quarter hour from an hour before to an hour after the local day
      for (let t = dayStart - 60 * MIN, v = 0; t <= dayEnd + 60 * MIN; t += 15 * MIN, v++) readings.push(good(t, v));
      await store.ingest(readings);
      await store.flush();
      expect(await store.buildingSeries('C', dayStart, dayEnd, '15min')).toHaveLength(count);
      const days = await store.buildingSeries('C', dayStart, dayEnd, 'day');
      expect(days).toEqual([expect.objectContaining({ start: dayStart, importKwh: count, quality: 'measured' })]);
      const [bal] = await store.buildingBalances(dayStart, dayEnd);
      expect(bal!.importKwh).toBeCloseTo(count, 9);
      expect(bal!.coverage).toBeCloseTo(1, 12);
      expect(await store.buildingSeries('C', dayStart, dayEnd, 'hour')).toHaveLength(count / 4);
      await store.close();
    });
});

describe('restart', () => {
  let tmp: ReturnType<typeof tempDir>;
  beforeEach(() => (tmp = tempDir()));
  afterEach(() => tmp.cleanup());

  it('resumes mid-interval from the checkpoint without counting anything twice', async () => {
    const readings = Array.from({ length: 13 }, (_, i) => good(T0 + i * 2.5 * MIN, 50 + i * 0.5));
    const first = await counterStore(tmp.file('r.sqlite'));
    await first.ingest(readings.slice(0, 5)); // up to 00:10
    await first.close();
    const second = await counterStore(tmp.file('r.sqlite'));
    await second.ingest(readings.slice(2)); // a collector re-sends what it was unsure about
    await second.flush();
    expect(second.stats().late).toBe(3);
    expect(await quarters(second, T0, T0 + 30 * MIN)).toEqual([
      [0, 3, 'measured'],
      [15, 3, 'measured'],
    ]);
    await second.close();
  });
});
