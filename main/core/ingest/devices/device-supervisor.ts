/**
 * Owns the user's devices at run time: creates their drivers (retrying with backoff when a device is unreachable,
 * since SunSpec discovery and OPC UA both need the device to build their points), hands them to the collector,
 * and persists every change through store.saveDistrict. Adding or updating tries the device once and stores
 * nothing when that fails, so the user sees the problem at once; stored devices at startup are retried until
 * they answer. The supervisor only reads devices; it never writes to one.
 *
 * The store keeps a removed device's rows (its history stays in the balances); the device is marked with
 * config.removedAt and no longer polled or listed.
 */
import type { DeviceListEntry, DeviceRunState } from '../../../../models/contract/index.js';
import type { Device, Point } from '../../../../models/types.js';
import { isInboundProtocol } from '../../../../models/values.js';
import type { DeviceDriver } from '../../../../drivers/device-driver.js';
import type { Collector } from '../collector/collector.js';
import { backoffDelay, DEFAULT_BACKOFF, type BackoffPolicy } from '../collector/backoff.js';
import type { Store } from '../../store/store.js';
import type { DriverFactory } from './driver-factory.js';

export type SupervisorErrorKind = 'validation' | 'device' | 'not-found';

export class SupervisorError extends Error {
  constructor(
    readonly kind: SupervisorErrorKind,
    message: string,
    readonly where?: string,
  ) {
    super(message);
    this.name = 'SupervisorError';
  }
}

export interface SupervisorOptions {
  readonly store: Store;
  readonly collector: Collector;
  readonly factory: DriverFactory;
  readonly backoff?: BackoffPolicy;
  readonly log?: (line: string) => void;
  /** Epoch ms for the removal mark. */
  readonly now?: () => number;
  /**
   * Which devices belong to a running demo (none without one). Decided by the device, not by whether the collector
   * has it yet: the demo's OPC UA heat meters join seconds after the district is saved, and a list taken in between
   * must not call them the user's own.
   */
  readonly isDemoDevice?: (device: Device) => boolean;
}

interface Managed {
  device: Device;
  run: DeviceRunState;
  startError: string | null;
  failures: number;
  timer: NodeJS.Timeout | undefined;
  attempt: Promise<void> | undefined;
}

export const isRemoved = (d: Device): boolean => typeof d.config?.['removedAt'] === 'number';

const messageOf = (e: unknown): string => (e instanceof Error ? e.message : String(e));

export class DeviceSupervisor {
  private readonly managed = new Map<string, Managed>();
  private queue: Promise<unknown> = Promise.resolve();
  private closed = false;

  constructor(private readonly o: SupervisorOptions) {}

  /**
   * Starts every stored device that is not removed and not already collected (the demo's own devices), in the
   * background with retries. Resolves once each has been tried once.
   */
  async startStored(accept: (device: Device) => boolean = () => true): Promise<void> {
    const view = await this.o.store.getDistrict();
    if (!view) return;
    const collected = new Set(this.o.collector.status().devices.map((d) => d.deviceId));
    // inbound devices (OCPP charge points) dial in themselves: nothing to start or poll
    const todo = view.devices.filter((d) => !isInboundProtocol(d.protocol) && !isRemoved(d) && !collected.has(d.id) && !this.managed.has(d.id) && accept(d));
    if (todo.length > 0) this.log(`devices: starting ${todo.length} stored device(s)`);
    await Promise.all(todo.map((d) => this.track(d).attempt));
  }

  /** Tries the device once; stores it and starts polling only when its driver could be created. */
  add(device: Device): Promise<DeviceListEntry> {
    return this.serial(async () => {
      const view = await this.district();
      if (view.devices.some((d) => d.id === device.id)) throw new SupervisorError('validation', `device '${device.id}' exists already`, 'id');
      this.checkBuilding(view.buildings, device.buildingId);
      const driver = await this.createOnce(device);
      try {
        await this.o.store.saveDistrict(view.site, [], [device], driver.points);
      } catch (e) {
        await driver.close();
        throw e;
      }
      this.o.collector.add(device, driver);
      this.managed.set(device.id, { device, run: 'running', startError: null, failures: 0, timer: undefined, attempt: undefined });
      this.log(`devices: added ${device.id} (${device.url})`);
      return this.entry(device, driver.points, false);
    });
  }

  /** Replaces a device's settings; the old driver keeps running when the new settings do not work. */
  update(device: Device): Promise<DeviceListEntry> {
    return this.serial(async () => {
      const view = await this.district();
      const old = view.devices.find((d) => d.id === device.id && !isRemoved(d));
      if (!old) throw new SupervisorError('not-found', `device '${device.id}' not found`, device.id);
      if (this.isDemo(old)) throw new SupervisorError('validation', `device '${device.id}' belongs to the demo district and cannot be edited`, device.id);
      this.checkBuilding(view.buildings, device.buildingId);
      const driver = await this.createOnce(device);
      await this.stopManaged(device.id);
      await this.o.collector.remove(device.id);
      try {
        await this.o.store.saveDistrict(view.site, [], [device], driver.points);
      } catch (e) {
        await driver.close();
        throw e;
      }
      this.o.collector.add(device, driver);
      this.managed.set(device.id, { device, run: 'running', startError: null, failures: 0, timer: undefined, attempt: undefined });
      this.log(`devices: updated ${device.id}`);
      return this.entry(device, driver.points, false);
    });
  }

