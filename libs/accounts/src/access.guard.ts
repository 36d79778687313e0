import { CanActivate, ExecutionContext, Injectable, Logger, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { bilingual } from '../../platform/src/bilingual';
import { DomainError } from '../../platform/src/domain-error';
import { ACCESS_KEY, AccessPolicy } from './access.decorators';
import { AccountsService, Principal } from './accounts.service';
import { csrfMatches, isSafeMethod, sessionCookieToken } from './browser-session';

export const TWO_FACTOR_PENDING_KEY = 'rlp:two-factor-pending-ok';

/**
 * This route is open to a session that still has to enrol in two-factor authentication (an
 * assessor's or admin's first login, ADR 0021): /auth/me, logout and the enrolment itself. Every
 * other route refuses such a session with 403 ROLE_FORBIDDEN (details.reason TWO_FACTOR_ENROLMENT_REQUIRED).
 */
export const AllowDuringTwoFactorEnrolment = () => SetMetadata(TWO_FACTOR_PENDING_KEY, true);

export type AuthedRequest = Request & { principal?: Principal; id?: string };

export function bearerToken(req: Request): string | null {
  const header = req.headers.authorization;
  if (!header) return null;
  const match = /^Bearer ([A-Za-z0-9_-]{20,200})$/.exec(header);
  return match?.[1] ?? null;
}

/**
 * Deny by default: a route that declares neither @Public() nor @Roles(...) is refused for
 * everyone (and logged), so forgetting the declaration can never open a route.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  private readonly logger = new Logger('AccessGuard');

  constructor(
    private readonly reflector: Reflector,
    private readonly accounts: AccountsService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const policy = this.reflector.getAllAndOverride<AccessPolicy | undefined>(ACCESS_KEY, [context.getHandler(), context.getClass()]);
    const req = context.switchToHttp().getRequest<AuthedRequest>();
    // A bearer token (API clients) wins; otherwise the browser's session cookie (ADR 0013).
    const bearer = bearerToken(req);
    const cookieToken = bearer || req.headers.authorization ? null : sessionCookieToken(req);
    const token = bearer ?? cookieToken;
    const principal = token ? await this.accounts.authenticate(token) : null;
    const csrfOk = !cookieToken || isSafeMethod(req.method) || csrfMatches(req, cookieToken);
    if (principal && csrfOk) req.principal = principal;
    if (!policy) {
      this.logger.error(`route without access declaration: ${req.method} ${req.route?.path ?? req.path}`);
      throw new DomainError('forbidden', 'ROUTE_NOT_DECLARED', bilingual('Geen toegang', 'Forbidden'));
    }
    if (policy.kind === 'public') return true;
    if (principal && !csrfOk) {
      throw new DomainError('forbidden', 'CSRF_TOKEN_INVALID', bilingual('De pagina is verlopen; laad haar opnieuw en probeer het nog eens', 'The page has expired; reload it and try again'));
    }
    if (!principal) {
      throw new DomainError(
        'unauthenticated',
        token || req.headers.authorization ? 'SESSION_INVALID' : 'UNAUTHENTICATED',
        bilingual('Log in om verder te gaan', 'Please log in to continue'),
      );
    }
    if (principal.twoFactorPending && !this.reflector.getAllAndOverride<boolean | undefined>(TWO_FACTOR_PENDING_KEY, [context.getHandler(), context.getClass()])) {
      throw new DomainError(
        'forbidden',
        'ROLE_FORBIDDEN',
        bilingual('Stel eerst tweestapsverificatie in', 'Set up two-factor authentication first'),
        { reason: 'TWO_FACTOR_ENROLMENT_REQUIRED' },
      );
    }
    if (!policy.roles.includes(principal.role)) {
      throw new DomainError('forbidden', 'ROLE_FORBIDDEN', bilingual('Uw rol heeft hier geen toegang', 'Your role has no access here'), {
        required: policy.roles,
      });
    }
    return true;
  }
}
