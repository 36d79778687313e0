import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { bilingual, inLanguage, requestedLanguage, type Lang } from './bilingual';
import { DomainError, ERROR_KIND_STATUS, ErrorBody } from './domain-error';

const HTTP_CODES: Record<number, { code: string; message: string }> = {
  400: { code: 'BAD_REQUEST', message: bilingual('Ongeldig verzoek', 'Bad request') },
  401: { code: 'UNAUTHENTICATED', message: bilingual('Niet ingelogd', 'Not authenticated') },
  403: { code: 'FORBIDDEN', message: bilingual('Geen toegang', 'Forbidden') },
  404: { code: 'NOT_FOUND', message: bilingual('Niet gevonden', 'Not found') },
  405: { code: 'METHOD_NOT_ALLOWED', message: bilingual('Methode niet toegestaan', 'Method not allowed') },
  413: { code: 'PAYLOAD_TOO_LARGE', message: bilingual('Verzoek is te groot', 'Request body too large') },
  415: { code: 'UNSUPPORTED_MEDIA_TYPE', message: bilingual('Ongeldig inhoudstype', 'Unsupported media type') },
  429: { code: 'RATE_LIMITED', message: bilingual('Te veel verzoeken', 'Too many requests') },
};

/** Errors thrown by body-parser before any route runs carry `status` and `type`. */
interface BodyParserError {
  status?: number;
  statusCode?: number;
  type?: string;
}

/**
 * The one error filter: domain errors by their kind, framework HTTP errors by status,
 * body-parser errors (bad JSON, too large) as 4xx, everything else as an opaque 500
 * that is logged with the request id but never leaks internals to the client.
 */
@Catch()
export class ErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('ErrorFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const res = ctx.getResponse<Response>();
    const req = ctx.getRequest<Request & { id?: string }>();
    const { status, body, headers } = this.toResponse(exception, requestedLanguage(req));
    if (status >= 500) {
      this.logger.error(
        { err: exception, requestId: req.id, method: req.method, url: req.originalUrl },
        'unhandled error',
      );
    }
    if (res.headersSent) return;
    for (const [k, v] of Object.entries(headers ?? {})) res.setHeader(k, v);
    res.status(status).json(body);
  }

  /**
   * The answer for an exception; with `lang`, its texts for people (the message, and the messages
   * of `details.problems`) in that language only, otherwise Dutch / English joined as before.
   */
  toResponse(exception: unknown, lang: Lang | null = null): { status: number; body: ErrorBody; headers?: Record<string, string> } {
    const response = this.response(exception);
    if (lang) response.body = localised(response.body, lang);
    return response;
  }

  private response(exception: unknown): { status: number; body: ErrorBody; headers?: Record<string, string> } {
    if (exception instanceof DomainError) {
      const body: ErrorBody = { code: exception.code, message: exception.message };
      if (exception.details !== undefined) body.details = exception.details;
      return { status: ERROR_KIND_STATUS[exception.kind], body, ...(exception.headers ? { headers: exception.headers } : {}) };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      if (status === 400 && exception.cause instanceof SyntaxError) return this.malformedJson();
      const known = HTTP_CODES[status];
      if (status >= 500 || !known) {
        return status >= 500 ? this.internal() : { status, body: { code: `HTTP_${status}`, message: exception.message } };
      }
      return { status, body: { code: known.code, message: known.message } };
    }
    // Text PostgreSQL cannot store (NUL, lone surrogates) that slipped past validation: the
    // statement failed and its transaction rolled back, so nothing changed; it is the client's input.
    const pgCode = (exception as { code?: unknown; driverError?: { code?: unknown } } | null)?.driverError?.code ?? (exception as { code?: unknown } | null)?.code;
    if (pgCode === '22021' || pgCode === '22P05') {
      return { status: 400, body: { code: 'INVALID_TEXT', message: bilingual('De tekst bevat tekens die niet kunnen worden opgeslagen', 'The text contains characters that cannot be stored') } };
    }
    if (isDatabaseUnavailable(exception, pgCode)) return this.databaseUnavailable();
    const bp = exception as BodyParserError | null;
    const bpStatus = bp?.status ?? bp?.statusCode;
    if (typeof bpStatus === 'number' && bpStatus >= 400 && bpStatus < 500) {
      if (bp?.type === 'entity.parse.failed') return this.malformedJson();
      const known = HTTP_CODES[bpStatus] ?? HTTP_CODES[400]!;
      return { status: bpStatus, body: { code: known.code, message: known.message } };
    }
    return this.internal();
  }

  private malformedJson() {
    return {
      status: 400,
      body: { code: 'MALFORMED_JSON', message: bilingual('De inhoud is geen geldige JSON', 'The body is not valid JSON') },
    };
  }

  private databaseUnavailable() {
    return {
      status: HttpStatus.SERVICE_UNAVAILABLE,
      body: {
        code: 'DATABASE_UNAVAILABLE',
        message: bilingual('De database is tijdelijk niet bereikbaar; probeer het opnieuw', 'The database is temporarily unavailable; try again'),
      },
      headers: { 'Retry-After': '1' },
    };
  }

  private internal() {
    return {
      status: HttpStatus.INTERNAL_SERVER_ERROR,
      body: {
        code: 'INTERNAL_ERROR',
        message: bilingual('Er ging iets mis aan onze kant', 'Something went wrong on our side'),
      },
    };
  }
}

/** The body with its texts for people in one language (the message; `message` of each details problem). */
function localised(body: ErrorBody, lang: Lang): ErrorBody {
  const out: ErrorBody = { ...body, message: inLanguage(body.message, lang) };
  const details = body.details as { problems?: unknown } | undefined;
  if (details && typeof details === 'object' && !Array.isArray(details) && Array.isArray(details.problems)) {
    out.details = {
      ...details,
      problems: details.problems.map((p: unknown) => (p && typeof p === 'object' && typeof (p as { message?: unknown }).message === 'string' ? { ...p, message: inLanguage((p as { message: string }).message, lang) } : p)),
    };
  }
  return out;
}

/**
 * The connection to PostgreSQL was lost or refused: a terminated backend or a server shutting
 * down (SQLSTATE 57P01–57P03), a connection exception (class 08), or the pg client noticing the
 * connection is gone. The transaction did not commit (or the client cannot know), and the pool
 * replaces the connection: the client may retry.
 */
function isDatabaseUnavailable(exception: unknown, pgCode: unknown): boolean {
  if (typeof pgCode === 'string' && /^(08[0-9A-Z]{3}|57P0[123])$/.test(pgCode)) return true;
  const err = (exception as { driverError?: unknown } | null)?.driverError ?? exception;
  return err instanceof Error && /^(Connection terminated|Client has encountered a connection error|timeout exceeded when trying to connect)/.test(err.message);
}
