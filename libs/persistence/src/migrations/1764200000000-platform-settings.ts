import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Run-time settings of the certification office (e.g. the rulebook new portfolios start on). */
export class PlatformSettings1764200000000 implements MigrationInterface {
  name = 'PlatformSettings1764200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "platform_settings" ("key" character varying(100) NOT NULL, "value" jsonb NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL, "updated_by" uuid, CONSTRAINT "pk_platform_settings" PRIMARY KEY ("key"))`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "platform_settings"`);
  }
}
