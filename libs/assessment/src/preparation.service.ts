import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { UserEntity } from '../../accounts/src/user.entity';
import { bilingual } from '../../platform/src/bilingual';
import { DomainError } from '../../platform/src/domain-error';
import type { PortfolioStatus } from '../../portfolio/src/portfolio.entities';
import { PortfolioEntity } from '../../portfolio/src/portfolio.entities';
import { AssignmentEntity } from './assessment.entities';
import { DossierService, dossierNotFound, requireStatus, type ActorContext } from './dossier.service';
import { InterviewService } from './interview.service';
import { JointRecordService } from './joint-record.service';
import { isObject, parseText, SCORING_LIMITS, unknownFields, type AgendaItem, type Problem } from './judgement';
import { etagOf, ifMatchVersion, stale } from './versioned';

export interface PreparationNotes {
  assessorId: string;
  assessorName: string;
  notes: Record<string, string>;
  updatedAt: string | null;
}

export interface PreparationView {
  version: number;
  etag: string;
  /** My own notes per agenda item (criterion code). */
  notes: Record<string, string>;
  updatedAt: string | null;
  agenda: AgendaItem[];
  /** Whether the notes are shared: from the interview's start time on, both assessors see each other's. */
  shared: boolean;
  /** The co-assessor's notes once shared; null before. */
  other: PreparationNotes | null;
}

/** Notes can be written once the agenda is fixed (judged) until the interview record is final. */
const OPEN: readonly PortfolioStatus[] = ['judged', 'interview_planned'];
const READABLE: readonly PortfolioStatus[] = ['judged', 'interview_planned', 'interview_held', 'decided'];

/**
 * Each assessor's own preparation of the certificeringsgesprek: notes per agenda item, drafted
 * before the start time and hidden from the co-assessor until the interview time has come (ADR
 * 0014). The audit trail records who saved which items, not the text (admins read the trail).
 */
@Injectable()
export class PreparationService {
  constructor(
    private readonly dossiers: DossierService,
    private readonly joint: JointRecordService,
    private readonly interviews: InterviewService,
  ) {}

  /**
   * Whether the current booked interview has started (a booked one recorded as missed with an
   * advice to follow still counts). A missed interview followed by new slots is cancelled: notes
   * written for the next interview stay private until that one starts.
   */
  private async currentStarted(m: EntityManager, portfolioId: string): Promise<boolean> {
    const rows: unknown[] = await m.query(
      `SELECT 1 FROM interview_bookings b JOIN interview_slots s ON s.id = b.slot_id
        WHERE b.portfolio_id = $1 AND b.status = 'booked' AND s.starts_at <= $2 LIMIT 1`,
      [portfolioId, this.dossiers.now()],
    );
    return rows.length > 0;
  }

  private async view(m: EntityManager, portfolio: PortfolioEntity, own: AssignmentEntity): Promise<PreparationView> {
    const agenda = await this.joint.agenda(m, portfolio.id);
    const shared = (await this.currentStarted(m, portfolio.id)) || ['interview_held', 'decided'].includes(portfolio.status);
    let other: PreparationNotes | null = null;
    if (shared) {
      const co = (await this.dossiers.activeAssignments(m, portfolio.id)).find((a) => a.id !== own.id);
      if (co) {
        const person = await m.findOneBy(UserEntity, { id: co.assessorId });
        other = { assessorId: co.assessorId, assessorName: person?.displayName ?? '', notes: co.preparationNotes ?? {}, updatedAt: co.preparationUpdatedAt?.toISOString() ?? null };
      }
    }
    return {
      version: own.preparationVersion,
      etag: etagOf('preparation', own.preparationVersion),
      notes: own.preparationNotes ?? {},
      updatedAt: own.preparationUpdatedAt?.toISOString() ?? null,
      agenda,
      shared,
      other,
    };
  }

