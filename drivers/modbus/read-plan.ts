/**
 * Coalesces the register spans a device's points need into the fewest read requests: sorted per function code,
 * merged while the gap between spans is at most `maxGap` registers and the request stays within the protocol
 * limit (125 registers, 2000 bits). A block the device refuses with an addressing exception is split again:
 * first into contiguous runs, then into single spans.
 */
import type { FunctionCode } from '../profiles/device-profile.js';

export interface RegisterSpan {
  readonly fc: FunctionCode;
  readonly address: number;
  readonly count: number;
}

export interface ReadBlock {
  readonly fc: FunctionCode;
  readonly address: number;
  readonly count: number;
  /** Indices of the spans this block covers. */
  readonly members: readonly number[];
}

export interface PlanOptions {
  /** Largest run of unused registers bridged inside one request (default 16). */
  readonly maxGap?: number;
  /** Registers per request for FC 3/4, at most 125 (default 125). */
  readonly maxRegisters?: number;
  /** Bits per request for FC 1/2, at most 2000 (default 2000). */
  readonly maxBits?: number;
}

export function planReads(spans: readonly RegisterSpan[], options: PlanOptions = {}): ReadBlock[] {
  const maxGap = Math.max(0, options.maxGap ?? 16);
  const maxRegs = Math.min(125, options.maxRegisters ?? 125);
  const maxBits = Math.min(2000, options.maxBits ?? 2000);
  const order = spans.map((_, i) => i).sort((a, b) => {
    const x = spans[a]!;
    const y = spans[b]!;
    return x.fc - y.fc || x.address - y.address || y.count - x.count;
  });
  const blocks: ReadBlock[] = [];
  let cur: { fc: FunctionCode; address: number; end: number; members: number[] } | undefined;
  for (const i of order) {
    const s = spans[i]!;
    const limit = s.fc <= 2 ? maxBits : maxRegs;
    const end = s.address + s.count;
    if (cur !== undefined && cur.fc === s.fc && s.address - cur.end <= maxGap && Math.max(cur.end, end) - cur.address <= limit) {
      cur.end = Math.max(cur.end, end);
      cur.members.push(i);
      continue;
    }
    if (cur !== undefined) blocks.push({ fc: cur.fc, address: cur.address, count: cur.end - cur.address, members: cur.members });
    cur = { fc: s.fc, address: s.address, end, members: [i] };
  }
  if (cur !== undefined) blocks.push({ fc: cur.fc, address: cur.address, count: cur.end - cur.address, members: cur.members });
  return blocks;
}

/**
 * Smaller blocks after the device refused `block` with an addressing exception: contiguous runs if the block
 * bridged gaps, otherwise one block per distinct span. A single span cannot be split (answer []).
 */
export function splitBlock(block: ReadBlock, spans: readonly RegisterSpan[]): ReadBlock[] {
  const members = block.members.map((i) => spans[i]!);
  const runs = planReads(members, { maxGap: 0 });
  if (runs.length > 1) return runs.map((r) => ({ ...r, members: r.members.map((m) => block.members[m]!) }));
  const distinct = new Map<string, number[]>();
  block.members.forEach((i) => {
    const s = spans[i]!;
    const key = `${s.address}:${s.count}`;
    distinct.set(key, [...(distinct.get(key) ?? []), i]);
  });
  if (distinct.size <= 1) return [];
  return [...distinct.values()].map((idx) => {
    const s = spans[idx[0]!]!;
    return { fc: s.fc, address: s.address, count: s.count, members: idx };
  });
}
