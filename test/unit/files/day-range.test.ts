/** Local days of the site as periods: worked by hand for Europe/Berlin (UTC+1 in winter, UTC+2 in summer). */
import { describe, expect, it } from 'vitest';
import { dayRange, dayStart, isoDay, parseDay, showDay } from '../../../renderer/files/day-range.js';
import { resolveAppDownload } from '../../../main/shells/electron/app-protocol.js';

const TZ = 'Europe/Berlin';

describe('day ranges in the site time zone', () => {
  it('starts a winter day at 23:00 UTC the day before', () => {
    // 2025-01-15 00:00 CET = 2025-01-14 23:00 UTC
    expect(dayStart('2025-01-15', TZ)).toBe(Date.UTC(2025, 0, 14, 23));
    expect(dayRange('2025-01-15', '2025-01-15', TZ)).toEqual({ from: Date.UTC(2025, 0, 14, 23), to: Date.UTC(2025, 0, 15, 23) });
  });

  it('gives the day the clocks go forward 23 hours and the one they go back 25', () => {
    // 30 March 2025: 00:00 CET (29th 23:00 UTC) to 31st 00:00 CEST (30th 22:00 UTC) = 23 h
    const spring = dayRange('2025-03-30', '2025-03-30', TZ)!;
    expect(spring).toEqual({ from: Date.UTC(2025, 2, 29, 23), to: Date.UTC(2025, 2, 30, 22) });
    // 26 October 2025: 00:00 CEST (25th 22:00 UTC) to 27th 00:00 CET (26th 23:00 UTC) = 25 h
    const autumn = dayRange('2025-10-26', '2025-10-26', TZ)!;
    expect((autumn.to - autumn.from) / 3_600_000).toBe(25);
  });

  it('refuses a last day before the first and text that is no date', () => {
    expect(dayRange('2025-02-02', '2025-02-01', TZ)).toBeNull();
    expect(dayRange('2025-2-1', '2025-02-01', TZ)).toBeNull();
    // 2025-06-30 22:30 UTC is already 1 July 00:30 in Berlin
    expect(isoDay(Date.UTC(2025, 5, 30, 22, 30), TZ)).toBe('2025-07-01');
  });
});

describe('the desktop page protocol and downloads', () => {
  it('takes only the download path of its own origin, and never a malformed job id', () => {
    expect(resolveAppDownload('/nowhere', 'plustwin://app/index.html')).toBeNull();
    expect(resolveAppDownload('/nowhere', 'https://evil.example/api/download/0123456789abcdef0123456789abcdef')).toBeNull();
    expect(resolveAppDownload('/nowhere', 'plustwin://app/api/download/0123456789abcdef0123456789abcdef')).toEqual({ ok: false, status: 404 });
    expect(resolveAppDownload('/nowhere', 'plustwin://app/api/download/..%2F..%2Fsettings.json')).toEqual({ ok: false, status: 404 });
  });
});

describe('day fields', () => {
  it('show German days as TT.MM.JJJJ and English ones as ISO, and read either form back', () => {
    expect(showDay('2025-12-06', 'de')).toBe('06.12.2025');
    expect(showDay('2025-12-06', 'en')).toBe('2025-12-06');
    expect(parseDay('06.12.2025')).toBe('2025-12-06');
    expect(parseDay(' 6.1.2025 ')).toBe('2025-01-06');
    expect(parseDay('2025-12-06')).toBe('2025-12-06');
    expect(parseDay('31.02.2025')).toBeNull();
    expect(parseDay('12/06/2025')).toBeNull();
  });
});
