/**
 * Collects readings from all devices and hands them to the store in batches: one transaction per batch is what
 * makes SQLite fast, and a bounded batch bounds what a crash can lose (documented in docs/time-series.md).
 *
 * A batch the store refuses (it is locked, or its disk is full and its own queue is at its limit) stays here and
 * is offered again on the next flush; collection goes on. So that a long failure cannot eat the memory, at most
 * maxPending readings wait here: beyond that the oldest are dropped, counted and logged. 'stored' counts only
 * readings the store has committed to the file, never those it merely accepted.
 */
import type { Reading } from '../../../../models/types.js';

export interface BatchSink {
  ingest(readings: readonly Reading[]): Promise<void>;
  /**
   * Readings accepted by ingest() since the sink opened and how many of those are settled (committed), counted in
   * acceptance order. Without it a reading counts as stored once ingest() resolved.
   */
  readingCounts?(): { accepted: number; settled: number };
  /** What keeps the sink from writing, while it lasts (disk full, read-only file, ...). */
  stats?(): { writeProblem: { message: string; since: number } | null };
}

export interface ReadingBufferOptions {
  readonly maxBatch?: number;
  readonly flushEveryMs?: number;
  /** Readings held here at most while the store refuses them (default 500,000, about 60 MB). */
  readonly maxPending?: number;
  readonly log?: (line: string) => void;
}

export const DEFAULT_MAX_PENDING = 500_000;

export class ReadingBuffer {
  private pending: Reading[] = [];
  private writing: Promise<void> = Promise.resolve();
  private timer: NodeJS.Timeout | undefined;
  /** Batches the sink accepted and has not yet committed: where each ends in the sink's count, and its size. */
  private readonly uncommitted: { end: number; n: number }[] = [];
  private committed = 0;
  /** Readings handed to add() since start: every one of them must end up stored (the shutdown test checks). */
  accepted = 0;
  /** Readings dropped because the store refused them for longer than maxPending readings took to arrive. */
  dropped = 0;
  lastError: string | null = null;
  private readonly maxBatch: number;
  private readonly maxPending: number;

  constructor(
    private readonly sink: BatchSink,
    private readonly options: ReadingBufferOptions = {},
  ) {
    this.maxBatch = options.maxBatch ?? 5_000;
    this.maxPending = options.maxPending ?? DEFAULT_MAX_PENDING;
    this.timer = setInterval(() => void this.flush(), options.flushEveryMs ?? 1_000);
    this.timer.unref();
  }

  get pendingCount(): number {
    return this.pending.length;
  }

  /** Readings the store has committed to the file. */
  get stored(): number {
    const counts = this.sink.readingCounts?.();
    if (counts !== undefined) {
      while (this.uncommitted.length > 0 && this.uncommitted[0]!.end <= counts.settled) this.committed += this.uncommitted.shift()!.n;
    }
    return this.committed;
  }

  add(readings: readonly Reading[]): void {
    this.accepted += readings.length;
    for (const r of readings) this.pending.push(r);
    const over = this.pending.length - this.maxPending;
    if (over > 0) {
      this.pending.splice(0, over);
      if (this.dropped === 0 || Math.floor((this.dropped + over) / 10_000) > Math.floor(this.dropped / 10_000)) {
        this.options.log?.(`collector: ${this.dropped + over} readings dropped so far (oldest first): ${this.maxPending} wait already and the store cannot write (${this.lastError ?? 'unknown'})`);
      }
      this.dropped += over;
    }
    if (this.pending.length >= this.maxBatch) void this.flush();
  }

  /** Write what is pending; batches are written one after the other, never interleaved. */
  flush(): Promise<void> {
    if (this.pending.length === 0) return this.writing;
    const batch = this.pending;
    this.pending = [];
    this.writing = this.writing.then(async () => {
      const before = this.sink.readingCounts?.().accepted;
      let end: number | undefined;
      try {
        const ingesting = this.sink.ingest(batch);
        end = this.sink.readingCounts?.().accepted;
        await ingesting;
        this.lastError = null;
      } catch (e) {
        this.lastError = (e as Error).message;
        // refused before the store took them (locked, or its queue full): keep the batch for the next flush
        if (before === undefined || end === before) this.pending = batch.concat(this.pending);
      }
      if (before === undefined || end === undefined) {
        if (this.lastError === null) this.committed += batch.length;
      } else if (end !== before) this.uncommitted.push({ end, n: batch.length });
    });
    return this.writing;
  }

  async close(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.flush();
  }
}
