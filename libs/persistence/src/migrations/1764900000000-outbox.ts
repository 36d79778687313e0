import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The transactional outbox (issue 15, ADR 0018): every e-mail the platform sends is first a row
 * here, written in the transaction of the change that causes it, then delivered by the sender.
 * The row keeps what was sent (subject, both bodies, attachments) for support and audit.
 */
export class Outbox1764900000000 implements MigrationInterface {
  name = 'Outbox1764900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE "outbox_messages" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "recipient" varchar(254) NOT NULL,
        "kind" varchar(80) NOT NULL,
        "subject" varchar(400) NOT NULL,
        "text_body" text NOT NULL,
        "html_body" text NOT NULL,
        "attachments" jsonb NOT NULL DEFAULT '[]',
        "dedupe_key" varchar(300),
        "status" varchar(16) NOT NULL DEFAULT 'pending',
        "attempts" integer NOT NULL DEFAULT 0,
        "next_attempt_at" timestamptz NOT NULL DEFAULT now(),
        "last_error" text,
        "sent_at" timestamptz,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "pk_outbox_messages" PRIMARY KEY ("id"),
        CONSTRAINT "ck_outbox_messages_status" CHECK ("status" IN ('pending', 'sent', 'failed'))
      )`);
    await q.query(`CREATE UNIQUE INDEX "uq_outbox_messages_dedupe_key" ON "outbox_messages" ("dedupe_key") WHERE "dedupe_key" IS NOT NULL`);
    await q.query(`CREATE INDEX "ix_outbox_messages_due" ON "outbox_messages" ("next_attempt_at") WHERE "status" = 'pending'`);
    await q.query(`CREATE INDEX "ix_outbox_messages_recipient" ON "outbox_messages" ("recipient", "created_at")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "outbox_messages"`);
  }
}
