import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { UserEntity } from '../../accounts/src/user.entity';
import { bilingual } from '../../platform/src/bilingual';
import { amsterdamDate } from '../../platform/src/clock';
import { DomainError } from '../../platform/src/domain-error';
import { NotificationService } from '../../notifications/src/notification.service';
import { PortfolioEntity, PortfolioSectionEntity, PortfolioSectionRevisionEntity } from '../../portfolio/src/portfolio.entities';
import { portfolioNotFound } from '../../portfolio/src/portfolio.errors';
import { AssignmentEntity, DecisionEntity, InterviewBookingEntity, InterviewSlotEntity, JointRecordEntity, RegisterEntryEntity, type DecisionOutcome, type InterviewContent } from './assessment.entities';
import { AssignmentService } from './assignment.service';
import { DossierService, requireStatus, type ActorContext } from './dossier.service';
import { REGISTER_LOOKUP, type RegisterLookupCounter } from './register-rate-limiter';

export interface DecisionInput {
  outcome: DecisionOutcome;
  motivation?: string;
}

export interface RegisterEntryView {
  certificateNumber: string;
  holderName: string;
  startsOn: string;
  validUntil: string;
}

export interface DecisionView {
  id: string;
  portfolioId: string;
  outcome: DecisionOutcome;
  motivation: string | null;
  decidedAt: string;
  decidedBy: string;
  nextPortfolioId: string | null;
  register: RegisterEntryView | null;
}

const notDecided = () => new DomainError('not_found', 'NOT_DECIDED', bilingual('Over dit dossier is nog geen besluit genomen', 'No decision has been taken on this dossier yet'));

/** Recertification is every four years: valid through the day before the fourth anniversary. */
export function validUntil(startsOn: string): string {
  const [y, m, d] = startsOn.split('-').map(Number) as [number, number, number];
  const end = new Date(Date.UTC(y + 4, m - 1, d));
  // 29 February + 4 years exists; Date.UTC rolls other impossible days forward, which is what we want.
  end.setUTCDate(end.getUTCDate() - 1);
  return end.toISOString().slice(0, 10);
}

export function registerView(r: RegisterEntryEntity): RegisterEntryView {
  return { certificateNumber: r.certificateNumber, holderName: r.holderName, startsOn: r.startsOn, validUntil: r.validUntil };
}

/** Everything the letters need, gathered from the frozen records of the dossier. */
export interface DecisionRecord {
  decision: DecisionEntity;
  register: RegisterEntryEntity | null;
  candidate: UserEntity;
  decider: UserEntity;
  assessors: UserEntity[];
  advice: InterviewContent;
  interviewStartsAt: Date | null;
  submittedAt: Date;
  rulebookVersion: string;
}

/**
 * The certification decision, by an admin who did not assess the dossier and has no conflict of
 * interest with the candidate, on the assessors' joint advice; and the register it feeds.
 */
@Injectable()
export class DecisionService {
  constructor(
    private readonly dossiers: DossierService,
    private readonly assignments: AssignmentService,
    private readonly notifications: NotificationService,
  ) {}

  private get m(): EntityManager {
    return this.dossiers.dataSource.manager;
  }

