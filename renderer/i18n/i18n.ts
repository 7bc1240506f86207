/**
 * The UI's i18n: the shared message mechanism (models/i18n/) over the UI's table, plus Intl for numbers and dates
 * so that German gets its decimal comma and 24-hour clock without hand-written formatting.
 */
import { isPlainKey, type KeyOf, type PlainKeyOf, type TextsOf } from '../../models/i18n/define-messages.js';
import { createTranslator, type Translate, type TranslatePlural } from '../../models/i18n/translator.js';
import { isLanguage, type Language } from '../../models/values.js';
import { rendererMessages } from './messages.js';

export { isLanguage, LANGUAGES, type Language } from '../../models/values.js';
export type MessageKey = KeyOf<typeof rendererMessages>;

/** A key named in index.html (data-i18n): the HTML is not typechecked, so it is checked here and by a unit test. */
export const isStaticKey = (key: string | undefined): key is PlainKeyOf<typeof rendererMessages> => isPlainKey(rendererMessages, key);

/** ?lang=… wins, then a stored choice, else German (the product's first language). */
export function pickLang(search: string, stored: string | null): Language {
  const fromQuery = new URLSearchParams(search).get('lang');
  if (isLanguage(fromQuery)) return fromQuery;
  if (isLanguage(stored)) return stored;
  return 'de';
}

/** The Intl locale for a UI language: German always de-DE; English follows the browser where it is English. */
export function localeFor(lang: Language, browserLocales: readonly string[] = []): string {
  if (lang === 'de') return 'de-DE';
  return browserLocales.find((l) => l.toLowerCase().startsWith('en')) ?? 'en-GB';
}

export interface I18n {
  readonly lang: Language;
  readonly locale: string;
  /** A key of the UI's table, with exactly the parameters its text has placeholders for. */
  readonly t: Translate<TextsOf<typeof rendererMessages>>;
  /** A count's text, singular or plural as the language has it (Intl.PluralRules). */
  readonly plural: TranslatePlural<TextsOf<typeof rendererMessages>>;
  number(value: number, fractionDigits?: number): string;
  percent(share: number): string;
  dateTime(ts: number, timeZone: string): string;
  time(ts: number, timeZone: string): string;
  day(ts: number, timeZone: string): string;
}

export function createI18n(lang: Language, browserLocales: readonly string[] = []): I18n {
  const locale = localeFor(lang, browserLocales);
  const numberFormats = new Map<number, Intl.NumberFormat>();
  const nf = (digits: number): Intl.NumberFormat => {
    let f = numberFormats.get(digits);
    if (!f) {
      f = new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits });
      numberFormats.set(digits, f);
    }
    return f;
  };
  const percentFormat = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
  const fmt = (ts: number, timeZone: string, options: Intl.DateTimeFormatOptions): string =>
    new Intl.DateTimeFormat(locale, { timeZone, ...options }).format(new Date(ts));
  const { t, plural } = createTranslator(rendererMessages, lang, locale);
  return {
    lang,
    locale,
    t,
    plural,
    number: (value, fractionDigits = 1) => nf(fractionDigits).format(value),
    percent: (share) => percentFormat.format(share),
    dateTime: (ts, timeZone) => fmt(ts, timeZone, { dateStyle: 'medium', timeStyle: 'medium' }),
    time: (ts, timeZone) => fmt(ts, timeZone, { hour: '2-digit', minute: '2-digit' }),
    day: (ts, timeZone) => fmt(ts, timeZone, { day: '2-digit', month: '2-digit' }),
  };
}
