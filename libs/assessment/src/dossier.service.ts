import { Injectable } from '@nestjs/common';
import { scoreableCriteria, type PortfolioDocument, type Rulebook, type ScoreableCriterion } from '@rlp/rulebook';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../../audit/src/audit.service';
import { bilingual } from '../../platform/src/bilingual';
import { Clock } from '../../platform/src/clock';
import { DomainError } from '../../platform/src/domain-error';
import { PortfolioEntity, SubmissionEntity, type PortfolioStatus } from '../../portfolio/src/portfolio.entities';
import { RulebookCatalog } from '../../portfolio/src/rulebook-catalog.service';
import { AssignmentEntity } from './assessment.entities';

/** The workflow's steps: every status change the platform makes is one of these. */
export const TRANSITIONS: Readonly<Record<PortfolioStatus, readonly PortfolioStatus[]>> = {
  draft: ['submitted'],
  submitted: ['in_assessment'],
  in_assessment: ['judged'],
  judged: ['interview_planned'],
  // Cancelling the booked interview goes back to planning.
  interview_planned: ['judged', 'interview_held'],
  interview_held: ['decided'],
  decided: [],
};

export const dossierNotFound = () => new DomainError('not_found', 'DOSSIER_NOT_FOUND', bilingual('Dossier niet gevonden', 'Dossier not found'));

/** 409 unless the dossier is in one of `allowed`; `code` names what was attempted. */
export function requireStatus(portfolio: PortfolioEntity, allowed: readonly PortfolioStatus[], code: string, nl: string, en: string): void {
  if (!allowed.includes(portfolio.status)) {
    throw new DomainError('conflict', code, bilingual(nl, en), { status: portfolio.status, allowedStatuses: allowed });
  }
}

export interface ActorContext {
  actorId: string;
  requestId?: string;
}

/**
 * What every step on a submitted dossier shares: locking it, checking and making a status
 * transition (audited), finding an assessor's assignment and the frozen submission.
 */
@Injectable()
export class DossierService {
  constructor(
    readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly rulebooks: RulebookCatalog,
  ) {}

  /** Locks the dossier for the rest of the transaction; steps on one dossier run one at a time. */
  async lock(m: EntityManager, portfolioId: string): Promise<PortfolioEntity> {
    const portfolio = await m.createQueryBuilder(PortfolioEntity, 'p').setLock('pessimistic_write').where('p.id = :portfolioId', { portfolioId }).getOne();
    if (!portfolio || portfolio.status === 'draft') throw dossierNotFound();
    return portfolio;
  }

  async transition(m: EntityManager, portfolio: PortfolioEntity, to: PortfolioStatus, actor: ActorContext, data: Record<string, unknown> = {}): Promise<void> {
    if (!TRANSITIONS[portfolio.status].includes(to)) {
      throw new DomainError('conflict', 'ILLEGAL_TRANSITION', bilingual('Deze stap past niet bij de fase van het dossier', 'This step does not fit the stage of the dossier'), { status: portfolio.status, to });
    }
    const now = this.clock.now();
    const updated = await m.update(PortfolioEntity, { id: portfolio.id, status: portfolio.status }, { status: to, updatedAt: now });
    if (updated.affected !== 1) throw new Error('dossier changed while locked');
    await this.audit.record({ actorId: actor.actorId, action: 'dossier.status_changed', subjectType: 'portfolio', subjectId: portfolio.id, requestId: actor.requestId, data: { before: portfolio.status, after: to, ...data } }, m);
    portfolio.status = to;
  }

  activeAssignments(m: EntityManager, portfolioId: string): Promise<AssignmentEntity[]> {
    return m.find(AssignmentEntity, { where: { portfolioId, status: 'active' }, order: { assignedAt: 'ASC', id: 'ASC' } });
  }

  /**
   * The assessor's active assignment on this dossier. Anyone else gets 404: an unassigned
   * assessor learns nothing, not even that the dossier exists.
   */
  async assignment(m: EntityManager, portfolioId: string, assessorId: string, opts: { independent: boolean }): Promise<AssignmentEntity> {
    const a = await m.findOneBy(AssignmentEntity, { portfolioId, assessorId, status: 'active' });
    if (!a) throw dossierNotFound();
    if (opts.independent && a.independenceDeclaredAt === null) {
      throw new DomainError('forbidden', 'INDEPENDENCE_NOT_DECLARED', bilingual('Verklaar eerst je onafhankelijkheid voor dit dossier', 'Declare your independence for this dossier first'));
    }
    return a;
  }

  async submission(m: EntityManager, portfolioId: string): Promise<SubmissionEntity> {
    return m.findOneByOrFail(SubmissionEntity, { portfolioId });
  }

  rulebook(submission: SubmissionEntity): Rulebook {
    return this.rulebooks.get(submission.rulebookVersion);
  }

  /** What the assessors judge for this dossier, from its frozen document and rulebook version. */
  criteria(submission: SubmissionEntity): ScoreableCriterion[] {
    return scoreableCriteria(submission.document as unknown as PortfolioDocument, this.rulebook(submission));
  }

  record(m: EntityManager, portfolioId: string, action: string, actor: ActorContext, data: Record<string, unknown> = {}): Promise<void> {
    return this.audit.record({ actorId: actor.actorId, action, subjectType: 'portfolio', subjectId: portfolioId, requestId: actor.requestId, data }, m);
  }

  now(): Date {
    return this.clock.now();
  }
}
