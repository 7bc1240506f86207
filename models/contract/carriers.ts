/**
 * Every carrier of a building (or the district) over time: electricity, metered useful heat, the fuel the analysis
 * derives behind it, gas, district heat, ... The series come from the one analysis' loader (the same roles, the
 * same heat supply), summed into local hours, days or months; the UI only draws them.
 */
import type { Carrier } from '../energy/carriers.js';
import type { HeatSupply } from '../types.js';

/** Local hours (a day's chart), days (a week's or month's), months (a year's). */
export type CarrierStep = 'hour' | 'day' | 'month';

export interface CarrierBucket {
  /** Start of the local hour, day or month, UTC ms. */
  readonly start: number;
  readonly consumptionKwh: number;
  readonly generationKwh: number;
  /** Share of the bucket's analysis slots that hold a value, 0..1 (0: no data, never shown as 0 kWh). */
  readonly coverage: number;
}

export interface CarrierSeriesView {
  readonly carrier: Carrier;
  /** 'derived': the fuel behind metered heat (heat / efficiency of the heat supply); 'metered' otherwise. */
  readonly source: 'metered' | 'derived';
  readonly consumptionKwh: number;
  readonly generationKwh: number;
  readonly buckets: readonly CarrierBucket[];
}

export interface CarrierSeriesArgs {
  /** Omitted: the district (the sum of its buildings per carrier). */
  readonly buildingId?: string;
  readonly from: number;
  readonly to: number;
  readonly step: CarrierStep;
}

export interface CarrierSeriesResult {
  readonly buildingId: string | null;
  /** The period on the analysis' hour grid. */
  readonly from: number;
  readonly to: number;
  readonly step: CarrierStep;
  readonly timeZone: string;
  /** Carriers with a meter (or derived from one), electricity first. */
  readonly carriers: readonly CarrierSeriesView[];
  /** The heat supply the fuel behind metered heat was derived with (a building's), null when none was derived. */
  readonly heatSupply: (HeatSupply & { readonly origin: 'default' | 'setting' | 'building' | 'planning' }) | null;
}

export interface CarrierMethods {
  'carriers.series': { args: CarrierSeriesArgs; result: CarrierSeriesResult };
}
