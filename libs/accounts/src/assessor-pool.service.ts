import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService } from '../../audit/src/audit.service';
import { bilingual } from '../../platform/src/bilingual';
import { Clock } from '../../platform/src/clock';
import { DomainError } from '../../platform/src/domain-error';
import { toPublicAccount, type PublicAccount } from './accounts.service';
import { DeclaredRelationEntity } from './declared-relation.entity';
import { UserEntity } from './user.entity';

export interface RelationInput {
  relatedUserId?: string;
  relatedName: string;
  relatedOrganisation?: string;
  description?: string;
}

export interface RelationView {
  id: string;
  userId: string;
  relatedUserId: string | null;
  relatedName: string;
  relatedOrganisation: string | null;
  description: string | null;
  createdAt: string;
}

const accountNotFound = () => new DomainError('not_found', 'ACCOUNT_NOT_FOUND', bilingual('Account niet gevonden', 'Account not found'));

function view(r: DeclaredRelationEntity): RelationView {
  return { id: r.id, userId: r.userId, relatedUserId: r.relatedUserId, relatedName: r.relatedName, relatedOrganisation: r.relatedOrganisation, description: r.description, createdAt: r.createdAt.toISOString() };
}

/** What the conflict-of-interest check needs: each person's organisation and declared relations. */
@Injectable()
export class AssessorPoolService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async updateProfile(id: string, change: { organisation?: string | null; displayName?: string }, actorId: string, requestId?: string): Promise<PublicAccount> {
    return this.dataSource.transaction(async (m) => {
      const user = await m.findOneBy(UserEntity, { id });
      if (!user) throw accountNotFound();
      const next = { ...user, ...(change.displayName !== undefined ? { displayName: change.displayName } : {}), ...(change.organisation !== undefined ? { organisation: change.organisation } : {}) };
      await m.update(UserEntity, { id }, { displayName: next.displayName, organisation: next.organisation });
      await this.audit.record(
        { actorId, action: 'account.profile_updated', subjectType: 'account', subjectId: id, requestId, data: { before: { displayName: user.displayName, organisation: user.organisation }, after: { displayName: next.displayName, organisation: next.organisation } } },
        m,
      );
      return toPublicAccount(next);
    });
  }

  async relations(userId: string): Promise<RelationView[]> {
    if (!(await this.dataSource.manager.existsBy(UserEntity, { id: userId }))) throw accountNotFound();
    const rows = await this.dataSource.manager.find(DeclaredRelationEntity, { where: { userId }, order: { createdAt: 'ASC' } });
    return rows.map(view);
  }

  async addRelation(userId: string, input: RelationInput, actorId: string, requestId?: string): Promise<RelationView> {
    return this.dataSource.transaction(async (m) => {
      if (!(await m.existsBy(UserEntity, { id: userId }))) throw accountNotFound();
      if (input.relatedUserId !== undefined) {
        if (input.relatedUserId === userId) throw new DomainError('validation', 'RELATION_TO_SELF', bilingual('Een relatie met jezelf kan niet', 'A relation with oneself is not possible'));
        if (!(await m.existsBy(UserEntity, { id: input.relatedUserId }))) {
          throw new DomainError('validation', 'RELATED_ACCOUNT_NOT_FOUND', bilingual('Het gerelateerde account bestaat niet', 'The related account does not exist'));
        }
      }
      const inserted = await m.insert(DeclaredRelationEntity, {
        userId,
        relatedUserId: input.relatedUserId ?? null,
        relatedName: input.relatedName,
        relatedOrganisation: input.relatedOrganisation ?? null,
        description: input.description ?? null,
        createdAt: this.clock.now(),
        createdBy: actorId,
      });
      const id = (inserted.identifiers[0] as { id: string }).id;
      await this.audit.record({ actorId, action: 'relation.declared', subjectType: 'account', subjectId: userId, requestId, data: { relationId: id, ...input } }, m);
      return view(await m.findOneByOrFail(DeclaredRelationEntity, { id }));
    });
  }

  async removeRelation(userId: string, relationId: string, actorId: string, requestId?: string): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      const row = await m.findOneBy(DeclaredRelationEntity, { id: relationId, userId });
      if (!row) throw new DomainError('not_found', 'RELATION_NOT_FOUND', bilingual('Relatie niet gevonden', 'Relation not found'));
      await m.delete(DeclaredRelationEntity, { id: relationId });
      await this.audit.record({ actorId, action: 'relation.removed', subjectType: 'account', subjectId: userId, requestId, data: { before: view(row) } }, m);
    });
  }
}
