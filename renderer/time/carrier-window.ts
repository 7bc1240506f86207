/**
 * The heat-and-fuel charts follow the time bar's scope: hours of the day, days of the week or month, months of the
 * year; titled with that frame in the UI's locale.
 */
import type { CarrierStep } from '../../models/contract/index.js';
import type { I18n } from '../i18n/i18n.js';
import { dateFormat } from './date-format.js';
import { dayLabel, monthLabel, yearLabel } from './period-label.js';
import type { TimeScope } from './time-window.js';

export const carrierStep = (scope: TimeScope): CarrierStep => (scope === 'day' ? 'hour' : scope === 'year' ? 'month' : 'day');

export function carrierTitle(i18n: I18n, step: CarrierStep, frame: { readonly from: number; readonly to: number }, timeZone: string): string {
  const { locale } = i18n;
  if (step === 'hour') return i18n.t('carriers.chart.hour', { period: dayLabel(locale, frame.from, timeZone) });
  if (step === 'month') return i18n.t('carriers.chart.month', { period: yearLabel(locale, frame.from, timeZone) });
  // a week names its first and last day, a month its name
  const days = (frame.to - frame.from) / 86_400_000;
  const period =
    days < 8
      ? dateFormat(locale, timeZone, { dateStyle: 'medium' }).formatRange(frame.from, frame.to - 1)
      : monthLabel(locale, frame.from, timeZone);
  return i18n.t('carriers.chart.day', { period });
}
