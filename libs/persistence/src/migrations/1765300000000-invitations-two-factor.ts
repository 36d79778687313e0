import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Invitations for assessors and admins and TOTP two-factor authentication (issue 15, ADR 0021).
 *
 * - Invitations use the account tokens of 1765200000000 (purpose `invitation`); nothing new here.
 * - `two_factor`: one TOTP secret per account; `confirmed_at` null while enrolment is unfinished;
 *   `last_used_step` refuses a second use of a code (or an older one) within its window.
 * - `two_factor_recovery_codes`: ten single-use codes per enrolment, SHA-256 only.
 * - `sessions.two_factor_pending`: a session of an assessor or admin who has not enrolled yet; it
 *   may only enrol, read /auth/me and log out.
 */
export class InvitationsTwoFactor1765300000000 implements MigrationInterface {
  name = 'InvitationsTwoFactor1765300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE "two_factor" (
        "user_id" uuid NOT NULL,
        "secret" varchar(64) NOT NULL,
        "created_at" timestamptz NOT NULL,
        "confirmed_at" timestamptz,
        "last_used_step" bigint NOT NULL DEFAULT 0,
        "failed_codes" integer NOT NULL DEFAULT 0,
        "failed_since" timestamptz,
        CONSTRAINT "pk_two_factor" PRIMARY KEY ("user_id"),
        CONSTRAINT "fk_two_factor_user" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE
      )`);
    await q.query(`
      CREATE TABLE "two_factor_recovery_codes" (
        "user_id" uuid NOT NULL,
        "code_hash" char(64) NOT NULL,
        "used_at" timestamptz,
        CONSTRAINT "pk_two_factor_recovery_codes" PRIMARY KEY ("user_id", "code_hash"),
        CONSTRAINT "fk_two_factor_recovery_codes_user" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE
      )`);
    await q.query(`ALTER TABLE "sessions" ADD COLUMN "two_factor_pending" boolean NOT NULL DEFAULT false`);
    // Nobody is enrolled yet: a live session of an assessor or admin opened before this migration
    // is held to enrolment like a new one, instead of keeping full access until it expires.
    await q.query(
      `UPDATE "sessions" s SET "two_factor_pending" = true FROM "users" u
        WHERE s."user_id" = u."id" AND u."role" IN ('assessor', 'admin') AND s."revoked_at" IS NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "sessions" DROP COLUMN "two_factor_pending"`);
    await q.query(`DROP TABLE "two_factor_recovery_codes"`);
    await q.query(`DROP TABLE "two_factor"`);
  }
}
