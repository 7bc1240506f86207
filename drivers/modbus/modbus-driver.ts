/**
 * The Modbus DeviceDriver: a device (Device.url + Device.profile) on a shared bus, its points from a profile
 * file or from SunSpec discovery (profile 'sunspec'), read with coalesced requests.
 *
 *   const driver = await createModbusDriver(device);   // device.url = 'modbus-tcp://127.0.0.1:1502?unit=1'
 *   const readings = await driver.read(Date.now());    // canonical units, pointId `${device.id}:${key}`
 *
 * read() returns what could be read; it throws a DeviceError only when nothing could (dead unit, no
 * connection, every block refused). Partial failures are in `lastErrors`, refused points in `unsupported`.
 * SunSpec discovery needs the device at creation time: creation throws DeviceError when it is unreachable
 * (the collector retries creation like a read).
 */
import type { Device, Point, Reading } from '../../models/types.js';
import { DeviceError, type DeviceDriver } from '../device-driver.js';
import type { DeviceProfile, ProfilePoint } from '../profiles/device-profile.js';
import { loadProfile, ProfileError } from '../profiles/load-profile.js';
import { applyProfileParameters } from '../profiles/profile-parameters.js';
import { discoverSunSpec, SUNSPEC_BASES, type SunSpecDiscovery } from '../sunspec/discover.js';
import { sunSpecPoints } from '../sunspec/sunspec-points.js';
import { canonicalUnit } from './canonical-units.js';
import { acquireBus, DEFAULT_BUS_OPTIONS, releaseBus, type BusOptions, type ModbusBus } from './modbus-bus.js';
import { parseModbusUrl } from './modbus-url.js';
import { PointPoller, type ReadFn } from './point-poller.js';
import type { PlanOptions } from './read-plan.js';

export interface ModbusDriverOptions extends Partial<BusOptions>, PlanOptions {
  /** Folder of profile files (tests); defaults to drivers/profiles/devices. */
  readonly profileDir?: string;
  /** One request per point instead of coalesced blocks (the benchmark's baseline). */
  readonly noCoalescing?: boolean;
}

export interface ModbusDriver extends DeviceDriver {
  readonly profile: DeviceProfile | undefined;
  readonly sunSpec: SunSpecDiscovery | undefined;
  readonly poller: PointPoller;
  readonly bus: ModbusBus;
  readonly unit: number;
  /** Errors of the last read that still returned readings. */
  readonly lastErrors: readonly DeviceError[];
  /** Point keys the device refused (addressing exception), with the reason. */
  readonly unsupported: ReadonlyMap<string, string>;
}

const PROTOCOL_OF = { tcp: 'modbus-tcp', rtu: 'modbus-rtu', 'rtu-tcp': 'modbus-rtu-tcp' } as const;

export function toPoint(device: Device, p: ProfilePoint): Point {
  return {
    id: `${device.id}:${p.key}`,
    deviceId: device.id,
    buildingId: device.buildingId,
    name: p.name,
    unit: canonicalUnit(p.unit).unit,
    medium: p.medium,
    role: p.role,
    kind: p.kind,
  };
}

export async function createModbusDriver(device: Device, options: ModbusDriverOptions = {}): Promise<ModbusDriver> {
  const address = parseModbusUrl(device.url);
  const scheme = PROTOCOL_OF[address.target.kind];
  if (device.protocol !== scheme) {
    throw new DeviceError('config', `${device.id}: protocol is ${device.protocol} but the URL ${device.url} is ${scheme}`, device.id);
  }
  const busOptions: BusOptions = {
    timeoutMs: options.timeoutMs ?? address.timeoutMs ?? DEFAULT_BUS_OPTIONS.timeoutMs,
    retries: options.retries ?? DEFAULT_BUS_OPTIONS.retries,
    backoffBaseMs: options.backoffBaseMs ?? DEFAULT_BUS_OPTIONS.backoffBaseMs,
    backoffMaxMs: options.backoffMaxMs ?? DEFAULT_BUS_OPTIONS.backoffMaxMs,
    connectTimeoutMs: options.connectTimeoutMs ?? DEFAULT_BUS_OPTIONS.connectTimeoutMs,
  };

  let profile: DeviceProfile | undefined;
  if (device.profile !== 'sunspec') {
    try {
      profile = applyProfileParameters(await loadProfile(device.profile, options.profileDir), device.url);
    } catch (e) {
      if (e instanceof ProfileError) throw new DeviceError('config', `${device.id}: ${e.message}`, device.id);
      throw e;
    }
  }

  const bus = acquireBus(address.busKey, address.target, busOptions);
  const unit = address.unitGiven ? address.unit : (profile?.defaultUnit ?? address.unit);
  const read: ReadFn = (fc, addr, count) => bus.read(unit, fc, addr, count);

  let discovery: SunSpecDiscovery | undefined;
  let profilePoints: readonly ProfilePoint[];
  if (profile !== undefined) {
    profilePoints = profile.points.filter((p) => p.identity === undefined);
  } else {
    try {
      discovery = await discoverSunSpec(read, address.sunSpecBase !== undefined ? [address.sunSpecBase] : SUNSPEC_BASES);
    } catch (e) {
      await releaseBus(address.busKey, bus);
      const err = e as DeviceError;
      throw new DeviceError(err.code ?? 'connection', `${device.id}: SunSpec discovery failed: ${err.message}`, device.id);
    }
    profilePoints = sunSpecPoints(discovery);
    if (profilePoints.length === 0) {
      await releaseBus(address.busKey, bus);
      const ids = discovery.models.map((m) => m.id).join(', ');
      throw new DeviceError('config', `${device.id}: SunSpec models ${ids} carry no point PlusTwin maps`, device.id);
    }
  }

  const planOptions: PlanOptions = options.noCoalescing
    ? { maxGap: 0, maxRegisters: 1, maxBits: 1 }
    : { ...(options.maxGap !== undefined ? { maxGap: options.maxGap } : {}), ...(options.maxRegisters !== undefined ? { maxRegisters: options.maxRegisters } : {}), ...(options.maxBits !== undefined ? { maxBits: options.maxBits } : {}) };
  const poller = new PointPoller(profilePoints, planOptions);
  const points = profilePoints.map((p) => toPoint(device, p));
  let lastErrors: DeviceError[] = [];
  let closed = false;
  // a collector that calls read() again before the last one finished gets queued, not interleaved
  let inFlight: Promise<unknown> = Promise.resolve();

  return {
    deviceId: device.id,
    points,
    profile,
    sunSpec: discovery,
    poller,
    bus,
    unit,
    get lastErrors() {
      return lastErrors;
    },
    unsupported: poller.unsupported,
    async read(now: number): Promise<Reading[]> {
      if (closed) throw new DeviceError('config', `${device.id}: driver closed`, device.id);
      const polled = inFlight.then(() => poller.poll(read));
      inFlight = polled.catch(() => undefined);
      const outcome = await polled;
      const readings: Reading[] = [];
      for (const v of outcome.values) {
        if (typeof v.value === 'number') {
          readings.push({ pointId: `${device.id}:${v.point.key}`, ts: now, value: v.value, quality: 'good' });
        }
      }
      lastErrors = outcome.errors.map((e) => new DeviceError(e.code, e.message, device.id));
      if (readings.length === 0 && lastErrors.length > 0) throw lastErrors[0]!;
      return readings;
    },
    async close() {
      if (closed) return;
      closed = true;
      await releaseBus(address.busKey, bus);
    },
  };
}