  async get(portfolioId: string, assessorId: string): Promise<PreparationView> {
    const m = this.dossiers.dataSource.manager;
    const own = await this.dossiers.assignment(m, portfolioId, assessorId, { independent: true });
    const portfolio = await m.findOneBy(PortfolioEntity, { id: portfolioId });
    if (!portfolio) throw dossierNotFound();
    requireStatus(portfolio, READABLE, 'PREPARATION_NOT_OPEN', 'Voorbereiden kan zodra het gezamenlijk oordeel vaststaat', 'Preparing starts once the joint judgement is final');
    return this.view(m, portfolio, own);
  }

  /** `{ notes: { <agenda criterion>: text } }` replaces my notes; needs If-Match. */
  async save(portfolioId: string, assessorId: string, ifMatch: string | undefined, body: unknown, actor: ActorContext): Promise<PreparationView> {
    return this.dossiers.dataSource.transaction(async (m) => {
      const portfolio = await this.dossiers.lock(m, portfolioId);
      const own = await this.dossiers.assignment(m, portfolioId, assessorId, { independent: true });
      const expected = ifMatchVersion('preparation', ifMatch);
      requireStatus(portfolio, OPEN, 'PREPARATION_CLOSED', 'Voorbereidingsnotities horen bij het plannen en houden van het gesprek', 'Preparation notes belong to planning and holding the interview');
      if (own.preparationVersion !== expected) throw stale('preparation', own.preparationVersion);
      const agenda = (await this.joint.agenda(m, portfolioId)).map((a) => a.criterion);
      const notes = parseNotes(body, agenda);
      const before = own.preparationNotes ?? {};
      const changed = [...new Set([...Object.keys(before), ...Object.keys(notes)])].filter((k) => before[k] !== notes[k]);
      if (changed.length === 0) return this.view(m, portfolio, own);
      const now = this.dossiers.now();
      const version = own.preparationVersion + 1;
      await m.update(AssignmentEntity, { id: own.id }, { preparationNotes: notes as never, preparationVersion: version, preparationUpdatedAt: now });
      await this.dossiers.record(m, portfolioId, 'preparation.saved', actor, { portfolioId, assignmentId: own.id, version, items: changed });
      return this.view(m, portfolio, { ...own, preparationNotes: notes, preparationVersion: version, preparationUpdatedAt: now });
    });
  }
}

function parseNotes(body: unknown, agenda: string[]): Record<string, string> {
  if (!isObject(body)) throw new DomainError('validation', 'VALIDATION_FAILED', bilingual('Stuur een JSON-object', 'Send a JSON object'));
  const unknown = unknownFields(body, ['notes']);
  if (unknown.length > 0) throw new DomainError('validation', 'VALIDATION_FAILED', bilingual('Onbekende velden', 'Unknown fields'), { problems: unknown });
  const raw = body['notes'];
  if (!isObject(raw)) throw new DomainError('validation', 'VALIDATION_FAILED', bilingual('Stuur { notes: { … } }', 'Send { notes: { … } }'), { problems: [{ path: '/notes', code: 'NOT_AN_OBJECT', message: 'moet een object zijn / must be an object' }] });
  const problems: Problem[] = [];
  const notes: Record<string, string> = {};
  for (const [criterion, value] of Object.entries(raw)) {
    if (!agenda.includes(criterion)) {
      problems.push({ path: `/notes/${criterion.slice(0, 60)}`, code: 'NOT_ON_AGENDA', message: 'staat niet op de agenda van het gesprek / is not on the interview agenda' });
      continue;
    }
    const text = parseText(value, `/notes/${criterion}`, SCORING_LIMITS.motivation, problems);
    if (text !== null) notes[criterion] = text;
  }
  if (problems.length > 0) {
    const onAgenda = problems.some((p) => p.code === 'NOT_ON_AGENDA');
    throw new DomainError(onAgenda ? 'unprocessable' : 'validation', onAgenda ? 'NOT_ON_AGENDA' : 'VALIDATION_FAILED', bilingual('De notities bevatten ongeldige waarden', 'The notes contain invalid values'), { problems });
  }
  return notes;
}
