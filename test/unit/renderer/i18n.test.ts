import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { createI18n, isStaticKey, localeFor, pickLang } from '../../../renderer/i18n/i18n.js';
import { rendererMessages } from '../../../renderer/i18n/messages.js';

// the types already demand the same keys and placeholders (models/i18n/define-messages.ts); these check the values
const de: Readonly<Record<string, string>> = rendererMessages.texts.de;
const en: Readonly<Record<string, string>> = rendererMessages.texts.en;

describe('i18n', () => {
  it('defines the same keys in both languages, none empty', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(de).sort());
    for (const table of [de, en]) for (const v of Object.values(table)) expect(v.trim()).not.toBe('');
  });

  it('uses the same placeholders in both languages', () => {
    const names = (s: string): string[] => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort();
    for (const key of Object.keys(de)) expect(names(en[key]!), key).toEqual(names(de[key]!));
  });

  it('knows every key index.html names in data-i18n, each a text without placeholders', () => {
    const html = fs.readFileSync(path.join(import.meta.dirname, '../../../renderer/index.html'), 'utf8');
    const keys = [...html.matchAll(/data-i18n="([^"]+)"/g)].map((m) => m[1]!);
    expect(keys.length).toBeGreaterThan(0);
    for (const key of keys) expect(isStaticKey(key), key).toBe(true);
    expect(isStaticKey('buildings.titel')).toBe(false);
    expect(isStaticKey('app.error')).toBe(false); // 'Fehler: {message}' needs a parameter
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

  it('leaves a placeholder visible rather than dropping it when a caller outside the types passes no value', () => {
    const loose = createI18n('en').t as unknown as (key: string, params: object) => string;
    expect(loose('app.error', {})).toBe('Error: {message}');
  });

  it('refuses misspelt keys and missing parameters at compile time', () => {
    const { t } = createI18n('de');
    // @ts-expect-error misspelt key
    expect(t('buildings.titel')).toBe('buildings.titel');
    // @ts-expect-error 'Fehler: {message}' needs its parameter
    t('app.error');
    expect(t('app.error', { message: 'x' })).toBe('Fehler: x');
  });
});
