import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes for the keyset-paged lists (issue 17, ADR 0027), so none of them reads a table that
 * grows with the number of candidates from start to end:
 * - the office's dossier list, ordered by (submitted_at, id), all stages or one status;
 * - an assessor's own dossiers, ordered by (assigned_at, id);
 * - the public register's name search (`ILIKE '%…%'`), by trigrams (pg_trgm is a trusted
 *   extension since PostgreSQL 13: the database owner may create it).
 */
export class ListIndexes1765800000000 implements MigrationInterface {
  name = 'ListIndexes1765800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await q.query(`CREATE INDEX "ix_portfolios_submitted" ON "portfolios" ("submitted_at", "id") WHERE "status" <> 'draft'`);
    await q.query(`CREATE INDEX "ix_portfolios_status_submitted" ON "portfolios" ("status", "submitted_at", "id") WHERE "status" <> 'draft'`);
    await q.query(`CREATE INDEX "ix_assignments_assessor_active" ON "assignments" ("assessor_id", "assigned_at", "id") WHERE "status" = 'active'`);
    await q.query(`CREATE INDEX "ix_register_entries_holder_trgm" ON "register_entries" USING gin ("holder_name" gin_trgm_ops)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "ix_register_entries_holder_trgm"`);
    await q.query(`DROP INDEX "ix_assignments_assessor_active"`);
    await q.query(`DROP INDEX "ix_portfolios_status_submitted"`);
    await q.query(`DROP INDEX "ix_portfolios_submitted"`);
  }
}
