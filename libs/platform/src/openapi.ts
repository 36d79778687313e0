import { applyDecorators, type INestApplication } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, ApiResponse, ApiSchema, DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import type { ErrorBody } from './domain-error';

export interface AppDocsInfo {
  title: string;
  description: string;
}

/**
 * The OpenAPI document of an app: served at /docs by configureApp, and written to the web front
 * end's generated client by `npm run api:client` (test/api-client.e2e-spec.ts). One function, so
 * the two cannot differ.
 */
export function createOpenApiDocument(app: INestApplication, docs: AppDocsInfo): OpenAPIObject {
  return SwaggerModule.createDocument(
    app,
    new DocumentBuilder().setTitle(docs.title).setDescription(docs.description).setVersion('1').addBearerAuth().build(),
  );
}

/** The one error shape of every 4xx/5xx answer (ADR 0004), as documented in OpenAPI. */
@ApiSchema({ name: 'ErrorResponse', description: 'Every 4xx/5xx answer (ADR 0004). Key on `code`; show `message`.' })
export class ErrorResponseSchema implements ErrorBody {
  @ApiProperty({ description: 'Stable code for machines, e.g. VALIDATION_FAILED, PORTFOLIO_NOT_FOUND', example: 'VALIDATION_FAILED' })
  code!: string;

  @ApiProperty({ description: 'For people: Dutch first, then English, in one string', example: 'De invoer is ongeldig / The input is invalid' })
  message!: string;

  @ApiPropertyOptional({
    description: 'The numbers or fields behind the error, e.g. validation issues `[{ path, constraints }]` (at most 50)',
    oneOf: [{ type: 'object', additionalProperties: true }, { type: 'array', items: {} }],
  })
  details?: unknown;
}

export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 412 | 413 | 422 | 428 | 429 | 500 | 503;

/** Per status, the codes a route may answer with (they go into the response's description). */
export type ErrorCodes = Partial<Record<ErrorStatus, readonly string[]>>;

const STATUS_TEXT: Record<ErrorStatus, string> = {
  400: 'Bad request',
  401: 'Not logged in, or the session has ended',
  403: 'Forbidden',
  404: 'Not found (also: not yours)',
  409: 'Conflicts with the current state',
  412: 'Precondition failed (stale)',
  413: 'Too large',
  422: 'Cannot be processed',
  428: 'Precondition required',
  429: 'Too many requests',
  500: 'Unexpected error on our side',
  503: 'Temporarily unavailable; try again',
};

/** Error responses shared by many routes; combine them with the route's own in `ApiErrors`. */
export const ERRORS = {
  /** Any route behind a login (the session is looked up in the database). */
  signedIn: { 401: ['UNAUTHENTICATED', 'SESSION_INVALID'], 503: ['DATABASE_UNAVAILABLE'] },
  /** A route that reads or writes the database. */
  database: { 503: ['DATABASE_UNAVAILABLE'] },
  /** A route for one role only (a token of another role is refused). */
  role: { 403: ['ROLE_FORBIDDEN'] },
  /** A state-changing route called with the browser's session cookie, without the matching X-CSRF-Token. */
  csrf: { 403: ['CSRF_TOKEN_INVALID'] },
  /** A route that reads a JSON body. */
  jsonBody: { 400: ['VALIDATION_FAILED', 'MALFORMED_JSON', 'FORBIDDEN_FIELD'], 413: ['PAYLOAD_TOO_LARGE'] },
  /** A state-changing route that reads no body: anything but none or `{}` is refused. */
  noBody: { 400: ['UNEXPECTED_BODY', 'FORBIDDEN_FIELD', 'MALFORMED_JSON'] },
  /** A route with a UUID in its path. */
  uuid: { 400: ['INVALID_ID'] },
  /** A route with validated query parameters. */
  query: { 400: ['VALIDATION_FAILED'] },
  /** A route that renders a PDF with Chromium. */
  pdf: { 503: ['PDF_UNAVAILABLE', 'PDF_TIMEOUT'] },
  /** A route that talks to document storage. */
  storage: { 503: ['STORAGE_UNAVAILABLE'] },
} as const satisfies Record<string, ErrorCodes>;

/** Every route can answer this: bugs happen. */
const ALWAYS: ErrorCodes = { 500: ['INTERNAL_ERROR'] };

/** Merges lists of codes per status, without duplicates, in the order given. */
export function mergeErrorCodes(...lists: ErrorCodes[]): ErrorCodes {
  const merged: ErrorCodes = {};
  for (const list of lists) {
    for (const [status, codes] of Object.entries(list) as Array<[string, readonly string[]]>) {
      const key = Number(status) as ErrorStatus;
      merged[key] = [...new Set([...(merged[key] ?? []), ...codes])];
    }
  }
  return merged;
}

/**
 * Documents the error responses of a route: for each status the `ErrorResponse` schema and the
 * codes the route may answer with (plus 500 INTERNAL_ERROR, which every route can answer).
 */
export function ApiErrors(...lists: ErrorCodes[]): MethodDecorator {
  const merged = mergeErrorCodes(...lists, ALWAYS);
  const statuses = (Object.keys(merged).map(Number) as ErrorStatus[]).sort((a, b) => a - b);
  return applyDecorators(
    ...statuses.map((status) =>
      ApiResponse({
        status,
        description: `${STATUS_TEXT[status]}: ${merged[status]!.join(', ')}`,
        type: ErrorResponseSchema,
        ...(status === 429 || status === 503 ? { headers: { 'Retry-After': responseHeader('seconds to wait before trying again, when known', { example: '1' }) } } : {}),
      }),
    ),
  ) as MethodDecorator;
}

/** A header of a response, for `ApiResponse({ headers })`; `always`: sent with every such response. */
export function responseHeader(description: string, options: { example?: string; always?: boolean } = {}) {
  return {
    description,
    ...(options.always ? { required: true } : {}),
    schema: { type: 'string' as const, ...(options.example !== undefined ? { example: options.example } : {}) },
  };
}

/**
 * A binary success response (PDF, ZIP, calendar file), never cached: its content type with a
 * `format: binary` string, and the headers that come with it.
 */
export function ApiFileResponse(options: { contentType: string; description: string; disposition: 'inline' | 'attachment'; filename: string }): MethodDecorator {
  return ApiResponse({
    status: 200,
    description: options.description,
    content: { [options.contentType]: { schema: { type: 'string', format: 'binary' } } },
    headers: {
      'Content-Disposition': responseHeader(`${options.disposition}, with the file name`, { example: `${options.disposition}; filename="${options.filename}"`, always: true }),
      'Cache-Control': responseHeader('never cached: it may hold personal data', { example: 'no-store', always: true }),
    },
  }) as MethodDecorator;
}
