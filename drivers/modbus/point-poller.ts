/**
 * Reads a set of profile points (from a profile file or mapped from SunSpec models) with coalesced requests and
 * decodes them to canonical units. Keeps its read plan between polls: a block the device refuses with an
 * addressing exception is split for good; a single point the device refuses is dropped and reported.
 */
import type { FunctionCode, ProfilePoint } from '../profiles/device-profile.js';
import { canonicalUnit } from './canonical-units.js';
import { isAddressingException } from './exceptions.js';
import { ModbusRequestError } from './modbus-bus.js';
import { planReads, splitBlock, type PlanOptions, type ReadBlock, type RegisterSpan } from './read-plan.js';
import { decodeRegisters, rawPattern, registerCount } from './register-types.js';

export type ReadFn = (fc: FunctionCode, address: number, count: number) => Promise<number[]>;

export interface PointValue {
  readonly point: ProfilePoint;
  /** Canonical units for numbers; strings for identity points. */
  readonly value: number | string;
}

export interface PollOutcome {
  readonly values: PointValue[];
  readonly errors: ModbusRequestError[];
  /** Points without a value this time (failed block, sentinel, missing scale factor). */
  readonly missing: string[];
}

const SF_SENTINEL = 0x8000;

export class PointPoller {
  private readonly spans: RegisterSpan[] = [];
  /** span index -> point index, or -1 for a scale-factor span */
  private readonly owner: number[] = [];
  private blocks: ReadBlock[];
  /** Points the device refused alone (addressing exception); never asked again. */
  readonly unsupported = new Map<string, string>();

  constructor(
    readonly points: readonly ProfilePoint[],
    readonly planOptions: PlanOptions = {},
  ) {
    points.forEach((p, i) => {
      this.spans.push({ fc: p.functionCode, address: p.address, count: registerCount(p) });
      this.owner.push(i);
      if (p.scaleFactorAddress !== undefined) {
        this.spans.push({ fc: p.functionCode, address: p.scaleFactorAddress, count: 1 });
        this.owner.push(-1 - i);
      }
    });
    this.blocks = planReads(this.spans, planOptions);
  }

  /** Current request plan, for tests and diagnostics. */
  get plan(): readonly ReadBlock[] {
    return this.blocks;
  }

  async poll(read: ReadFn): Promise<PollOutcome> {
    const banks = new Map<FunctionCode, Map<number, number>>();
    const errors: ModbusRequestError[] = [];
    const next: ReadBlock[] = [];
    const queue = [...this.blocks];
    while (queue.length > 0) {
      const block = queue.shift()!;
      try {
        const words = await read(block.fc, block.address, block.count);
        let bank = banks.get(block.fc);
        if (bank === undefined) banks.set(block.fc, (bank = new Map()));
        for (let i = 0; i < words.length; i++) bank.set(block.address + i, words[i]!);
        next.push(block);
      } catch (e) {
        const err = e instanceof ModbusRequestError ? e : new ModbusRequestError('connection', (e as Error).message);
        if (err.exceptionCode !== undefined && isAddressingException(err.exceptionCode)) {
          const parts = splitBlock(block, this.spans);
          if (parts.length > 0) {
            queue.unshift(...parts);
            continue;
          }
          for (const m of block.members) {
            const o = this.owner[m]!;
            const p = this.points[o >= 0 ? o : -1 - o]!;
            this.unsupported.set(p.key, err.message);
          }
          errors.push(err);
          continue;
        }
        errors.push(err);
        next.push(block);
      }
    }
    this.blocks = next.filter((b) => b.members.some((m) => !this.isUnsupported(m)));

    const values: PointValue[] = [];
    const missing: string[] = [];
    for (const p of this.points) {
      if (this.unsupported.has(p.key)) {
        missing.push(p.key);
        continue;
      }
      const v = decodePoint(p, banks.get(p.functionCode));
      if (v === undefined) missing.push(p.key);
      else values.push({ point: p, value: v });
    }
    return { values, errors, missing };
  }

  private isUnsupported(spanIndex: number): boolean {
    const o = this.owner[spanIndex]!;
    return this.unsupported.has(this.points[o >= 0 ? o : -1 - o]!.key);
  }
}

const WORDS = new Array<number>(125).fill(0);

/** Decodes one point from the registers read this poll; undefined when it has no valid value. */
export function decodePoint(p: ProfilePoint, bank: ReadonlyMap<number, number> | undefined): number | string | undefined {
  if (bank === undefined) return undefined;
  const n = registerCount(p);
  // reused between calls (decoding is synchronous): no allocation per point
  const words = WORDS;
  for (let i = 0; i < n; i++) {
    const w = bank.get(p.address + i);
    if (w === undefined) return undefined;
    words[i] = w;
  }
  if (p.type === 'string') return decodeRegisters(words, 0, p);
  if (p.notImplemented.length > 0) {
    const raw = rawPattern(words, 0, p);
    if (p.notImplemented.includes(raw)) return undefined;
  }
  const raw = decodeRegisters(words, 0, p) as number;
  if (!Number.isFinite(raw)) return undefined;
  let exponent = 0;
  if (p.scaleFactorAddress !== undefined) {
    const sf = bank.get(p.scaleFactorAddress);
    if (sf === undefined || sf === SF_SENTINEL) return undefined;
    exponent = sf >= 0x8000 ? sf - 0x10000 : sf;
    if (exponent < -10 || exponent > 10) return undefined;
  }
  // dividing by 10^n keeps 2304 * 10^-1 at 230.4 instead of 230.40000000000003
  const scaled = (exponent < 0 ? raw / 10 ** -exponent : raw * 10 ** exponent) * p.scale;
  if (p.identity !== undefined) return scaled;
  const factor = canonicalUnit(p.unit).factor;
  return factor === 1e-3 ? scaled / 1000 : scaled * factor;
}
