/**
 * OCPP 1.6 MeterValue[] (MeterValues.req, StopTransaction.req transactionData) to readings in PlusTwin's canonical
 * units. Only the two quantities the balance needs are taken: the active energy import register (kWh counter) and
 * the active import power (kW), each as the total of the meter (a sampledValue with a phase is one phase's share
 * and is skipped) measured at the outlet or the inlet (location 'EV' is the car's battery, not a meter).
 *
 * Defaults when a field is absent, from OCPP 1.6 section 7.45 (SampledValue) and the ocpp1.6 JSON schema
 * MeterValues.json: measurand 'Energy.Active.Import.Register', unit 'Wh', location 'Outlet', format 'Raw'.
 * A power value without a unit is taken as W, the unit the measurand is specified in.
 * Signed data (format 'SignedData') is a hex blob, not a number, and is skipped.
 */

export interface OcppSampledValue {
  readonly value: string;
  readonly context?: string;
  readonly format?: string;
  readonly measurand?: string;
  readonly phase?: string;
  readonly location?: string;
  readonly unit?: string;
}

export interface OcppMeterValue {
  readonly timestamp: string;
  readonly sampledValue: readonly OcppSampledValue[];
}

export type MeterQuantity = 'energy' | 'power';

export interface MeterSample {
  readonly quantity: MeterQuantity;
  readonly ts: number;
  /** kWh for energy, kW for power. */
  readonly value: number;
}

export const ENERGY = 'Energy.Active.Import.Register';
const POWER = 'Power.Active.Import';

/** Multiplier from the sampledValue's unit to kWh / kW; undefined for a unit that does not fit the measurand. */
const TO_CANONICAL: Record<MeterQuantity, Record<string, number>> = {
  energy: { Wh: 1 / 1000, kWh: 1 },
  power: { W: 1 / 1000, kW: 1 },
};

/**
 * The quantity of a sample PlusTwin uses: the whole outlet's (no phase, not the EV's side) import energy register or
 * active import power, the measurand defaulting to the energy register as both OCPP versions specify; null otherwise.
 */
export function wantedQuantity(sv: { readonly measurand?: string; readonly phase?: string; readonly location?: string }): MeterQuantity | null {
  const measurand = sv.measurand ?? ENERGY;
  const quantity: MeterQuantity | null = measurand === ENERGY ? 'energy' : measurand === POWER ? 'power' : null;
  return quantity === null || sv.phase !== undefined || (sv.location ?? 'Outlet') === 'EV' ? null : quantity;
}

/** The sample's unit (Wh or W when it names none) and its factor to kWh / kW; no factor for a unit that does not fit. */
export function unitFactor(quantity: MeterQuantity, unit: string | undefined): { unit: string; factor: number | undefined } {
  const u = unit ?? (quantity === 'energy' ? 'Wh' : 'W');
  return { unit: u, factor: TO_CANONICAL[quantity][u] };
}

export interface MeterParseResult {
  readonly samples: MeterSample[];
  /** Why a sampledValue of a wanted measurand was left out (bad number, unit, timestamp), for the log. */
  readonly problems: string[];
}

export function meterSamples(meterValues: readonly OcppMeterValue[]): MeterParseResult {
  const samples: MeterSample[] = [];
  const problems: string[] = [];
  meterValues.forEach((mv, i) => {
    const ts = Date.parse(mv.timestamp);
    mv.sampledValue.forEach((sv, j) => {
      const quantity = wantedQuantity(sv);
      if (quantity === null) return;
      if ((sv.format ?? 'Raw') !== 'Raw') return;
      const where = `meterValue[${i}].sampledValue[${j}]`;
      if (!Number.isFinite(ts)) return void problems.push(`${where}: timestamp '${mv.timestamp}' is not a date`);
      const { unit, factor } = unitFactor(quantity, sv.unit);
      if (factor === undefined) return void problems.push(`${where}: unit '${unit}' does not fit ${sv.measurand ?? ENERGY}`);
      const raw = Number(sv.value);
      if (sv.value.trim() === '' || !Number.isFinite(raw)) return void problems.push(`${where}: value '${sv.value}' is not a number`);
      samples.push({ quantity, ts, value: raw * factor });
    });
  });
  return { samples, problems };
}
