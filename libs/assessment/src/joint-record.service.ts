import { Injectable } from '@nestjs/common';
import type { ScoreableCriterion } from '@rlp/rulebook';
import { EntityManager } from 'typeorm';
import { bilingual } from '../../platform/src/bilingual';
import { DomainError } from '../../platform/src/domain-error';
import { NotificationService } from '../../notifications/src/notification.service';
import { PortfolioEntity } from '../../portfolio/src/portfolio.entities';
import { InterviewBookingEntity, InterviewSlotEntity, JointRecordEntity, ScoringEntity, type InterviewContent, type JointRecordKind, type JudgementContent } from './assessment.entities';
import { DossierService, dossierNotFound, requireStatus, type ActorContext } from './dossier.service';
import { agreedVerdicts, agreementParts, buildAgenda, completenessProblems, isObject, keepUnchangedAgreements, parseJointVerdicts, parseText, pendingParts, SCORING_LIMITS, unknownFields, type Problem } from './judgement';
import { InterviewService } from './interview.service';
import { ownNotSubmitted, ScoringService, unscoreable, withText } from './scoring.service';
import { etagOf, ifMatchVersion, stale } from './versioned';

/** One assessor's agreement with the current version, part by part. */
export interface AgreementView {
  assessorId: string;
  /** Agreed to the whole current version. */
  complete: boolean;
  agreed: string[];
  pending: string[];
}

export interface JointRecordView<C> {
  kind: JointRecordKind;
  version: number;
  etag: string;
  content: C;
  agreedBy: string[];
  agreements: AgreementView[];
  finalAt: string | null;
  /** What still stops agreeing. */
  missing: Problem[];
  /** Version 0 of the judgement: the criteria pre-filled because both scorings agree on them. */
  prefilled: string[];
}

const KIND_ETAG = { judgement: 'judgement', interview: 'interview' } as const;

/**
 * What the two assessors record together: the joint judgement (per criterion, with the interview
 * agenda) and the interview record (findings per agenda item and the joint advice). Either saves
 * the draft; each save clears the agreements; it is final when both agreed to the same version.
 */
@Injectable()
export class JointRecordService {
  constructor(
    private readonly dossiers: DossierService,
    private readonly scorings: ScoringService,
    private readonly interviews: InterviewService,
    private readonly notifications: NotificationService,
  ) {}

  private emptyContent(kind: JointRecordKind, agenda: JudgementContent['agenda']): JudgementContent | InterviewContent {
    return kind === 'judgement' ? { criteria: {}, agenda } : { findings: {}, advice: null, motivation: null };
  }

  /** The frozen agenda of the judged dossier. */
  async agenda(m: EntityManager, portfolioId: string): Promise<JudgementContent['agenda']> {
    const judgement = await m.findOneBy(JointRecordEntity, { portfolioId, kind: 'judgement' });
    return judgement?.finalAt ? (judgement.content as JudgementContent).agenda : [];
  }

  private async context(m: EntityManager, kind: JointRecordKind, portfolio: PortfolioEntity, assessorId: string) {
    await this.dossiers.assignment(m, portfolio.id, assessorId, { independent: true });
    const submission = await this.dossiers.submission(m, portfolio.id);
    const criteria = this.dossiers.criteria(submission);
    if (kind === 'judgement') {
      const pair = await this.scorings.both(m, portfolio.id);
      if (!pair) {
        // Blind: say the same thing whether or not the co-assessor is done, until the own one is in.
        const own = (await this.dossiers.activeAssignments(m, portfolio.id)).find((a) => a.assessorId === assessorId)!;
        const scoring = await m.findOneByOrFail(ScoringEntity, { assignmentId: own.id });
        if (!scoring.submittedAt) throw ownNotSubmitted();
        throw new DomainError('conflict', 'SCORINGS_NOT_COMPLETE', bilingual('De andere assessor heeft nog niet ingediend', 'The other assessor has not submitted yet'));
      }
      return { criteria, pair, agenda: buildAgenda(pair[0].scores, pair[1].scores, criteria), submission, missed: false };
    }
    return { criteria, pair: null, agenda: await this.agenda(m, portfolio.id), submission, missed: await this.interviews.missedForAdvice(m, portfolio.id) };
  }

  /** The pre-filled proposal of the judgement: the criteria both scorings agree on. */
  private prefill(pair: NonNullable<Awaited<ReturnType<ScoringService['both']>>>, criteria: ScoreableCriterion[]): JudgementContent {
    const verdicts = agreedVerdicts(pair[0].scores, pair[1].scores, criteria);
    return { criteria: verdicts, agenda: buildAgenda(pair[0].scores, pair[1].scores, criteria, verdicts) };
  }

