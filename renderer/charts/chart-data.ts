/** Turns contract series into chart.js data. Pure, so the charts' content can be unit-tested without a canvas. */
import type { PowerSample, SeriesBucket } from '../../models/contract.js';

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
