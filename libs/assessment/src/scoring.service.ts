import { Injectable } from '@nestjs/common';
import type { ScoreableCriterion } from '@rlp/rulebook';
import { EntityManager } from 'typeorm';
import { bilingual, bothLanguages } from '../../platform/src/bilingual';
import { DomainError } from '../../platform/src/domain-error';
import { NotificationService } from '../../notifications/src/notification.service';
import { AssignmentEntity, ScoringEntity } from './assessment.entities';
import { DossierService, requireStatus, type ActorContext } from './dossier.service';
import { buildAgenda, compareScorings, completenessProblems, parseScores, type AgendaItem, type CriterionComparison, type CriterionScore, type Problem } from './judgement';
import { canonicalJson } from '../../portfolio/src/sections';
import { etagOf, ifMatchVersion, stale } from './versioned';
import { ASSIGNABLE } from './assignment.service';

export interface CriterionVersion {
  version: number;
  /** `"criterion.<version>"`: the If-Match of `PUT …/scoring/criteria/<code>`. */
  etag: string;
}

export interface ScoringView {
  /** The whole scoring's version: every save (of the map or of one criterion) raises it. */
  version: number;
  /** `"scoring.<version>"`: the If-Match of the whole-map save and of submit. */
  etag: string;
  /** Per scoreable criterion: the scoring's version at which it last changed (0: never). */
  criterionVersions: Record<string, CriterionVersion>;
  submittedAt: string | null;
  scores: Record<string, CriterionScore>;
  criteria: ScoreableCriterion[];
  /** What still stops submitting: criteria without a verdict or without a needed motivation. */
  missing: Problem[];
}

export interface ScoringsComparison {
  own: { submittedAt: string; scores: Record<string, CriterionScore> };
  /** Null while the co-assessor has not submitted. */
  other: { assessorName: string; submittedAt: string; scores: Record<string, CriterionScore> } | null;
  comparison: CriterionComparison[] | null;
  agenda: AgendaItem[] | null;
}

/** Problems shown in a view carry their text in both languages as separate fields too. */
export function withText(problems: Problem[]): Problem[] {
  return problems.map((p) => ({ ...p, text: bothLanguages(p.message) }));
}

export function unscoreable(problems: Problem[]): DomainError {
  const criterion = problems.find((p) => p.code === 'CRITERION_NOT_SCORED' || p.code === 'CRITERION_NOT_SCOREABLE');
  if (criterion) {
    return new DomainError('unprocessable', criterion.code, criterion.message, { problems });
  }
  return new DomainError('validation', 'INVALID_SCORES', bilingual('De beoordeling bevat ongeldige waarden', 'The scoring contains invalid values'), { problems });
}

/** Each assessor's own, blind scoring: drafts with If-Match, then a final submit. */
@Injectable()
export class ScoringService {
  constructor(
    private readonly dossiers: DossierService,
    private readonly notifications: NotificationService,
  ) {}

  private view(row: ScoringEntity, criteria: ScoreableCriterion[]): ScoringView {
    const versions = row.criterionVersions ?? {};
    return {
      version: row.version,
      etag: etagOf('scoring', row.version),
      criterionVersions: Object.fromEntries(criteria.map((c) => [c.code, { version: versions[c.code] ?? 0, etag: etagOf('criterion', versions[c.code] ?? 0) }])),
      submittedAt: row.submittedAt?.toISOString() ?? null,
      scores: row.scores,
      criteria,
      missing: withText(completenessProblems(row.scores, criteria)),
    };
  }

  private async own(m: EntityManager, portfolioId: string, assessorId: string, lock: boolean): Promise<{ assignment: AssignmentEntity; row: ScoringEntity; criteria: ScoreableCriterion[] }> {
    const assignment = await this.dossiers.assignment(m, portfolioId, assessorId, { independent: true });
    const q = m.createQueryBuilder(ScoringEntity, 's').where('s.assignment_id = :id', { id: assignment.id });
    if (lock) q.setLock('pessimistic_write');
    const row = await q.getOneOrFail();
    const criteria = this.dossiers.criteria(await this.dossiers.submission(m, portfolioId));
    return { assignment, row, criteria };
  }

