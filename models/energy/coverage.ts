import { MEASURED_CODE, MISSING_CODE } from './quality.js';

/**
 * How much of a period rests on measurements. Every result carries one so that nobody reads an estimate as a
 * measurement: measured + estimated + missing = slots.
 */
export interface Coverage {
  readonly slots: number;
  readonly measured: number;
  /** Slots with a value that is not a plain measurement (interpolated, recovered, estimated, ...). */
  readonly estimated: number;
  /** Slots with no value at all; they are left out of every sum and KPI. */
  readonly missing: number;
  /** measured / slots, 0 for an empty period. */
  readonly measuredShare: number;
  readonly estimatedShare: number;
  readonly missingShare: number;
}

export const coverageOf = (measured: number, estimated: number, missing: number): Coverage => {
  const slots = measured + estimated + missing;
  const share = (n: number): number => (slots === 0 ? 0 : n / slots);
  return {
    slots,
    measured,
    estimated,
    missing,
    measuredShare: share(measured),
    estimatedShare: share(estimated),
    missingShare: share(missing),
  };
};

export const EMPTY_COVERAGE: Coverage = coverageOf(0, 0, 0);

/** Coverage of code range [i0, i1) of a quality column; slots outside [0, codes.length) count as missing. */
export const coverageOfCodes = (codes: Uint8Array, i0: number, i1: number): Coverage => {
  let measured = 0;
  let missing = 0;
  const lo = Math.max(0, i0);
  const hi = Math.min(codes.length, i1);
  const measuredCode = MEASURED_CODE;
  const missingCode = MISSING_CODE;
  for (let i = lo; i < hi; i++) {
    const c = codes[i] as number;
    if (c === measuredCode) measured++;
    else if (c === missingCode) missing++;
  }
  const outside = Math.max(0, i1 - i0) - Math.max(0, hi - lo);
  missing += outside;
  const total = Math.max(0, i1 - i0);
  return coverageOf(measured, total - measured - missing, missing);
};

/** Sum of several coverages (for districts and multi-carrier totals). */
export const addCoverage = (items: readonly Coverage[]): Coverage =>
  coverageOf(
    items.reduce((s, c) => s + c.measured, 0),
    items.reduce((s, c) => s + c.estimated, 0),
    items.reduce((s, c) => s + c.missing, 0),
  );
