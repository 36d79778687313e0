import createClient, { type Middleware } from 'openapi-fetch';
import type { paths } from './candidate-api';

/**
 * The typed client of the candidate API, generated from its own OpenAPI document
 * (`npm run api:client`). Same origin: the session is the HttpOnly cookie; every state-changing
 * request carries the CSRF token from the readable `rlp_csrf` cookie (ADR 0013).
 */
export function csrfToken(): string | null {
  const match = /(?:^|;\s*)rlp_csrf=([^;]+)/.exec(document.cookie);
  return match?.[1] ? decodeURIComponent(match[1]) : null;
}

/** Adds the CSRF token to the headers of a state-changing request. */
function withCsrf(method: string, headers: Headers): Headers {
  if (!['GET', 'HEAD', 'OPTIONS'].includes(method.toUpperCase())) {
    const token = csrfToken();
    if (token) headers.set('X-CSRF-Token', token);
  }
  return headers;
}

const csrf: Middleware = {
  onRequest({ request }) {
    withCsrf(request.method, request.headers);
    return request;
  },
};

export const api = createClient<paths>({ baseUrl: window.location.origin, credentials: 'same-origin' });
api.use(csrf);

/** The platform's error shape (ADR 0004). */
export interface ApiProblem {
  code: string;
  message: string;
  details?: unknown;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: ApiProblem,
  ) {
    super(problem.message);
  }
  get code(): string {
    return this.problem.code;
  }
}

/** A network failure (offline, server unreachable), as opposed to an answer. */
export class OfflineError extends Error {}

/** Unwraps an openapi-fetch result: the data, or an ApiError with the server's code and message. */
export async function must<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  let result: { data?: T; error?: unknown; response: Response };
  try {
    result = await call;
  } catch (err) {
    if (err instanceof TypeError) throw new OfflineError(err.message);
    throw err;
  }
  if (result.response.ok) return result.data as T;
  const e = result.error as Partial<ApiProblem> | undefined;
  throw new ApiError(result.response.status, {
    code: typeof e?.code === 'string' ? e.code : `HTTP_${result.response.status}`,
    message: typeof e?.message === 'string' ? e.message : result.response.statusText,
    ...(e?.details !== undefined ? { details: e.details } : {}),
  });
}

/** For the few calls that need headers (ETag, If-Match) or raw bodies: plain fetch, same rules. */
export async function raw(path: string, init: RequestInit & { json?: unknown } = {}): Promise<Response> {
  const method = (init.method ?? 'GET').toUpperCase();
  const headers = withCsrf(method, new Headers(init.headers));
  let body = init.body;
  if (init.json !== undefined) {
    if (!headers.has('Content-Type')) headers.set('Content-Type', 'application/json');
    body = JSON.stringify(init.json);
  }
  try {
    return await fetch(path, { ...init, method, headers, body: body ?? null, credentials: 'same-origin' });
  } catch (err) {
    throw new OfflineError((err as Error).message);
  }
}

export async function problemOf(res: Response): Promise<ApiError> {
  let body: Partial<ApiProblem> = {};
  try {
    body = (await res.json()) as Partial<ApiProblem>;
  } catch {
    /* not JSON */
  }
  return new ApiError(res.status, { code: body.code ?? `HTTP_${res.status}`, message: body.message ?? res.statusText, ...(body.details !== undefined ? { details: body.details } : {}) });
}
