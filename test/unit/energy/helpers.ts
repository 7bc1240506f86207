import { makeSeries, type CarrierSeries, type SeriesInput } from '../../../models/energy/series.js';

export const T0 = Date.UTC(2025, 0, 1);

/** makeSeries for tests: a failed construction is a test failure with the model's message. */
export const series = (input: Omit<SeriesInput, 'start'> & { start?: number }): CarrierSeries => {
  const r = makeSeries({ start: T0, ...input });
  if (!r.ok) throw new Error(`makeSeries failed: ${r.error.where ?? ''} ${r.error.message}`);
  return r.value;
};
