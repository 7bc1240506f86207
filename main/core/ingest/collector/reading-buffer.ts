/**
 * Collects readings from all devices and hands them to the store in batches: one transaction per batch is what
 * makes SQLite fast, and a bounded batch bounds what a crash can lose (documented in docs/time-series.md).
 */
import type { Reading } from '../../../../models/types.js';

export interface BatchSink {
  ingest(readings: readonly Reading[]): Promise<void>;
}

export class ReadingBuffer {
  private pending: Reading[] = [];
  private writing: Promise<void> = Promise.resolve();
  private timer: NodeJS.Timeout | undefined;
  stored = 0;
  /** Readings handed to add() since start: every one of them must end up stored (the shutdown test checks). */
  accepted = 0;
  lastError: string | null = null;

  constructor(
    private readonly sink: BatchSink,
    private readonly maxBatch = 5_000,
    flushEveryMs = 1_000,
  ) {
    this.timer = setInterval(() => void this.flush(), flushEveryMs);
    this.timer.unref();
  }

  get pendingCount(): number {
    return this.pending.length;
  }

  add(readings: readonly Reading[]): void {
    this.accepted += readings.length;
    for (const r of readings) this.pending.push(r);
    if (this.pending.length >= this.maxBatch) void this.flush();
  }

  /** Write what is pending; batches are written one after the other, never interleaved. */
  flush(): Promise<void> {
    if (this.pending.length === 0) return this.writing;
    const batch = this.pending;
    this.pending = [];
    this.writing = this.writing.then(async () => {
      try {
        await this.sink.ingest(batch);
        this.stored += batch.length;
        this.lastError = null;
      } catch (e) {
        // keep the batch for the next flush: a busy or locked database must not lose readings
        this.pending = batch.concat(this.pending);
        this.lastError = (e as Error).message;
      }
    });
    return this.writing;
  }

  async close(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.flush();
  }
}
