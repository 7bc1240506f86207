/** Local calendar days over a period and local wall times to UTC: what tariffs (dates, fixed charges) need. */
import type { Period } from '../../../models/energy/period.js';
import type { LocalDay } from '../../../models/tariffs/costs.js';
import { localParts, utcOffsetMs, zonedToUtc } from './local-time.js';

/** The local days that overlap the period (the first and last may reach outside it), with their month's length. */
export const localDays = (period: Period, timeZone: string): LocalDay[] => {
  const out: LocalDay[] = [];
  const p = localParts(period.from, timeZone);
  for (let k = 0; ; k++) {
    const from = zonedToUtc(p.year, p.month0, p.day + k, timeZone);
    if (from >= period.to) break;
    const to = zonedToUtc(p.year, p.month0, p.day + k + 1, timeZone);
    const d = new Date(Date.UTC(p.year, p.month0, p.day + k));
    out.push({ from, to, daysInMonth: new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate() });
  }
  return out;
};

/**
 * A local wall time (written as if UTC, ms) to the UTC instant in timeZone: null in the spring gap; in the autumn
 * fold the earlier instant (summer time), or the later one with preferLater.
 */
export const wallToUtc =
  (timeZone: string) =>
  (wallMs: number, preferLater: boolean): number | null => {
    const offsets = new Set([utcOffsetMs(wallMs - 86_400_000, timeZone), utcOffsetMs(wallMs + 86_400_000, timeZone), utcOffsetMs(wallMs, timeZone)]);
    const hits = [...offsets].map((o) => wallMs - o).filter((u) => u + utcOffsetMs(u, timeZone) === wallMs);
    if (hits.length === 0) return null;
    return preferLater ? Math.max(...hits) : Math.min(...hits);
  };

/** The UTC instant of a local date's midnight ("2025-03-30"). */
export const localDateStart = (date: { year: number; month0: number; day: number }, timeZone: string): number => zonedToUtc(date.year, date.month0, date.day, timeZone);
