/**
 * Local wall time of a time zone without a date library: offsets come from Intl once per UTC hour and are cached,
 * because a CSV of a year of 15-minute values for a thousand points formats 35 million time stamps.
 */
const HOUR = 3_600_000;

const offsetFormatters = new Map<string, Intl.DateTimeFormat>();

const formatterFor = (timeZone: string): Intl.DateTimeFormat => {
  let f = offsetFormatters.get(timeZone);
  if (f === undefined) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' });
    offsetFormatters.set(timeZone, f);
  }
  return f;
};

/** Throws a RangeError naming the zone when Intl does not know it. */
export const checkTimeZone = (timeZone: string): void => {
  try {
    formatterFor(timeZone);
  } catch {
    throw new RangeError(`unknown time zone '${timeZone}'`);
  }
};

const offsetCache = new Map<string, Map<number, number>>();

/** Offset of local time from UTC at instant ts, in ms (Europe/Berlin: +3,600,000 in winter). */
export const utcOffsetMs = (ts: number, timeZone: string): number => {
  let zone = offsetCache.get(timeZone);
  if (zone === undefined) {
    zone = new Map();
    offsetCache.set(timeZone, zone);
  }
  // Offsets change on whole quarter hours at most; every zone in use changes them on a full UTC hour or half hour,
  // so caching per UTC quarter hour is exact and still cheap (35,040 entries per year).
  const key = Math.floor(ts / (HOUR / 4));
  let off = zone.get(key);
  if (off === undefined) {
    const name = formatterFor(timeZone).formatToParts(new Date(key * (HOUR / 4))).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
    const m = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
    off = m === null ? 0 : (m[1] === '-' ? -1 : 1) * (Number(m[2]) * HOUR + Number(m[3]) * 60_000);
    if (zone.size > 400_000) zone.clear();
    zone.set(key, off);
  }
  return off;
};

/** The UTC instant of a local wall-clock time; in the spring gap the later offset wins, in the autumn fold the earlier. */
export const zonedToUtc = (year: number, month0: number, day: number, timeZone: string, hour = 0, minute = 0): number => {
  const wall = Date.UTC(year, month0, day, hour, minute);
  let ts = wall - utcOffsetMs(wall, timeZone);
  ts = wall - utcOffsetMs(ts, timeZone);
  return ts;
};

export interface LocalParts {
  readonly year: number;
  /** 0..11 */
  readonly month0: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  readonly offsetMs: number;
}

export const localParts = (ts: number, timeZone: string): LocalParts => {
  const offsetMs = utcOffsetMs(ts, timeZone);
  const d = new Date(ts + offsetMs);
  return {
    year: d.getUTCFullYear(),
    month0: d.getUTCMonth(),
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    offsetMs,
  };
};

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

/** "+02:00" */
export const offsetText = (offsetMs: number): string => {
  const sign = offsetMs < 0 ? '-' : '+';
  const abs = Math.abs(offsetMs) / 60_000;
  return `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
};

/** ISO 8601 local time with offset: 2025-03-30T03:00:00+02:00 */
export const isoLocal = (ts: number, timeZone: string): string => {
  const p = localParts(ts, timeZone);
  return `${p.year}-${pad(p.month0 + 1)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}${offsetText(p.offsetMs)}`;
};

/** ISO 8601 UTC without milliseconds: 2025-03-30T01:00:00Z */
export const isoUtc = (ts: number): string => `${new Date(ts).toISOString().slice(0, 19)}Z`;

/** Start of the local calendar month after the one that contains ts. */
export const nextLocalMonth = (ts: number, timeZone: string): number => {
  const p = localParts(ts, timeZone);
  return zonedToUtc(p.year, p.month0 + 1, 1, timeZone);
};

/** The same local wall time `months` calendar months away (the 12-month window ends and starts at local midnight). */
export const addLocalMonths = (ts: number, months: number, timeZone: string): number => {
  const p = localParts(ts, timeZone);
  return zonedToUtc(p.year, p.month0 + months, p.day, timeZone, p.hour, p.minute);
};
