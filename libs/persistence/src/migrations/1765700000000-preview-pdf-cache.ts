import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The rendered draft preview of each portfolio (issue 17, ADR 0026): at most one row per
 * portfolio, replaced whenever a preview with another fingerprint is rendered, so old previews do
 * not pile up. Every app instance reads the same rows. Removed with its portfolio.
 */
export class PreviewPdfCache1765700000000 implements MigrationInterface {
  name = 'PreviewPdfCache1765700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "portfolio_preview_pdfs" (
         "portfolio_id" uuid NOT NULL,
         "fingerprint" character(64) NOT NULL,
         "pdf" bytea NOT NULL,
         "sha256" character(64) NOT NULL,
         "rendered_at" TIMESTAMP WITH TIME ZONE NOT NULL,
         CONSTRAINT "pk_portfolio_preview_pdfs" PRIMARY KEY ("portfolio_id"),
         CONSTRAINT "fk_portfolio_preview_pdfs_portfolio" FOREIGN KEY ("portfolio_id") REFERENCES "portfolios"("id") ON DELETE CASCADE
       )`,
    );
    // Already compressed: storing it uncompressed out of line saves PostgreSQL a pointless compression attempt.
    await q.query(`ALTER TABLE "portfolio_preview_pdfs" ALTER COLUMN "pdf" SET STORAGE EXTERNAL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "portfolio_preview_pdfs"`);
  }
}
