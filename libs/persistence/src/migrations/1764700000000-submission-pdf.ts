import type { MigrationInterface, QueryRunner } from 'typeorm';

const ALL_OR_NONE = `("pdf_storage_key" IS NULL) = ("pdf_sha256" IS NULL) AND ("pdf_sha256" IS NULL) = ("pdf_size_bytes" IS NULL) AND ("pdf_size_bytes" IS NULL) = ("pdf_rendered_at" IS NULL)`;

/**
 * The frozen submission's PDF, rendered once and kept in object storage (issue 18): its key,
 * SHA-256, size and when it was rendered. Submissions are append-only; the new trigger still
 * refuses every change and every delete, except the one update that fills the four PDF columns
 * while they are empty and leaves everything else as it was.
 */
export class SubmissionPdf1764700000000 implements MigrationInterface {
  name = 'SubmissionPdf1764700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE "submissions" ADD "pdf_storage_key" character varying(200), ADD "pdf_sha256" character(64), ADD "pdf_size_bytes" bigint, ADD "pdf_rendered_at" TIMESTAMP WITH TIME ZONE`,
    );
    await q.query(`ALTER TABLE "submissions" ADD CONSTRAINT "ck_submissions_pdf" CHECK (${ALL_OR_NONE})`);
    await q.query(
      `CREATE FUNCTION "submissions_pdf_once"() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         IF TG_OP = 'UPDATE' AND OLD."pdf_storage_key" IS NULL AND NEW."pdf_storage_key" IS NOT NULL
            AND (to_jsonb(NEW) - ARRAY['pdf_storage_key', 'pdf_sha256', 'pdf_size_bytes', 'pdf_rendered_at']) = (to_jsonb(OLD) - ARRAY['pdf_storage_key', 'pdf_sha256', 'pdf_size_bytes', 'pdf_rendered_at']) THEN
           RETURN NEW;
         END IF;
         RAISE EXCEPTION '% is append-only', TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
       END $$`,
    );
    await q.query(`DROP TRIGGER "tr_submissions_append_only" ON "submissions"`);
    await q.query(`CREATE TRIGGER "tr_submissions_append_only" BEFORE UPDATE OR DELETE ON "submissions" FOR EACH ROW EXECUTE FUNCTION "submissions_pdf_once"()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER "tr_submissions_append_only" ON "submissions"`);
    await q.query(`CREATE TRIGGER "tr_submissions_append_only" BEFORE UPDATE OR DELETE ON "submissions" FOR EACH ROW EXECUTE FUNCTION "refuse_change"()`);
    await q.query(`DROP FUNCTION "submissions_pdf_once"()`);
    await q.query(`ALTER TABLE "submissions" DROP CONSTRAINT "ck_submissions_pdf"`);
    await q.query(`ALTER TABLE "submissions" DROP COLUMN "pdf_rendered_at", DROP COLUMN "pdf_size_bytes", DROP COLUMN "pdf_sha256", DROP COLUMN "pdf_storage_key"`);
  }
}
