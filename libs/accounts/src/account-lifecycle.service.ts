import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../../audit/src/audit.service';
import { Outbox } from '../../mail/src/outbox';
import { bilingual } from '../../platform/src/bilingual';
import { Clock } from '../../platform/src/clock';
import type { AppConfig } from '../../platform/src/config';
import { DomainError } from '../../platform/src/domain-error';
import { APP_CONFIG } from '../../platform/src/platform.tokens';
import { consumeToken, inspectToken, issueToken, revokeTokens } from './account-tokens';
import { AccountsService, normaliseEmail, type Principal } from './accounts.service';
import {
  alreadyRegisteredMail,
  EMAIL_CHANGE_TTL_MINUTES,
  EMAIL_VERIFICATION_TTL_MINUTES,
  emailChangeConfirmMail,
  emailChangeNoticeMail,
  emailChangeTakenMail,
  PASSWORD_RESET_TTL_MINUTES,
  passwordChangedMail,
  passwordResetMail,
  portalUrlFor,
  verificationMail,
} from './lifecycle-mails';
import { PasswordHasher } from './password-hasher';
import type { Role } from './user.entity';

/** What an account's own page shows. */
export interface AccountOverview {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  organisation: string | null;
  /** When the address was confirmed; null: not yet (a candidate cannot submit). */
  emailVerifiedAt: string | null;
  /** A change of address waits for confirmation on the new address (which is not shown). */
  emailChangePending: boolean;
}

/** The one answer to anything that might send mail to an address the caller names (no enumeration). */
export interface MailRequestAccepted {
  status: 'accepted';
  message: string;
}

export interface NewRegistration {
  email: string;
  password: string;
  displayName: string;
  organisation?: string | null | undefined;
}

interface UserRow {
  id: string;
  email: string;
  password_hash: string;
  role: Role;
  display_name: string;
  organisation: string | null;
  active: boolean;
  email_verified_at: Date | null;
}

/** Per kind: how many requests per key in the window (minutes). Counted whether or not the address exists. */
const LIMITS = {
  'register-email': { max: 5, windowMinutes: 60 },
  'reset-email': { max: 5, windowMinutes: 60 },
  'reset-client': { max: 30, windowMinutes: 60 },
  'verification-resend': { max: 3, windowMinutes: 60 },
  'email-change': { max: 5, windowMinutes: 60 },
} as const;
type LimitKind = keyof typeof LIMITS;
/** Request rows are kept a day (every window is an hour); used, revoked or expired tokens 30 days (what was sent, for support). */
const PURGE_REQUESTS_AFTER_MS = 24 * 60 * 60_000;

export const REGISTRATION_ACCEPTED: MailRequestAccepted = {
  status: 'accepted',
  message: bilingual(
    'Kijk in je mailbox: je krijgt een bericht om je e-mailadres te bevestigen. Je kunt al inloggen',
    'Check your mailbox: you will receive a message to confirm your e-mail address. You can already log in',
  ),
};

export const RESET_ACCEPTED: MailRequestAccepted = {
  status: 'accepted',
  message: bilingual(
    'Als er een account met dit e-mailadres is, krijg je binnen enkele minuten een bericht met een link om een nieuw wachtwoord in te stellen',
    'If an account with this e-mail address exists, you will receive a message with a link to set a new password within a few minutes',
  ),
};

export const EMAIL_CHANGE_ACCEPTED: MailRequestAccepted = {
  status: 'accepted',
  message: bilingual(
    'Kijk in de mailbox van het nieuwe adres en volg de link om de wijziging te bevestigen. Tot dan blijft je huidige adres in gebruik',
    'Check the mailbox of the new address and follow the link to confirm the change. Until then your current address stays in use',
  ),
};

const WRONG_PASSWORD = () =>
  new DomainError('validation', 'CURRENT_PASSWORD_INVALID', bilingual('Het huidige wachtwoord klopt niet', 'The current password is not correct'));

