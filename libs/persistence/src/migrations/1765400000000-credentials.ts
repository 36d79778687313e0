import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Verifiable credentials (issue 16, ADR 0023): one Open Badges 3.0 credential per register entry,
 * its place in the platform's Bitstring Status List, and revocations. The signing key is not here:
 * it lives in platform_settings (`credentials.signingKey`), made on first start like the audit
 * cursor key.
 */
export class Credentials1765400000000 implements MigrationInterface {
  name = 'Credentials1765400000000';

  async up(q: QueryRunner): Promise<void> {
    // The signed credential (compact JWS) is stored as issued: Ed25519 signatures are deterministic,
    // but the row is the record of what was handed out. Index: a random, unique position in list 1.
    await q.query(
      `CREATE TABLE "credentials" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "register_entry_id" uuid NOT NULL, "status_list" integer NOT NULL DEFAULT 1, "status_index" integer NOT NULL, "jwt" text NOT NULL, "issued_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "pk_credentials" PRIMARY KEY ("id"), CONSTRAINT "ck_credentials_status_index" CHECK ("status_index" >= 0 AND "status_index" < 131072), CONSTRAINT "fk_credentials_register_entry" FOREIGN KEY ("register_entry_id") REFERENCES "register_entries"("id") ON DELETE RESTRICT ON UPDATE NO ACTION)`,
    );
    await q.query(`CREATE UNIQUE INDEX "uq_credentials_register_entry" ON "credentials" ("register_entry_id")`);
    await q.query(`CREATE UNIQUE INDEX "uq_credentials_status_position" ON "credentials" ("status_list", "status_index")`);
    // A revocation is final (status purpose "revocation"): one row per credential, never changed.
    await q.query(
      `CREATE TABLE "credential_revocations" ("credential_id" uuid NOT NULL, "reason" character varying(1000) NOT NULL, "revoked_by" uuid NOT NULL, "revoked_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "pk_credential_revocations" PRIMARY KEY ("credential_id"), CONSTRAINT "fk_credential_revocations_credential" FOREIGN KEY ("credential_id") REFERENCES "credentials"("id") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT "fk_credential_revocations_user" FOREIGN KEY ("revoked_by") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION)`,
    );
    for (const table of ['credentials', 'credential_revocations']) {
      await q.query(`CREATE TRIGGER "tr_${table}_append_only" BEFORE UPDATE OR DELETE ON "${table}" FOR EACH ROW EXECUTE FUNCTION "refuse_change"()`);
      await q.query(`CREATE TRIGGER "tr_${table}_no_truncate" BEFORE TRUNCATE ON "${table}" FOR EACH STATEMENT EXECUTE FUNCTION "refuse_change"()`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "credential_revocations"`);
    await q.query(`DROP TABLE "credentials"`);
    await q.query(`DELETE FROM "platform_settings" WHERE "key" = 'credentials.signingKey'`);
  }
}
