/**
 * Costs under tariffs, worked by hand (models/tariffs/costs.ts; docs/costs.md): a tariff change at local midnight,
 * the DST days, fixed charges over part of a month, and a dynamic tariff at 15 minutes and hourly.
 */
import { describe, expect, it } from 'vitest';
import { localDays } from '../../../main/core/analysis/local-days.js';
import { tariffBounds } from '../../../main/core/analysis/period-costs.js';
import { makeSeries, type CarrierSeries } from '../../../models/energy/series.js';
import { carrierCost, type TariffWindow } from '../../../models/tariffs/costs.js';
import type { Tariff } from '../../../models/tariffs/tariff.js';

const Q = 900_000;
const ZONE = 'Europe/Berlin';

const tariff = (t: Partial<Tariff> & Pick<Tariff, 'id' | 'validFrom'>): Tariff => ({
  buildingId: 'b',
  carrier: 'electricity',
  kind: 'fixed',
  name: '',
  validTo: null,
  energyCtPerKwh: 30,
  fixedEurPerMonth: 0,
  feedInCtPerKwh: 0,
  pricesFile: null,
  ...t,
});

const windowOf = (t: Tariff, prices: ReadonlyMap<number, number> | null = null): TariffWindow => ({ tariff: t, ...tariffBounds(t, ZONE), prices });

const series = (start: number, n: number, slot: (i: number, t: number) => { im: number; ex: number; g: number }, stepMs = Q): CarrierSeries => {
  const im: number[] = [];
  const ex: number[] = [];
  const g: number[] = [];
  for (let i = 0; i < n; i++) {
    const v = slot(i, start + i * stepMs);
    im.push(v.im);
    ex.push(v.ex);
    g.push(v.g);
  }
  const s = makeSeries({ carrier: 'electricity', start, stepMs, import: im, export: ex, generation: g });
  if (!s.ok) throw new Error(s.error.message);
  return s.value;
};

describe('a tariff change at local midnight', () => {
  // 1 and 2 January 2025 in Berlin (UTC+1): [31 Dec 23:00Z, 2 Jan 23:00Z), 192 quarter hours.
  const from = Date.UTC(2024, 11, 31, 23);
  const to = Date.UTC(2025, 0, 2, 23);
  const a = tariff({ id: 'a', validFrom: '2024-01-01', validTo: '2025-01-02', energyCtPerKwh: 30, fixedEurPerMonth: 31, feedInCtPerKwh: 8 });
  const b = tariff({ id: 'b', validFrom: '2025-01-02', energyCtPerKwh: 40, fixedEurPerMonth: 62, feedInCtPerKwh: 7 });
  // 1 kW load; PV of 2 kW from 12:00 to 13:00 local (11:00-12:00Z): then 0.5 kWh generated, 0.25 used, 0.25 exported
  const s = series(from, 192, (_i, t) => {
    const utcHour = new Date(t).getUTCHours();
    return utcHour === 11 ? { im: 0, ex: 0.25, g: 0.5 } : { im: 0.25, ex: 0, g: 0 };
  });

  it('prices each day with its own tariff and prorates both fixed charges by day', () => {
    expect(windowOf(b).from).toBe(Date.UTC(2025, 0, 1, 23)); // 2 January 00:00 local
    const c = carrierCost('electricity', s, [windowOf(a), windowOf(b)], { from, to }, localDays({ from, to }, ZONE));
    // per day: 92 quarter hours x 0.25 kWh = 23 kWh imported; 4 x 0.25 = 1 kWh exported; 1 kWh self-consumed
    // energy: 23 x 0.30 + 23 x 0.40 = 6.90 + 9.20 = 16.10 EUR
    expect(c.energyEur).toBeCloseTo(16.1, 9);
    // fixed: January has 31 days: 31 / 31 x 1 day + 62 / 31 x 1 day = 1.00 + 2.00 = 3.00 EUR
    expect(c.fixedEur).toBeCloseTo(3, 9);
    // feed-in: 1 x 0.08 + 1 x 0.07 = 0.15 EUR
    expect(c.feedInEur).toBeCloseTo(0.15, 9);
    // net: 16.10 + 3.00 - 0.15 = 18.95 EUR
    expect(c.netEur).toBeCloseTo(18.95, 9);
    // reference: (23 + 1) x 0.30 + (23 + 1) x 0.40 + 3.00 = 7.20 + 9.60 + 3.00 = 19.80 EUR; savings 0.85 EUR
    expect(c.referenceEur).toBeCloseTo(19.8, 9);
    expect(c.savingsEur).toBeCloseTo(0.85, 9);
    expect(c.tariffIds).toEqual(['a', 'b']);
    expect(c.unpricedImportKwh).toBe(0);
  });

  it('counts energy before the first tariff as unpriced, never as 0 EUR', () => {
    const late = tariff({ id: 'late', validFrom: '2025-01-02', energyCtPerKwh: 40 });
    const c = carrierCost('electricity', s, [windowOf(late)], { from, to }, localDays({ from, to }, ZONE));
    // 1 January: 23 kWh imported and 1 kWh exported outside every tariff
    expect(c.unpricedImportKwh).toBeCloseTo(23, 9);
    expect(c.unpricedExportKwh).toBeCloseTo(1, 9);
    expect(c.energyEur).toBeCloseTo(9.2, 9);
  });
});

