import { Injectable } from '@nestjs/common';
import { EntityManager, IsNull, Not } from 'typeorm';
import { UserEntity } from '../../accounts/src/user.entity';
import { bilingual } from '../../platform/src/bilingual';
import { DomainError } from '../../platform/src/domain-error';
import { NotificationService } from '../../notifications/src/notification.service';
import { PortfolioEntity, type PortfolioStatus } from '../../portfolio/src/portfolio.entities';
import { portfolioNotFound } from '../../portfolio/src/portfolio.errors';
import { InterviewBookingEntity, InterviewSlotEntity, type AbsentParty, type MissedKind, type MissedNext } from './assessment.entities';
import { AmsterdamTimeError, amsterdamToUtc, utcToAmsterdam } from './calendar/amsterdam-time';
import { DossierService, dossierNotFound, requireStatus, type ActorContext } from './dossier.service';

export interface SlotInput {
  /** Local date and time in Europe/Amsterdam. */
  date: string;
  time: string;
  durationMinutes: number;
  onlineUrl?: string;
  address?: string;
}

export interface SlotView {
  id: string;
  /** UTC. */
  startsAt: string;
  endsAt: string;
  /** The same moment in Europe/Amsterdam, e.g. 2026-12-03T14:00:00+01:00. */
  startsAtLocal: string;
  local: { date: string; time: string; timeZone: 'Europe/Amsterdam' };
  durationMinutes: number;
  locationKind: 'online' | 'address';
  location: string;
}

export interface AssessorSlotView extends SlotView {
  status: 'offered' | 'booked' | 'withdrawn' | 'assessor_busy';
}

export interface BookingView {
  id: string;
  slot: SlotView;
  status: 'booked' | 'cancelled';
  sequence: number;
  bookedAt: string;
  cancelledAt: string | null;
  cancelReason: string | null;
}

/** A no-show or a same-day cancellation recorded after the start time (ADR 0014). */
export interface MissedView {
  kind: MissedKind;
  absentParty: AbsentParty;
  absentAssessorId: string | null;
  reason: string;
  next: MissedNext;
  recordedAt: string;
  recordedBy: string;
}

export interface AssessorBookingView extends BookingView {
  missed: MissedView | null;
}

export interface InterviewOverview {
  slots: AssessorSlotView[];
  booking: AssessorBookingView | null;
  /** Earlier bookings recorded as missed, oldest first. */
  missed: AssessorBookingView[];
}

export interface MissedInput {
  kind: MissedKind;
  absentParty: AbsentParty;
  absentAssessorId?: string;
  reason: string;
  next: MissedNext;
}

/** At most this many slots in one batch. */
export const MAX_BATCH_SLOTS = 20;

/** Slots can be offered and booked while the dossier is judged, and offered or rebooked once planned. */
const PLANNABLE: readonly PortfolioStatus[] = ['judged', 'interview_planned'];
const MAX_DAYS_AHEAD = 366;

export function slotView(s: InterviewSlotEntity): SlotView {
  const local = utcToAmsterdam(s.startsAt);
  return {
    id: s.id,
    startsAt: s.startsAt.toISOString(),
    endsAt: new Date(s.startsAt.getTime() + s.durationMinutes * 60_000).toISOString(),
    startsAtLocal: local.iso,
    local: { date: local.date, time: local.time, timeZone: 'Europe/Amsterdam' },
    durationMinutes: s.durationMinutes,
    locationKind: s.locationKind,
    location: s.location,
  };
}

function bookingView(b: InterviewBookingEntity, slot: InterviewSlotEntity): BookingView {
  return { id: b.id, slot: slotView(slot), status: b.status, sequence: b.sequence, bookedAt: b.bookedAt.toISOString(), cancelledAt: b.cancelledAt?.toISOString() ?? null, cancelReason: b.cancelReason };
}

