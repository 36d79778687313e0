import { Inject, Injectable } from '@nestjs/common';
import { Clock } from '../../platform/src/clock';
import { bilingual } from '../../platform/src/bilingual';
import { DomainError } from '../../platform/src/domain-error';
import { AUTH_CONFIG } from './tokens';
import type { AuthConfig } from '../../platform/src/config';

/**
 * Fixed-window limiter of registrations per client address, in memory. Logins are throttled by
 * LoginThrottle instead (failures only, backoff, in PostgreSQL; ADR 0017).
 */
@Injectable()
export class LoginRateLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(
    private readonly clock: Clock,
    @Inject(AUTH_CONFIG) private readonly config: AuthConfig,
  ) {}

  /** Counts an attempt for every key; throws 429 when any key is over its limit. */
  hit(keys: string[]): void {
    const now = this.clock.now().getTime();
    const windowMs = this.config.loginWindowSeconds * 1000;
    let retryAfterMs = 0;
    for (const key of keys) {
      let w = this.windows.get(key);
      if (!w || now - w.start >= windowMs) {
        w = { start: now, count: 0 };
        this.windows.set(key, w);
      }
      w.count += 1;
      if (w.count > this.config.loginMaxAttempts) retryAfterMs = Math.max(retryAfterMs, w.start + windowMs - now);
    }
    if (this.windows.size > 50_000) this.prune(now, windowMs);
    if (retryAfterMs > 0) {
      const seconds = Math.ceil(retryAfterMs / 1000);
      throw new DomainError(
        'rate_limited',
        'LOGIN_RATE_LIMITED',
        bilingual('Te veel inlogpogingen; probeer het later opnieuw', 'Too many login attempts; try again later'),
        { retryAfterSeconds: seconds },
        { 'Retry-After': String(seconds) },
      );
    }
  }

  private prune(now: number, windowMs: number): void {
    for (const [k, w] of this.windows) if (now - w.start >= windowMs) this.windows.delete(k);
  }
}
