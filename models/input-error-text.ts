/**
 * Which text an 'input.*' failure (models/error-codes.ts) gets, shared by the renderer and the CLI so both pick the
 * same variant: a bound that excludes itself ("greater than 0") reads differently from one that includes it ("at
 * least 0"), and a local date gets its example instead of the format's name.
 */
import type { ErrorDetail } from './error-codes.js';

/** The text key after 'error.': the code, or the code with its variant. */
export function inputTextKey(detail: ErrorDetail): string {
  const { code, params } = detail;
  if ((code === 'input.tooSmall' || code === 'input.tooBig') && params['inclusive'] === 0) return `${code}.exclusive`;
  if (code === 'input.format' && params['format'] === 'date') return 'input.format.date';
  return code;
}

/** The types zod names that have a word of their own (key 'error.input.expected.<type>'). */
export const EXPECTED_TYPES = ['string', 'number', 'int', 'boolean', 'object', 'array'] as const;
