import { describe, expect, it } from 'vitest';
import { liveStep, scopeFrame, windowAt } from '../../../renderer/time/time-window.js';

const TZ = 'Europe/Berlin';

describe('time window for replaying history', () => {
  it('has 96 quarter hours on a normal day, 92 and 100 on the DST days', () => {
    expect(scopeFrame('day', Date.UTC(2025, 5, 10, 12), TZ).stepEnds).toHaveLength(96);
    expect(scopeFrame('day', Date.UTC(2025, 2, 30, 12), TZ).stepEnds).toHaveLength(92);
    expect(scopeFrame('day', Date.UTC(2025, 9, 26, 12), TZ).stepEnds).toHaveLength(100);
  });

  it('starts a day at local midnight and ends each step a quarter hour later', () => {
    const f = scopeFrame('day', Date.UTC(2025, 0, 15, 10), TZ);
    expect(f.start).toBe(Date.UTC(2025, 0, 14, 23));
    expect(f.stepEnds[0]).toBe(Date.UTC(2025, 0, 14, 23, 15));
  });

  it('steps a month by local days and a year by local months', () => {
    const m = scopeFrame('month', Date.UTC(2025, 1, 10), TZ);
    expect(m.stepEnds).toHaveLength(28);
    expect(m.start).toBe(Date.UTC(2025, 0, 31, 23));
    expect(m.stepEnds[27]).toBe(Date.UTC(2025, 1, 28, 23));
    const y = scopeFrame('year', Date.UTC(2025, 6, 1), TZ);
    expect(y.stepEnds).toHaveLength(12);
    expect(y.stepEnds[2]).toBe(Date.UTC(2025, 2, 31, 22)); // April starts in summer time
  });

  it('steps a week by local days from Monday 00:00 (ISO 8601), 23 hours on the day the clocks go forward', () => {
    // Tuesday 10 June 2025: the week from Monday 9 June 00:00 CEST (8 June 22:00 UTC) to Monday 16 June 00:00
    const w = scopeFrame('week', Date.UTC(2025, 5, 10, 12), TZ);
    expect(w.start).toBe(Date.UTC(2025, 5, 8, 22));
    expect(w.stepEnds).toHaveLength(7);
    expect(w.stepEnds[0]).toBe(Date.UTC(2025, 5, 9, 22));
    expect(w.stepEnds[6]).toBe(Date.UTC(2025, 5, 15, 22));
    // Sunday 30 March 2025 belongs to the week from Monday 24 March 00:00 CET (23 March 23:00 UTC); that Sunday
    // ends at 31 March 00:00 CEST = 30 March 22:00 UTC, 23 hours after it began
    const dst = scopeFrame('week', Date.UTC(2025, 2, 30, 12), TZ);
    expect(dst.start).toBe(Date.UTC(2025, 2, 23, 23));
    expect(dst.stepEnds[6]! - dst.stepEnds[5]!).toBe(23 * 3_600_000);
    expect(dst.stepEnds[6]).toBe(Date.UTC(2025, 2, 30, 22));
  });

  it('places the live step at now and never reaches into the future', () => {
    const now = Date.UTC(2025, 5, 10, 10, 7); // 12:07 local
    const f = scopeFrame('day', now, TZ);
    expect(liveStep(f, now)).toBe(49);
    expect(windowAt(f, 96, now)).toEqual({ from: f.start, to: now });
    expect(windowAt(f, 4, now)).toEqual({ from: f.start, to: f.start + 60 * 60 * 1000 });
    expect(windowAt(f, 0, now).to).toBe(f.start + 15 * 60 * 1000);
  });
});

describe('analysis window', () => {
  it('aligns a day to quarter hours and keeps 15-minute resolution', async () => {
    const { analysisWindow } = await import('../../../renderer/time/analysis-window.js');
    expect(analysisWindow(Date.UTC(2025, 0, 1, 23), Date.UTC(2025, 0, 2, 9, 7))).toEqual({
      from: Date.UTC(2025, 0, 1, 23),
      to: Date.UTC(2025, 0, 2, 9),
      resolution: '15min',
    });
  });
  it('uses whole hours for a month and never an empty period', async () => {
    const { analysisWindow } = await import('../../../renderer/time/analysis-window.js');
    const m = analysisWindow(Date.UTC(2025, 0, 31, 23), Date.UTC(2025, 1, 20, 9, 59));
    expect(m).toEqual({ from: Date.UTC(2025, 0, 31, 23), to: Date.UTC(2025, 1, 20, 9), resolution: 'hour' });
    const tiny = analysisWindow(Date.UTC(2025, 0, 1, 23), Date.UTC(2025, 0, 1, 23, 5));
    expect(tiny.to - tiny.from).toBe(15 * 60 * 1000);
  });
});
