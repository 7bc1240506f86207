/**
 * A simulated SunSpec device: "SunS" at the base register (40000 by default), then the given models laid out
 * from their definitions, then the 0xFFFF end marker. Holding registers (FC 3) only; anything outside the map
 * answers "illegal data address".
 *
 * Values come from the value source by `${modelId}.${point}` ("103.W", "203.TotWhImp",
 * "160.module[1].DCW") in the definition's units (W, Wh, V); undefined or NaN serves the "not implemented"
 * pattern. Strings (model 1: Mn, Md, SN, Vr) come from each model's `strings`. Scale factors are chosen per
 * request as the finest exponent (not below -2) at which every value sharing it fits its register, unless
 * options.scaleFactors fixes them ("103.W_SF": -1).
 */
import { encodeRegisters } from '../../modbus/register-types.js';
import { repeatCount } from '../../sunspec/decode-model.js';
import { modelLayout, registerTypeOf, sunSpecSentinel, type ModelLayout, type SunSpecPointDef } from '../../sunspec/model-layout.js';
import type { ValueSource } from './profile-sim-device.js';
import type { SimDevice } from './sim-device.js';

export interface SunSpecSimModel {
  readonly id: number;
  /** Instances of the model's repeating group (e.g. MPPT modules in model 160); default 1. */
  readonly repeats?: number;
  readonly strings?: Readonly<Record<string, string>>;
}

export interface SunSpecSimOptions {
  /** 0, 40000 (default) or 50000. */
  readonly base?: number;
  /** Fixed exponents by scale-factor point ("103.W_SF": -1) instead of the automatic choice. */
  readonly scaleFactors?: Readonly<Record<string, number>>;
}

interface Instance {
  readonly model: SunSpecSimModel;
  readonly layout: ModelLayout;
  readonly length: number;
  /** Address of the ID register. */
  readonly start: number;
}

interface Cell {
  readonly inst: Instance;
  readonly def: SunSpecPointDef;
  /** "W" or "module[0].DCW" */
  readonly path: string;
  /** prefix for scale factors of this group instance ("" for top level) */
  readonly scope: string;
  readonly offset: number;
  /** `${modelIndex}:${scope}${sfName}` of the scale factor this point uses */
  readonly sfKey?: string;
}

const RANGES: Partial<Record<string, readonly [number, number]>> = {
  int16: [-32767, 32767],
  uint16: [0, 65534],
  acc16: [1, 65535],
  int32: [-2147483647, 2147483647],
  uint32: [0, 4294967294],
  acc32: [1, 4294967295],
};

function sentinelWords(def: SunSpecPointDef): number[] {
  const s = sunSpecSentinel(def.type) ?? 0n;
  const out: number[] = [];
  for (let i = def.size - 1; i >= 0; i--) out.push(Number((s >> BigInt(16 * i)) & 0xffffn));
  return out;
}

