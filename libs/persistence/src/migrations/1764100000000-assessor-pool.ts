import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Declared relations of assessors and candidates, for the conflict-of-interest check. */
export class AssessorPool1764100000000 implements MigrationInterface {
  name = 'AssessorPool1764100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "declared_relations" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "related_user_id" uuid, "related_name" character varying(200) NOT NULL, "related_organisation" character varying(200), "description" character varying(1000), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "created_by" uuid, CONSTRAINT "pk_declared_relations" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "ix_declared_relations_related_user" ON "declared_relations" ("related_user_id")`);
    await q.query(`CREATE INDEX "ix_declared_relations_user" ON "declared_relations" ("user_id")`);
    await q.query(
      `ALTER TABLE "declared_relations" ADD CONSTRAINT "fk_declared_relations_user" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "declared_relations" ADD CONSTRAINT "fk_declared_relations_related_user" FOREIGN KEY ("related_user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "declared_relations"`);
  }
}
