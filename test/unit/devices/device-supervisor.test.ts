/**
 * The supervisor with fake drivers on a real SQLite store: a device that is unreachable at startup is retried
 * until it answers, add / update / remove are persisted, and a failing add or update stores nothing.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Building, Device, Point, Site } from '../../../models/types.js';
import { DeviceError, type DeviceDriver } from '../../../drivers/device-driver.js';
import { Collector } from '../../../main/core/ingest/collector/collector.js';
import { wallClock } from '../../../main/core/ingest/collector/clock.js';
import { openStore } from '../../../main/core/store/open-store.js';
import type { SqliteStore } from '../../../main/core/store/sqlite-store.js';
import { DeviceSupervisor, SupervisorError } from '../../../main/core/ingest/devices/device-supervisor.js';
import type { DriverFactory } from '../../../main/core/ingest/devices/driver-factory.js';
import { startDevices } from '../../../main/core/ingest/devices/start-devices.js';

const site: Site = { id: 'site-test', name: 'Test', origin: { lat: 51.45, lon: 7.05 }, timezone: 'Europe/Berlin' };
const building: Building = { id: 'b1', name: 'School', use: 'school', footprint: [[7.05, 51.45], [7.051, 51.45], [7.051, 51.451]], heightM: 10 };

const device = (id: string, over: Partial<Device> = {}): Device => ({
  id,
  name: id,
  buildingId: 'b1',
  protocol: 'modbus-tcp',
  url: 'modbus-tcp://127.0.0.1:1?unit=1',
  profile: 'sunspec',
  pollIntervalMs: 1_000,
  ...over,
});

const pointOf = (d: Device, key = 'P'): Point => ({
  id: `${d.id}:${key}`,
  deviceId: d.id,
  buildingId: d.buildingId,
  name: key,
  unit: 'kW',
  medium: 'electricity',
  role: 'import',
  kind: 'power',
});

/** A factory whose devices answer only while `reachable` holds them; it counts creation attempts. */
function fakeFactory() {
  const reachable = new Set<string>();
  const attempts = new Map<string, number>();
  const closed: string[] = [];
  const factory: DriverFactory = async (d) => {
    attempts.set(d.id, (attempts.get(d.id) ?? 0) + 1);
    if (!reachable.has(d.id)) throw new DeviceError('connection', `${d.id}: connection refused`, d.id);
    const driver: DeviceDriver = {
      deviceId: d.id,
      points: [pointOf(d, d.profile === 'other' ? 'Q' : 'P')],
      read: async (now) => [{ pointId: `${d.id}:P`, ts: now, value: 1, quality: 'good' }],
      close: async () => {
        closed.push(d.id);
      },
    };
    return driver;
  };
  return { factory, reachable, attempts, closed };
}

let dir: string;
let store: SqliteStore;
let collector: Collector;
let supervisor: DeviceSupervisor | undefined;

beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plustwin-sup-'));
  store = await openStore(path.join(dir, 'd.sqlite'));
  collector = new Collector({ clock: wallClock(), sink: store });
  await store.saveDistrict(site, [building], [], []);
});

afterEach(async () => {
  await supervisor?.close();
  supervisor = undefined;
  await collector.stop();
  await store.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const waitFor = async (cond: () => boolean, ms = 5_000): Promise<void> => {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 10));
  }
};

