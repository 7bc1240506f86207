/**
 * The one place the UI formats dates and times: the site's time zone, the UI's locale, and always a 24-hour clock
 * (hourCycle 'h23'), so English shows "14:10" like German instead of mixing "02:10 PM" and "2:12:30 PM".
 * Formatters are cached: the charts format hundreds of ticks per draw.
 * hourCycle combines with dateStyle/timeStyle and with hour fields (ECMA-402, Intl.DateTimeFormat options).
 */
const formats = new Map<string, Intl.DateTimeFormat>();

export function dateFormat(locale: string, timeZone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${timeZone}|${JSON.stringify(options)}`;
  let f = formats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { timeZone, hourCycle: 'h23', ...options });
    formats.set(key, f);
  }
  return f;
}

export const formatDate = (locale: string, ts: number, timeZone: string, options: Intl.DateTimeFormatOptions): string =>
  dateFormat(locale, timeZone, options).format(ts);
