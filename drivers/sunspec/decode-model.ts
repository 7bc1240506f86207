/**
 * Decodes one SunSpec model instance from its registers: every point by name (repeating-group points as
 * "module[0].DCW"), scale factors applied, "not implemented" values as null.
 */
import { decodeRegisters, rawPattern } from '../modbus/register-types.js';
import { registerTypeOf, sunSpecSentinel, type ModelLayout, type SunSpecPointDef } from './model-layout.js';

export type SunSpecValue = number | string | null;

/** Everything a decoded point needs to be mapped further: value and the unit of the definition. */
export interface DecodedSunSpecPoint {
  readonly path: string;
  readonly def: SunSpecPointDef;
  readonly value: SunSpecValue;
}

function rawValue(words: ArrayLike<number>, offset: number, def: SunSpecPointDef): SunSpecValue {
  if (offset + def.size > words.length) return null;
  const format = { ...registerTypeOf(def.type, def.size), wordOrder: 'big' as const, byteOrder: 'big' as const };
  if (def.type === 'string' || def.type === 'ipv6addr' || def.type === 'eui48') {
    const s = decodeRegisters(words, offset, format);
    return s === '' ? null : s;
  }
  const sentinel = sunSpecSentinel(def.type);
  if (sentinel !== undefined && rawPattern(words, offset, format) === sentinel) return null;
  const v = decodeRegisters(words, offset, format) as number;
  return Number.isFinite(v) ? v : null;
}

/** Instances of the repeating groups that fit in a model of length L. */
export function repeatCount(layout: ModelLayout, length: number): number[] {
  let rest = length - layout.fixedLength;
  return layout.groups.map((g) => {
    if (g.count !== undefined) return g.count;
    const n = g.length > 0 ? Math.max(0, Math.floor(rest / g.length)) : 0;
    rest -= n * g.length;
    return n;
  });
}

/**
 * `words` starts at the model's ID register and holds at least L + 2 registers (fewer makes the missing points
 * null). Scale factors are looked up in the same instance first, then at the top level of the model.
 */
export function decodeModel(layout: ModelLayout, words: ArrayLike<number>, length: number): DecodedSunSpecPoint[] {
  const out: DecodedSunSpecPoint[] = [];
  const end = Math.min(words.length, length + 2);
  const view = Array.prototype.slice.call(words, 0, end) as number[];

  const decodeBlock = (defs: readonly SunSpecPointDef[], base: number, prefix: string, topSf: Map<string, SunSpecValue> | undefined): Map<string, SunSpecValue> => {
    const raw = new Map<string, SunSpecValue>();
    for (const def of defs) raw.set(def.name, rawValue(view, base + def.offset, def));
    for (const def of defs) {
      let value = raw.get(def.name) ?? null;
      if (typeof value === 'number' && def.type !== 'sunssf') {
        if (def.sfFixed !== undefined) value = value * 10 ** def.sfFixed;
        else if (def.sf !== undefined) {
          const sf = raw.has(def.sf) ? raw.get(def.sf) : topSf?.get(def.sf);
          value = typeof sf === 'number' ? value * 10 ** sf : null;
        }
      }
      out.push({ path: prefix + def.name, def, value });
    }
    return raw;
  };

  const top = decodeBlock(layout.points, 0, '', undefined);
  const counts = repeatCount(layout, length);
  layout.groups.forEach((g, gi) => {
    const n = counts[gi] ?? 0;
    for (let i = 0; i < n; i++) decodeBlock(g.points, g.offset + i * g.length, `${g.name}[${i}].`, top);
  });
  return out;
}
