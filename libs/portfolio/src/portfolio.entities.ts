import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { UserEntity } from '../../accounts/src/user.entity';

export const PORTFOLIO_STATUSES = ['draft', 'submitted', 'in_assessment', 'judged', 'interview_planned', 'interview_held', 'decided'] as const;
export type PortfolioStatus = (typeof PORTFOLIO_STATUSES)[number];

/**
 * A candidate's portfolio: a draft until submitted, then frozen. A candidate has at most one
 * portfolio that is not decided yet (a returned portfolio leads to a new draft, the old one stays).
 */
@Entity({ name: 'portfolios' })
@Index('ix_portfolios_candidate', ['candidateId'])
@Index('uq_portfolios_candidate_open', ['candidateId'], { unique: true, where: `"status" <> 'decided'` })
// The office's paged dossier list (ADR 0027, migration 1765800000000).
@Index('ix_portfolios_submitted', ['submittedAt', 'id'], { where: `"status" <> 'draft'` })
@Index('ix_portfolios_status_submitted', ['status', 'submittedAt', 'id'], { where: `"status" <> 'draft'` })
@Check('ck_portfolios_status', `"status" IN ('draft', 'submitted', 'in_assessment', 'judged', 'interview_planned', 'interview_held', 'decided')`)
export class PortfolioEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_portfolios' })
  id!: string;

  @Column({ name: 'candidate_id', type: 'uuid' })
  candidateId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'candidate_id', foreignKeyConstraintName: 'fk_portfolios_candidate' })
  candidate?: UserEntity;

  @Column({ type: 'varchar', length: 20 })
  status!: PortfolioStatus;

  /** The rulebook version the portfolio is checked against. */
  @Column({ name: 'rulebook_version', type: 'varchar', length: 100 })
  rulebookVersion!: string;

  /** The portfolio this one supplements, when a decision returned that one. */
  @Column({ name: 'previous_portfolio_id', type: 'uuid', nullable: true })
  previousPortfolioId!: string | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  @Column({ name: 'submitted_at', type: 'timestamptz', nullable: true })
  submittedAt!: Date | null;
}

/** One part of a portfolio with its own version: the unit of optimistic concurrency. */
@Entity({ name: 'portfolio_sections' })
@Check('ck_portfolio_sections_version', `"version" >= 1`)
// The version of each regulation the declarations accept, for the office's list of drafts that
// must renew (ADR 0027 addendum): expression indexes TypeORM cannot express, so declared here by
// name only and left to the migration.
@Index('ix_portfolio_sections_gedragscode_version', { synchronize: false })
@Index('ix_portfolio_sections_klachtenreglement_version', { synchronize: false })
export class PortfolioSectionEntity {
  @PrimaryColumn({ name: 'portfolio_id', type: 'uuid', primaryKeyConstraintName: 'pk_portfolio_sections' })
  portfolioId!: string;

  @ManyToOne(() => PortfolioEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'portfolio_id', foreignKeyConstraintName: 'fk_portfolio_sections_portfolio' })
  portfolio?: PortfolioEntity;

  @PrimaryColumn({ type: 'varchar', length: 32, primaryKeyConstraintName: 'pk_portfolio_sections' })
  section!: string;

  @Column({ type: 'jsonb' })
  content!: Record<string, unknown>;

  @Column({ type: 'integer' })
  version!: number;

  /** Uploaded documents this section refers to (kept in step with `content`). */
  @Column({ name: 'document_ids', type: 'uuid', array: true })
  documentIds!: string[];

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  @Column({ name: 'updated_by', type: 'uuid', nullable: true })
  updatedBy!: string | null;
}

/** Every saved version of every section: nothing a candidate saved is ever lost. Append-only. */
@Entity({ name: 'portfolio_section_revisions' })
export class PortfolioSectionRevisionEntity {
  @PrimaryColumn({ name: 'portfolio_id', type: 'uuid', primaryKeyConstraintName: 'pk_portfolio_section_revisions' })
  portfolioId!: string;