function missedView(b: InterviewBookingEntity): MissedView | null {
  if (!b.missedKind || !b.absentParty || !b.missedNext || !b.missedAt || !b.missedRecordedBy) return null;
  return { kind: b.missedKind, absentParty: b.absentParty, absentAssessorId: b.absentAssessorId, reason: b.missedReason ?? '', next: b.missedNext, recordedAt: b.missedAt.toISOString(), recordedBy: b.missedRecordedBy };
}

function assessorBookingView(b: InterviewBookingEntity, slot: InterviewSlotEntity): AssessorBookingView {
  return { ...bookingView(b, slot), missed: missedView(b) };
}

const slotNotFound = () => new DomainError('not_found', 'SLOT_NOT_FOUND', bilingual('Tijdslot niet gevonden', 'Time slot not found'));

/**
 * The certificeringsgesprek: assessors offer slots, the candidate books one where both assessors
 * are free, and nobody is double-booked. Bookings take a transaction-scoped advisory lock per
 * assessor, so two bookings involving the same assessor run one after the other and the second
 * sees the first.
 */
@Injectable()
export class InterviewService {
  constructor(
    private readonly dossiers: DossierService,
    private readonly notifications: NotificationService,
  ) {}

  private get m(): EntityManager {
    return this.dossiers.dataSource.manager;
  }

  /** Ids of the assessors with an active booking overlapping [start, end), other than this dossier's. */
  private async busyAssessors(m: EntityManager, assessorIds: string[], start: Date, end: Date, exceptPortfolioId: string): Promise<string[]> {
    if (assessorIds.length === 0) return [];
    const rows: Array<{ assessor_id: string }> = await m.query(
      `SELECT DISTINCT a.assessor_id FROM interview_bookings b
         JOIN interview_slots s ON s.id = b.slot_id
         JOIN assignments a ON a.portfolio_id = b.portfolio_id AND a.status = 'active'
        WHERE b.status = 'booked' AND b.portfolio_id <> $1 AND a.assessor_id = ANY($2::uuid[])
          AND s.starts_at < $4 AND s.starts_at + make_interval(mins => s.duration_minutes) > $3`,
      [exceptPortfolioId, assessorIds, start, end],
    );
    return rows.map((r) => r.assessor_id);
  }

  private end(s: { startsAt: Date; durationMinutes: number }): Date {
    return new Date(s.startsAt.getTime() + s.durationMinutes * 60_000);
  }

  private async assessorIds(m: EntityManager, portfolioId: string): Promise<string[]> {
    return (await this.dossiers.activeAssignments(m, portfolioId)).map((a) => a.assessorId);
  }

  /** The UTC start of a local Amsterdam date and time, or the problem with it. */
  private startOf(input: SlotInput): Date {
    try {
      return amsterdamToUtc(input.date, input.time);
    } catch (err) {
      if (err instanceof AmsterdamTimeError) throw new DomainError('validation', err.code, bilingual('Deze datum en tijd bestaan niet in Europe/Amsterdam', 'This date and time do not exist in Europe/Amsterdam'), { date: input.date, time: input.time });
      throw err;
    }
  }

  /** Checks one slot against the clock and the assessors' other interviews (inside the dossier's lock). */
  private async checkSlot(m: EntityManager, portfolioId: string, input: SlotInput, startsAt: Date, now: Date): Promise<void> {
    if ((input.onlineUrl == null) === (input.address == null)) {
      throw new DomainError('validation', 'LOCATION_REQUIRED', bilingual('Geef een online link of een adres (één van beide)', 'Give an online link or an address (one of the two)'));
    }
    if (startsAt.getTime() <= now.getTime()) throw new DomainError('unprocessable', 'SLOT_IN_PAST', bilingual('Dit tijdstip is al voorbij', 'This time has already passed'));
    if (startsAt.getTime() > now.getTime() + MAX_DAYS_AHEAD * 86_400_000) throw new DomainError('unprocessable', 'SLOT_TOO_FAR_AHEAD', bilingual('Bied een tijdstip binnen een jaar aan', 'Offer a time within a year'));
    const busy = await this.busyAssessors(m, await this.assessorIds(m, portfolioId), startsAt, this.end({ startsAt, durationMinutes: input.durationMinutes }), portfolioId);
    if (busy.length > 0) throw new DomainError('conflict', 'ASSESSOR_BUSY', bilingual('Een assessor heeft op dat moment al een gesprek', 'An assessor already has an interview at that time'));
  }

