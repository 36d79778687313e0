import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { composeMail } from '../../../mail/src/compose';
import { Outbox } from '../../../mail/src/outbox';
import type { AppConfig } from '../../../platform/src/config';
import { APP_CONFIG } from '../../../platform/src/platform.tokens';
import { JobsService, type JobOutcome } from '../jobs.service';
import { localMoment as moment } from '../../../mail/src/compose';
import { dossierRef } from './format';

interface Waiting {
  portfolio_id: string;
  since: Date;
  active: number;
}

/**
 * Notices to the certification office (config.mail.officeEmail), once per dossier per condition:
 *  - a submitted dossier has waited longer than OFFICE_WAIT_DAYS for its two assessors;
 *  - an advice (the interview's joint record, final) has awaited a decision longer than that.
 * The advice itself is announced when it is final (an event message); this is the reminder.
 */
@Injectable()
export class OfficeNoticesJob implements OnModuleInit {
  constructor(
    private readonly jobs: JobsService,
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.jobs.register({ name: 'office-notices', cron: '30 7 * * 1-5', run: ({ now }) => this.run(now) });
  }

  async run(now: Date): Promise<JobOutcome> {
    const days = this.config.mail.officeWaitDays;
    const cutoff = new Date(now.getTime() - days * 86_400_000);
    const waitingForAssessors = (await this.dataSource.query(
      `SELECT p."id" AS portfolio_id, p."submitted_at" AS since,
              (SELECT count(*) FROM "assignments" a WHERE a."portfolio_id" = p."id" AND a."status" = 'active')::int AS active
         FROM "portfolios" p
        WHERE p."status" IN ('submitted', 'in_assessment') AND p."submitted_at" < $1
          AND (SELECT count(*) FROM "assignments" a WHERE a."portfolio_id" = p."id" AND a."status" = 'active') < 2
        ORDER BY p."submitted_at", p."id"`,
      [cutoff],
    )) as Waiting[];
    // When the interview's joint record became final (the advice), from its final_at.
    const awaitingDecision = (await this.dataSource.query(
      `SELECT p."id" AS portfolio_id, j."final_at" AS since, 0 AS active
         FROM "portfolios" p JOIN "joint_records" j ON j."portfolio_id" = p."id" AND j."kind" = 'interview'
        WHERE p."status" = 'interview_held' AND j."final_at" IS NOT NULL AND j."final_at" < $1
        ORDER BY j."final_at", p."id"`,
      [cutoff],
    )) as Waiting[];
    const office = this.config.mail.officeEmail;
    const url = (id: string) => `${this.config.publicUrls.assessor}/bureau/dossiers/${id}`;
    const queued = await this.dataSource.transaction(async (m) => {
      const messages = [
        ...waitingForAssessors.map((w) =>
          composeMail({
            to: office,
            kind: 'office.waiting-for-assessors',
            subject: { nl: 'Dossier wacht op assessoren', en: 'Dossier waiting for assessors' },
            greeting: { nl: 'Beste collega,', en: 'Dear colleague,' },
            paragraphs: [
              {
                nl: `Dossier ${dossierRef(w.portfolio_id)} is ingediend op ${moment(w.since).nl} en heeft na meer dan ${days} dagen ${w.active} van de 2 assessoren.`,
                en: `Dossier ${dossierRef(w.portfolio_id)} was submitted on ${moment(w.since).en} and after more than ${days} days has ${w.active} of its 2 assessors.`,
              },
            ],
            action: { label: { nl: 'Assessoren toewijzen', en: 'Assign assessors' }, url: url(w.portfolio_id) },
            dedupeKey: `office:waiting-for-assessors:${w.portfolio_id}`,
          }),
        ),
        ...awaitingDecision.map((w) =>
          composeMail({
            to: office,
            kind: 'office.advice-awaits-decision',
            subject: { nl: 'Advies wacht op een besluit', en: 'Advice awaiting a decision' },
            greeting: { nl: 'Beste collega,', en: 'Dear colleague,' },
            paragraphs: [
              {
                nl: `Het advies in dossier ${dossierRef(w.portfolio_id)} is vastgesteld op ${moment(w.since).nl} en wacht al meer dan ${days} dagen op het besluit.`,
                en: `The advice in dossier ${dossierRef(w.portfolio_id)} was final on ${moment(w.since).en} and has awaited the decision for more than ${days} days.`,
              },
            ],
            action: { label: { nl: 'Besluit nemen', en: 'Take the decision' }, url: url(w.portfolio_id) },
            dedupeKey: `office:advice-awaits-decision:${w.portfolio_id}`,
          }),
        ),
      ];
      return (await this.outbox.enqueue(m, messages)).length;
    });
    return { waitingForAssessors: waitingForAssessors.length, awaitingDecision: awaitingDecision.length, queued };
  }
}
