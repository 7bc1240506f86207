import { describe, expect, it } from 'vitest';
import { RateLimiter } from '../../../main/shells/serve/rate-limit.js';

describe('rate limiter', () => {
  it('allows a burst, refuses the rest, and refills with time', () => {
    let now = 0;
    const limiter = new RateLimiter({ burst: 3, perSecond: 2, now: () => now });
    expect([1, 2, 3, 4].map(() => limiter.take('a').ok)).toEqual([true, true, true, false]);
    expect(limiter.take('a')).toEqual({ ok: false, retryAfterSeconds: 1 });
    expect(limiter.take('b').ok).toBe(true);
    now += 500;
    expect(limiter.take('a').ok).toBe(true);
    expect(limiter.take('a').ok).toBe(false);
    now += 10_000;
    expect([1, 2, 3, 4].map(() => limiter.take('a').ok)).toEqual([true, true, true, false]);
  });

  it('forgets the least recently seen clients beyond its bound', () => {
    const limiter = new RateLimiter({ burst: 1, perSecond: 0.001, now: () => 0, maxClients: 2 });
    limiter.take('a');
    limiter.take('b');
    limiter.take('c');
    expect(limiter.clients).toBe(2);
    // 'a' was forgotten, so it starts with a full bucket again; 'c' is still empty
    expect(limiter.take('a').ok).toBe(true);
    expect(limiter.take('c').ok).toBe(false);
  });

  it('refuses a nonsensical configuration', () => {
    expect(() => new RateLimiter({ burst: 0, perSecond: 1 })).toThrow(/burst must be >= 1/);
    expect(() => new RateLimiter({ burst: 1, perSecond: 0 })).toThrow(/perSecond > 0/);
  });
});
