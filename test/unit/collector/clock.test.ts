import { describe, expect, it } from 'vitest';
import { scaledClock } from '../../../main/core/ingest/collector/clock.js';

describe('scaledClock', () => {
  it('runs speed times faster than real time from its start', () => {
    let real = 1_000;
    const clock = scaledClock(60, Date.UTC(2026, 0, 1), () => real);
    expect(clock.now()).toBe(Date.UTC(2026, 0, 1));
    real += 1_000;
    expect(clock.now()).toBe(Date.UTC(2026, 0, 1) + 60_000);
    expect(clock.realDelayUntil(clock.now() + 120_000)).toBe(2_000);
    expect(clock.realDelayUntil(clock.now() - 5)).toBe(0);
  });
  it('refuses a speed that is not positive', () => {
    expect(() => scaledClock(0)).toThrow(/positive/);
  });
});
