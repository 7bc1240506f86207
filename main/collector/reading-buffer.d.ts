/**
 * Collects readings from all devices and hands them to the store in batches: one transaction per batch is what
 * makes SQLite fast, and a bounded batch bounds what a crash can lose (documented in docs/time-series.md).
 */
import type { Reading } from '../../models/types.js';
export interface BatchSink {
    ingest(readings: readonly Reading[]): Promise<void>;
}
export declare class ReadingBuffer {
    private readonly sink;
    private readonly maxBatch;
    private pending;
    private writing;
    private timer;
    stored: number;
    lastError: string | null;
    constructor(sink: BatchSink, maxBatch?: number, flushEveryMs?: number);
    add(readings: readonly Reading[]): void;
    /** Write what is pending; batches are written one after the other, never interleaved. */
    flush(): Promise<void>;
    close(): Promise<void>;
}
