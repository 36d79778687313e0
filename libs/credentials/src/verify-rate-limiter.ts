import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { bilingual } from '../../platform/src/bilingual';
import { Clock } from '../../platform/src/clock';
import { DomainError } from '../../platform/src/domain-error';
import { FixedWindowCounter } from '../../platform/src/fixed-window';
import { REGISTER_LOOKUP } from '../../assessment/src/register-rate-limiter';

/** Verifications per client address per window: the register lookup's numbers (ADR 0015, 0023). */
export const VERIFY_LIMITS = { maxChecks: REGISTER_LOOKUP.maxLookups, windowSeconds: REGISTER_LOOKUP.windowSeconds } as const;

/**
 * Fixed-window limiter for `POST /verify` and `GET /verify?id=`, per client address, counted in
 * PostgreSQL like the register lookup's (libs/platform/src/fixed-window.ts, ADR 0029): every
 * instance of both apps counts against the same window.
 */
@Injectable()
export class VerifyRateLimiter {
  private readonly counter: FixedWindowCounter;

  constructor(
    private readonly clock: Clock,
    dataSource: DataSource,
  ) {
    this.counter = new FixedWindowCounter(dataSource, 'verify', VERIFY_LIMITS.windowSeconds);
  }

  /** Counts a check; throws 429 VERIFY_RATE_LIMITED (with Retry-After) when over the limit. */
  async hit(clientAddress: string): Promise<void> {
    const { count, retryAfterSeconds: seconds } = await this.counter.hit(clientAddress, this.clock.now());
    if (count > VERIFY_LIMITS.maxChecks) {
      throw new DomainError(
        'rate_limited',
        'VERIFY_RATE_LIMITED',
        bilingual('Te veel controles vanaf dit adres; probeer het later opnieuw', 'Too many checks from this address; try again later'),
        { retryAfterSeconds: seconds, maxChecks: VERIFY_LIMITS.maxChecks, windowSeconds: VERIFY_LIMITS.windowSeconds },
        { 'Retry-After': String(seconds) },
      );
    }
  }
}
