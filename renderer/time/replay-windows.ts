/**
 * What the building panel loads for a position of the time bar: the local day holding the slider's instant (its
 * quarter-hour curve, with a marker at the instant) and the bars around it: days of its month for the day and month
 * scopes, months of its year for the year scope.
 */
import type { TimeScope } from './time-window.js';
import { wallTime, zonedToUtc } from './zoned-time.js';

export interface Span {
  readonly from: number;
  readonly to: number;
}

export interface PanelWindows {
  /** The instant the slider stands on (the end of its step, at most now). */
  readonly focus: number;
  /** The whole local day the focus lies in (the focus at midnight belongs to the day before). */
  readonly day: Span;
  readonly bars: Span & { readonly resolution: 'day' | 'month' };
}

const QUARTER_HOUR_MS = 15 * 60 * 1000;

export function panelWindows(scope: TimeScope, focus: number, timeZone: string): PanelWindows {
  const w = wallTime(focus - 1, timeZone);
  const day = { from: zonedToUtc(w.year, w.month, w.day, timeZone), to: zonedToUtc(w.year, w.month, w.day + 1, timeZone) };
  const bars =
    scope === 'year'
      ? { from: zonedToUtc(w.year, 1, 1, timeZone), to: zonedToUtc(w.year + 1, 1, 1, timeZone), resolution: 'month' as const }
      : { from: zonedToUtc(w.year, w.month, 1, timeZone), to: zonedToUtc(w.year, w.month + 1, 1, timeZone), resolution: 'day' as const };
  return { focus, day, bars };
}

/**
 * How long a loaded window may be shown again from the cache: forever once it lies a quarter hour in the past
 * (late readings are flagged and rare), else liveMaxAgeMs, because a window reaching now keeps filling.
 */
export const windowMaxAge = (span: Span, now: number, liveMaxAgeMs: number): number =>
  span.to <= now - QUARTER_HOUR_MS ? Infinity : liveMaxAgeMs;

/** Cache key of a window. */
export const spanKey = (prefix: string, span: Span & { readonly resolution?: string }): string =>
  `${prefix}|${span.from}|${span.to}|${span.resolution ?? ''}`;
