/**
 * SunSpec discovery: find "SunS" (0x5375 0x6E53) at base 40000, 0 or 50000 (holding registers), then walk the
 * model headers (ID, L) until ID 0xFFFF. Exceptions or other contents at a base mean "not here"; a device that
 * does not answer at all ends discovery with that error.
 */
import { DeviceError } from '../device-driver.js';
import { ModbusRequestError } from '../modbus/modbus-bus.js';
import type { ReadFn } from '../modbus/point-poller.js';
import { decodeModel, type DecodedSunSpecPoint } from './decode-model.js';
import { modelLayout, type ModelLayout } from './model-layout.js';

export const SUNSPEC_BASES = [40000, 0, 50000] as const;

export interface SunSpecModelInstance {
  readonly id: number;
  /** L: registers after the (ID, L) header. */
  readonly length: number;
  /** Address of the ID register. */
  readonly address: number;
  /** Undefined when the model is not shipped with PlusTwin (it is listed but not decoded). */
  readonly layout?: ModelLayout;
}

export interface SunSpecDiscovery {
  readonly base: number;
  readonly models: readonly SunSpecModelInstance[];
}

const MAX_MODELS = 200;

export async function discoverSunSpec(read: ReadFn, bases: readonly number[] = SUNSPEC_BASES): Promise<SunSpecDiscovery> {
  const tried: string[] = [];
  for (const base of bases) {
    let marker: number[];
    try {
      marker = await read(3, base, 2);
    } catch (e) {
      if (e instanceof ModbusRequestError && (e.code === 'exception' || e.code === 'decode')) {
        tried.push(`${base}: ${e.message}`);
        continue;
      }
      throw e;
    }
    if (marker[0] !== 0x5375 || marker[1] !== 0x6e53) {
      tried.push(`${base}: no "SunS" marker`);
      continue;
    }
    const models: SunSpecModelInstance[] = [];
    let address = base + 2;
    for (let i = 0; i < MAX_MODELS; i++) {
      if (address + 2 > 0x10000) throw new DeviceError('decode', `SunSpec at ${base}: model chain runs past register 65535`);
      const [id, length] = await read(3, address, 2);
      if (id === 0xffff) return { base, models };
      if (id === undefined || length === undefined) throw new DeviceError('decode', `SunSpec at ${base}: short answer at ${address}`);
      const layout = modelLayout(id);
      models.push({ id, length, address, ...(layout !== undefined ? { layout } : {}) });
      address += 2 + length;
    }
    throw new DeviceError('decode', `SunSpec at ${base}: no end marker after ${MAX_MODELS} models`);
  }
  throw new DeviceError('config', `no SunSpec device: ${tried.join('; ')}`, undefined, { code: 'sunspec.notFound', params: { registers: bases.join(', ') } });
}

/** Reads a whole model instance (in chunks of 125 registers) and decodes every point. */
export async function readModel(read: ReadFn, model: SunSpecModelInstance): Promise<DecodedSunSpecPoint[]> {
  if (model.layout === undefined) return [];
  const total = model.length + 2;
  const words: number[] = [];
  for (let off = 0; off < total; off += 125) {
    words.push(...(await read(3, model.address + off, Math.min(125, total - off))));
  }
  return decodeModel(model.layout, words, model.length);
}

export interface SunSpecIdentity {
  readonly manufacturer?: string;
  readonly model?: string;
  readonly serial?: string;
  readonly version?: string;
}

/** Manufacturer, model, serial and version from the common model (1). */
export async function readSunSpecIdentity(read: ReadFn, discovery: SunSpecDiscovery): Promise<SunSpecIdentity> {
  const common = discovery.models.find((m) => m.id === 1);
  if (common === undefined) return {};
  const points = await readModel(read, common);
  const get = (name: string): string | undefined => {
    const v = points.find((p) => p.path === name)?.value;
    return typeof v === 'string' && v !== '' ? v : undefined;
  };
  const out: { manufacturer?: string; model?: string; serial?: string; version?: string } = {};
  const mn = get('Mn');
  const md = get('Md');
  const sn = get('SN');
  const vr = get('Vr');
  if (mn !== undefined) out.manufacturer = mn;
  if (md !== undefined) out.model = md;
  if (sn !== undefined) out.serial = sn;
  if (vr !== undefined) out.version = vr;
  return out;
}
