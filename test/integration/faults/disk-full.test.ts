/**
 * Fault suite: the disk under the district file fills up while readings come in. Readings must stay in memory and
 * be written once there is room again (none lost), the status must count only what is in the file and say why
 * the rest is not, nothing committed may change, and a long failure is bounded in memory: the oldest readings are
 * dropped then, counted and logged.
 */
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Device, Point, Reading } from '../../../models/types.js';
import type { DeviceDriver } from '../../../drivers/device-driver.js';
import { Collector } from '../../../main/core/ingest/collector/collector.js';
import { scaledClock } from '../../../main/core/ingest/collector/clock.js';
import { openStore } from '../../../main/core/store/open-store.js';
import type { SqliteStore } from '../../../main/core/store/sqlite-store.js';
import { SITE, building } from '../store/district-fixture.js';
import { smallDisk, type SmallDisk } from './small-disk.js';
import { SqliteDb } from '../../../main/core/store/sqlite-db.js';
import { recordFault } from './fault-report.js';

const POINTS = 5;
const dev: Device = { id: 'm', name: 'm', buildingId: 'A', protocol: 'modbus-tcp', url: 'modbus-tcp://127.0.0.1:1?unit=1', profile: 'x', pollIntervalMs: 1_000 };
const points: Point[] = Array.from({ length: POINTS }, (_, i) => ({
  id: `m:p${i}`, deviceId: 'm', buildingId: 'A', name: `p${i}`, unit: 'kW', medium: 'electricity', role: 'import', kind: 'power',
}));

/** A meter read in this process: the fault under test is the disk, not the device. */
const meter: DeviceDriver = {
  deviceId: 'm',
  points,
  read: async (now: number): Promise<Reading[]> => points.map((p, i) => ({ pointId: p.id, ts: now, value: i + (now % 1000) / 1000, quality: 'good' })),
  close: async () => undefined,
};

async function until<T>(what: string, probe: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs = 30_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v !== undefined && v !== false) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const sampleCount = async (store: SqliteStore) => (await store.sqlite.get<{ n: number }>('SELECT COUNT(*) AS n FROM samples'))!.n;

let disk: SmallDisk | undefined;
let store: SqliteStore | undefined;
let collector: Collector | undefined;
afterEach(async () => {
  await collector?.stop().catch(() => undefined);
  await store?.close().catch(() => undefined);
  disk?.cleanup();
  collector = undefined;
  store = undefined;
  disk = undefined;
});

async function setUp(limits: { collector?: number; store?: number }, log: string[]) {
  disk = smallDisk('plustwin-disk-full-');
  store = await openStore(path.join(disk.dir, 'district.sqlite'), {
    batchSize: 200,
    ...(limits.store !== undefined ? { maxPendingReadings: limits.store } : {}),
    log: (l) => log.push(l),
  });
  await store.saveDistrict(SITE, [building('A')], [dev], points);
  // 50 polls of 5 readings per real second
  collector = new Collector({ clock: scaledClock(50), sink: store, flushEveryMs: 50, ...(limits.collector !== undefined ? { maxPending: limits.collector } : {}), log: (l) => log.push(l) });
  collector.add(dev, meter);
  return { store, collector, disk };
}

describe('database locked by another process while collecting', () => {
  it('keeps the readings while the lock is held longer than the busy timeout, then writes them all', async () => {
    const log: string[] = [];
    const { store, collector, disk } = await setUp({}, log);
    await until('readings stored before the fault', () => collector.status().readingsStored >= 100);
    // another program (a backup tool, sqlite3 on the console) holds the write lock longer than busy_timeout (5 s)
    const other = await SqliteDb.open(path.join(disk.dir, 'district.sqlite'));
    await other.exec('PRAGMA busy_timeout = 5000; BEGIN EXCLUSIVE');
    const problem = await until('the status names the lock', () => collector.status().storage?.problem ?? undefined, 20_000);
    expect(problem).toMatch(/locked by another process/);
    await other.exec('COMMIT');
    const released = Date.now();
    await other.close();
    await until('writes work again', () => collector.status().storage?.problem === null);
    const recoverMs = Date.now() - released;
    await collector.stop();
    await store.flush();
    const { accepted, stored } = collector.counters();
    expect(stored).toBe(accepted);
    expect(await sampleCount(store)).toBe(accepted);
    recordFault({ fault: 'database locked (> busy timeout)', survived: true, readingsLost: accepted - stored, recoverMs, note: `${accepted} readings` });
  }, 90_000);
});

describe('disk full while collecting', () => {
  it('keeps every reading in memory and writes it once there is room: none lost, status counts only the file', async () => {
    const log: string[] = [];
    const { store, collector, disk } = await setUp({}, log);
    await until('readings stored before the fault', () => collector.status().readingsStored >= 200);
    await disk.fill(store.sqlite);
    const problem = await until('the status names the problem', () => collector.status().storage?.problem ?? undefined);
    expect(problem).toMatch(/disk is full/);
    expect(problem).toContain(path.join(disk.dir, 'district.sqlite'));
    const inFile = await sampleCount(store);
    // collection goes on while nothing can be written; the status never counts more than the file holds
    await until('more readings accepted during the fault', () => collector.counters().accepted > inFile + 1_000);
    expect(collector.status().readingsStored).toBeLessThanOrEqual(await sampleCount(store));
    expect(await sampleCount(store)).toBe(inFile);
    expect(log.join('\n')).toMatch(/cannot write .*district\.sqlite: the disk is full/);

    const freed = Date.now();
    await disk.free(store.sqlite);
    await until('writes work again', () => collector.status().storage?.problem === null);
    const recoverMs = Date.now() - freed;
    await collector.stop();
    await store.flush();
    const { accepted, stored, dropped } = collector.counters();
    expect(dropped).toBe(0);
    expect(stored).toBe(accepted);
    expect(await sampleCount(store)).toBe(accepted);
    expect(await store.integrityCheck()).toBe('ok');
    expect(log.join('\n')).toMatch(/writing again after/);
    recordFault({ fault: 'disk full while collecting', survived: true, readingsLost: accepted - stored, recoverMs, note: `${disk.real ? 'tmpfs filled' : 'simulated SQLITE_FULL'}; ${accepted} readings` });
  }, 90_000);

  it('bounds the memory of a long failure: drops the oldest, counts and logs them, writes the rest', async () => {
    const log: string[] = [];
    const { store, collector, disk } = await setUp({ collector: 1_000, store: 500 }, log);
    await until('readings stored before the fault', () => collector.status().readingsStored >= 100);
    await disk.fill(store.sqlite);
    await until('readings dropped', () => collector.status().storage!.dropped > 0);
    expect(log.join('\n')).toMatch(/readings dropped so far \(oldest first\)/);
    await disk.free(store.sqlite);
    await until('writes work again', () => collector.status().storage?.problem === null);
    await collector.stop();
    await store.flush();
    const { accepted, stored, dropped } = collector.counters();
    // every reading is either in the file or counted as dropped
    expect(stored + dropped).toBe(accepted);
    expect(await sampleCount(store)).toBe(stored);
    expect(await store.integrityCheck()).toBe('ok');
  }, 90_000);
});
