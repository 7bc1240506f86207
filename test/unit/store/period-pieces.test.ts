import { describe, expect, it } from 'vitest';
import { periodPieces, slotCount } from '../../../main/core/store/period-pieces.js';

const U = Date.UTC;

describe('splitting a period into rollup levels', () => {
  it('uses whole local months, days, hours and ragged quarter hours', () => {
    // 2024-03-30 21:30 UTC (22:30 local) .. 2024-05-02 01:15 UTC (03:15 local)
    const p = periodPieces(U(2024, 2, 30, 21, 30), U(2024, 4, 2, 1, 15));
    expect(p.slot).toEqual([
      [U(2024, 2, 30, 21, 30), U(2024, 2, 30, 22)],
      [U(2024, 4, 2, 1), U(2024, 4, 2, 1, 15)],
    ]);
    // local 23:00 on 03-30 is 22:00 UTC; then the 31st is a whole day (23 h, summer time starts)
    expect(p.hour).toEqual([
      [U(2024, 2, 30, 22), U(2024, 2, 30, 23)],
      [U(2024, 4, 1, 22), U(2024, 4, 2, 1)],
    ]);
    expect(p.day).toEqual([[U(2024, 2, 30, 23), U(2024, 2, 31, 22)], [U(2024, 3, 30, 22), U(2024, 4, 1, 22)]]);
    expect(p.month).toEqual([[U(2024, 2, 31, 22), U(2024, 3, 30, 22)]]);
  });

  it('covers a local year with twelve months only', () => {
    const p = periodPieces(U(2024, 11, 31, 23), U(2025, 11, 31, 23));
    expect(p.month).toEqual([[U(2024, 11, 31, 23), U(2025, 11, 31, 23)]]);
    expect([p.day, p.hour, p.slot]).toEqual([[], [], []]);
  });

  it('counts the quarter hours that start in a period', () => {
    expect(slotCount(U(2024, 0, 1), U(2024, 0, 2))).toBe(96);
    expect(slotCount(U(2024, 0, 1, 0, 5), U(2024, 0, 1, 0, 31))).toBe(2);
  });
});
