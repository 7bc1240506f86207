/**
 * Retry delay after consecutive failures: exponential with full jitter, capped, so that many devices that fail
 * together (a switch reboots) do not all come back in the same millisecond.
 */
export interface BackoffPolicy {
  readonly baseMs: number;
  readonly capMs: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 1_000, capMs: 5 * 60_000 };

export function backoffDelay(failures: number, policy: BackoffPolicy = DEFAULT_BACKOFF, random = Math.random): number {
  if (failures <= 0) return 0;
  const ceiling = Math.min(policy.capMs, policy.baseMs * 2 ** Math.min(failures - 1, 30));
  // never below half the ceiling: full jitter down to 0 would retry a dead device immediately
  return ceiling / 2 + random() * (ceiling / 2);
}
