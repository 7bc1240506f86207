/**
 * The analysis' consumption classes beyond buildings (models/energy/consumption-classes.ts for the maths):
 * - "E-Mobilität": the consumption meters of charge points (OCPP connectors, docs/district-assets.md) and of
 *   Modbus wallboxes (the wallbox profiles), each inside its building; plus the closed OCPP sessions of charge
 *   points attached to no building, whose meter values are not stored: their energy is spread evenly over the
 *   session, outside every building.
 * - "Öffentliche Beleuchtung": street lights of the inventory, computed from the night's civil twilight and the
 *   schedule (models/lighting/), outside every building; or, for lights with a meter on their lighting circuit,
 *   that meter's energy in its building (the lights on one circuit share it, so it is counted once).
 */
import type { ConsumptionClasses, DistrictView } from '../../../models/contract/index.js';
import { classCoverage, surplusShares, type BuildingElectricity, type ClassLoad } from '../../../models/energy/consumption-classes.js';
import type { Period } from '../../../models/energy/period.js';
import { lightingProfile } from '../../../models/lighting/index.js';
import { consumptionClassNoteTexts } from '../../../models/energy/consumption-class-notes.js';
import { INTERVAL_MS } from '../../../models/time-grid.js';
import type { ChargingStore } from '../store/charging-store.js';
import type { BalanceSeriesInfo, Store } from '../store/store.js';
import type { StoredStreetLight, StreetLightStore } from '../store/street-light-store.js';
import type { KeptColumns, LoadedDistrict } from './load-profiles.js';

/** Device profiles of wallboxes (drivers/profiles/devices/, checked against evcc's charger templates). */
export const WALLBOX_PROFILES: ReadonlySet<string> = new Set(['abb-terra-ac', 'alfen-eve', 'webasto-next', 'phoenix-contact-ev-eth']);

/** The stores an asset-aware store offers beside Store (SQLite); fakes without them give empty classes. */
type AssetStores = Partial<{ readonly charging: ChargingStore; readonly streetLights: StreetLightStore }>;

/** Each series' kWh per step over the period, NaN where a step is not complete. */
async function seriesColumns(store: Store, keys: readonly number[], period: Period, stepMs: number): Promise<Map<number, Float64Array>> {
  const n = (period.to - period.from) / stepMs;
  const kwh = new Map(keys.map((k) => [k, new Float64Array(n)]));
  const count = new Map(keys.map((k) => [k, new Uint8Array(n)]));
  if (keys.length === 0) return kwh;
  for await (const st of store.seriesSteps(keys, period.from, period.to, stepMs === INTERVAL_MS ? '15min' : 'hour')) {
    const j = Math.floor((st.start - period.from) / stepMs);
    const a = kwh.get(st.key);
    const c = count.get(st.key);
    if (a === undefined || c === undefined || j < 0 || j >= n) continue;
    a[j] = (a[j] as number) + st.kwh;
    c[j] = (c[j] as number) + st.count;
  }
  const perStep = stepMs / INTERVAL_MS;
  for (const [k, a] of kwh) {
    const c = count.get(k) as Uint8Array;
    for (let j = 0; j < n; j++) if (c[j] !== perStep) a[j] = Number.NaN;
  }
  return kwh;
}

/**
 * The kept columns of the analysis' own load (load-profiles.ts, LoadOptions.keep) cut to the period, in the form
 * seriesColumns gives; the keys the load did not keep are read from the store as before. The same intervals
 * (seriesSteps over the same grid) summed the same way, so every figure stays what a second read gave.
 */
async function classColumns(store: Store, keys: readonly number[], kept: KeptColumns | undefined, period: Period, stepMs: number): Promise<Map<number, Float64Array>> {
  const n = (period.to - period.from) / stepMs;
  const perStep = stepMs / INTERVAL_MS;
  const out = new Map<number, Float64Array>();
  const usable = kept !== undefined && kept.stepMs === stepMs && kept.from <= period.from;
  const off = usable ? (period.from - kept.from) / stepMs : 0;
  for (const key of keys) {
    const c = usable ? kept.columns.get(key) : undefined;
    if (c === undefined || off + n > c.kwh.length) continue;
    const a = c.kwh.slice(off, off + n);
    for (let j = 0; j < n; j++) if (c.count[off + j] !== perStep) a[j] = Number.NaN;
    out.set(key, a);
  }
  const rest = keys.filter((k) => !out.has(k));
  for (const [k, a] of await seriesColumns(store, rest, period, stepMs)) out.set(k, a);
  return out;
}

/** What the classes take from the store besides the profiles: their meters' series and the lights. */
export interface ClassInputs {
  /** Consumption series of charge points (OCPP) and wallboxes. */
  readonly evSeries: readonly BalanceSeriesInfo[];
  /** Series of meters on lighting circuits. */
  readonly lightSeries: readonly BalanceSeriesInfo[];
  readonly lights: readonly StoredStreetLight[];
}

