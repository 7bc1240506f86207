/**
 * OCPP 2.0.1 MeterValueType[] (MeterValuesRequest, TransactionEventRequest) to readings in PlusTwin's canonical
 * units, the same two quantities as for 1.6 (meter-values.ts): the active energy import register (kWh counter) and
 * the active import power (kW), each the meter's total (a sampledValue with a phase is skipped) at the outlet or
 * inlet (location 'EV' is the car's battery).
 *
 * What differs from 1.6 (OCPP 2.0.1 Part 2, data types SampledValueType and UnitOfMeasureType, and the ocpp2.0.1
 * JSON schemas ocpp-rpc ships): value is a JSON number, not a string; the unit sits in unitOfMeasure.unit (default
 * "Wh" for the default measurand) with unitOfMeasure.multiplier, "the exponent to base 10" (default 0), so a value
 * means value * 10^multiplier unit; signed meter values travel beside the number (signedMeterValue), so the number
 * is used. Defaults when a field is absent: measurand 'Energy.Active.Import.Register', location 'Outlet', context
 * 'Sample.Periodic'.
 */
import { ENERGY, unitFactor, wantedQuantity, type MeterSample } from './meter-values.js';

export interface Ocpp201SampledValue {
  readonly value: number;
  readonly context?: string;
  readonly measurand?: string;
  readonly phase?: string;
  readonly location?: string;
  readonly unitOfMeasure?: { readonly unit?: string; readonly multiplier?: number };
}

export interface Ocpp201MeterValue {
  readonly timestamp: string;
  readonly sampledValue: readonly Ocpp201SampledValue[];
}

/** A sample with the reading context it was sent in (Transaction.Begin, Transaction.End, Sample.Periodic, ...). */
export interface Ocpp201Sample extends MeterSample {
  readonly context: string;
}

export function meterSamples201(meterValues: readonly Ocpp201MeterValue[]): { samples: Ocpp201Sample[]; problems: string[] } {
  const samples: Ocpp201Sample[] = [];
  const problems: string[] = [];
  meterValues.forEach((mv, i) => {
    const ts = Date.parse(mv.timestamp);
    mv.sampledValue.forEach((sv, j) => {
      const quantity = wantedQuantity(sv);
      if (quantity === null) return;
      const where = `meterValue[${i}].sampledValue[${j}]`;
      if (!Number.isFinite(ts)) return void problems.push(`${where}: timestamp '${mv.timestamp}' is not a date`);
      const { unit, factor } = unitFactor(quantity, sv.unitOfMeasure?.unit);
      if (factor === undefined) return void problems.push(`${where}: unit '${unit}' does not fit ${sv.measurand ?? ENERGY}`);
      const multiplier = sv.unitOfMeasure?.multiplier ?? 0;
      if (!Number.isFinite(sv.value)) return void problems.push(`${where}: value is not a number`);
      samples.push({ quantity, ts, value: scaled(sv.value, multiplier) * factor, context: sv.context ?? 'Sample.Periodic' });
    });
  });
  return { samples, problems };
}

/**
 * value * 10^multiplier. A negative power of ten is not exact in binary (10 ** -1 = 0.1000...0055), so it divides
 * by 10^-multiplier instead: 12345 with multiplier -1 gives 1234.5 exactly, as the meter meant it.
 */
const scaled = (value: number, multiplier: number): number => (multiplier >= 0 ? value * 10 ** multiplier : value / 10 ** -multiplier);

/**
 * The energy register (Wh) a transaction event reports: the sample in the wanted context if there is one
 * (Transaction.Begin for Started, Transaction.End for Ended), else the latest; undefined when it sends none.
 */
export function energyRegisterWh(samples: readonly Ocpp201Sample[], context?: string): number | undefined {
  const energy = samples.filter((s) => s.quantity === 'energy');
  const pick = (context === undefined ? undefined : energy.find((s) => s.context === context)) ?? energy.reduce<Ocpp201Sample | undefined>((a, s) => (a === undefined || s.ts >= a.ts ? s : a), undefined);
  return pick === undefined ? undefined : kwhToWh(pick.value);
}

/** kWh back to Wh, rounded to a micro-Wh so that 1005.5 kWh gives 1,005,500 Wh and not 1,005,499.9999999999. */
export const kwhToWh = (kwh: number): number => Math.round(kwh * 1e9) / 1e6;
