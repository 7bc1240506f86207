/**
 * A deliberately small i18n: two languages, a flat key table, {name} placeholders, and Intl for numbers and dates
 * so that German gets its decimal comma and 24-hour clock without hand-written formatting.
 */
import { isLanguage, LANGUAGES, type Language } from '../../models/values.js';
import { de, en, type MessageKey, type Messages } from './messages.js';

export type Lang = Language;
export const LANGS: readonly Lang[] = LANGUAGES;
const TABLES: Record<Lang, Messages> = { de, en };

export const isLang = isLanguage;

/** ?lang=… wins, then a stored choice, else German (the product's first language). */
export function pickLang(search: string, stored: string | null): Lang {
  const fromQuery = new URLSearchParams(search).get('lang');
  if (isLang(fromQuery)) return fromQuery;
  if (isLang(stored)) return stored;
  return 'de';
}

/** The Intl locale for a UI language: German always de-DE; English follows the browser where it is English. */
export function localeFor(lang: Lang, browserLocales: readonly string[] = []): string {
  if (lang === 'de') return 'de-DE';
  return browserLocales.find((l) => l.toLowerCase().startsWith('en')) ?? 'en-GB';
}

export interface I18n {
  readonly lang: Lang;
  readonly locale: string;
  t(key: MessageKey, params?: Readonly<Record<string, string | number>>): string;
  number(value: number, fractionDigits?: number): string;
  percent(share: number): string;
  dateTime(ts: number, timeZone: string): string;
  time(ts: number, timeZone: string): string;
  day(ts: number, timeZone: string): string;
}

export function createI18n(lang: Lang, browserLocales: readonly string[] = []): I18n {
  const table = TABLES[lang];
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
  const t = (key: MessageKey, params?: Readonly<Record<string, string | number>>): string => {
    const text = table[key] ?? key;
    if (!params) return text;
    return text.replace(/\{(\w+)\}/g, (m, name: string) => {
      const v = params[name];
      if (v === undefined) return m;
      return typeof v === 'number' ? nf(Number.isInteger(v) ? 0 : 1).format(v) : v;
    });
  };
  return {
    lang,
    locale,
    t,
    number: (value, fractionDigits = 1) => nf(fractionDigits).format(value),
    percent: (share) => percentFormat.format(share),
    dateTime: (ts, timeZone) => fmt(ts, timeZone, { dateStyle: 'medium', timeStyle: 'medium' }),
    time: (ts, timeZone) => fmt(ts, timeZone, { hour: '2-digit', minute: '2-digit' }),
    day: (ts, timeZone) => fmt(ts, timeZone, { day: '2-digit', month: '2-digit' }),
  };
}
