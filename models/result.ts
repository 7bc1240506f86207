/** Errors cross every boundary (IPC, HTTP, CLI) as values of this shape, never as raw exceptions. */
export type ApiErrorKind = 'validation' | 'device' | 'not-found' | 'internal';

export interface ApiError {
  readonly kind: ApiErrorKind;
  readonly message: string;
  /** Where the problem is: a field path, a file and line, a device id. */
  readonly where?: string;
}

export type Result<T, E = ApiError> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly error: E };

export const ok = <T>(value: T): Result<T, never> => ({ ok: true, value });

export const err = (kind: ApiErrorKind, message: string, where?: string): Result<never> => ({
  ok: false,
  error: where === undefined ? { kind, message } : { kind, message, where },
});
