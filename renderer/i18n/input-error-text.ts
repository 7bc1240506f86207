/** An argument the core refused ('input.*'), in the user's language: the field, what it must be, what to do. */
import type { ErrorCode } from '../../models/error-codes.js';
import { EXPECTED_TYPES, inputTextKey } from '../../models/input-error-text.js';
import type { I18n, MessageKey } from './i18n.js';

/** Fields a dialog shows under a label of its own: named by that label (without its unit or note in brackets). */
const FIELD_LABELS: Readonly<Record<string, MessageKey>> = {
  validFrom: 'tariffs.validFrom',
  validTo: 'tariffs.validTo',
  energyCtPerKwh: 'tariffs.energy',
  fixedEurPerMonth: 'tariffs.fixed',
  feedInCtPerKwh: 'tariffs.feedIn',
  url: 'devices.field.url',
  profile: 'devices.field.profile',
};

const fieldName = (i18n: I18n, path: string): string => {
  const key = FIELD_LABELS[path.split('.').pop() ?? ''];
  return key === undefined ? path : (i18n.t as (k: MessageKey) => string)(key).replace(/\s*\(.*\)$/, '');
};

export type InputCode = Extract<ErrorCode, `input.${string}`>;

export function inputErrorText(i18n: I18n, code: InputCode, params: Readonly<Record<string, string | number>>): string {
  const field = fieldName(i18n, String(params['field'] ?? ''));
  const num = (name: string): string => {
    const v = params[name];
    return typeof v === 'number' ? i18n.number(v, Number.isInteger(v) ? 0 : 1) : String(v ?? '');
  };
  const key = inputTextKey({ code, params });
  switch (key) {
    case 'input.required':
      return i18n.t('error.input.required', { field });
    case 'input.type': {
      const expected = EXPECTED_TYPES.find((t) => t === params['expected']);
      return i18n.t('error.input.type', { field, expected: expected === undefined ? String(params['expected'] ?? '') : i18n.t(`error.input.expected.${expected}`) });
    }
    case 'input.tooSmall':
      return i18n.t('error.input.tooSmall', { field, min: num('min') });
    case 'input.tooSmall.exclusive':
      return i18n.t('error.input.tooSmall.exclusive', { field, min: num('min') });
    case 'input.tooBig':
      return i18n.t('error.input.tooBig', { field, max: num('max') });
    case 'input.tooBig.exclusive':
      return i18n.t('error.input.tooBig.exclusive', { field, max: num('max') });
    case 'input.between':
      return i18n.t('error.input.between', { field, min: num('min'), max: num('max') });
    case 'input.tooShort':
      return i18n.t('error.input.tooShort', { field, min: num('min') });
    case 'input.tooLong':
      return i18n.t('error.input.tooLong', { field, max: num('max') });
    case 'input.oneOf':
      return i18n.t('error.input.oneOf', { field, options: String(params['options'] ?? '') });
    case 'input.format.date':
      return i18n.t('error.input.format.date', { field });
    case 'input.format':
      return i18n.t('error.input.format', { field, format: String(params['format'] ?? '') });
    case 'input.order':
      return i18n.t('error.input.order', { field, after: fieldName(i18n, String(params['after'] ?? '')) });
    case 'input.unknown':
      return i18n.t('error.input.unknown', { field });
    default:
      return i18n.t('error.input.invalid', { field });
  }
}
