import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { composeMail } from '../../../mail/src/compose';
import { Outbox } from '../../../mail/src/outbox';
import { amsterdamDate } from '../../../platform/src/clock';
import type { AppConfig } from '../../../platform/src/config';
import { APP_CONFIG } from '../../../platform/src/platform.tokens';
import { addDays } from '../../../rulebook/src/dates/calendar-date.util';
import { JobsService, type JobOutcome } from '../jobs.service';
import { greetingFor, localMoment as moment } from '../../../mail/src/compose';
import { shortMoment } from './format';

interface DueInterview {
  booking_id: string;
  portfolio_id: string;
  starts_at: Date;
  duration_minutes: number;
  location_kind: 'online' | 'address';
  location: string;
  candidate_id: string;
  candidate_email: string;
  candidate_name: string;
}

interface Person {
  id: string;
  email: string;
  display_name: string;
}

/**
 * The day before an interview (Dutch calendar day), a reminder to the candidate and to each of
 * the dossier's active assessors. The candidate's reminder names no assessor and no assessor's
 * address (impartiality). Dedupe key per booking, start time and person: a rerun (or a second
 * instance) sends nothing twice; a moved interview gets a reminder for its new time.
 */
@Injectable()
export class InterviewRemindersJob implements OnModuleInit {
  constructor(
    private readonly jobs: JobsService,
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.jobs.register({ name: 'interview-reminders', cron: '0 8 * * *', run: ({ now }) => this.run(now) });
  }

  async run(now: Date): Promise<JobOutcome> {
    const tomorrow = addDays(amsterdamDate(now), 1);
    const due = (await this.dataSource.query(
      `SELECT b."id" AS booking_id, b."portfolio_id", s."starts_at", s."duration_minutes", s."location_kind", s."location",
              c."id" AS candidate_id, c."email" AS candidate_email, c."display_name" AS candidate_name
         FROM "interview_bookings" b
         JOIN "interview_slots" s ON s."id" = b."slot_id"
         JOIN "portfolios" p ON p."id" = b."portfolio_id"
         JOIN "users" c ON c."id" = p."candidate_id"
        WHERE b."status" = 'booked' AND s."withdrawn_at" IS NULL AND p."status" = 'interview_planned'
          AND (s."starts_at" AT TIME ZONE 'Europe/Amsterdam')::date = $1::date
        ORDER BY s."starts_at", b."id"`,
      [tomorrow],
    )) as DueInterview[];
    let queued = 0;
    for (const interview of due) {
      queued += await this.dataSource.transaction(async (m) => {
        const assessors = (await m.query(
          `SELECT u."id", u."email", u."display_name" FROM "assignments" a JOIN "users" u ON u."id" = a."assessor_id"
            WHERE a."portfolio_id" = $1 AND a."status" = 'active' AND u."active" ORDER BY a."assigned_at", a."id"`,
          [interview.portfolio_id],
        )) as Person[];
        const key = (personId: string) => `interview-reminder:${interview.booking_id}:${interview.starts_at.toISOString()}:${personId}`;
        const ids = await this.outbox.enqueue(m, [
          this.candidateMail(interview, key(interview.candidate_id)),
          ...assessors.map((a) => this.assessorMail(interview, a, key(a.id))),
        ]);
        return ids.length;
      });
    }
    return { interviews: due.length, queued };
  }

  private where(i: DueInterview) {
    return i.location_kind === 'online'
      ? { label: { nl: 'Online, via', en: 'Online, at' }, value: i.location }
      : { label: { nl: 'Adres', en: 'Address' }, value: i.location };
  }

  private candidateMail(i: DueInterview, dedupeKey: string) {
    const when = moment(i.starts_at);
    return composeMail({
      to: i.candidate_email,
      kind: 'interview.reminder.candidate',
      subject: { nl: 'Herinnering: uw certificeringsgesprek is morgen', en: 'Reminder: your certification interview is tomorrow' },
      greeting: greetingFor(i.candidate_name),
      paragraphs: [
        { nl: `Morgen, ${when.nl}, is uw certificeringsgesprek met twee assessoren.`, en: `Tomorrow, ${when.en}, is your certification interview with two assessors.` },
        {
          nl: 'Kunt u niet? Laat het het certificeringsbureau zo snel mogelijk weten via het portaal.',
          en: 'Cannot make it? Let the certification office know as soon as possible through the portal.',
        },
      ],
      facts: [
        { label: { nl: 'Wanneer', en: 'When' }, value: shortMoment(i.starts_at) },
        { label: { nl: 'Duur', en: 'Duration' }, value: `${i.duration_minutes} min` },
        { label: this.where(i).label, value: this.where(i).value },
      ],
      action: { label: { nl: 'Naar uw dossier', en: 'To your dossier' }, url: `${this.config.publicUrls.candidate}/dossier/${i.portfolio_id}` },
      dedupeKey,
    });
  }

  private assessorMail(i: DueInterview, a: Person, dedupeKey: string) {
    const when = moment(i.starts_at);
    return composeMail({
      to: a.email,
      kind: 'interview.reminder.assessor',
      subject: { nl: 'Herinnering: certificeringsgesprek morgen', en: 'Reminder: certification interview tomorrow' },
      greeting: greetingFor(a.display_name),
      paragraphs: [
        { nl: `Morgen, ${when.nl}, voert u het certificeringsgesprek met ${i.candidate_name}.`, en: `Tomorrow, ${when.en}, you hold the certification interview with ${i.candidate_name}.` },
        { nl: 'Uw voorbereiding staat in het dossier.', en: 'Your preparation is in the dossier.' },
      ],
      facts: [
        { label: { nl: 'Wanneer', en: 'When' }, value: shortMoment(i.starts_at) },
        { label: { nl: 'Duur', en: 'Duration' }, value: `${i.duration_minutes} min` },
        { label: this.where(i).label, value: this.where(i).value },
      ],
      action: { label: { nl: 'Naar het gesprek', en: 'To the interview' }, url: `${this.config.publicUrls.assessor}/dossiers/${i.portfolio_id}/gesprek` },
      dedupeKey,
    });
  }
}
