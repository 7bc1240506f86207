import { describe, expect, it } from 'vitest';
import type { SeriesBucket } from '../../../models/contract/index.js';
import { bucketIndexAt, hourlyBuckets, quarterPower } from '../../../renderer/charts/chart-data.js';
import { dayLabel, monthLabel, rangeLabel } from '../../../renderer/time/period-label.js';
import { panelWindows, windowMaxAge } from '../../../renderer/time/replay-windows.js';

const TZ = 'Europe/Berlin';
const H = 3600_000;
const Q = 15 * 60_000;

describe('panel windows at the time bar position', () => {
  it('day scope: the local day holding the slider instant and the days of its month', () => {
    const focus = Date.UTC(2025, 5, 10, 10, 15); // 12:15 local
    const w = panelWindows('day', focus, TZ);
    expect(w.day).toEqual({ from: Date.UTC(2025, 5, 9, 22), to: Date.UTC(2025, 5, 10, 22) });
    expect(w.bars).toEqual({ from: Date.UTC(2025, 4, 31, 22), to: Date.UTC(2025, 5, 30, 22), resolution: 'day' });
    expect(w.focus).toBe(focus);
  });

  it('an instant at local midnight ends the day before (the last step of a day)', () => {
    const midnight = Date.UTC(2025, 0, 14, 23); // 15 Jan 00:00 local
    expect(panelWindows('month', midnight, TZ).day).toEqual({ from: Date.UTC(2025, 0, 13, 23), to: midnight });
  });

  it('year scope: months of the year; DST days have 23 and 25 hours', () => {
    const w = panelWindows('year', Date.UTC(2025, 2, 30, 12), TZ);
    expect(w.bars).toEqual({ from: Date.UTC(2024, 11, 31, 23), to: Date.UTC(2025, 11, 31, 23), resolution: 'month' });
    expect(w.day.to - w.day.from).toBe(23 * H);
    const autumn = panelWindows('day', Date.UTC(2025, 9, 26, 12), TZ).day;
    expect(autumn.to - autumn.from).toBe(25 * H);
  });

  it('caches a window for good once it lies a quarter hour in the past, else only briefly', () => {
    const now = Date.UTC(2025, 5, 10, 10);
    expect(windowMaxAge({ from: now - 24 * H, to: now - Q }, now, 8000)).toBe(Infinity);
    expect(windowMaxAge({ from: now - H, to: now + H }, now, 8000)).toBe(8000);
    expect(windowMaxAge({ from: now - H, to: now - 60_000 }, now, 8000)).toBe(8000);
  });
});

describe('replayed chart data', () => {
  const b = (start: number, kwh: number, quality: SeriesBucket['quality'] = 'measured'): SeriesBucket => ({
    start,
    consumptionKwh: kwh,
    generationKwh: kwh / 2,
    importKwh: kwh,
    exportKwh: kwh / 4,
    quality,
  });

  it('sums quarter hours into hours and keeps the worst quality', () => {
    const t0 = Date.UTC(2025, 5, 10, 8);
    const hours = hourlyBuckets([b(t0 + Q, 2), b(t0, 1), b(t0 + 2 * Q, 3, 'interpolated'), b(t0 + 3 * Q, 4), b(t0 + H, 10)]);
    expect(hours.map((x) => [x.start, x.consumptionKwh, x.generationKwh, x.quality])).toEqual([
      [t0, 10, 5, 'interpolated'],
      [t0 + H, 10, 5, 'measured'],
    ]);
  });

  it('turns quarter-hour energy into average power mid-interval (kWh x 4), grid = import - export', () => {
    const t0 = Date.UTC(2025, 5, 10, 8);
    expect(quarterPower([b(t0, 1)])).toEqual([{ ts: t0 + Q / 2, consumptionKw: 4, generationKw: 2, gridKw: 3 }]);
  });

  it('finds the bucket holding an instant', () => {
    expect(bucketIndexAt([0, 10, 20], 15)).toBe(1);
    expect(bucketIndexAt([0, 10, 20], 20)).toBe(2);
    expect(bucketIndexAt([0, 10, 20], -1)).toBe(-1);
  });

  it('names the periods in German and English in Berlin time', () => {
    const ts = Date.UTC(2026, 10, 24, 23, 30); // 25 Nov 00:30 Berlin
    expect(dayLabel('de-DE', ts, TZ)).toBe('Mittwoch, 25. November 2026');
    expect(dayLabel('en-GB', ts, TZ)).toMatch(/^Wednesday,? 25 November 2026$/);
    expect(monthLabel('de-DE', ts, TZ)).toBe('November 2026');
    expect(rangeLabel('de-DE', Date.UTC(2026, 10, 24, 23), Date.UTC(2026, 10, 25, 11, 15), TZ)).toMatch(/25\.11\.2026, 00:00\s?–\s?12:15/);
  });
});

describe('a replayed day power curve', () => {
  const t0 = Date.UTC(2025, 5, 9, 22);
  const quarter = (i: number, kwh: number): SeriesBucket => ({
    start: t0 + i * Q,
    consumptionKwh: kwh,
    generationKwh: 0,
    importKwh: kwh,
    exportKwh: 0,
    quality: 'measured',
  });

  it('uses quarter-hour averages before the first raw sample and the raw samples from there on', async () => {
    const { dayPower } = await import('../../../renderer/charts/chart-data.js');
    const raw = [t0 + 2 * Q + 60_000, t0 + 2 * Q + 120_000].map((ts) => ({ ts, gridKw: 7, generationKw: 0, consumptionKw: 7 }));
    const { samples, averaged } = dayPower([quarter(0, 1), quarter(1, 2), quarter(2, 3), quarter(3, 4)], raw);
    expect(averaged).toBe(true);
    // quarters 0 and 1 end before the first raw sample; quarter 2 holds it and is left to the raw samples
    expect(samples.map((s) => [s.ts - t0, s.consumptionKw])).toEqual([
      [Q / 2, 4],
      [Q + Q / 2, 8],
      [2 * Q + 60_000, 7],
      [2 * Q + 120_000, 7],
    ]);
    expect(dayPower([quarter(0, 1)], []).samples).toHaveLength(1);
    expect(dayPower([], raw).averaged).toBe(false);
  });

  it('thins a day of 5-second samples to about 2,000 points, keeping the mean of each bucket', async () => {
    const { dayPower, thinPower } = await import('../../../renderer/charts/chart-data.js');
    const raw = Array.from({ length: 17_280 }, (_, i) => ({ ts: t0 + i * 5000, gridKw: i % 2 === 0 ? 0 : 10, generationKw: 0, consumptionKw: 5 }));
    const { samples } = dayPower([], raw);
    expect(samples.length).toBeLessThanOrEqual(2000);
    expect(samples.length).toBeGreaterThan(1900);
    const meanGrid = samples.reduce((s, x) => s + x.gridKw, 0) / samples.length;
    expect(meanGrid).toBeCloseTo(5, 0);
    expect(samples[0]!.ts).toBeGreaterThanOrEqual(t0);
    expect(thinPower(raw.slice(0, 10), 2000)).toHaveLength(10);
  });
});
