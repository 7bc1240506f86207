import type { IntervalQuality } from '../types.js';

/** An interval quality, or 'missing' when no value exists for a slot of the grid. */
export type SlotQuality = IntervalQuality | 'missing';

/**
 * Slot qualities as small integer codes so that a year of 15-minute slots for a thousand buildings fits in
 * typed arrays. Code 0 is 'measured', the last code is 'missing'; everything in between has a value that was
 * derived or estimated rather than measured.
 */
export const SLOT_QUALITIES = [
  'measured',
  'interpolated',
  'recovered',
  'counter-reset',
  'rollover',
  'meter-replaced',
  'implausible',
  'estimated',
  'missing',
] as const satisfies readonly SlotQuality[];

export const MEASURED_CODE = 0;
export const MISSING_CODE = SLOT_QUALITIES.length - 1;

export const qualityCode = (quality: SlotQuality): number => SLOT_QUALITIES.indexOf(quality);

export const qualityOfCode = (code: number): SlotQuality => SLOT_QUALITIES[code] ?? 'missing';

/** The worse of two codes: missing beats estimated beats measured (codes grow with doubt). */
export const worseCode = (a: number, b: number): number => (a > b ? a : b);
