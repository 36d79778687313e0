import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Background jobs and crash-safe delivery (issue 15, ADR 0018).
 *
 * - `outbox_messages` gets a `sending` state with a lease: a sender claims a row (committed) before
 *   it talks SMTP, and marks it `sent` after the server accepted it. A row whose sender died stays
 *   `sending` until its lease runs out; then it is delivered again with the same Message-ID and
 *   `recovered_at` says so (the one case in which a recipient can get a message twice).
 * - `job_runs`: one row per run of a background job (pg-boss's job id, the instance that ran it,
 *   the platform clock's "now" it ran with, and what it did), for operators and for the proof that
 *   a job runs once however many app instances there are.
 *
 * pg-boss's own schema (`pgboss`) is installed by pg-boss itself (libs/jobs/src/install.ts).
 */
export class Jobs1765000000000 implements MigrationInterface {
  name = 'Jobs1765000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "outbox_messages" DROP CONSTRAINT "ck_outbox_messages_status"`);
    await q.query(`ALTER TABLE "outbox_messages" ADD CONSTRAINT "ck_outbox_messages_status" CHECK ("status" IN ('pending', 'sending', 'sent', 'failed'))`);
    await q.query(`ALTER TABLE "outbox_messages" ADD "lease_until" timestamptz`);
    await q.query(`ALTER TABLE "outbox_messages" ADD "claimed_by" varchar(120)`);
    await q.query(`ALTER TABLE "outbox_messages" ADD "recovered_at" timestamptz`);
    await q.query(`CREATE INDEX "ix_outbox_messages_lease" ON "outbox_messages" ("lease_until") WHERE "status" = 'sending'`);
    await q.query(`
      CREATE TABLE "job_runs" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "job" varchar(80) NOT NULL,
        "boss_job_id" varchar(64) NOT NULL,
        "trigger" varchar(16) NOT NULL,
        "instance" varchar(120) NOT NULL,
        "clock_now" timestamptz NOT NULL,
        "started_at" timestamptz NOT NULL DEFAULT now(),
        "finished_at" timestamptz,
        "outcome" jsonb,
        "error" text,
        CONSTRAINT "pk_job_runs" PRIMARY KEY ("id")
      )`);
    await q.query(`CREATE INDEX "ix_job_runs_job" ON "job_runs" ("job", "started_at")`);
    await q.query(`CREATE INDEX "ix_job_runs_boss_job_id" ON "job_runs" ("boss_job_id")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "job_runs"`);
    await q.query(`DROP INDEX "ix_outbox_messages_lease"`);
    await q.query(`UPDATE "outbox_messages" SET "status" = 'pending' WHERE "status" = 'sending'`);
    await q.query(`ALTER TABLE "outbox_messages" DROP COLUMN "recovered_at", DROP COLUMN "claimed_by", DROP COLUMN "lease_until"`);
    await q.query(`ALTER TABLE "outbox_messages" DROP CONSTRAINT "ck_outbox_messages_status"`);
    await q.query(`ALTER TABLE "outbox_messages" ADD CONSTRAINT "ck_outbox_messages_status" CHECK ("status" IN ('pending', 'sent', 'failed'))`);
  }
}
