/**
 * Builds the energy models' inputs from the store: one BuildingProfile per building with one CarrierSeries per
 * carrier. Electricity comes from the store's building series (15-minute intervals or hourly rollups); heat,
 * gas, oil and district heat from the 15-minute intervals of their counters, summed per building and carrier and,
 * for hourly profiles, per hour. Metered useful heat gets its delivered carrier derived (heat / efficiency)
 * unless the building meters that carrier itself.
 */
import type { DistrictView, HeatSupply, HeatSupplyMap } from '../../models/contract.js';
import { carrierOfMedium, type Carrier } from '../../models/energy/carriers.js';
import { MISSING_CODE, qualityCode, qualityOfCode, type SlotQuality } from '../../models/energy/quality.js';
import { makeSeries, seriesFromBuckets, type BuildingProfile, type CarrierSeries } from '../../models/energy/series.js';
import { err, ok, type Result } from '../../models/result.js';
import { HOUR_MS, INTERVAL_MS } from '../../models/time-grid.js';
import type { Point } from '../../models/types.js';
import type { Store } from '../store/store.js';
import { heatSupplyOf } from './heat-supply.js';

export type ProfileStep = '15min' | 'hour';

export const STEP_MS: Readonly<Record<ProfileStep, number>> = { '15min': INTERVAL_MS, hour: HOUR_MS };

export interface LoadOptions {
  readonly from: number;
  readonly to: number;
  readonly step: ProfileStep;
  readonly heatSupply?: HeatSupplyMap | undefined;
}

export interface HeatDerivation {
  readonly buildingId: string;
  readonly supply: HeatSupply;
  readonly origin: 'default' | 'setting';
}

export interface LoadedDistrict {
  readonly profiles: readonly BuildingProfile[];
  /** Buildings whose fuel was derived from metered heat, with the supply assumed. */
  readonly heat: readonly HeatDerivation[];
  /** Buildings with metered heat whose supply carrier is metered too: the heat stays a shown, unweighed carrier. */
  readonly heatWithMeteredSupply: readonly string[];
}

const ELECTRIC_ROLES = new Set<Point['role']>(['import', 'export', 'generation', 'consumption']);
const IMPLAUSIBLE = qualityCode('implausible');

/** Points whose 15-minute intervals feed a non-electric carrier's consumption. */
const isFuelCounter = (p: Point): boolean =>
  p.medium !== 'electricity' && p.medium !== 'water' && p.kind === 'energy-counter' && (p.role === 'consumption' || p.role === 'import');

interface Accumulator {
  readonly carrier: Carrier;
  points: number;
  readonly kwh: Float64Array;
  readonly count: Uint16Array;
  readonly worst: Uint8Array;
}

const accumulate = async (store: Store, points: readonly Point[], o: LoadOptions, n: number, stepMs: number): Promise<Map<string, Accumulator>> => {
  const key = (p: Point) => `${p.buildingId}\u0000${carrierOfMedium(p.medium)}`;
  const acc = new Map<string, Accumulator>();
  const byPoint = new Map<string, Accumulator>();
  for (const p of points) {
    const k = key(p);
    let a = acc.get(k);
    if (a === undefined) {
      a = { carrier: carrierOfMedium(p.medium) as Carrier, points: 0, kwh: new Float64Array(n), count: new Uint16Array(n), worst: new Uint8Array(n) };
      acc.set(k, a);
    }
    a.points++;
    byPoint.set(p.id, a);
  }
  if (points.length === 0) return acc;
  for await (const iv of store.intervals(points.map((p) => p.id), o.from, o.to)) {
    const a = byPoint.get(iv.pointId);
    if (a === undefined) continue;
    const code = qualityCode(iv.quality);
    // An implausible interval has no trusted energy: its slot stays incomplete and therefore missing.
    if (code < 0 || code >= IMPLAUSIBLE) continue;
    const j = Math.floor((iv.start - o.from) / stepMs);
    if (j < 0 || j >= n) continue;
    a.kwh[j] = (a.kwh[j] as number) + iv.kwh;
    a.count[j] = (a.count[j] as number) + 1;
    if (code > (a.worst[j] as number)) a.worst[j] = code;
  }
  return acc;
};

