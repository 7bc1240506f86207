import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Device, Point, Reading } from '../../../models/types.js';
import { DeviceError, type DeviceDriver } from '../../../drivers/device-driver.js';
import { Collector } from '../../../main/core/ingest/collector/collector.js';
import { scaledClock } from '../../../main/core/ingest/collector/clock.js';
import { EventBus } from '../../../main/core/base/event-bus.js';

const device = (id: string, pollIntervalMs: number): Device => ({
  id, name: id, buildingId: `b-${id}`, protocol: 'modbus-tcp', url: 'modbus-tcp://127.0.0.1:1?unit=1', profile: 'x', pollIntervalMs,
});
const point = (d: Device, role: Point['role']): Point => ({
  id: `${d.id}:p`, deviceId: d.id, buildingId: d.buildingId, name: 'p', unit: 'kW', medium: 'electricity', role, kind: 'power',
});

/** A driver whose reads are recorded; `fail` makes it throw like a dead device. */
function fakeDriver(d: Device, behaviour: { fail?: boolean; value?: number } = {}) {
  const reads: number[] = [];
  let closed = false;
  const driver: DeviceDriver = {
    deviceId: d.id,
    points: [point(d, 'import')],
    async read(now: number): Promise<Reading[]> {
      reads.push(now);
      if (behaviour.fail) throw new DeviceError('timeout', `${d.id}: timed out`, d.id);
      return [{ pointId: `${d.id}:p`, ts: now, value: behaviour.value ?? 1, quality: 'good' }];
    },
    async close() {
      closed = true;
    },
  };
  return { driver, reads, isClosed: () => closed };
}

const batches: Reading[][] = [];
const sink = { ingest: async (r: readonly Reading[]) => void batches.push([...r]) };
let collector: Collector | undefined;
afterEach(async () => {
  await collector?.stop();
  vi.useRealTimers();
  batches.length = 0;
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('Collector', () => {
  // Timers and the real clock are vitest's fake ones here: what these tests count would otherwise depend on how
  // late a loaded machine fires timers.
  it('reads each device at multiples of its poll interval on the collector clock', async () => {
    vi.useFakeTimers();
    const clock = scaledClock(600, Date.UTC(2026, 5, 1, 10, 0, 7));
    collector = new Collector({ clock, sink, flushEveryMs: 50 });
    const d = device('m1', 60_000);
    const fake = fakeDriver(d);
    collector.add(d, fake.driver);
    // 450 ms at 600 times real speed are 270 s: 10:00:07 to 10:04:37, so the polls at 10:01, 10:02, 10:03, 10:04
    await vi.advanceTimersByTimeAsync(450);
    // timers count whole milliseconds: a read comes at most 1 real ms (600 ms simulated) after its boundary
    expect(fake.reads.map((ts) => ts - (ts % 60_000))).toEqual([1, 2, 3, 4].map((m) => Date.UTC(2026, 5, 1, 10, m)));
    for (const ts of fake.reads) expect(ts % 60_000).toBeLessThanOrEqual(600);
    await collector.flush();
    expect(batches.flat().length).toBe(fake.reads.length);
  });

  it('keeps polling healthy devices while one is dead, and marks the dead one', async () => {
    vi.useFakeTimers();
    const clock = scaledClock(100, Date.UTC(2026, 5, 1, 10, 0, 0));
    const events = new EventBus();
    const statuses: number[] = [];
    events.on('status', (s) => statuses.push(s.devicesOnline));
    collector = new Collector({ clock, sink, events, statusEveryMs: 50, backoff: { baseMs: 100, capMs: 400 } });
    const good = fakeDriver(device('good', 1_000));
    const dead = fakeDriver(device('dead', 1_000), { fail: true });
    collector.add(device('good', 1_000), good.driver);
    collector.add(device('dead', 1_000), dead.driver);
    // 600 ms at 100 times real speed are 60 s: a read of the good device at every second from 10:00:01 to 10:01:00
    await vi.advanceTimersByTimeAsync(600);
    expect(good.reads).toHaveLength(60);
    expect(dead.reads.length).toBeLessThan(good.reads.length / 3); // backing off, not hammering
    const status = collector.status();
    expect(status.devicesTotal).toBe(2);
    expect(status.devicesOnline).toBe(1);
    const deadHealth = status.devices.find((h) => h.deviceId === 'dead')!;
    expect(['offline', 'backoff']).toContain(deadHealth.state);
    expect(deadHealth.lastError).toMatch(/timed out/);
    expect(deadHealth.lastGoodTs).toBeNull();
    expect(statuses.length).toBeGreaterThan(0);
  });

  it('writes pending readings and closes drivers on stop', async () => {
    const clock = scaledClock(1000, Date.UTC(2026, 5, 1));
    collector = new Collector({ clock, sink, flushEveryMs: 60_000 });
    const d = device('m', 1_000);
    const fake = fakeDriver(d, { value: 7 });
    collector.add(d, fake.driver);
    await sleep(100);
    await collector.stop();
    collector = undefined;
    expect(fake.isClosed()).toBe(true);
    expect(batches.flat().length).toBe(fake.reads.length);
    expect(batches.flat().every((r) => r.value === 7)).toBe(true);
  });

  it('keeps a batch the store refused and writes it on the next flush', async () => {
    let refuse = true;
    const stored: Reading[] = [];
    const flaky = {
      ingest: async (r: readonly Reading[]) => {
        if (refuse) throw new Error('database is locked');
        stored.push(...r);
      },
    };
    const clock = scaledClock(1000, Date.UTC(2026, 5, 1));
    collector = new Collector({ clock, sink: flaky, flushEveryMs: 60_000 });
    const d = device('m', 1_000);
    const fake = fakeDriver(d);
    collector.add(d, fake.driver);
    await sleep(60);
    await collector.flush();
    expect(stored).toHaveLength(0);
    refuse = false;
    await collector.stop();
    collector = undefined;
    expect(stored.length).toBe(fake.reads.length);
  });
});
