/**
 * A code and parameters for arguments a schema refused (models/error-codes.ts 'input.*'), so that each UI says in
 * the user's language which field is wrong and what it must be, instead of showing zod's English sentence. The
 * schemas' own rules (refine) name their code in params ({ code: 'input.order', after: 'from' }); a rule without
 * one becomes 'input.invalid'.
 */
import type { ZodError } from 'zod';
import type { ErrorCode, ErrorDetail } from '../../../models/error-codes.js';

type Issue = ZodError['issues'][number];
type Params = Record<string, string | number>;

const valueAt = (input: unknown, path: readonly PropertyKey[]): unknown => {
  let v: unknown = input;
  for (const key of path) {
    if (typeof v !== 'object' || v === null) return undefined;
    v = (v as Record<PropertyKey, unknown>)[key];
  }
  return v;
};

const fieldOf = (path: readonly PropertyKey[]): string => (path.length > 0 ? path.map(String).join('.') : 'args');

const detail = (code: ErrorCode, field: string, params: Params = {}): ErrorDetail => ({ code, params: { field, ...params } });

/** A rule's own code from refine(..., { params: { code } }), when it is one of ours. */
const ownCode = (issue: Issue): ErrorDetail | undefined => {
  if (issue.code !== 'custom') return undefined;
  const p = (issue.params ?? {}) as Params;
  const code = p['code'];
  if (typeof code !== 'string' || !code.startsWith('input.')) return undefined;
  const rest: Params = {};
  for (const [k, v] of Object.entries(p)) if (k !== 'code') rest[k] = v;
  return detail(code as ErrorCode, fieldOf(issue.path), rest);
};

/** The first issue's code: the one the message names (dispatch reports one problem at a time). */
export function inputErrorDetail(issue: Issue, input: unknown): ErrorDetail {
  const field = fieldOf(issue.path);
  switch (issue.code) {
    case 'invalid_type':
      return valueAt(input, issue.path) === undefined ? detail('input.required', field) : detail('input.type', field, { expected: issue.expected });
    case 'too_small': {
      const min = Number(issue.minimum);
      if (issue.origin === 'string' || issue.origin === 'array' || issue.origin === 'set') {
        return min <= 1 ? detail('input.required', field) : detail('input.tooShort', field, { min });
      }
      return detail('input.tooSmall', field, { min, inclusive: issue.inclusive === false ? 0 : 1 });
    }
    case 'too_big': {
      const max = Number(issue.maximum);
      if (issue.origin === 'string' || issue.origin === 'array' || issue.origin === 'set') return detail('input.tooLong', field, { max });
      return detail('input.tooBig', field, { max, inclusive: issue.inclusive === false ? 0 : 1 });
    }
    case 'invalid_value':
      return detail('input.oneOf', field, { options: issue.values.map(String).join(', ') });
    case 'invalid_format':
      return detail('input.format', field, { format: issue.format });
    case 'unrecognized_keys':
      return detail('input.unknown', issue.keys.map((k) => fieldOf([...issue.path, k])).join(', '));
    case 'invalid_union':
      // a discriminated union names its tag in the path ("measures.0.kind"): missing, or a kind it does not know
      return detail((issue as { note?: string }).note === 'No matching discriminator' && valueAt(input, issue.path) === undefined ? 'input.required' : 'input.invalid', field);
    case 'custom':
      return ownCode(issue) ?? detail('input.invalid', field);
    default:
      return detail('input.invalid', field);
  }
}
