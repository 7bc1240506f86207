/** Turns contract series into chart.js data. Pure, so the charts' content can be unit-tested without a canvas. */
import type { PowerSample, SeriesBucket } from '../../models/contract/index.js';

export interface XY {
  readonly x: number;
  readonly y: number;
}

export type PowerKey = 'gridKw' | 'generationKw' | 'consumptionKw';

/** Merges new samples into a series sorted by time, dropping duplicates by timestamp and keeping the last `cap`. */
export function mergePowerSamples(existing: readonly PowerSample[], incoming: readonly PowerSample[], cap = 5000): PowerSample[] {
  const byTs = new Map<number, PowerSample>();
  for (const s of existing) byTs.set(s.ts, s);
  for (const s of incoming) if (Number.isFinite(s.ts)) byTs.set(s.ts, s);
  const merged = [...byTs.values()].sort((a, b) => a.ts - b.ts);
  return merged.length > cap ? merged.slice(merged.length - cap) : merged;
}

export function powerPoints(samples: readonly PowerSample[], key: PowerKey): XY[] {
  return samples.filter((s) => Number.isFinite(s[key])).map((s) => ({ x: s.ts, y: s[key] }));
}

export interface EnergyBars {
  readonly labels: string[];
  readonly generation: number[];
  readonly consumption: number[];
  /** Buckets with anything but measured intervals, so the chart can mark them. */
  readonly notMeasured: boolean[];
}

export function energyBars(buckets: readonly SeriesBucket[], labelOf: (start: number) => string): EnergyBars {
  const sorted = [...buckets].sort((a, b) => a.start - b.start);
  return {
    labels: sorted.map((b) => labelOf(b.start)),
    generation: sorted.map((b) => b.generationKwh),
    consumption: sorted.map((b) => b.consumptionKwh),
    notMeasured: sorted.map((b) => b.quality !== 'measured'),
  };
}

const HOUR_MS = 60 * 60 * 1000;
const QUARTER_HOUR_MS = 15 * 60 * 1000;
const QUALITY_RANK: Readonly<Record<SeriesBucket['quality'], number>> = {
  measured: 0,
  rollover: 1,
  'meter-replaced': 2,
  'counter-reset': 3,
  interpolated: 4,
  recovered: 5,
  estimated: 6,
  implausible: 7,
};

/** Sums quarter-hour buckets into UTC hours (local hours too: Berlin is a whole number of hours off UTC). */
export function hourlyBuckets(quarters: readonly SeriesBucket[]): SeriesBucket[] {
  const hours = new Map<number, SeriesBucket>();
  for (const q of quarters) {
    const start = Math.floor(q.start / HOUR_MS) * HOUR_MS;
    const h = hours.get(start);
    hours.set(
      start,
      h === undefined
        ? { ...q, start }
        : {
            start,
            consumptionKwh: h.consumptionKwh + q.consumptionKwh,
            generationKwh: h.generationKwh + q.generationKwh,
            importKwh: h.importKwh + q.importKwh,
            exportKwh: h.exportKwh + q.exportKwh,
            quality: QUALITY_RANK[q.quality] > QUALITY_RANK[h.quality] ? q.quality : h.quality,
          },
    );
  }
  return [...hours.values()].sort((a, b) => a.start - b.start);
}

/**
 * Average power of each quarter hour, placed mid-interval: the power curve of a day whose raw samples are past
 * their retention. Grid power is import - export (positive = drawn from the grid).
 */
export function quarterPower(quarters: readonly SeriesBucket[]): PowerSample[] {
  const perHour = HOUR_MS / QUARTER_HOUR_MS;
  return [...quarters]
    .sort((a, b) => a.start - b.start)
    .map((q) => ({
      ts: q.start + QUARTER_HOUR_MS / 2,
      gridKw: (q.importKwh - q.exportKwh) * perHour,
      generationKw: q.generationKwh * perHour,
      consumptionKw: q.consumptionKwh * perHour,
    }));
}

/** Index of the bucket holding ts (the last one starting at or before it), or -1. */
export function bucketIndexAt(starts: readonly number[], ts: number): number {
  let found = -1;
  for (let i = 0; i < starts.length; i++) if ((starts[i] as number) <= ts) found = i;
  return found;
}

/**
 * A day's power curve: the raw samples where they are kept, and the quarter-hour averages for the quarters that
 * end before the first raw sample (history imported or older than the raw-sample retention). `averaged` says
 * whether any averages were used.
 */
export function dayPower(quarters: readonly SeriesBucket[], raw: readonly PowerSample[]): { samples: PowerSample[]; averaged: boolean } {
  const firstRaw = raw.reduce((min, s) => Math.min(min, s.ts), Infinity);
  const before = quarterPower(quarters.filter((q) => q.start + QUARTER_HOUR_MS <= firstRaw));
  return { samples: mergePowerSamples(before, thinPower(raw, MAX_DAY_POINTS), Infinity), averaged: before.length > 0 };
}

/** A day of 5-second polls is 17,280 samples per line: more than a panel-wide chart can show. */
const MAX_DAY_POINTS = 2000;

/** At most about maxPoints samples: time buckets of equal width, each the mean of its samples. */
export function thinPower(samples: readonly PowerSample[], maxPoints: number): PowerSample[] {
  const sorted = [...samples].filter((s) => Number.isFinite(s.ts)).sort((a, b) => a.ts - b.ts);
  const first = sorted[0];
  const last = sorted[sorted.length - 1];
  if (sorted.length <= maxPoints || first === undefined || last === undefined || last.ts === first.ts) return sorted;
  const width = (last.ts - first.ts) / maxPoints;
  const out: PowerSample[] = [];
  let bucket: PowerSample[] = [];
  let index = 0;
  const mean = (key: keyof PowerSample) => bucket.reduce((sum, s) => sum + s[key], 0) / bucket.length;
  const emit = () => {
    if (bucket.length > 0) out.push({ ts: Math.round(mean('ts')), gridKw: mean('gridKw'), generationKw: mean('generationKw'), consumptionKw: mean('consumptionKw') });
    bucket = [];
  };
  for (const s of sorted) {
    const i = Math.min(maxPoints - 1, Math.floor((s.ts - first.ts) / width));
    if (i !== index) {
      emit();
      index = i;
    }
    bucket.push(s);
  }
  emit();
  return out;
}