  private missing(kind: JointRecordKind, content: JudgementContent | InterviewContent, criteria: ScoreableCriterion[], agenda: JudgementContent['agenda'], missed: boolean): Problem[] {
    if (kind === 'judgement') return completenessProblems((content as JudgementContent).criteria, criteria, '/criteria');
    const c = content as InterviewContent;
    // A missed interview (the candidate absent) has nothing to report per agenda item; its advice is negative.
    const problems: Problem[] = agenda
      .filter((item) => !missed && !c.findings[item.criterion])
      .map((item) => ({ path: `/findings/${item.criterion}`, code: 'FINDING_MISSING', message: `leg vast wat het gesprek opleverde over ${item.label.nl} / record what the interview found on ${item.label.en}` }));
    if (c.advice === null) problems.push({ path: '/advice', code: 'ADVICE_MISSING', message: 'kies een positief of negatief advies / choose a positive or negative advice' });
    if (c.motivation === null) problems.push({ path: '/motivation', code: 'MOTIVATION_REQUIRED', message: 'motiveer het advies / give a motivation for the advice' });
    if (missed && c.advice === 'positive') problems.push({ path: '/advice', code: 'ADVICE_MUST_BE_NEGATIVE', message: 'zonder gesprek is het advies negatief / without an interview the advice is negative' });
    return problems;
  }

  private view<C>(kind: JointRecordKind, row: JointRecordEntity | null, fallback: C, missing: Problem[], assessors: string[], prefilled: string[] = []): JointRecordView<C> {
    const version = row?.version ?? 0;
    const content = (row?.content as C | undefined) ?? fallback;
    const parts = agreementParts(content as JudgementContent | InterviewContent);
    const agreements = assessors.map((assessorId) => {
      const pending = pendingParts(row?.agreements?.[assessorId], parts);
      const agreed = Object.keys(parts).filter((p) => !pending.includes(p));
      return { assessorId, complete: row !== null && pending.length === 0, agreed, pending };
    });
    return { kind, version, etag: etagOf(KIND_ETAG[kind], version), content, agreedBy: row?.agreedBy ?? [], agreements, finalAt: row?.finalAt?.toISOString() ?? null, missing: withText(missing), prefilled: row ? [] : prefilled };
  }

  private async assessorIds(m: EntityManager, portfolioId: string): Promise<string[]> {
    return (await this.dossiers.activeAssignments(m, portfolioId)).map((a) => a.assessorId);
  }

  private requireStage(kind: JointRecordKind, portfolio: PortfolioEntity): void {
    if (kind === 'judgement') requireStatus(portfolio, ['in_assessment'], 'JUDGEMENT_NOT_OPEN', 'Het gezamenlijk oordeel volgt op twee ingediende beoordelingen', 'The joint judgement follows two submitted scorings');
    else requireStatus(portfolio, ['interview_planned'], 'INTERVIEW_NOT_PLANNED', 'Het verslag volgt op een geboekt certificeringsgesprek', 'The record follows a booked certification interview');
  }

  async get(kind: JointRecordKind, portfolioId: string, assessorId: string) {
    const m = this.dossiers.dataSource.manager;
    const portfolio = await m.findOneBy(PortfolioEntity, { id: portfolioId });
    if (!portfolio) throw dossierNotFound();
    const row = await m.findOneBy(JointRecordEntity, { portfolioId, kind });
    if (row?.finalAt) {
      await this.dossiers.assignment(m, portfolioId, assessorId, { independent: true });
      return this.view(kind, row, row.content, [], await this.assessorIds(m, portfolioId));
    }
    const { criteria, agenda, pair, missed } = await this.context(m, kind, portfolio, assessorId);
    const content = row?.content ?? (pair ? this.prefill(pair, criteria) : this.emptyContent(kind, agenda));
    const prefilled = !row && pair ? Object.keys((content as JudgementContent).criteria) : [];
    return this.view(kind, row, content, this.missing(kind, content, criteria, agenda, missed), await this.assessorIds(m, portfolioId), prefilled);
  }

