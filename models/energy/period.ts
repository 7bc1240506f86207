import { ModelInputError } from './errors.js';
import { seriesEnd, type CarrierSeries } from './series.js';

/** Half-open period [from, to), UTC epoch ms. */
export interface Period {
  readonly from: number;
  readonly to: number;
}

export const periodOf = (s: CarrierSeries): Period => ({ from: s.start, to: seriesEnd(s) });

/**
 * Slot indexes [i0, i1) of a period on a series' grid. Indexes may lie outside the series: those slots count
 * as missing. The period must sit on the grid, because a balance that silently cut an interval in half
 * would be wrong by the share nobody sees.
 */
export const slotRange = (s: CarrierSeries, period: Period | undefined): readonly [number, number] => {
  if (period === undefined) return [0, s.quality.length];
  const { from, to } = period;
  if (!(to >= from)) throw new ModelInputError(`period ends (${to}) before it starts (${from})`, 'period.to');
  const a = (from - s.start) / s.stepMs;
  const b = (to - s.start) / s.stepMs;
  if (!Number.isInteger(a)) throw new ModelInputError(`${from} is not on the ${s.stepMs} ms grid of ${s.carrier}`, 'period.from');
  if (!Number.isInteger(b)) throw new ModelInputError(`${to} is not on the ${s.stepMs} ms grid of ${s.carrier}`, 'period.to');
  return [a, b];
};

/** Human name of a step, printed with every KPI because KPIs depend on the resolution. */
export const resolutionName = (stepMs: number): string => {
  const minutes = stepMs / 60_000;
  if (minutes < 60) return `${minutes} min`;
  if (minutes < 1440) return `${minutes / 60} h`;
  return `${minutes / 1440} d`;
};
