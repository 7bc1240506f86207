/**
 * A Store that computes its values from formulas instead of holding them: any number of buildings and points over
 * any period at no memory cost, for benchmarks of the report writers (the writers, not the store, are measured).
 * Each building has a grid import and export counter and a PV generation point.
 */
import type { BuildingBalance, DistrictView, PowerSample, Resolution, SeriesBucket } from '../../../models/contract/index.js';
import { INTERVAL_MS } from '../../../models/time-grid.js';
import type { Building, Device, Interval, Point, RoofSurface, Site } from '../../../models/types.js';
import type { BalanceSeriesInfo, SeriesStep, StepName, Store } from '../../../main/core/store/store.js';
import { balanceSeriesOf, stepsOf } from './steps-from-intervals.js';

const SITE: Site = { id: 'synthetic', name: 'Synthetisches Quartier', origin: { lat: 51.5, lon: 7 }, timezone: 'Europe/Berlin' };

interface Slot {
  readonly l: number;
  readonly g: number;
}

export class SyntheticStore implements Store {
  readonly path = ':synthetic:';
  private readonly view: DistrictView;

  constructor(buildings: number) {
    const bs: Building[] = [];
    const devices: Device[] = [];
    const points: Point[] = [];
    for (let k = 0; k < buildings; k++) {
      const id = `b${String(k).padStart(4, '0')}`;
      const lon = 7 + (k % 20) * 0.0005;
      const lat = 51.5 + Math.floor(k / 20) * 0.0004;
      bs.push({ id, name: `Gebäude ${k + 1}`, use: k % 5 === 0 ? 'school' : 'multi-family', footprint: [[lon, lat], [lon + 0.0003, lat], [lon + 0.0003, lat + 0.0002], [lon, lat + 0.0002]], heightM: 10 });
      devices.push({ id: `${id}-m`, name: 'meter', buildingId: id, protocol: 'modbus-tcp', url: 'modbus-tcp://127.0.0.1:502?unit=1', profile: 'x', pollIntervalMs: 15_000 });
      for (const role of ['import', 'export', 'generation'] as const) {
        points.push({ id: `${id}.${role}`, deviceId: `${id}-m`, buildingId: id, name: role, unit: 'kWh', medium: 'electricity', role, kind: 'energy-counter' });
      }
    }
    this.view = { site: SITE, buildings: bs, devices, points };
  }

  private slot(buildingIndex: number, ts: number): Slot {
    const h = ((ts % 86_400_000) / 3_600_000) % 24;
    const season = 0.6 + 0.4 * Math.cos(((ts / 86_400_000) % 365) / 365 * 2 * Math.PI - Math.PI);
    const g = h >= 6 && h < 18 ? (0.2 + (buildingIndex % 7) * 0.1) * season * Math.sin(((h - 6) / 12) * Math.PI) : 0;
    const l = 0.3 + 0.1 * (buildingIndex % 3) + 0.05 * Math.sin((h / 24) * 2 * Math.PI);
    return { l, g };
  }

  private index(buildingId: string): number {
    return Number(buildingId.slice(1));
  }

  async saveDistrict(): Promise<void> {}
  async getDistrict(): Promise<DistrictView | null> {
    return this.view;
  }
  async ingest(): Promise<void> {}
  async flush(): Promise<void> {}
  async buildingSeries(buildingId: string, from: number, to: number, resolution: Resolution): Promise<SeriesBucket[]> {
    if (resolution !== '15min') throw new Error('synthetic store: 15min only');
    const k = this.index(buildingId);
    const out: SeriesBucket[] = [];
    for (let ts = from; ts < to; ts += INTERVAL_MS) {
      const { l, g } = this.slot(k, ts);
      out.push({ start: ts, consumptionKwh: l, generationKwh: g, importKwh: Math.max(0, l - g), exportKwh: Math.max(0, g - l), quality: 'measured' });
    }
    return out;
  }
  async buildingBalances(from: number, to: number): Promise<BuildingBalance[]> {
    const out: BuildingBalance[] = [];
    for (const b of this.view.buildings) {
      const s = await this.buildingSeries(b.id, from, to, '15min');
      const sum = (f: (x: SeriesBucket) => number) => s.reduce((a, x) => a + f(x), 0);
      out.push({ buildingId: b.id, from, to, consumptionKwh: sum((x) => x.consumptionKwh), generationKwh: sum((x) => x.generationKwh), importKwh: sum((x) => x.importKwh), exportKwh: sum((x) => x.exportKwh), netKwh: sum((x) => x.consumptionKwh - x.generationKwh), coverage: 1 });
    }
    return out;
  }
  async powerSeries(): Promise<PowerSample[]> {
    return [];
  }
  async *intervals(pointIds: readonly string[], from: number, to: number): AsyncIterable<Interval> {
    for (const pointId of pointIds) {
      const [bid, role] = pointId.split('.') as [string, string];
      const k = this.index(bid);
      for (let ts = from; ts < to; ts += INTERVAL_MS) {
        const { l, g } = this.slot(k, ts);
        const kwh = role === 'import' ? Math.max(0, l - g) : role === 'export' ? Math.max(0, g - l) : g;
        yield { pointId, start: ts, kwh, quality: 'measured' };
      }
    }
  }
  async saveRoofs(): Promise<void> {}
  async getRoofs(_b?: string): Promise<RoofSurface[]> {
    return [];
  }
  balanceSeries(): Promise<BalanceSeriesInfo[]> {
    return balanceSeriesOf(this.view, (ids, f, t) => this.intervals(ids, f, t), 0);
  }
  seriesSteps(keys: readonly number[], from: number, to: number, step: StepName): AsyncIterable<SeriesStep> {
    return stepsOf(this.view, (ids, f, t) => this.intervals(ids, f, t), keys, from, to, step);
  }
  async close(): Promise<void> {}
}
