import type { MigrationInterface, QueryRunner } from 'typeorm';

const APPEND_ONLY = ['submissions', 'portfolio_section_revisions', 'regulation_acceptances'] as const;

/**
 * The candidate portal: documents, portfolios with versioned sections and their revision history,
 * frozen submissions, idempotency keys, and regulation versions with their acceptances. Version 1
 * of each regulation is seeded as published so a fresh platform has a current version of each.
 */
export class CandidatePortal1764000000000 implements MigrationInterface {
  name = 'CandidatePortal1764000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "documents" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "owner_id" uuid NOT NULL, "status" character varying(16) NOT NULL, "storage_key" character varying(200) NOT NULL, "filename" character varying(255) NOT NULL, "declared_content_type" character varying(100) NOT NULL, "declared_size" bigint NOT NULL, "content_type" character varying(100), "size_bytes" bigint, "sha256" character(64), "rejection_code" character varying(50), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "verified_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "ck_documents_verified" CHECK ("status" <> 'verified' OR ("sha256" IS NOT NULL AND "size_bytes" IS NOT NULL AND "content_type" IS NOT NULL)), CONSTRAINT "ck_documents_status" CHECK ("status" IN ('pending', 'verified', 'rejected')), CONSTRAINT "pk_documents" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE UNIQUE INDEX "uq_documents_storage_key" ON "documents"  ("storage_key") `);
    await q.query(`CREATE INDEX "ix_documents_owner" ON "documents"  ("owner_id") `);
    await q.query(
      `CREATE TABLE "portfolios" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "candidate_id" uuid NOT NULL, "status" character varying(20) NOT NULL, "rulebook_version" character varying(100) NOT NULL, "previous_portfolio_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL, "submitted_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "ck_portfolios_status" CHECK ("status" IN ('draft', 'submitted', 'in_assessment', 'judged', 'interview_planned', 'interview_held', 'decided')), CONSTRAINT "pk_portfolios" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE UNIQUE INDEX "uq_portfolios_candidate_open" ON "portfolios"  ("candidate_id") WHERE "status" <> 'decided'`,
    );
    await q.query(`CREATE INDEX "ix_portfolios_candidate" ON "portfolios"  ("candidate_id") `);
    await q.query(
      `CREATE TABLE "portfolio_sections" ("portfolio_id" uuid NOT NULL, "section" character varying(32) NOT NULL, "content" jsonb NOT NULL, "version" integer NOT NULL, "document_ids" uuid array NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL, "updated_by" uuid, CONSTRAINT "ck_portfolio_sections_version" CHECK ("version" >= 1), CONSTRAINT "pk_portfolio_sections" PRIMARY KEY ("portfolio_id", "section"))`,
    );
    await q.query(
      `CREATE TABLE "portfolio_section_revisions" ("portfolio_id" uuid NOT NULL, "section" character varying(32) NOT NULL, "version" integer NOT NULL, "content" jsonb NOT NULL, "saved_at" TIMESTAMP WITH TIME ZONE NOT NULL, "saved_by" uuid, CONSTRAINT "pk_portfolio_section_revisions" PRIMARY KEY ("portfolio_id", "section", "version"))`,
    );
    await q.query(
      `CREATE TABLE "submissions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "portfolio_id" uuid NOT NULL, "candidate_id" uuid NOT NULL, "submitted_at" TIMESTAMP WITH TIME ZONE NOT NULL, "rulebook_version" character varying(100) NOT NULL, "regulation_versions" jsonb NOT NULL, "document" jsonb NOT NULL, "documents" jsonb NOT NULL, "content_hash" character(64) NOT NULL, CONSTRAINT "pk_submissions" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "ix_submissions_candidate" ON "submissions"  ("candidate_id") `);
    await q.query(`CREATE UNIQUE INDEX "uq_submissions_portfolio" ON "submissions"  ("portfolio_id") `);
    await q.query(
      `CREATE TABLE "idempotency_keys" ("user_id" uuid NOT NULL, "key" character varying(200) NOT NULL, "request_hash" character(64) NOT NULL, "state" character varying(16) NOT NULL, "response_status" integer, "response_body" jsonb, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "ck_idempotency_keys_state" CHECK ("state" IN ('in_progress', 'completed')), CONSTRAINT "pk_idempotency_keys" PRIMARY KEY ("user_id", "key"))`,
    );
    await q.query(
      `CREATE TABLE "regulation_versions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "type" character varying(32) NOT NULL, "version" integer NOT NULL, "title" character varying(300) NOT NULL, "body" text NOT NULL, "change_summary" text, "effective_from" date, "status" character varying(16) NOT NULL, "published_at" TIMESTAMP WITH TIME ZONE, "published_by" uuid, "pdf_document_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_regulation_versions_published" CHECK ("status" = 'draft' OR ("effective_from" IS NOT NULL AND "published_at" IS NOT NULL)), CONSTRAINT "ck_regulation_versions_status" CHECK ("status" IN ('draft', 'published')), CONSTRAINT "ck_regulation_versions_type" CHECK ("type" IN ('reglement', 'gedragscode', 'klachtenreglement')), CONSTRAINT "pk_regulation_versions" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE UNIQUE INDEX "uq_regulation_versions_type_version" ON "regulation_versions"  ("type", "version") `,
    );
    await q.query(
      `CREATE TABLE "regulation_acceptances" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "portfolio_id" uuid NOT NULL, "regulation_version_id" uuid NOT NULL, "accepted_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "pk_regulation_acceptances" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "ix_regulation_acceptances_portfolio" ON "regulation_acceptances"  ("portfolio_id") `);
    await q.query(
      `CREATE INDEX "ix_regulation_acceptances_version" ON "regulation_acceptances"  ("regulation_version_id") `,
    );
    await q.query(
      `ALTER TABLE "documents" ADD CONSTRAINT "fk_documents_owner" FOREIGN KEY ("owner_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "portfolios" ADD CONSTRAINT "fk_portfolios_candidate" FOREIGN KEY ("candidate_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "portfolio_sections" ADD CONSTRAINT "fk_portfolio_sections_portfolio" FOREIGN KEY ("portfolio_id") REFERENCES "portfolios"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "portfolio_section_revisions" ADD CONSTRAINT "fk_portfolio_section_revisions_portfolio" FOREIGN KEY ("portfolio_id") REFERENCES "portfolios"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "submissions" ADD CONSTRAINT "fk_submissions_portfolio" FOREIGN KEY ("portfolio_id") REFERENCES "portfolios"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "submissions" ADD CONSTRAINT "fk_submissions_candidate" FOREIGN KEY ("candidate_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "idempotency_keys" ADD CONSTRAINT "fk_idempotency_keys_user" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "regulation_acceptances" ADD CONSTRAINT "fk_regulation_acceptances_user" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "regulation_acceptances" ADD CONSTRAINT "fk_regulation_acceptances_version" FOREIGN KEY ("regulation_version_id") REFERENCES "regulation_versions"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    // Frozen records: the database itself refuses to change or remove them.
    await q.query(
      `CREATE FUNCTION "refuse_change"() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION '% is append-only', TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege'; END $$`,
    );
    for (const table of APPEND_ONLY) {
      await q.query(`CREATE TRIGGER "tr_${table}_append_only" BEFORE UPDATE OR DELETE ON "${table}" FOR EACH ROW EXECUTE FUNCTION "refuse_change"()`);
      await q.query(`CREATE TRIGGER "tr_${table}_no_truncate" BEFORE TRUNCATE ON "${table}" FOR EACH STATEMENT EXECUTE FUNCTION "refuse_change"()`);
    }
    // A published regulation version never changes and is never removed.
    await q.query(
      `CREATE FUNCTION "regulation_versions_published_immutable"() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF OLD."status" = 'published' THEN RAISE EXCEPTION 'a published regulation version is immutable' USING ERRCODE = 'insufficient_privilege'; END IF; IF TG_OP = 'DELETE' THEN RETURN OLD; END IF; RETURN NEW; END $$`,
    );
    await q.query(
      `CREATE TRIGGER "tr_regulation_versions_published_immutable" BEFORE UPDATE OR DELETE ON "regulation_versions" FOR EACH ROW EXECUTE FUNCTION "regulation_versions_published_immutable"()`,
    );
    await q.query(
      `INSERT INTO "regulation_versions" ("type", "version", "title", "body", "change_summary", "effective_from", "status", "published_at") VALUES
        ('reglement', 1, 'Certificatiereglement Register Loopbaanprofessional', $1, 'Eerste versie', '2025-01-01', 'published', '2025-01-01T00:00:00Z'),
        ('gedragscode', 1, 'Gedragscode Register Loopbaanprofessional', $2, 'Eerste versie', '2025-01-01', 'published', '2025-01-01T00:00:00Z'),
        ('klachtenreglement', 1, 'Klachtenreglement Register Loopbaanprofessional', $3, 'Eerste versie', '2025-01-01', 'published', '2025-01-01T00:00:00Z')`,
      [SEED_TEXT('certificatiereglement'), SEED_TEXT('gedragscode'), SEED_TEXT('klachtenreglement')],
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['regulation_acceptances', 'regulation_versions', 'idempotency_keys', 'submissions', 'portfolio_section_revisions', 'portfolio_sections', 'portfolios', 'documents']) {
      await q.query(`DROP TABLE "${table}"`);
    }
    await q.query(`DROP FUNCTION "regulation_versions_published_immutable"()`);
    await q.query(`DROP FUNCTION "refuse_change"()`);
  }
}

/** Placeholder text of the seeded first versions; the certification office publishes the official text as version 2. */
function SEED_TEXT(name: string): string {
  return `# ${name[0]!.toUpperCase()}${name.slice(1)} Register Loopbaanprofessional, versie 1\n\nDeze versie is bij de ingebruikname van het platform vastgelegd. De officiële tekst van het ${name} is op te vragen bij het certificatiebureau; een nieuwe versie wordt hier gepubliceerd.\n\n*This version was recorded when the platform was set up. The official text is available from the certification office; a new version is published here.*\n`;
}