export async function classInputs(store: Store & AssetStores, view: DistrictView): Promise<ClassInputs> {
  const deviceOf = new Map(view.points.map((p) => [p.id, view.devices.find((d) => d.id === p.deviceId)]));
  const isEv = (pointId: string): boolean => {
    const d = deviceOf.get(pointId);
    return d !== undefined && (d.protocol === 'ocpp' || WALLBOX_PROFILES.has(d.profile));
  };
  const lights = (await store.streetLights?.streetLights()) ?? [];
  const meterPoints = new Set(lights.flatMap((l) => (l.meterPointId === null ? [] : [l.meterPointId])));
  const all = await store.balanceSeries();
  const evSeries = all.filter((s) => s.medium === 'electricity' && s.role === 'consumption' && isEv(s.pointId));
  // a lighting meter's series: its consumption direction, or for a meter that is the circuit's own grid connection, its import
  const lightSeries = all.filter((s) => meterPoints.has(s.pointId) && (s.role === 'consumption' || s.role === 'import'));
  return { evSeries, lightSeries, lights };
}

/** The series keys whose columns the classes read: ask the profile load to keep them (LoadOptions.keep). */
export const classSeriesKeys = (c: ClassInputs): Set<number> => new Set([...c.evSeries, ...c.lightSeries].map((s) => s.key));

/** The analysis' electricity per building, cut to the period (the profiles may start earlier for the 12-month window). */
function electricityOf(loaded: LoadedDistrict, period: Period, stepMs: number): BuildingElectricity[] {
  const n = (period.to - period.from) / stepMs;
  const out: BuildingElectricity[] = [];
  for (const p of loaded.profiles) {
    const s = p.series.find((x) => x.carrier === 'electricity');
    if (s === undefined) continue;
    const off = Math.round((period.from - s.start) / s.stepMs);
    const cut = (a: Float64Array) => a.subarray(off, off + n);
    out.push({ buildingId: p.buildingId, consumption: cut(s.consumption), generation: cut(s.generation), import: cut(s.import), export: cut(s.export) });
  }
  return out;
}

/** Closed sessions spread evenly over their duration, per step (kWh). */
function sessionProfile(sessions: readonly { start: number; stop: number | null; energyKwh: number | null }[], period: Period, stepMs: number): Float64Array {
  const n = (period.to - period.from) / stepMs;
  const out = new Float64Array(n);
  for (const s of sessions) {
    if (s.stop === null || s.energyKwh === null || !(s.stop > s.start) || s.energyKwh <= 0) continue;
    const kw = s.energyKwh / ((s.stop - s.start) / 3_600_000);
    const a = Math.max(s.start, period.from);
    const b = Math.min(s.stop, period.to);
    for (let j = Math.max(0, Math.floor((a - period.from) / stepMs)); j < n; j++) {
      const t0 = period.from + j * stepMs;
      if (t0 >= b) break;
      const overlap = Math.min(b, t0 + stepMs) - Math.max(a, t0);
      if (overlap > 0) out[j] = (out[j] as number) + (kw * overlap) / 3_600_000;
    }
  }
  return out;
}

const sum = (a: Float64Array): number => a.reduce((x, v) => (Number.isFinite(v) ? x + v : x), 0);

export async function consumptionClasses(
  store: Store & AssetStores,
  view: DistrictView,
  loaded: LoadedDistrict,
  period: Period,
  stepMs: number,
  inputs?: ClassInputs,
): Promise<ConsumptionClasses> {
  const { evSeries, lightSeries, lights } = inputs ?? (await classInputs(store, view));
  const columns = await classColumns(store, [...evSeries, ...lightSeries].map((s) => s.key), loaded.kept, period, stepMs);
  const load = (s: { key: number; buildingId: string }): ClassLoad => ({ buildingId: s.buildingId, kwh: columns.get(s.key) as Float64Array });

  const buildingIds = new Set(view.buildings.map((b) => b.id));
  const unattached = new Set(((await store.charging?.chargePoints()) ?? []).filter((cp) => cp.buildingId === null || !buildingIds.has(cp.buildingId)).map((cp) => cp.id));
  // a session that began up to two days before the period may still be charging in it
  const sessions = ((await store.charging?.sessions(period.from - 2 * 86_400_000, period.to)) ?? []).filter((s) => unattached.has(s.chargePoint));
  const sessionKwh = sessionProfile(sessions, period, stepMs);
  const computed = lightingProfile(lights.filter((l) => l.meterPointId === null), period.from, period.to, stepMs);

  const buildings = electricityOf(loaded, period, stepMs);
  const n = (period.to - period.from) / stepMs;
  const share = surplusShares(buildings, [sessionKwh, computed], n);
  const evLoads = [...evSeries.map(load), { buildingId: null, kwh: sessionKwh }];
  const lightLoads = [...lightSeries.map(load), { buildingId: null, kwh: computed }];
  const ev = classCoverage(evLoads, buildings, share, stepMs);
  const lit = classCoverage(lightLoads, buildings, share, stepMs);
  const measuredKwh = lightSeries.reduce((a, s) => a + sum(columns.get(s.key) as Float64Array), 0);
  return {
    eMobility: { ...ev, meters: evSeries.length, sessionKwh: sum(sessionKwh), sessions: sessions.length },
    publicLighting: { ...lit, lights: lights.length, computedKwh: sum(computed), measuredKwh },
    assumptions: consumptionClassNoteTexts('en'),
  };
}
