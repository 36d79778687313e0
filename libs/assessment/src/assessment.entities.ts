import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { UserEntity } from '../../accounts/src/user.entity';
import { PortfolioEntity } from '../../portfolio/src/portfolio.entities';
import type { AgendaItem, CriterionScore, JointVerdict } from './judgement';

/**
 * An assessor assigned to a submitted dossier by the certification office. Declining keeps the
 * row (with its reason) as history; a dossier has at most two active assignments.
 */
@Entity({ name: 'assignments' })
@Index('uq_assignments_active', ['portfolioId', 'assessorId'], { unique: true, where: `"status" = 'active'` })
@Index('ix_assignments_assessor', ['assessorId'])
// An assessor's paged list (ADR 0027, migration 1765800000000).
@Index('ix_assignments_assessor_active', ['assessorId', 'assignedAt', 'id'], { where: `"status" = 'active'` })
@Check('ck_assignments_status', `"status" IN ('active', 'declined')`)
export class AssignmentEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_assignments' })
  id!: string;

  @Column({ name: 'portfolio_id', type: 'uuid' })
  portfolioId!: string;

  @ManyToOne(() => PortfolioEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'portfolio_id', foreignKeyConstraintName: 'fk_assignments_portfolio' })
  portfolio?: PortfolioEntity;

  @Column({ name: 'assessor_id', type: 'uuid' })
  assessorId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'assessor_id', foreignKeyConstraintName: 'fk_assignments_assessor' })
  assessor?: UserEntity;

  @Column({ type: 'varchar', length: 16 })
  status!: 'active' | 'declined';

  @Column({ name: 'assigned_at', type: 'timestamptz' })
  assignedAt!: Date;

  @Column({ name: 'assigned_by', type: 'uuid' })
  assignedBy!: string;

  /** Set when the assessor declared independence for this dossier; only then may they open it. */
  @Column({ name: 'independence_declared_at', type: 'timestamptz', nullable: true })
  independenceDeclaredAt!: Date | null;

  @Column({ name: 'declined_at', type: 'timestamptz', nullable: true })
  declinedAt!: Date | null;

  @Column({ name: 'decline_reason', type: 'varchar', length: 2000, nullable: true })
  declineReason!: string | null;

  /** The assessor's own preparation notes per agenda item (ADR 0014); the co-assessor sees them once the interview has started. */
  @Column({ name: 'preparation_notes', type: 'jsonb', default: () => `'{}'` })
  preparationNotes!: Record<string, string>;

  @Column({ name: 'preparation_version', type: 'integer', default: 0 })
  preparationVersion!: number;

  @Column({ name: 'preparation_updated_at', type: 'timestamptz', nullable: true })
  preparationUpdatedAt!: Date | null;
}

/** One assessor's own judgement of one dossier. A database trigger freezes it once submitted. */
@Entity({ name: 'scorings' })
@Index('ix_scorings_portfolio', ['portfolioId'])
@Check('ck_scorings_version', `"version" >= 1`)
export class ScoringEntity {
  @PrimaryColumn({ name: 'assignment_id', type: 'uuid', primaryKeyConstraintName: 'pk_scorings' })
  assignmentId!: string;

  @ManyToOne(() => AssignmentEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'assignment_id', foreignKeyConstraintName: 'fk_scorings_assignment' })
  assignment?: AssignmentEntity;

  @Column({ name: 'portfolio_id', type: 'uuid' })
  portfolioId!: string;

  @Column({ name: 'assessor_id', type: 'uuid' })
  assessorId!: string;

  /** Per criterion code: verdict, motivation and questions for the interview. */
  @Column({ type: 'jsonb' })
  scores!: Record<string, CriterionScore>;

  @Column({ type: 'integer' })
  version!: number;

  /** Per criterion code: the scoring's version at which it last changed (absent: 0). Its own ETag. */
  @Column({ name: 'criterion_versions', type: 'jsonb', default: () => "'{}'" })
  criterionVersions!: Record<string, number>;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  @Column({ name: 'submitted_at', type: 'timestamptz', nullable: true })
  submittedAt!: Date | null;

  /** When the assessor first changed this scoring (the office's progress view); null: not started. */
  @Column({ name: 'started_at', type: 'timestamptz', nullable: true })
  startedAt!: Date | null;
}

export const JOINT_RECORD_KINDS = ['judgement', 'interview'] as const;
export type JointRecordKind = (typeof JOINT_RECORD_KINDS)[number];

/** The joint judgement: per criterion the agreed verdict, and the agenda derived from both scorings. */
export interface JudgementContent {
  criteria: Record<string, JointVerdict>;
  agenda: AgendaItem[];
}

/** The interview record: what was found per agenda item, and the joint advice. */
export interface InterviewContent {
  findings: Record<string, string>;
  advice: 'positive' | 'negative' | null;
  motivation: string | null;
}

/**
 * Something both assessors must agree to: the joint judgement and the interview record. Either
 * assessor edits the draft (each save bumps the version and clears the agreements); it is final
 * when both agreed to the same version, and a database trigger freezes it from then on.
 */
