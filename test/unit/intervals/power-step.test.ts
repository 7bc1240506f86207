import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../../../models/intervals/limits.js';
import { powerStep, splitLinearEnergy } from '../../../models/intervals/power-step.js';

const T = Date.UTC(2024, 5, 3);
const MIN = 60_000;

const collect = (a: { ts: number; kw: number }, b: { ts: number; kw: number }, limits = DEFAULT_LIMITS) => {
  const out: [number, number, number, string][] = [];
  const done = powerStep(a, b, limits, (dir, slot, kwh, q) => out.push([dir, (slot - T) / MIN, kwh, q]));
  return { done, out };
};

describe('power integration', () => {
  it('splits a ramp through zero into positive and negative triangles', () => {
    // +4 kW to -4 kW over 1 h: 1 kWh each way
    const [pos, neg] = splitLinearEnergy(4, -4, 1);
    expect(pos).toBeCloseTo(1, 12);
    expect(neg).toBeCloseTo(1, 12);
    const [p2, n2] = splitLinearEnergy(-2, 6, 1); // zero at 15 min: -0.25 kWh, +2.25 kWh
    expect(p2).toBeCloseTo(2.25, 12);
    expect(n2).toBeCloseTo(0.25, 12);
  });

  it('integrates a trapezoid across two slots: 2 kW -> 6 kW from 00:10 to 00:30', () => {
    const { done, out } = collect({ ts: T + 10 * MIN, kw: 2 }, { ts: T + 30 * MIN, kw: 6 });
    expect(done).toBe(true);
    // slot 0: 00:10-00:15, 2 -> 3 kW = 2.5 kW * 5/60 h; slot 15: 00:15-00:30, 3 -> 6 kW = 4.5 kW * 0.25 h
    expect(out.filter((o) => o[0] === 0).map((o) => [o[1], o[2]])).toEqual([
      [0, expect.closeTo(2.5 / 12, 12)],
      [15, expect.closeTo(1.125, 12)],
    ]);
    expect(out.filter((o) => o[0] === 1).every((o) => o[2] === 0)).toBe(true);
    // a 20-minute step is longer than the 15 minutes that count as measured
    expect(out.every((o) => o[3] === 'interpolated')).toBe(true);
    expect(collect({ ts: T, kw: 1 }, { ts: T + 15 * MIN, kw: 1 }).out[0]?.[3]).toBe('measured');
  });

  it('flags bridged gaps, refuses downtimes and marks implausible power', () => {
    expect(collect({ ts: T, kw: 1 }, { ts: T + 40 * MIN, kw: 1 }).out[0]?.[3]).toBe('interpolated');
    expect(collect({ ts: T, kw: 1 }, { ts: T + 61 * MIN, kw: 1 }).done).toBe(false);
    expect(collect({ ts: T, kw: 1 }, { ts: T + 5 * MIN, kw: 5000 }).out[0]?.[3]).toBe('implausible');
  });
});
