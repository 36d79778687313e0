/**
 * Errors are plain classes with a stable code; services never throw HTTP exceptions.
 * One exception filter per app maps `kind` to an HTTP status (see error.filter.ts).
 */
export type ErrorKind =
  | 'validation' // 400
  | 'unauthenticated' // 401
  | 'forbidden' // 403
  | 'not_found' // 404
  | 'conflict' // 409
  | 'precondition_failed' // 412
  | 'too_large' // 413
  | 'unprocessable' // 422
  | 'precondition_required' // 428
  | 'rate_limited' // 429
  | 'unavailable'; // 503

export const ERROR_KIND_STATUS: Record<ErrorKind, number> = {
  validation: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  precondition_failed: 412,
  too_large: 413,
  unprocessable: 422,
  precondition_required: 428,
  rate_limited: 429,
  unavailable: 503,
};

export class DomainError extends Error {
  constructor(
    readonly kind: ErrorKind,
    readonly code: string,
    message: string,
    readonly details?: unknown,
    /** Extra response headers, e.g. Retry-After. */
    readonly headers?: Record<string, string>,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

/** The one JSON error shape every 4xx/5xx response uses. */
export interface ErrorBody {
  code: string;
  message: string;
  details?: unknown;
}
