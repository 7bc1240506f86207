/**
 * Builds the energy models' inputs from the store: one BuildingProfile per building with one CarrierSeries per
 * carrier. Electricity comes from the store's building series (15-minute intervals or hourly rollups); heat,
 * gas, oil and district heat from the 15-minute intervals of their counters, summed per building and carrier and,
 * for hourly profiles, per hour. Metered useful heat gets its delivered carrier derived (heat / efficiency)
 * unless the building meters that carrier itself.
 */
import type { DistrictView, HeatSupply, HeatSupplyMap, SeriesBucket } from '../../../models/contract/index.js';
import { carrierOfMedium, type Carrier } from '../../../models/energy/carriers.js';
import { MISSING_CODE, qualityCode } from '../../../models/energy/quality.js';
import type { BuildingProfile, CarrierSeries } from '../../../models/energy/series.js';
import { err, ok, type Result } from '../../../models/result.js';
import { HOUR_MS, INTERVAL_MS } from '../../../models/time-grid.js';
import type { Point } from '../../../models/types.js';
import { isBalanceRole } from '../../../models/values.js';
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

/** Negative energy this small is float noise from derived consumption (import - export + generation). */
const NOISE_KWH = 1e-9;

/**
 * Columns straight into typed arrays: makeSeries' generic completion costs an allocation per slot, which is most
 * of the load time for a district year. The completion rules are the same (see models/energy/series.ts).
 */
const emptySeries = (carrier: Carrier, from: number, stepMs: number, n: number): CarrierSeries => {
  const nan = () => new Float64Array(n).fill(Number.NaN);
  return { carrier, start: from, stepMs, consumption: nan(), generation: nan(), import: nan(), export: nan(), quality: new Uint8Array(n).fill(MISSING_CODE) };
};

const fuelSeries = (a: Accumulator, from: number, stepMs: number, scale: number, carrier: Carrier = a.carrier): CarrierSeries => {
  const n = a.kwh.length;
  const full = a.points * (stepMs / INTERVAL_MS);
  const s = emptySeries(carrier, from, stepMs, n);
  for (let j = 0; j < n; j++) {
    if (a.count[j] !== full) continue;
    const v = (a.kwh[j] as number) * scale;
    s.consumption[j] = v;
    s.import[j] = v;
    s.generation[j] = 0;
    s.export[j] = 0;
    s.quality[j] = a.worst[j] as number;
  }
  return s;
};

/** The electricity series from the store's buckets; gaps become missing slots. */
export const electricityFromBuckets = (buckets: readonly SeriesBucket[], from: number, to: number, stepMs: number, where: string): Result<CarrierSeries> => {
  const n = (to - from) / stepMs;
  const s = emptySeries('electricity', from, stepMs, n);
  for (let k = 0; k < buckets.length; k++) {
    const b = buckets[k] as SeriesBucket;
    const j = (b.start - from) / stepMs;
    if (!Number.isInteger(j)) return err('validation', `bucket start ${b.start} is not on the ${stepMs} ms grid`, `${where}[${k}]`);
    if (j < 0 || j >= n) continue;
    let l = b.consumptionKwh;
    if (l < 0 && l > -NOISE_KWH) l = 0;
    const values = [l, b.generationKwh, b.importKwh, b.exportKwh];
    if (!values.every((v) => Number.isFinite(v) && v >= 0)) {
      return err('validation', `negative or non-finite energy at ${new Date(b.start).toISOString()} (consumption ${l}, generation ${b.generationKwh}, import ${b.importKwh}, export ${b.exportKwh} kWh)`, `${where}[${k}]`);
    }
    s.consumption[j] = l;
    s.generation[j] = b.generationKwh;
    s.import[j] = b.importKwh;
    s.export[j] = b.exportKwh;
    s.quality[j] = qualityCode(b.quality);
  }
  return ok(s);
};

/** Every building of the view over [from, to) on the step's grid; from and to must lie on that grid. */
export const loadDistrictProfiles = async (store: Store, view: DistrictView, o: LoadOptions): Promise<Result<LoadedDistrict>> => {
  const stepMs = STEP_MS[o.step];
  if (o.from % stepMs !== 0 || o.to % stepMs !== 0) return err('validation', `from and to must lie on the ${o.step} grid (UTC)`, 'from');
  const n = (o.to - o.from) / stepMs;
  const electric = new Set(view.points.filter((p) => p.medium === 'electricity' && isBalanceRole(p.role)).map((p) => p.buildingId));
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
      const s = electricityFromBuckets(bucketList, o.from, o.to, stepMs, `${b.id}.electricity`);
      if (!s.ok) return err(s.error.kind, `${b.id}: ${s.error.message}`, s.error.where);
      series.push(s.value);
    }
    const mine = [...acc.entries()].filter(([key]) => key.startsWith(`${b.id}\u0000`)).map(([, a]) => a);
    for (const a of mine) {
      series.push(fuelSeries(a, o.from, stepMs, 1));
    }
    const heatAcc = mine.find((a) => a.carrier === 'heat');
    if (heatAcc !== undefined) {
      const { supply, origin } = heatSupplyOf(o.heatSupply, b.id);
      if (mine.some((a) => a.carrier === supply.carrier)) heatWithMeteredSupply.push(b.id);
      else {
        series.push(fuelSeries(heatAcc, o.from, stepMs, 1 / supply.efficiency, supply.carrier));
        heat.push({ buildingId: b.id, supply, origin });
      }
    }
    profiles.push({ buildingId: b.id, series });
  }
  return ok({ profiles, heat, heatWithMeteredSupply });
};

/** Slots of a series that hold no value, for tests and diagnostics. */
export const missingSlots = (s: CarrierSeries): number => s.quality.reduce((m, q) => m + (q === MISSING_CODE ? 1 : 0), 0);
