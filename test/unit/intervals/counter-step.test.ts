import { describe, expect, it } from 'vitest';
import { counterStep } from '../../../models/intervals/counter-step.js';
import { DEFAULT_LIMITS } from '../../../models/intervals/limits.js';

const T = Date.UTC(2024, 5, 3);
const MIN = 60_000;
const L = DEFAULT_LIMITS; // 1000 kW maximum, measured <= 15 min, interpolated <= 60 min

describe('counter steps (hand-computed)', () => {
  it('measured: 100 -> 101 kWh in 5 minutes is 1 kWh', () => {
    expect(counterStep({ ts: T, value: 100 }, T + 5 * MIN, 101, L)).toEqual({
      kwh: 1,
      quality: 'measured',
      next: { ts: T + 5 * MIN, value: 101 },
    });
  });

  it('interpolated: a 30-minute step is bridged and flagged', () => {
    const s = counterStep({ ts: T, value: 100 }, T + 30 * MIN, 102.5, L);
    expect(s?.kwh).toBeCloseTo(2.5, 12);
    expect(s?.quality).toBe('interpolated');
  });

  it('recovered: energy after a 3-hour downtime', () => {
    const s = counterStep({ ts: T, value: 100 }, T + 180 * MIN, 106, L);
    expect(s).toMatchObject({ kwh: 6, quality: 'recovered' });
  });

  it('counter-reset: 5000 -> 2 kWh starts a new cycle worth 2 kWh, never -4998', () => {
    expect(counterStep({ ts: T, value: 5000 }, T + 5 * MIN, 2, L)).toMatchObject({ kwh: 2, quality: 'counter-reset' });
  });

  it('rollover: a 16-bit kWh register wrapping 65535.5 -> 0.7 is 1.2 kWh', () => {
    const s = counterStep({ ts: T, value: 65535.5 }, T + 5 * MIN, 0.7, L);
    expect(s?.kwh).toBeCloseTo(1.2, 9);
    expect(s?.quality).toBe('rollover');
  });

  it('rollover: a 32-bit Wh register (4,294,967.296 kWh) wraps too', () => {
    const s = counterStep({ ts: T, value: 4_294_967.0 }, T + 5 * MIN, 0.5, L);
    expect(s?.kwh).toBeCloseTo(0.796, 9);
    expect(s?.quality).toBe('rollover');
  });

  it('meter-replaced: old 1200 -> final 1201.5, new 0.2 -> 0.7 is 1.5 + 0.5 kWh', () => {
    const s = counterStep({ ts: T, value: 1200 }, T + 15 * MIN, 0.7, L, {
      ts: T + 10 * MIN,
      oldFinalKwh: 1201.5,
      newStartKwh: 0.2,
    });
    expect(s?.kwh).toBeCloseTo(2, 12);
    expect(s?.quality).toBe('meter-replaced');
  });

  it('implausible: 300 kWh in 5 minutes is 3600 kW, above the 1000 kW maximum', () => {
    expect(counterStep({ ts: T, value: 100 }, T + 5 * MIN, 400, L)).toMatchObject({ kwh: 300, quality: 'implausible' });
    expect(counterStep({ ts: T, value: 100 }, T + 5 * MIN, 400, { ...L, maxPowerKw: 5000 })?.quality).toBe('measured');
  });

  it('a counter step between close samples is judged over the quarter hour, not per pair of samples', () => {
    // 2.32 kWh in 3.66 s would be 2.32 / (3.66 / 3600) = 2,282 kW against a 1,000 kW limit; over a quarter hour
    // the limit allows 1,000 kW x 0.25 h = 250 kWh, and 2.32 kWh is 9.28 kW: measured
    expect(counterStep({ ts: T, value: 1000 }, T + 3660, 1002.32, L)).toMatchObject({ kwh: expect.closeTo(2.32, 9), quality: 'measured' });
    // 251 kWh in one 3.66 s step is more than a quarter hour at 1,000 kW can hold: implausible
    expect(counterStep({ ts: T, value: 1000 }, T + 3660, 1251, L)?.quality).toBe('implausible');
  });

  it('a reset to a high reading (a swapped meter nobody entered) is implausible, not a spike in balances', () => {
    expect(counterStep({ ts: T, value: 5000 }, T + 5 * MIN, 3000, L)).toMatchObject({ kwh: 3000, quality: 'implausible' });
  });

  it('jitter backwards is zero energy and keeps the higher reading', () => {
    expect(counterStep({ ts: T, value: 100 }, T + 5 * MIN, 99.9995, L)).toEqual({
      kwh: 0,
      quality: 'measured',
      next: { ts: T + 5 * MIN, value: 100 },
    });
  });

  it('a float32 register reading just below the exact counter is rounding, not a counter reset', () => {
    const exact = 662_640.15; // the register holds 662,640.125
    const register = Math.fround(exact);
    expect(register).toBeLessThan(exact - L.jitterKwh);
    expect(counterStep({ ts: T, value: exact }, T + 5 * MIN, register, L)).toEqual({
      kwh: 0,
      quality: 'measured',
      next: { ts: T + 5 * MIN, value: exact },
    });
    // a step back well beyond float32 rounding still starts a new cycle
    expect(counterStep({ ts: T, value: exact }, T + 5 * MIN, exact - 1, L)?.quality).toBe('implausible');
    expect(counterStep({ ts: T, value: 662_640 }, T + 5 * MIN, 3, L)).toMatchObject({ kwh: 3, quality: 'counter-reset' });
  });

  it('ignores readings that are not after the checkpoint or not numbers', () => {
    expect(counterStep({ ts: T, value: 100 }, T, 101, L)).toBeNull();
    expect(counterStep({ ts: T, value: 100 }, T - 1, 101, L)).toBeNull();
    expect(counterStep({ ts: T, value: 100 }, T + MIN, Number.NaN, L)).toBeNull();
  });
});