export function sunSpecSimDevice(models: readonly (number | SunSpecSimModel)[], values: ValueSource, options: SunSpecSimOptions = {}): SimDevice {
  const base = options.base ?? 40000;
  const instances: Instance[] = [];
  let address = base + 2;
  for (const m of models) {
    const model = typeof m === 'number' ? { id: m } : m;
    const layout = modelLayout(model.id);
    if (layout === undefined) throw new Error(`sunSpecSimDevice: no shipped definition for SunSpec model ${model.id}`);
    const repeats = model.repeats ?? 1;
    const length = layout.fixedLength + layout.groups.reduce((n, g) => n + (g.count ?? repeats) * g.length, 0);
    instances.push({ model, layout, length, start: address });
    address += length + 2;
  }
  const endMarker = address;
  const total = endMarker + 2 - base;

  const cells = new Array<Cell | undefined>(total);
  const users = new Map<string, Cell[]>(); // `${modelIndex}:${scope}${sfName}` -> points scaled by it
  instances.forEach((inst, mi) => {
    const put = (def: SunSpecPointDef, at: number, scope: string, path: string, siblings: readonly SunSpecPointDef[]): void => {
      // a group point may use a scale factor of the top level (model 160's DCW_SF)
      const sfKey = def.sf === undefined ? undefined : `${mi}:${siblings.some((p) => p.name === def.sf) ? scope : ''}${def.sf}`;
      const cell: Cell = { inst, def, path, scope, offset: at, ...(sfKey !== undefined ? { sfKey } : {}) };
      for (let i = 0; i < def.size; i++) cells[at - base + i] = cell;
      if (sfKey !== undefined) {
        const list = users.get(sfKey) ?? [];
        list.push(cell);
        users.set(sfKey, list);
      }
    };
    for (const def of inst.layout.points) put(def, inst.start + def.offset, '', def.name, inst.layout.points);
    const counts = repeatCount(inst.layout, inst.length);
    inst.layout.groups.forEach((g, gi) => {
      for (let i = 0; i < (counts[gi] ?? 0); i++) {
        const scope = `${g.name}[${i}].`;
        for (const def of g.points) put(def, inst.start + g.offset + i * g.length + def.offset, scope, scope + def.name, g.points);
      }
    });
  });

  const valueOf = (cell: Cell, now: number): number | undefined => {
    const v = values(`${cell.inst.model.id}.${cell.path}`, now);
    return v === undefined || Number.isNaN(v) ? undefined : v;
  };

  const chooseExponent = (key: string, sfCell: Cell | undefined, now: number): number => {
    if (sfCell !== undefined) {
      const fixed = options.scaleFactors?.[`${sfCell.inst.model.id}.${sfCell.path}`];
      if (fixed !== undefined) return fixed;
    }
    const list = users.get(key) ?? [];
    for (let e = -2; e < 10; e++) {
      const fits = list.every((c) => {
        const v = valueOf(c, now);
        const range = RANGES[c.def.type];
        if (v === undefined || range === undefined) return true;
        const raw = Math.round(v / 10 ** e);
        return raw >= range[0] && raw <= range[1];
      });
      if (fits) return e;
    }
    return 0;
  };

  const sfCells = new Map<string, Cell>();
  instances.forEach((inst, mi) => {
    for (const c of cells) {
      if (c !== undefined && c.inst === inst && c.def.type === 'sunssf') sfCells.set(`${mi}:${c.scope}${c.def.name}`, c);
    }
  });

  const encode = (cell: Cell, now: number, exponents: Map<string, number>): number[] => {
    const def = cell.def;
    const format = { ...registerTypeOf(def.type, def.size), wordOrder: 'big' as const, byteOrder: 'big' as const };
    if (def.name === 'ID' && cell.scope === '') return [cell.inst.model.id];
    if (def.name === 'L' && cell.scope === '') return [cell.inst.length];
    if (def.type === 'string' || def.type === 'ipv6addr' || def.type === 'eui48') {
      return encodeRegisters(cell.inst.model.strings?.[cell.path] ?? '', format);
    }
    if (def.type === 'pad') return [0x8000];
    const exponentOf = (key: string): number => {
      let e = exponents.get(key);
      if (e === undefined) {
        e = chooseExponent(key, sfCells.get(key), now);
        exponents.set(key, e);
      }
      return e;
    };
    if (def.type === 'sunssf') {
      const mi = instances.indexOf(cell.inst);
      const key = `${mi}:${cell.scope}${def.name}`;
      if (!users.has(key)) {
        const v = valueOf(cell, now);
        return v === undefined ? sentinelWords(def) : encodeRegisters(v, format);
      }
      return encodeRegisters(exponentOf(key), format);
    }
    const v = valueOf(cell, now);
    if (v === undefined) return sentinelWords(def);
    const e = cell.sfKey !== undefined ? exponentOf(cell.sfKey) : (def.sfFixed ?? 0);
    return encodeRegisters(v / 10 ** e, format);
  };

  return {
    read(fc, addr, count, now) {
      if (fc !== 3) return 1;
      if (addr < base || addr + count > base + total) return 2;
      const out = new Array<number>(count);
      const encoded = new Map<Cell, number[]>();
      const exponents = new Map<string, number>();
      for (let i = 0; i < count; i++) {
        const a = addr + i;
        if (a === base) out[i] = 0x5375;
        else if (a === base + 1) out[i] = 0x6e53;
        else if (a === endMarker) out[i] = 0xffff;
        else if (a === endMarker + 1) out[i] = 0;
        else {
          const cell = cells[a - base];
          if (cell === undefined) {
            out[i] = 0;
            continue;
          }
          let words = encoded.get(cell);
          if (words === undefined) {
            words = encode(cell, now, exponents);
            encoded.set(cell, words);
          }
          out[i] = words[a - cell.offset] ?? 0;
        }
      }
      return out;
    },
  };
}
