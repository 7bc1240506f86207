/**
 * SunSpec model definitions (drivers/sunspec/models/model_<id>.json, from the SunSpec Alliance's JSON models)
 * turned into register layouts: each point's offset from the model's ID register, its type and scale factor.
 *
 * Groups: the top-level points are fixed; a sub-group with a numeric count repeats that many times; the last
 * sub-group with count 0 or a point-name count (model 160's "module") repeats to fill the model length L.
 * Deeper nesting (curve points inside curves in 7xx control models) is left undecoded.
 */
import { readFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { DataType } from '../modbus/register-types.js';

export const SUNSPEC_MODEL_DIR = fileURLToPath(new URL('./models/', import.meta.url));

export type SunSpecType =
  | 'int16' | 'uint16' | 'int32' | 'uint32' | 'int64' | 'uint64' | 'float32' | 'float64'
  | 'acc16' | 'acc32' | 'acc64' | 'enum16' | 'enum32' | 'bitfield16' | 'bitfield32' | 'bitfield64'
  | 'sunssf' | 'count' | 'pad' | 'string' | 'ipaddr' | 'ipv6addr' | 'eui48';

export interface SunSpecPointDef {
  readonly name: string;
  readonly label?: string;
  readonly type: SunSpecType;
  /** Registers. */
  readonly size: number;
  /** Offset from the start of its group instance (the model's ID register for top-level points). */
  readonly offset: number;
  /** Name of the sunssf point in the same model holding this point's exponent. */
  readonly sf?: string;
  /** Fixed power-of-ten exponent, when the definition gives a number instead of a point name. */
  readonly sfFixed?: number;
  readonly units?: string;
}

export interface RepeatingGroup {
  readonly name: string;
  readonly points: readonly SunSpecPointDef[];
  readonly length: number;
  /** Fixed repeat count, or undefined when it fills the rest of the model. */
  readonly count?: number;
  /** Offset of the first instance from the model's ID register. */
  readonly offset: number;
}

export interface ModelLayout {
  readonly id: number;
  readonly name: string;
  readonly label: string;
  /** Top-level points including ID and L. */
  readonly points: readonly SunSpecPointDef[];
  /** Registers of the fixed block excluding ID and L (the L of a model with no repeating group). */
  readonly fixedLength: number;
  readonly groups: readonly RepeatingGroup[];
}

interface JsonPoint {
  name: string;
  type: string;
  size: number;
  label?: string;
  sf?: string | number;
  units?: string;
}
interface JsonGroup {
  name: string;
  label?: string;
  count?: number | string;
  points?: JsonPoint[];
  groups?: JsonGroup[];
}

const TYPES: ReadonlySet<string> = new Set([
  'int16', 'uint16', 'int32', 'uint32', 'int64', 'uint64', 'float32', 'float64', 'acc16', 'acc32', 'acc64',
  'enum16', 'enum32', 'bitfield16', 'bitfield32', 'bitfield64', 'sunssf', 'count', 'pad', 'string', 'ipaddr',
  'ipv6addr', 'eui48',
]);

function layoutPoints(points: readonly JsonPoint[], modelId: number, group: string): { defs: SunSpecPointDef[]; length: number } {
  let offset = 0;
  const defs: SunSpecPointDef[] = [];
  for (const p of points) {
    if (!TYPES.has(p.type)) throw new Error(`SunSpec model ${modelId}, group ${group}, point ${p.name}: unknown type "${p.type}"`);
    defs.push({
      name: p.name,
      type: p.type as SunSpecType,
      size: p.size,
      offset,
      ...(p.label !== undefined ? { label: p.label } : {}),
      ...(typeof p.sf === 'string' ? { sf: p.sf } : {}),
      ...(typeof p.sf === 'number' ? { sfFixed: p.sf } : {}),
      ...(p.units !== undefined ? { units: p.units } : {}),
    });
    offset += p.size;
  }
  return { defs, length: offset };
}

function groupLength(g: JsonGroup): number {
  const own = (g.points ?? []).reduce((n, p) => n + p.size, 0);
  const sub = (g.groups ?? []).reduce((n, s) => n + (typeof s.count === 'number' && s.count > 0 ? s.count * groupLength(s) : 0), 0);
  return own + sub;
}

/** Builds a layout from a parsed model definition. */
export function buildModelLayout(json: { id: number; group: JsonGroup }): ModelLayout {
  const top = layoutPoints(json.group.points ?? [], json.id, json.group.name);
  const groups: RepeatingGroup[] = [];
  let offset = top.length;
  for (const g of json.group.groups ?? []) {
    const inner = layoutPoints(g.points ?? [], json.id, g.name);
    const length = groupLength(g);
    const fixedCount = typeof g.count === 'number' && g.count > 0 ? g.count : undefined;
    groups.push({ name: g.name, points: inner.defs, length, offset, ...(fixedCount !== undefined ? { count: fixedCount } : {}) });
    if (fixedCount === undefined) break; // a filling group is last by definition
    offset += fixedCount * length;
  }
  return {
    id: json.id,
    name: json.group.name,
    label: json.group.label ?? json.group.name,
    points: top.defs,
    fixedLength: offset - 2,
    groups,
  };
}

const cache = new Map<number, ModelLayout | null>();

/** The shipped definition of a model, or undefined when it is not shipped. */
export function modelLayout(id: number, dir: string = SUNSPEC_MODEL_DIR): ModelLayout | undefined {
  const hit = cache.get(id);
  if (hit !== undefined) return hit ?? undefined;
  const file = `${dir}model_${id}.json`;
  if (!existsSync(file)) {
    cache.set(id, null);
    return undefined;
  }
  const layout = buildModelLayout(JSON.parse(readFileSync(file, 'utf8')) as { id: number; group: JsonGroup });
  cache.set(id, layout);
  return layout;
}

/** How a SunSpec type is laid out in registers, in terms of the generic decoder. */
export function registerTypeOf(type: SunSpecType, size: number): { type: DataType; length?: number } {
  switch (type) {
    case 'int16':
    case 'sunssf':
      return { type: 'int16' };
    case 'uint16':
    case 'acc16':
    case 'enum16':
    case 'bitfield16':
    case 'count':
    case 'pad':
      return { type: 'uint16' };
    case 'int32':
      return { type: 'int32' };
    case 'uint32':
    case 'acc32':
    case 'enum32':
    case 'bitfield32':
    case 'ipaddr':
      return { type: 'uint32' };
    case 'int64':
      return { type: 'int64' };
    case 'uint64':
    case 'acc64':
    case 'bitfield64':
      return { type: 'uint64' };
    case 'float32':
      return { type: 'float32' };
    case 'float64':
      return { type: 'float64' };
    case 'string':
    case 'ipv6addr':
    case 'eui48':
      return { type: 'string', length: size };
  }
}

/** SunSpec "not implemented" raw patterns per type (accumulators use 0). */
export function sunSpecSentinel(type: SunSpecType): bigint | undefined {
  switch (type) {
    case 'int16':
    case 'sunssf':
      return 0x8000n;
    case 'uint16':
    case 'enum16':
    case 'bitfield16':
      return 0xffffn;
    case 'int32':
      return 0x80000000n;
    case 'uint32':
    case 'enum32':
    case 'bitfield32':
      return 0xffffffffn;
    case 'int64':
      return 0x8000000000000000n;
    case 'uint64':
    case 'bitfield64':
      return 0xffffffffffffffffn;
    case 'acc16':
    case 'acc32':
    case 'acc64':
      return 0n;
    case 'float32':
      return 0x7fc00000n;
    default:
      return undefined;
  }
}
