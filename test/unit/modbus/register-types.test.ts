import { shortestFloat32 } from '../../../drivers/modbus/float32-decimal.js';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  decodeRegisters,
  encodeRegisters,
  rawPattern,
  registerCount,
  type ByteOrder,
  type DataType,
  type WordOrder,
} from '../../../drivers/modbus/register-types.js';

interface Case {
  type: DataType;
  wordOrder: WordOrder;
  byteOrder: ByteOrder;
  length?: number;
  registers: number[];
  value: number | string;
}
const fixture = JSON.parse(
  readFileSync(new URL('../../fixtures/modbus/register-types.json', import.meta.url), 'utf8'),
) as { cases: Case[] };

describe('register types against byte fixtures (Python struct)', () => {
  it('covers every data type and all four word/byte orders', () => {
    const types = new Set(fixture.cases.map((c) => c.type));
    for (const t of ['int16', 'uint16', 'int32', 'uint32', 'int64', 'uint64', 'float32', 'float64', 'string']) {
      expect(types.has(t as DataType), t).toBe(true);
    }
    const orders = new Set(fixture.cases.map((c) => `${c.wordOrder}/${c.byteOrder}`));
    expect(orders.size).toBe(4);
  });

  for (const c of fixture.cases) {
    const name = `${c.type} ${c.wordOrder}-word ${c.byteOrder}-byte ${JSON.stringify(c.value)}`;
    it(`decodes ${name}`, () => {
      expect(registerCount(c)).toBe(c.registers.length);
      // leading junk register: decoding must honour the offset
      const v = decodeRegisters([0xdead, ...c.registers], 1, c);
      // float32 reads as its shortest round-trip decimal: the same float32 bits, fewer digits
      if (c.type === 'float32') expect(Math.fround(v as number)).toBe(c.value);
      else expect(v).toBe(c.value);
    });
    it(`encodes ${name}`, () => {
      expect(encodeRegisters(c.value, c)).toEqual(c.registers);
    });
  }
});

describe('register types: edge cases', () => {
  const f = (type: DataType, wordOrder: WordOrder = 'big') => ({ type, wordOrder, byteOrder: 'big' as const });

  it('wraps integers on encode like a rolling counter register', () => {
    expect(encodeRegisters(2 ** 32 + 5, f('uint32'))).toEqual([0, 5]);
    expect(encodeRegisters(-1, f('uint16'))).toEqual([0xffff]);
    expect(encodeRegisters(40000, f('int16'))).toEqual([40000]);
    expect(decodeRegisters([40000], 0, f('int16'))).toBe(40000 - 65536);
  });

  it('reports the raw bit pattern in most-significant-first order regardless of word order', () => {
    expect(rawPattern([0x0000, 0x8000], 0, f('int32', 'little'))).toBe(0x80000000n);
    expect(rawPattern([0x8000, 0x0000], 0, f('int32', 'big'))).toBe(0x80000000n);
  });

  it('refuses to decode past the end of the registers', () => {
    expect(() => decodeRegisters([1], 0, f('uint32'))).toThrow(/need 2 registers/);
  });

  it('stops strings at the first NUL and trims trailing spaces', () => {
    expect(decodeRegisters([0x4142, 0x2020, 0x0000], 0, { ...f('string'), length: 3 })).toBe('AB');
    expect(decodeRegisters([0x4100, 0x4243], 0, { ...f('string'), length: 2 })).toBe('A');
  });
});

describe('float32 values with the precision of their source', () => {
  const f32 = { type: 'float32' as const, wordOrder: 'big' as const, byteOrder: 'big' as const };

  it('a register holding 4567.8 reads as 4567.8, not 4567.7998', () => {
    // the float32 nearest 4567.8 is 4567.7998046875 (0x458EBE66); its shortest round-trip decimal is 4567.8
    expect(Math.fround(4567.8)).toBe(4567.7998046875);
    expect(encodeRegisters(4567.8, f32)).toEqual([0x458e, 0xbe66]);
    const v = decodeRegisters([0x458e, 0xbe66], 0, f32);
    expect(v).toBe(4567.8);
    expect(String(v)).toBe('4567.8');
  });

  it('keeps the bits read: Math.fround of the decimal is the float32 on the wire', () => {
    for (const x of [0.1, 230.4, 662_640.0625, 1 / 3, 16_777_217, -49.95, 3.4e38, 1e-40]) {
      const words = encodeRegisters(x, f32) as number[];
      const v = decodeRegisters(words, 0, f32) as number;
      expect(Math.fround(v)).toBe(Math.fround(x));
    }
    // 1/3 needs all 9 digits; 2^24 + 1 is not a float32 and reads as 2^24
    expect(shortestFloat32(Math.fround(1 / 3))).toBe(0.33333334);
    expect(shortestFloat32(Math.fround(16_777_217))).toBe(16_777_216);
    expect(shortestFloat32(Number.NaN)).toBeNaN();
    expect(shortestFloat32(-0)).toBe(-0);
  });
});
