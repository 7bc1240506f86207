/**
 * `plustwin probe` for Modbus (main/shells/cli/probe-text.ts prints the result in the user's language): connects once, discovers SunSpec or applies a profile, and answers the device's
 * identity (manufacturer, model, serial) and current values with units.
 *
 *   const result = await probeModbus('modbus-tcp://192.168.1.20:502?unit=126');            // SunSpec
 *   const result = await probeModbus('modbus-rtu:///dev/ttyUSB0?unit=1', { profile: 'eastron-sdm630' });
 *
 * Without a profile it tries SunSpec; a device without it fails with a DeviceError ('config') naming every base
 * tried and what was found there. A dedicated bus is used (no shared backoff state) with one retry, and closed
 * before returning.
 */
import type { DeviceProtocol } from '../../models/types.js';
import { DeviceError } from '../device-driver.js';
import type { ProbeResult, ProbeValue } from '../probe-result.js';
import type { DeviceProfile } from '../profiles/device-profile.js';
import { loadProfile, ProfileError } from '../profiles/load-profile.js';
import { applyProfileParameters } from '../profiles/profile-parameters.js';
import { discoverSunSpec, readModel, readSunSpecIdentity, SUNSPEC_BASES } from '../sunspec/discover.js';
import { sunSpecPoints } from '../sunspec/sunspec-points.js';
import { canonicalUnit } from './canonical-units.js';
import { DEFAULT_BUS_OPTIONS, ModbusBus, type BusOptions } from './modbus-bus.js';
import { parseModbusUrl } from './modbus-url.js';
import { PointPoller, type ReadFn } from './point-poller.js';

export interface ProbeOptions {
  /** Profile id, or 'sunspec' / undefined for SunSpec discovery. */
  readonly profile?: string;
  /** SunSpec: list every decoded point of every shipped model (keys "103.W"), not only the mapped ones. */
  readonly allPoints?: boolean;
  readonly timeoutMs?: number;
  readonly profileDir?: string;
}

const PROTOCOL: Record<string, DeviceProtocol> = { tcp: 'modbus-tcp', rtu: 'modbus-rtu', 'rtu-tcp': 'modbus-rtu-tcp' };

export async function probeModbus(url: string, options: ProbeOptions = {}): Promise<ProbeResult> {
  const address = parseModbusUrl(url);
  const busOptions: BusOptions = {
    ...DEFAULT_BUS_OPTIONS,
    timeoutMs: options.timeoutMs ?? address.timeoutMs ?? DEFAULT_BUS_OPTIONS.timeoutMs,
    retries: 1,
    backoffBaseMs: 0,
  };
  let profile: DeviceProfile | undefined;
  if (options.profile !== undefined && options.profile !== 'sunspec') {
    try {
      profile = applyProfileParameters(await loadProfile(options.profile, options.profileDir), url);
    } catch (e) {
      if (e instanceof ProfileError) throw new DeviceError('config', e.message);
      throw e;
    }
  }
  const unit = address.unitGiven ? address.unit : (profile?.defaultUnit ?? address.unit);
  const bus = new ModbusBus(address.target, busOptions);
  const read: ReadFn = (fc, a, c) => bus.read(unit, fc, a, c);
  const protocol = PROTOCOL[address.target.kind]!;
  try {
    if (profile !== undefined) {
      return await probeProfile(url, protocol, profile, read);
    }
    return await probeSunSpec(url, protocol, read, address.sunSpecBase, options.allPoints ?? false);
  } finally {
    await bus.close();
  }
}

async function probeProfile(url: string, protocol: DeviceProtocol, profile: DeviceProfile, read: ReadFn): Promise<ProbeResult> {
  const poller = new PointPoller(profile.points);
  const outcome = await poller.poll(read);
  if (outcome.values.length === 0 && outcome.errors.length > 0) throw outcome.errors[0]!;
  const identity: { manufacturer?: string; model?: string; serial?: string; version?: string } = {
    manufacturer: profile.manufacturer,
    model: profile.model,
  };
  const values: ProbeValue[] = [];
  const byKey = new Map(outcome.values.map((v) => [v.point.key, v.value]));
  for (const p of profile.points) {
    const v = byKey.get(p.key);
    if (p.identity !== undefined) {
      if (v !== undefined && v !== '') identity[p.identity] = String(v);
      continue;
    }
    values.push({
      key: p.key,
      name: p.name,
      value: v === undefined ? null : v,
      unit: canonicalUnit(p.unit).unit,
      quality: v === undefined ? 'bad' : 'good',
    });
  }
  const notes = [`profile ${profile.id}: ${profile.manufacturer} ${profile.model} (${profile.source})`];
  notes.push(`${poller.plan.length} read request(s) for ${profile.points.length} points`);
  for (const e of outcome.errors) notes.push(`error: ${e.message}`);
  for (const [key, why] of poller.unsupported) notes.push(`not supported by the device: ${key} (${why})`);
  return { url, protocol, identity, values, notes };
}

async function probeSunSpec(url: string, protocol: DeviceProtocol, read: ReadFn, base: number | undefined, allPoints: boolean): Promise<ProbeResult> {
  const discovery = await discoverSunSpec(read, base !== undefined ? [base] : SUNSPEC_BASES);
  const identity = await readSunSpecIdentity(read, discovery);
  const notes = [`SunSpec at base ${discovery.base}: models ${discovery.models.map((m) => m.id).join(', ')}`];
  for (const m of discovery.models) {
    if (m.layout === undefined) notes.push(`model ${m.id} at ${m.address} (L=${m.length}): no definition shipped, not decoded`);
  }
  const values: ProbeValue[] = [];
  if (allPoints) {
    for (const m of discovery.models) {
      for (const p of await readModel(read, m)) {
        if (p.def.type === 'sunssf' || p.def.type === 'pad' || p.path === 'ID' || p.path === 'L') continue;
        const conv = typeof p.value === 'number' ? canonicalUnit(p.def.units ?? '') : { unit: p.def.units ?? '', factor: 1 };
        const value = typeof p.value === 'number' ? p.value * conv.factor : p.value;
        values.push({ key: `${m.id}.${p.path}`, name: p.def.label ?? p.def.name, value, unit: conv.unit, quality: value === null ? 'bad' : 'good' });
      }
    }
  } else {
    const points = sunSpecPoints(discovery);
    const poller = new PointPoller(points);
    const outcome = await poller.poll(read);
    const byKey = new Map(outcome.values.map((v) => [v.point.key, v.value]));
    for (const p of points) {
      const v = byKey.get(p.key);
      values.push({ key: p.key, name: p.name, value: v ?? null, unit: canonicalUnit(p.unit).unit, quality: v === undefined ? 'bad' : 'good' });
    }
    for (const e of outcome.errors) notes.push(`error: ${e.message}`);
  }
  return { url, protocol, identity, values, notes };
}
