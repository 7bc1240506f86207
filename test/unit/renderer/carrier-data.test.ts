import { describe, expect, it } from 'vitest';
import type { CarrierSeriesResult } from '../../../models/contract/index.js';
import { carrierBars } from '../../../renderer/charts/carrier-data.js';

const H = 3_600_000;
const bucket = (start: number, kwh: number, coverage = 1) => ({ start, consumptionKwh: kwh, generationKwh: 0, coverage });

describe('carrier bars', () => {
  it('draws every carrier but electricity on the union of the buckets; no data is a gap, not 0 kWh', () => {
    const result: CarrierSeriesResult = {
      buildingId: 'S1',
      from: 0,
      to: 3 * H,
      step: 'hour',
      timeZone: 'Europe/Berlin',
      heatSupply: { carrier: 'gas', efficiency: 0.9, origin: 'default' },
      carriers: [
        { carrier: 'electricity', source: 'metered', consumptionKwh: 6, generationKwh: 0, buckets: [bucket(0, 2), bucket(H, 2), bucket(2 * H, 2)] },
        { carrier: 'heat', source: 'metered', consumptionKwh: 8, generationKwh: 0, buckets: [bucket(0, 4), bucket(H, 4), bucket(2 * H, 0, 0)] },
        { carrier: 'gas', source: 'derived', consumptionKwh: 8 / 0.9, generationKwh: 0, buckets: [bucket(H, 4 / 0.9)] },
      ],
    };
    const bars = carrierBars(result, (ts) => `h${ts / H}`);
    expect(bars.labels).toEqual(['h0', 'h1', 'h2']);
    expect(bars.series).toEqual([
      { carrier: 'heat', derived: false, values: [4, 4, null] },
      { carrier: 'gas', derived: true, values: [null, 4 / 0.9, null] },
    ]);
  });
});
