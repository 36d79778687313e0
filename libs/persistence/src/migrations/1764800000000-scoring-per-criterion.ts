import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Scoring drafts saved per criterion (issue 18, ADR 0014 §3): `scorings.criterion_versions` holds,
 * per criterion code, the scoring's version at which that criterion last changed, so two tabs that
 * edit different criteria do not conflict. A criterion not in the map has version 0: existing
 * drafts start there, and submitted scorings (frozen by a trigger) are not touched.
 */
export class ScoringPerCriterion1764800000000 implements MigrationInterface {
  name = 'ScoringPerCriterion1764800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "scorings" ADD "criterion_versions" jsonb NOT NULL DEFAULT '{}'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "scorings" DROP COLUMN "criterion_versions"`);
  }
}