  /** Stops polling and marks the device removed; its history stays. */
  remove(id: string): Promise<void> {
    return this.serial(async () => {
      const view = await this.district();
      const old = view.devices.find((d) => d.id === id && !isRemoved(d));
      if (!old) throw new SupervisorError('not-found', `device '${id}' not found`, id);
      if (this.isDemo(old)) throw new SupervisorError('validation', `device '${id}' belongs to the demo district and cannot be removed`, id);
      await this.stopManaged(id);
      await this.o.collector.remove(id);
      this.managed.delete(id);
      const removed: Device = { ...old, config: { ...old.config, removedAt: (this.o.now ?? Date.now)() } };
      await this.o.store.saveDistrict(view.site, [], [removed], []);
      this.log(`devices: removed ${id}`);
    });
  }

  /** Every device of the district that is not removed, with its points, run state and collector health. */
  async list(): Promise<DeviceListEntry[]> {
    const view = await this.o.store.getDistrict();
    if (!view) return [];
    const pointsOf = new Map<string, Point[]>();
    for (const p of view.points) pointsOf.set(p.deviceId, [...(pointsOf.get(p.deviceId) ?? []), p]);
    return view.devices.filter((d) => !isRemoved(d)).map((d) => this.entry(this.managed.get(d.id)?.device ?? d, pointsOf.get(d.id) ?? [], this.isDemo(d)));
  }

  /** Stops retrying; the collector closes the drivers it was given. */
  async close(): Promise<void> {
    this.closed = true;
    await this.queue.catch(() => {});
    await Promise.all([...this.managed.keys()].map((id) => this.stopManaged(id)));
  }

  private entry(device: Device, points: readonly Point[], demo: boolean): DeviceListEntry {
    const health = this.o.collector.status().devices.find((h) => h.deviceId === device.id) ?? null;
    const m = this.managed.get(device.id);
    const run: DeviceRunState = m ? m.run : health ? 'running' : 'stopped';
    return { device, points, run, health, startError: m?.startError ?? null, demo };
  }

  private isDemo(d: Device): boolean {
    return this.o.isDemoDevice?.(d) ?? false;
  }

  private async district() {
    const view = await this.o.store.getDistrict();
    if (!view) throw new SupervisorError('not-found', 'this data file holds no district yet: import or create buildings first');
    return view;
  }

  private checkBuilding(buildings: readonly { id: string }[], buildingId: string): void {
    if (!buildings.some((b) => b.id === buildingId)) {
      throw new SupervisorError('not-found', `building '${buildingId}' is not in the district`, 'buildingId');
    }
  }

  /**
   * Creates the driver and, for Modbus, reads once: a profile driver is built without talking to the device, and a
   * meter that does not answer must not be stored as if it did. (OPC UA connects and checks its nodes on creation.)
   */
  private async createOnce(device: Device): Promise<DeviceDriver> {
    let driver: DeviceDriver | undefined;
    try {
      driver = await this.o.factory(device);
      if (device.protocol !== 'opcua') await driver.read(Date.now());
      return driver;
    } catch (e) {
      await driver?.close().catch(() => {});
      const code = (e as { code?: unknown }).code;
      throw new SupervisorError(code === 'config' ? 'validation' : 'device', `${device.name}: ${messageOf(e)}`, device.id);
    }
  }

  /** Starts a stored device in the background: first attempt now, then with backoff until it answers. */
  private track(device: Device): Managed {
    const m: Managed = { device, run: 'starting', startError: null, failures: 0, timer: undefined, attempt: undefined };
    this.managed.set(device.id, m);
    m.attempt = this.attempt(m);
    return m;
  }

  private async attempt(m: Managed): Promise<void> {
    let driver: DeviceDriver;
    try {
      driver = await this.o.factory(m.device);
    } catch (e) {
      m.failures++;
      m.startError = messageOf(e);
      if (this.closed || this.managed.get(m.device.id) !== m || m.run === 'stopped') return;
      m.run = 'retrying';
      const delay = backoffDelay(m.failures, this.o.backoff ?? DEFAULT_BACKOFF);
      this.log(`devices: ${m.device.id} not started (${m.startError}); next try in ${Math.round(delay / 1000)} s`);
      m.timer = setTimeout(() => {
        m.timer = undefined;
        m.attempt = this.attempt(m);
      }, delay);
      m.timer.unref();
      return;
    }
    if (this.closed || this.managed.get(m.device.id) !== m || m.run === 'stopped') {
      await driver.close();
      return;
    }
    this.o.collector.add(m.device, driver);
    m.run = 'running';
    m.startError = null;
    m.failures = 0;
  }

  private async stopManaged(id: string): Promise<void> {
    const m = this.managed.get(id);
    if (!m) return;
    if (m.run !== 'running') m.run = 'stopped';
    if (m.timer) clearTimeout(m.timer);
    m.timer = undefined;
    await m.attempt;
  }

  /** Changes run one at a time, so two dialogs cannot interleave their store writes. */
  private serial<T>(fn: () => Promise<T>): Promise<T> {
    const next = this.queue.then(() => {
      if (this.closed) throw new SupervisorError('device', 'the app is shutting down');
      return fn();
    });
    this.queue = next.catch(() => {});
    return next;
  }

  private log(line: string): void {
    this.o.log?.(line);
  }
}
