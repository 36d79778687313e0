import type { MigrationInterface, QueryRunner } from 'typeorm';

const UUID = `'^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$'`;
const LOCK = `hashtextextended('rlp:audit_events_chain', 0)`;

/**
 * The audit chain off the request path (issue 17, ADR 0024).
 *
 * - No BEFORE INSERT trigger any more: a request inserts its events unchained (`chain_seq`,
 *   `prev_hash`, `hash` NULL) and takes no global lock. `audit_chain_pending(n)` chains up to n
 *   committed events in one transaction under the chain's advisory lock, in the background
 *   (AuditChainer, every app instance, right after a commit and on a sweep). SECURITY DEFINER: the
 *   apps' role has no UPDATE on the trail.
 * - The append-only trigger now lets exactly one UPDATE through: setting the chain columns of an
 *   unchained event once, to the next position after an existing one, with its predecessor's hash
 *   and the right hash; nothing else may change. Everything else is refused as before.
 * - `portfolio_id`: the dossier an event is about (its subject when that is a portfolio, otherwise
 *   `data.portfolioId`), backfilled here and written by AuditService.record, indexed with `id` (the
 *   order of the trail) so the filter by dossier is an index scan.
 */
export class AuditBackgroundChain1765500000000 implements MigrationInterface {
  name = 'AuditBackgroundChain1765500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER "tr_audit_events_chain" ON "audit_events"`);
    await q.query(`DROP FUNCTION "audit_events_chain"()`);
    await q.query(`ALTER TABLE "audit_events" ALTER COLUMN "chain_seq" DROP NOT NULL`);
    await q.query(`ALTER TABLE "audit_events" ALTER COLUMN "hash" DROP NOT NULL`);

    await q.query(`ALTER TABLE "audit_events" ADD "portfolio_id" uuid`);
    await q.query(`ALTER TABLE "audit_events" DISABLE TRIGGER "tr_audit_events_append_only"`);
    await q.query(
      `UPDATE "audit_events" SET "portfolio_id" = CASE
          WHEN "subject_type" = 'portfolio' AND "subject_id" ~ ${UUID} THEN "subject_id"::uuid
          WHEN "data"->>'portfolioId' ~ ${UUID} THEN ("data"->>'portfolioId')::uuid END
        WHERE ("subject_type" = 'portfolio' AND "subject_id" ~ ${UUID}) OR "data"->>'portfolioId' ~ ${UUID}`,
    );
    await q.query(`ALTER TABLE "audit_events" ENABLE TRIGGER "tr_audit_events_append_only"`);
    await q.query(`CREATE INDEX "ix_audit_events_portfolio" ON "audit_events" ("portfolio_id", "id")`);
    // What the chainer (and its cheap "anything to do?" probe) reads.
    await q.query(`CREATE INDEX "ix_audit_events_unchained" ON "audit_events" ("id") WHERE "chain_seq" IS NULL`);

    await q.query(
      `CREATE OR REPLACE FUNCTION "audit_events_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
        IF TG_OP = 'UPDATE'
          AND OLD."chain_seq" IS NULL AND OLD."prev_hash" IS NULL AND OLD."hash" IS NULL
          AND NEW."chain_seq" IS NOT NULL AND NEW."hash" IS NOT NULL
          AND (NEW."id", NEW."occurred_at", NEW."actor_id", NEW."action", NEW."subject_type", NEW."subject_id", NEW."request_id", NEW."data", NEW."portfolio_id")
              IS NOT DISTINCT FROM (OLD."id", OLD."occurred_at", OLD."actor_id", OLD."action", OLD."subject_type", OLD."subject_id", OLD."request_id", OLD."data", OLD."portfolio_id")
          AND ((NEW."chain_seq" = 1 AND NEW."prev_hash" IS NULL)
               OR (NEW."chain_seq" > 1 AND NEW."prev_hash" = (SELECT e."hash" FROM "audit_events" e WHERE e."chain_seq" = NEW."chain_seq" - 1)))
          AND NEW."hash" = "audit_event_hash"(NEW."prev_hash", NEW."chain_seq", NEW."occurred_at", NEW."actor_id", NEW."action", NEW."subject_type", NEW."subject_id", NEW."request_id", NEW."data")
        THEN
          RETURN NEW;
        END IF;
        RAISE EXCEPTION 'audit_events is append-only' USING ERRCODE = 'insufficient_privilege';
      END $$`,
    );

