/** Alarms: the intervals the interval engine flagged implausible. */

/** One 15-minute interval the interval engine flagged 'implausible' (kept for inspection, never in a balance). */
export interface ImplausibleInterval {
  readonly pointId: string;
  readonly buildingId: string;
  /** Start of the interval, UTC epoch ms. */
  readonly start: number;
  /** Energy the interval holds (not counted in any balance), kWh. */
  readonly kwh: number;
  /** Average power over the 15 minutes, kW (kwh / 0.25 h). */
  readonly avgKw: number;
  /** Largest |power| sample of a power point inside the interval while raw samples are kept; else null. */
  readonly peakKw: number | null;
  /** The point's maximum plausible power the engine applied, kW. */
  readonly limitKw: number;
}

export interface ImplausibleArgs {
  readonly from: number;
  readonly to: number;
  /** Newest intervals per point (default 5, at most 100). */
  readonly perPoint?: number;
}

export interface AlarmMethods {
  'alarms.implausible': { args: ImplausibleArgs; result: readonly ImplausibleInterval[] };
}
