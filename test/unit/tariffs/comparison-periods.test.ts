/** The previous period and the same period last year (main/core/analysis/comparison-periods.ts), in Europe/Berlin. */
import { describe, expect, it } from 'vitest';
import { calendarLength, lastYearPeriod, previousPeriod } from '../../../main/core/analysis/comparison-periods.js';
import { zonedToUtc } from '../../../main/core/analysis/local-time.js';

const Z = 'Europe/Berlin';
const Q = 900_000;
/** Local midnight of y-m-d (m 1-based). */
const day = (y: number, m: number, d: number) => zonedToUtc(y, m - 1, d, Z);

describe('comparison periods of the same local calendar length', () => {
  it('a month compares with the month before and the same month a year earlier', () => {
    const july = { from: day(2025, 7, 1), to: day(2025, 8, 1) };
    expect(calendarLength(july, Z)).toEqual({ unit: 'months', n: 1 });
    expect(previousPeriod(july, Z, Q)).toEqual({ from: day(2025, 6, 1), to: day(2025, 7, 1) });
    expect(lastYearPeriod(july, Z, Q)).toEqual({ from: day(2024, 7, 1), to: day(2024, 8, 1) });
  });

  it('a year compares with the year before (both ways the same)', () => {
    const y = { from: day(2025, 1, 1), to: day(2026, 1, 1) };
    expect(previousPeriod(y, Z, Q)).toEqual({ from: day(2024, 1, 1), to: day(2025, 1, 1) });
    expect(lastYearPeriod(y, Z, Q)).toEqual({ from: day(2024, 1, 1), to: day(2025, 1, 1) });
  });

  it('February 2024 (29 days) compares with February 2023 (28 days): a month stays a month', () => {
    const feb = { from: day(2024, 2, 1), to: day(2024, 3, 1) };
    expect(lastYearPeriod(feb, Z, Q)).toEqual({ from: day(2023, 2, 1), to: day(2023, 3, 1) });
    expect(previousPeriod(feb, Z, Q)).toEqual({ from: day(2024, 1, 1), to: day(2024, 2, 1) });
  });

  it('29 February 2024 compares with 28 February 2023; the week ending on it with 7 days from 23 February 2023', () => {
    const leap = { from: day(2024, 2, 29), to: day(2024, 3, 1) };
    expect(calendarLength(leap, Z)).toEqual({ unit: 'days', n: 1 });
    expect(lastYearPeriod(leap, Z, Q)).toEqual({ from: day(2023, 2, 28), to: day(2023, 3, 1) });
    expect(previousPeriod(leap, Z, Q)).toEqual({ from: day(2024, 2, 28), to: day(2024, 2, 29) });
    const week = { from: day(2024, 2, 23), to: day(2024, 3, 1) };
    // 23 Feb 2023 + 7 days = 2 March 2023 (2023 has no 29 February)
    expect(lastYearPeriod(week, Z, Q)).toEqual({ from: day(2023, 2, 23), to: day(2023, 3, 2) });
  });

  it('a week over the switch to summer time has 7 local days (167 hours), and so has the week before (168 hours)', () => {
    const week = { from: day(2025, 3, 24), to: day(2025, 3, 31) };
    expect(calendarLength(week, Z)).toEqual({ unit: 'days', n: 7 });
    expect((week.to - week.from) / 3_600_000).toBe(167);
    const prev = previousPeriod(week, Z, Q);
    expect(prev).toEqual({ from: day(2025, 3, 17), to: day(2025, 3, 24) });
    expect((prev.to - prev.from) / 3_600_000).toBe(168);
  });

  it('a window inside a day keeps its length in time', () => {
    const w = { from: day(2025, 6, 1) + 6 * 3_600_000, to: day(2025, 6, 1) + 9 * 3_600_000 };
    expect(previousPeriod(w, Z, Q)).toEqual({ from: w.from - 3 * 3_600_000, to: w.from });
    expect(lastYearPeriod(w, Z, Q)).toEqual({ from: day(2024, 6, 1) + 6 * 3_600_000, to: day(2024, 6, 1) + 9 * 3_600_000 });
  });
});
