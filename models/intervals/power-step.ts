/**
 * Integrates instantaneous power between two samples (trapezoid: power is taken as linear between samples) and
 * splits it onto the 15-minute grid, separately for positive and negative power, because a net grid point
 * (positive = import) yields import and export energy from one signal.
 */
import type { IntervalQuality } from '../types.js';
import { HOUR_MS } from '../time-grid.js';
import { forEachSlot } from './grid-spread.js';
import { gapQuality } from './counter-step.js';
import type { IntervalLimits } from './limits.js';

export interface PowerSample {
  readonly ts: number;
  readonly kw: number;
}

/** direction 0 = positive power, 1 = negative power (as positive energy). */
export type EnergySink = (direction: 0 | 1, slotStart: number, kwh: number, quality: IntervalQuality) => void;

/** Positive and negative energy (both >= 0) of power rising linearly from pa to pb over hours. */
export function splitLinearEnergy(pa: number, pb: number, hours: number): [number, number] {
  if (pa >= 0 && pb >= 0) return [((pa + pb) / 2) * hours, 0];
  if (pa <= 0 && pb <= 0) return [0, (-(pa + pb) / 2) * hours];
  const zeroAt = pa / (pa - pb); // share of the piece before the sign change
  const first = (pa / 2) * zeroAt * hours;
  const second = (pb / 2) * (1 - zeroAt) * hours;
  return pa > 0 ? [first, -second] : [second, -first];
}

/**
 * Returns false when the step was not integrated: not after the previous sample, or a gap too long to bridge (the
 * energy of a downtime is unknown without a counter).
 */
export function powerStep(prev: PowerSample, next: PowerSample, limits: IntervalLimits, sink: EnergySink): boolean {
  const dt = next.ts - prev.ts;
  if (!(dt > 0) || !Number.isFinite(next.kw) || dt > limits.interpolateGapMs) return false;
  const implausible = Math.abs(prev.kw) > limits.maxPowerKw || Math.abs(next.kw) > limits.maxPowerKw;
  const quality: IntervalQuality = implausible ? 'implausible' : gapQuality(dt, limits);
  const slope = (next.kw - prev.kw) / dt;
  forEachSlot(prev.ts, next.ts, (slot, _share, a, b) => {
    const pa = prev.kw + slope * (a - prev.ts);
    const pb = prev.kw + slope * (b - prev.ts);
    const [pos, neg] = splitLinearEnergy(pa, pb, (b - a) / HOUR_MS);
    // Both directions always, so a slot with no export still counts as a measured zero for coverage.
    sink(0, slot, pos, quality);
    sink(1, slot, neg, quality);
  });
  return true;
}
