import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Append-only audit trail: who did what, when, to which subject. Database triggers refuse UPDATE,
 * DELETE and TRUNCATE; right after commit the AuditChainer chains every event to the previous one by
 * hash (audit-chain.ts, ADR 0024), the only change the triggers let through.
 */
@Entity({ name: 'audit_events' })
@Index('ix_audit_events_subject', ['subjectType', 'subjectId'])
@Index('ix_audit_events_actor', ['actorId'])
@Index('ix_audit_events_occurred_at', ['occurredAt'])
@Index('uq_audit_events_chain_seq', ['chainSeq'], { unique: true })
@Index('ix_audit_events_portfolio', ['portfolioId', 'id'])
@Index('ix_audit_events_unchained', ['id'], { where: '"chain_seq" IS NULL' })
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

  /** The dossier the event is about: its subject when that is a portfolio, else `data.portfolioId` (auditPortfolioId). */
  @Column({ name: 'portfolio_id', type: 'uuid', nullable: true })
  portfolioId!: string | null;

  /** Position in the hash chain; null until the AuditChainer has chained the event, right after its commit (ADR 0024). */
  @Column({ name: 'chain_seq', type: 'bigint', nullable: true, insert: false })
  chainSeq!: string | null;

  @Column({ name: 'prev_hash', type: 'char', length: 64, nullable: true, insert: false })
  prevHash!: string | null;

  /** SHA-256 over prev_hash and this event's fields (see audit-chain.ts); null until chained. */
  @Column({ type: 'char', length: 64, nullable: true, insert: false })
  hash!: string | null;
}
