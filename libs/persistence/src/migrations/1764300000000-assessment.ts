import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A dossier after submission: assignments, blind scorings, joint records (judgement and
 * interview record), interview slots and bookings, decisions and the register. What is final
 * is frozen by the database itself, so not even a bug or a direct SQL statement by the
 * application's role changes it.
 */
export class Assessment1764300000000 implements MigrationInterface {
  name = 'Assessment1764300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "assignments" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "portfolio_id" uuid NOT NULL, "assessor_id" uuid NOT NULL, "status" character varying(16) NOT NULL, "assigned_at" TIMESTAMP WITH TIME ZONE NOT NULL, "assigned_by" uuid NOT NULL, "independence_declared_at" TIMESTAMP WITH TIME ZONE, "declined_at" TIMESTAMP WITH TIME ZONE, "decline_reason" character varying(2000), CONSTRAINT "ck_assignments_status" CHECK ("status" IN ('active', 'declined')), CONSTRAINT "pk_assignments" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "ix_assignments_assessor" ON "assignments"  ("assessor_id")`);
    await q.query(
      `CREATE UNIQUE INDEX "uq_assignments_active" ON "assignments"  ("portfolio_id", "assessor_id") WHERE "status" = 'active'`,
    );
    await q.query(
      `CREATE TABLE "scorings" ("assignment_id" uuid NOT NULL, "portfolio_id" uuid NOT NULL, "assessor_id" uuid NOT NULL, "scores" jsonb NOT NULL, "version" integer NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL, "submitted_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "ck_scorings_version" CHECK ("version" >= 1), CONSTRAINT "pk_scorings" PRIMARY KEY ("assignment_id"))`,
    );
    await q.query(`CREATE INDEX "ix_scorings_portfolio" ON "scorings"  ("portfolio_id")`);
    await q.query(
      `CREATE TABLE "joint_records" ("portfolio_id" uuid NOT NULL, "kind" character varying(16) NOT NULL, "content" jsonb NOT NULL, "version" integer NOT NULL, "agreed_by" uuid array NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL, "updated_by" uuid NOT NULL, "final_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "ck_joint_records_version" CHECK ("version" >= 1), CONSTRAINT "ck_joint_records_kind" CHECK ("kind" IN ('judgement', 'interview')), CONSTRAINT "pk_joint_records" PRIMARY KEY ("portfolio_id", "kind"))`,
    );
    await q.query(
      `CREATE TABLE "interview_slots" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "portfolio_id" uuid NOT NULL, "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL, "duration_minutes" integer NOT NULL, "location_kind" character varying(16) NOT NULL, "location" character varying(500) NOT NULL, "offered_by" uuid NOT NULL, "offered_at" TIMESTAMP WITH TIME ZONE NOT NULL, "withdrawn_at" TIMESTAMP WITH TIME ZONE, "withdrawn_by" uuid, CONSTRAINT "ck_interview_slots_location_kind" CHECK ("location_kind" IN ('online', 'address')), CONSTRAINT "ck_interview_slots_duration" CHECK ("duration_minutes" BETWEEN 15 AND 480), CONSTRAINT "pk_interview_slots" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "ix_interview_slots_portfolio" ON "interview_slots"  ("portfolio_id")`);
    await q.query(
      `CREATE TABLE "interview_bookings" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "slot_id" uuid NOT NULL, "portfolio_id" uuid NOT NULL, "status" character varying(16) NOT NULL, "sequence" integer NOT NULL, "booked_at" TIMESTAMP WITH TIME ZONE NOT NULL, "booked_by" uuid NOT NULL, "cancelled_at" TIMESTAMP WITH TIME ZONE, "cancelled_by" uuid, "cancel_reason" character varying(2000), CONSTRAINT "ck_interview_bookings_status" CHECK ("status" IN ('booked', 'cancelled')), CONSTRAINT "pk_interview_bookings" PRIMARY KEY ("id"))`,
    );
    await q.query(
      `CREATE UNIQUE INDEX "uq_interview_bookings_portfolio" ON "interview_bookings"  ("portfolio_id") WHERE "status" = 'booked'`,
    );
    await q.query(
      `CREATE UNIQUE INDEX "uq_interview_bookings_slot" ON "interview_bookings"  ("slot_id") WHERE "status" = 'booked'`,
    );
    await q.query(
      `CREATE TABLE "decisions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "portfolio_id" uuid NOT NULL, "candidate_id" uuid NOT NULL, "outcome" character varying(32) NOT NULL, "motivation" character varying(5000), "decided_by" uuid NOT NULL, "decided_at" TIMESTAMP WITH TIME ZONE NOT NULL, "next_portfolio_id" uuid, CONSTRAINT "ck_decisions_outcome" CHECK ("outcome" IN ('certified', 'not_certified', 'returned_for_supplement')), CONSTRAINT "pk_decisions" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE UNIQUE INDEX "uq_decisions_portfolio" ON "decisions"  ("portfolio_id")`);
    await q.query(
      `CREATE TABLE "register_entries" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "certificate_number" character varying(32) NOT NULL, "candidate_id" uuid NOT NULL, "portfolio_id" uuid NOT NULL, "decision_id" uuid NOT NULL, "holder_name" character varying(200) NOT NULL, "starts_on" date NOT NULL, "valid_until" date NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "ck_register_entries_validity" CHECK ("valid_until" > "starts_on"), CONSTRAINT "pk_register_entries" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "ix_register_entries_candidate" ON "register_entries"  ("candidate_id")`);
    await q.query(`CREATE UNIQUE INDEX "uq_register_entries_portfolio" ON "register_entries"  ("portfolio_id")`);
    await q.query(`CREATE UNIQUE INDEX "uq_register_entries_number" ON "register_entries"  ("certificate_number")`);
    await q.query(
      `ALTER TABLE "assignments" ADD CONSTRAINT "fk_assignments_portfolio" FOREIGN KEY ("portfolio_id") REFERENCES "portfolios"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "assignments" ADD CONSTRAINT "fk_assignments_assessor" FOREIGN KEY ("assessor_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "scorings" ADD CONSTRAINT "fk_scorings_assignment" FOREIGN KEY ("assignment_id") REFERENCES "assignments"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "joint_records" ADD CONSTRAINT "fk_joint_records_portfolio" FOREIGN KEY ("portfolio_id") REFERENCES "portfolios"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "interview_slots" ADD CONSTRAINT "fk_interview_slots_portfolio" FOREIGN KEY ("portfolio_id") REFERENCES "portfolios"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "interview_bookings" ADD CONSTRAINT "fk_interview_bookings_slot" FOREIGN KEY ("slot_id") REFERENCES "interview_slots"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "interview_bookings" ADD CONSTRAINT "fk_interview_bookings_portfolio" FOREIGN KEY ("portfolio_id") REFERENCES "portfolios"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "decisions" ADD CONSTRAINT "fk_decisions_portfolio" FOREIGN KEY ("portfolio_id") REFERENCES "portfolios"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "decisions" ADD CONSTRAINT "fk_decisions_decided_by" FOREIGN KEY ("decided_by") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "register_entries" ADD CONSTRAINT "fk_register_entries_candidate" FOREIGN KEY ("candidate_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await q.query(
      `ALTER TABLE "register_entries" ADD CONSTRAINT "fk_register_entries_decision" FOREIGN KEY ("decision_id") REFERENCES "decisions"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    // Certificate numbers: RLP-<year>-<n>, n from one sequence so they never repeat.
    await q.query(`CREATE SEQUENCE "certificate_number_seq" START 1`);
    // Decisions and register entries never change and are never removed.
    for (const table of ['decisions', 'register_entries']) {
      await q.query(`CREATE TRIGGER "tr_${table}_append_only" BEFORE UPDATE OR DELETE ON "${table}" FOR EACH ROW EXECUTE FUNCTION "refuse_change"()`);
      await q.query(`CREATE TRIGGER "tr_${table}_no_truncate" BEFORE TRUNCATE ON "${table}" FOR EACH STATEMENT EXECUTE FUNCTION "refuse_change"()`);
    }
    // A submitted scoring and an agreed joint record are frozen; nothing of the history is deleted.
    await q.query(
      `CREATE FUNCTION "refuse_change_when_final"() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF TG_OP = 'DELETE' THEN RAISE EXCEPTION '% rows are never deleted', TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege'; END IF; IF to_jsonb(OLD) ->> TG_ARGV[0] IS NOT NULL THEN RAISE EXCEPTION 'a final % row is immutable', TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege'; END IF; RETURN NEW; END $$`,
    );
    await q.query(`CREATE TRIGGER "tr_scorings_final" BEFORE UPDATE OR DELETE ON "scorings" FOR EACH ROW EXECUTE FUNCTION "refuse_change_when_final"('submitted_at')`);
    await q.query(`CREATE TRIGGER "tr_joint_records_final" BEFORE UPDATE OR DELETE ON "joint_records" FOR EACH ROW EXECUTE FUNCTION "refuse_change_when_final"('final_at')`);
    await q.query(
      `CREATE FUNCTION "refuse_delete"() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION '% rows are never deleted', TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege'; END $$`,
    );
    for (const table of ['assignments', 'interview_slots', 'interview_bookings', 'scorings', 'joint_records']) {
      if (table !== 'scorings' && table !== 'joint_records') await q.query(`CREATE TRIGGER "tr_${table}_no_delete" BEFORE DELETE ON "${table}" FOR EACH ROW EXECUTE FUNCTION "refuse_delete"()`);
      await q.query(`CREATE TRIGGER "tr_${table}_no_truncate" BEFORE TRUNCATE ON "${table}" FOR EACH STATEMENT EXECUTE FUNCTION "refuse_delete"()`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['register_entries', 'decisions', 'interview_bookings', 'interview_slots', 'joint_records', 'scorings', 'assignments']) {
      await q.query(`DROP TABLE "${table}"`);
    }
    await q.query(`DROP SEQUENCE "certificate_number_seq"`);
    await q.query(`DROP FUNCTION "refuse_change_when_final"()`);
    await q.query(`DROP FUNCTION "refuse_delete"()`);
  }
}