  private async insertSlot(m: EntityManager, portfolioId: string, assessorId: string, input: SlotInput, startsAt: Date, now: Date, actor: ActorContext, batch?: { index: number; size: number }): Promise<AssessorSlotView> {
    const inserted = await m.insert(InterviewSlotEntity, {
      portfolioId,
      startsAt,
      durationMinutes: input.durationMinutes,
      locationKind: input.onlineUrl != null ? 'online' : 'address',
      location: (input.onlineUrl ?? input.address)!,
      offeredBy: assessorId,
      offeredAt: now,
      withdrawnAt: null,
      withdrawnBy: null,
    });
    const id = (inserted.identifiers[0] as { id: string }).id;
    const row = await m.findOneByOrFail(InterviewSlotEntity, { id });
    await this.dossiers.record(m, portfolioId, 'interview.slot_offered', actor, { portfolioId, slotId: id, startsAt: startsAt.toISOString(), durationMinutes: input.durationMinutes, ...(batch ? { batch } : {}) });
    return { ...slotView(row), status: 'offered' };
  }

  async offer(portfolioId: string, assessorId: string, input: SlotInput, actor: ActorContext): Promise<AssessorSlotView> {
    const startsAt = this.startOf(input);
    if ((input.onlineUrl == null) === (input.address == null)) {
      throw new DomainError('validation', 'LOCATION_REQUIRED', bilingual('Geef een online link of een adres (één van beide)', 'Give an online link or an address (one of the two)'));
    }
    return this.dossiers.dataSource.transaction(async (m) => {
      const portfolio = await this.dossiers.lock(m, portfolioId);
      await this.dossiers.assignment(m, portfolioId, assessorId, { independent: true });
      requireStatus(portfolio, PLANNABLE, 'INTERVIEW_NOT_PLANNABLE', 'Tijdsloten volgen op het gezamenlijk oordeel', 'Time slots follow the joint judgement');
      const now = this.dossiers.now();
      await this.checkSlot(m, portfolioId, input, startsAt, now);
      const view = await this.insertSlot(m, portfolioId, assessorId, input, startsAt, now, actor);
      await this.notifications.slotsOffered(m, { portfolioId, starts: [startsAt], status: portfolio.status });
      return view;
    });
  }

