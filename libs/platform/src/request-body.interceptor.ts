import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import type { Observable } from 'rxjs';
import { bilingual } from './bilingual';
import { DomainError } from './domain-error';

/** Whether a handler declares a `@Body()` parameter. */
export function takesBody(controller: object, handler: (...args: never[]) => unknown): boolean {
  const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, handler.name) ?? {}) as Record<string, unknown>;
  return Object.keys(args).some((key) => key.split(':')[0] === String(RouteParamtypes.BODY));
}

/** A request body that says nothing: none at all, or `{}`. */
export function isEmptyBody(body: unknown): boolean {
  if (body === undefined || body === null) return true;
  if (Buffer.isBuffer(body)) return body.length === 0;
  return typeof body === 'object' && !Array.isArray(body) && Object.keys(body).length === 0;
}

const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * How deeply a request body may nest objects and arrays. No body of this platform comes near it
 * (section contents nest a handful of levels); past a few thousand levels the validation pipe's
 * recursive transformation overflowed the stack (a 500 found by test/hostile-input).
 */
export const MAX_BODY_DEPTH = 64;

/** Whether objects and arrays in a JSON body nest deeper than `max` levels. Iterative. */
export function nestsDeeperThan(body: unknown, max: number): boolean {
  const stack: Array<[unknown, number]> = [[body, 0]];
  while (stack.length > 0) {
    const [value, depth] = stack.pop()!;
    if (value === null || typeof value !== 'object' || ArrayBuffer.isView(value)) continue;
    if (depth + 1 > max) return true;
    for (const child of Object.values(value)) if (child !== null && typeof child === 'object') stack.push([child, depth + 1]);
  }
  return false;
}

/**
 * The path of the first key anywhere in a JSON body that names an object's prototype machinery
 * (`__proto__`, `constructor`, `prototype`), or null. Iterative, so a deeply nested body cannot
 * overflow the stack.
 */
export function prototypeKeyPath(body: unknown): string | null {
  const stack: Array<[unknown, string]> = [[body, '']];
  while (stack.length > 0) {
    const [value, path] = stack.pop()!;
    if (value === null || typeof value !== 'object') continue;
    for (const key of Object.keys(value)) {
      if (PROTOTYPE_KEYS.has(key)) return `${path}/${key}`;
      stack.push([(value as Record<string, unknown>)[key], `${path}/${key}`]);
    }
  }
  return null;
}

/**
 * Three checks on every request body, before any pipe or handler sees it:
 * - objects and arrays nested deeper than MAX_BODY_DEPTH are refused (400 MALFORMED_JSON): the
 *   pipes and handlers walk bodies recursively;
 * - a key such as `constructor` or `__proto__` anywhere is refused (400 FORBIDDEN_FIELD): the
 *   validation pipe's whitelist does not see such keys, and no body of this platform has them;
 * - a write route that takes no body refuses one that says something (400 UNEXPECTED_BODY) instead
 *   of ignoring it: `{"status":"decided"}` sent to an action like "agree" or "confirm" is a client
 *   mistake or an attempt, and is never silently dropped.
 * Runs after the access guard.
 */
@Injectable()
export class RequestBodyInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() === 'http') {
      const req = context.switchToHttp().getRequest<{ method: string; body?: unknown }>();
      if (nestsDeeperThan(req.body, MAX_BODY_DEPTH)) {
        throw new DomainError('validation', 'MALFORMED_JSON', bilingual(`De JSON is te diep genest (hoogstens ${MAX_BODY_DEPTH} niveaus)`, `The JSON is nested too deeply (at most ${MAX_BODY_DEPTH} levels)`), {
          maxDepth: MAX_BODY_DEPTH,
        });
      }
      const forbidden = prototypeKeyPath(req.body);
      if (forbidden) {
        throw new DomainError('validation', 'FORBIDDEN_FIELD', bilingual('Dit veld is niet toegestaan', 'This field is not allowed'), { field: forbidden });
      }
      if (req.method !== 'GET' && req.method !== 'HEAD' && !takesBody(context.getClass(), context.getHandler() as never) && !isEmptyBody(req.body)) {
        throw new DomainError(
          'validation',
          'UNEXPECTED_BODY',
          bilingual('Dit verzoek heeft geen inhoud nodig; stuur niets of {}', 'This request takes no body; send none or {}'),
        );
      }
    }
    return next.handle();
  }
}
