/**
 * Builds the energy models' inputs from the store: one BuildingProfile per building with one CarrierSeries per
 * carrier, from the store's balance series (each point direction with its role) summed per step. This is the only
 * place where meter roles turn into consumption, generation, import and export (docs/energy-models.md, "Roles"):
 * - a grid meter (import/export) defines the building's exchange; consumption = generation + import - export,
 *   and consumption meters are sub-meters (a breakdown), never the total;
 * - without a grid meter the consumption meters are the total and the exchange follows from the completion rule
 *   of models/energy/series.ts: import/export = the positive/negative part of consumption - generation, per slot;
 * - a meter counts from its first stored interval on: adding a device never turns past slots into missing ones,
 *   and removing it restores what was there;
 * - a slot is complete only when every meter the rule needs has a plausible value; otherwise it is missing.
 * Metered useful heat gets its delivered carrier derived (heat / efficiency) unless the building meters it.
 */
import type { DistrictView, HeatSupply, HeatSupplyMap } from '../../../models/contract/index.js';
import { carrierOfMedium, type Carrier } from '../../../models/energy/carriers.js';
import { MISSING_CODE, qualityCode } from '../../../models/energy/quality.js';
import type { BuildingProfile, CarrierSeries } from '../../../models/energy/series.js';
import { err, ok, type Result } from '../../../models/result.js';
import { HOUR_MS, INTERVAL_MS } from '../../../models/time-grid.js';
import type { BalanceSeriesInfo, Store } from '../store/store.js';
import { heatSupplyOf, type HeatSupplyOrigin } from './heat-supply.js';

export type ProfileStep = '15min' | 'hour';

export const STEP_MS: Readonly<Record<ProfileStep, number>> = { '15min': INTERVAL_MS, hour: HOUR_MS };

export interface LoadOptions {
  readonly from: number;
  readonly to: number;
  readonly step: ProfileStep;
  readonly heatSupply?: HeatSupplyMap | undefined;
  /**
   * Series whose columns the caller reads again (the consumption classes' charge-point and lighting meters): they
   * are kept in the result, so that the store is read once for them.
   */
  readonly keep?: ReadonlySet<number> | undefined;
}

/** The columns of the series asked for with LoadOptions.keep, on the load's grid (index 0 = from). */
export interface KeptColumns {
  readonly from: number;
  readonly stepMs: number;
  readonly columns: ReadonlyMap<number, MeterColumn>;
}

export interface HeatDerivation {
  readonly buildingId: string;
  readonly supply: HeatSupply;
  readonly origin: HeatSupplyOrigin;
}

/** Consumption meters that are a breakdown behind a grid meter, per building and carrier (stated as an assumption). */
export interface SubMeterUse {
  readonly buildingId: string;
  readonly carrier: Carrier;
  readonly pointIds: readonly string[];
}

export interface LoadedDistrict {
  readonly profiles: readonly BuildingProfile[];
  /** Buildings whose fuel was derived from metered heat, with the supply assumed. */
  readonly heat: readonly HeatDerivation[];
  /** Buildings with metered heat whose supply carrier is metered too: the heat stays a shown, unweighed carrier. */
  readonly heatWithMeteredSupply: readonly string[];
  readonly subMeters: readonly SubMeterUse[];
  /** Carriers metered only by consumption meters: import and export completed from consumption - generation. */
  readonly completed: readonly { readonly buildingId: string; readonly carrier: Carrier }[];
  /** The columns of LoadOptions.keep that this load read (a series of no building of the view is not among them). */
  readonly kept?: KeptColumns;
}

export interface MeterColumn {
  readonly info: BalanceSeriesInfo;
  /** When the meter's device was removed (UTC ms): it counts no longer from then on; its history stays. */
  readonly removedAt?: number | undefined;
  readonly kwh: Float64Array;
  readonly count: Uint8Array;
  readonly worst: Uint8Array;
}

const nanArray = (n: number) => new Float64Array(n).fill(Number.NaN);

const emptySeries = (carrier: Carrier, from: number, stepMs: number, n: number): CarrierSeries => ({
  carrier,
  start: from,
  stepMs,
  consumption: nanArray(n),
  generation: nanArray(n),
  import: nanArray(n),
  export: nanArray(n),
  quality: new Uint8Array(n).fill(MISSING_CODE),
});

/** Negative consumption this small is float noise of import - export + generation. */
const NOISE_KWH = 1e-9;

/** A meter is part of the rule from the slot in which its first interval lies until its device is removed. */
const activeAt = (c: MeterColumn, slotStart: number, stepMs: number): boolean =>
  c.info.firstStart !== null && c.info.firstStart < slotStart + stepMs && (c.removedAt === undefined || slotStart < c.removedAt);

