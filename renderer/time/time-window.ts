/**
 * The period the scene shows when the user replays history: from the start of the chosen day, week, month or year
 * (in the site's time zone) to the end of the step the slider stands on. Steps are quarter hours of a day (92 or
 * 100 on DST days), days of a week (Monday to Sunday, ISO 8601 as in Germany) or of a month, months of a year.
 */
import { startOfDay, startOfMonth, wallTime, zonedToUtc } from './zoned-time.js';

export type TimeScope = 'day' | 'week' | 'month' | 'year';
export const TIME_SCOPES: readonly TimeScope[] = ['day', 'week', 'month', 'year'];

const QUARTER_HOUR_MS = 15 * 60 * 1000;

export interface ScopeFrame {
  readonly start: number;
  /** End of each step, ascending; the last is the end of the scope. */
  readonly stepEnds: readonly number[];
}

export function scopeFrame(scope: TimeScope, now: number, timeZone: string): ScopeFrame {
  const w = wallTime(now, timeZone);
  if (scope === 'day') {
    const start = startOfDay(now, timeZone);
    const end = zonedToUtc(w.year, w.month, w.day + 1, timeZone);
    const steps = Math.round((end - start) / QUARTER_HOUR_MS);
    return { start, stepEnds: Array.from({ length: steps }, (_, i) => start + (i + 1) * QUARTER_HOUR_MS) };
  }
  if (scope === 'week') {
    // days back to Monday: getUTCDay of the local date is 0 on Sunday
    const back = (new Date(Date.UTC(w.year, w.month - 1, w.day)).getUTCDay() + 6) % 7;
    const start = zonedToUtc(w.year, w.month, w.day - back, timeZone);
    return { start, stepEnds: Array.from({ length: 7 }, (_, i) => zonedToUtc(w.year, w.month, w.day - back + i + 1, timeZone)) };
  }
  if (scope === 'month') {
    const start = startOfMonth(now, timeZone);
    const days = new Date(Date.UTC(w.year, w.month, 0)).getUTCDate();
    return { start, stepEnds: Array.from({ length: days }, (_, i) => zonedToUtc(w.year, w.month, i + 2, timeZone)) };
  }
  const start = zonedToUtc(w.year, 1, 1, timeZone);
  return { start, stepEnds: Array.from({ length: 12 }, (_, i) => zonedToUtc(w.year, i + 2, 1, timeZone)) };
}

/** The step that contains `now` (1-based), i.e. where a live slider stands. */
export function liveStep(frame: ScopeFrame, now: number): number {
  const i = frame.stepEnds.findIndex((end) => now < end);
  return i === -1 ? frame.stepEnds.length : i + 1;
}

/** The period up to the end of step `step` (1-based), never beyond `now`. */
export function windowAt(frame: ScopeFrame, step: number, now: number): { from: number; to: number } {
  const clamped = Math.min(Math.max(1, Math.round(step)), frame.stepEnds.length);
  const to = Math.min(frame.stepEnds[clamped - 1] as number, now);
  return { from: frame.start, to: Math.max(frame.start + 1, to) };
}