describe('the DST days', () => {
  const t = tariff({ id: 't', validFrom: '2025-01-01', energyCtPerKwh: 20, fixedEurPerMonth: 31 });

  it('30 March 2025 has 92 quarter hours and still pays one day of the fixed charge', () => {
    // 30 March 00:00 CET = 29 March 23:00Z; 31 March 00:00 CEST = 30 March 22:00Z: 23 hours
    const from = Date.UTC(2025, 2, 29, 23);
    const to = Date.UTC(2025, 2, 30, 22);
    const s = series(from, 92, () => ({ im: 0.25, ex: 0, g: 0 }));
    const days = localDays({ from, to }, ZONE);
    expect(days).toEqual([{ from, to, daysInMonth: 31 }]);
    const c = carrierCost('electricity', s, [windowOf(t)], { from, to }, days);
    // 92 x 0.25 = 23 kWh x 0.20 = 4.60 EUR; fixed 31 / 31 = 1.00 EUR
    expect(c.energyEur).toBeCloseTo(4.6, 9);
    expect(c.fixedEur).toBeCloseTo(1, 9);
    expect(c.netEur).toBeCloseTo(5.6, 9);
  });

  it('26 October 2025 has 100 quarter hours and pays one day as well', () => {
    // 26 October 00:00 CEST = 25 October 22:00Z; 27 October 00:00 CET = 26 October 23:00Z: 25 hours
    const from = Date.UTC(2025, 9, 25, 22);
    const to = Date.UTC(2025, 9, 26, 23);
    const s = series(from, 100, () => ({ im: 0.25, ex: 0, g: 0 }));
    const c = carrierCost('electricity', s, [windowOf(t)], { from, to }, localDays({ from, to }, ZONE));
    // 100 x 0.25 = 25 kWh x 0.20 = 5.00 EUR; October has 31 days: 31 / 31 = 1.00 EUR
    expect(c.energyEur).toBeCloseTo(5, 9);
    expect(c.fixedEur).toBeCloseTo(1, 9);
  });

  it('prorates the fixed charge over part of two months by their own lengths', () => {
    // 10 February to 5 March 2025 at 28 EUR/month: 19 days of 28 (19.00 EUR) + 4 days of 31 (28 x 4 / 31 = 3.6129 EUR)
    const from = Date.UTC(2025, 1, 9, 23);
    const to = Date.UTC(2025, 2, 4, 23);
    const f = tariff({ id: 'f', validFrom: '2025-01-01', energyCtPerKwh: 0, fixedEurPerMonth: 28 });
    const c = carrierCost('electricity', undefined, [windowOf(f)], { from, to }, localDays({ from, to }, ZONE));
    expect(c.fixedEur).toBeCloseTo(19 + (28 * 4) / 31, 9);
    expect(c.energyEur).toBe(0);
  });
});

describe('a dynamic tariff', () => {
  // four quarter hours from 1 June 2025 10:00Z; prices 10, -5 and 20 ct, the fourth has none; surcharge 15 ct
  const from = Date.UTC(2025, 5, 1, 10);
  const prices = new Map([
    [from, 10],
    [from + Q, -5],
    [from + 2 * Q, 20],
  ]);
  const d = tariff({ id: 'd', kind: 'dynamic', validFrom: '2025-01-01', energyCtPerKwh: 15 });

  it('prices each quarter hour with its own price plus the surcharge and names the quarter hour without a price', () => {
    const s = series(from, 4, () => ({ im: 1, ex: 0, g: 0 }));
    const c = carrierCost('electricity', s, [windowOf(d, prices)], { from, to: from + 4 * Q }, []);
    // 1 kWh x (10 + 15) + 1 x (-5 + 15) + 1 x (20 + 15) = 25 + 10 + 35 = 70 ct = 0.70 EUR; 1 kWh unpriced
    expect(c.energyEur).toBeCloseTo(0.7, 9);
    expect(c.pricedImportKwh).toBe(3);
    expect(c.unpricedImportKwh).toBe(1);
  });

  it('takes the mean of the quarter hours an hourly slot has prices for', () => {
    const s = series(from, 1, () => ({ im: 4, ex: 0, g: 0 }), 3_600_000);
    const c = carrierCost('electricity', s, [windowOf(d, prices)], { from, to: from + 4 * Q }, []);
    // (10 - 5 + 20) / 3 = 8.333 ct + 15 = 23.333 ct x 4 kWh = 93.33 ct
    expect(c.energyEur).toBeCloseTo(((10 - 5 + 20) / 3 + 15) * 4 / 100, 9);
  });
});
