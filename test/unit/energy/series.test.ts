import { describe, expect, it } from 'vitest';
import { makeSeries, seriesFromBuckets } from '../../../models/energy/series.js';
import { MISSING_CODE, qualityOfCode } from '../../../models/energy/quality.js';
import { INTERVAL_MS } from '../../../models/time-grid.js';
import { T0, series } from './helpers.js';

describe('makeSeries fills the roles a meter set does not measure', () => {
  it('derives consumption from a grid meter and a PV meter', () => {
    const s = series({ carrier: 'electricity', generation: [0, 2, 4], import: [1, 0, 0], export: [0, 1, 3] });
    expect([...s.consumption]).toEqual([1, 1, 1]);
  });

  it('derives import and export from consumption and generation', () => {
    const s = series({ carrier: 'electricity', consumption: [1, 1, 1], generation: [0, 2, 0.5] });
    expect([...s.import]).toEqual([1, 0, 0.5]);
    expect([...s.export]).toEqual([0, 1, 0]);
  });

  it('treats a gas meter (consumption only) as all import', () => {
    const s = series({ carrier: 'gas', consumption: [3, 4] });
    expect([...s.import]).toEqual([3, 4]);
    expect([...s.generation]).toEqual([0, 0]);
  });

  it('marks a slot without values as missing and NaN in every role', () => {
    const s = series({ carrier: 'gas', consumption: [3, null, 2], quality: ['measured', 'measured', 'estimated'] });
    expect(s.quality[1]).toBe(MISSING_CODE);
    expect(Number.isNaN(s.import[1])).toBe(true);
    expect(qualityOfCode(s.quality[2] as number)).toBe('estimated');
  });

  it('names the problem and the slot for bad input', () => {
    const neg = makeSeries({ carrier: 'electricity', start: T0, consumption: [1, 1], generation: [0, -2] });
    expect(neg.ok).toBe(false);
    if (!neg.ok) expect(neg.error.where).toBe('electricity[1]');
    const len = makeSeries({ carrier: 'gas', start: T0, consumption: [1, 1], quality: ['measured'] });
    expect(len.ok).toBe(false);
    if (!len.ok) expect(len.error.message).toMatch(/length/);
    const q = makeSeries({ carrier: 'gas', start: T0, consumption: [1], quality: ['great' as never] });
    expect(q.ok).toBe(false);
    const none = makeSeries({ carrier: 'electricity', start: T0, generation: [1] });
    expect(none.ok).toBe(false);
    const negL = makeSeries({ carrier: 'gas', start: T0, consumption: [2, -1] });
    expect(!negL.ok && negL.error.message).toMatch(/consumption must not be negative/);
    const inf = makeSeries({ carrier: 'gas', start: T0, consumption: [Infinity] });
    expect(inf.ok).toBe(false);
  });
});

describe('seriesFromBuckets', () => {
  const bucket = (i: number, kwh: number) => ({
    start: T0 + i * INTERVAL_MS,
    consumptionKwh: kwh,
    generationKwh: 0,
    importKwh: kwh,
    exportKwh: 0,
    quality: 'measured' as const,
  });

  it('puts buckets on the grid and leaves gaps missing', () => {
    const r = seriesFromBuckets('electricity', [bucket(0, 1), bucket(2, 3)], T0, T0 + 4 * INTERVAL_MS);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect([...r.value.import].map((v) => (Number.isNaN(v) ? null : v))).toEqual([1, null, 3, null]);
    expect([...r.value.quality].map(qualityOfCode)).toEqual(['measured', 'missing', 'measured', 'missing']);
  });

  it('rejects duplicates and off-grid buckets', () => {
    const dup = seriesFromBuckets('electricity', [bucket(1, 1), bucket(1, 2)], T0, T0 + 4 * INTERVAL_MS);
    expect(dup.ok).toBe(false);
    if (!dup.ok) expect(dup.error.where).toBe('buckets[1].start');
    const off = seriesFromBuckets('electricity', [{ ...bucket(0, 1), start: T0 + 1000 }], T0, T0 + 4 * INTERVAL_MS);
    expect(off.ok).toBe(false);
  });
});
