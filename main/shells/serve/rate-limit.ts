/**
 * Requests per client address, as a token bucket: a burst is fine (the UI loads a district with a handful of
 * calls), a sustained flood is answered 429 until the bucket refills. Refused tokens count too, so guessing the
 * access token is as slow as everything else. Buckets of clients that went quiet are dropped, so memory stays bounded.
 */
export interface RateLimitOptions {
  /** Requests a client may make at once. */
  readonly burst: number;
  /** Requests per second a client gets back. */
  readonly perSecond: number;
  readonly now?: () => number;
  /** Most clients tracked; the least recently seen is forgotten first. */
  readonly maxClients?: number;
}

export const DEFAULT_RATE_LIMIT: RateLimitOptions = { burst: 200, perSecond: 50 };

export type RateDecision = { ok: true } | { ok: false; retryAfterSeconds: number };

export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();
  private readonly now: () => number;

  constructor(private readonly o: RateLimitOptions) {
    if (!(o.burst >= 1) || !(o.perSecond > 0)) throw new Error(`rate limit: burst must be >= 1 and perSecond > 0, got ${o.burst} and ${o.perSecond}`);
    this.now = o.now ?? (() => performance.now());
  }

  take(client: string): RateDecision {
    const t = this.now();
    const old = this.buckets.get(client);
    const tokens = old ? Math.min(this.o.burst, old.tokens + ((t - old.at) / 1000) * this.o.perSecond) : this.o.burst;
    // re-insert so the map's order is least recently seen first
    this.buckets.delete(client);
    if (tokens < 1) {
      this.buckets.set(client, { tokens, at: t });
      return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - tokens) / this.o.perSecond)) };
    }
    this.buckets.set(client, { tokens: tokens - 1, at: t });
    const max = this.o.maxClients ?? 10_000;
    while (this.buckets.size > max) this.buckets.delete(this.buckets.keys().next().value as string);
    return { ok: true };
  }

  get clients(): number {
    return this.buckets.size;
  }
}