  /**
   * Offers several slots at once, all or nothing: every slot is checked as `offer` would; any
   * problem (also two slots of the batch at the same start) refuses the whole batch with 400
   * INVALID_SLOTS naming each bad slot by its index, and nothing is created.
   */
  async offerBatch(portfolioId: string, assessorId: string, inputs: SlotInput[], actor: ActorContext): Promise<AssessorSlotView[]> {
    return this.dossiers.dataSource.transaction(async (m) => {
      const portfolio = await this.dossiers.lock(m, portfolioId);
      await this.dossiers.assignment(m, portfolioId, assessorId, { independent: true });
      requireStatus(portfolio, PLANNABLE, 'INTERVIEW_NOT_PLANNABLE', 'Tijdsloten volgen op het gezamenlijk oordeel', 'Time slots follow the joint judgement');
      const now = this.dossiers.now();
      const problems: Array<{ index: number; path: string; code: string; message: string }> = [];
      const starts: Array<Date | null> = [];
      const existing = await m.find(InterviewSlotEntity, { where: { portfolioId, withdrawnAt: IsNull() } });
      for (const [index, input] of inputs.entries()) {
        try {
          const startsAt = this.startOf(input);
          await this.checkSlot(m, portfolioId, input, startsAt, now);
          if (starts.some((s) => s?.getTime() === startsAt.getTime()) || existing.some((s) => s.startsAt.getTime() === startsAt.getTime())) {
            throw new DomainError('validation', 'DUPLICATE_SLOT', bilingual('Op dit tijdstip is al een tijdslot aangeboden', 'A slot is already offered at this time'));
          }
          starts.push(startsAt);
        } catch (err) {
          if (!(err instanceof DomainError)) throw err;
          starts.push(null);
          problems.push({ index, path: `/slots/${index}`, code: err.code, message: err.message });
        }
      }
      if (problems.length > 0) {
        const first = problems[0]!;
        throw new DomainError('validation', 'INVALID_SLOTS', bilingual(`Tijdslot ${first.index + 1} kan niet worden aangeboden; er is niets aangeboden`, `Slot ${first.index + 1} cannot be offered; nothing was offered`), { problems });
      }
      const views: AssessorSlotView[] = [];
      for (const [index, input] of inputs.entries()) views.push(await this.insertSlot(m, portfolioId, assessorId, input, starts[index]!, now, actor, { index, size: inputs.length }));
      // One message for the whole batch.
      await this.notifications.slotsOffered(m, { portfolioId, starts: starts.filter((d): d is Date => d !== null), status: portfolio.status });
      return views;
    });
  }

  async slotsForAssessor(portfolioId: string, assessorId: string): Promise<InterviewOverview> {
    await this.dossiers.assignment(this.m, portfolioId, assessorId, { independent: true });
    return this.overview(portfolioId);
  }

  private async overview(portfolioId: string): Promise<InterviewOverview> {
    const slots = await this.m.find(InterviewSlotEntity, { where: { portfolioId }, order: { startsAt: 'ASC' } });
    const booking = await this.m.findOneBy(InterviewBookingEntity, { portfolioId, status: 'booked' });
    const assessors = await this.assessorIds(this.m, portfolioId);
    const views: AssessorSlotView[] = [];
    for (const s of slots) {
      let status: AssessorSlotView['status'] = 'offered';
      if (s.withdrawnAt) status = 'withdrawn';
      else if (booking?.slotId === s.id) status = 'booked';
      else if ((await this.busyAssessors(this.m, assessors, s.startsAt, this.end(s), portfolioId)).length > 0) status = 'assessor_busy';
      views.push({ ...slotView(s), status });
    }
    const bookedSlot = booking ? slots.find((s) => s.id === booking.slotId)! : null;
    const missed = await this.m.find(InterviewBookingEntity, { where: { portfolioId, status: 'cancelled', missedKind: Not(IsNull()) }, order: { sequence: 'ASC' } });
    return {
      slots: views,
      booking: booking && bookedSlot ? assessorBookingView(booking, bookedSlot) : null,
      missed: missed.map((b) => assessorBookingView(b, slots.find((s) => s.id === b.slotId)!)),
    };
  }

  async withdraw(portfolioId: string, slotId: string, assessorId: string, actor: ActorContext): Promise<void> {
    await this.dossiers.dataSource.transaction(async (m) => {
      const portfolio = await this.dossiers.lock(m, portfolioId);
      await this.dossiers.assignment(m, portfolioId, assessorId, { independent: true });
      requireStatus(portfolio, PLANNABLE, 'INTERVIEW_NOT_PLANNABLE', 'Tijdsloten horen bij de planning van het gesprek', 'Time slots belong to planning the interview');
      const slot = await m.findOneBy(InterviewSlotEntity, { id: slotId, portfolioId });
      if (!slot) throw slotNotFound();
      if (slot.withdrawnAt) return;
      if (await m.existsBy(InterviewBookingEntity, { slotId, status: 'booked' })) {
        throw new DomainError('conflict', 'SLOT_BOOKED', bilingual('Dit tijdslot is geboekt; annuleer eerst het gesprek', 'This slot is booked; cancel the interview first'));
      }
      await m.update(InterviewSlotEntity, { id: slotId }, { withdrawnAt: this.dossiers.now(), withdrawnBy: assessorId });
      await this.dossiers.record(m, portfolioId, 'interview.slot_withdrawn', actor, { portfolioId, slotId });
    });
  }

