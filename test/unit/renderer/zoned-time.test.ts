import { describe, expect, it } from 'vitest';
import { safeTimeZone, startOfDay, startOfMonth, zoneOffsetMs } from '../../../renderer/time/zoned-time.js';

const BERLIN = 'Europe/Berlin';
const iso = (ts: number): string => new Date(ts).toISOString();

describe('zoned day and month boundaries', () => {
  it('finds local midnight in winter and summer', () => {
    expect(iso(startOfDay(Date.parse('2026-01-15T10:00:00Z'), BERLIN))).toBe('2026-01-14T23:00:00.000Z');
    expect(iso(startOfDay(Date.parse('2026-07-15T10:00:00Z'), BERLIN))).toBe('2026-07-14T22:00:00.000Z');
  });

  it('handles the day that starts in UTC before midnight', () => {
    // 23:30 UTC on 14 July is already 15 July in Berlin
    expect(iso(startOfDay(Date.parse('2026-07-14T22:30:00Z'), BERLIN))).toBe('2026-07-14T22:00:00.000Z');
  });

  it('gives the DST change days 23 and 25 hours', () => {
    const spring = startOfDay(Date.parse('2026-03-29T12:00:00Z'), BERLIN);
    const springNext = startOfDay(Date.parse('2026-03-30T12:00:00Z'), BERLIN);
    expect(iso(spring)).toBe('2026-03-28T23:00:00.000Z');
    expect((springNext - spring) / 3_600_000).toBe(23);
    const autumn = startOfDay(Date.parse('2026-10-25T12:00:00Z'), BERLIN);
    const autumnNext = startOfDay(Date.parse('2026-10-26T12:00:00Z'), BERLIN);
    expect((autumnNext - autumn) / 3_600_000).toBe(25);
  });

  it('finds the first of the month and reports offsets', () => {
    expect(iso(startOfMonth(Date.parse('2026-11-26T03:00:00Z'), BERLIN))).toBe('2026-10-31T23:00:00.000Z');
    expect(zoneOffsetMs(Date.parse('2026-07-01T00:00:00Z'), BERLIN)).toBe(2 * 3_600_000);
    expect(startOfDay(Date.parse('2026-07-15T10:00:00Z'), 'UTC')).toBe(Date.parse('2026-07-15T00:00:00Z'));
  });

  it('falls back to UTC for an unknown zone instead of failing', () => {
    expect(safeTimeZone('Mars/Olympus')).toBe('UTC');
    expect(safeTimeZone(undefined)).toBe('UTC');
    expect(safeTimeZone(BERLIN)).toBe(BERLIN);
  });
});
