/**
 * Modbus register data types: how many registers a value takes and how its bytes are arranged.
 *
 * Word order 'big' means the first register holds the most significant word (ABCD, the Modbus default);
 * 'little' means the first register holds the least significant word (CDAB, common on Schneider, Carlo Gavazzi
 * and many gateways). Byte order 'big' is the normal high-byte-first register; 'little' swaps the two bytes in
 * every register (BADC / DCBA). Strings keep their register order and honour only the byte order.
 *
 * Encoding (used by the simulators) wraps integers modulo their width, so a counter that outgrows a 32-bit
 * register rolls over on the wire exactly as a real meter's does.
 */

import { shortestFloat32 } from './float32-decimal.js';

export const DATA_TYPES = [
  'bool',
  'int16',
  'uint16',
  'int32',
  'uint32',
  'int64',
  'uint64',
  'float32',
  'float64',
  'string',
] as const;
export type DataType = (typeof DATA_TYPES)[number];

export type WordOrder = 'big' | 'little';
export type ByteOrder = 'big' | 'little';

export interface RegisterFormat {
  readonly type: DataType;
  readonly wordOrder: WordOrder;
  readonly byteOrder: ByteOrder;
  /** Registers of a string; ignored for the other types. */
  readonly length?: number;
}

const FIXED_WIDTH: Record<Exclude<DataType, 'string'>, number> = {
  bool: 1,
  int16: 1,
  uint16: 1,
  int32: 2,
  uint32: 2,
  int64: 4,
  uint64: 4,
  float32: 2,
  float64: 4,
};

/** Registers (or bits, for 'bool' on function codes 1/2) a value of this format occupies. */
export function registerCount(format: Pick<RegisterFormat, 'type' | 'length'>): number {
  if (format.type === 'string') return format.length ?? 1;
  return FIXED_WIDTH[format.type];
}

// decoding is synchronous, so one scratch buffer serves every call (125 registers at most); saves an
// allocation per point on the polling hot path
const SCRATCH = new DataView(new ArrayBuffer(250));

/** Lays registers out as bytes in most-significant-first order, undoing word and byte order. */
function toBigEndianBytes(words: ArrayLike<number>, offset: number, n: number, format: RegisterFormat): DataView {
  const view = n * 2 <= SCRATCH.byteLength ? SCRATCH : new DataView(new ArrayBuffer(n * 2));
  const reverseWords = format.wordOrder === 'little' && format.type !== 'string';
  for (let i = 0; i < n; i++) {
    const word = (words[offset + (reverseWords ? n - 1 - i : i)] ?? 0) & 0xffff;
    view.setUint16(i * 2, format.byteOrder === 'little' ? ((word & 0xff) << 8) | (word >> 8) : word);
  }
  return view;
}

function fromBigEndianBytes(view: DataView, format: RegisterFormat): number[] {
  const n = view.byteLength / 2;
  const out = new Array<number>(n);
  const reverseWords = format.wordOrder === 'little' && format.type !== 'string';
  for (let i = 0; i < n; i++) {
    const word = view.getUint16(i * 2);
    out[reverseWords ? n - 1 - i : i] = format.byteOrder === 'little' ? ((word & 0xff) << 8) | (word >> 8) : word;
  }
  return out;
}

/** Decodes one value starting at words[offset]. Strings come back trimmed of NULs and trailing spaces. */
export function decodeRegisters(words: ArrayLike<number>, offset: number, format: RegisterFormat): number | string {
  const n = registerCount(format);
  if (offset + n > words.length) {
    throw new RangeError(`need ${n} registers at offset ${offset}, have ${words.length - offset}`);
  }
  const v = toBigEndianBytes(words, offset, n, format);
  switch (format.type) {
    case 'bool':
      return v.getUint16(0) === 0 ? 0 : 1;
    case 'int16':
      return v.getInt16(0);
    case 'uint16':
      return v.getUint16(0);
    case 'int32':
      return v.getInt32(0);
    case 'uint32':
      return v.getUint32(0);
    case 'int64':
      return Number(v.getBigInt64(0));
    case 'uint64':
      return Number(v.getBigUint64(0));
    case 'float32':
      return shortestFloat32(v.getFloat32(0));
    case 'float64':
      return v.getFloat64(0);
    case 'string': {
      let s = '';
      for (let i = 0; i < n * 2; i++) {
        const c = v.getUint8(i);
        if (c === 0) break;
        s += String.fromCharCode(c);
      }
      return s.trimEnd();
    }
  }
}

/** Raw integer bit pattern of a decoded value, for comparing against "not implemented" sentinels. */
export function rawPattern(words: ArrayLike<number>, offset: number, format: RegisterFormat): bigint {
  const n = registerCount(format);
  const v = toBigEndianBytes(words, offset, n, format);
  let out = 0n;
  for (let i = 0; i < n; i++) out = (out << 16n) | BigInt(v.getUint16(i * 2));
  return out;
}

function wrapInteger(value: number, bits: number, signed: boolean): bigint {
  const mod = 1n << BigInt(bits);
  let raw = BigInt(Math.round(value)) % mod;
  if (raw < 0n) raw += mod;
  return signed && raw >= mod >> 1n ? raw - mod : raw;
}

/** Encodes a value (already divided by its scale) into registers; integers wrap, strings are NUL padded. */
export function encodeRegisters(value: number | string, format: RegisterFormat): number[] {
  const n = registerCount(format);
  const v = new DataView(new ArrayBuffer(n * 2));
  if (format.type === 'string') {
    const s = String(value);
    for (let i = 0; i < n * 2 && i < s.length; i++) v.setUint8(i, s.charCodeAt(i) & 0xff);
    return fromBigEndianBytes(v, format);
  }
  const x = typeof value === 'number' ? value : Number(value);
  switch (format.type) {
    case 'bool':
      v.setUint16(0, x ? 1 : 0);
      break;
    case 'int16':
      v.setInt16(0, Number(wrapInteger(x, 16, true)));
      break;
    case 'uint16':
      v.setUint16(0, Number(wrapInteger(x, 16, false)));
      break;
    case 'int32':
      v.setInt32(0, Number(wrapInteger(x, 32, true)));
      break;
    case 'uint32':
      v.setUint32(0, Number(wrapInteger(x, 32, false)));
      break;
    case 'int64':
      v.setBigInt64(0, wrapInteger(x, 64, true));
      break;
    case 'uint64':
      v.setBigUint64(0, wrapInteger(x, 64, false));
      break;
    case 'float32':
      v.setFloat32(0, x);
      break;
    case 'float64':
      v.setFloat64(0, x);
      break;
  }
  return fromBigEndianBytes(v, format);
}

/** Default "not implemented" bit patterns (SunSpec conventions, used by many non-SunSpec meters too). */
export function defaultSentinels(type: DataType): readonly bigint[] {
  switch (type) {
    case 'int16':
      return [0x8000n];
    case 'uint16':
      return [0xffffn];
    case 'int32':
      return [0x80000000n];
    case 'uint32':
      return [0xffffffffn];
    case 'int64':
      return [0x8000000000000000n];
    case 'uint64':
      return [0xffffffffffffffffn];
    default:
      return [];
  }
}
