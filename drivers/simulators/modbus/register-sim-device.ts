/**
 * A simulated device that serves fixed register contents, e.g. a capture of a real device or a test fixture.
 * Addresses not given answer 0 when they lie between given ones of the same function code, and "illegal data
 * address" outside that range.
 */
import type { ReadFunctionCode, SimDevice } from './sim-device.js';

export interface RegisterBlock {
  readonly fc: ReadFunctionCode;
  readonly address: number;
  readonly words: readonly number[];
}

export function registerSimDevice(blocks: readonly RegisterBlock[]): SimDevice {
  const banks = new Map<ReadFunctionCode, { words: Map<number, number>; min: number; max: number }>();
  for (const b of blocks) {
    let bank = banks.get(b.fc);
    if (bank === undefined) banks.set(b.fc, (bank = { words: new Map(), min: Infinity, max: -Infinity }));
    b.words.forEach((w, i) => bank.words.set(b.address + i, w & 0xffff));
    bank.min = Math.min(bank.min, b.address);
    bank.max = Math.max(bank.max, b.address + b.words.length - 1);
  }
  return {
    read(fc, address, count) {
      const bank = banks.get(fc);
      if (bank === undefined) return 1;
      if (address < bank.min || address + count - 1 > bank.max) return 2;
      const out = new Array<number>(count);
      for (let i = 0; i < count; i++) out[i] = bank.words.get(address + i) ?? 0;
      return out;
    },
  };
}
