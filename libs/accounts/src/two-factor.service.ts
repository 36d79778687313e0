import { createHash, randomInt } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { Secret, TOTP } from 'otpauth';
import { toString as qrToString } from 'qrcode';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../../audit/src/audit.service';
import { bilingual } from '../../platform/src/bilingual';
import { Clock } from '../../platform/src/clock';
import { DomainError } from '../../platform/src/domain-error';
import { PasswordHasher } from './password-hasher';
import type { Role } from './user.entity';

/**
 * TOTP two-factor authentication (issue 15, ADR 0021): RFC 6238, SHA-1, 6 digits, 30 s, one step
 * of clock drift either way. A code is accepted once: the step it belongs to is remembered and a
 * code of that step or an earlier one is refused afterwards. Ten single-use recovery codes per
 * enrolment, stored as SHA-256 (they carry 50 random bits each, so a fast hash suffices).
 */
export const TOTP_PERIOD_SECONDS = 30;
export const TOTP_WINDOW = 1;
export const RECOVERY_CODE_COUNT = 10;
/**
 * Wrong app codes allowed per account in 24 hours; then codes from the app are refused until the
 * day is over (recovery codes still work: 50 random bits cannot be tried through). On top of the
 * login throttle, whose count starts afresh after a quiet window: at most 20 guesses a day at 3
 * accepted codes out of 10^6 is a chance of about 2 % a year — and each guess needs the password.
 */
export const TOTP_MAX_FAILURES_PER_DAY = 20;
/** Roles that must have two-factor authentication before they see any dossier. */
export const TWO_FACTOR_REQUIRED_ROLES: readonly Role[] = ['assessor', 'admin'];
const ISSUER = 'Register Loopbaanprofessional';
/** No 0/o, 1/l/i: read from paper and typed again. */
const RECOVERY_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

export function totpFor(secretBase32: string, label = 'account'): TOTP {
  return new TOTP({ issuer: ISSUER, label, algorithm: 'SHA1', digits: 6, period: TOTP_PERIOD_SECONDS, secret: Secret.fromBase32(secretBase32) });
}

/** The current code of a secret at an instant (tests and `npm run demo:code`). */
export function totpCode(secretBase32: string, at: Date): string {
  return totpFor(secretBase32).generate({ timestamp: at.getTime() });
}

export function totpStep(at: Date): number {
  return Math.floor(at.getTime() / 1000 / TOTP_PERIOD_SECONDS);
}

export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

function newRecoveryCode(): string {
  let s = '';
  for (let i = 0; i < 10; i++) s += RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)];
  return `${s.slice(0, 5)}-${s.slice(5)}`;
}

/** Case, spaces and dashes do not matter when a recovery code is typed back. */
export function normaliseRecoveryCode(code: string): string {
  return code.toLowerCase().replace(/[\s-]/g, '');
}

function recoveryHash(code: string): string {
  return createHash('sha256').update(`rlp-recovery:${normaliseRecoveryCode(code)}`, 'utf8').digest('hex');
}

/** Rows of an UPDATE … RETURNING: TypeORM's postgres driver answers `[rows, count]` for an UPDATE. */
function returned(result: unknown): unknown[] {
  const r = result as unknown[];
  return Array.isArray(r[0]) && r.length === 2 && typeof r[1] === 'number' ? (r[0] as unknown[]) : r;
}

export interface TwoFactorStatus {
  /** A confirmed TOTP secret: every login needs a code. */
  enabled: boolean;
  /** The role must have it (assessors and admins). */
  required: boolean;
  /** Unused recovery codes left (0 when not enabled). */
  recoveryCodesLeft: number;
}

export interface EnrolmentStart {
  /** Base32, for typing into an authenticator app by hand. */
  secret: string;
  /** The otpauth:// URI the QR code holds. */
  otpauthUri: string;
  /** The QR code as an SVG data URL (`data:image/svg+xml;base64,…`). */
  qrCode: string;
}

export interface EnrolmentDone {
  /** Shown once; only their hashes are kept. */
  recoveryCodes: string[];
}

const CODE_INVALID = () =>
  new DomainError('validation', 'TOTP_INVALID', bilingual('Deze code klopt niet (of is al gebruikt); wacht op de volgende code en probeer het opnieuw', 'This code is not right (or was used already); wait for the next code and try again'));

