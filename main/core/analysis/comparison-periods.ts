/**
 * The periods a chosen period is compared with (docs/costs.md), both of the same local calendar length:
 * - a period from one local month start to another is that many months (July = 1 month, a year = 12 months);
 * - else a period from one local midnight to another is that many local days (a week = 7 days, DST days included);
 * - else (a window inside a day) it is that many milliseconds.
 * previous: the same length ending where the period starts (June before July; the 7 days before a week).
 * lastYear: starts at the same local date and time 12 months earlier and has the same length. 29 February has no
 * date a year earlier: it becomes 28 February (the month's last day), so 29 Feb 2024 compares with 28 Feb 2023
 * and the week 23-29 Feb 2024 with 23 Feb-1 Mar 2023 (7 days each). A month stays a month: February 2024
 * (29 days) compares with February 2023 (28 days).
 */
import type { Period } from '../../../models/energy/period.js';
import { localParts, zonedToUtc, type LocalParts } from './local-time.js';

export type CalendarLength =
  | { readonly unit: 'months'; readonly n: number }
  | { readonly unit: 'days'; readonly n: number }
  | { readonly unit: 'ms'; readonly n: number };

const isMidnight = (p: LocalParts) => p.hour === 0 && p.minute === 0 && p.second === 0;

/** Whole local days between two local midnights (a calendar count: DST days are one day each). */
const dayCount = (a: LocalParts, b: LocalParts) => Math.round((Date.UTC(b.year, b.month0, b.day) - Date.UTC(a.year, a.month0, a.day)) / 86_400_000);

export const calendarLength = (period: Period, timeZone: string): CalendarLength => {
  const a = localParts(period.from, timeZone);
  const b = localParts(period.to, timeZone);
  if (isMidnight(a) && isMidnight(b)) {
    if (a.day === 1 && b.day === 1) return { unit: 'months', n: (b.year - a.year) * 12 + (b.month0 - a.month0) };
    return { unit: 'days', n: dayCount(a, b) };
  }
  return { unit: 'ms', n: period.to - period.from };
};

/** The instant `length` after (sign 1) or before (sign -1) the local time p. */
const move = (p: LocalParts, ts: number, length: CalendarLength, sign: 1 | -1, timeZone: string): number => {
  if (length.unit === 'months') return zonedToUtc(p.year, p.month0 + sign * length.n, p.day, timeZone, p.hour, p.minute);
  if (length.unit === 'days') return zonedToUtc(p.year, p.month0, p.day + sign * length.n, timeZone, p.hour, p.minute);
  return ts + sign * length.n;
};

const daysInMonth = (year: number, month0: number) => new Date(Date.UTC(year, month0 + 1, 0)).getUTCDate();

/** On the step grid (an hourly analysis needs hourly bounds; local midnights are whole hours in every zone in use). */
const onGrid = (p: Period, stepMs: number): Period => ({ from: Math.floor(p.from / stepMs) * stepMs, to: Math.floor(p.to / stepMs) * stepMs });

export const previousPeriod = (period: Period, timeZone: string, stepMs: number): Period => {
  const length = calendarLength(period, timeZone);
  return onGrid({ from: move(localParts(period.from, timeZone), period.from, length, -1, timeZone), to: period.from }, stepMs);
};

export const lastYearPeriod = (period: Period, timeZone: string, stepMs: number): Period => {
  const length = calendarLength(period, timeZone);
  const a = localParts(period.from, timeZone);
  const day = Math.min(a.day, daysInMonth(a.year - 1, a.month0));
  const from = zonedToUtc(a.year - 1, a.month0, day, timeZone, a.hour, a.minute);
  return onGrid({ from, to: move(localParts(from, timeZone), from, length, 1, timeZone) }, stepMs);
};
