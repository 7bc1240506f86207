/** Thresholds of the interval engine; every one is configurable per store and per point. */
export interface IntervalLimits {
  /** Above this average power over a step the energy is implausible (kept, never in a balance), kW. */
  readonly maxPowerKw: number;
  /** Steps up to this long count as measured. */
  readonly measuredGapMs: number;
  /** Steps up to this long are bridged and flagged interpolated; longer ones are a downtime (recovered). */
  readonly interpolateGapMs: number;
  /** Counter ranges (kWh) at which a register can wrap to zero, smallest first. */
  readonly wrapKwh: readonly number[];
  /** A counter that goes back by at most this much is jitter, not a reset, kWh. */
  readonly jitterKwh: number;
}

const WIDTHS = [2 ** 16, 2 ** 32];
const SCALES = [0.001, 0.01, 0.1, 1];

export const DEFAULT_LIMITS: IntervalLimits = {
  maxPowerKw: 1000,
  measuredGapMs: 15 * 60 * 1000,
  interpolateGapMs: 60 * 60 * 1000,
  // 16- and 32-bit registers holding Wh, 10 Wh, 100 Wh or kWh
  wrapKwh: WIDTHS.flatMap((w) => SCALES.map((s) => w * s)).sort((a, b) => a - b),
  jitterKwh: 0.001,
};
