import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Clock } from '../../platform/src/clock';
import { bilingual } from '../../platform/src/bilingual';
import { DomainError } from '../../platform/src/domain-error';
import { FixedWindowCounter } from '../../platform/src/fixed-window';

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
 * How one register lookup is counted against its client's limit: a refused lookup (too short a
 * search) on its own statement, a valid one in the same statement as the lookup itself.
 */
export interface RegisterLookupCounter {
  /** Counts a lookup that never reaches the register; throws 429 REGISTER_RATE_LIMITED when over the limit. */
  count(): Promise<void>;
  /**
   * Counts a lookup and runs it in the same statement: `lookup` is one SQL value (a scalar
   * subquery) whose parameters are bound through `param`. Throws 429 REGISTER_RATE_LIMITED when
   * over the limit (the lookup is then not run); otherwise returns the value.
   */
  countWith<T>(lookup: (param: (value: unknown) => string) => string): Promise<T | null>;
}

/**
 * Fixed-window limiter for register lookups, per client address, counted in PostgreSQL
 * (libs/platform/src/fixed-window.ts, ADR 0029): every instance of both apps counts against the
 * same window, so a client gets the allowance once, however many instances serve it. A valid
 * lookup is counted in the lookup's own statement (`forAddress(…).countWith`, one round trip).
 */
@Injectable()
export class RegisterRateLimiter {
  private readonly counter: FixedWindowCounter;

  constructor(
    private readonly clock: Clock,
    dataSource: DataSource,
  ) {
    this.counter = new FixedWindowCounter(dataSource, 'register', REGISTER_LOOKUP.windowSeconds);
  }

  /** Counts a lookup; throws 429 REGISTER_RATE_LIMITED (with Retry-After) when over the limit. */
  async hit(clientAddress: string): Promise<void> {
    const { count, retryAfterSeconds } = await this.counter.hit(clientAddress, this.clock.now());
    this.allow(count, retryAfterSeconds);
  }

  /** The counter of one client address's lookups. */
  forAddress(clientAddress: string): RegisterLookupCounter {
    return {
      count: () => this.hit(clientAddress),
      countWith: async <T>(lookup: (param: (value: unknown) => string) => string): Promise<T | null> => {
        const { count, retryAfterSeconds, value } = await this.counter.hitWith<T>(clientAddress, this.clock.now(), REGISTER_LOOKUP.maxLookups, lookup);
        this.allow(count, retryAfterSeconds);
        return value;
      },
    };
  }

  private allow(count: number, seconds: number): void {
    if (count > REGISTER_LOOKUP.maxLookups) {
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
