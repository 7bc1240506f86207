import { describe, expect, it } from 'vitest';
import { createI18n, localeFor, pickLang } from '../../../renderer/i18n/i18n.js';
import { de, en } from '../../../renderer/i18n/messages.js';

describe('i18n', () => {
  it('defines the same keys in both languages, none empty', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(de).sort());
    for (const table of [de, en]) for (const v of Object.values(table)) expect(v.trim()).not.toBe('');
  });

  it('uses the same placeholders in both languages', () => {
    const names = (s: string): string[] => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort();
    for (const key of Object.keys(de) as (keyof typeof de)[]) expect(names(en[key])).toEqual(names(de[key]));
  });

  it('picks ?lang= first, then the stored choice, else German', () => {
    expect(pickLang('?lang=en', 'de')).toBe('en');
    expect(pickLang('?lang=fr', 'en')).toBe('en');
    expect(pickLang('', null)).toBe('de');
    expect(pickLang('?x=1', 'xx')).toBe('de');
  });

  it('formats German numbers with a decimal comma and English ones with a point', () => {
    const g = createI18n('de');
    expect(g.number(1234.56, 1)).toBe('1.234,6');
    expect(g.t('status.line', { online: 5, total: 6, lastPoll: 'x', readings: 12345 })).toBe(
      '5 von 6 Geräten online · letzte Abfrage x · 12.345 Messwerte',
    );
    const e = createI18n('en', ['en-US']);
    expect(e.locale).toBe('en-US');
    expect(e.number(1234.56, 1)).toBe('1,234.6');
    expect(localeFor('en', ['de-DE'])).toBe('en-GB');
  });

  it('formats times in the site zone with a 24-hour clock in German', () => {
    const g = createI18n('de');
    expect(g.time(Date.parse('2026-07-15T13:05:00Z'), 'Europe/Berlin')).toBe('15:05');
    expect(g.day(Date.parse('2026-07-15T13:05:00Z'), 'Europe/Berlin')).toBe('15.07.');
  });

  it('leaves unknown placeholders visible rather than dropping them', () => {
    expect(createI18n('en').t('app.error', {})).toBe('Error: {message}');
  });
});
