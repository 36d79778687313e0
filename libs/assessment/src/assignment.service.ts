import { Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { DeclaredRelationEntity } from '../../accounts/src/declared-relation.entity';
import { UserEntity } from '../../accounts/src/user.entity';
import { bilingual } from '../../platform/src/bilingual';
import { DomainError } from '../../platform/src/domain-error';
import { NotificationService } from '../../notifications/src/notification.service';
import { PortfolioEntity, type PortfolioStatus } from '../../portfolio/src/portfolio.entities';
import { AssignmentEntity, ScoringEntity } from './assessment.entities';
import { DossierService, dossierNotFound, requireStatus, type ActorContext } from './dossier.service';
import { decodeCursor, encodeCursor, PAGE_KEY_SQL, pageSize, type PageKey, type PageRequest } from '../../platform/src/page-cursor';

/** The stages of a dossier for people, in Dutch (the authority) and English. */
export const STAGE_LABELS: Readonly<Record<PortfolioStatus, { nl: string; en: string }>> = {
  draft: { nl: 'Concept', en: 'Draft' },
  submitted: { nl: 'Ingediend', en: 'Submitted' },
  in_assessment: { nl: 'In beoordeling', en: 'In assessment' },
  judged: { nl: 'Gezamenlijk oordeel vastgesteld', en: 'Joint judgement agreed' },
  interview_planned: { nl: 'Gesprek gepland', en: 'Interview planned' },
  interview_held: { nl: 'Gesprek gehouden', en: 'Interview held' },
  decided: { nl: 'Besloten', en: 'Decided' },
};

export type ConflictReason = 'CANDIDATE_THEMSELF' | 'SAME_ORGANISATION' | 'DECLARED_RELATION';

export const SCORING_STATES = ['not_started', 'in_progress', 'submitted'] as const;
export type ScoringState = (typeof SCORING_STATES)[number];

/** How far an assessor's own scoring is, without its content (the office's view). */
export interface ScoringProgress {
  state: ScoringState;
  /** not_started: since the assignment; in_progress: since the first change; submitted: since submitting. */
  since: string;
}

export function scoringProgress(a: Pick<AssignmentEntity, 'assignedAt'>, s: Pick<ScoringEntity, 'startedAt' | 'submittedAt'> | null | undefined): ScoringProgress {
  if (s?.submittedAt) return { state: 'submitted', since: s.submittedAt.toISOString() };
  if (s?.startedAt) return { state: 'in_progress', since: s.startedAt.toISOString() };
  return { state: 'not_started', since: a.assignedAt.toISOString() };
}

export interface AssignmentView {
  id: string;
  assessorId: string;
  assessorName: string;
  status: AssignmentEntity['status'];
  assignedAt: string;
  independenceDeclaredAt: string | null;
  declinedAt: string | null;
  declineReason: string | null;
  /**
   * Progress of this assessor's own scoring; null when hidden: from an admin who is an active
   * assessor of the dossier and has not submitted their own scoring yet (blind, ADR 0008/0014).
   */
  scoring: ScoringProgress | null;
}

/** An active assessor of a dossier in the office's list. */
export interface DossierAssessor {
  assessorId: string;
  assessorName: string;
  scoring: ScoringProgress | null;
}

export interface DossierSummary {
  portfolioId: string;
  candidateId: string;
  candidateName: string;
  status: PortfolioStatus;
  /** The stage for people. */
  stage: { nl: string; en: string };
  submittedAt: string | null;
  activeAssessors: number;
  /** The active assessors with their scoring progress (compact; never any content). */
  assessors: DossierAssessor[];
}

/** What an assessor sees of a dossier assigned to them. */
export interface AssessorDossier {
  portfolioId: string;
  status: PortfolioStatus;
  /** The stage for people. */
  stage: { nl: string; en: string };
  /** Shown before independence is declared, so the assessor can judge whether they are independent. */
  candidate: { name: string; organisation: string | null };
  submittedAt: string | null;
  assignedAt: string;
  independenceDeclaredAt: string | null;
  ownScoringSubmittedAt: string | null;
}

/** The office's stages of a dossier (the portal's dashboard); `waiting`: for a first or second assessor. */
export const DOSSIER_STAGES = ['waiting', 'assessment', 'interview', 'decision', 'decided'] as const;
export type DossierStage = (typeof DOSSIER_STAGES)[number];

const ACTIVE_COUNT = `(SELECT count(*) FROM assignments a WHERE a.portfolio_id = p.id AND a.status = 'active')`;

/** Each stage as a condition on `portfolios p` (served by uq_assignments_active for the count). */
const STAGE_SQL: Readonly<Record<DossierStage, string>> = {
  waiting: `(p.status = 'submitted' OR (p.status = 'in_assessment' AND ${ACTIVE_COUNT} < 2))`,
  assessment: `(p.status = 'in_assessment' AND ${ACTIVE_COUNT} >= 2)`,
  interview: `p.status IN ('judged', 'interview_planned')`,
  decision: `p.status = 'interview_held'`,
  decided: `p.status = 'decided'`,
};

export interface DossierFilter extends PageRequest {
  waiting?: boolean;
  status?: PortfolioStatus | undefined;
  stage?: DossierStage | undefined;
  portfolioId?: string;
}

/** One page of the office's dossier list. */
export interface DossierPage {
  dossiers: DossierSummary[];
  /** Send as `cursor` for the next page; null on the last page. */
  nextCursor: string | null;
  /** Dossiers per stage (all of them, not only this page); on the first page only, else null. */
  stageCounts: Record<DossierStage, number> | null;
}

/** One page of an assessor's own dossiers. */
export interface AssessorDossierPage {
  dossiers: AssessorDossier[];
  nextCursor: string | null;
}

export interface EligibleAssessor {
  id: string;
  displayName: string;
  role: string;
  organisation: string | null;
  conflicts: ConflictReason[];
  assigned: boolean;
  /** Declined this dossier earlier; cannot be assigned to it again. */
  declined: boolean;
}

const normalise = (s: string | null | undefined): string | null => {
  const n = (s ?? '').normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();
  return n === '' ? null : n;
};

/** Whether `relation` (declared by someone) points at `person`: their account, name or organisation. */
function relationNames(relation: DeclaredRelationEntity, person: UserEntity): boolean {
  if (relation.relatedUserId === person.id) return true;
  const name = normalise(relation.relatedName);
  const org = normalise(relation.relatedOrganisation);
  const personOrg = normalise(person.organisation);
  return (name !== null && name === normalise(person.displayName)) || (personOrg !== null && (org === personOrg || name === personOrg));
}

/**
 * Conflicts of interest between an assessor and a candidate: the same person, the same
 * organisation, or a relation either of them declared (naming the other's account, name or
 * organisation).
 */
export function conflictsOfInterest(assessor: UserEntity, candidate: UserEntity, relations: readonly DeclaredRelationEntity[]): ConflictReason[] {
  const reasons: ConflictReason[] = [];
  if (assessor.id === candidate.id) reasons.push('CANDIDATE_THEMSELF');
  const org = normalise(assessor.organisation);
  if (org !== null && org === normalise(candidate.organisation)) reasons.push('SAME_ORGANISATION');
  const declared = relations.some((r) => (r.userId === assessor.id && relationNames(r, candidate)) || (r.userId === candidate.id && relationNames(r, assessor)));
  if (declared) reasons.push('DECLARED_RELATION');
  return reasons;
}

/**
 * Whether the viewer is an active assessor of the dossier whose own scoring is not submitted:
 * then nothing of the others' scoring may show, not even its progress (blind).
 */
function blindFor(active: AssignmentEntity[], scorings: ScoringEntity[], viewerId: string | undefined): boolean {
  if (!viewerId) return false;
  const own = active.find((a) => a.assessorId === viewerId);
  if (!own) return false;
  return !scorings.find((s) => s.assignmentId === own.id)?.submittedAt;
}

export const ASSIGNABLE: readonly PortfolioStatus[] = ['submitted', 'in_assessment'];

/** The certification office assigns two assessors per dossier; assessors declare independence or decline. */
@Injectable()
export class AssignmentService {
  constructor(
    private readonly dossiers: DossierService,
    private readonly notifications: NotificationService,
  ) {}

  private get m(): EntityManager {
    return this.dossiers.dataSource.manager;
  }

  /**
   * The office's dossier list (ADR 0027): one page of submitted dossiers, longest waiting first
   * (submitted_at, then id), filtered in SQL; a second query fetches the active assessors of the
   * page's dossiers with their scoring progress; on the first page a third counts the dossiers per
   * stage. `portfolioId` narrows it to one dossier (the detail view).
   */
  async list(filter: DossierFilter, viewerId?: string): Promise<DossierPage> {
    const limit = pageSize(filter.limit);
    const after = decodeCursor(filter.cursor);
    const params: unknown[] = [];
    const p = (v: unknown) => {
      params.push(v);
      return `$${params.length}`;
    };
    const where = [`p.status <> 'draft'`];
    if (filter.status) where.push(`p.status = ${p(filter.status)}`);
    if (filter.portfolioId) where.push(`p.id = ${p(filter.portfolioId)}`);
    if (filter.waiting) where.push(STAGE_SQL.waiting);
    if (filter.stage) where.push(STAGE_SQL[filter.stage]);
    if (after) where.push(`(p.submitted_at, p.id) > (${p(after.at)}::timestamptz, ${p(after.id)}::uuid)`);
    const rows: Array<{ portfolioId: string; candidateId: string; candidateName: string; status: PortfolioStatus; submittedAt: Date | null; key: string }> = await this.m.query(
      `SELECT p.id AS "portfolioId", p.candidate_id AS "candidateId", u.display_name AS "candidateName", p.status, p.submitted_at AS "submittedAt", ${PAGE_KEY_SQL('p.submitted_at')} AS key
         FROM portfolios p JOIN users u ON u.id = p.candidate_id
        WHERE ${where.join(' AND ')}
        ORDER BY p.submitted_at, p.id
        LIMIT ${p(limit + 1)}`,
      params,
    );
    const page = rows.slice(0, limit);
    const active: Array<{ id: string; portfolioId: string; assessorId: string; assessorName: string; assignedAt: Date; startedAt: Date | null; submittedAt: Date | null }> =
      page.length === 0
        ? []
        : await this.m.query(
            // Per dossier of the page (LATERAL, OFFSET 0 keeps it so: an index lookup each, whatever the table's size).
            `SELECT a.id, a.portfolio_id AS "portfolioId", a.assessor_id AS "assessorId", u.display_name AS "assessorName", a.assigned_at AS "assignedAt", s.started_at AS "startedAt", s.submitted_at AS "submittedAt"
               FROM unnest($1::uuid[]) AS d(id)
               CROSS JOIN LATERAL (SELECT * FROM assignments a WHERE a.portfolio_id = d.id AND a.status = 'active' OFFSET 0) a
               JOIN users u ON u.id = a.assessor_id
               LEFT JOIN LATERAL (SELECT s.started_at, s.submitted_at FROM scorings s WHERE s.assignment_id = a.id LIMIT 1) s ON true
              ORDER BY a.assigned_at, a.id`,
            [page.map((r) => r.portfolioId)],
          );
    const dossiers = page.map((r): DossierSummary => {
      const mine = active.filter((a) => a.portfolioId === r.portfolioId);
      const own = viewerId ? mine.find((a) => a.assessorId === viewerId) : undefined;
      // Blind (ADR 0008/0014): an admin assessing this dossier sees no other progress before submitting.
      const hidden = own !== undefined && !own.submittedAt;
      return {
        portfolioId: r.portfolioId,
        candidateId: r.candidateId,
        candidateName: r.candidateName,
        status: r.status,
        stage: STAGE_LABELS[r.status],
        submittedAt: r.submittedAt ? new Date(r.submittedAt).toISOString() : null,
        activeAssessors: mine.length,
        assessors: mine.map((a) => ({ assessorId: a.assessorId, assessorName: a.assessorName, scoring: hidden && a.assessorId !== viewerId ? null : scoringProgress(a, a) })),
      };
    });
    const last = page[page.length - 1];
    return {
      dossiers,
      nextCursor: rows.length > limit && last ? encodeCursor({ at: last.key, id: last.portfolioId }) : null,
      stageCounts: after || filter.portfolioId ? null : await this.stageCounts(),
    };
  }

  /** How many submitted dossiers are in each stage of the office (an index-only count). */
  async stageCounts(): Promise<Record<DossierStage, number>> {
    const rows: Array<{ stage: DossierStage; n: number }> = await this.m.query(
      `SELECT CASE
                WHEN p.status = 'submitted' THEN 'waiting'
                WHEN p.status = 'in_assessment' THEN CASE WHEN ${ACTIVE_COUNT} < 2 THEN 'waiting' ELSE 'assessment' END
                WHEN p.status IN ('judged', 'interview_planned') THEN 'interview'
                WHEN p.status = 'interview_held' THEN 'decision'
                ELSE 'decided'
              END AS stage, count(*)::int AS n
         FROM portfolios p
        WHERE p.status <> 'draft'
        GROUP BY 1`,
    );
    const counts = Object.fromEntries(DOSSIER_STAGES.map((s) => [s, 0])) as Record<DossierStage, number>;
    for (const r of rows) counts[r.stage] = r.n;
    return counts;
  }

  /** Every assignment of the dossier (declined ones too), with scoring progress hidden as `viewerId` must not see it. */
  async assignments(portfolioId: string, m: EntityManager = this.m, viewerId?: string): Promise<AssignmentView[]> {
    const rows = await m.find(AssignmentEntity, { where: { portfolioId }, order: { assignedAt: 'ASC', id: 'ASC' }, relations: { assessor: true } });
    const scorings = rows.length === 0 ? [] : await m.find(ScoringEntity, { where: { assignmentId: In(rows.map((a) => a.id)) } });
    const hidden = blindFor(rows.filter((a) => a.status === 'active'), scorings, viewerId);
    return rows.map((a) => ({
      id: a.id,
      assessorId: a.assessorId,
      assessorName: a.assessor?.displayName ?? '',
      status: a.status,
      assignedAt: a.assignedAt.toISOString(),
      independenceDeclaredAt: a.independenceDeclaredAt?.toISOString() ?? null,
      declinedAt: a.declinedAt?.toISOString() ?? null,
      declineReason: a.declineReason,
      scoring: hidden && a.assessorId !== viewerId ? null : scoringProgress(a, scorings.find((s) => s.assignmentId === a.id)),
    }));
  }

  /**
   * The assessor's own active dossiers, one page in the order they were assigned (ADR 0027), in one
   * query. Says nothing about the co-assessor's progress (blind).
   */
  async mine(assessorId: string, paging: PageRequest = {}): Promise<AssessorDossierPage> {
    const limit = pageSize(paging.limit);
    const after = decodeCursor(paging.cursor);
    const rows = await this.assessorDossiers(assessorId, { after, limit: limit + 1 });
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return { dossiers: page.map((r) => r.dossier), nextCursor: rows.length > limit && last ? encodeCursor({ at: last.key, id: last.assignmentId }) : null };
  }

  async forAssessor(portfolioId: string, assessorId: string): Promise<AssessorDossier> {
    const [row] = await this.assessorDossiers(assessorId, { portfolioId, limit: 1 });
    if (!row) throw dossierNotFound();
    return row.dossier;
  }

  private async assessorDossiers(assessorId: string, o: { after?: PageKey | null; portfolioId?: string; limit: number }): Promise<Array<{ dossier: AssessorDossier; key: string; assignmentId: string }>> {
    const params: unknown[] = [assessorId];
    const where = [`a.assessor_id = $1`, `a.status = 'active'`];
    if (o.portfolioId) where.push(`a.portfolio_id = $${params.push(o.portfolioId)}`);
    if (o.after) where.push(`(a.assigned_at, a.id) > ($${params.push(o.after.at)}::timestamptz, $${params.push(o.after.id)}::uuid)`);
    const rows: Array<{
      assignmentId: string;
      portfolioId: string;
      status: PortfolioStatus;
      candidateName: string;
      organisation: string | null;
      submittedAt: Date | null;
      assignedAt: Date;
      independenceDeclaredAt: Date | null;
      ownScoringSubmittedAt: Date | null;
      key: string;
    }> = await this.m.query(
      `SELECT a.id AS "assignmentId", a.portfolio_id AS "portfolioId", p.status, u.display_name AS "candidateName", u.organisation, p.submitted_at AS "submittedAt",
              a.assigned_at AS "assignedAt", a.independence_declared_at AS "independenceDeclaredAt", s.submitted_at AS "ownScoringSubmittedAt", ${PAGE_KEY_SQL('a.assigned_at')} AS key
         FROM assignments a
         JOIN portfolios p ON p.id = a.portfolio_id
         JOIN users u ON u.id = p.candidate_id
         LEFT JOIN LATERAL (SELECT s.submitted_at FROM scorings s WHERE s.assignment_id = a.id LIMIT 1) s ON true
        WHERE ${where.join(' AND ')}
        ORDER BY a.assigned_at, a.id
        LIMIT $${params.push(o.limit)}`,
      params,
    );
    const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);
    return rows.map((r) => ({
      key: r.key,
      assignmentId: r.assignmentId,
      dossier: {
        portfolioId: r.portfolioId,
        status: r.status,
        stage: STAGE_LABELS[r.status],
        candidate: { name: r.candidateName, organisation: r.organisation },
        submittedAt: iso(r.submittedAt),
        assignedAt: new Date(r.assignedAt).toISOString(),
        independenceDeclaredAt: iso(r.independenceDeclaredAt),
        ownScoringSubmittedAt: iso(r.ownScoringSubmittedAt),
      },
    }));
  }

  /** Every assessor (and admin) with the conflicts they would have on this dossier. */
  async eligible(portfolioId: string): Promise<EligibleAssessor[]> {
    const portfolio = await this.m.findOneBy(PortfolioEntity, { id: portfolioId });
    if (!portfolio || portfolio.status === 'draft') throw dossierNotFound();
    const candidate = await this.m.findOneByOrFail(UserEntity, { id: portfolio.candidateId });
    const people = await this.m.find(UserEntity, { where: { role: In(['assessor', 'admin']), active: true }, order: { displayName: 'ASC' } });
    const relations = await this.relationsOf(this.m, [candidate.id, ...people.map((p) => p.id)]);
    const all = await this.m.find(AssignmentEntity, { where: { portfolioId } });
    const has = (id: string, status: AssignmentEntity['status']) => all.some((a) => a.assessorId === id && a.status === status);
    return people.map((p) => ({ id: p.id, displayName: p.displayName, role: p.role, organisation: p.organisation, conflicts: conflictsOfInterest(p, candidate, relations), assigned: has(p.id, 'active'), declined: has(p.id, 'declined') }));
  }

  private relationsOf(m: EntityManager, userIds: string[]): Promise<DeclaredRelationEntity[]> {
    return m.find(DeclaredRelationEntity, { where: [{ userId: In(userIds) }] });
  }

  /** Conflicts between `person` and the candidate of `portfolio` (also used for the decider). */
  async conflicts(m: EntityManager, person: UserEntity, candidateId: string): Promise<ConflictReason[]> {
    const candidate = await m.findOneByOrFail(UserEntity, { id: candidateId });
    return conflictsOfInterest(person, candidate, await this.relationsOf(m, [person.id, candidate.id]));
  }

  async assign(portfolioId: string, assessorId: string, actor: ActorContext): Promise<AssignmentView[]> {
    return this.dossiers.dataSource.transaction(async (m) => {
      const portfolio = await this.dossiers.lock(m, portfolioId);
      requireStatus(portfolio, ASSIGNABLE, 'DOSSIER_NOT_ASSIGNABLE', 'Aan dit dossier worden geen assessoren meer toegewezen', 'Assessors are no longer assigned to this dossier');
      const assessor = await m.findOneBy(UserEntity, { id: assessorId });
      if (!assessor || !assessor.active || (assessor.role !== 'assessor' && assessor.role !== 'admin')) {
        throw new DomainError('unprocessable', 'NOT_AN_ASSESSOR', bilingual('Dit account kan geen assessor zijn', 'This account cannot be an assessor'), { assessorId });
      }
      const all = await m.find(AssignmentEntity, { where: { portfolioId } });
      const active = all.filter((a) => a.status === 'active');
      if (active.some((a) => a.assessorId === assessorId)) {
        throw new DomainError('conflict', 'ALREADY_ASSIGNED', bilingual('Deze assessor is al aan dit dossier toegewezen', 'This assessor is already assigned to this dossier'));
      }
      if (all.some((a) => a.assessorId === assessorId && a.status === 'declined')) {
        throw new DomainError('conflict', 'ASSESSOR_DECLINED', bilingual('Deze assessor heeft dit dossier afgewezen', 'This assessor declined this dossier'));
      }
      if (active.length >= 2) {
        throw new DomainError('conflict', 'ASSESSORS_COMPLETE', bilingual('Dit dossier heeft al twee assessoren', 'This dossier already has two assessors'));
      }
      const reasons = await this.conflicts(m, assessor, portfolio.candidateId);
      if (reasons.length > 0) {
        throw new DomainError('conflict', 'CONFLICT_OF_INTEREST', bilingual('Deze assessor heeft een belangenconflict met de kandidaat', 'This assessor has a conflict of interest with the candidate'), { reasons });
      }
      const assignedAt = this.dossiers.now();
      const inserted = await m.insert(AssignmentEntity, { portfolioId, assessorId, status: 'active', assignedAt, assignedBy: actor.actorId, independenceDeclaredAt: null, declinedAt: null, declineReason: null });
      const id = (inserted.identifiers[0] as { id: string }).id;
      await this.dossiers.record(m, portfolioId, 'assignment.created', actor, { portfolioId, assignmentId: id, assessorId });
      await this.notifications.assessorAssigned(m, { portfolioId, assessorId, assignmentId: id, assignedAt });
      if (active.length + 1 === 2 && portfolio.status === 'submitted') await this.dossiers.transition(m, portfolio, 'in_assessment', actor);
      return this.assignments(portfolioId, m, actor.actorId);
    });
  }

  async declareIndependence(portfolioId: string, assessorId: string, statement: string | null, actor: ActorContext): Promise<AssignmentView> {
    return this.dossiers.dataSource.transaction(async (m) => {
      await this.dossiers.lock(m, portfolioId);
      const a = await this.dossiers.assignment(m, portfolioId, assessorId, { independent: false });
      if (a.independenceDeclaredAt === null) {
        const now = this.dossiers.now();
        await m.update(AssignmentEntity, { id: a.id }, { independenceDeclaredAt: now });
        // The scoring exists from here on, so it always has a version to send in If-Match.
        await m.insert(ScoringEntity, { assignmentId: a.id, portfolioId, assessorId, scores: {}, version: 1, updatedAt: now, submittedAt: null });
        await this.dossiers.record(m, portfolioId, 'assignment.independence_declared', actor, { portfolioId, assignmentId: a.id, statement });
      }
      return (await this.assignments(portfolioId, m, assessorId)).find((v) => v.id === a.id)!;
    });
  }

  async decline(portfolioId: string, assessorId: string, reason: string, actor: ActorContext): Promise<AssignmentView> {
    return this.dossiers.dataSource.transaction(async (m) => {
      const portfolio = await this.dossiers.lock(m, portfolioId);
      const a = await this.dossiers.assignment(m, portfolioId, assessorId, { independent: false });
      requireStatus(portfolio, ASSIGNABLE, 'DECLINE_NOT_ALLOWED', 'Na het gezamenlijk oordeel kun je een dossier niet meer afwijzen', 'A dossier can no longer be declined after the joint judgement');
      const scoring = await m.findOneBy(ScoringEntity, { assignmentId: a.id });
      if (scoring?.submittedAt) {
        throw new DomainError('conflict', 'SCORING_ALREADY_SUBMITTED', bilingual('Je hebt je beoordeling al ingediend; afwijzen kan niet meer', 'You have submitted your scoring; you can no longer decline'));
      }
      const now = this.dossiers.now();
      await m.update(AssignmentEntity, { id: a.id }, { status: 'declined', declinedAt: now, declineReason: reason });
      await this.dossiers.record(m, portfolioId, 'assignment.declined', actor, { portfolioId, assignmentId: a.id, reason, before: 'active', after: 'declined' });
      await this.notifications.assessorDeclined(m, { portfolioId, assessorId, reason });
      return (await this.assignments(portfolioId, m, assessorId)).find((v) => v.id === a.id)!;
    });
  }
}
