/** Numbers for people: German or English separators, chosen by --lang or the LANG environment variable. */
import { DEFAULT_LOCALE } from '../../../models/i18n/locales.js';
import type { Language } from '../../../models/values.js';
import { cliText } from './messages.js';

export type Lang = Language;

export const langFrom = (flag: string | undefined, env: string | undefined): Lang | null => {
  const raw = (flag ?? env ?? 'en').toLowerCase();
  if (raw.startsWith('de')) return 'de';
  if (raw.startsWith('en') || raw === 'c' || raw.startsWith('c.') || raw === 'posix') return 'en';
  return flag === undefined ? 'en' : null;
};

export interface NumberFormatter {
  readonly lang: Lang;
  /** Whole kWh (or any quantity) with thousands separators. */
  kwh(v: number): string;
  /** A value with the given decimals. */
  num(v: number, decimals: number): string;
  /** A share 0..1 as percent with one decimal; '-' for null. */
  pct(v: number | null): string;
  yesNo(v: boolean): string;
  /** The CLI's words in this language (messages.ts). */
  readonly t: ReturnType<typeof cliText>;
}

export const numberFormatter = (lang: Lang): NumberFormatter => {
  const locale = DEFAULT_LOCALE[lang];
  const t = cliText(lang);
  const cache = new Map<number, Intl.NumberFormat>();
  const fmt = (decimals: number) => {
    let f = cache.get(decimals);
    if (f === undefined) {
      f = new Intl.NumberFormat(locale, { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
      cache.set(decimals, f);
    }
    return f;
  };
  // -0 would print as "-0" after rounding
  const clean = (v: number, decimals: number) => (Math.abs(v) < 0.5 * 10 ** -decimals ? 0 : v);
  return {
    lang,
    kwh: (v) => fmt(0).format(clean(v, 0)),
    num: (v, d) => fmt(d).format(clean(v, d)),
    pct: (v) => (v === null ? '-' : `${fmt(1).format(clean(v * 100, 1))} %`),
    yesNo: (v) => t(v ? 'yes' : 'no'),
    t,
  };
};

/** A plain text table: first column left-aligned, the others right-aligned. */
export const textTable = (header: readonly string[], rows: readonly (readonly string[])[]): string => {
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => (r[c] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells.map((cell, c) => (c === 0 ? cell.padEnd(widths[c] as number) : cell.padStart(widths[c] as number))).join('  ').trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
};
