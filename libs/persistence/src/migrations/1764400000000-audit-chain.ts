import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Chains every audit event to the one before it: `hash` = SHA-256 over the previous event's hash
 * and this event's fields, computed by the database on INSERT (under a transaction-scoped
 * advisory lock, so `chain_seq` has no gaps and follows commit order). Changing, removing or
 * inserting an event anywhere but at the end breaks the chain, which `verifyAuditChain`
 * (`npm run audit:verify`, `GET /admin/audit-events/verify`) detects — also when someone with the
 * owner's rights switched the append-only triggers off first.
 */
export class AuditChain1764400000000 implements MigrationInterface {
  name = 'AuditChain1764400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "audit_events" ADD "chain_seq" bigint`);
    await q.query(`ALTER TABLE "audit_events" ADD "prev_hash" character(64)`);
    await q.query(`ALTER TABLE "audit_events" ADD "hash" character(64)`);
    // The one definition of an event's hash input; the verifier rebuilds the same string in Node.
    await q.query(
      `CREATE FUNCTION "audit_event_hash"("prev" text, "seq" bigint, "occurred" timestamptz, "actor" uuid, "action" text, "stype" text, "sid" text, "rid" text, "data" jsonb) RETURNS text LANGUAGE sql IMMUTABLE AS $$
        SELECT encode(sha256(convert_to(concat_ws(chr(31), coalesce(prev, ''), seq::text, to_char(occurred AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'), coalesce(actor::text, ''), action, stype, coalesce(sid, ''), coalesce(rid, ''), data::text), 'UTF8')), 'hex') $$`,
    );
    // Chain the events recorded before this migration, in the order they were written.
    await q.query(`ALTER TABLE "audit_events" DISABLE TRIGGER "tr_audit_events_append_only"`);
    await q.query(`DO $$ DECLARE r record; prev text := NULL; n bigint := 0; BEGIN
      FOR r IN SELECT * FROM "audit_events" ORDER BY "id" LOOP
        n := n + 1;
        UPDATE "audit_events" SET "chain_seq" = n, "prev_hash" = prev,
          "hash" = "audit_event_hash"(prev, n, r."occurred_at", r."actor_id", r."action", r."subject_type", r."subject_id", r."request_id", r."data")
          WHERE "id" = r."id" RETURNING "hash" INTO prev;
      END LOOP; END $$`);
    await q.query(`ALTER TABLE "audit_events" ENABLE TRIGGER "tr_audit_events_append_only"`);
    await q.query(`ALTER TABLE "audit_events" ALTER COLUMN "chain_seq" SET NOT NULL`);
    await q.query(`ALTER TABLE "audit_events" ALTER COLUMN "hash" SET NOT NULL`);
    await q.query(`CREATE UNIQUE INDEX "uq_audit_events_chain_seq" ON "audit_events" ("chain_seq")`);
    await q.query(
      `CREATE FUNCTION "audit_events_chain"() RETURNS trigger LANGUAGE plpgsql AS $$ DECLARE last_seq bigint; last_hash text; BEGIN
        PERFORM pg_advisory_xact_lock(hashtextextended('rlp:audit_events_chain', 0));
        SELECT "chain_seq", "hash" INTO last_seq, last_hash FROM "audit_events" ORDER BY "chain_seq" DESC LIMIT 1;
        NEW."occurred_at" := coalesce(NEW."occurred_at", now());
        NEW."chain_seq" := coalesce(last_seq, 0) + 1;
        NEW."prev_hash" := last_hash;
        NEW."hash" := "audit_event_hash"(last_hash, NEW."chain_seq", NEW."occurred_at", NEW."actor_id", NEW."action", NEW."subject_type", NEW."subject_id", NEW."request_id", NEW."data");
        RETURN NEW; END $$`,
    );
    await q.query(`CREATE TRIGGER "tr_audit_events_chain" BEFORE INSERT ON "audit_events" FOR EACH ROW EXECUTE FUNCTION "audit_events_chain"()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER "tr_audit_events_chain" ON "audit_events"`);
    await q.query(`DROP FUNCTION "audit_events_chain"()`);
    await q.query(`DROP INDEX "uq_audit_events_chain_seq"`);
    await q.query(`ALTER TABLE "audit_events" DROP COLUMN "hash"`);
    await q.query(`ALTER TABLE "audit_events" DROP COLUMN "prev_hash"`);
    await q.query(`ALTER TABLE "audit_events" DROP COLUMN "chain_seq"`);
    await q.query(`DROP FUNCTION "audit_event_hash"(text, bigint, timestamptz, uuid, text, text, text, text, jsonb)`);
  }
}
