/**
 * Local calendar of Europe/Berlin (CET/CEST) by the EU summer-time rule in force since 1996: summer time from
 * 01:00 UTC on the last Sunday of March to 01:00 UTC on the last Sunday of October. Implemented by the rule rather
 * than Intl so that it is pure, fast enough for rollups of millions of intervals, and identical on every runtime.
 * Day and month starts are returned as UTC epoch ms of local midnight.
 */
import { DAY_MS, HOUR_MS, INTERVAL_MS } from '../time-grid.js';

export const LOCAL_TIMEZONE = 'Europe/Berlin';

const lastSundayAt0100Utc = (year: number, monthIndex: number): number => {
  const lastDay = new Date(Date.UTC(year, monthIndex + 1, 0));
  return Date.UTC(year, monthIndex, lastDay.getUTCDate() - lastDay.getUTCDay(), 1);
};

const transitions = new Map<number, readonly [number, number]>();
const summerTimeSpan = (year: number): readonly [number, number] => {
  let span = transitions.get(year);
  if (span === undefined) {
    span = [lastSundayAt0100Utc(year, 2), lastSundayAt0100Utc(year, 9)];
    transitions.set(year, span);
  }
  return span;
};

/** Offset of local time from UTC at the UTC instant utc, ms (3,600,000 in winter, 7,200,000 in summer). */
export function utcOffsetMs(utc: number): number {
  const [begin, end] = summerTimeSpan(new Date(utc).getUTCFullYear());
  return utc >= begin && utc < end ? 2 * HOUR_MS : HOUR_MS;
}

/** Local wall-clock time as if it were UTC (for reading off fields with getUTC*). */
export const toLocalWallClock = (utc: number): number => utc + utcOffsetMs(utc);

/**
 * UTC instant of a local wall-clock time (given as ms "as if UTC"). Returns null for a time that does not exist
 * (the skipped hour in March). For the repeated hour in October, the first occurrence (summer time) is returned
 * unless preferLater is set.
 */
export function localToUtc(wallClock: number, preferLater = false): number | null {
  const summer = wallClock - 2 * HOUR_MS;
  const winter = wallClock - HOUR_MS;
  const summerOk = utcOffsetMs(summer) === 2 * HOUR_MS;
  const winterOk = utcOffsetMs(winter) === HOUR_MS;
  if (summerOk && winterOk) return preferLater ? winter : summer;
  if (summerOk) return summer;
  if (winterOk) return winter;
  return null;
}

const midnightToUtc = (wallClockMidnight: number): number => {
  const utc = localToUtc(wallClockMidnight);
  // Midnight always exists in Europe/Berlin (the clocks change at 02:00/03:00).
  if (utc === null) throw new RangeError(`local midnight ${new Date(wallClockMidnight).toISOString()} does not exist`);
  return utc;
};

/** UTC ms of the local midnight that starts the local day containing utc. */
export function localDayStart(utc: number): number {
  const wall = toLocalWallClock(utc);
  return midnightToUtc(Math.floor(wall / DAY_MS) * DAY_MS);
}

/** UTC ms of the next local midnight after the local day that starts at dayStart. */
export function nextLocalDay(dayStart: number): number {
  const wall = Math.floor(toLocalWallClock(dayStart) / DAY_MS) * DAY_MS;
  return midnightToUtc(wall + DAY_MS);
}

/** UTC ms of local midnight on the first of the local month containing utc. */
export function localMonthStart(utc: number): number {
  const wall = new Date(toLocalWallClock(utc));
  return midnightToUtc(Date.UTC(wall.getUTCFullYear(), wall.getUTCMonth(), 1));
}

/** UTC ms of local midnight on the first of the month after the local month containing utc. */
export function nextLocalMonth(utc: number): number {
  const wall = new Date(toLocalWallClock(utc));
  return midnightToUtc(Date.UTC(wall.getUTCFullYear(), wall.getUTCMonth() + 1, 1));
}

/** 96 on ordinary days, 92 on the spring-forward day, 100 on the fall-back day. */
export const intervalsInLocalDay = (dayStart: number): number => (nextLocalDay(dayStart) - dayStart) / INTERVAL_MS;

/** "2024-03-31 03:15" in local time, for messages and CSV exports. */
export function formatLocal(utc: number): string {
  return new Date(toLocalWallClock(utc)).toISOString().slice(0, 16).replace('T', ' ');
}
