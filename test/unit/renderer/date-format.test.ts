/** One 24-hour clock in both languages: 14:05 UTC on 6 Dec 2026 is 15:05 in Berlin (CET, UTC+1). */
import { describe, expect, it } from 'vitest';
import { createI18n } from '../../../renderer/i18n/i18n.js';
import { formatDate } from '../../../renderer/time/date-format.js';

const TS = Date.UTC(2026, 11, 6, 14, 5, 9);
const ZONE = 'Europe/Berlin';

describe('24-hour times', () => {
  it.each(['de', 'en'] as const)('%s: time, date-time and the time bar agree on 15:05 and show no AM/PM', (lang) => {
    const i18n = createI18n(lang, lang === 'en' ? ['en-US'] : []);
    expect(i18n.time(TS, ZONE)).toBe('15:05');
    const full = i18n.dateTime(TS, ZONE);
    expect(full).toContain('15:05:09');
    expect(full).not.toMatch(/AM|PM/);
  });

  it('formats midnight as 00, not 24 (hourCycle h23)', () => {
    // 23:00 UTC on 6 Dec = 00:00 on 7 Dec in Berlin
    expect(formatDate('en-US', Date.UTC(2026, 11, 6, 23, 0), ZONE, { hour: '2-digit', minute: '2-digit' })).toBe('00:00');
  });
});
