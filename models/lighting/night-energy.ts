/**
 * Energy of a street light over one night: rated power x the hours lit x the dimming level of each hour. The light
 * is on from dusk to dawn (twilight.ts); the dimming schedule says the level from dusk until a local clock time,
 * then the next level until the next time, and so on, and `thenPercent` from the last time until dawn (Dortmund's
 * LED lights, for example, run at 100 % until 22:00 and dimmed after). Electrical power is taken as proportional to
 * the dimming level, which holds roughly for LED drivers and not for discharge lamps on magnetic ballasts.
 */
import { localToUtc, toLocalWallClock } from '../intervals/local-calendar.js';
import type { Night } from './twilight.js';

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

export interface DimmingStep {
  /** Local clock time the level lasts until, "HH:MM". */
  readonly until: string;
  /** Share of rated power, 0..100. */
  readonly percent: number;
}

export interface DimmingSchedule {
  readonly steps: readonly DimmingStep[];
  /** Level after the last step until dawn (100 when the light returns to full power in the morning). */
  readonly thenPercent: number;
}

export const FULL_NIGHT: DimmingSchedule = { steps: [], thenPercent: 100 };

export interface NightSegment {
  readonly from: number;
  readonly to: number;
  readonly percent: number;
}

/**
 * A schedule's clock time within the night that began on the local date of `dusk`: times from 12:00 on are that
 * evening, times before 12:00 the next morning (UTC ms; a skipped March hour is taken an hour later). In June
 * dusk can come after 22:00, and "100 % until 22:00" is then over before the light switches on, not a day later.
 */
function timeInNight(dusk: number, hhmm: string): number {
  const m = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(hhmm);
  if (!m) throw new RangeError(`dimming time '${hhmm}' is not HH:MM`);
  const hours = Number(m[1]);
  const minutes = hours * 60 + Number(m[2]);
  // dusk lies between local noon of the night's date and noon of the next day, so 12 h earlier is that date
  const nightDay = Math.floor(toLocalWallClock(dusk - 12 * HOUR_MS) / DAY_MS) * DAY_MS;
  const wall = nightDay + (hours >= 12 ? 0 : DAY_MS) + minutes * 60_000;
  const utc = localToUtc(wall) ?? localToUtc(wall + HOUR_MS);
  if (utc === null) throw new RangeError(`no local ${hhmm} in the night of ${new Date(dusk).toISOString()}`);
  return utc;
}

/** The lit stretches of the night with their levels, dusk to dawn; empty when the night has no dusk or dawn. */
export function nightSegments(night: Night, schedule: DimmingSchedule): NightSegment[] {
  if (night.dusk === null || night.dawn === null) return [];
  const out: NightSegment[] = [];
  let from = night.dusk;
  for (const step of schedule.steps) {
    if (from >= night.dawn) break;
    const to = Math.min(Math.max(from, timeInNight(night.dusk, step.until)), night.dawn);
    if (to > from) out.push({ from, to, percent: step.percent });
    from = to;
  }
  if (from < night.dawn) out.push({ from, to: night.dawn, percent: schedule.thenPercent });
  return out;
}

/** kWh of one light of ratedW over the night. */
export function nightEnergyKwh(ratedW: number, night: Night, schedule: DimmingSchedule): number {
  return nightSegments(night, schedule).reduce((kwh, s) => kwh + (ratedW / 1000) * ((s.to - s.from) / HOUR_MS) * (s.percent / 100), 0);
}
