/**
 * One step of a cumulative energy counter: from the last checkpoint to the next reading. Decides how much energy
 * the step holds and where it came from. Never returns negative energy.
 */
import type { IntervalQuality } from '../types.js';
import { HOUR_MS, INTERVAL_MS } from '../time-grid.js';
import type { IntervalLimits } from './limits.js';

export interface Checkpoint {
  readonly ts: number;
  readonly value: number;
}

/** Entered by the user when a meter is swapped: the old meter's last and the new meter's first reading. */
export interface MeterReplacement {
  readonly ts: number;
  readonly oldFinalKwh: number;
  readonly newStartKwh: number;
}

export interface CounterStep {
  readonly kwh: number;
  readonly quality: IntervalQuality;
  /** The checkpoint to keep after this step. */
  readonly next: Checkpoint;
}

/**
 * Many meters publish their counter as a 32-bit float, which holds 24 significant bits: a reading of 662,640 kWh
 * is rounded to a multiple of 0.0625 kWh. The same counter read once exactly (history, another protocol) and once
 * as float32 can thus step back by up to half of that, which is rounding, not a new counter cycle. Two units of the
 * 24th bit leave room for a value rounded twice.
 */
const FLOAT32_ROUNDING = 2 ** -22;

/**
 * The most energy a step may hold: the power limit over the step, but never over less than a quarter hour. A
 * counter moves in whole units of its resolution, so two polls 3.66 s apart can see a 2.32 kWh step (2,280 kW
 * over those seconds) from a 300 kW load; judged over the quarter hour it is 9.3 kW. The engine also judges each
 * slot's sum (interval-engine.ts), so many plausible steps cannot add up to an implausible quarter hour.
 */
export const plausibleKwh = (limits: IntervalLimits, dtMs: number): number => (limits.maxPowerKw * Math.max(dtMs, INTERVAL_MS)) / HOUR_MS;

export const gapQuality = (dtMs: number, limits: IntervalLimits): IntervalQuality =>
  dtMs <= limits.measuredGapMs ? 'measured' : dtMs <= limits.interpolateGapMs ? 'interpolated' : 'recovered';

const judge = (kwh: number, quality: IntervalQuality, maxKwh: number, next: Checkpoint): CounterStep => ({
  kwh,
  quality: kwh > maxKwh ? 'implausible' : quality,
  next,
});

/** null when the reading is not after the checkpoint (a late or repeated sample must not count twice). */
export function counterStep(
  prev: Checkpoint,
  ts: number,
  value: number,
  limits: IntervalLimits,
  replacement?: MeterReplacement,
): CounterStep | null {
  const dt = ts - prev.ts;
  if (!(dt > 0) || !Number.isFinite(value)) return null;
  const maxKwh = plausibleKwh(limits, dt);
  const next = { ts, value };

  if (replacement !== undefined && replacement.ts > prev.ts && replacement.ts <= ts) {
    const before = Math.max(0, replacement.oldFinalKwh - prev.value);
    const after = Math.max(0, value - replacement.newStartKwh);
    return judge(before + after, 'meter-replaced', maxKwh, next);
  }

  const delta = value - prev.value;
  if (delta >= 0) return judge(delta, gapQuality(dt, limits), maxKwh, next);
  // Jitter: keep the higher reading so that the way back up is not counted again.
  if (-delta <= Math.max(limits.jitterKwh, Math.abs(prev.value) * FLOAT32_ROUNDING)) return { kwh: 0, quality: gapQuality(dt, limits), next: { ts, value: prev.value } };

  for (const wrap of limits.wrapKwh) {
    if (prev.value >= wrap || value >= wrap) continue;
    const wrapped = wrap - prev.value + value;
    if (wrapped <= maxKwh) return { kwh: wrapped, quality: 'rollover', next };
  }
  // A new counter cycle: the counter restarted at zero, so its reading is the energy since then.
  return judge(value, 'counter-reset', maxKwh, next);
}