  async decide(portfolioId: string, input: DecisionInput, actor: ActorContext): Promise<DecisionView> {
    const motivation = input.motivation?.trim() || null;
    return this.dossiers.dataSource.transaction(async (m) => {
      const portfolio = await this.dossiers.lock(m, portfolioId);
      if (await m.existsBy(AssignmentEntity, { portfolioId, assessorId: actor.actorId })) {
        throw new DomainError('forbidden', 'DECIDER_ASSESSED_DOSSIER', bilingual('Wie bij de beoordeling van dit dossier betrokken was, neemt het besluit niet', 'Whoever took part in assessing this dossier does not decide it'));
      }
      const decider = await m.findOneByOrFail(UserEntity, { id: actor.actorId });
      const conflicts = await this.assignments.conflicts(m, decider, portfolio.candidateId);
      if (conflicts.length > 0) {
        throw new DomainError('forbidden', 'DECIDER_CONFLICT_OF_INTEREST', bilingual('Je hebt een belangenconflict met deze kandidaat', 'You have a conflict of interest with this candidate'), { reasons: conflicts });
      }
      requireStatus(portfolio, ['interview_held'], 'DECISION_NOT_ALLOWED', 'Het besluit volgt op het certificeringsgesprek en het advies', 'The decision follows the certification interview and the advice');
      const advice = (await m.findOneByOrFail(JointRecordEntity, { portfolioId, kind: 'interview' })).content as InterviewContent;
      const deviates = (input.outcome === 'certified' && advice.advice === 'negative') || (input.outcome === 'not_certified' && advice.advice === 'positive');
      if (motivation === null && (input.outcome !== 'certified' || deviates)) {
        throw new DomainError('validation', 'MOTIVATION_REQUIRED', bilingual('Motiveer dit besluit', 'Give a motivation for this decision'), { outcome: input.outcome, advice: advice.advice });
      }
      const now = this.dossiers.now();
      await this.dossiers.transition(m, portfolio, 'decided', actor, { outcome: input.outcome });
      let nextPortfolioId: string | null = null;
      if (input.outcome === 'returned_for_supplement') nextPortfolioId = await this.supplementDraft(m, portfolio, actor);
      const inserted = await m.insert(DecisionEntity, { portfolioId, candidateId: portfolio.candidateId, outcome: input.outcome, motivation, decidedBy: actor.actorId, decidedAt: now, nextPortfolioId });
      const decisionId = (inserted.identifiers[0] as { id: string }).id;
      await this.dossiers.record(m, portfolioId, 'decision.recorded', actor, { portfolioId, decisionId, outcome: input.outcome, motivation, advice: advice.advice, nextPortfolioId });
      if (input.outcome === 'certified') {
        const candidate = await m.findOneByOrFail(UserEntity, { id: portfolio.candidateId });
        const startsOn = amsterdamDate(now);
        const [{ n }] = (await m.query(`SELECT nextval('certificate_number_seq')::int AS n`)) as [{ n: number }];
        const certificateNumber = `RLP-${startsOn.slice(0, 4)}-${String(n).padStart(5, '0')}`;
        await m.insert(RegisterEntryEntity, { certificateNumber, candidateId: candidate.id, portfolioId, decisionId, holderName: candidate.displayName, startsOn, validUntil: validUntil(startsOn), createdAt: now });
        await this.dossiers.record(m, portfolioId, 'register.entry_created', actor, { portfolioId, certificateNumber, startsOn, validUntil: validUntil(startsOn) });
      }
      await this.notifications.decisionTaken(m, { portfolioId, outcome: input.outcome, nextPortfolioId });
      return this.view(m, portfolioId);
    });
  }

  /** A new draft on the submitted content; the decided dossier and its judgement stay as they were. */
  private async supplementDraft(m: EntityManager, previous: PortfolioEntity, actor: ActorContext): Promise<string> {
    const now = this.dossiers.now();
    const inserted = await m.insert(PortfolioEntity, { candidateId: previous.candidateId, status: 'draft', rulebookVersion: previous.rulebookVersion, createdAt: now, updatedAt: now, submittedAt: null, previousPortfolioId: previous.id });
    const id = (inserted.identifiers[0] as { id: string }).id;
    const sections = await m.find(PortfolioSectionEntity, { where: { portfolioId: previous.id } });
    for (const s of sections) {
      // The declarations bind a submission to regulation versions: the candidate makes them again for the new one.
      const content = s.section === 'declarations' ? {} : s.content;
      const documentIds = s.section === 'declarations' ? [] : s.documentIds;
      await m.insert(PortfolioSectionEntity, { portfolioId: id, section: s.section, content: content as never, version: 1, documentIds, updatedAt: now, updatedBy: actor.actorId });
      await m.insert(PortfolioSectionRevisionEntity, { portfolioId: id, section: s.section, version: 1, content: content as never, savedAt: now, savedBy: actor.actorId });
    }
    await this.dossiers.record(m, id, 'portfolio.created', actor, { portfolioId: id, previousPortfolioId: previous.id, reason: 'returned_for_supplement', rulebookVersion: previous.rulebookVersion });
    return id;
  }

  async view(m: EntityManager, portfolioId: string): Promise<DecisionView> {
    const d = await m.findOneBy(DecisionEntity, { portfolioId });
    if (!d) throw notDecided();
    const register = await m.findOneBy(RegisterEntryEntity, { portfolioId });
    return { id: d.id, portfolioId, outcome: d.outcome, motivation: d.motivation, decidedAt: d.decidedAt.toISOString(), decidedBy: d.decidedBy, nextPortfolioId: d.nextPortfolioId, register: register ? registerView(register) : null };
  }

