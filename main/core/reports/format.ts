/** Numbers and dates as the report's language writes them (de-DE: decimal comma, 1.234,5). */
import { DEFAULT_LOCALE } from '../../../models/i18n/locales.js';
import type { Language } from '../../../models/values.js';

export interface Formatter {
  readonly locale: string;
  /** Whole kWh with thousands separators. */
  kwh(v: number): string;
  /** Any number with the given decimals. */
  num(v: number, decimals: number): string;
  /** A share 0..1 as per cent with one decimal; '–' for null. */
  pct(v: number | null): string;
  /** Calendar date in the zone. */
  date(ts: number, timeZone: string): string;
  dateTime(ts: number, timeZone: string): string;
  /** Month name and year. */
  month(ts: number, timeZone: string): string;
  /** Short month for chart axes. */
  monthShort(ts: number, timeZone: string): string;
}

export const formatterFor = (lang: Language): Formatter => {
  const locale = DEFAULT_LOCALE[lang];
  const numbers = new Map<number, Intl.NumberFormat>();
  const nf = (d: number): Intl.NumberFormat => {
    let f = numbers.get(d);
    if (f === undefined) {
      f = new Intl.NumberFormat(locale, { minimumFractionDigits: d, maximumFractionDigits: d });
      numbers.set(d, f);
    }
    return f;
  };
  // -0 after rounding reads as a sign error in a table
  const clean = (v: number, d: number): number => (Math.abs(v) < 0.5 * 10 ** -d ? 0 : v);
  const dates = new Map<string, Intl.DateTimeFormat>();
  const df = (timeZone: string, kind: string, o: Intl.DateTimeFormatOptions): Intl.DateTimeFormat => {
    const key = `${timeZone}|${kind}`;
    let f = dates.get(key);
    if (f === undefined) {
      f = new Intl.DateTimeFormat(locale, { timeZone, ...o });
      dates.set(key, f);
    }
    return f;
  };
  return {
    locale,
    kwh: (v) => nf(0).format(clean(v, 0)),
    num: (v, d) => nf(d).format(clean(v, d)),
    pct: (v) => (v === null || !Number.isFinite(v) ? '–' : `${nf(1).format(clean(v * 100, 1))} %`),
    date: (ts, tz) => df(tz, 'date', { year: 'numeric', month: '2-digit', day: '2-digit' }).format(ts),
    dateTime: (ts, tz) => df(tz, 'dt', { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(ts),
    month: (ts, tz) => df(tz, 'month', { year: 'numeric', month: 'short' }).format(ts),
    monthShort: (ts, tz) => df(tz, 'mshort', { year: '2-digit', month: 'short' }).format(ts),
  };
};
