/**
 * Loads what a panel shows for a position of the time bar without flooding the core while the slider is dragged or
 * plays: answers are cached per window, at most one call per loader is in flight, requests that arrive meanwhile
 * are coalesced to the newest, and an answer for an older position is never shown after a newer one was asked for.
 */
export interface LatestLoaderOptions<A, T> {
  /** The call; null (or a throw) means it failed: nothing is cached and nothing shown. */
  readonly load: (args: A) => Promise<T | null>;
  /** Equal keys are the same window. */
  readonly keyOf: (args: A) => string;
  /** Cached windows kept (least recently used go first); default 48. */
  readonly capacity?: number;
  /** Clock for the age of cached answers, ms. */
  readonly clock?: () => number;
}

interface Wanted<A, T> {
  readonly args: A;
  readonly key: string;
  readonly maxAgeMs: number;
  readonly generation: number;
  readonly apply: (value: T) => void;
  readonly settle: (shown: boolean) => void;
}

export class LatestLoader<A, T> {
  private readonly cache = new Map<string, { readonly value: T; readonly at: number }>();
  private wanted: Wanted<A, T> | null = null;
  private inFlight = false;
  private generation = 0;
  private calls = 0;
  private disposed = false;

  constructor(private readonly options: LatestLoaderOptions<A, T>) {}

  /**
   * Shows the window `args` through apply, from the cache when it holds an answer younger than maxAgeMs (windows
   * that reach up to now keep growing, so they pass a short age), else once the call in flight has finished.
   * Resolves true once shown, false when a newer request superseded it or the call failed.
   */
  request(args: A, apply: (value: T) => void, maxAgeMs = Infinity): Promise<boolean> {
    if (this.disposed) return Promise.resolve(false);
    const generation = ++this.generation;
    const key = this.options.keyOf(args);
    this.wanted?.settle(false);
    this.wanted = null;
    const hit = this.fresh(key, maxAgeMs);
    if (hit !== undefined) {
      apply(hit);
      return Promise.resolve(true);
    }
    return new Promise<boolean>((settle) => {
      this.wanted = { args, key, maxAgeMs, generation, apply, settle };
      void this.pump();
    });
  }

  /** Calls made to the core so far (for tests and the debug hook). */
  get callCount(): number {
    return this.calls;
  }

  /** Forgets every cached answer (e.g. after the district changed). */
  clear(): void {
    this.cache.clear();
  }

  /** Nothing more is loaded or shown. */
  dispose(): void {
    this.disposed = true;
    this.wanted?.settle(false);
    this.wanted = null;
  }

  private fresh(key: string, maxAgeMs: number): T | undefined {
    const hit = this.cache.get(key);
    if (hit === undefined || this.now() - hit.at > maxAgeMs) return undefined;
    // re-insert: Map order is the LRU order
    this.cache.delete(key);
    this.cache.set(key, hit);
    return hit.value;
  }

  private now(): number {
    return (this.options.clock ?? Date.now)();
  }

  private async pump(): Promise<void> {
    while (!this.inFlight && !this.disposed && this.wanted !== null) {
      const w = this.wanted;
      this.wanted = null;
      // an answer that arrived for an earlier request may already cover this one
      const hit = this.fresh(w.key, w.maxAgeMs);
      if (hit !== undefined) {
        this.show(w, hit);
        continue;
      }
      this.inFlight = true;
      this.calls += 1;
      let value: T | null = null;
      try {
        value = await this.options.load(w.args);
      } catch {
        value = null;
      }
      this.inFlight = false;
      if (this.disposed) return w.settle(false);
      if (value === null) w.settle(false);
      else {
        this.remember(w.key, value);
        this.show(w, value);
      }
    }
  }

  /** Only the newest request is shown: an answer for an older position is cached, never applied. */
  private show(w: Wanted<A, T>, value: T): void {
    const current = w.generation === this.generation;
    if (current) w.apply(value);
    w.settle(current);
  }

  private remember(key: string, value: T): void {
    this.cache.delete(key);
    this.cache.set(key, { value, at: this.now() });
    const capacity = this.options.capacity ?? 48;
    while (this.cache.size > capacity) {
      const oldest = this.cache.keys().next();
      if (oldest.done) break;
      this.cache.delete(oldest.value);
    }
  }
}