  @ManyToOne(() => PortfolioEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'portfolio_id', foreignKeyConstraintName: 'fk_portfolio_section_revisions_portfolio' })
  portfolio?: PortfolioEntity;

  @PrimaryColumn({ type: 'varchar', length: 32, primaryKeyConstraintName: 'pk_portfolio_section_revisions' })
  section!: string;

  @PrimaryColumn({ type: 'integer', primaryKeyConstraintName: 'pk_portfolio_section_revisions' })
  version!: number;

  @Column({ type: 'jsonb' })
  content!: Record<string, unknown>;

  @Column({ name: 'saved_at', type: 'timestamptz' })
  savedAt!: Date;

  @Column({ name: 'saved_by', type: 'uuid', nullable: true })
  savedBy!: string | null;
}

export interface SubmittedDocument {
  id: string;
  filename: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
}

/**
 * The frozen snapshot of a submitted portfolio. A database trigger refuses UPDATE and DELETE;
 * `content_hash` is the SHA-256 of the canonical JSON of the snapshot (see SubmissionService).
 */
@Entity({ name: 'submissions' })
@Index('uq_submissions_portfolio', ['portfolioId'], { unique: true })
@Index('ix_submissions_candidate', ['candidateId'])
@Check(
  'ck_submissions_pdf',
  `("pdf_storage_key" IS NULL) = ("pdf_sha256" IS NULL) AND ("pdf_sha256" IS NULL) = ("pdf_size_bytes" IS NULL) AND ("pdf_size_bytes" IS NULL) = ("pdf_rendered_at" IS NULL)`,
)
export class SubmissionEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_submissions' })
  id!: string;

  @Column({ name: 'portfolio_id', type: 'uuid' })
  portfolioId!: string;

  @ManyToOne(() => PortfolioEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'portfolio_id', foreignKeyConstraintName: 'fk_submissions_portfolio' })
  portfolio?: PortfolioEntity;

  @Column({ name: 'candidate_id', type: 'uuid' })
  candidateId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'candidate_id', foreignKeyConstraintName: 'fk_submissions_candidate' })
  candidate?: UserEntity;

  @Column({ name: 'submitted_at', type: 'timestamptz' })
  submittedAt!: Date;

  @Column({ name: 'rulebook_version', type: 'varchar', length: 100 })
  rulebookVersion!: string;

  @Column({ name: 'regulation_versions', type: 'jsonb' })
  regulationVersions!: Record<string, number>;

  /** The portfolio document as submitted. */
  @Column({ type: 'jsonb' })
  document!: Record<string, unknown>;

  @Column({ type: 'jsonb' })
  documents!: SubmittedDocument[];

  @Column({ name: 'content_hash', type: 'char', length: 64 })
  contentHash!: string;

  /**
   * The submission's PDF, rendered once and kept (issue 18): its object key, SHA-256, size and
   * render time, all four set together by the one update the append-only trigger allows.
   */
  @Column({ name: 'pdf_storage_key', type: 'varchar', length: 200, nullable: true })
  pdfStorageKey!: string | null;

  @Column({ name: 'pdf_sha256', type: 'char', length: 64, nullable: true })
  pdfSha256!: string | null;

  @Column({ name: 'pdf_size_bytes', type: 'bigint', nullable: true })
  pdfSizeBytes!: string | null;

  @Column({ name: 'pdf_rendered_at', type: 'timestamptz', nullable: true })
  pdfRenderedAt!: Date | null;
}

/** Idempotency keys of submissions: a retried or doubled request yields the first result. */
@Entity({ name: 'idempotency_keys' })
@Check('ck_idempotency_keys_state', `"state" IN ('in_progress', 'completed')`)
export class IdempotencyKeyEntity {
  @PrimaryColumn({ name: 'user_id', type: 'uuid', primaryKeyConstraintName: 'pk_idempotency_keys' })
  userId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_idempotency_keys_user' })
  user?: UserEntity;

  @PrimaryColumn({ type: 'varchar', length: 200, primaryKeyConstraintName: 'pk_idempotency_keys' })
  key!: string;

  @Column({ name: 'request_hash', type: 'char', length: 64 })
  requestHash!: string;

  @Column({ type: 'varchar', length: 16 })
  state!: 'in_progress' | 'completed';

  @Column({ name: 'response_status', type: 'integer', nullable: true })
  responseStatus!: number | null;

  @Column({ name: 'response_body', type: 'jsonb', nullable: true })
  responseBody!: unknown;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
