import { describe, expect, it } from 'vitest';
import { decodeModel, repeatCount } from '../../../drivers/sunspec/decode-model.js';
import { modelLayout } from '../../../drivers/sunspec/model-layout.js';

describe('SunSpec model layouts from the JSON definitions', () => {
  it('knows the standard model lengths', () => {
    // lengths (L) from the SunSpec specification
    expect(modelLayout(1)?.fixedLength).toBe(66);
    expect(modelLayout(101)?.fixedLength).toBe(50);
    expect(modelLayout(103)?.fixedLength).toBe(50);
    expect(modelLayout(113)?.fixedLength).toBe(60);
    expect(modelLayout(203)?.fixedLength).toBe(105);
    expect(modelLayout(213)?.fixedLength).toBe(124);
    expect(modelLayout(160)?.fixedLength).toBe(8);
    expect(modelLayout(160)?.groups[0]?.length).toBe(20);
    expect(modelLayout(64999)).toBeUndefined();
  });

  it('places points at their offsets (103: W at 14, W_SF at 15, WH at 24)', () => {
    const l = modelLayout(103)!;
    const at = (n: string) => l.points.find((p) => p.name === n)?.offset;
    expect([at('ID'), at('L'), at('A'), at('W'), at('W_SF'), at('WH'), at('WH_SF')]).toEqual([0, 1, 2, 14, 15, 24, 26]);
  });

  it('counts repeating groups from L', () => {
    expect(repeatCount(modelLayout(160)!, 8 + 3 * 20)).toEqual([3]);
    expect(repeatCount(modelLayout(160)!, 8)).toEqual([0]);
  });

  it('decodes values with scale factors and sentinels', () => {
    const words = new Array<number>(52).fill(0);
    words[0] = 103;
    words[1] = 50;
    words[14] = 0xfb2e; // W = -1234
    words[15] = 0xffff; // W_SF = -1
    words[24] = 0x0001; // WH high
    words[25] = 0x0000; // WH = 65536
    words[26] = 2; // WH_SF
    words[2] = 0xffff; // A not implemented (uint16 sentinel)
    words[6] = 0;
    const values = new Map(decodeModel(modelLayout(103)!, words, 50).map((p) => [p.path, p.value]));
    expect(values.get('W')).toBeCloseTo(-123.4, 10);
    expect(values.get('WH')).toBe(6_553_600);
    expect(values.get('A')).toBeNull();
  });
});
