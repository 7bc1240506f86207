/**
 * Polls every device on its own schedule, aligned to multiples of its poll interval on the collector's clock
 * (so a 15-minute meter is read at :00, :15, ...), and never overlaps two reads of one device. A failing device
 * backs off with jitter and is marked; it never delays the others. Readings go to the store in batches; health
 * and live power go to the UI as events. The collector only reads: it has no code path that writes to a device.
 */
import type { CollectorStatus, StorageHealth } from '../../../../models/contract/index.js';
import type { Device } from '../../../../models/types.js';
import type { DeviceDriver } from '../../../../drivers/device-driver.js';
import type { EventBus } from '../../base/event-bus.js';
import type { Clock } from './clock.js';
import { backoffDelay, DEFAULT_BACKOFF, type BackoffPolicy } from './backoff.js';
import { HealthRecord } from './device-health.js';
import { LivePower } from './live-power.js';
import { ReadingBuffer, type BatchSink } from './reading-buffer.js';

export interface CollectorOptions {
  readonly clock: Clock;
  readonly sink: BatchSink;
  readonly events?: EventBus;
  readonly backoff?: BackoffPolicy;
  /** Real milliseconds between status events at most. */
  readonly statusEveryMs?: number;
  readonly maxBatch?: number;
  readonly flushEveryMs?: number;
  /** Readings held in memory at most while the store cannot write (then the oldest are dropped, counted). */
  readonly maxPending?: number;
  readonly log?: (line: string) => void;
}

interface Scheduled {
  readonly device: Device;
  readonly driver: DeviceDriver;
  readonly health: HealthRecord;
  timer: NodeJS.Timeout | undefined;
  running: Promise<void> | undefined;
  stopped: boolean;
}

export class Collector {
  private readonly devices = new Map<string, Scheduled>();
  private readonly buffer: ReadingBuffer;
  private readonly live = new LivePower();
  private lastPollTs: number | null = null;
  private statusTimer: NodeJS.Timeout | undefined;
  private statusDirty = false;

  constructor(private readonly options: CollectorOptions) {
    this.buffer = new ReadingBuffer(options.sink, {
      ...(options.maxBatch !== undefined ? { maxBatch: options.maxBatch } : {}),
      ...(options.flushEveryMs !== undefined ? { flushEveryMs: options.flushEveryMs } : {}),
      ...(options.maxPending !== undefined ? { maxPending: options.maxPending } : {}),
      ...(options.log !== undefined ? { log: options.log } : {}),
    });
    if (options.events) {
      this.statusTimer = setInterval(() => this.publish(), options.statusEveryMs ?? 1_000);
      this.statusTimer.unref();
    }
  }

  add(device: Device, driver: DeviceDriver): void {
    if (this.devices.has(device.id)) throw new Error(`device ${device.id} is already being collected`);
    const entry: Scheduled = {
      device,
      driver,
      health: new HealthRecord(device.id),
      timer: undefined,
      running: undefined,
      stopped: false,
    };
    this.devices.set(device.id, entry);
    this.live.track(driver.points);
    this.scheduleNext(entry, 0);
  }

  async remove(deviceId: string): Promise<void> {
    const entry = this.devices.get(deviceId);
    if (!entry) return;
    entry.stopped = true;
    if (entry.timer) clearTimeout(entry.timer);
    await entry.running;
    this.devices.delete(deviceId);
    this.live.untrack(deviceId);
    await entry.driver.close();
  }

  status(): CollectorStatus {
    const devices = [...this.devices.values()].map((d) => d.health.view());
    return {
      now: this.options.clock.now(),
      speed: this.options.clock.speed,
      devicesOnline: devices.filter((d) => d.state === 'online').length,
      devicesTotal: devices.length,
      lastPollTs: this.lastPollTs,
      readingsStored: this.buffer.stored,
      devices,
      storage: this.storage(),
    };
  }

  private storage(): StorageHealth {
    const sinkProblem = this.options.sink.stats?.().writeProblem ?? null;
    const inStore = this.buffer.accepted - this.buffer.dropped - this.buffer.pendingCount - this.buffer.stored;
    const problem = sinkProblem?.message ?? this.buffer.lastError;
    return {
      problem,
      since: sinkProblem?.since ?? null,
      pending: this.buffer.pendingCount + Math.max(0, inStore),
      dropped: this.buffer.dropped,
    };
  }

  /** Readings accepted from drivers, handed to the store, and still waiting in the buffer. */
  counters(): { accepted: number; stored: number; pending: number; dropped: number } {
    return { accepted: this.buffer.accepted, stored: this.buffer.stored, pending: this.buffer.pendingCount, dropped: this.buffer.dropped };
  }

  /** Write every pending reading now (graceful shutdown, backups, tests). */
  flush(): Promise<void> {
    return this.buffer.flush();
  }

  async stop(): Promise<void> {
    if (this.statusTimer) clearInterval(this.statusTimer);
    await Promise.all([...this.devices.keys()].map((id) => this.remove(id)));
    await this.buffer.close();
  }

  /** Plan the next read at the next multiple of the poll interval after `afterTs`, or after a backoff delay. */
  private scheduleNext(entry: Scheduled, realDelayFloor: number): void {
    if (entry.stopped) return;
    const { clock } = this.options;
    const interval = entry.device.pollIntervalMs;
    const next = Math.floor(clock.now() / interval) * interval + interval;
    const delay = Math.max(realDelayFloor, clock.realDelayUntil(next));
    this.armTimer(entry, next, delay);
  }

  /** Timers may fire a fraction of a millisecond early; at high clock speeds that is seconds: wait the rest. */
  private armTimer(entry: Scheduled, boundary: number, delay: number): void {
    entry.timer = setTimeout(() => {
      if (entry.stopped) return;
      const early = this.options.clock.realDelayUntil(boundary);
      if (early > 0) return this.armTimer(entry, boundary, Math.max(1, early));
      entry.running = this.poll(entry).finally(() => (entry.running = undefined));
    }, delay);
  }

  private async poll(entry: Scheduled): Promise<void> {
    const { clock } = this.options;
    const started = performance.now();
    const ts = clock.now();
    let backoff = 0;
    try {
      const readings = await entry.driver.read(ts);
      entry.health.success(ts, performance.now() - started);
      this.lastPollTs = ts;
      this.buffer.add(readings);
      this.live.update(readings);
    } catch (e) {
      backoff = backoffDelay(entry.health.consecutiveFailures + 1, this.options.backoff ?? DEFAULT_BACKOFF);
      entry.health.failure((e as Error).message, entry.health.consecutiveFailures + 1 > 1);
    }
    this.statusDirty = true;
    this.scheduleNext(entry, backoff);
  }

  private publish(): void {
    const { events } = this.options;
    if (!events || !this.statusDirty) return;
    this.statusDirty = false;
    events.emit('status', this.status());
    events.emit('live', this.live.snapshot());
  }
}
