import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { UserEntity } from '../../accounts/src/user.entity';
import { RegulationVersionEntity } from './regulation-version.entity';

/**
 * Every acceptance of a regulation version: who, which exact version, on which portfolio, when.
 * Append-only (a database trigger refuses UPDATE and DELETE); renewing adds a new row.
 */
@Entity({ name: 'regulation_acceptances' })
@Index('ix_regulation_acceptances_version_accepted', ['regulationVersionId', 'acceptedAt', 'id'])
@Index('ix_regulation_acceptances_portfolio', ['portfolioId'])
export class RegulationAcceptanceEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_regulation_acceptances' })
  id!: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_regulation_acceptances_user' })
  user?: UserEntity;

  @Column({ name: 'portfolio_id', type: 'uuid' })
  portfolioId!: string;

  @Column({ name: 'regulation_version_id', type: 'uuid' })
  regulationVersionId!: string;

  @ManyToOne(() => RegulationVersionEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'regulation_version_id', foreignKeyConstraintName: 'fk_regulation_acceptances_version' })
  regulationVersion?: RegulationVersionEntity;

  @Column({ name: 'accepted_at', type: 'timestamptz' })
  acceptedAt!: Date;
}
