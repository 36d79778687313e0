import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { bilingual } from '../../platform/src/bilingual';
import { Clock } from '../../platform/src/clock';
import type { AuthConfig } from '../../platform/src/config';
import { DomainError } from '../../platform/src/domain-error';
import { AUTH_CONFIG } from './tokens';

/**
 * Slows down password guessing without letting anyone lock the owner out (issue 18, ADR 0017).
 *
 * - Only **failed** logins count, per key: the e-mail address tried, the client address, and the
 *   known device (if the request carries one). A success clears the account's and the device's.
 * - A key with `LOGIN_MAX_ATTEMPTS` failures waits before its next try, and each further failure
 *   doubles the wait: 1 s, 2 s, 4 s, … up to `LOGIN_WINDOW_SECONDS`. No hard lock. The count is
 *   forgotten once the key has had no failure for a whole window (so the wait cannot outgrow it).
 * - A client address gets ten times as many failures (an office or classroom behind one address).
 * - The **owner on a known device** (a browser or client that logged in to this account before,
 *   `rlp_device` cookie) is not held by the account's or the address's key, only by that device's
 *   own, so an attacker — elsewhere or behind the same address — cannot keep the owner out.
 * - A refused attempt (still waiting) counts nothing, so one blocked address does not keep
 *   counting against every e-mail address it names.
 * - The counters live in PostgreSQL, so they hold across app instances and restarts.
 */
export interface ThrottleKeys {
  email: string;
  clientAddress: string;
  /** The known device's token hash, when the request carries a device cookie. */
  device: string | null;
  /** Whether that device has logged in to this e-mail's account before. */
  knownForAccount: boolean;
}

export function deviceTokenHash(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

@Injectable()
export class LoginThrottle {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    @Inject(AUTH_CONFIG) private readonly config: AuthConfig,
  ) {}

  private keys(k: ThrottleKeys, forCheck: boolean): Array<{ key: string; limit: number }> {
    const n = this.config.loginMaxAttempts;
    // The owner's known device stands in for the account's and the address's keys: failures of
    // others — elsewhere, or behind the same address (an office, a proxy) — do not hold it.
    const ownerOnKnownDevice = forCheck && k.knownForAccount;
    const keys = ownerOnKnownDevice ? [] : [{ key: `ip:${k.clientAddress}`, limit: n * 10 }];
    if (!ownerOnKnownDevice) keys.push({ key: `email:${k.email}`, limit: n });
    if (k.device) keys.push({ key: `device:${k.device}`, limit: n });
    return keys;
  }

  /** Throws 429 LOGIN_RATE_LIMITED (with Retry-After) while any key of this attempt must wait. Counts nothing. */
  async check(k: ThrottleKeys): Promise<void> {
    const now = this.clock.now();
    const rows: Array<{ wait: string | null }> = await this.dataSource.query(
      `SELECT ceil(extract(epoch FROM max("blocked_until") - $2::timestamptz)) AS wait FROM "login_throttles" WHERE "key" = ANY($1) AND "blocked_until" > $2`,
      [this.keys(k, true).map((x) => x.key), now],
    );
    const wait = Number(rows[0]?.wait ?? 0);
    if (wait > 0) {
      throw new DomainError(
        'rate_limited',
        'LOGIN_RATE_LIMITED',
        bilingual('Te veel mislukte inlogpogingen; probeer het over enkele ogenblikken opnieuw', 'Too many failed login attempts; try again in a moment'),
        { retryAfterSeconds: wait },
        { 'Retry-After': String(wait) },
      );
    }
  }

  /** Records a failed login against every key of the attempt. */
  async failed(k: ThrottleKeys): Promise<void> {
    const now = this.clock.now();
    const window = this.config.loginWindowSeconds;
    for (const { key, limit } of this.keys(k, false)) {
      // One statement: count (afresh after a quiet window), and from the limit on, wait
      // 2^(failures - limit) seconds, never longer than the window.
      const stale = `t."last_failure_at" <= $2::timestamptz - make_interval(secs => $3::int)`;
      const failures = `CASE WHEN ${stale} THEN 1 ELSE t."failures" + 1 END`;
      await this.dataSource.query(
        `INSERT INTO "login_throttles" AS t ("key", "failures", "last_failure_at", "blocked_until")
         VALUES ($1, 1, $2, CASE WHEN 1 >= $4::int THEN $2::timestamptz + make_interval(secs => LEAST(power(2, 1 - $4::int), $3::int)) END)
         ON CONFLICT ("key") DO UPDATE SET
           "failures" = ${failures},
           "last_failure_at" = $2::timestamptz,
           "blocked_until" = CASE WHEN ${failures} >= $4::int THEN $2::timestamptz + make_interval(secs => LEAST(power(2, ${failures} - $4::int), $3::int)) END`,
        [key, now, window, limit],
      );
    }
    // Forget what no longer counts (indexed; only here, where rows are made).
    await this.dataSource.query(`DELETE FROM "login_throttles" WHERE "last_failure_at" < $1 AND ("blocked_until" IS NULL OR "blocked_until" < $1)`, [
      new Date(now.getTime() - 2 * window * 1000),
    ]);
  }

  /**
   * A successful login clears the device's failures, and the account's unless the owner came in
   * past them on a known device (those failures were someone else's); never the address's.
   */
  async succeeded(k: ThrottleKeys): Promise<void> {
    const keys = [...(k.knownForAccount ? [] : [`email:${k.email}`]), ...(k.device ? [`device:${k.device}`] : [])];
    await this.dataSource.query(`DELETE FROM "login_throttles" WHERE "key" = ANY($1)`, [keys]);
  }
}