@Entity({ name: 'joint_records' })
@Check('ck_joint_records_kind', `"kind" IN ('judgement', 'interview')`)
@Check('ck_joint_records_version', `"version" >= 1`)
export class JointRecordEntity {
  @PrimaryColumn({ name: 'portfolio_id', type: 'uuid', primaryKeyConstraintName: 'pk_joint_records' })
  portfolioId!: string;

  @ManyToOne(() => PortfolioEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'portfolio_id', foreignKeyConstraintName: 'fk_joint_records_portfolio' })
  portfolio?: PortfolioEntity;

  @PrimaryColumn({ type: 'varchar', length: 16, primaryKeyConstraintName: 'pk_joint_records' })
  kind!: JointRecordKind;

  @Column({ type: 'jsonb' })
  content!: JudgementContent | InterviewContent;

  @Column({ type: 'integer' })
  version!: number;

  /** Assessors who agreed to the whole current version. */
  @Column({ name: 'agreed_by', type: 'uuid', array: true })
  agreedBy!: string[];

  /**
   * Per assessor, per part of the content (a criterion; a finding, the advice) the canonical JSON
   * of what they agreed to. An edit clears only the entries of the parts it changed (ADR 0014).
   */
  @Column({ type: 'jsonb', default: () => `'{}'` })
  agreements!: Record<string, Record<string, string>>;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  @Column({ name: 'updated_by', type: 'uuid' })
  updatedBy!: string;

  @Column({ name: 'final_at', type: 'timestamptz', nullable: true })
  finalAt!: Date | null;
}

/** A time the two assessors offer for the certificeringsgesprek. Stored in UTC. */
@Entity({ name: 'interview_slots' })
@Index('ix_interview_slots_portfolio', ['portfolioId'])
@Check('ck_interview_slots_duration', `"duration_minutes" BETWEEN 15 AND 480`)
@Check('ck_interview_slots_location_kind', `"location_kind" IN ('online', 'address')`)
export class InterviewSlotEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_interview_slots' })
  id!: string;

  @Column({ name: 'portfolio_id', type: 'uuid' })
  portfolioId!: string;

  @ManyToOne(() => PortfolioEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'portfolio_id', foreignKeyConstraintName: 'fk_interview_slots_portfolio' })
  portfolio?: PortfolioEntity;

  @Column({ name: 'starts_at', type: 'timestamptz' })
  startsAt!: Date;

  @Column({ name: 'duration_minutes', type: 'integer' })
  durationMinutes!: number;

  @Column({ name: 'location_kind', type: 'varchar', length: 16 })
  locationKind!: 'online' | 'address';

  /** The online meeting link or the address. */
  @Column({ type: 'varchar', length: 500 })
  location!: string;

  @Column({ name: 'offered_by', type: 'uuid' })
  offeredBy!: string;

  @Column({ name: 'offered_at', type: 'timestamptz' })
  offeredAt!: Date;

  @Column({ name: 'withdrawn_at', type: 'timestamptz', nullable: true })
  withdrawnAt!: Date | null;

  @Column({ name: 'withdrawn_by', type: 'uuid', nullable: true })
  withdrawnBy!: string | null;
}

/**
 * A candidate's booking of a slot. Cancelled bookings stay as history; at most one booking is
 * active per slot and per dossier (partial unique indexes back up the locked check).
 */
@Entity({ name: 'interview_bookings' })
@Index('uq_interview_bookings_slot', ['slotId'], { unique: true, where: `"status" = 'booked'` })
@Index('uq_interview_bookings_portfolio', ['portfolioId'], { unique: true, where: `"status" = 'booked'` })
@Check('ck_interview_bookings_status', `"status" IN ('booked', 'cancelled')`)
@Check('ck_interview_bookings_missed_kind', `"missed_kind" IS NULL OR "missed_kind" IN ('no_show', 'late_cancellation')`)
@Check('ck_interview_bookings_absent_party', `"absent_party" IS NULL OR "absent_party" IN ('candidate', 'assessor')`)
@Check('ck_interview_bookings_missed_next', `"missed_next" IS NULL OR "missed_next" IN ('new_slots', 'advise')`)
export class InterviewBookingEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_interview_bookings' })
  id!: string;

  @Column({ name: 'slot_id', type: 'uuid' })
  slotId!: string;

  @ManyToOne(() => InterviewSlotEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'slot_id', foreignKeyConstraintName: 'fk_interview_bookings_slot' })
  slot?: InterviewSlotEntity;

  @Column({ name: 'portfolio_id', type: 'uuid' })
  portfolioId!: string;

  @ManyToOne(() => PortfolioEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'portfolio_id', foreignKeyConstraintName: 'fk_interview_bookings_portfolio' })
  portfolio?: PortfolioEntity;

  @Column({ type: 'varchar', length: 16 })
  status!: 'booked' | 'cancelled';

  /** The calendar invitation's SEQUENCE: every change to the dossier's interview increments it. */
  @Column({ type: 'integer' })
  sequence!: number;

  @Column({ name: 'booked_at', type: 'timestamptz' })
  bookedAt!: Date;

  @Column({ name: 'booked_by', type: 'uuid' })
  bookedBy!: string;

  @Column({ name: 'cancelled_at', type: 'timestamptz', nullable: true })
  cancelledAt!: Date | null;

  @Column({ name: 'cancelled_by', type: 'uuid', nullable: true })
  cancelledBy!: string | null;

  @Column({ name: 'cancel_reason', type: 'varchar', length: 2000, nullable: true })
  cancelReason!: string | null;

  /** Recorded after the start time: nobody came, or someone cancelled on the day (ADR 0014). */
  @Column({ name: 'missed_kind', type: 'varchar', length: 32, nullable: true })
  missedKind!: MissedKind | null;

  @Column({ name: 'absent_party', type: 'varchar', length: 16, nullable: true })
  absentParty!: AbsentParty | null;

  @Column({ name: 'absent_assessor_id', type: 'uuid', nullable: true })
  absentAssessorId!: string | null;

  @Column({ name: 'missed_reason', type: 'varchar', length: 2000, nullable: true })
  missedReason!: string | null;

  /** What follows: new slots (the dossier goes back to judged) or the advice on the record. */
  @Column({ name: 'missed_next', type: 'varchar', length: 16, nullable: true })
  missedNext!: MissedNext | null;

  @Column({ name: 'missed_at', type: 'timestamptz', nullable: true })
  missedAt!: Date | null;

  @Column({ name: 'missed_recorded_by', type: 'uuid', nullable: true })
  missedRecordedBy!: string | null;
}

