import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes for the office's two paged lists of a regulation version (ADR 0027 addendum):
 * - who accepted it, ordered by (accepted_at, id): replaces the index on the version alone;
 * - which drafts accepted it while it is no longer current: an expression index per regulation
 *   the declarations accept, on the version accepted in the declarations section.
 */
export class AcceptanceLists1766000000000 implements MigrationInterface {
  name = 'AcceptanceLists1766000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "ix_regulation_acceptances_version"`);
    await q.query(`CREATE INDEX "ix_regulation_acceptances_version_accepted" ON "regulation_acceptances" ("regulation_version_id", "accepted_at", "id")`);
    for (const type of ['gedragscode', 'klachtenreglement']) {
      await q.query(`CREATE INDEX "ix_portfolio_sections_${type}_version" ON "portfolio_sections" ((("content" -> '${type}') ->> 'version')) WHERE "section" = 'declarations'`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const type of ['klachtenreglement', 'gedragscode']) await q.query(`DROP INDEX "ix_portfolio_sections_${type}_version"`);
    await q.query(`DROP INDEX "ix_regulation_acceptances_version_accepted"`);
    await q.query(`CREATE INDEX "ix_regulation_acceptances_version" ON "regulation_acceptances" ("regulation_version_id")`);
  }
}