  private async ownPortfolio(m: EntityManager, candidateId: string, portfolioId: string, lock: boolean): Promise<PortfolioEntity> {
    const q = m.createQueryBuilder(PortfolioEntity, 'p').where('p.id = :portfolioId AND p.candidate_id = :candidateId', { portfolioId, candidateId });
    if (lock) q.setLock('pessimistic_write');
    const p = await q.getOne();
    if (!p) throw portfolioNotFound();
    return p;
  }

  /** For the candidate: only slots in the future where both assessors are free, and the current booking. */
  async forCandidate(candidateId: string, portfolioId: string): Promise<{ slots: SlotView[]; booking: BookingView | null }> {
    const portfolio = await this.ownPortfolio(this.m, candidateId, portfolioId, false);
    const { slots, booking: full } = await this.overview(portfolioId);
    // The candidate's shape stays as it was (the kandidaatportaal's client is generated from it).
    const booking = full ? (({ missed: _missed, ...b }) => b)(full) : null;
    if (!PLANNABLE.includes(portfolio.status)) return { slots: [], booking };
    const now = this.dossiers.now().getTime();
    const free = slots.filter((s) => s.status === 'offered' && Date.parse(s.startsAt) > now).map(({ status: _status, ...s }) => s);
    return { slots: free, booking };
  }

