import { createHash, randomBytes } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { bilingual } from '../../platform/src/bilingual';
import { DomainError } from '../../platform/src/domain-error';

/**
 * Single-use, short-lived account tokens (issue 15, ADR 0020): the link in a verification,
 * password-reset, e-mail-change or invitation mail. Only the SHA-256 hash of a token is stored, so
 * a copy of the database gives no working link; a token is 32 random bytes (base64url, 43 chars).
 *
 * All functions take the caller's transactional EntityManager and the caller's "now" (from the
 * injected Clock), so tests move time with FixedClock and the token's change commits or rolls back
 * together with what it causes.
 */
export type AccountTokenPurpose = 'email-verification' | 'password-reset' | 'email-change' | 'invitation' | (string & {});

export interface AccountTokenRow {
  id: string;
  userId: string;
  purpose: string;
  payload: Record<string, unknown>;
  createdAt: Date;
  expiresAt: Date;
  usedAt: Date | null;
}

export interface IssueTokenOptions {
  /** The caller's clock (never the database's `now()`: tests set time with FixedClock). */
  now: Date;
  /** Stored with the token, returned on consume, e.g. `{ newEmail }` for an e-mail change. */
  payload?: Record<string, unknown>;
  /**
   * Earlier unused tokens of the same user and purpose stop working (default true): only the
   * newest link works, so a leaked older mail is worthless once a new one was asked for.
   */
  revokePrevious?: boolean;
}

const TOKEN_SHAPE = /^[A-Za-z0-9_-]{20,100}$/;

export function accountTokenHash(raw: string): string {
  return createHash('sha256').update(raw, 'utf8').digest('hex');
}

export const TOKEN_INVALID = () =>
  new DomainError(
    'validation',
    'TOKEN_INVALID',
    bilingual('Deze link is ongeldig. Vraag een nieuwe aan', 'This link is not valid. Ask for a new one'),
  );
export const TOKEN_USED = () =>
  new DomainError(
    'conflict',
    'TOKEN_USED',
    bilingual('Deze link is al gebruikt. Vraag zo nodig een nieuwe aan', 'This link has already been used. Ask for a new one if needed'),
  );
export const TOKEN_EXPIRED = () =>
  new DomainError(
    'conflict',
    'TOKEN_EXPIRED',
    bilingual('Deze link is verlopen. Vraag een nieuwe aan', 'This link has expired. Ask for a new one'),
  );

/** Issues a token and returns the raw value (to put in a link; it is not stored). */
export async function issueToken(
  m: EntityManager,
  userId: string,
  purpose: AccountTokenPurpose,
  ttlMinutes: number,
  options: IssueTokenOptions,
): Promise<string> {
  if (!(ttlMinutes > 0)) throw new Error('issueToken: ttlMinutes must be positive');
  const raw = randomBytes(32).toString('base64url');
  const now = options.now;
  if (options.revokePrevious ?? true) {
    await m.query(
      `UPDATE "account_tokens" SET "revoked_at" = $3 WHERE "user_id" = $1 AND "purpose" = $2 AND "used_at" IS NULL AND "revoked_at" IS NULL`,
      [userId, purpose, now],
    );
  }
  // Tokens that ended (expired) more than 30 days ago are of no use to anyone: this user's go now.
  await m.query(`DELETE FROM "account_tokens" WHERE "user_id" = $1 AND "expires_at" < $2`, [userId, new Date(now.getTime() - 30 * 24 * 60 * 60_000)]);
  await m.query(
    `INSERT INTO "account_tokens" ("user_id", "purpose", "token_hash", "payload", "created_at", "expires_at") VALUES ($1, $2, $3, $4::jsonb, $5, $6)`,
    [userId, purpose, accountTokenHash(raw), JSON.stringify(options.payload ?? {}), now, new Date(now.getTime() + ttlMinutes * 60_000)],
  );
  return raw;
}

interface DbRow {
  id: string;
  user_id: string;
  purpose: string;
  payload: Record<string, unknown>;
  created_at: Date;
  expires_at: Date;
  used_at: Date | null;
  revoked_at: Date | null;
}

function toRow(r: DbRow): AccountTokenRow {
  return { id: r.id, userId: r.user_id, purpose: r.purpose, payload: r.payload, createdAt: r.created_at, expiresAt: r.expires_at, usedAt: r.used_at };
}

/**
 * Checks a token without using it (e.g. to show "this link has expired" before someone types a new
 * password). Throws TOKEN_INVALID (400: unknown, malformed, another purpose, or replaced by a newer
 * link), TOKEN_USED (409) or TOKEN_EXPIRED (409). Locks the row (FOR UPDATE) inside `m`.
 */
export async function inspectToken(m: EntityManager, raw: unknown, purpose: AccountTokenPurpose, now: Date): Promise<AccountTokenRow> {
  if (typeof raw !== 'string' || !TOKEN_SHAPE.test(raw)) throw TOKEN_INVALID();
  const rows = (await m.query(`SELECT * FROM "account_tokens" WHERE "token_hash" = $1 FOR UPDATE`, [accountTokenHash(raw)])) as DbRow[];
  const row = rows[0];
  if (!row || row.purpose !== purpose || row.revoked_at) throw TOKEN_INVALID();
  if (row.used_at) throw TOKEN_USED();
  if (row.expires_at.getTime() <= now.getTime()) throw TOKEN_EXPIRED();
  return toRow(row);
}

/**
 * Uses a token once: marks it used in `m` and returns its row, or throws as `inspectToken` does.
 * Two concurrent uses: the second waits for the row lock and then finds it used.
 */
export async function consumeToken(m: EntityManager, raw: unknown, purpose: AccountTokenPurpose, now: Date): Promise<AccountTokenRow> {
  const row = await inspectToken(m, raw, purpose, now);
  await m.query(`UPDATE "account_tokens" SET "used_at" = $2 WHERE "id" = $1`, [row.id, now]);
  return { ...row, usedAt: now };
}

/** Ends every unused token of a user (all purposes, or one), e.g. after a password reset. */
export async function revokeTokens(m: EntityManager, userId: string, now: Date, purpose?: AccountTokenPurpose): Promise<void> {
  await m.query(
    `UPDATE "account_tokens" SET "revoked_at" = $2 WHERE "user_id" = $1 AND "used_at" IS NULL AND "revoked_at" IS NULL AND ($3::varchar IS NULL OR "purpose" = $3)`,
    [userId, now, purpose ?? null],
  );
}
