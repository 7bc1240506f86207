/**
 * The message mechanism (models/i18n/): lookups fill placeholders with numbers in the language's format, and the
 * types refuse what would otherwise print a key or a blank. The @ts-expect-error lines are the proof: `npm test`
 * runs tsc over this file, and tsc fails on an @ts-expect-error that has no error under it, so each of them would
 * break the typecheck the day a misspelt key, a missing English text or a missing parameter passed.
 */
import { describe, expect, it } from 'vitest';
import { defineMessages } from '../../../models/i18n/define-messages.js';
import { isLanguage, LANGUAGES } from '../../../models/values.js';
import { createTranslator } from '../../../models/i18n/translator.js';
import { reportMessages, reportText } from '../../../main/core/reports/messages.js';
import { electronMessages, t as menuText } from '../../../main/shells/electron/messages.js';
import { cliMessages, cliText } from '../../../main/shells/cli/messages.js';
import { createI18n } from '../../../renderer/i18n/i18n.js';
import { rendererMessages } from '../../../renderer/i18n/messages.js';

const table = defineMessages({
  de: { 'greet': 'Hallo {name}', 'energy': '{kwh} kWh', 'plain': 'ja' },
  en: { 'greet': 'Hello {name}', 'energy': '{kwh} kWh', 'plain': 'yes' },
});

describe('typed messages', () => {
  it('looks up a key in each language and formats numbers with the locale', () => {
    const de = createTranslator(table, 'de', 'de-DE');
    const en = createTranslator(table, 'en', 'en-GB');
    expect(de.t('plain')).toBe('ja');
    expect(en.t('greet', { name: 'Ada' })).toBe('Hello Ada');
    // 12345.67: German groups thousands with '.' and uses the decimal comma; one decimal for a fraction
    expect(de.t('energy', { kwh: 12_345.67 })).toBe('12.345,7 kWh');
    expect(en.t('energy', { kwh: 12_345.67 })).toBe('12,345.7 kWh');
    // whole numbers without decimals
    expect(de.t('energy', { kwh: 1500 })).toBe('1.500 kWh');
  });

  it('picks singular or plural with Intl.PluralRules and fills the count', () => {
    const rows = defineMessages({
      de: { 'rows.one': '{count} Zeile in {file}', 'rows.other': '{count} Zeilen in {file}', 'few.other': '{count} mal' },
      en: { 'rows.one': '{count} row in {file}', 'rows.other': '{count} rows in {file}', 'few.other': '{count} times' },
    });
    const de = createTranslator(rows, 'de', 'de-DE');
    const en = createTranslator(rows, 'en', 'en-GB');
    expect(de.plural('rows', 1, { file: 'a.csv' })).toBe('1 Zeile in a.csv');
    expect(de.plural('rows', 0, { file: 'a.csv' })).toBe('0 Zeilen in a.csv');
    expect(en.plural('rows', 2500, { file: 'a.csv' })).toBe('2,500 rows in a.csv');
    // no 'one' text: 'other' serves every count
    expect(en.plural('few', 1)).toBe('1 times');
    // @ts-expect-error not a plural base
    de.plural('row', 1, { file: 'x' });
    // @ts-expect-error {file} is still needed
    de.plural('rows', 1);
  });

  it('knows the languages once', () => {
    expect(LANGUAGES).toEqual(['de', 'en']);
    expect(isLanguage('en')).toBe(true);
    expect(isLanguage('fr')).toBe(false);
  });

  it('refuses a misspelt key, a wrong or missing parameter, and tables that differ', () => {
    const { t } = createTranslator(table, 'de', 'de-DE');
    // @ts-expect-error misspelt key
    expect(t('gret', { name: 'x' })).toBe('gret');
    // @ts-expect-error the text has a {name} placeholder: the parameter is required
    t('greet');
    // @ts-expect-error wrong parameter name
    t('greet', { nme: 'x' });
    // @ts-expect-error a text without placeholders takes no parameters
    t('plain', { x: 1 });
    const use = 'school' as 'school' | 'office';
    // @ts-expect-error a key built from a value with no text ('use.school' is not a key of this table)
    t(`use.${use}`);

    // @ts-expect-error English misses a key
    defineMessages({ de: { a: 'A', b: 'B' }, en: { a: 'A' } });
    // @ts-expect-error English has a key German has not
    defineMessages({ de: { a: 'A' }, en: { a: 'A', c: 'C' } });
    // @ts-expect-error English has other placeholders than German
    defineMessages({ de: { a: 'Zeile {line}' }, en: { a: 'Line {row}' } });
    // the same placeholders in another order are fine
    expect(createTranslator(defineMessages({ de: { a: '{x} von {y}' }, en: { a: '{y} of {x}' } }), 'en', 'en-GB').t('a', { x: 1, y: 2 })).toBe('2 of 1');
  });

  it('types every surface: the UI, the reports, the desktop menus and the CLI', () => {
    // @ts-expect-error UI: misspelt key
    createI18n('de').t('buildings.titel');
    // @ts-expect-error reports: misspelt key
    reportText('de')('report.titel');
    // @ts-expect-error reports: a key built from a value without a text
    reportText('de')(`carrier.${'coal' as 'coal' | 'gas'}`);
    // @ts-expect-error desktop menus: misspelt key
    menuText('de', 'menu.fiel');
    // @ts-expect-error CLI: misspelt key
    cliText('de')('yse');
    expect([createI18n('en').t('buildings.title'), reportText('en')('report.title'), menuText('en', 'menu.file'), cliText('de')('yes')]).toEqual([
      'Buildings',
      'Energy balance report',
      'File',
      'ja',
    ]);
  });

  it('gives every text of every table in both languages, with the same placeholders (tsc checks keys, not extras)', () => {
    const names = (text: string): string[] => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort();
    const tables = { renderer: rendererMessages, reports: reportMessages, electron: electronMessages, cli: cliMessages };
    for (const [surface, table] of Object.entries(tables)) {
      const de: Readonly<Record<string, string>> = table.texts.de;
      const en: Readonly<Record<string, string>> = table.texts.en;
      expect(Object.keys(en).sort(), surface).toEqual(Object.keys(de).sort());
      for (const [key, text] of Object.entries(de)) {
        expect(text.trim(), `${surface} de ${key}`).not.toBe('');
        expect(en[key]!.trim(), `${surface} en ${key}`).not.toBe('');
        expect(names(en[key]!), `${surface} ${key}`).toEqual(names(text));
      }
    }
  });
});
