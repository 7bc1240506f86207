/**
 * A local calendar day (YYYY-MM-DD, as tariffs and periods store it) as people of the language write it: 30.03.2025
 * in German, 2025-03-30 in English (ISO, which the English messages have always used).
 */
import type { Language } from '../../../models/values.js';

export const localDate = (lang: Language, day: string): string => {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (m === null || lang === 'en') return day;
  return `${m[3]}.${m[2]}.${m[1]}`;
};