  /**
   * Locks the dossier and the own draft; refuses a submitted scoring, a closed stage or a stale
   * If-Match (of the whole scoring, or with `kind` 'criterion' only parsed: the caller compares).
   */
  private async openDraft(m: EntityManager, portfolioId: string, assessorId: string, ifMatch: string | undefined, kind: 'scoring' | 'criterion' = 'scoring') {
    const portfolio = await this.dossiers.lock(m, portfolioId);
    const own = await this.own(m, portfolioId, assessorId, true);
    // Access first: whoever may not see the dossier learns nothing from the precondition.
    const expected = ifMatchVersion(kind, ifMatch);
    if (own.row.submittedAt) throw submittedAlready();
    requireStatus(portfolio, ASSIGNABLE, 'SCORING_CLOSED', 'Het beoordelen van dit dossier is afgesloten', 'Scoring of this dossier is closed');
    if (kind === 'scoring' && own.row.version !== expected) throw stale('scoring', own.row.version);
    return { ...own, expected };
  }

  /** Writes new scores: the scoring's version + 1, which becomes the version of each changed criterion; audited. */
  private async write(m: EntityManager, portfolioId: string, row: ScoringEntity, scores: Record<string, CriterionScore>, changed: string[], actor: ActorContext, criterion?: string): Promise<ScoringEntity> {
    const before = row.scores;
    const now = this.dossiers.now();
    const version = row.version + 1;
    const startedAt = row.startedAt ?? now;
    const criterionVersions = { ...(row.criterionVersions ?? {}), ...Object.fromEntries(changed.map((k) => [k, version])) };
    await m.update(ScoringEntity, { assignmentId: row.assignmentId, version: row.version }, { scores: scores as never, version, criterionVersions: criterionVersions as never, updatedAt: now, startedAt });
    await this.dossiers.record(m, portfolioId, 'scoring.saved', actor, {
      portfolioId,
      assignmentId: row.assignmentId,
      version,
      ...(criterion === undefined ? {} : { criterion }),
      before: Object.fromEntries(changed.map((k) => [k, before[k] ?? null])),
      after: Object.fromEntries(changed.map((k) => [k, scores[k] ?? null])),
    });
    return { ...row, scores, version, criterionVersions, updatedAt: now, startedAt };
  }

  async get(portfolioId: string, assessorId: string): Promise<ScoringView> {
    const { row, criteria } = await this.own(this.dossiers.dataSource.manager, portfolioId, assessorId, false);
    return this.view(row, criteria);
  }

  async save(portfolioId: string, assessorId: string, ifMatch: string | undefined, body: unknown, actor: ActorContext): Promise<ScoringView> {
    return this.dossiers.dataSource.transaction(async (m) => {
      const { row, criteria } = await this.openDraft(m, portfolioId, assessorId, ifMatch);
      const submission = await this.dossiers.submission(m, portfolioId);
      const { scores, problems } = parseScores(body, criteria, this.dossiers.rulebook(submission));
      if (problems.length > 0) throw unscoreable(problems);
      const before = row.scores;
      // Compared canonically: jsonb gives keys back in its own order.
      const changed = [...new Set([...Object.keys(before), ...Object.keys(scores)])].filter((k) => canonicalJson(before[k] ?? null) !== canonicalJson(scores[k] ?? null));
      if (changed.length === 0) return this.view(row, criteria);
      return this.view(await this.write(m, portfolioId, row, scores, changed, actor), criteria);
    });
  }

