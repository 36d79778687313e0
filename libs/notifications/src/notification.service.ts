import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { MailAttachment, MailMessage } from '../../mail/src/compose';
import { Outbox } from '../../mail/src/outbox';
import { amsterdamDate, Clock } from '../../platform/src/clock';
import type { AppConfig } from '../../platform/src/config';
import { APP_CONFIG } from '../../platform/src/platform.tokens';
import * as msg from './messages';

interface UserRow {
  id: string;
  email: string;
  display_name: string;
}

interface SlotRow {
  starts_at: Date;
  duration_minutes: number;
  location_kind: 'online' | 'address';
  location: string;
}

const slotOf = (r: SlotRow): msg.InterviewSlot => ({ startsAt: new Date(r.starts_at), durationMinutes: r.duration_minutes, locationKind: r.location_kind, location: r.location });
const recipient = (u: UserRow): msg.Recipient => ({ email: u.email, name: u.display_name });

/**
 * Finds who must hear of an event and queues their messages in the caller's transaction
 * (`m` must be the transaction of the change): a rolled-back change queues nothing. Every
 * recipient gets their own message; nobody's address is put in another's message.
 */
@Injectable()
export class NotificationService {
  constructor(
    private readonly outbox: Outbox,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private get urls(): msg.PortalUrls {
    return this.config.publicUrls;
  }

  private async enqueue(m: EntityManager, messages: MailMessage[]): Promise<void> {
    if (messages.length > 0) await this.outbox.enqueue(m, messages);
  }

  /** Active accounts by id, in the order asked. */
  private async users(m: EntityManager, ids: readonly string[]): Promise<UserRow[]> {
    if (ids.length === 0) return [];
    const rows = (await m.query(`SELECT "id", "email", "display_name" FROM "users" WHERE "id" = ANY($1::uuid[]) AND "active"`, [ids])) as UserRow[];
    return ids.map((id) => rows.find((r) => r.id === id)).filter((r): r is UserRow => r !== undefined);
  }

  private async candidateOf(m: EntityManager, portfolioId: string): Promise<UserRow | null> {
    const rows = (await m.query(
      `SELECT u."id", u."email", u."display_name" FROM "portfolios" p JOIN "users" u ON u."id" = p."candidate_id" WHERE p."id" = $1 AND u."active"`,
      [portfolioId],
    )) as UserRow[];
    return rows[0] ?? null;
  }

  private async activeAssessors(m: EntityManager, portfolioId: string): Promise<Array<UserRow & { assignment_id: string }>> {
    return (await m.query(
      `SELECT u."id", u."email", u."display_name", a."id" AS "assignment_id" FROM "assignments" a JOIN "users" u ON u."id" = a."assessor_id"
        WHERE a."portfolio_id" = $1 AND a."status" = 'active' AND u."active" ORDER BY a."assigned_at", a."id"`,
      [portfolioId],
    )) as Array<UserRow & { assignment_id: string }>;
  }

  // --- candidate -------------------------------------------------------------------------------

  async submissionReceived(m: EntityManager, input: { portfolioId: string; candidateId: string; contentHash: string; submittedAt: Date }): Promise<void> {
    const [candidate] = await this.users(m, [input.candidateId]);
    if (candidate) await this.enqueue(m, [msg.submissionReceived(recipient(candidate), this.urls, input)]);
  }

  /** One message per offer (a batch is one offer), only while the candidate has nothing booked. */
  async slotsOffered(m: EntityManager, input: { portfolioId: string; starts: readonly Date[]; status: string }): Promise<void> {
    if (input.starts.length === 0 || input.status !== 'judged') return;
    const candidate = await this.candidateOf(m, input.portfolioId);
    if (candidate) await this.enqueue(m, [msg.slotsAvailable(recipient(candidate), this.urls, input)]);
  }

  /**
   * A booking (or a move to another slot): the candidate and each active assessor get their own
   * invitation, METHOD:REQUEST with the booking's SEQUENCE (a move has a higher one, same UID).
   */
  async interviewBooked(m: EntityManager, input: { portfolioId: string; bookingId: string; previousSlotId: string | null }): Promise<void> {
    const [booking] = (await m.query(
      `SELECT b."sequence", s."starts_at", s."duration_minutes", s."location_kind", s."location" FROM "interview_bookings" b JOIN "interview_slots" s ON s."id" = b."slot_id" WHERE b."id" = $1`,
      [input.bookingId],
    )) as Array<SlotRow & { sequence: number }>;
    if (!booking) return;
    const previous = input.previousSlotId ? await this.slot(m, input.previousSlotId) : undefined;
    const event = input.previousSlotId ? 'moved' : 'booked';
    await this.interviewMessages(m, input.portfolioId, event, 'REQUEST', booking.sequence, slotOf(booking), { ...(previous ? { previous } : {}) });
  }

  /** A cancellation: METHOD:CANCEL with the booking's SEQUENCE + 1 (as the download has it), to everyone invited. */
  async interviewCancelled(m: EntityManager, input: { portfolioId: string; bookingId: string; cancelledBy: msg.CancelledBy; reason: string | null }): Promise<void> {
    const [booking] = (await m.query(
      `SELECT b."sequence", s."starts_at", s."duration_minutes", s."location_kind", s."location" FROM "interview_bookings" b JOIN "interview_slots" s ON s."id" = b."slot_id" WHERE b."id" = $1`,
      [input.bookingId],
    )) as Array<SlotRow & { sequence: number }>;
    if (!booking) return;
    await this.interviewMessages(m, input.portfolioId, 'cancelled', 'CANCEL', booking.sequence + 1, slotOf(booking), { cancelledBy: input.cancelledBy, reason: input.reason });
  }

  /** One person's copy of the invitation (also what the portals' .ics download gives). */
  invitation(input: Omit<msg.InvitationInput, 'organizerEmail' | 'link'> & { forCandidate: boolean }): MailAttachment {
    const { forCandidate, ...rest } = input;
    const link = forCandidate ? msg.candidateDossierUrl(this.urls, input.portfolioId) : msg.assessorDossierUrl(this.urls, input.portfolioId, 'gesprek');
    return msg.invitation({ ...rest, organizerEmail: this.config.mail.officeEmail, link });
  }

  /** Recorded as missed after its start: the candidate hears what follows (no calendar change: its time has passed). */
  async interviewMissed(m: EntityManager, input: { portfolioId: string; startsAt: Date; absentParty: 'candidate' | 'assessor'; next: 'new_slots' | 'advise' }): Promise<void> {
    const candidate = await this.candidateOf(m, input.portfolioId);
    if (candidate) await this.enqueue(m, [msg.interviewMissed(recipient(candidate), this.urls, input)]);
  }

  private async slot(m: EntityManager, slotId: string): Promise<msg.InterviewSlot | undefined> {
    const [row] = (await m.query(`SELECT "starts_at", "duration_minutes", "location_kind", "location" FROM "interview_slots" WHERE "id" = $1`, [slotId])) as SlotRow[];
    return row ? slotOf(row) : undefined;
  }

  private async interviewMessages(
    m: EntityManager,
    portfolioId: string,
    event: 'booked' | 'moved' | 'cancelled',
    method: 'REQUEST' | 'CANCEL',
    sequence: number,
    slot: msg.InterviewSlot,
    extra: Pick<msg.InterviewNotice, 'previous' | 'cancelledBy' | 'reason'>,
  ): Promise<void> {
    const stamp = this.clock.now();
    const messages: MailMessage[] = [];
    const candidate = await this.candidateOf(m, portfolioId);
    if (candidate) {
      const attachment = this.invitation({ method, portfolioId, sequence, slot, stamp, attendee: { ...recipient(candidate), role: 'REQ-PARTICIPANT' }, forCandidate: true });
      messages.push(msg.candidateInterview(recipient(candidate), this.urls, event, { portfolioId, slot, attachment, ...extra }));
    }
    for (const assessor of await this.activeAssessors(m, portfolioId)) {
      const attachment = this.invitation({ method, portfolioId, sequence, slot, stamp, attendee: { ...recipient(assessor), role: 'REQ-PARTICIPANT' }, forCandidate: false });
      messages.push(msg.assessorInterview(recipient(assessor), this.urls, event, { portfolioId, slot, attachment, ...extra }));
    }
    await this.enqueue(m, messages);
  }

  async decisionTaken(m: EntityManager, input: { portfolioId: string; outcome: string; nextPortfolioId: string | null }): Promise<void> {
    const candidate = await this.candidateOf(m, input.portfolioId);
    if (!candidate) return;
    const message =
      input.outcome === 'returned_for_supplement' && input.nextPortfolioId
        ? msg.returnedForSupplement(recipient(candidate), this.urls, { portfolioId: input.portfolioId, nextPortfolioId: input.nextPortfolioId })
        : msg.decisionTaken(recipient(candidate), this.urls, { portfolioId: input.portfolioId });
    await this.enqueue(m, [message]);
  }

  // --- assessor --------------------------------------------------------------------------------

  async assessorAssigned(m: EntityManager, input: { portfolioId: string; assessorId: string; assignmentId: string; assignedAt: Date }): Promise<void> {
    const [assessor] = await this.users(m, [input.assessorId]);
    if (!assessor) return;
    const deadline = new Date(input.assignedAt.getTime() + msg.SCORING_DEADLINE_DAYS * 86_400_000);
    const date = amsterdamDate(deadline);
    await this.enqueue(m, [msg.assessorAssigned(recipient(assessor), this.urls, { portfolioId: input.portfolioId, assignmentId: input.assignmentId, deadline: date })]);
  }

  /**
   * To the other active assessor(s): only that it happened. One who has submitted already is
   * told the comparison and the joint judgement are open; one who has not, that the content
   * stays hidden until their own is in (blind).
   */
  async scoringSubmitted(m: EntityManager, input: { portfolioId: string; assessorId: string; assignmentId: string }): Promise<void> {
    const others = (await this.activeAssessors(m, input.portfolioId)).filter((a) => a.id !== input.assessorId);
    const submitted = (await m.query(`SELECT "assignment_id" FROM "scorings" WHERE "portfolio_id" = $1 AND "submitted_at" IS NOT NULL`, [input.portfolioId])) as Array<{ assignment_id: string }>;
    await this.enqueue(
      m,
      others.map((a) =>
        msg.coAssessorSubmitted(recipient(a), this.urls, { portfolioId: input.portfolioId, assignmentId: input.assignmentId, ownSubmitted: submitted.some((r) => r.assignment_id === a.assignment_id) }),
      ),
    );
  }

  /**
   * After an agreement: while not final, each active assessor who has not agreed to this version
   * is asked (once per version); when the interview record is final, the office hears that an
   * advice awaits a decision.
   */
  async agreementGiven(m: EntityManager, input: { kind: 'judgement' | 'interview'; portfolioId: string; version: number; agreedBy: readonly string[]; final: boolean }): Promise<void> {
    if (input.final) {
      if (input.kind === 'interview') await this.enqueue(m, [msg.adviceReady(this.config.mail.officeEmail, this.urls, { portfolioId: input.portfolioId })]);
      return;
    }
    const pending = (await this.activeAssessors(m, input.portfolioId)).filter((a) => !input.agreedBy.includes(a.id));
    await this.enqueue(
      m,
      pending.map((a) => ({
        ...msg.agreementNeeded(recipient(a), this.urls, { portfolioId: input.portfolioId, kind: input.kind, version: input.version }),
        dedupeKey: `agreement:${input.kind}:${input.portfolioId}:${input.version}:${a.id}`,
      })),
    );
  }

  // --- office ----------------------------------------------------------------------------------

  async assessorDeclined(m: EntityManager, input: { portfolioId: string; assessorId: string; reason: string }): Promise<void> {
    const [assessor] = (await m.query(`SELECT "id", "email", "display_name" FROM "users" WHERE "id" = $1`, [input.assessorId])) as UserRow[];
    await this.enqueue(m, [msg.assessorDeclined(this.config.mail.officeEmail, this.urls, { portfolioId: input.portfolioId, assessorName: assessor?.display_name ?? '', reason: input.reason })]);
  }

  // --- everyone --------------------------------------------------------------------------------

  /**
   * A published gedragscode or klachtenreglement: every active candidate with a draft portfolio
   * must accept it in part E before submitting. One INSERT … SELECT, whatever the number of
   * candidates; the name and the draft are filled in per row (the name HTML-escaped in the HTML
   * body); the dedupe key makes a repeat a no-op. Returns how many were queued.
   */
  async regulationPublished(m: EntityManager, input: { type: string; version: number; effectiveFrom: string }): Promise<number> {
    if (input.type !== 'gedragscode' && input.type !== 'klachtenreglement') return 0;
    const template = msg.regulationAcceptanceNeeded(this.urls, { type: input.type, version: input.version, effectiveFrom: input.effectiveFrom });
    const escaped = `replace(replace(replace(replace(replace(r."display_name", '&', '&amp;'), '<', '&lt;'), '>', '&gt;'), '"', '&quot;'), '''', '&#39;')`;
    const rows = (await m.query(
      `WITH r AS (
         SELECT DISTINCT ON (u."id") u."id", u."email", u."display_name", p."id" AS "portfolio_id"
           FROM "users" u JOIN "portfolios" p ON p."candidate_id" = u."id" AND p."status" = 'draft'
          WHERE u."role" = 'candidate' AND u."active"
          ORDER BY u."id", p."created_at" DESC, p."id")
       INSERT INTO "outbox_messages" ("recipient", "kind", "subject", "text_body", "html_body", "attachments", "dedupe_key")
       SELECT lower(r."email"), $1, $2,
              replace(replace($3, $6, r."portfolio_id"::text), $7, r."display_name"),
              replace(replace($4, $6, r."portfolio_id"::text), $7, ${escaped}),
              '[]'::jsonb, $5 || r."id"::text
         FROM r
       ON CONFLICT ("dedupe_key") WHERE "dedupe_key" IS NOT NULL DO NOTHING
       RETURNING "id"`,
      [template.kind, template.subject, template.text, template.html, `regulation:${input.type}:${input.version}:`, msg.PORTFOLIO_TOKEN, msg.NAME_TOKEN],
    )) as Array<{ id: string }>;
    if (rows.length > 0) await m.query(`SELECT pg_notify('outbox', '')`);
    return rows.length;
  }
}
