/**
 * Day and month boundaries in the site's time zone ("today" in Bottrop, not in UTC and not in the browser's zone),
 * computed with Intl only so that daylight-saving days have 23 or 25 hours as they should.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();

function partsFormatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

export interface WallTime {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
}

export function wallTime(ts: number, timeZone: string): WallTime {
  const get = (parts: Intl.DateTimeFormatPart[], type: string): number =>
    Number(parts.find((p) => p.type === type)?.value ?? Number.NaN);
  const parts = partsFormatter(timeZone).formatToParts(new Date(ts));
  return {
    year: get(parts, 'year'),
    month: get(parts, 'month'),
    day: get(parts, 'day'),
    hour: get(parts, 'hour'),
    minute: get(parts, 'minute'),
    second: get(parts, 'second'),
  };
}

/** Offset of the zone from UTC at ts, ms (Berlin: +1 h in winter, +2 h in summer). */
export function zoneOffsetMs(ts: number, timeZone: string): number {
  const w = wallTime(ts, timeZone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return asUtc - Math.floor(ts / 1000) * 1000;
}

/** UTC instant of a wall-clock time in the zone; two passes settle the offset around DST changes. */
export function zonedToUtc(year: number, month: number, day: number, timeZone: string): number {
  const guess = Date.UTC(year, month - 1, day);
  let ts = guess - zoneOffsetMs(guess, timeZone);
  ts = guess - zoneOffsetMs(ts, timeZone);
  return ts;
}

export function startOfDay(ts: number, timeZone: string): number {
  const w = wallTime(ts, timeZone);
  return zonedToUtc(w.year, w.month, w.day, timeZone);
}

export function startOfMonth(ts: number, timeZone: string): number {
  const w = wallTime(ts, timeZone);
  return zonedToUtc(w.year, w.month, 1, timeZone);
}

/** A zone name the browser knows, else UTC (a bad site config must not break the UI). */
export function safeTimeZone(timeZone: string | undefined): string {
  if (!timeZone) return 'UTC';
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return timeZone;
  } catch {
    return 'UTC';
  }
}