  async save(kind: JointRecordKind, portfolioId: string, assessorId: string, ifMatch: string | undefined, body: unknown, actor: ActorContext) {
    return this.dossiers.dataSource.transaction(async (m) => {
      const portfolio = await this.dossiers.lock(m, portfolioId);
      const { criteria, agenda, submission, missed } = await this.context(m, kind, portfolio, assessorId);
      const expected = ifMatchVersion(KIND_ETAG[kind], ifMatch);
      const row = await m.createQueryBuilder(JointRecordEntity, 'r').setLock('pessimistic_write').where('r.portfolio_id = :portfolioId AND r.kind = :kind', { portfolioId, kind }).getOne();
      if (row?.finalAt) throw finalAlready(kind);
      this.requireStage(kind, portfolio);
      if (kind === 'interview') await this.requireInterviewStarted(m, portfolioId);
      if ((row?.version ?? 0) !== expected) throw stale(KIND_ETAG[kind], row?.version ?? 0);
      let content: JudgementContent | InterviewContent;
      if (kind === 'judgement') {
        if (!isObject(body) || !isObject(body['criteria'])) {
          throw new DomainError('validation', 'VALIDATION_FAILED', bilingual('Stuur { criteria: { … } }', 'Send { criteria: { … } }'), { problems: [{ path: '/criteria', code: 'NOT_AN_OBJECT' }] });
        }
        rejectUnknown(body, ['criteria']);
        const { verdicts, problems } = parseJointVerdicts(body['criteria'], criteria, this.dossiers.rulebook(submission));
        if (problems.length > 0) throw unscoreable(problems);
        const pair = (await this.scorings.both(m, portfolioId))!;
        content = { criteria: verdicts, agenda: buildAgenda(pair[0].scores, pair[1].scores, criteria, verdicts) };
      } else {
        content = parseInterview(body, agenda.map((a) => a.criterion));
      }
      const now = this.dossiers.now();
      const version = (row?.version ?? 0) + 1;
      // Agreements stay for every part this save leaves as it was (ADR 0014).
      const parts = agreementParts(content);
      const { kept: agreements, cleared } = keepUnchangedAgreements(row?.agreements ?? {}, parts);
      const assessors = await this.assessorIds(m, portfolioId);
      const agreedBy = assessors.filter((id) => pendingParts(agreements[id], parts).length === 0 && agreements[id] !== undefined);
      if (row) await m.update(JointRecordEntity, { portfolioId, kind, version: row.version }, { content: content as never, version, agreedBy, agreements: agreements as never, updatedAt: now, updatedBy: assessorId });
      else await m.insert(JointRecordEntity, { portfolioId, kind, content: content as never, version, agreedBy, agreements: agreements as never, updatedAt: now, updatedBy: assessorId, finalAt: null });
      await this.dossiers.record(m, portfolioId, `${kind}.saved`, actor, { portfolioId, version, before: row?.content ?? null, after: content, clearedAgreements: cleared });
      const saved = { ...(row ?? ({} as JointRecordEntity)), portfolioId, kind, content, version, agreedBy, agreements, updatedAt: now, updatedBy: assessorId, finalAt: null };
      return this.view(kind, saved, content, this.missing(kind, content, criteria, agenda, missed), assessors);
    });
  }

  /** Agrees to the version in If-Match; when both assessors agreed, the record is final and the dossier moves on. */
  async agree(kind: JointRecordKind, portfolioId: string, assessorId: string, ifMatch: string | undefined, actor: ActorContext) {
    return this.dossiers.dataSource.transaction(async (m) => {
      const portfolio = await this.dossiers.lock(m, portfolioId);
      const { criteria, agenda, missed } = await this.context(m, kind, portfolio, assessorId);
      const expected = ifMatchVersion(KIND_ETAG[kind], ifMatch);
      const row = await m.createQueryBuilder(JointRecordEntity, 'r').setLock('pessimistic_write').where('r.portfolio_id = :portfolioId AND r.kind = :kind', { portfolioId, kind }).getOne();
      if (row?.finalAt) throw finalAlready(kind);
      this.requireStage(kind, portfolio);
      // Agreeing needs a saved version: the pre-filled proposal (version 0) is saved first, by either assessor.
      if (!row) throw stale(KIND_ETAG[kind], 0);
      if (kind === 'interview') await this.requireInterviewStarted(m, portfolioId);
      if (row.version !== expected) throw stale(KIND_ETAG[kind], row.version);
      const missing = this.missing(kind, row.content, criteria, agenda, missed);
      if (missing.length > 0) {
        throw new DomainError('unprocessable', kind === 'judgement' ? 'JUDGEMENT_INCOMPLETE' : 'INTERVIEW_RECORD_INCOMPLETE', bilingual('Nog niet compleet', 'Not complete yet'), { problems: missing });
      }
      // Agreeing is to the whole current version: every part as it is now.
      const parts = agreementParts(row.content);
      const pendingBefore = pendingParts(row.agreements?.[assessorId], parts);
      const agreements = { ...(row.agreements ?? {}), [assessorId]: parts };
      const assessors = await this.assessorIds(m, portfolioId);
      const agreedBy = assessors.filter((id) => agreements[id] !== undefined && pendingParts(agreements[id], parts).length === 0);
      const final = assessors.every((id) => agreedBy.includes(id));
      const now = this.dossiers.now();
      await m.update(JointRecordEntity, { portfolioId, kind }, { agreedBy, agreements: agreements as never, finalAt: final ? now : null });
      await this.dossiers.record(m, portfolioId, `${kind}.agreed`, actor, { portfolioId, version: row.version, final, parts: pendingBefore });
      if (final) await this.dossiers.transition(m, portfolio, kind === 'judgement' ? 'judged' : 'interview_held', actor, { version: row.version });
      await this.notifications.agreementGiven(m, { kind, portfolioId, version: row.version, agreedBy, final });
      return this.view(kind, { ...row, agreedBy, agreements, finalAt: final ? now : null }, row.content, [], assessors);
    });
  }

