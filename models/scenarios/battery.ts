import { MISSING_CODE } from '../energy/quality.js';

/** Module-local copy: loaders that turn imports into getters would otherwise pay a call per slot. */
const MISSING = MISSING_CODE;

export interface BatterySpec {
  readonly capacityKwh: number;
  readonly powerKw: number;
  readonly roundTripEfficiency: number;
  readonly initialSoc?: number;
}

export interface DispatchResult {
  readonly import: Float64Array;
  readonly export: Float64Array;
  /** Energy taken in from the AC side, kWh. */
  readonly chargedKwh: number;
  /** Energy given out on the AC side, kWh. */
  readonly dischargedKwh: number;
  readonly initialSocKwh: number;
  readonly finalSocKwh: number;
  /** charged / capacity: full cycles in the period. */
  readonly equivalentCycles: number;
}

/**
 * Simple self-consumption dispatch on a building's grid exchange: in every slot, what would be exported charges
 * the battery and what would be imported discharges it, within the power limit and the state of charge; the
 * rest still goes to or comes from the grid. No forecast, no grid charging. Losses: the square root of the round
 * trip on the way in and again on the way out. A slot with both import and export (a 15-minute meter sees both)
 * charges first, then discharges. Missing slots leave the battery idle.
 */
export const dispatchBattery = (
  imports: Float64Array,
  exports: Float64Array,
  quality: Uint8Array,
  stepMs: number,
  spec: BatterySpec,
): DispatchResult => {
  const n = imports.length;
  const imp = new Float64Array(n);
  const exp = new Float64Array(n);
  const eta = Math.sqrt(spec.roundTripEfficiency);
  const maxStep = spec.powerKw * (stepMs / 3_600_000);
  const cap = spec.capacityKwh;
  const soc0 = cap * (spec.initialSoc ?? 0);
  let soc = soc0;
  let charged = 0;
  let discharged = 0;
  for (let i = 0; i < n; i++) {
    if (quality[i] === MISSING) {
      imp[i] = exp[i] = Number.NaN;
      continue;
    }
    const surplus = exports[i] as number;
    const deficit = imports[i] as number;
    const inp = Math.min(surplus, maxStep, (cap - soc) / eta);
    soc += inp * eta;
    charged += inp;
    exp[i] = surplus - inp;
    const out = Math.min(deficit, maxStep, soc * eta);
    soc -= out / eta;
    discharged += out;
    imp[i] = deficit - out;
  }
  return { import: imp, export: exp, chargedKwh: charged, dischargedKwh: discharged, initialSocKwh: soc0, finalSocKwh: soc, equivalentCycles: charged / cap };
};
