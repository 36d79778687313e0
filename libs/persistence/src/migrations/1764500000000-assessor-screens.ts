import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the assessor and office screens need (issue 14, ADR 0014):
 * - `scorings.started_at`: when an assessor first changed their scoring (the office's progress
 *   view). Existing rows are filled from the first `scoring.saved` event of the assignment.
 * - `joint_records.agreements`: per assessor, per part (criterion, finding, advice) the content
 *   they agreed to, so an edit clears only the agreements of what it changed.
 * - `assignments.preparation_*`: each assessor's own preparation notes per agenda item.
 * - `interview_bookings.missed_*`: a no-show or a same-day cancellation recorded after the start.
 */
export class AssessorScreens1764500000000 implements MigrationInterface {
  name = 'AssessorScreens1764500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "scorings" ADD "started_at" TIMESTAMP WITH TIME ZONE`);
    // Submitted scorings are frozen by a trigger; filling the new column is no change of content.
    await q.query(`ALTER TABLE "scorings" DISABLE TRIGGER "tr_scorings_final"`);
    await q.query(
      `UPDATE "scorings" s SET "started_at" = COALESCE((SELECT min(e."occurred_at") FROM "audit_events" e WHERE e."action" = 'scoring.saved' AND e."data" ->> 'assignmentId' = s."assignment_id"::text), CASE WHEN s."version" > 1 THEN s."updated_at" END)`,
    );
    await q.query(`ALTER TABLE "scorings" ENABLE TRIGGER "tr_scorings_final"`);

    await q.query(`ALTER TABLE "joint_records" ADD "agreements" jsonb NOT NULL DEFAULT '{}'`);

    await q.query(`ALTER TABLE "assignments" ADD "preparation_notes" jsonb NOT NULL DEFAULT '{}'`);
    await q.query(`ALTER TABLE "assignments" ADD "preparation_version" integer NOT NULL DEFAULT 0`);
    await q.query(`ALTER TABLE "assignments" ADD "preparation_updated_at" TIMESTAMP WITH TIME ZONE`);

    await q.query(`ALTER TABLE "interview_bookings" ADD "missed_kind" character varying(32)`);
    await q.query(`ALTER TABLE "interview_bookings" ADD "absent_party" character varying(16)`);
    await q.query(`ALTER TABLE "interview_bookings" ADD "absent_assessor_id" uuid`);
    await q.query(`ALTER TABLE "interview_bookings" ADD "missed_reason" character varying(2000)`);
    await q.query(`ALTER TABLE "interview_bookings" ADD "missed_next" character varying(16)`);
    await q.query(`ALTER TABLE "interview_bookings" ADD "missed_at" TIMESTAMP WITH TIME ZONE`);
    await q.query(`ALTER TABLE "interview_bookings" ADD "missed_recorded_by" uuid`);
    await q.query(`ALTER TABLE "interview_bookings" ADD CONSTRAINT "ck_interview_bookings_missed_kind" CHECK ("missed_kind" IS NULL OR "missed_kind" IN ('no_show', 'late_cancellation'))`);
    await q.query(`ALTER TABLE "interview_bookings" ADD CONSTRAINT "ck_interview_bookings_absent_party" CHECK ("absent_party" IS NULL OR "absent_party" IN ('candidate', 'assessor'))`);
    await q.query(`ALTER TABLE "interview_bookings" ADD CONSTRAINT "ck_interview_bookings_missed_next" CHECK ("missed_next" IS NULL OR "missed_next" IN ('new_slots', 'advise'))`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const c of ['ck_interview_bookings_missed_next', 'ck_interview_bookings_absent_party', 'ck_interview_bookings_missed_kind']) await q.query(`ALTER TABLE "interview_bookings" DROP CONSTRAINT "${c}"`);
    for (const c of ['missed_recorded_by', 'missed_at', 'missed_next', 'missed_reason', 'absent_assessor_id', 'absent_party', 'missed_kind']) await q.query(`ALTER TABLE "interview_bookings" DROP COLUMN "${c}"`);
    for (const c of ['preparation_updated_at', 'preparation_version', 'preparation_notes']) await q.query(`ALTER TABLE "assignments" DROP COLUMN "${c}"`);
    await q.query(`ALTER TABLE "joint_records" DROP COLUMN "agreements"`);
    await q.query(`ALTER TABLE "scorings" DROP COLUMN "started_at"`);
  }
}
