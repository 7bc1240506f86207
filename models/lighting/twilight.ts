/**
 * When a street light switches on and off: at the end of evening civil twilight and the start of morning civil
 * twilight, the instants the centre of the sun is 6 degrees below the horizon (zenith 96 degrees; the civil
 * twilight zenith of the U.S. Naval Observatory's "Almanac for Computers", 1990). The sun's position is
 * models/solar/sun-position.ts (Meeus ch. 25 as in the NOAA solar calculator); the crossing is found by scanning
 * in 10-minute steps and bisecting to a second, so no closed-form hour-angle approximation enters. Refraction is
 * left out: 6 degrees below the horizon it is not defined by convention.
 */
import { sunPosition } from '../solar/sun-position.js';
import { localToUtc } from '../intervals/local-calendar.js';

export const CIVIL_DEPRESSION_DEG = 6;
/** Sunrise/sunset as published: the upper limb on the horizon with standard refraction, 50 arcminutes. */
export const SUNRISE_DEPRESSION_DEG = 50 / 60;

const MINUTE = 60_000;
const STEP = 10 * MINUTE;

export interface Night {
  /** Evening: the sun sinks below the depression angle (UTC ms); null when it does not that evening. */
  readonly dusk: number | null;
  /** Next morning: the sun rises above it again (UTC ms); null when it does not. */
  readonly dawn: number | null;
}

/** Bisects [a, b] where below(a) !== below(b) down to one second. */
function crossing(a: number, b: number, below: (t: number) => boolean): number {
  const startBelow = below(a);
  while (b - a > 1000) {
    const m = (a + b) / 2;
    if (below(m) === startBelow) a = m;
    else b = m;
  }
  return Math.round((a + b) / 2 / 1000) * 1000;
}

/**
 * The night that begins on the local (Europe/Berlin) date `date` (YYYY-MM-DD) at latDeg/lonDeg: the first moment
 * after local noon the sun is more than depressionDeg below the horizon, and the first moment after that it is
 * above again (searched until the next local noon).
 */
export function nightOf(date: string, latDeg: number, lonDeg: number, depressionDeg = CIVIL_DEPRESSION_DEG): Night {
  const noon = localToUtc(Date.parse(`${date}T12:00:00Z`));
  if (noon === null) throw new RangeError(`no local noon on ${date}`);
  const end = noon + 24 * 60 * MINUTE;
  const below = (t: number) => sunPosition(t, latDeg, lonDeg).zenithDeg > 90 + depressionDeg;
  let dusk: number | null = null;
  let dawn: number | null = null;
  let previous = noon;
  for (let t = noon + STEP; t <= end; t += STEP) {
    if (dusk === null && !below(previous) && below(t)) dusk = crossing(previous, t, below);
    else if (dusk !== null && below(previous) && !below(t)) {
      dawn = crossing(previous, t, below);
      break;
    }
    previous = t;
  }
  return { dusk, dawn };
}

const DAY = 24 * 60 * MINUTE;
/** Half the window searched around yesterday's time: dusk and dawn move by minutes a day, never half an hour. */
const NEAR = 30 * MINUTE;

/** The crossing of below() from `from` to `!from` inside [a, b] scanned in 5-minute steps, or null. */
function crossingIn(a: number, b: number, below: (t: number) => boolean, toBelow: boolean): number | null {
  let previous = a;
  for (let t = a + 5 * MINUTE; t <= b; t += 5 * MINUTE) {
    if (below(previous) !== toBelow && below(t) === toBelow) return crossing(previous, t, below);
    previous = t;
  }
  return null;
}

/**
 * nightOf for the day after `yesterday`'s night at the same place: searched only within half an hour of a day
 * after yesterday's dusk and dawn, which is what makes a year of nights cheap; when either is not found there
 * (polar day or night, a first night), it searches the whole day as nightOf does.
 */
export function nightAfter(yesterday: Night, date: string, latDeg: number, lonDeg: number, depressionDeg = CIVIL_DEPRESSION_DEG): Night {
  if (yesterday.dusk === null || yesterday.dawn === null) return nightOf(date, latDeg, lonDeg, depressionDeg);
  const below = (t: number) => sunPosition(t, latDeg, lonDeg).zenithDeg > 90 + depressionDeg;
  const dusk = crossingIn(yesterday.dusk + DAY - NEAR, yesterday.dusk + DAY + NEAR, below, true);
  const dawn = crossingIn(yesterday.dawn + DAY - NEAR, yesterday.dawn + DAY + NEAR, below, false);
  return dusk === null || dawn === null ? nightOf(date, latDeg, lonDeg, depressionDeg) : { dusk, dawn };
}