describe('DeviceSupervisor', () => {
  it('retries a stored device that is unreachable at startup with backoff, then hands it to the collector', async () => {
    const f = fakeFactory();
    const d = device('m1');
    await store.saveDistrict(site, [], [d], [pointOf(d)]);
    supervisor = new DeviceSupervisor({ store, collector, factory: f.factory, backoff: { baseMs: 20, capMs: 40 } });
    await supervisor.startStored();
    expect(f.attempts.get('m1')).toBe(1);
    const [entry] = await supervisor.list();
    expect(entry?.run).toBe('retrying');
    expect(entry?.startError).toMatch(/connection refused/);
    expect(collector.status().devices).toHaveLength(0);
    await waitFor(() => (f.attempts.get('m1') ?? 0) >= 3);
    f.reachable.add('m1');
    await waitFor(() => collector.status().devices.some((h) => h.deviceId === 'm1'));
    const [after] = await supervisor.list();
    expect(after?.run).toBe('running');
    expect(after?.startError).toBeNull();
    expect(after?.points.map((p) => p.id)).toEqual(['m1:P']);
  });

  it('does not start devices the collector already has (the demo) nor removed ones', async () => {
    const f = fakeFactory();
    const demo = device('demo1');
    const gone = device('gone', { config: { removedAt: 1 } });
    f.reachable.add('demo1').add('gone');
    await store.saveDistrict(site, [], [demo, gone], [pointOf(demo), pointOf(gone)]);
    collector.add(demo, await f.factory(demo));
    supervisor = new DeviceSupervisor({ store, collector, factory: f.factory, isDemoDevice: (d) => d.id === 'demo1' });
    await supervisor.startStored();
    expect(f.attempts.get('demo1')).toBe(1);
    expect(f.attempts.has('gone')).toBe(false);
    const list = await supervisor.list();
    expect(list.map((e) => [e.device.id, e.demo])).toEqual([['demo1', true]]);
    await expect(supervisor.remove('demo1')).rejects.toThrow(/demo district/);
  });

  it('starts only the devices the filter accepts (next to the demo: the user devices)', async () => {
    const f = fakeFactory();
    const mine = device('dev-mine');
    const demoHeat = device('school-heat');
    f.reachable.add('dev-mine').add('school-heat');
    await store.saveDistrict(site, [], [mine, demoHeat], [pointOf(mine), pointOf(demoHeat)]);
    supervisor = new DeviceSupervisor({ store, collector, factory: f.factory });
    await supervisor.startStored((d) => d.id.startsWith('dev-'));
    expect(f.attempts.has('school-heat')).toBe(false);
    expect(collector.status().devices.map((h) => h.deviceId)).toEqual(['dev-mine']);
  });

  it('calls a demo device the demo\'s before it has joined the collector (the list must not race the OPC UA join)', async () => {
    const f = fakeFactory();
    const mine = device('dev-mine');
    const demoHeat = device('school-heat');
    f.reachable.add('dev-mine');
    await store.saveDistrict(site, [], [mine, demoHeat], [pointOf(mine), pointOf(demoHeat)]);
    let joined!: () => void;
    const demoReady = new Promise<void>((r) => (joined = r));
    const running = startDevices({ store, collector, pkiDir: dir, log: () => {}, factory: f.factory, demoReady });
    // the heat meter is saved but not yet collected: still the demo's, so the UI keeps offering "add your first meter"
    expect(collector.status().devices).toHaveLength(0);
    expect((await running.supervisor.list()).map((e) => [e.device.id, e.demo])).toEqual([['dev-mine', false], ['school-heat', true]]);
    joined();
    await running.close();
  });

  it('adds a reachable device and stores it with its points; an unreachable one is refused and nothing is stored', async () => {
    const f = fakeFactory();
    supervisor = new DeviceSupervisor({ store, collector, factory: f.factory });
    await expect(supervisor.add(device('dead'))).rejects.toMatchObject({ kind: 'device' });
    let view = await store.getDistrict();
    expect(view?.devices).toHaveLength(0);
    expect(view?.points).toHaveLength(0);

    await expect(supervisor.add(device('x', { buildingId: 'nowhere' }))).rejects.toMatchObject({ kind: 'not-found', where: 'buildingId' });

    f.reachable.add('m2');
    const entry = await supervisor.add(device('m2'));
    expect(entry.run).toBe('running');
    view = await store.getDistrict();
    expect(view?.devices.map((d) => d.id)).toEqual(['m2']);
    expect(view?.points.map((p) => p.id)).toEqual(['m2:P']);
    expect(collector.status().devices.map((h) => h.deviceId)).toEqual(['m2']);
    await expect(supervisor.add(device('m2'))).rejects.toBeInstanceOf(SupervisorError);
  });

  it('update keeps the old driver when the new settings fail, and swaps it when they work', async () => {
    const f = fakeFactory();
    supervisor = new DeviceSupervisor({ store, collector, factory: f.factory });
    f.reachable.add('m3');
    await supervisor.add(device('m3'));
    f.reachable.delete('m3');
    await expect(supervisor.update(device('m3', { url: 'modbus-tcp://127.0.0.1:2?unit=1' }))).rejects.toMatchObject({ kind: 'device' });
    expect((await store.getDistrict())?.devices[0]?.url).toBe('modbus-tcp://127.0.0.1:1?unit=1');
    expect(collector.status().devices.map((h) => h.deviceId)).toEqual(['m3']);
    expect(f.closed).toEqual([]);

    f.reachable.add('m3');
    const updated = await supervisor.update(device('m3', { name: 'Renamed', profile: 'other' }));
    expect(updated.device.name).toBe('Renamed');
    expect(f.closed).toEqual(['m3']);
    const view = await store.getDistrict();
    expect(view?.devices[0]?.name).toBe('Renamed');
    expect(view?.points.map((p) => p.id).sort()).toEqual(['m3:P', 'm3:Q']);
    await expect(supervisor.update(device('nope'))).rejects.toMatchObject({ kind: 'not-found' });
  });

  it('remove stops polling and marks the device removed, keeping its rows', async () => {
    const f = fakeFactory();
    supervisor = new DeviceSupervisor({ store, collector, factory: f.factory, now: () => 1234 });
    f.reachable.add('m4');
    await supervisor.add(device('m4'));
    await supervisor.remove('m4');
    expect(collector.status().devices).toHaveLength(0);
    expect(f.closed).toEqual(['m4']);
    expect(await supervisor.list()).toEqual([]);
    const view = await store.getDistrict();
    expect(view?.devices[0]?.config?.['removedAt']).toBe(1234);
    expect(view?.points.map((p) => p.id)).toEqual(['m4:P']);
    await expect(supervisor.remove('m4')).rejects.toMatchObject({ kind: 'not-found' });
  });

  it('close stops the retries of a device that never answers', async () => {
    const f = fakeFactory();
    const d = device('never');
    await store.saveDistrict(site, [], [d], [pointOf(d)]);
    supervisor = new DeviceSupervisor({ store, collector, factory: f.factory, backoff: { baseMs: 10, capMs: 20 } });
    await supervisor.startStored();
    await waitFor(() => (f.attempts.get('never') ?? 0) >= 2);
    await supervisor.close();
    const n = f.attempts.get('never');
    await new Promise((r) => setTimeout(r, 100));
    expect(f.attempts.get('never')).toBe(n);
  });
});