  private async requireInterviewStarted(m: EntityManager, portfolioId: string): Promise<void> {
    const booking = await m.findOneBy(InterviewBookingEntity, { portfolioId, status: 'booked' });
    const slot = booking ? await m.findOneByOrFail(InterviewSlotEntity, { id: booking.slotId }) : null;
    if (!slot || slot.startsAt.getTime() > this.dossiers.now().getTime()) {
      throw new DomainError('conflict', 'INTERVIEW_NOT_YET_HELD', bilingual('Het certificeringsgesprek heeft nog niet plaatsgevonden', 'The certification interview has not taken place yet'), { startsAt: slot?.startsAt.toISOString() ?? null });
    }
  }
}

const finalAlready = (kind: JointRecordKind) =>
  new DomainError('conflict', kind === 'judgement' ? 'JUDGEMENT_FINAL' : 'INTERVIEW_RECORD_FINAL', bilingual('Hierover zijn beide assessoren het al eens; het ligt vast', 'Both assessors already agreed; it is final'));

function rejectUnknown(body: Record<string, unknown>, allowed: string[]): void {
  const problems = unknownFields(body, allowed);
  if (problems.length > 0) throw new DomainError('validation', 'VALIDATION_FAILED', bilingual('Onbekende velden', 'Unknown fields'), { problems });
}

/** `{ findings: { [agenda criterion]: text }, advice: 'positive'|'negative', motivation }` */
function parseInterview(body: unknown, agenda: string[]): InterviewContent {
  const problems: Problem[] = [];
  if (!isObject(body)) throw new DomainError('validation', 'VALIDATION_FAILED', bilingual('Stuur een JSON-object', 'Send a JSON object'));
  rejectUnknown(body, ['findings', 'advice', 'motivation']);
  const findings: Record<string, string> = {};
  const raw = body['findings'] ?? {};
  if (!isObject(raw)) problems.push({ path: '/findings', code: 'NOT_AN_OBJECT', message: 'moet een object zijn / must be an object' });
  else {
    for (const [criterion, value] of Object.entries(raw)) {
      if (!agenda.includes(criterion)) {
        problems.push({ path: `/findings/${criterion.slice(0, 60)}`, code: 'NOT_ON_AGENDA', message: 'staat niet op de agenda van het gesprek / is not on the interview agenda' });
        continue;
      }
      const t = parseText(value, `/findings/${criterion}`, SCORING_LIMITS.motivation, problems);
      if (t !== null) findings[criterion] = t;
    }
  }
  const advice = body['advice'] ?? null;
  if (advice !== null && advice !== 'positive' && advice !== 'negative') problems.push({ path: '/advice', code: 'INVALID_ADVICE', message: 'positive of/or negative' });
  const motivation = parseText(body['motivation'], '/motivation', SCORING_LIMITS.motivation, problems);
  if (problems.length > 0) {
    const onAgenda = problems.some((p) => p.code === 'NOT_ON_AGENDA');
    throw new DomainError(onAgenda ? 'unprocessable' : 'validation', onAgenda ? 'NOT_ON_AGENDA' : 'VALIDATION_FAILED', bilingual('Het verslag bevat ongeldige waarden', 'The record contains invalid values'), { problems });
  }
  return { findings, advice: advice as InterviewContent['advice'], motivation };
}
