import { Injectable } from '@nestjs/common';
import { Clock } from '../../platform/src/clock';
import { bilingual } from '../../platform/src/bilingual';
import { DomainError } from '../../platform/src/domain-error';

/** The public register's limits (README, docs/reliability.md). */
export const REGISTER_LOOKUP = {
  /** Characters of the search after trimming: a name part or a certificate number, never a letter or two. */
  minQueryLength: 3,
  maxQueryLength: 100,
  /** Results per lookup; there is no paging, a longer search narrows it. */
  maxResults: 20,
  /** Lookups per client address per window. */
  maxLookups: 30,
  windowSeconds: 60,
} as const;

/**
 * Fixed-window limiter for register lookups, per client address, in memory, like the login
 * limiter (libs/accounts/src/login-rate-limiter.ts). Each app has its own instance, so a client
 * gets the allowance once per app; a multi-instance deployment would move this to the database or Redis.
 */
@Injectable()
export class RegisterRateLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(private readonly clock: Clock) {}

  /** Counts a lookup; throws 429 REGISTER_RATE_LIMITED (with Retry-After) when over the limit. */
  hit(clientAddress: string): void {
    const now = this.clock.now().getTime();
    const windowMs = REGISTER_LOOKUP.windowSeconds * 1000;
    let w = this.windows.get(clientAddress);
    if (!w || now - w.start >= windowMs) {
      w = { start: now, count: 0 };
      this.windows.set(clientAddress, w);
    }
    w.count += 1;
    if (this.windows.size > 50_000) {
      for (const [k, v] of this.windows) if (now - v.start >= windowMs) this.windows.delete(k);
    }
    if (w.count > REGISTER_LOOKUP.maxLookups) {
      const seconds = Math.max(1, Math.ceil((w.start + windowMs - now) / 1000));
      throw new DomainError(
        'rate_limited',
        'REGISTER_RATE_LIMITED',
        bilingual('Te veel zoekopdrachten in het register; probeer het later opnieuw', 'Too many register searches; try again later'),
        { retryAfterSeconds: seconds, maxLookups: REGISTER_LOOKUP.maxLookups, windowSeconds: REGISTER_LOOKUP.windowSeconds },
        { 'Retry-After': String(seconds) },
      );
    }
  }
}