  /**
   * Saves one criterion `{ verdict, motivation?, questions? }` with If-Match on that criterion's own
   * version: another tab's save of a different criterion is no conflict (ADR 0014 §3).
   */
  async saveCriterion(portfolioId: string, assessorId: string, criterion: string, ifMatch: string | undefined, body: unknown, actor: ActorContext): Promise<ScoringView> {
    return this.dossiers.dataSource.transaction(async (m) => {
      const { row, criteria, expected } = await this.openDraft(m, portfolioId, assessorId, ifMatch, 'criterion');
      const submission = await this.dossiers.submission(m, portfolioId);
      const { scores: parsed, problems } = parseScores({ [criterion]: body }, criteria, this.dossiers.rulebook(submission));
      if (problems.length > 0) throw unscoreable(problems);
      const current = row.criterionVersions?.[criterion] ?? 0;
      if (current !== expected) throw stale('criterion', current);
      const score = parsed[criterion]!;
      if (canonicalJson(row.scores[criterion] ?? null) === canonicalJson(score)) return this.view(row, criteria);
      return this.view(await this.write(m, portfolioId, row, { ...row.scores, [criterion]: score }, [criterion], actor, criterion), criteria);
    });
  }

  /** Final: from here on the database refuses any change to this scoring. */
  async submit(portfolioId: string, assessorId: string, ifMatch: string | undefined, actor: ActorContext): Promise<ScoringView> {
    return this.dossiers.dataSource.transaction(async (m) => {
      const { row, criteria } = await this.openDraft(m, portfolioId, assessorId, ifMatch);
      const missing = completenessProblems(row.scores, criteria);
      if (missing.length > 0) {
        throw new DomainError('unprocessable', 'SCORING_INCOMPLETE', bilingual('De beoordeling is nog niet compleet', 'The scoring is not complete yet'), { problems: missing });
      }
      const now = this.dossiers.now();
      await m.update(ScoringEntity, { assignmentId: row.assignmentId }, { submittedAt: now });
      await this.dossiers.record(m, portfolioId, 'scoring.submitted', actor, { portfolioId, assignmentId: row.assignmentId, version: row.version, scores: row.scores });
      await this.notifications.scoringSubmitted(m, { portfolioId, assessorId, assignmentId: row.assignmentId });
      return this.view({ ...row, submittedAt: now }, criteria);
    });
  }

  /** Both submitted scorings of the dossier's active assessors, or null while one is missing. */
  async both(m: EntityManager, portfolioId: string): Promise<[ScoringEntity, ScoringEntity] | null> {
    const active = await this.dossiers.activeAssignments(m, portfolioId);
    if (active.length !== 2) return null;
    const rows = await Promise.all(active.map((a) => m.findOneBy(ScoringEntity, { assignmentId: a.id })));
    const [a, b] = rows;
    if (!a?.submittedAt || !b?.submittedAt) return null;
    return [a, b];
  }

  /**
   * Blind until the own scoring is in: before that the answer is the same whatever the
   * co-assessor did, so it reveals neither their scores nor whether they have submitted.
   */
  async comparison(portfolioId: string, assessorId: string): Promise<ScoringsComparison> {
    const m = this.dossiers.dataSource.manager;
    const { row, criteria } = await this.own(m, portfolioId, assessorId, false);
    if (!row.submittedAt) throw ownNotSubmitted();
    const own = { submittedAt: row.submittedAt.toISOString(), scores: row.scores };
    const pair = await this.both(m, portfolioId);
    if (!pair) return { own, other: null, comparison: null, agenda: null };
    const other = pair.find((s) => s.assessorId !== assessorId)!;
    const otherAssignment = await m.findOneOrFail(AssignmentEntity, { where: { id: other.assignmentId }, relations: { assessor: true } });
    return {
      own,
      other: { assessorName: otherAssignment.assessor?.displayName ?? '', submittedAt: other.submittedAt!.toISOString(), scores: other.scores },
      comparison: compareScorings(pair[0].scores, pair[1].scores, criteria),
      agenda: buildAgenda(pair[0].scores, pair[1].scores, criteria),
    };
  }
}

export const submittedAlready = () => new DomainError('conflict', 'SCORING_ALREADY_SUBMITTED', bilingual('Je beoordeling is ingediend en kan niet meer veranderen', 'Your scoring has been submitted and can no longer change'));
export const ownNotSubmitted = () =>
  new DomainError('conflict', 'OWN_SCORING_NOT_SUBMITTED', bilingual('Dien eerst je eigen beoordeling in; daarna zie je die van de andere assessor', "Submit your own scoring first; then you see the other assessor's"));
