/**
 * An in-memory Store for report tests: intervals per point, electricity balances and series summed from them by
 * role as the real store documents it (consumption = generation + import - export without a consumption meter).
 */
import type { BuildingBalance, DistrictView, PowerSample, Resolution, SeriesBucket } from '../../../models/contract/index.js';
import { qualityCode } from '../../../models/energy/quality.js';
import { SLOT_QUALITIES } from '../../../models/energy/quality.js';
import { INTERVAL_MS } from '../../../models/time-grid.js';
import type { Building, Device, Interval, IntervalQuality, Point, Reading, RoofSurface, Site } from '../../../models/types.js';
import type { BalanceSeriesInfo, SeriesStep, StepName, Store } from '../../../main/core/store/store.js';
import { balanceSeriesOf, stepsOf } from './steps-from-intervals.js';

export class FakeStore implements Store {
  readonly path = ':memory:';
  private district: DistrictView | null = null;
  private readonly byPoint = new Map<string, Interval[]>();
  private roofs: RoofSurface[] = [];

  async saveDistrict(site: Site, buildings: readonly Building[], devices: readonly Device[], points: readonly Point[]): Promise<void> {
    this.district = { site, buildings, devices, points };
  }
  async getDistrict(): Promise<DistrictView | null> {
    return this.district;
  }
  async ingest(_readings: readonly Reading[]): Promise<void> {}
  async flush(): Promise<void> {}
  addIntervals(list: readonly Interval[]): void {
    for (const iv of list) {
      const arr = this.byPoint.get(iv.pointId) ?? [];
      arr.push(iv);
      this.byPoint.set(iv.pointId, arr);
    }
    for (const arr of this.byPoint.values()) arr.sort((a, b) => a.start - b.start);
  }

  private buckets15(buildingId: string, from: number, to: number): SeriesBucket[] {
    const pts = (this.district?.points ?? []).filter((p) => p.buildingId === buildingId && p.medium === 'electricity');
    const slots = new Map<number, { l: number; g: number; im: number; ex: number; hasL: boolean; q: number }>();
    for (const p of pts) {
      if (!['import', 'export', 'generation', 'consumption'].includes(p.role)) continue;
      for (const iv of this.byPoint.get(p.id) ?? []) {
        if (iv.start < from || iv.start >= to) continue;
        const s = slots.get(iv.start) ?? { l: 0, g: 0, im: 0, ex: 0, hasL: false, q: 0 };
        if (p.role === 'import') s.im += iv.kwh;
        if (p.role === 'export') s.ex += iv.kwh;
        if (p.role === 'generation') s.g += iv.kwh;
        if (p.role === 'consumption') {
          s.l += iv.kwh;
          s.hasL = true;
        }
        s.q = Math.max(s.q, qualityCode(iv.quality));
        slots.set(iv.start, s);
      }
    }
    return [...slots]
      .sort((a, b) => a[0] - b[0])
      .map(([start, s]) => ({
        start,
        consumptionKwh: s.hasL ? s.l : s.g + s.im - s.ex,
        generationKwh: s.g,
        importKwh: s.im,
        exportKwh: s.ex,
        quality: SLOT_QUALITIES[s.q] as IntervalQuality,
      }));
  }

  async buildingBalances(from: number, to: number): Promise<BuildingBalance[]> {
    return (this.district?.buildings ?? []).map((b) => {
      const bs = this.buckets15(b.id, from, to);
      const sum = (f: (x: SeriesBucket) => number): number => bs.reduce((s, x) => s + f(x), 0);
      const slots = (to - from) / INTERVAL_MS;
      return {
        buildingId: b.id,
        from,
        to,
        consumptionKwh: sum((x) => x.consumptionKwh),
        generationKwh: sum((x) => x.generationKwh),
        importKwh: sum((x) => x.importKwh),
        exportKwh: sum((x) => x.exportKwh),
        netKwh: sum((x) => x.consumptionKwh - x.generationKwh),
        coverage: bs.filter((x) => x.quality === 'measured').length / slots,
      };
    });
  }
  async buildingSeries(buildingId: string, from: number, to: number, resolution: Resolution): Promise<SeriesBucket[]> {
    if (resolution !== '15min') throw new Error('the fake store only knows 15min');
    return this.buckets15(buildingId, from, to);
  }
  async powerSeries(_b: string, _f: number, _t: number): Promise<PowerSample[]> {
    return [];
  }
  async *intervals(pointIds: readonly string[], from: number, to: number): AsyncIterable<Interval> {
    for (const id of pointIds) {
      for (const iv of this.byPoint.get(id) ?? []) if (iv.start >= from && iv.start < to) yield iv;
    }
  }
  async saveRoofs(buildingIds: readonly string[], roofs: readonly RoofSurface[]): Promise<void> {
    this.roofs = [...this.roofs.filter((r) => !buildingIds.includes(r.buildingId)), ...roofs];
  }
  async getRoofs(buildingId?: string): Promise<RoofSurface[]> {
    return this.roofs.filter((r) => buildingId === undefined || r.buildingId === buildingId);
  }
  balanceSeries(): Promise<BalanceSeriesInfo[]> {
    return balanceSeriesOf(this.district, (ids, f, t) => this.intervals(ids, f, t));
  }
  seriesSteps(keys: readonly number[], from: number, to: number, step: StepName): AsyncIterable<SeriesStep> {
    return stepsOf(this.district, (ids, f, t) => this.intervals(ids, f, t), keys, from, to, step);
  }
  async close(): Promise<void> {}
}
