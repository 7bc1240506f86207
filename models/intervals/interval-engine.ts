/**
 * Turns a time-ordered batch of raw readings into additive contributions to 15-minute intervals, starting from the
 * per-point checkpoints (last counter reading / last power sample) that survive restarts. Pure: the caller
 * persists the contributions and the new checkpoints in one transaction, so nothing is counted twice.
 */
import { HOUR_MS, INTERVAL_MS } from '../time-grid.js';
import { counterStep, plausibleKwh, type Checkpoint, type MeterReplacement } from './counter-step.js';
import { forEachSlot } from './grid-spread.js';
import type { IntervalLimits } from './limits.js';
import { powerStep, splitLinearEnergy } from './power-step.js';
import { IMPLAUSIBLE_CODE, MEASURED_CODE, qualityCode } from './quality.js';

export interface EnginePoint {
  readonly source: 'counter' | 'power';
  /** Series receiving positive energy and (power only) negative energy; null where nobody wants it. */
  readonly series: readonly [number | null, number | null];
  readonly limits: IntervalLimits;
  /** Sorted by ts. */
  readonly replacements?: readonly MeterReplacement[];
}

export interface EngineReading {
  readonly point: number;
  readonly ts: number;
  readonly value: number;
}

export interface SlotEnergy {
  kwh: number;
  /** Worst quality code (see quality.ts) of everything added to the slot. */
  q: number;
}

const SLOT_KEY_SPAN = 2 ** 24;

/** Contributions keyed by series and 15-minute slot number (start / INTERVAL_MS). */
export class SlotContributions {
  readonly bySlot = new Map<number, SlotEnergy>();

  /** The entry each series touched last: consecutive steps of a point mostly land in the same slot. */
  private readonly recent = new Map<number, { key: number; entry: SlotEnergy }>();

  add(series: number, slotStart: number, kwh: number, q: number): void {
    const key = series * SLOT_KEY_SPAN + slotStart / INTERVAL_MS;
    const last = this.recent.get(series);
    if (last !== undefined && last.key === key) {
      last.entry.kwh += kwh;
      if (q > last.entry.q) last.entry.q = q;
      return;
    }
    const cur = this.bySlot.get(key);
    if (cur === undefined) {
      const entry = { kwh, q };
      this.bySlot.set(key, entry);
      this.recent.set(series, { key, entry });
    } else {
      cur.kwh += kwh;
      if (q > cur.q) cur.q = q;
      this.recent.set(series, { key, entry: cur });
    }
  }

  *entries(): IterableIterator<{ series: number; slot: number; kwh: number; q: number }> {
    for (const [key, e] of this.bySlot) {
      const series = Math.floor(key / SLOT_KEY_SPAN);
      yield { series, slot: key - series * SLOT_KEY_SPAN, kwh: e.kwh, q: e.q };
    }
  }

  get size(): number {
    return this.bySlot.size;
  }
}

export interface EngineResult {
  readonly contributions: SlotContributions;
  /** Checkpoints of the points this batch moved. */
  readonly checkpoints: Map<number, Checkpoint>;
  /** Readings not fed to the engine because they were not after the point's checkpoint. */
  readonly late: number;
}

const replacementIn = (list: readonly MeterReplacement[] | undefined, from: number, to: number) =>
  list?.find((r) => r.ts > from && r.ts <= to);

/**
 * readings must be in ascending ts per point (the order across points does not matter). Contributions to slots
 * starting before clipBefore are dropped: a recomputation from a slot boundary keeps what lies before it.
 */
export function runIntervalEngine(
  readings: Iterable<EngineReading>,
  points: ReadonlyMap<number, EnginePoint>,
  checkpoints: ReadonlyMap<number, Checkpoint>,
  clipBefore = -Infinity,
): EngineResult {
  const all = new SlotContributions();
  const contributions = {
    add: (series: number, slot: number, kwh: number, q: number) => {
      if (slot >= clipBefore) all.add(series, slot, kwh, q);
    },
  };
  const moved = new Map<number, Checkpoint>();
  let late = 0;
  for (const r of readings) {
    const spec = points.get(r.point);
    if (spec === undefined || !Number.isFinite(r.value)) continue;
    const prev = moved.get(r.point) ?? checkpoints.get(r.point);
    if (prev === undefined) {
      moved.set(r.point, { ts: r.ts, value: r.value });
      continue;
    }
    if (r.ts <= prev.ts) {
      late += 1;
      continue;
    }
    if (spec.source === 'counter') {
      const step = counterStep(prev, r.ts, r.value, spec.limits, replacementIn(spec.replacements, prev.ts, r.ts));
      if (step === null) continue;
      moved.set(r.point, step.next);
      const series = spec.series[0];
      if (series === null) continue;
      const q = qualityCode(step.quality);
      const slot = Math.floor(prev.ts / INTERVAL_MS) * INTERVAL_MS;
      // Fast path: with polls every few seconds nearly every step lies inside one slot.
      if (r.ts <= slot + INTERVAL_MS) contributions.add(series, slot, step.kwh, q);
      else forEachSlot(prev.ts, r.ts, (s, share) => contributions.add(series, s, step.kwh * share, q));
    } else {
      const [pos, neg] = spec.series;
      const slot = Math.floor(prev.ts / INTERVAL_MS) * INTERVAL_MS;
      const dt = r.ts - prev.ts;
      if (
        r.ts <= slot + INTERVAL_MS &&
        dt <= spec.limits.measuredGapMs &&
        Math.abs(prev.value) <= spec.limits.maxPowerKw &&
        Math.abs(r.value) <= spec.limits.maxPowerKw
      ) {
        // Fast path of powerStep for a measured step inside one slot (same result, no closures).
        const [e0, e1] = splitLinearEnergy(prev.value, r.value, dt / HOUR_MS);
        if (pos !== null) contributions.add(pos, slot, e0, MEASURED_CODE);
        if (neg !== null) contributions.add(neg, slot, e1, MEASURED_CODE);
        moved.set(r.point, { ts: r.ts, value: r.value });
        continue;
      }
      powerStep({ ts: prev.ts, kw: prev.value }, { ts: r.ts, kw: r.value }, spec.limits, (dir, slot, kwh, quality) => {
        const series = dir === 0 ? pos : neg;
        if (series !== null) contributions.add(series, slot, kwh, qualityCode(quality));
      });
      moved.set(r.point, { ts: r.ts, value: r.value });
    }
  }
  flagImplausibleSlots(all, points);
  return { contributions: all, checkpoints: moved, late };
}

/**
 * A counter's quarter hour whose energy in this batch exceeds the power limit over 15 minutes is implausible,
 * however small its single steps were (steps are judged over at least a quarter hour, see plausibleKwh).
 */
const flagImplausibleSlots = (all: SlotContributions, points: ReadonlyMap<number, EnginePoint>): void => {
  const maxKwhBySeries = new Map<number, number>();
  for (const p of points.values()) {
    const s = p.series[0];
    if (p.source === 'counter' && s !== null) maxKwhBySeries.set(s, plausibleKwh(p.limits, INTERVAL_MS));
  }
  if (maxKwhBySeries.size === 0) return;
  for (const [key, e] of all.bySlot) {
    const max = maxKwhBySeries.get(Math.floor(key / SLOT_KEY_SPAN));
    if (max !== undefined && e.kwh > max && e.q < IMPLAUSIBLE_CODE) e.q = IMPLAUSIBLE_CODE;
  }
};
