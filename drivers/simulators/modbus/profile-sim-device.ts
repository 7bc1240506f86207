/**
 * A simulated device laid out from a device profile: every point's registers hold the value source's current
 * value (in the profile's units), encoded with the point's type, word/byte order and scale. Counters are real
 * registers: a uint32 counter that outgrows 2^32 raw units wraps on the wire; a value source that drops to 0 is
 * a counter reset. Values are computed when a request asks for them, once per point per request.
 */
import type { DeviceProfile, ProfilePoint } from '../../profiles/device-profile.js';
import { encodeRegisters, registerCount } from '../../modbus/register-types.js';
import type { ReadFunctionCode, SimDevice } from './sim-device.js';

/** Current value of a point in the profile's units; undefined/NaN makes the point answer its sentinel. */
export type ValueSource = (key: string, now: number) => number | undefined;

export interface ProfileSimOptions {
  /** Strings for string identity points, by point key. */
  readonly strings?: Readonly<Record<string, string>>;
  /** Exponents served by scale-factor registers, by register address (default 0). */
  readonly scaleFactors?: Readonly<Record<number, number>>;
  /**
   * Registers between mapped ones: 'zero' answers 0 (most meters), 'exception' answers "illegal data address"
   * for any read touching one (strict meters; exercises the driver's splitting).
   */
  readonly gaps?: 'zero' | 'exception';
}

type Cell =
  | { readonly kind: 'point'; readonly point: ProfilePoint; readonly offset: number }
  | { readonly kind: 'sf'; readonly exponent: number };

interface Bank {
  readonly cells: Map<number, Cell>;
  min: number;
  max: number;
}

function sentinelWords(point: ProfilePoint): number[] {
  const n = registerCount(point);
  const pattern = point.notImplemented[0];
  if (pattern === undefined) {
    // float types: NaN is the universal "no value"
    return encodeRegisters(NaN, point);
  }
  const words: number[] = [];
  for (let i = n - 1; i >= 0; i--) words.push(Number((pattern >> BigInt(16 * i)) & 0xffffn));
  // the pattern is stated most-significant-word first; lay it out in the point's word order
  return point.wordOrder === 'little' ? words.reverse() : words;
}

export function profileSimDevice(profile: DeviceProfile, values: ValueSource, options: ProfileSimOptions = {}): SimDevice {
  const banks = new Map<ReadFunctionCode, Bank>();
  const bank = (fc: ReadFunctionCode): Bank => {
    let b = banks.get(fc);
    if (b === undefined) {
      b = { cells: new Map(), min: Infinity, max: -Infinity };
      banks.set(fc, b);
    }
    return b;
  };
  const place = (fc: ReadFunctionCode, address: number, cell: Cell): void => {
    const b = bank(fc);
    b.cells.set(address, cell);
    b.min = Math.min(b.min, address);
    b.max = Math.max(b.max, address);
  };
  for (const point of profile.points) {
    const n = registerCount(point);
    for (let i = 0; i < n; i++) place(point.functionCode, point.address + i, { kind: 'point', point, offset: i });
    if (point.scaleFactorAddress !== undefined) {
      const exponent = options.scaleFactors?.[point.scaleFactorAddress] ?? 0;
      place(point.functionCode, point.scaleFactorAddress, { kind: 'sf', exponent });
    }
  }
  const exponentOf = (point: ProfilePoint): number =>
    point.scaleFactorAddress === undefined ? 0 : (options.scaleFactors?.[point.scaleFactorAddress] ?? 0);

  const encodePoint = (point: ProfilePoint, now: number): number[] => {
    if (point.type === 'string') return encodeRegisters(options.strings?.[point.key] ?? '', point);
    const v = values(point.key, now);
    if (v === undefined || Number.isNaN(v)) return sentinelWords(point);
    return encodeRegisters(v / point.scale / 10 ** exponentOf(point), point);
  };

  const gaps = options.gaps ?? 'zero';
  return {
    read(fc, address, count, now) {
      const b = banks.get(fc);
      if (b === undefined) return 1;
      if (address < b.min || address + count - 1 > b.max) return 2;
      const out = new Array<number>(count);
      const encoded = new Map<ProfilePoint, number[]>();
      for (let i = 0; i < count; i++) {
        const cell = b.cells.get(address + i);
        if (cell === undefined) {
          if (gaps === 'exception') return 2;
          out[i] = 0;
        } else if (cell.kind === 'sf') {
          out[i] = cell.exponent & 0xffff;
        } else {
          let words = encoded.get(cell.point);
          if (words === undefined) {
            words = encodePoint(cell.point, now);
            encoded.set(cell.point, words);
          }
          out[i] = words[cell.offset] ?? 0;
        }
      }
      return out;
    },
  };
}
