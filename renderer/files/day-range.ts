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

/**
 * A day as the date fields show it: 06.12.2026 in German, 2026-12-06 in English (unambiguous wherever the reader
 * lives). Text fields rather than the browser's date input, whose format follows the browser's language, not the app's.
 */
export function showDay(iso: string, lang: 'de' | 'en'): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return lang === 'de' && m ? `${m[3]}.${m[2]}.${m[1]}` : iso;
}

/** 'YYYY-MM-DD' from 06.12.2026, 6.12.2026 or 2026-12-06 (either language), or null when it is no calendar date. */
export function parseDay(text: string): string | null {
  const t = text.trim();
  const german = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(t);
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  const [y, mo, d] = german ? [german[3], german[2], german[1]] : iso ? [iso[1], iso[2], iso[3]] : [];
  if (y === undefined || mo === undefined || d === undefined) return null;
  const date = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d)));
  if (date.getUTCFullYear() !== Number(y) || date.getUTCMonth() !== Number(mo) - 1 || date.getUTCDate() !== Number(d)) return null;
  return `${y}-${pad(Number(mo))}-${pad(Number(d))}`;
}
