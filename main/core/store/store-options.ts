import type { IntervalLimits } from '../../../models/intervals/limits.js';
import type { SecretCipher } from '../base/secret-cipher.js';

export interface StoreOptions {
  /** Readings not yet committed at most (written in transactions of half of it). Bounds the loss on a crash together with flushIntervalMs. */
  readonly batchSize?: number;
  /** Longest time a reading waits in the buffer, ms. */
  readonly flushIntervalMs?: number;
  /** Raw samples older than this are deleted by applyRetention (intervals are kept forever). 0 keeps all. */
  readonly rawRetentionDays?: number;
  /** Engine thresholds for every point. */
  readonly limits?: Partial<IntervalLimits>;
  /** Thresholds for single points, by point id (e.g. maxPowerKw of a small PV inverter, or its counter wrap). */
  readonly pointLimits?: Readonly<Record<string, Partial<IntervalLimits>>>;
  /**
   * Readings waiting for a write that keeps failing (disk full, ...) at most; beyond it ingest() refuses more with
   * StoreBackpressure. Bounds the memory a long failure takes.
   */
  readonly maxPendingReadings?: number;
  /** Seals stored passwords in the file; without one they are stored as given (CLI tools that never read them). */
  readonly secrets?: SecretCipher;
  /** Where the store says that writes fail and when they work again. */
  readonly log?: (line: string) => void;
  /**
   * Number every stored reading per point into the outbox table (plustwin collect, whose file is the durable outbox
   * of what it publishes). Off by default: the desktop app's ingest writes nothing more.
   */
  readonly outbox?: boolean;
  /** Clock for retention and timestamps of saved rows; tests and the demo pass simulated time. */
  readonly now?: () => number;
}

export const DEFAULT_BATCH_SIZE = 50_000;
export const DEFAULT_FLUSH_INTERVAL_MS = 1000;
export const DEFAULT_RAW_RETENTION_DAYS = 90;
/** About 40 MB of prepared readings. */
export const DEFAULT_MAX_PENDING_READINGS = 200_000;