  /** Books a slot, or moves the booking to another one (a reschedule), in one transaction. */
  async book(candidateId: string, portfolioId: string, slotId: string, actor: ActorContext): Promise<BookingView> {
    return this.dossiers.dataSource.transaction(async (m) => {
      const portfolio = await this.ownPortfolio(m, candidateId, portfolioId, true);
      requireStatus(portfolio, PLANNABLE, 'INTERVIEW_NOT_PLANNABLE', 'Een gesprek plannen kan na het gezamenlijk oordeel', 'An interview can be booked after the joint judgement');
      const slot = await m.findOneBy(InterviewSlotEntity, { id: slotId, portfolioId, withdrawnAt: IsNull() });
      if (!slot) throw slotNotFound();
      const now = this.dossiers.now();
      if (slot.startsAt.getTime() <= now.getTime()) throw new DomainError('conflict', 'SLOT_IN_PAST', bilingual('Dit tijdstip is al voorbij', 'This time has already passed'));
      const assessors = (await this.assessorIds(m, portfolioId)).sort();
      // Serialise every booking that involves one of these assessors (sorted: no deadlock).
      for (const id of assessors) await m.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [`assessor:${id}`]);
      const current = await m.findOneBy(InterviewBookingEntity, { portfolioId, status: 'booked' });
      if (current?.slotId === slotId) return bookingView(current, slot);
      if (current) await this.requireNotStarted(m, current, now);
      if (await m.existsBy(InterviewBookingEntity, { slotId, status: 'booked' })) throw slotTaken();
      const busy = await this.busyAssessors(m, assessors, slot.startsAt, this.end(slot), portfolioId);
      if (busy.length > 0) throw new DomainError('conflict', 'ASSESSOR_NOT_AVAILABLE', bilingual('Een assessor is op dat moment niet meer vrij', 'An assessor is no longer free at that time'));
      const last = await m.findOne(InterviewBookingEntity, { where: { portfolioId }, order: { sequence: 'DESC' } });
      // A cancellation's invitation used sequence + 1 already (see ics()).
      const sequence = last ? last.sequence + (last.status === 'cancelled' && !current ? 2 : 1) : 0;
      if (current) {
        await m.update(InterviewBookingEntity, { id: current.id }, { status: 'cancelled', cancelledAt: now, cancelledBy: candidateId, cancelReason: 'verzet / rescheduled' });
      }
      const inserted = await m.insert(InterviewBookingEntity, { slotId, portfolioId, status: 'booked', sequence, bookedAt: now, bookedBy: candidateId, cancelledAt: null, cancelledBy: null, cancelReason: null });
      const id = (inserted.identifiers[0] as { id: string }).id;
      if (current) {
        await this.dossiers.record(m, portfolioId, 'interview.rescheduled', actor, { portfolioId, bookingId: id, fromSlotId: current.slotId, toSlotId: slotId, startsAt: slot.startsAt.toISOString() });
      } else {
        await this.dossiers.record(m, portfolioId, 'interview.booked', actor, { portfolioId, bookingId: id, slotId, startsAt: slot.startsAt.toISOString() });
        await this.dossiers.transition(m, portfolio, 'interview_planned', actor, { bookingId: id });
      }
      await this.notifications.interviewBooked(m, { portfolioId, bookingId: id, previousSlotId: current?.slotId ?? null });
      return bookingView(await m.findOneByOrFail(InterviewBookingEntity, { id }), slot);
    }).catch((err: unknown) => {
      // The partial unique indexes are the backstop behind the locks.
      if ((err as { code?: string }).code === '23505') throw slotTaken();
      throw err;
    });
  }

  /** Cancels the booked interview (candidate or assessor); the dossier goes back to planning. */
  async cancel(portfolioId: string, reason: string | null, actor: ActorContext, who: { candidateId?: string; assessorId?: string }): Promise<BookingView> {
    return this.dossiers.dataSource.transaction(async (m) => {
      const portfolio = who.candidateId ? await this.ownPortfolio(m, who.candidateId, portfolioId, true) : await this.dossiers.lock(m, portfolioId);
      if (who.assessorId) await this.dossiers.assignment(m, portfolioId, who.assessorId, { independent: true });
      const booking = await m.findOneBy(InterviewBookingEntity, { portfolioId, status: 'booked' });
      requireStatus(portfolio, ['interview_planned'], 'NO_INTERVIEW_BOOKED', 'Er is geen geboekt gesprek om te annuleren', 'There is no booked interview to cancel');
      if (!booking) throw new Error('interview_planned without a booking');
      const now = this.dossiers.now();
      await this.requireNotStarted(m, booking, now);
      await m.update(InterviewBookingEntity, { id: booking.id }, { status: 'cancelled', cancelledAt: now, cancelledBy: actor.actorId, cancelReason: reason });
      await this.dossiers.record(m, portfolioId, 'interview.cancelled', actor, { portfolioId, bookingId: booking.id, reason });
      await this.dossiers.transition(m, portfolio, 'judged', actor, { bookingId: booking.id });
      await this.notifications.interviewCancelled(m, { portfolioId, bookingId: booking.id, cancelledBy: who.candidateId ? 'candidate' : 'assessor', reason });
      const slot = await m.findOneByOrFail(InterviewSlotEntity, { id: booking.slotId });
      return bookingView({ ...booking, status: 'cancelled', cancelledAt: now, cancelledBy: actor.actorId, cancelReason: reason }, slot);
    });
  }

  /**
   * After the start time nothing can be moved or cancelled; what can happen is recording that
   * the interview did not take place: a no-show, or a cancellation on the day that came too late
   * to cancel in time. Then either new slots follow (the booking ends as cancelled and the dossier
   * goes back to judged), or, when the candidate was the one absent, the assessors advise on the
   * interview record (the booking stays; the record needs no findings and its advice is negative).
   */
  async recordMissed(portfolioId: string, assessorId: string, input: MissedInput, actor: ActorContext): Promise<InterviewOverview> {
    const reason = input.reason.trim();
    await this.dossiers.dataSource.transaction(async (m) => {
      const portfolio = await this.dossiers.lock(m, portfolioId);
      await this.dossiers.assignment(m, portfolioId, assessorId, { independent: true });
      requireStatus(portfolio, ['interview_planned'], 'NO_INTERVIEW_BOOKED', 'Er is geen geboekt gesprek', 'There is no booked interview');
      const booking = await m.findOneBy(InterviewBookingEntity, { portfolioId, status: 'booked' });
      if (!booking) throw new Error('interview_planned without a booking');
      const slot = await m.findOneByOrFail(InterviewSlotEntity, { id: booking.slotId });
      const now = this.dossiers.now();
      if (slot.startsAt.getTime() > now.getTime()) {
        throw new DomainError('conflict', 'INTERVIEW_NOT_YET_STARTED', bilingual('Het gesprek is nog niet begonnen; annuleer of verzet het gewoon', 'The interview has not started yet; cancel or move it instead'), { startsAt: slot.startsAt.toISOString() });
      }
      if (booking.missedKind) throw new DomainError('conflict', 'MISSED_ALREADY_RECORDED', bilingual('Dat het gesprek niet doorging, is al vastgelegd', 'That the interview did not take place has already been recorded'));
      const record = await m.query(`SELECT 1 FROM joint_records WHERE portfolio_id = $1 AND kind = 'interview'`, [portfolioId]);
      if ((record as unknown[]).length > 0) {
        throw new DomainError('conflict', 'INTERVIEW_RECORD_STARTED', bilingual('Er is al een verslag van het gesprek; het heeft dus plaatsgevonden', 'The interview already has a record, so it took place'));
      }
      const assessors = await this.assessorIds(m, portfolioId);
      if (input.absentParty === 'assessor') {
        if (!input.absentAssessorId || !assessors.includes(input.absentAssessorId)) {
          throw new DomainError('unprocessable', 'ABSENT_ASSESSOR_UNKNOWN', bilingual('Noem welke assessor van dit dossier afwezig was', 'Name which assessor of this dossier was absent'), { absentAssessorId: input.absentAssessorId ?? null });
        }
        if (input.next === 'advise') {
          throw new DomainError('unprocessable', 'ADVICE_NEEDS_CANDIDATE_ABSENT', bilingual('Zonder gesprek door een afwezige assessor volgt geen advies; bied nieuwe tijdsloten aan', 'An interview missed by an assessor leads to no advice; offer new slots'));
        }
      } else if (input.absentAssessorId) {
        throw new DomainError('validation', 'VALIDATION_FAILED', bilingual('absentAssessorId hoort alleen bij een afwezige assessor', 'absentAssessorId belongs only with an absent assessor'));
      }
      const missed = { missedKind: input.kind, absentParty: input.absentParty, absentAssessorId: input.absentAssessorId ?? null, missedReason: reason, missedNext: input.next, missedAt: now, missedRecordedBy: actor.actorId };
      if (input.next === 'new_slots') {
        await m.update(InterviewBookingEntity, { id: booking.id }, { ...missed, status: 'cancelled', cancelledAt: now, cancelledBy: actor.actorId, cancelReason: reason });
      } else {
        await m.update(InterviewBookingEntity, { id: booking.id }, missed);
      }
      await this.dossiers.record(m, portfolioId, 'interview.missed', actor, { portfolioId, bookingId: booking.id, kind: input.kind, absentParty: input.absentParty, absentAssessorId: input.absentAssessorId ?? null, reason, next: input.next, startsAt: slot.startsAt.toISOString() });
      if (input.next === 'new_slots') await this.dossiers.transition(m, portfolio, 'judged', actor, { bookingId: booking.id, missed: input.kind });
      await this.notifications.interviewMissed(m, { portfolioId, startsAt: slot.startsAt, absentParty: input.absentParty, next: input.next });
    });
    return this.overview(portfolioId);
  }

  /** Whether the dossier's interview time has come: a booking (kept or recorded as missed) whose start has passed. */
  async started(m: EntityManager, portfolioId: string): Promise<boolean> {
    const rows: unknown[] = await m.query(
      `SELECT 1 FROM interview_bookings b JOIN interview_slots s ON s.id = b.slot_id
        WHERE b.portfolio_id = $1 AND (b.status = 'booked' OR b.missed_kind IS NOT NULL) AND s.starts_at <= $2 LIMIT 1`,
      [portfolioId, this.dossiers.now()],
    );
    return rows.length > 0;
  }

  /** The booked interview, when it was recorded as missed with an advice to follow. */
  async missedForAdvice(m: EntityManager, portfolioId: string): Promise<boolean> {
    const booking = await m.findOneBy(InterviewBookingEntity, { portfolioId, status: 'booked' });
    return booking?.missedNext === 'advise';
  }

  /** Once the interview has started it is held (its record follows); it can no longer be moved or cancelled. */
  private async requireNotStarted(m: EntityManager, booking: InterviewBookingEntity, now: Date): Promise<void> {
    const slot = await m.findOneByOrFail(InterviewSlotEntity, { id: booking.slotId });
    if (slot.startsAt.getTime() <= now.getTime()) {
      throw new DomainError('conflict', 'INTERVIEW_ALREADY_STARTED', bilingual('Het gesprek is al begonnen; verzetten of annuleren kan niet meer', 'The interview has already started; it can no longer be moved or cancelled'), {
        startsAt: slot.startsAt.toISOString(),
      });
    }
  }

  /** For the certification office: the slots and the booking. */
  forOffice(portfolioId: string): Promise<InterviewOverview> {
    return this.overview(portfolioId);
  }

  async assessorBooking(portfolioId: string, assessorId: string): Promise<void> {
    await this.dossiers.assignment(this.m, portfolioId, assessorId, { independent: true });
  }

  async candidateCheck(candidateId: string, portfolioId: string): Promise<void> {
    await this.ownPortfolio(this.m, candidateId, portfolioId, false);
  }

  /**
   * The calendar invitation for the dossier's interview, as the viewer's own copy (the same as the
   * one mailed to them): REQUEST for the booked one, CANCEL (with a higher SEQUENCE) when the
   * latest booking was cancelled. ORGANIZER is the certification office; the only ATTENDEE is the
   * viewer, so a candidate never gets an assessor's address (impartiality).
   */
  async ics(portfolioId: string, viewer: { id: string; role: 'candidate' | 'assessor' }): Promise<{ ics: string; method: 'REQUEST' | 'CANCEL' }> {
    const latest = await this.m.findOne(InterviewBookingEntity, { where: { portfolioId }, order: { sequence: 'DESC' } });
    if (!latest) throw new DomainError('not_found', 'NO_INTERVIEW', bilingual('Er is (nog) geen gesprek geboekt', 'No interview has been booked (yet)'));
    const slot = await this.m.findOneByOrFail(InterviewSlotEntity, { id: latest.slotId });
    const person = await this.m.findOneBy(UserEntity, { id: viewer.id });
    if (!person) throw dossierNotFound();
    const cancelled = latest.status === 'cancelled';
    const method = cancelled ? 'CANCEL' : 'REQUEST';
    const attachment = this.notifications.invitation({
      method,
      portfolioId,
      sequence: cancelled ? latest.sequence + 1 : latest.sequence,
      slot,
      stamp: cancelled ? (latest.cancelledAt ?? latest.bookedAt) : latest.bookedAt,
      attendee: { email: person.email, name: person.displayName, role: 'REQ-PARTICIPANT' },
      forCandidate: viewer.role === 'candidate',
    });
    return { ics: attachment.content, method };
  }
}

const slotTaken = () => new DomainError('conflict', 'SLOT_TAKEN', bilingual('Dit tijdslot is net geboekt; kies een ander', 'This slot was just booked; choose another'));
