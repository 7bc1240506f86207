/** Errors cross every boundary (IPC, HTTP, CLI) as values of this shape, never as raw exceptions. */
import type { ErrorCode } from './error-codes.js';

export type ApiErrorKind = 'validation' | 'device' | 'not-found' | 'internal';

export interface ApiError {
  readonly kind: ApiErrorKind;
  readonly message: string;
  /** Where the problem is: a field path, a file and line, a device id. */
  readonly where?: string;
  /** Set where the UI can say it in the user's language with a next step (models/error-codes.ts). */
  readonly code?: ErrorCode;
  readonly params?: Readonly<Record<string, string | number>>;
}

export type Result<T, E = ApiError> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly error: E };

export const ok = <T>(value: T): Result<T, never> => ({ ok: true, value });

export const err = (kind: ApiErrorKind, message: string, where?: string): Result<never> => ({
  ok: false,
  error: where === undefined ? { kind, message } : { kind, message, where },
});
