/** Turns 'carriers.series' into chart bars (pure, unit-tested without a canvas). */
import type { CarrierSeriesResult } from '../../models/contract/index.js';
import type { Carrier } from '../../models/energy/carriers.js';

export interface CarrierBars {
  readonly labels: string[];
  readonly series: { readonly carrier: Carrier; readonly derived: boolean; readonly values: (number | null)[] }[];
}

/**
 * One row of values per carrier but electricity, on the union of the bucket starts; a bucket without data (coverage
 * 0 or absent) is null, so the chart leaves a gap instead of drawing 0 kWh.
 */
export function carrierBars(result: CarrierSeriesResult, labelOf: (start: number) => string): CarrierBars {
  const shown = result.carriers.filter((c) => c.carrier !== 'electricity');
  const starts = [...new Set(shown.flatMap((c) => c.buckets.map((b) => b.start)))].sort((a, b) => a - b);
  return {
    labels: starts.map(labelOf),
    series: shown.map((c) => {
      const byStart = new Map(c.buckets.map((b) => [b.start, b]));
      return {
        carrier: c.carrier,
        derived: c.source === 'derived',
        values: starts.map((s) => {
          const b = byStart.get(s);
          return b === undefined || b.coverage === 0 ? null : b.consumptionKwh;
        }),
      };
    }),
  };
}
