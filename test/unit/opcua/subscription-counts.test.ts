import { describe, expect, it } from 'vitest';
import { subscriptionCounts } from '../../../drivers/opcua/opcua-driver.js';

describe('subscriptionCounts', () => {
  it('keeps the defaults for short intervals', () => {
    expect(subscriptionCounts(1_000)).toEqual({ keepAlive: 10, lifetime: 60 });
  });
  it('never lets the lifetime outlive the session', () => {
    for (const interval of [1_000, 5_000, 15_000, 20_000]) {
      const { keepAlive, lifetime } = subscriptionCounts(interval, 60_000);
      expect(lifetime * interval).toBeLessThanOrEqual(60_000);
      expect(lifetime).toBeGreaterThanOrEqual(3 * keepAlive);
      expect(keepAlive).toBeGreaterThanOrEqual(1);
    }
  });
});