const fuelSeries = (a: Accumulator, from: number, stepMs: number, scale: number, carrier: Carrier = a.carrier): Result<CarrierSeries> => {
  const n = a.kwh.length;
  const full = a.points * (stepMs / INTERVAL_MS);
  const consumption = new Float64Array(n);
  const quality = new Array<SlotQuality>(n);
  for (let j = 0; j < n; j++) {
    if (a.count[j] !== full) {
      consumption[j] = Number.NaN;
      quality[j] = 'missing';
    } else {
      consumption[j] = (a.kwh[j] as number) * scale;
      quality[j] = qualityOfCode(a.worst[j] as number);
    }
  }
  return makeSeries({ carrier, start: from, stepMs, consumption, quality });
};

/** Every building of the view over [from, to) on the step's grid; from and to must lie on that grid. */
export const loadDistrictProfiles = async (store: Store, view: DistrictView, o: LoadOptions): Promise<Result<LoadedDistrict>> => {
  const stepMs = STEP_MS[o.step];
  if (o.from % stepMs !== 0 || o.to % stepMs !== 0) return err('validation', `from and to must lie on the ${o.step} grid (UTC)`, 'from');
  const n = (o.to - o.from) / stepMs;
  const electric = new Set(view.points.filter((p) => p.medium === 'electricity' && ELECTRIC_ROLES.has(p.role)).map((p) => p.buildingId));
  const fuelPoints = view.points.filter(isFuelCounter);
  const [acc, buckets] = await Promise.all([
    accumulate(store, fuelPoints, o, n, stepMs),
    Promise.all(view.buildings.map((b) => (electric.has(b.id) ? store.buildingSeries(b.id, o.from, o.to, o.step) : Promise.resolve(null)))),
  ]);
  const profiles: BuildingProfile[] = [];
  const heat: HeatDerivation[] = [];
  const heatWithMeteredSupply: string[] = [];
  for (const [k, b] of view.buildings.entries()) {
    const series: CarrierSeries[] = [];
    const bucketList = buckets[k];
    if (bucketList !== null && bucketList !== undefined) {
      const s = seriesFromBuckets('electricity', bucketList, o.from, o.to, stepMs);
      if (!s.ok) return err(s.error.kind, `${b.id}: ${s.error.message}`, `${b.id}.electricity`);
      series.push(s.value);
    }
    const mine = [...acc.entries()].filter(([key]) => key.startsWith(`${b.id}\u0000`)).map(([, a]) => a);
    for (const a of mine) {
      const s = fuelSeries(a, o.from, stepMs, 1);
      if (!s.ok) return err(s.error.kind, `${b.id}: ${s.error.message}`, `${b.id}.${a.carrier}`);
      series.push(s.value);
    }
    const heatAcc = mine.find((a) => a.carrier === 'heat');
    if (heatAcc !== undefined) {
      const { supply, origin } = heatSupplyOf(o.heatSupply, b.id);
      if (mine.some((a) => a.carrier === supply.carrier)) heatWithMeteredSupply.push(b.id);
      else {
        const s = fuelSeries(heatAcc, o.from, stepMs, 1 / supply.efficiency, supply.carrier);
        if (!s.ok) return err(s.error.kind, `${b.id}: ${s.error.message}`, `${b.id}.${supply.carrier}`);
        series.push(s.value);
        heat.push({ buildingId: b.id, supply, origin });
      }
    }
    profiles.push({ buildingId: b.id, series });
  }
  return ok({ profiles, heat, heatWithMeteredSupply });
};

/** Slots of a series that hold no value, for tests and diagnostics. */
export const missingSlots = (s: CarrierSeries): number => s.quality.reduce((m, q) => m + (q === MISSING_CODE ? 1 : 0), 0);
