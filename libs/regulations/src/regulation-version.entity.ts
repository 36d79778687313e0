import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export const REGULATION_TYPES = ['reglement', 'gedragscode', 'klachtenreglement'] as const;
export type RegulationType = (typeof REGULATION_TYPES)[number];

/** The regulations a candidate accepts in part E (the reglement is read, not separately accepted). */
export const ACCEPTED_REGULATIONS = ['gedragscode', 'klachtenreglement'] as const satisfies readonly RegulationType[];
export type AcceptedRegulation = (typeof ACCEPTED_REGULATIONS)[number];

export type RegulationStatus = 'draft' | 'published';

/**
 * One numbered version of the reglement, gedragscode or klachtenreglement. A published version is
 * immutable (a database trigger refuses every change); the current version of a type is the
 * published one with the highest number whose effective date has arrived. "Superseded" is derived.
 */
@Entity({ name: 'regulation_versions' })
@Index('uq_regulation_versions_type_version', ['type', 'version'], { unique: true })
@Check('ck_regulation_versions_type', `"type" IN ('reglement', 'gedragscode', 'klachtenreglement')`)
@Check('ck_regulation_versions_status', `"status" IN ('draft', 'published')`)
@Check('ck_regulation_versions_published', `"status" = 'draft' OR ("effective_from" IS NOT NULL AND "published_at" IS NOT NULL)`)
export class RegulationVersionEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_regulation_versions' })
  id!: string;

  @Column({ type: 'varchar', length: 32 })
  type!: RegulationType;

  @Column({ type: 'integer' })
  version!: number;

  @Column({ type: 'varchar', length: 300 })
  title!: string;

  /** The text, in Markdown. */
  @Column({ type: 'text' })
  body!: string;

  @Column({ name: 'change_summary', type: 'text', nullable: true })
  changeSummary!: string | null;

  /** Calendar date (Europe/Amsterdam) from which a published version is current. */
  @Column({ name: 'effective_from', type: 'date', nullable: true })
  effectiveFrom!: string | null;

  @Column({ type: 'varchar', length: 16 })
  status!: RegulationStatus;

  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt!: Date | null;

  @Column({ name: 'published_by', type: 'uuid', nullable: true })
  publishedBy!: string | null;

  /** The official PDF, a verified document in storage. */
  @Column({ name: 'pdf_document_id', type: 'uuid', nullable: true })
  pdfDocumentId!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
