import type { IntervalQuality } from '../types.js';

/**
 * Interval qualities ordered from most to least trustworthy. The store keeps the index as a small integer so that
 * "worst quality of a bucket" is a plain MAX() in SQL; never reorder without a migration.
 */
export const QUALITY_ORDER: readonly IntervalQuality[] = [
  'measured',
  'rollover',
  'meter-replaced',
  'counter-reset',
  'interpolated',
  'recovered',
  'estimated',
  'implausible',
];

export const IMPLAUSIBLE_CODE = QUALITY_ORDER.indexOf('implausible');
export const MEASURED_CODE = 0;

export const qualityCode = (q: IntervalQuality): number => QUALITY_ORDER.indexOf(q);

export const qualityFromCode = (code: number): IntervalQuality => {
  const q = QUALITY_ORDER[code];
  if (q === undefined) throw new RangeError(`unknown interval quality code ${code}`);
  return q;
};

export const worstQuality = (a: IntervalQuality, b: IntervalQuality): IntervalQuality =>
  qualityCode(a) >= qualityCode(b) ? a : b;

/** Implausible energy is kept for inspection but never counted in a balance. */
export const countsInBalance = (q: IntervalQuality): boolean => q !== 'implausible';
