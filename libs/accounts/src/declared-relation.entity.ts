import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { UserEntity } from './user.entity';

/**
 * A relation someone has declared (an assessor, or a candidate): a person, optionally with an
 * account on the platform, or an organisation. The conflict-of-interest check at assignment
 * refuses an assessor related to the candidate from either side.
 */
@Entity({ name: 'declared_relations' })
@Index('ix_declared_relations_user', ['userId'])
@Index('ix_declared_relations_related_user', ['relatedUserId'])
export class DeclaredRelationEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_declared_relations' })
  id!: string;

  /** Whose relation it is. */
  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_declared_relations_user' })
  user?: UserEntity;

  /** The related person's account, when they have one. */
  @Column({ name: 'related_user_id', type: 'uuid', nullable: true })
  relatedUserId!: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'related_user_id', foreignKeyConstraintName: 'fk_declared_relations_related_user' })
  relatedUser?: UserEntity;

  /** Name of the related person or organisation. */
  @Column({ name: 'related_name', type: 'varchar', length: 200 })
  relatedName!: string;

  @Column({ name: 'related_organisation', type: 'varchar', length: 200, nullable: true })
  relatedOrganisation!: string | null;

  /** E.g. 'oud-collega', 'familie', 'coach van'. */
  @Column({ type: 'varchar', length: 1000, nullable: true })
  description!: string | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy!: string | null;
}
