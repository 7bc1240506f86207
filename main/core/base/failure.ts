/** Thrown by handlers for an expected failure; dispatch() turns it into a typed error value. */
import type { ErrorDetail } from '../../../models/error-codes.js';
import type { ApiErrorKind } from '../../../models/result.js';

export class ApiFailure extends Error {
  constructor(
    readonly kind: ApiErrorKind,
    message: string,
    readonly where?: string,
    readonly detail?: ErrorDetail,
  ) {
    super(message);
    this.name = 'ApiFailure';
  }
}

export const notFound = (what: string, id: string): ApiFailure => new ApiFailure('not-found', `${what} '${id}' not found`, id);