/**
 * The account life cycle (issue 15, ADR 0020): registration that reveals nothing, e-mail
 * verification, password reset, change of password and of e-mail address. Every mail is queued in
 * the transaction of the change that causes it; every change is audited in that transaction.
 */
@Injectable()
export class AccountLifecycleService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly accounts: AccountsService,
    private readonly hasher: PasswordHasher,
    private readonly audit: AuditService,
    private readonly outbox: Outbox,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private portal(role: Role): string {
    return portalUrlFor(role, this.config.publicUrls);
  }

  private async userByEmail(m: EntityManager, email: string, lock = false): Promise<UserRow | null> {
    const rows = (await m.query(`SELECT * FROM "users" WHERE "email" = $1${lock ? ' FOR UPDATE' : ''}`, [email])) as UserRow[];
    return rows[0] ?? null;
  }

  private async userById(m: EntityManager, id: string, lock = false): Promise<UserRow> {
    const rows = (await m.query(`SELECT * FROM "users" WHERE "id" = $1${lock ? ' FOR UPDATE' : ''}`, [id])) as UserRow[];
    if (!rows[0]) throw new DomainError('not_found', 'ACCOUNT_NOT_FOUND', bilingual('Account niet gevonden', 'Account not found'));
    return rows[0];
  }

  /**
   * Counts one request per key and refuses (429) when any key is over its limit. Keys are hashed
   * (no addresses stored in clear); counted whether or not an account exists, so the limit itself
   * reveals nothing. Runs in the caller's transaction: only requests that go through count (a
   * refused or failed one changes nothing).
   */
  private async rateLimit(m: EntityManager, entries: Array<[LimitKind, string]>): Promise<void> {
    const now = this.clock.now();
    // Count and insert under a lock per key (sorted: no deadlock), held until the caller's
    // transaction ends, so that concurrent requests — on one app instance or several — cannot all
    // see room under the limit and all go through (ADR 0029).
    const locks = entries.map(([kind, key]) => `account_mail_requests:${kind}:${key}`).sort();
    for (const lock of locks) await m.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [lock]);
    let retryAfterSeconds = 0;
    for (const [kind, key] of entries) {
      const { max, windowMinutes } = LIMITS[kind];
      const since = new Date(now.getTime() - windowMinutes * 60_000);
      const hash = createHash('sha256').update(`${kind}:${key}`, 'utf8').digest('hex');
      const rows = (await m.query(
        `SELECT count(*)::int AS n, min("requested_at") AS first FROM "account_mail_requests" WHERE "kind" = $1 AND "key_hash" = $2 AND "requested_at" > $3`,
        [kind, hash, since],
      )) as Array<{ n: number; first: Date | null }>;
      const { n, first } = rows[0]!;
      if (n >= max && first) {
        retryAfterSeconds = Math.max(retryAfterSeconds, Math.ceil((first.getTime() + windowMinutes * 60_000 - now.getTime()) / 1000));
      }
    }
    if (retryAfterSeconds > 0) {
      throw new DomainError(
        'rate_limited',
        'ACCOUNT_MAIL_RATE_LIMITED',
        bilingual('Te veel aanvragen; probeer het later opnieuw', 'Too many requests; try again later'),
        { retryAfterSeconds },
        { 'Retry-After': String(retryAfterSeconds) },
      );
    }
    // Only accepted requests count: a refused one changes nothing.
    for (const [kind, key] of entries) {
      const hash = createHash('sha256').update(`${kind}:${key}`, 'utf8').digest('hex');
      await m.query(`INSERT INTO "account_mail_requests" ("kind", "key_hash", "requested_at") VALUES ($1, $2, $3)`, [kind, hash, now]);
    }
    // Rows older than any window count for nothing: they go with the next accepted request.
    await m.query(`DELETE FROM "account_mail_requests" WHERE "requested_at" < $1`, [new Date(now.getTime() - PURGE_REQUESTS_AFTER_MS)]);
  }

  /**
   * A candidate registers. The answer is the same whether or not the address has an account
   * (status, body, and the work done: the password is hashed in both paths); the owner of an
   * existing address gets a "you already have an account" mail instead of a new account.
   */
  async register(input: NewRegistration, requestId?: string): Promise<MailRequestAccepted> {
    // About the input, not the address: answered either way.
    this.accounts.checkPassword(input.password, [input.email, input.displayName, input.organisation]);
    const email = normaliseEmail(input.email);
    const passwordHash = await this.hasher.hash(input.password);
    const now = this.clock.now();
    await this.dataSource.transaction(async (m) => {
      await this.rateLimit(m, [['register-email', email]]);
      const inserted = (await m.query(
        `INSERT INTO "users" ("email", "password_hash", "role", "display_name", "organisation", "created_at", "updated_at")
         VALUES ($1, $2, 'candidate', $3, $4, $5, $5) ON CONFLICT ("email") DO NOTHING RETURNING "id"`,
        [email, passwordHash, input.displayName.trim(), input.organisation?.trim() || null, now],
      )) as Array<{ id: string }>;
      const id = inserted[0]?.id;
      if (id) {
        const token = await issueToken(m, id, 'email-verification', EMAIL_VERIFICATION_TTL_MINUTES, { now });
        await this.outbox.enqueue(m, verificationMail(email, { portalUrl: this.portal('candidate'), displayName: input.displayName.trim() }, token));
        await this.audit.record({ actorId: id, action: 'account.created', subjectType: 'account', subjectId: id, requestId, data: { role: 'candidate', via: 'registration' } }, m);
        return;
      }
      const existing = await this.userByEmail(m, email);
      if (!existing) return; // removed meanwhile: nothing to tell anyone
      await this.outbox.enqueue(m, alreadyRegisteredMail(email, { portalUrl: this.portal(existing.role), displayName: existing.display_name }));
      await this.audit.record({ actorId: null, action: 'account.registration_existing', subjectType: 'account', subjectId: existing.id, requestId }, m);
    });
    return REGISTRATION_ACCEPTED;
  }

  /** Follows the verification link: the address is confirmed (single use, 48 h). */
  async confirmEmailVerification(raw: unknown, requestId?: string): Promise<{ email: string; emailVerifiedAt: string }> {
    const now = this.clock.now();
    return this.dataSource.transaction(async (m) => {
      const token = await consumeToken(m, raw, 'email-verification', now);
      const user = await this.userById(m, token.userId, true);
      if (!user.active) throw new DomainError('forbidden', 'ACCOUNT_INACTIVE', bilingual('Dit account is gedeactiveerd', 'This account has been deactivated'));
      const verifiedAt = user.email_verified_at ?? now;
      if (!user.email_verified_at) await m.query(`UPDATE "users" SET "email_verified_at" = $2, "updated_at" = $2 WHERE "id" = $1`, [user.id, now]);
      await this.audit.record({ actorId: user.id, action: 'account.email_verified', subjectType: 'account', subjectId: user.id, requestId }, m);
      return { email: user.email, emailVerifiedAt: verifiedAt.toISOString() };
    });
  }

  /** Sends the verification link again (rate-limited per account); 409 when already confirmed. */
  async resendVerification(principal: Principal, requestId?: string): Promise<MailRequestAccepted> {
    const user = await this.userById(this.dataSource.manager, principal.userId);
    if (user.email_verified_at) {
      throw new DomainError('conflict', 'EMAIL_ALREADY_VERIFIED', bilingual('Je e-mailadres is al bevestigd', 'Your e-mail address is already confirmed'));
    }
    const now = this.clock.now();
    await this.dataSource.transaction(async (m) => {
      await this.rateLimit(m, [['verification-resend', user.id]]);
      const token = await issueToken(m, user.id, 'email-verification', EMAIL_VERIFICATION_TTL_MINUTES, { now });
      await this.outbox.enqueue(m, verificationMail(user.email, { portalUrl: this.portal(user.role), displayName: user.display_name }, token));
      await this.audit.record({ actorId: user.id, action: 'account.email_verification_sent', subjectType: 'account', subjectId: user.id, requestId }, m);
    });
    return {
      status: 'accepted',
      message: bilingual(`We hebben een nieuwe link gestuurd naar ${user.email}`, `We have sent a new link to ${user.email}`),
    };
  }

  /** 403 EMAIL_NOT_VERIFIED unless the account's address is confirmed (before a submission). */
  async assertEmailVerified(userId: string): Promise<void> {
    const rows = (await this.dataSource.query(`SELECT "email_verified_at" FROM "users" WHERE "id" = $1`, [userId])) as Array<{ email_verified_at: Date | null }>;
    if (!rows[0]?.email_verified_at) {
      throw new DomainError(
        'forbidden',
        'EMAIL_NOT_VERIFIED',
        bilingual(
          'Bevestig eerst je e-mailadres met de link die we je hebben gestuurd; daarna kun je indienen',
          'First confirm your e-mail address with the link we sent you; then you can submit',
        ),
      );
    }
  }

  /**
   * Asks for a reset link. The same answer whether or not the address exists (or is inactive);
   * rate-limited per address and per client, counted either way.
   */
  async requestPasswordReset(emailInput: string, clientAddress: string, requestId?: string): Promise<MailRequestAccepted> {
    const email = normaliseEmail(emailInput);
    const now = this.clock.now();
    await this.dataSource.transaction(async (m) => {
      await this.rateLimit(m, [
        ['reset-email', email],
        ['reset-client', clientAddress],
      ]);
      const user = await this.userByEmail(m, email);
      if (!user || !user.active) return;
      const token = await issueToken(m, user.id, 'password-reset', PASSWORD_RESET_TTL_MINUTES, { now });
      await this.outbox.enqueue(m, passwordResetMail(user.email, { portalUrl: this.portal(user.role), displayName: user.display_name }, token));
      await this.audit.record({ actorId: null, action: 'account.password_reset_requested', subjectType: 'account', subjectId: user.id, requestId }, m);
    });
    return RESET_ACCEPTED;
  }

  /** Whether a reset link still works, before someone types a new password (nothing is used). */
  async checkPasswordResetToken(raw: unknown): Promise<{ valid: true; expiresAt: string }> {
    const now = this.clock.now();
    return this.dataSource.transaction(async (m) => {
      const token = await inspectToken(m, raw, 'password-reset', now);
      return { valid: true as const, expiresAt: token.expiresAt.toISOString() };
    });
  }

  /**
   * Sets a new password with a reset link: every session of the account ends, every other unused
   * link stops working, the address counts as confirmed (the link came through it), a notice goes
   * out, and it is audited.
   */
  async resetPassword(raw: unknown, password: string, requestId?: string): Promise<void> {
    const now = this.clock.now();
    // Check the link first (a clear 4xx before any hashing), then the rules, then hash outside the transaction.
    const probe = await this.dataSource.transaction((m) => inspectToken(m, raw, 'password-reset', now));
    const before = await this.userById(this.dataSource.manager, probe.userId);
    this.accounts.checkPassword(password, [before.email, before.display_name, before.organisation]);
    const passwordHash = await this.hasher.hash(password);
    await this.dataSource.transaction(async (m) => {
      const token = await consumeToken(m, raw, 'password-reset', now);
      const user = await this.userById(m, token.userId, true);
      if (!user.active) throw new DomainError('forbidden', 'ACCOUNT_INACTIVE', bilingual('Dit account is gedeactiveerd', 'This account has been deactivated'));
      await m.query(`UPDATE "users" SET "password_hash" = $2, "email_verified_at" = COALESCE("email_verified_at", $3), "updated_at" = $3 WHERE "id" = $1`, [user.id, passwordHash, now]);
      const ended = (await m.query(`UPDATE "sessions" SET "revoked_at" = $2 WHERE "user_id" = $1 AND "revoked_at" IS NULL RETURNING "id"`, [user.id, now])) as [unknown[], number];
      // Every other reset link, and any pending change of address (which someone who knew the old
      // password may have asked for), stops working.
      await revokeTokens(m, user.id, now, 'password-reset');
      await revokeTokens(m, user.id, now, 'email-change');
      await this.outbox.enqueue(m, passwordChangedMail(user.email, { portalUrl: this.portal(user.role), displayName: user.display_name }, 'reset'));
      await this.audit.record(
        { actorId: user.id, action: 'account.password_reset', subjectType: 'account', subjectId: user.id, requestId, data: { sessionsEnded: countOf(ended) } },
        m,
      );
    });
  }

  /** Changes the password (the current one is required); other sessions end, this one stays. */
  async changePassword(principal: Principal, currentPassword: string, newPassword: string, requestId?: string): Promise<void> {
    const before = await this.userById(this.dataSource.manager, principal.userId);
    if (!(await this.hasher.verify(before.password_hash, currentPassword))) throw WRONG_PASSWORD();
    this.accounts.checkPassword(newPassword, [before.email, before.display_name, before.organisation]);
    const passwordHash = await this.hasher.hash(newPassword);
    const now = this.clock.now();
    await this.dataSource.transaction(async (m) => {
      const user = await this.userById(m, principal.userId, true);
      if (user.password_hash !== before.password_hash) {
        throw new DomainError('conflict', 'PASSWORD_CHANGED_MEANWHILE', bilingual('Het wachtwoord is intussen gewijzigd; probeer het opnieuw', 'The password was changed meanwhile; try again'));
      }
      await m.query(`UPDATE "users" SET "password_hash" = $2, "updated_at" = $3 WHERE "id" = $1`, [user.id, passwordHash, now]);
      const ended = (await m.query(`UPDATE "sessions" SET "revoked_at" = $3 WHERE "user_id" = $1 AND "id" <> $2 AND "revoked_at" IS NULL RETURNING "id"`, [user.id, principal.sessionId, now])) as [
        unknown[],
        number,
      ];
      await revokeTokens(m, user.id, now, 'password-reset');
      await revokeTokens(m, user.id, now, 'email-change');
      await this.outbox.enqueue(m, passwordChangedMail(user.email, { portalUrl: this.portal(user.role), displayName: user.display_name }, 'changed'));
      await this.audit.record(
        { actorId: user.id, action: 'account.password_changed', subjectType: 'account', subjectId: user.id, requestId, data: { otherSessionsEnded: countOf(ended) } },
        m,
      );
    });
  }

  /**
   * Asks to change the address (the current password is required). A link goes to the NEW address
   * and a notice to the old one; nothing changes until the link is followed. When the new address
   * belongs to another account the answer is the same; only the owner of that mailbox is told.
   */
  async requestEmailChange(principal: Principal, currentPassword: string, newEmailInput: string, requestId?: string): Promise<MailRequestAccepted> {
    const user = await this.userById(this.dataSource.manager, principal.userId);
    if (!(await this.hasher.verify(user.password_hash, currentPassword))) throw WRONG_PASSWORD();
    const newEmail = normaliseEmail(newEmailInput);
    if (newEmail === user.email) {
      throw new DomainError('validation', 'EMAIL_UNCHANGED', bilingual('Dit is al je e-mailadres', 'This already is your e-mail address'));
    }
    const now = this.clock.now();
    await this.dataSource.transaction(async (m) => {
      await this.rateLimit(m, [['email-change', user.id]]);
      const ctx = { portalUrl: this.portal(user.role), displayName: user.display_name };
      const taken = await this.userByEmail(m, newEmail);
      // A link is made either way, so the account overview ("change pending") looks the same whether
      // or not the address is taken; for a taken address it is never sent (and confirming it would be refused).
      const token = await issueToken(m, user.id, 'email-change', EMAIL_CHANGE_TTL_MINUTES, { now, payload: { newEmail, oldEmail: user.email } });
      if (taken) {
        await this.outbox.enqueue(m, emailChangeTakenMail(newEmail, this.portal(taken.role)));
      } else {
        await this.outbox.enqueue(m, emailChangeConfirmMail(newEmail, ctx, token));
      }
      await this.outbox.enqueue(m, emailChangeNoticeMail(user.email, ctx, 'requested'));
      await this.audit.record({ actorId: user.id, action: 'account.email_change_requested', subjectType: 'account', subjectId: user.id, requestId, data: { addressTaken: !!taken } }, m);
    });
    return EMAIL_CHANGE_ACCEPTED;
  }

  /** Follows the link sent to the new address: the address changes (and counts as confirmed). */
  async confirmEmailChange(raw: unknown, requestId?: string): Promise<{ email: string }> {
    const now = this.clock.now();
    return this.dataSource.transaction(async (m) => {
      const token = await consumeToken(m, raw, 'email-change', now);
      const newEmail = String(token.payload['newEmail'] ?? '');
      const user = await this.userById(m, token.userId, true);
      if (!user.active) throw new DomainError('forbidden', 'ACCOUNT_INACTIVE', bilingual('Dit account is gedeactiveerd', 'This account has been deactivated'));
      if (user.email !== token.payload['oldEmail']) {
        // The address changed another way since the link was sent: this link no longer applies.
        throw new DomainError('conflict', 'EMAIL_CHANGED_MEANWHILE', bilingual('Je e-mailadres is intussen al gewijzigd', 'Your e-mail address was changed meanwhile'));
      }
      if (await this.userByEmail(m, newEmail)) {
        throw new DomainError('conflict', 'EMAIL_TAKEN', bilingual('Dit e-mailadres hoort intussen bij een ander account', 'This e-mail address now belongs to another account'));
      }
      try {
        await m.query(`UPDATE "users" SET "email" = $2, "email_verified_at" = $3, "updated_at" = $3 WHERE "id" = $1`, [user.id, newEmail, now]);
      } catch (err) {
        if ((err as { code?: string }).code === '23505') {
          throw new DomainError('conflict', 'EMAIL_TAKEN', bilingual('Dit e-mailadres hoort intussen bij een ander account', 'This e-mail address now belongs to another account'));
        }
        throw err;
      }
      const ctx = { portalUrl: this.portal(user.role), displayName: user.display_name };
      await this.outbox.enqueue(m, emailChangeNoticeMail(user.email, ctx, 'changed'));
      await this.audit.record({ actorId: user.id, action: 'account.email_changed', subjectType: 'account', subjectId: user.id, requestId }, m);
      return { email: newEmail };
    });
  }

  async overview(principal: Principal): Promise<AccountOverview> {
    const m = this.dataSource.manager;
    const user = await this.userById(m, principal.userId);
    const pending = (await m.query(
      `SELECT 1 FROM "account_tokens" WHERE "user_id" = $1 AND "purpose" = 'email-change' AND "used_at" IS NULL AND "revoked_at" IS NULL AND "expires_at" > $2 LIMIT 1`,
      [user.id, this.clock.now()],
    )) as unknown[];
    return {
      id: user.id,
      email: user.email,
      displayName: user.display_name,
      role: user.role,
      organisation: user.organisation,
      emailVerifiedAt: user.email_verified_at ? user.email_verified_at.toISOString() : null,
      emailChangePending: pending.length > 0,
    };
  }
}

function countOf(result: [unknown[], number] | unknown[]): number {
  return Array.isArray(result[0]) ? (result as [unknown[], number])[1] : result.length;
}