    // One transaction per call: the lock, then (each statement a fresh snapshot in READ COMMITTED)
    // the head and the oldest unchained events, chained in id order.
    await q.query(
      `CREATE FUNCTION "audit_chain_pending"("max_events" integer) RETURNS integer LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
        DECLARE r record; last_seq bigint; last_hash text; n integer := 0;
        BEGIN
          IF NOT EXISTS (SELECT 1 FROM "audit_events" WHERE "chain_seq" IS NULL) THEN RETURN 0; END IF;
          PERFORM pg_advisory_xact_lock(${LOCK});
          SELECT "chain_seq", "hash" INTO last_seq, last_hash FROM "audit_events" WHERE "chain_seq" IS NOT NULL ORDER BY "chain_seq" DESC LIMIT 1;
          last_seq := coalesce(last_seq, 0);
          FOR r IN SELECT * FROM "audit_events" WHERE "chain_seq" IS NULL ORDER BY "id" LIMIT "max_events" LOOP
            last_seq := last_seq + 1;
            UPDATE "audit_events" SET "chain_seq" = last_seq, "prev_hash" = last_hash,
                "hash" = "audit_event_hash"(last_hash, last_seq, r."occurred_at", r."actor_id", r."action", r."subject_type", r."subject_id", r."request_id", r."data")
              WHERE "id" = r."id" RETURNING "hash" INTO last_hash;
            n := n + 1;
          END LOOP;
          RETURN n;
        END $$`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    // Chain what is still unchained, then put the columns and triggers back as they were.
    await q.query(`DO $$ BEGIN WHILE "audit_chain_pending"(10000) > 0 LOOP END LOOP; END $$`);
    await q.query(`DROP FUNCTION "audit_chain_pending"(integer)`);
    await q.query(
      `CREATE OR REPLACE FUNCTION "audit_events_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'audit_events is append-only' USING ERRCODE = 'insufficient_privilege'; END $$`,
    );
    await q.query(`DROP INDEX "ix_audit_events_unchained"`);
    await q.query(`DROP INDEX "ix_audit_events_portfolio"`);
    await q.query(`ALTER TABLE "audit_events" DROP COLUMN "portfolio_id"`);
    await q.query(`ALTER TABLE "audit_events" ALTER COLUMN "chain_seq" SET NOT NULL`);
    await q.query(`ALTER TABLE "audit_events" ALTER COLUMN "hash" SET NOT NULL`);
    await q.query(
      `CREATE FUNCTION "audit_events_chain"() RETURNS trigger LANGUAGE plpgsql AS $$ DECLARE last_seq bigint; last_hash text; BEGIN
        PERFORM pg_advisory_xact_lock(${LOCK});
        SELECT "chain_seq", "hash" INTO last_seq, last_hash FROM "audit_events" ORDER BY "chain_seq" DESC LIMIT 1;
        NEW."occurred_at" := coalesce(NEW."occurred_at", now());
        NEW."chain_seq" := coalesce(last_seq, 0) + 1;
        NEW."prev_hash" := last_hash;
        NEW."hash" := "audit_event_hash"(last_hash, NEW."chain_seq", NEW."occurred_at", NEW."actor_id", NEW."action", NEW."subject_type", NEW."subject_id", NEW."request_id", NEW."data");
        RETURN NEW; END $$`,
    );
    await q.query(`CREATE TRIGGER "tr_audit_events_chain" BEFORE INSERT ON "audit_events" FOR EACH ROW EXECUTE FUNCTION "audit_events_chain"()`);
  }
}
