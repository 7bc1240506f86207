/**
 * Names of the period a panel shows, in the UI's locale and the site's time zone ("Mittwoch, 25. November 2026",
 * "November 2026", "25.11.2026, 00:00–12:15").
 */
import { dateFormat as format } from './date-format.js';

export const dayLabel = (locale: string, ts: number, timeZone: string): string =>
  format(locale, timeZone, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }).format(ts);

export const monthLabel = (locale: string, ts: number, timeZone: string): string =>
  format(locale, timeZone, { month: 'long', year: 'numeric' }).format(ts);

export const yearLabel = (locale: string, ts: number, timeZone: string): string =>
  format(locale, timeZone, { year: 'numeric' }).format(ts);

/** A period [from, to) as a range of date and time (its end as the time bar names it, "until 12:15"). */
export const rangeLabel = (locale: string, from: number, to: number, timeZone: string): string =>
  format(locale, timeZone, { dateStyle: 'medium', timeStyle: 'short' }).formatRange(from, Math.max(from, to));
