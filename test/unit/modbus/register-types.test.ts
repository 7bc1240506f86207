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
      expect(decodeRegisters([0xdead, ...c.registers], 1, c)).toBe(c.value);
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
