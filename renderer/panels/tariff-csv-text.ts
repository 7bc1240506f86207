/**
 * The rows of a refused tariff CSV in the user's language: the core sends them as the 'tariff.csv' error's rows
 * parameter (models/error-codes.ts), each with file, line, problem code and the field as written.
 */
import { tariffCsvRows, type TariffCsvProblem } from '../../models/tariffs/tariff-csv-problems.js';
import type { I18n } from '../i18n/i18n.js';

export const tariffCsvRowText = (i18n: I18n, p: TariffCsvProblem): string => {
  const where = p.line > 0 ? `${p.file}:${p.line}` : p.file;
  const value = p.value;
  switch (p.code) {
    case 'empty':
      return i18n.t('tariffs.csv.empty', { where });
    case 'columns':
      return i18n.t('tariffs.csv.columns', { where });
    case 'duplicate':
      return i18n.t('tariffs.csv.duplicate', { where, value, otherLine: String(p.otherLine ?? '') });
    default:
      return i18n.t(`tariffs.csv.${p.code}`, { where, value });
  }
};

/** The whole error: the count, then each named row. */
export const tariffCsvErrorText = (i18n: I18n, params: Readonly<Record<string, string | number>>): string =>
  [i18n.t('error.tariff.csv', { count: Number(params['count'] ?? 0) }), ...tariffCsvRows(params['rows']).map((p) => tariffCsvRowText(i18n, p))].join('\n');