  async forCandidate(candidateId: string, portfolioId: string): Promise<DecisionView> {
    if (!(await this.m.existsBy(PortfolioEntity, { id: portfolioId, candidateId }))) {
      throw portfolioNotFound();
    }
    return this.view(this.m, portfolioId);
  }

  async forOffice(portfolioId: string): Promise<DecisionView> {
    return this.view(this.m, portfolioId);
  }

  /** The frozen records the decision letter and certificate are printed from. */
  async record(portfolioId: string): Promise<DecisionRecord> {
    const m = this.m;
    const decision = await m.findOneBy(DecisionEntity, { portfolioId });
    if (!decision) throw notDecided();
    const submission = await this.dossiers.submission(m, portfolioId);
    const active = await this.dossiers.activeAssignments(m, portfolioId);
    const [candidate, decider, ...assessors] = await Promise.all([decision.candidateId, decision.decidedBy, ...active.map((a) => a.assessorId)].map((id) => m.findOneByOrFail(UserEntity, { id })));
    const booking = await m.findOne(InterviewBookingEntity, { where: { portfolioId, status: 'booked' } });
    const slot = booking ? await m.findOneByOrFail(InterviewSlotEntity, { id: booking.slotId }) : null;
    return {
      decision,
      register: await m.findOneBy(RegisterEntryEntity, { portfolioId }),
      candidate: candidate!,
      decider: decider!,
      assessors,
      advice: (await m.findOneByOrFail(JointRecordEntity, { portfolioId, kind: 'interview' })).content as InterviewContent,
      interviewStartsAt: slot?.startsAt ?? null,
      submittedAt: submission.submittedAt,
      rulebookVersion: submission.rulebookVersion,
    };
  }

  /**
   * The public register: name, certificate number and valid-until of certificates valid today,
   * nothing else. `q` matches part of the name or the exact certificate number and needs at least
   * 3 characters after trimming; at most 20 entries, no paging (`more` says a longer search would
   * narrow the list), so the register cannot be listed out (issue 18).
   *
   * Every lookup counts against the client's limit (`counter`, ADR 0029), a refused one too; a
   * valid lookup is one statement: the limiter's upsert and this query together (issue 17).
   */
  async register(
    query: { q?: string | undefined; limit?: number | undefined },
    today: string,
    counter: RegisterLookupCounter,
  ): Promise<{ entries: Array<{ name: string; certificateNumber: string; validUntil: string }>; more: boolean }> {
    const term = (query.q ?? '').trim();
    if (term.length < REGISTER_LOOKUP.minQueryLength) {
      await counter.count();
      throw new DomainError(
        'validation',
        'REGISTER_QUERY_TOO_SHORT',
        bilingual(
          `Zoek op ten minste ${REGISTER_LOOKUP.minQueryLength} tekens van de naam, of op het certificaatnummer`,
          `Search with at least ${REGISTER_LOOKUP.minQueryLength} characters of the name, or the certificate number`,
        ),
        { minLength: REGISTER_LOOKUP.minQueryLength },
      );
    }
    const limit = Math.min(Math.max(1, query.limit ?? REGISTER_LOOKUP.maxResults), REGISTER_LOOKUP.maxResults);
    const like = `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    // One json array (empty when nothing matches), so the count comes back with no match too. A
    // revoked certificate is no longer listed, like an expired one (issue 16, ADR 0023).
    const rows =
      (await counter.countWith<Array<{ name: string; certificateNumber: string; validUntil: string }>>(
        (p) =>
          `SELECT coalesce(json_agg(json_build_object('name', r.holder_name, 'certificateNumber', r.certificate_number, 'validUntil', r.valid_until) ORDER BY r.holder_name, r.certificate_number), '[]'::json)
             FROM (SELECT r.holder_name, r.certificate_number, r.valid_until FROM register_entries r
                    WHERE r.valid_until >= ${p(today)}::date
                      AND NOT EXISTS (SELECT 1 FROM credentials c JOIN credential_revocations cr ON cr.credential_id = c.id WHERE c.register_entry_id = r.id)
                      AND (r.holder_name ILIKE ${p(like)} OR r.certificate_number = ${p(term.toUpperCase())})
                    ORDER BY r.holder_name, r.certificate_number
                    LIMIT ${p(limit + 1)}::int) r`,
      )) ?? [];
    return { entries: rows.slice(0, limit), more: rows.length > limit };
  }
}
