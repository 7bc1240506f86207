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
