/** The collector's retry policy; the delay itself is models/retry-backoff.ts, shared with the drivers. */
import { retryBackoff } from '../../../../models/retry-backoff.js';

export interface BackoffPolicy {
  readonly baseMs: number;
  readonly capMs: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 1_000, capMs: 5 * 60_000 };

export function backoffDelay(failures: number, policy: BackoffPolicy = DEFAULT_BACKOFF, random = Math.random): number {
  return retryBackoff(failures, policy.baseMs, policy.capMs, random);
}
