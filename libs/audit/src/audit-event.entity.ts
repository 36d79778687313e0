import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Append-only audit trail: who did what, when, to which subject. A database trigger
 * (migration Foundation1700000000000) refuses UPDATE and DELETE on this table.
 */
@Entity({ name: 'audit_events' })
@Index('ix_audit_events_subject', ['subjectType', 'subjectId'])
@Index('ix_audit_events_actor', ['actorId'])
@Index('ix_audit_events_occurred_at', ['occurredAt'])
export class AuditEventEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', primaryKeyConstraintName: 'pk_audit_events' })
  id!: string;

  @CreateDateColumn({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt!: Date;

  /** Null for anonymous or system actions. */
  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId!: string | null;

  @Column({ type: 'varchar', length: 100 })
  action!: string;

  @Column({ name: 'subject_type', type: 'varchar', length: 50 })
  subjectType!: string;

  @Column({ name: 'subject_id', type: 'varchar', length: 100, nullable: true })
  subjectId!: string | null;

  @Column({ name: 'request_id', type: 'varchar', length: 100, nullable: true })
  requestId!: string | null;

  /** Never passwords or document contents. */
  @Column({ type: 'jsonb', default: () => `'{}'` })
  data!: Record<string, unknown>;
}
