/** Whole local days of the site picked with two date inputs: the form reports and scenarios take them in. */
import { wallTime, zonedToUtc } from '../time/zoned-time.js';

const pad = (n: number): string => String(n).padStart(2, '0');

/** 'YYYY-MM-DD' of ts in the zone. */
export function isoDay(ts: number, timeZone: string): string {
  const w = wallTime(ts, timeZone);
  return `${w.year}-${pad(w.month)}-${pad(w.day)}`;
}

/** Local midnight of a 'YYYY-MM-DD' day, UTC epoch ms; null for anything else. */
export function dayStart(day: string, timeZone: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) return null;
  return zonedToUtc(Number(m[1]), Number(m[2]), Number(m[3]), timeZone);
}

/** [from, to) of the days first..last (last inclusive), or null when either is not a date or last is before first. */
export function dayRange(first: string, last: string, timeZone: string): { from: number; to: number } | null {
  const from = dayStart(first, timeZone);
  const lastStart = dayStart(last, timeZone);
  if (from === null || lastStart === null || lastStart < from) return null;
  // the next local midnight: 36 h later lands inside the next day whatever the DST change
  const to = dayStart(isoDay(lastStart + 36 * 3_600_000, timeZone), timeZone);
  return to === null ? null : { from, to };
}
