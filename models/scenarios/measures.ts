import { isCarrier, type Carrier } from '../energy/carriers.js';
import { err, ok, type Result } from '../result.js';
import type { RoofSurface } from '../types.js';

/** A PV system of given size and orientation. */
export interface PvMeasure {
  readonly kind: 'pv';
  readonly buildingId: string;
  readonly kwp: number;
  readonly tiltDeg: number;
  readonly azimuthDeg: number;
}

/** PV on the building's roofs as far as the potential model finds them suitable; share scales it down. */
export interface PvPotentialMeasure {
  readonly kind: 'pv-potential';
  readonly buildingId: string;
  readonly roofs: readonly RoofSurface[];
  /** Share of the potential to install, 0..1 (default 1). */
  readonly share?: number;
}

export interface BatteryMeasure {
  readonly kind: 'battery';
  readonly buildingId: string;
  readonly capacityKwh: number;
  readonly powerKw: number;
  /** AC-to-AC round trip, 0..1 (split evenly into charge and discharge as its square root). */
  readonly roundTripEfficiency: number;
  /** State of charge at the start, share of capacity (default 0). */
  readonly initialSoc?: number;
}

/** The fuels a heat pump measure can replace (a boiler burning one of them). */
export const HEAT_PUMP_REPLACES = ['gas', 'oil', 'lpg'] as const satisfies readonly Carrier[];

/** A heat pump replacing a boiler: the fuel's useful heat (fuel x boiler efficiency) / SCOP becomes electricity. */
export interface HeatPumpMeasure {
  readonly kind: 'heat-pump';
  readonly buildingId: string;
  /** Seasonal coefficient of performance (JAZ). */
  readonly scop: number;
  readonly replaces?: (typeof HEAT_PUMP_REPLACES)[number];
  /** Seasonal efficiency of the replaced boiler, 0..1 (default 0.9). */
  readonly boilerEfficiency?: number;
}

/** Consumption cut by a share, for one building or all ('*'), one carrier or all ('*'). */
export interface EfficiencyMeasure {
  readonly kind: 'efficiency';
  readonly buildingId: string;
  readonly carrier: Carrier | '*';
  /** 0..1 */
  readonly saving: number;
}

export type Measure = PvMeasure | PvPotentialMeasure | BatteryMeasure | HeatPumpMeasure | EfficiencyMeasure;

/**
 * A measure as the UI sends it ('scenario.run'): 'pv-potential' names no roofs; the core takes the building's
 * stored (or assumed) ones. The API's schema is checked against this type at compile time.
 */
export type MeasureInput = Exclude<Measure, PvPotentialMeasure> | Omit<PvPotentialMeasure, 'roofs'>;

export interface Scenario {
  readonly id: string;
  readonly name: string;
  readonly measures: readonly Measure[];
}

/**
 * Measures act in a fixed order whatever the list order, because each one changes what the next one sees:
 * efficiency first (less to supply), then heat pumps (fuel -> electricity), then PV, then batteries (which
 * shift what is left between import and export).
 */
export const MEASURE_ORDER: readonly Measure['kind'][] = ['efficiency', 'heat-pump', 'pv', 'pv-potential', 'battery'];

const share = (v: number | undefined, where: string): Result<true> | null =>
  v === undefined || (v >= 0 && v <= 1) ? null : err('validation', `must be between 0 and 1, got ${v}`, where);
const positive = (v: number, where: string): Result<true> | null =>
  Number.isFinite(v) && v > 0 ? null : err('validation', `must be a number > 0, got ${v}`, where);
const nonNegative = (v: number, where: string): Result<true> | null =>
  Number.isFinite(v) && v >= 0 ? null : err('validation', `must be a number >= 0, got ${v}`, where);

export const validateScenario = (s: Scenario, buildingIds: ReadonlySet<string>): Result<true> => {
  if (typeof s.id !== 'string' || s.id === '') return err('validation', 'scenario id is empty', 'id');
  for (let i = 0; i < s.measures.length; i++) {
    const m = s.measures[i] as Measure;
    const at = `measures[${i}]`;
    if (!(m.kind === 'efficiency' && m.buildingId === '*') && !buildingIds.has(m.buildingId)) {
      return err('validation', `no building '${m.buildingId}' in the district`, `${at}.buildingId`);
    }
    let bad: Result<true> | null = null;
    switch (m.kind) {
      case 'pv':
        bad =
          positive(m.kwp, `${at}.kwp`) ??
          (m.tiltDeg >= 0 && m.tiltDeg <= 90 ? null : err('validation', `tilt must be 0..90, got ${m.tiltDeg}`, `${at}.tiltDeg`)) ??
          (m.azimuthDeg >= 0 && m.azimuthDeg <= 360 ? null : err('validation', `azimuth must be 0..360, got ${m.azimuthDeg}`, `${at}.azimuthDeg`));
        break;
      case 'pv-potential':
        bad = share(m.share, `${at}.share`);
        break;
      case 'battery':
        bad =
          positive(m.capacityKwh, `${at}.capacityKwh`) ??
          positive(m.powerKw, `${at}.powerKw`) ??
          (m.roundTripEfficiency > 0 && m.roundTripEfficiency <= 1 ? null : err('validation', `must be in (0, 1], got ${m.roundTripEfficiency}`, `${at}.roundTripEfficiency`)) ??
          share(m.initialSoc, `${at}.initialSoc`);
        break;
      case 'heat-pump':
        bad =
          positive(m.scop, `${at}.scop`) ??
          (m.boilerEfficiency === undefined || (m.boilerEfficiency > 0 && m.boilerEfficiency <= 1.1)
            ? null
            : err('validation', `must be in (0, 1.1], got ${m.boilerEfficiency}`, `${at}.boilerEfficiency`));
        break;
      case 'efficiency':
        bad = share(m.saving, `${at}.saving`) ?? nonNegative(m.saving, `${at}.saving`);
        if (bad === null && m.carrier !== '*' && !isCarrier(m.carrier)) bad = err('validation', `unknown carrier '${m.carrier}'`, `${at}.carrier`);
        break;
      default:
        return err('validation', `unknown measure kind '${String((m as { kind: unknown }).kind)}'`, `${at}.kind`);
    }
    if (bad !== null) return bad;
  }
  return ok(true);
};
