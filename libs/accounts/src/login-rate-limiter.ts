import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Clock } from '../../platform/src/clock';
import { bilingual } from '../../platform/src/bilingual';
import { DomainError } from '../../platform/src/domain-error';
import { FixedWindowCounter } from '../../platform/src/fixed-window';
import { AUTH_CONFIG } from './tokens';
import type { AuthConfig } from '../../platform/src/config';

/**
 * Fixed-window limiter of registrations per client address (`LOGIN_MAX_ATTEMPTS` per
 * `LOGIN_WINDOW_SECONDS`), counted in PostgreSQL (libs/platform/src/fixed-window.ts, ADR 0029) so
 * that it holds across app instances. Logins are throttled by LoginThrottle instead (failures
 * only, backoff, also in PostgreSQL; ADR 0017).
 */
@Injectable()
export class LoginRateLimiter {
  private readonly counter: FixedWindowCounter;

  constructor(
    private readonly clock: Clock,
    @Inject(AUTH_CONFIG) private readonly config: AuthConfig,
    dataSource: DataSource,
  ) {
    this.counter = new FixedWindowCounter(dataSource, 'login-limit', config.loginWindowSeconds);
  }

  /** Counts an attempt for every key; throws 429 when any key is over its limit. */
  async hit(keys: string[]): Promise<void> {
    const now = this.clock.now();
    let retryAfterSeconds = 0;
    for (const key of [...new Set(keys)].sort()) {
      const { count, retryAfterSeconds: seconds } = await this.counter.hit(key, now);
      if (count > this.config.loginMaxAttempts) retryAfterSeconds = Math.max(retryAfterSeconds, seconds);
    }
    if (retryAfterSeconds > 0) {
      throw new DomainError(
        'rate_limited',
        'LOGIN_RATE_LIMITED',
        bilingual('Te veel inlogpogingen; probeer het later opnieuw', 'Too many login attempts; try again later'),
        { retryAfterSeconds },
        { 'Retry-After': String(retryAfterSeconds) },
      );
    }
  }
}
