import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { UserEntity } from '../../accounts/src/user.entity';

export type DocumentStatus = 'pending' | 'verified' | 'rejected';

/**
 * An uploaded file. The bytes live in object storage under a key the server chose; the client's
 * filename is display metadata only. `storage_key` names where they are now: the upload key
 * (`incoming/<ownerId>/<id>`) while `pending`, the verified copy (`verified/<ownerId>/<id>/<copy>`,
 * a key no client ever gets a write URL for) once `verified` (ADR 0005). Rows verified before that
 * kept their single key `documents/<ownerId>/<id>`. `rejected` objects are already deleted.
 */
@Entity({ name: 'documents' })
@Index('ix_documents_owner', ['ownerId'])
@Index('uq_documents_storage_key', ['storageKey'], { unique: true })
@Check('ck_documents_status', `"status" IN ('pending', 'verified', 'rejected')`)
@Check('ck_documents_verified', `"status" <> 'verified' OR ("sha256" IS NOT NULL AND "size_bytes" IS NOT NULL AND "content_type" IS NOT NULL)`)
export class DocumentEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_documents' })
  id!: string;

  @Column({ name: 'owner_id', type: 'uuid' })
  ownerId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'owner_id', foreignKeyConstraintName: 'fk_documents_owner' })
  owner?: UserEntity;

  @Column({ type: 'varchar', length: 16 })
  status!: DocumentStatus;

  @Column({ name: 'storage_key', type: 'varchar', length: 200 })
  storageKey!: string;

  /** Sanitised display name; never used as a path or key. */
  @Column({ type: 'varchar', length: 255 })
  filename!: string;

  @Column({ name: 'declared_content_type', type: 'varchar', length: 100 })
  declaredContentType!: string;

  @Column({ name: 'declared_size', type: 'bigint' })
  declaredSize!: string;

  /** The type the server found in the file's first bytes. */
  @Column({ name: 'content_type', type: 'varchar', length: 100, nullable: true })
  contentType!: string | null;

  @Column({ name: 'size_bytes', type: 'bigint', nullable: true })
  sizeBytes!: string | null;

  @Column({ type: 'char', length: 64, nullable: true })
  sha256!: string | null;

  @Column({ name: 'rejection_code', type: 'varchar', length: 50, nullable: true })
  rejectionCode!: string | null;

  /** From the platform clock (not the database's), so age-based clean-up is testable. */
  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'verified_at', type: 'timestamptz', nullable: true })
  verifiedAt!: Date | null;
}