/** One carrier of one building from its meters' columns, by the role rules above. */
export const carrierFromColumns = (carrier: Carrier, columns: readonly MeterColumn[], from: number, stepMs: number, n: number): { series: CarrierSeries; hasGrid: boolean; hasConsumption: boolean } => {
  const grid = columns.filter((c) => c.info.role === 'import' || c.info.role === 'export');
  const gen = columns.filter((c) => c.info.role === 'generation');
  const cons = columns.filter((c) => c.info.role === 'consumption');
  const perStep = stepMs / INTERVAL_MS;
  const s = emptySeries(carrier, from, stepMs, n);
  for (let j = 0; j < n; j++) {
    const t = from + j * stepMs;
    const gridOn = grid.some((c) => activeAt(c, t, stepMs));
    const defining = (gridOn ? grid : cons).filter((c) => activeAt(c, t, stepMs));
    if (defining.length === 0) continue;
    const required = [...defining, ...gen.filter((c) => activeAt(c, t, stepMs))];
    let worst = 0;
    let complete = true;
    for (const c of required) {
      if (c.count[j] !== perStep) {
        complete = false;
        break;
      }
      if ((c.worst[j] as number) > worst) worst = c.worst[j] as number;
    }
    if (!complete) continue;
    const sum = (list: readonly MeterColumn[]) => list.reduce((a, c) => a + (c.kwh[j] as number), 0);
    const g = sum(gen);
    let l: number;
    let im: number;
    let ex: number;
    if (gridOn) {
      im = sum(grid.filter((c) => c.info.role === 'import'));
      ex = sum(grid.filter((c) => c.info.role === 'export'));
      l = g + im - ex;
      if (l < 0 && l > -NOISE_KWH) l = 0;
    } else {
      l = sum(cons);
      const net = l - g;
      im = net > 0 ? net : 0;
      ex = net < 0 ? -net : 0;
    }
    s.consumption[j] = l;
    s.generation[j] = g;
    s.import[j] = im;
    s.export[j] = ex;
    s.quality[j] = worst;
  }
  return { series: s, hasGrid: grid.length > 0, hasConsumption: cons.length > 0 };
};

/** The delivered carrier behind metered useful heat: every role scaled by 1 / efficiency. */
const derivedSeries = (heat: CarrierSeries, carrier: Carrier, scale: number): CarrierSeries => {
  const map = (a: Float64Array) => a.map((v) => v * scale);
  return { carrier, start: heat.start, stepMs: heat.stepMs, consumption: map(heat.consumption), generation: map(heat.generation), import: map(heat.import), export: map(heat.export), quality: heat.quality.slice() };
};

/** Every building of the view over [from, to) on the step's grid; from and to must lie on that grid. */
export const loadDistrictProfiles = async (store: Store, view: DistrictView, o: LoadOptions): Promise<Result<LoadedDistrict>> => {
  const stepMs = STEP_MS[o.step];
  if (o.from % stepMs !== 0 || o.to % stepMs !== 0) return err('validation', `from and to must lie on the ${o.step} grid (UTC)`, 'from');
  const n = (o.to - o.from) / stepMs;
  const known = new Set(view.buildings.map((b) => b.id));
  const infos = (await store.balanceSeries()).filter((s) => known.has(s.buildingId) && carrierOfMedium(s.medium) !== null);
  const deviceOf = new Map(view.points.map((p) => [p.id, p.deviceId]));
  const removedAt = new Map(view.devices.flatMap((d) => (typeof d.config?.['removedAt'] === 'number' ? [[d.id, d.config['removedAt']] as const] : [])));
  const byKey = new Map<number, MeterColumn>();
  for (const info of infos) {
    const removed = removedAt.get(deviceOf.get(info.pointId) ?? '');
    byKey.set(info.key, { info, removedAt: removed, kwh: new Float64Array(n), count: new Uint8Array(n), worst: new Uint8Array(n) });
  }
  for await (const st of store.seriesSteps([...byKey.keys()], o.from, o.to, o.step)) {
    const c = byKey.get(st.key);
    if (c === undefined) continue;
    const j = Math.floor((st.start - o.from) / stepMs);
    if (j < 0 || j >= n) continue;
    c.kwh[j] = (c.kwh[j] as number) + st.kwh;
    c.count[j] = (c.count[j] as number) + st.count;
    const code = qualityCode(st.worst);
    if (code > (c.worst[j] as number)) c.worst[j] = code;
  }
  const profiles: BuildingProfile[] = [];
  const heat: HeatDerivation[] = [];
  const heatWithMeteredSupply: string[] = [];
  const subMeters: SubMeterUse[] = [];
  const completed: { buildingId: string; carrier: Carrier }[] = [];
  for (const b of view.buildings) {
    const byCarrier = new Map<Carrier, MeterColumn[]>();
    for (const c of byKey.values()) {
      if (c.info.buildingId !== b.id) continue;
      const carrier = carrierOfMedium(c.info.medium) as Carrier;
      byCarrier.set(carrier, [...(byCarrier.get(carrier) ?? []), c]);
    }
    const series: CarrierSeries[] = [];
    for (const [carrier, cols] of byCarrier) {
      const r = carrierFromColumns(carrier, cols, o.from, stepMs, n);
      series.push(r.series);
      if (r.hasGrid && r.hasConsumption) subMeters.push({ buildingId: b.id, carrier, pointIds: cols.filter((c) => c.info.role === 'consumption').map((c) => c.info.pointId) });
      if (!r.hasGrid && r.hasConsumption && cols.some((c) => c.info.role === 'generation')) completed.push({ buildingId: b.id, carrier });
    }
    const heatSeries = series.find((s) => s.carrier === 'heat');
    if (heatSeries !== undefined) {
      const { supply, origin } = heatSupplyOf(o.heatSupply, b);
      if (byCarrier.has(supply.carrier)) heatWithMeteredSupply.push(b.id);
      else {
        series.push(derivedSeries(heatSeries, supply.carrier, 1 / supply.efficiency));
        heat.push({ buildingId: b.id, supply, origin });
      }
    }
    profiles.push({ buildingId: b.id, series });
  }
  const kept = new Map([...byKey].filter(([key]) => o.keep?.has(key) === true));
  return ok({ profiles, heat, heatWithMeteredSupply, subMeters, completed, kept: { from: o.from, stepMs, columns: kept } });
};

/** Slots of a series that hold no value, for tests and diagnostics. */
export const missingSlots = (s: CarrierSeries): number => s.quality.reduce((m, q) => m + (q === MISSING_CODE ? 1 : 0), 0);