@Injectable()
export class TwoFactorService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly hasher: PasswordHasher,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async status(userId: string, role: Role, m: EntityManager = this.dataSource.manager): Promise<TwoFactorStatus> {
    const rows: Array<{ left: string }> = await m.query(
      `SELECT (SELECT count(*) FROM "two_factor_recovery_codes" r WHERE r."user_id" = t."user_id" AND r."used_at" IS NULL) AS "left"
         FROM "two_factor" t WHERE t."user_id" = $1 AND t."confirmed_at" IS NOT NULL`,
      [userId],
    );
    return { enabled: rows.length > 0, required: TWO_FACTOR_REQUIRED_ROLES.includes(role), recoveryCodesLeft: Number(rows[0]?.left ?? 0) };
  }

  async isEnabled(userId: string, m: EntityManager = this.dataSource.manager): Promise<boolean> {
    const rows: unknown[] = await m.query(`SELECT 1 FROM "two_factor" WHERE "user_id" = $1 AND "confirmed_at" IS NOT NULL`, [userId]);
    return rows.length > 0;
  }

  /** Starts (or restarts) enrolment: a new secret, unconfirmed until a first code proves the app has it. */
  async startEnrolment(userId: string, email: string): Promise<EnrolmentStart> {
    if (await this.isEnabled(userId)) throw this.alreadyEnabled();
    const secret = newTotpSecret();
    await this.dataSource.query(
      `INSERT INTO "two_factor" ("user_id", "secret", "created_at") VALUES ($1, $2, $3)
       ON CONFLICT ("user_id") DO UPDATE SET "secret" = EXCLUDED."secret", "created_at" = EXCLUDED."created_at", "last_used_step" = 0
       WHERE "two_factor"."confirmed_at" IS NULL`,
      [userId, secret, this.clock.now()],
    );
    const otpauthUri = totpFor(secret, email).toString();
    const svg = await qrToString(otpauthUri, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
    return { secret, otpauthUri, qrCode: `data:image/svg+xml;base64,${Buffer.from(svg, 'utf8').toString('base64')}` };
  }

  /**
   * Confirms enrolment with a first code: the secret counts from now on, ten recovery codes are
   * made, and the session that enrolled (if it was held for enrolment) may go on.
   */
  async confirmEnrolment(userId: string, code: string, sessionId: string | null, requestId?: string): Promise<EnrolmentDone> {
    return this.dataSource.transaction(async (m) => {
      const rows: Array<{ secret: string; confirmed_at: Date | null }> = await m.query(
        `SELECT "secret", "confirmed_at" FROM "two_factor" WHERE "user_id" = $1 FOR UPDATE`,
        [userId],
      );
      const row = rows[0];
      if (!row) {
        throw new DomainError('conflict', 'TWO_FACTOR_NOT_STARTED', bilingual('Begin eerst met instellen: vraag een nieuwe QR-code op', 'Start the set-up first: request a new QR code'));
      }
      if (row.confirmed_at) throw this.alreadyEnabled();
      const step = this.matchingStep(row.secret, code);
      if (step === null) throw CODE_INVALID();
      const now = this.clock.now();
      await m.query(`UPDATE "two_factor" SET "confirmed_at" = $2, "last_used_step" = $3 WHERE "user_id" = $1`, [userId, now, step]);
      const recoveryCodes = await this.replaceRecoveryCodes(userId, m);
      if (sessionId) await m.query(`UPDATE "sessions" SET "two_factor_pending" = false WHERE "id" = $1`, [sessionId]);
      await this.audit.record({ actorId: userId, action: 'two_factor.enabled', subjectType: 'account', subjectId: userId, requestId }, m);
      return { recoveryCodes };
    });
  }

  /**
   * Checks the second factor of a login inside its own statement(s): a TOTP code (once per step)
   * or an unused recovery code (then used up). Returns what was used, or null when it failed.
   */
  async verifyLogin(userId: string, factor: { totpCode?: string; recoveryCode?: string }, requestId?: string): Promise<'totp' | 'recovery' | null> {
    if (factor.totpCode !== undefined) {
      const now = this.clock.now();
      const dayAgo = new Date(now.getTime() - 24 * 60 * 60_000);
      const rows: Array<{ secret: string; failed_codes: number; failed_since: Date | null }> = await this.dataSource.query(
        `SELECT "secret", "failed_codes", "failed_since" FROM "two_factor" WHERE "user_id" = $1 AND "confirmed_at" IS NOT NULL`,
        [userId],
      );
      const row = rows[0];
      if (!row) return null;
      if (row.failed_codes >= TOTP_MAX_FAILURES_PER_DAY && row.failed_since && row.failed_since > dayAgo) {
        throw new DomainError(
          'rate_limited',
          'TOTP_LOCKED',
          bilingual(
            'Te veel foute codes vandaag. Log in met een herstelcode, probeer het morgen opnieuw, of vraag het certificeringsbureau om hulp',
            'Too many wrong codes today. Log in with a recovery code, try again tomorrow, or ask the certification office for help',
          ),
        );
      }
      const step = this.matchingStep(row.secret, factor.totpCode);
      // Only a later step than any used before: a replayed (or older) code is refused, also by a racing request.
      const used =
        step === null
          ? []
          : returned(
              await this.dataSource.query(
                `UPDATE "two_factor" SET "last_used_step" = $2, "failed_codes" = 0, "failed_since" = NULL WHERE "user_id" = $1 AND "last_used_step" < $2 RETURNING 1`,
                [userId, step],
              ),
            );
      if (used.length > 0) return 'totp';
      // A wrong (or replayed) code: counted per day, afresh once the last day's count has aged out.
      await this.dataSource.query(
        `UPDATE "two_factor" SET
           "failed_codes" = CASE WHEN "failed_since" IS NULL OR "failed_since" <= $2 THEN 1 ELSE "failed_codes" + 1 END,
           "failed_since" = CASE WHEN "failed_since" IS NULL OR "failed_since" <= $2 THEN $3 ELSE "failed_since" END
         WHERE "user_id" = $1`,
        [userId, dayAgo, now],
      );
      return null;
    }
    if (factor.recoveryCode !== undefined) {
      return this.dataSource.transaction(async (m) => {
        const used = returned(
          await m.query(`UPDATE "two_factor_recovery_codes" SET "used_at" = $3 WHERE "user_id" = $1 AND "code_hash" = $2 AND "used_at" IS NULL RETURNING 1`, [
            userId,
            recoveryHash(factor.recoveryCode!),
            this.clock.now(),
          ]),
        );
        if (used.length === 0) return null;
        await this.audit.record({ actorId: userId, action: 'two_factor.recovery_code_used', subjectType: 'account', subjectId: userId, requestId }, m);
        return 'recovery' as const;
      });
    }
    return null;
  }

  /**
   * Ten new recovery codes for an enrolled account (the old ones stop working), with a current code
   * from the app: a session alone is not enough to replace the codes that rescue the account.
   */
  async newRecoveryCodes(userId: string, code: string, requestId?: string): Promise<EnrolmentDone> {
    if (!(await this.isEnabled(userId))) {
      throw new DomainError('conflict', 'TWO_FACTOR_NOT_ENABLED', bilingual('Tweestapsverificatie staat niet aan', 'Two-factor authentication is not on'));
    }
    if ((await this.verifyLogin(userId, { totpCode: code }, requestId)) !== 'totp') throw CODE_INVALID();
    return this.dataSource.transaction(async (m) => {
      const recoveryCodes = await this.replaceRecoveryCodes(userId, m);
      await this.audit.record({ actorId: userId, action: 'two_factor.recovery_codes_replaced', subjectType: 'account', subjectId: userId, requestId }, m);
      return { recoveryCodes };
    });
  }

  /** A candidate turns two-factor authentication off, with the current password and a current code. */
  /** 400 PASSWORD_INCORRECT unless `password` is the account's current password. */
  async checkPassword(userId: string, password: string): Promise<void> {
    const rows: Array<{ password_hash: string }> = await this.dataSource.query(`SELECT "password_hash" FROM "users" WHERE "id" = $1`, [userId]);
    const passwordOk = rows[0] && password ? await this.hasher.verify(rows[0].password_hash, password) : false;
    if (!passwordOk) {
      throw new DomainError('validation', 'PASSWORD_INCORRECT', bilingual('Het wachtwoord klopt niet', 'The password is not right'));
    }
  }

  async disable(user: { id: string; role: Role }, password: string, code: string, requestId?: string): Promise<void> {
    if (TWO_FACTOR_REQUIRED_ROLES.includes(user.role)) {
      throw new DomainError('forbidden', 'TWO_FACTOR_REQUIRED', bilingual('Voor jouw rol is tweestapsverificatie verplicht', 'Two-factor authentication is required for your role'));
    }
    await this.checkPassword(user.id, password);
    if (!(await this.isEnabled(user.id))) {
      throw new DomainError('conflict', 'TWO_FACTOR_NOT_ENABLED', bilingual('Tweestapsverificatie staat niet aan', 'Two-factor authentication is not on'));
    }
    const isRecovery = !/^\d{6}$/.test(code.trim());
    const used = await this.verifyLogin(user.id, isRecovery ? { recoveryCode: code } : { totpCode: code.trim() }, requestId);
    if (!used) throw CODE_INVALID();
    await this.dataSource.transaction(async (m) => {
      await m.query(`DELETE FROM "two_factor_recovery_codes" WHERE "user_id" = $1`, [user.id]);
      await m.query(`DELETE FROM "two_factor" WHERE "user_id" = $1`, [user.id]);
      await this.audit.record({ actorId: user.id, action: 'two_factor.disabled', subjectType: 'account', subjectId: user.id, requestId }, m);
    });
  }

  /**
   * The office resets a person's two-factor authentication (a lost phone): the secret and the
   * recovery codes are gone and every session of the person ends; at the next login they enrol again.
   */
  async reset(userId: string, actorId: string, requestId?: string): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      const exists: unknown[] = await m.query(`SELECT 1 FROM "users" WHERE "id" = $1 FOR UPDATE`, [userId]);
      if (exists.length === 0) throw new DomainError('not_found', 'ACCOUNT_NOT_FOUND', bilingual('Account niet gevonden', 'Account not found'));
      await m.query(`DELETE FROM "two_factor_recovery_codes" WHERE "user_id" = $1`, [userId]);
      await m.query(`DELETE FROM "two_factor" WHERE "user_id" = $1`, [userId]);
      await m.query(`UPDATE "sessions" SET "revoked_at" = $2 WHERE "user_id" = $1 AND "revoked_at" IS NULL`, [userId, this.clock.now()]);
      await this.audit.record({ actorId, action: 'two_factor.reset', subjectType: 'account', subjectId: userId, requestId }, m);
    });
  }

  /**
   * Enrols directly with a known secret (demo accounts and test helpers only; never reachable over HTTP).
   * Returns the recovery codes.
   */
  async enrolWithSecret(userId: string, secret: string): Promise<string[]> {
    return this.dataSource.transaction(async (m) => {
      await m.query(
        `INSERT INTO "two_factor" ("user_id", "secret", "created_at", "confirmed_at") VALUES ($1, $2, $3, $3)
         ON CONFLICT ("user_id") DO UPDATE SET "secret" = EXCLUDED."secret", "confirmed_at" = EXCLUDED."confirmed_at", "last_used_step" = 0`,
        [userId, secret, this.clock.now()],
      );
      return this.replaceRecoveryCodes(userId, m);
    });
  }

  /**
   * Demo accounts only (libs/demo): enrols the account of this address with a fixed, published
   * secret unless it already has two-factor authentication. Returns whether it enrolled.
   */
  async enrolDemoAccount(email: string, secret: string): Promise<boolean> {
    const rows: Array<{ id: string }> = await this.dataSource.query(
      `SELECT u."id" FROM "users" u WHERE u."email" = $1 AND NOT EXISTS (SELECT 1 FROM "two_factor" t WHERE t."user_id" = u."id" AND t."confirmed_at" IS NOT NULL)`,
      [email],
    );
    if (!rows[0]) return false;
    await this.enrolWithSecret(rows[0].id, secret);
    return true;
  }

  private async replaceRecoveryCodes(userId: string, m: EntityManager): Promise<string[]> {
    const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
    await m.query(`DELETE FROM "two_factor_recovery_codes" WHERE "user_id" = $1`, [userId]);
    await m.query(
      `INSERT INTO "two_factor_recovery_codes" ("user_id", "code_hash") SELECT $1, unnest($2::text[])`,
      [userId, codes.map(recoveryHash)],
    );
    return codes;
  }

  /** The time step a code belongs to (now, or one step either side), or null. */
  private matchingStep(secret: string, code: string): number | null {
    const token = code.trim();
    if (!/^\d{6}$/.test(token)) return null;
    const now = this.clock.now();
    const delta = totpFor(secret).validate({ token, timestamp: now.getTime(), window: TOTP_WINDOW });
    return delta === null ? null : totpStep(now) + delta;
  }

  private alreadyEnabled(): DomainError {
    return new DomainError('conflict', 'TWO_FACTOR_ALREADY_ENABLED', bilingual('Tweestapsverificatie staat al aan', 'Two-factor authentication is already on'));
  }
}
