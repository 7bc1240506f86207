import { describe, expect, it } from 'vitest';
import { backoffDelay } from '../../../main/core/ingest/collector/backoff.js';

describe('backoffDelay', () => {
  const policy = { baseMs: 1_000, capMs: 300_000 };
  it('is zero before any failure', () => {
    expect(backoffDelay(0, policy)).toBe(0);
  });
  it('doubles its ceiling per failure and stays within [ceiling/2, ceiling]', () => {
    expect(backoffDelay(1, policy, () => 0)).toBe(500);
    expect(backoffDelay(1, policy, () => 1)).toBe(1_000);
    expect(backoffDelay(4, policy, () => 0)).toBe(4_000);
    expect(backoffDelay(4, policy, () => 1)).toBe(8_000);
  });
  it('is capped, even after very many failures', () => {
    expect(backoffDelay(50, policy, () => 1)).toBe(300_000);
    expect(backoffDelay(10_000, policy, () => 0.5)).toBe(225_000);
  });
});
