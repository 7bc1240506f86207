/**
 * balanceSeries and seriesSteps for in-memory test stores, derived from their intervals() as the SQLite store
 * documents them: one series per balance point (its index is the key), implausible intervals left out.
 */
import { HOUR_MS, INTERVAL_MS } from '../../../models/time-grid.js';
import type { Interval, IntervalQuality } from '../../../models/types.js';
import type { DistrictView as ContractView } from '../../../models/contract/index.js';
import type { BalanceSeriesInfo, SeriesStep, StepName } from '../../../main/core/store/store.js';
import { qualityCode } from '../../../models/intervals/quality.js';

type IntervalSource = (pointIds: readonly string[], from: number, to: number) => AsyncIterable<Interval>;

const BALANCE = new Set(['import', 'export', 'generation', 'consumption']);

export const balancePointsOf = (view: ContractView | null) =>
  (view?.points ?? []).filter((p) => BALANCE.has(p.role) && p.medium !== 'water');

/** everFrom: a store whose points have values at every instant (the synthetic one) says since when. */
export async function balanceSeriesOf(view: ContractView | null, intervals: IntervalSource, everFrom?: number): Promise<BalanceSeriesInfo[]> {
  const out: BalanceSeriesInfo[] = [];
  for (const [key, p] of balancePointsOf(view).entries()) {
    let first: number | null = everFrom ?? null;
    if (everFrom === undefined)
      for await (const iv of intervals([p.id], -8.64e15, 8.64e15)) {
        first = iv.start;
        break;
      }
    out.push({ key, pointId: p.id, buildingId: p.buildingId, role: p.role, medium: p.medium, firstStart: first });
  }
  return out;
}

export async function* stepsOf(view: ContractView | null, intervals: IntervalSource, keys: readonly number[], from: number, to: number, step: StepName): AsyncIterable<SeriesStep> {
  const points = balancePointsOf(view);
  const stepMs = step === 'hour' ? HOUR_MS : INTERVAL_MS;
  for (const key of keys) {
    const p = points[key];
    if (p === undefined) continue;
    let cur: { start: number; kwh: number; count: number; worst: IntervalQuality } | null = null;
    for await (const iv of intervals([p.id], from, to)) {
      if (iv.quality === 'implausible') continue;
      const start = Math.floor(iv.start / stepMs) * stepMs;
      if (cur !== null && cur.start !== start) {
        yield { key, ...cur };
        cur = null;
      }
      if (cur === null) cur = { start, kwh: 0, count: 0, worst: 'measured' };
      cur.kwh += iv.kwh;
      cur.count++;
      if (qualityCode(iv.quality) > qualityCode(cur.worst)) cur.worst = iv.quality;
    }
    if (cur !== null) yield { key, ...cur };
  }
}