export const MISSED_KINDS = ['no_show', 'late_cancellation'] as const;
export type MissedKind = (typeof MISSED_KINDS)[number];
export const ABSENT_PARTIES = ['candidate', 'assessor'] as const;
export type AbsentParty = (typeof ABSENT_PARTIES)[number];
export const MISSED_NEXT = ['new_slots', 'advise'] as const;
export type MissedNext = (typeof MISSED_NEXT)[number];

export const DECISION_OUTCOMES = ['certified', 'not_certified', 'returned_for_supplement'] as const;
export type DecisionOutcome = (typeof DECISION_OUTCOMES)[number];

/** The certification decision. Append-only: a database trigger refuses UPDATE and DELETE. */
@Entity({ name: 'decisions' })
@Index('uq_decisions_portfolio', ['portfolioId'], { unique: true })
@Check('ck_decisions_outcome', `"outcome" IN ('certified', 'not_certified', 'returned_for_supplement')`)
export class DecisionEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_decisions' })
  id!: string;

  @Column({ name: 'portfolio_id', type: 'uuid' })
  portfolioId!: string;

  @ManyToOne(() => PortfolioEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'portfolio_id', foreignKeyConstraintName: 'fk_decisions_portfolio' })
  portfolio?: PortfolioEntity;

  @Column({ name: 'candidate_id', type: 'uuid' })
  candidateId!: string;

  @Column({ type: 'varchar', length: 32 })
  outcome!: DecisionOutcome;

  @Column({ type: 'varchar', length: 5000, nullable: true })
  motivation!: string | null;

  @Column({ name: 'decided_by', type: 'uuid' })
  decidedBy!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'decided_by', foreignKeyConstraintName: 'fk_decisions_decided_by' })
  decider?: UserEntity;

  @Column({ name: 'decided_at', type: 'timestamptz' })
  decidedAt!: Date;

  /** The new draft a return for supplement created. */
  @Column({ name: 'next_portfolio_id', type: 'uuid', nullable: true })
  nextPortfolioId!: string | null;
}

/** The public register of certified professionals. Append-only. */
@Entity({ name: 'register_entries' })
@Index('uq_register_entries_number', ['certificateNumber'], { unique: true })
@Index('uq_register_entries_portfolio', ['portfolioId'], { unique: true })
@Index('ix_register_entries_candidate', ['candidateId'])
// The name search's trigram index (gin_trgm_ops, ADR 0027): TypeORM cannot express the operator
// class, so it is declared here only by name and left to the migration.
@Index('ix_register_entries_holder_trgm', { synchronize: false })
@Check('ck_register_entries_validity', `"valid_until" > "starts_on"`)
export class RegisterEntryEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_register_entries' })
  id!: string;

  @Column({ name: 'certificate_number', type: 'varchar', length: 32 })
  certificateNumber!: string;

  @Column({ name: 'candidate_id', type: 'uuid' })
  candidateId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'candidate_id', foreignKeyConstraintName: 'fk_register_entries_candidate' })
  candidate?: UserEntity;

  @Column({ name: 'portfolio_id', type: 'uuid' })
  portfolioId!: string;

  @Column({ name: 'decision_id', type: 'uuid' })
  decisionId!: string;

  @ManyToOne(() => DecisionEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'decision_id', foreignKeyConstraintName: 'fk_register_entries_decision' })
  decision?: DecisionEntity;

  /** The name as it was certified. */
  @Column({ name: 'holder_name', type: 'varchar', length: 200 })
  holderName!: string;

  @Column({ name: 'starts_on', type: 'date' })
  startsOn!: string;

  @Column({ name: 'valid_until', type: 'date' })
  validUntil!: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
