import { describe, expect, it } from 'vitest';
import { planReads, splitBlock, type RegisterSpan } from '../../../drivers/modbus/read-plan.js';

const span = (address: number, count = 2, fc: 1 | 2 | 3 | 4 = 3): RegisterSpan => ({ fc, address, count });

describe('planReads', () => {
  it('merges adjacent and overlapping spans into one request', () => {
    const blocks = planReads([span(4), span(0), span(2), span(3, 1)]);
    expect(blocks).toHaveLength(1);
    expect(blocks[0]).toMatchObject({ fc: 3, address: 0, count: 6 });
    expect([...blocks[0]!.members].sort()).toEqual([0, 1, 2, 3]);
  });

  it('bridges gaps up to maxGap and no further', () => {
    expect(planReads([span(0), span(12)], { maxGap: 10 })).toHaveLength(1);
    expect(planReads([span(0), span(13)], { maxGap: 10 })).toHaveLength(2);
    expect(planReads([span(0), span(3)], { maxGap: 0 })).toHaveLength(2);
  });

  it('never asks for more than 125 registers or mixes function codes', () => {
    const spans = Array.from({ length: 100 }, (_, i) => span(i * 2));
    const blocks = planReads(spans);
    expect(blocks.every((b) => b.count <= 125)).toBe(true);
    expect(blocks.map((b) => b.count)).toEqual([124, 76]);
    expect(planReads([span(0, 2, 3), span(2, 2, 4)])).toHaveLength(2);
  });

  it('allows up to 2000 bits for coils and discrete inputs', () => {
    const bits = Array.from({ length: 300 }, (_, i) => span(i * 10, 1, 1));
    const blocks = planReads(bits, { maxGap: 16 });
    expect(blocks.every((b) => b.count <= 2000)).toBe(true);
    expect(blocks).toHaveLength(2);
  });

  it('honours a smaller maxRegisters (one request per point as a baseline)', () => {
    expect(planReads([span(0, 1), span(1, 1)], { maxRegisters: 1, maxGap: 0 })).toHaveLength(2);
  });
});

describe('splitBlock', () => {
  it('splits a gap-bridging block into contiguous runs first, then into single spans', () => {
    const spans = [span(0), span(2), span(10), span(12, 1)];
    const [block] = planReads(spans, { maxGap: 10 });
    const runs = splitBlock(block!, spans);
    expect(runs.map((r) => [r.address, r.count])).toEqual([
      [0, 4],
      [10, 3],
    ]);
    const singles = splitBlock(runs[0]!, spans);
    expect(singles.map((r) => [r.address, r.count])).toEqual([
      [0, 2],
      [2, 2],
    ]);
    expect(splitBlock(singles[0]!, spans)).toEqual([]);
  });
});
