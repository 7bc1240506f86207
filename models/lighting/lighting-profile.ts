/**
 * Street lights over time: the level a light burns at a given moment (for the map) and the energy of a whole
 * inventory per step (for the analysis' "public lighting" class). Lights are grouped by position rounded to
 * 0.05 degree and by schedule, and each group's nights are computed once, each from the day before's
 * (twilight.ts, nightAfter). Half a cell, 0.025 degree, shifts the twilight by at most 6 s in longitude (the sun
 * moves 1 degree in 4 minutes) and, around 51 degrees north, by about 3 s (December) to 20 s (June) in latitude:
 * under 0.1 % of a night's hours, while a city's 5,000 lights need a handful of twilight searches per night.
 */
import { toLocalWallClock } from '../intervals/local-calendar.js';
import { nightSegments, type DimmingSchedule, type NightSegment } from './night-energy.js';
import { nightAfter, nightOf, type Night } from './twilight.js';

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

export interface LightForProfile {
  readonly lon: number;
  readonly lat: number;
  readonly powerW: number;
  readonly schedule: DimmingSchedule;
}

/** The local date (YYYY-MM-DD) of utc. */
const localDate = (utc: number): string => new Date(toLocalWallClock(utc)).toISOString().slice(0, 10);

/** A coordinate rounded to the 0.05-degree cell the nights are computed for. */
const cellOf = (deg: number): number => Math.round(deg * 20) / 20;
const dayBefore = (date: string): string => new Date(Date.parse(`${date}T00:00:00Z`) - DAY_MS).toISOString().slice(0, 10);

/** Nights by date and rounded position, computed once each. */
export class NightCache {
  private readonly nights = new Map<string, Night>();

  night(date: string, lat: number, lon: number): Night {
    const cell = `${cellOf(lat)}|${cellOf(lon)}`;
    const key = `${date}|${cell}`;
    let n = this.nights.get(key);
    if (n === undefined) {
      const yesterday = this.nights.get(`${dayBefore(date)}|${cell}`);
      n = yesterday === undefined ? nightOf(date, cellOf(lat), cellOf(lon)) : nightAfter(yesterday, date, cellOf(lat), cellOf(lon));
      this.nights.set(key, n);
    }
    return n;
  }

  /** The local dates whose nights can overlap [from, to): the day before from's through to's. */
  static datesAround(from: number, to: number): string[] {
    const out: string[] = [];
    for (let t = from - DAY_MS; t < to + DAY_MS; t += DAY_MS) {
      const d = localDate(t);
      if (out[out.length - 1] !== d) out.push(d);
    }
    return out;
  }
}

/** The level (%) a light burns at at time t: 0 in daylight, else its schedule's level then. */
export function levelAt(t: number, light: Pick<LightForProfile, 'lat' | 'lon' | 'schedule'>, cache = new NightCache()): number {
  // t lies in the night that began on its local date or in the one that began the day before
  for (const date of [localDate(t - DAY_MS), localDate(t)]) {
    const seg = nightSegments(cache.night(date, light.lat, light.lon), light.schedule).find((s) => s.from <= t && t < s.to);
    if (seg !== undefined) return seg.percent;
  }
  return 0;
}

const groupKey = (l: LightForProfile): string =>
  `${cellOf(l.lat)}|${cellOf(l.lon)}|${l.schedule.steps.map((s) => `${s.percent}@${s.until}`).join(' ')}|${l.schedule.thenPercent}`;

/** Adds kW x hours of a segment to the steps it overlaps. */
function addSegment(out: Float64Array, from: number, stepMs: number, seg: NightSegment, kw: number): void {
  const a = Math.max(seg.from, from);
  const b = Math.min(seg.to, from + out.length * stepMs);
  if (!(b > a)) return;
  const level = kw * (seg.percent / 100);
  for (let j = Math.floor((a - from) / stepMs); j < out.length; j++) {
    const s0 = from + j * stepMs;
    if (s0 >= b) break;
    const overlap = Math.min(b, s0 + stepMs) - Math.max(a, s0);
    if (overlap > 0) out[j] = (out[j] as number) + (level * overlap) / HOUR_MS;
  }
}

/** kWh of all lights per step of stepMs over [from, to) (from and to on the step's grid). */
export function lightingProfile(lights: readonly LightForProfile[], from: number, to: number, stepMs: number, cache = new NightCache()): Float64Array {
  const out = new Float64Array(Math.round((to - from) / stepMs));
  const groups = new Map<string, { light: LightForProfile; kw: number }>();
  for (const l of lights) {
    const key = groupKey(l);
    const g = groups.get(key);
    if (g === undefined) groups.set(key, { light: l, kw: l.powerW / 1000 });
    else g.kw += l.powerW / 1000;
  }
  const dates = NightCache.datesAround(from, to);
  for (const { light, kw } of groups.values())
    for (const date of dates)
      for (const seg of nightSegments(cache.night(date, light.lat, light.lon), light.schedule)) addSegment(out, from, stepMs, seg, kw);
  return out;
}
