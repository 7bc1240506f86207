import { describe, expect, it } from 'vitest';
import {
  formatLocal,
  intervalsInLocalDay,
  localDayStart,
  localMonthStart,
  localToUtc,
  nextLocalDay,
  nextLocalMonth,
  utcOffsetMs,
} from '../../../models/intervals/local-calendar.js';

const H = 3_600_000;

describe('Europe/Berlin local calendar', () => {
  it('switches to summer time at 01:00 UTC on the last Sunday of March and back in October', () => {
    expect(utcOffsetMs(Date.UTC(2024, 2, 31, 0, 59))).toBe(H);
    expect(utcOffsetMs(Date.UTC(2024, 2, 31, 1, 0))).toBe(2 * H);
    expect(utcOffsetMs(Date.UTC(2024, 9, 27, 0, 59))).toBe(2 * H);
    expect(utcOffsetMs(Date.UTC(2024, 9, 27, 1, 0))).toBe(H);
    expect(utcOffsetMs(Date.UTC(2025, 2, 30, 1, 0))).toBe(2 * H);
    expect(utcOffsetMs(Date.UTC(2025, 2, 29, 12))).toBe(H);
  });

  it('has 92, 96 and 100 quarter hours on the spring, ordinary and autumn days', () => {
    expect(intervalsInLocalDay(localDayStart(Date.UTC(2024, 2, 31, 12)))).toBe(92);
    expect(intervalsInLocalDay(localDayStart(Date.UTC(2024, 5, 1, 12)))).toBe(96);
    expect(intervalsInLocalDay(localDayStart(Date.UTC(2024, 9, 27, 12)))).toBe(100);
    expect(intervalsInLocalDay(localDayStart(Date.UTC(2025, 9, 26, 12)))).toBe(100);
  });

  it('starts local days at local midnight in either season', () => {
    expect(localDayStart(Date.UTC(2024, 0, 15, 23, 30))).toBe(Date.UTC(2024, 0, 15, 23));
    expect(localDayStart(Date.UTC(2024, 0, 15, 22, 59))).toBe(Date.UTC(2024, 0, 14, 23));
    expect(localDayStart(Date.UTC(2024, 6, 15, 22, 0))).toBe(Date.UTC(2024, 6, 15, 22));
    expect(nextLocalDay(Date.UTC(2024, 2, 30, 23))).toBe(Date.UTC(2024, 2, 31, 22));
    expect(nextLocalDay(Date.UTC(2024, 9, 26, 22))).toBe(Date.UTC(2024, 9, 27, 23));
  });

  it('starts local months on the first at local midnight', () => {
    expect(localMonthStart(Date.UTC(2024, 3, 15))).toBe(Date.UTC(2024, 2, 31, 22));
    expect(nextLocalMonth(Date.UTC(2024, 2, 31, 22))).toBe(Date.UTC(2024, 3, 30, 22));
    expect(localMonthStart(Date.UTC(2024, 11, 31, 23, 30))).toBe(Date.UTC(2024, 11, 31, 23));
    expect(nextLocalMonth(Date.UTC(2024, 9, 15))).toBe(Date.UTC(2024, 9, 31, 23));
  });

  it('maps local wall-clock times to UTC, rejecting the skipped hour and resolving the repeated one', () => {
    expect(localToUtc(Date.UTC(2024, 2, 31, 2, 30))).toBeNull();
    expect(localToUtc(Date.UTC(2024, 2, 31, 3, 0))).toBe(Date.UTC(2024, 2, 31, 1));
    expect(localToUtc(Date.UTC(2024, 9, 27, 2, 30))).toBe(Date.UTC(2024, 9, 27, 0, 30));
    expect(localToUtc(Date.UTC(2024, 9, 27, 2, 30), true)).toBe(Date.UTC(2024, 9, 27, 1, 30));
    expect(formatLocal(Date.UTC(2024, 9, 27, 1, 30))).toBe('2024-10-27 02:30');
  });
});
