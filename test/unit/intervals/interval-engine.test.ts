import { describe, expect, it } from 'vitest';
import { runIntervalEngine, type EnginePoint, type EngineReading } from '../../../models/intervals/interval-engine.js';
import { DEFAULT_LIMITS } from '../../../models/intervals/limits.js';
import { qualityFromCode } from '../../../models/intervals/quality.js';

const T = Date.UTC(2024, 5, 3);
const MIN = 60_000;
const COUNTER: EnginePoint = { source: 'counter', series: [7, null], limits: DEFAULT_LIMITS };
const points = new Map([[1, COUNTER]]);

const asTable = (r: ReturnType<typeof runIntervalEngine>) =>
  [...r.contributions.entries()].map((e) => [(e.slot * 15 * MIN - T) / MIN, e.kwh, qualityFromCode(e.q)]);

describe('interval engine', () => {
  it('spreads a counter step over the 15-minute slots by time', () => {
    // 00:05 -> 00:35: 3 kWh over 30 min: 10 min in slot 0 (1 kWh), 15 in slot 15 (1.5), 5 in slot 30 (0.5)
    const r = runIntervalEngine(
      [
        { point: 1, ts: T + 5 * MIN, value: 10 },
        { point: 1, ts: T + 35 * MIN, value: 13 },
      ],
      points,
      new Map(),
    );
    expect(asTable(r)).toEqual([
      [0, expect.closeTo(1, 12), 'interpolated'],
      [15, expect.closeTo(1.5, 12), 'interpolated'],
      [30, expect.closeTo(0.5, 12), 'interpolated'],
    ]);
  });

  it('spreads energy after a downtime over the gap, marked recovered', () => {
    const r = runIntervalEngine(
      [
        { point: 1, ts: T, value: 0 },
        { point: 1, ts: T + 120 * MIN, value: 8 },
      ],
      points,
      new Map(),
    );
    const t = asTable(r);
    expect(t).toHaveLength(8);
    for (const row of t) expect(row.slice(1)).toEqual([1, 'recovered']);
  });

  it('restarting mid-interval from the checkpoint gives the same energy, and repeats are not counted twice', () => {
    const readings: EngineReading[] = [];
    for (let i = 0; i <= 12; i++) readings.push({ point: 1, ts: T + i * 2.5 * MIN, value: 50 + i * 0.25 });
    const whole = runIntervalEngine(readings, points, new Map());
    const first = runIntervalEngine(readings.slice(0, 5), points, new Map()); // up to 00:10, mid-interval
    // after a restart the collector re-sends the last two readings it is unsure about
    const second = runIntervalEngine(readings.slice(3), points, first.checkpoints);
    expect(second.late).toBe(2);
    const sum = new Map<number, number>();
    for (const part of [first, second])
      for (const e of part.contributions.entries()) sum.set(e.slot, (sum.get(e.slot) ?? 0) + e.kwh);
    const wholeBySlot = new Map([...whole.contributions.entries()].map((e) => [e.slot, e.kwh]));
    expect([...sum.keys()]).toEqual([...wholeBySlot.keys()]);
    for (const [slot, kwh] of sum) expect(kwh).toBeCloseTo(wholeBySlot.get(slot) as number, 12);
    expect([...sum.values()].reduce((a, b) => a + b, 0)).toBeCloseTo(3, 12);
  });

  it('routes negative power of a net grid point to the export series', () => {
    const grid = new Map<number, EnginePoint>([[2, { source: 'power', series: [10, 11], limits: DEFAULT_LIMITS }]]);
    const r = runIntervalEngine(
      [
        { point: 2, ts: T, value: -2 },
        { point: 2, ts: T + 15 * MIN, value: -2 },
      ],
      grid,
      new Map(),
    );
    expect([...r.contributions.entries()].map((e) => [e.series, e.kwh])).toEqual([
      [10, 0],
      [11, 0.5],
    ]);
  });

  it('ignores points without a spec and non-finite values', () => {
    const r = runIntervalEngine(
      [
        { point: 9, ts: T, value: 1 },
        { point: 1, ts: T, value: Number.NaN },
      ],
      points,
      new Map(),
    );
    expect(r.contributions.size).toBe(0);
    expect(r.checkpoints.size).toBe(0);
  });

  it('judges the quarter hour: ordinary counter steps pass, a quarter hour above the limit is implausible', () => {
    // slot 0: 2.32 kWh steps every 3.66 s for 10 steps = 23.2 kWh in 36.6 s -> 92.8 kW over the quarter hour: measured
    const calm: EngineReading[] = Array.from({ length: 11 }, (_, k) => ({ point: 1, ts: T + k * 3660, value: 100 + 2.32 * k }));
    expect(asTable(runIntervalEngine(calm, points, new Map()))).toEqual([[0, expect.closeTo(23.2, 9), 'measured']]);
    // slot 0: 120 steps of 2.32 kWh every 7.5 s = 278.4 kWh in 15 minutes = 1,113.6 kW > 1,000 kW: implausible,
    // although no single step exceeds the 250 kWh a quarter hour allows
    const hot: EngineReading[] = Array.from({ length: 121 }, (_, k) => ({ point: 1, ts: T + k * 7500, value: 100 + 2.32 * k }));
    expect(asTable(runIntervalEngine(hot, points, new Map()))).toEqual([[0, expect.closeTo(278.4, 9), 'implausible']]);
  });
});
