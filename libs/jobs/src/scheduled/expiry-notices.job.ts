import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Outbox } from '../../../mail/src/outbox';
import { amsterdamDate } from '../../../platform/src/clock';
import type { AppConfig } from '../../../platform/src/config';
import { APP_CONFIG, RULEBOOKS } from '../../../platform/src/platform.tokens';
import { assembleDocument, SECTION_KEYS, type SectionContents } from '../../../portfolio/src/sections';
import { evaluate, type CountsUntilEntry, type Rulebook } from '../../../rulebook/src/index';
import { JobsService, type JobOutcome } from '../jobs.service';
import { composeMail, greetingFor, localDate as calendarDate } from '../../../mail/src/compose';

/** Warn this many days before a report, course certificate or case stops counting. */
export const EXPIRY_WARN_DAYS = 30;
/** "Hercertificering": the certified person is told this many months before the entry ends. */
export const RECERTIFICATION_MONTHS = 6;

interface Draft {
  id: string;
  rulebook_version: string;
  email: string;
  display_name: string;
}

const EVIDENCE_NAMES: Record<string, { nl: string; en: string }> = {
  diploma: { nl: 'Het diploma', en: 'The diploma' },
  courseCertificate: { nl: 'Het cursuscertificaat', en: 'The course certificate' },
  evcReport: { nl: 'Het EVC-rapport', en: 'The EVC report' },
  assessmentReport: { nl: 'Het assessmentrapport', en: 'The assessment report' },
  accreditedProgrammeCertificate: { nl: 'Het certificaat van de geaccrediteerde opleiding', en: 'The certificate of the accredited programme' },
};

/** The value at a JSON pointer (`/cases/0`) of the document, or undefined. */
function at(document: unknown, pointer: string): unknown {
  let value: unknown = document;
  for (const raw of pointer.split('/').slice(1)) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

/** "Het EVC-rapport “Loopbaanadvies”" / "Casus 2 “Outplacement”": what the candidate will recognise. */
function itemLabel(entry: CountsUntilEntry, document: unknown): { nl: string; en: string } {
  const item = at(document, entry.path) as { kind?: string; title?: string } | undefined;
  const title = typeof item?.title === 'string' && item.title.trim() ? ` “${item.title.trim().slice(0, 120)}”` : '';
  if (entry.subject === 'case') {
    const n = /\/cases\/(\d+)/.exec(entry.path)?.[1];
    const base = n === undefined ? { nl: 'Een casus', en: 'A case' } : { nl: `Casus ${Number(n) + 1}`, en: `Case ${Number(n) + 1}` };
    return { nl: base.nl + title, en: base.en + title };
  }
  const base = EVIDENCE_NAMES[item?.kind ?? ''] ?? { nl: 'Een bewijsstuk', en: 'A piece of evidence' };
  return { nl: base.nl + title, en: base.en + title };
}

/**
 * Expiry notices to candidates with a draft portfolio: a report, course certificate or case that
 * counts today stops counting within EXPIRY_WARN_DAYS (the rulebook's own age rules, through its
 * `countsUntil` progress, evaluated on today's Dutch date). One message per item and end date.
 */
@Injectable()
export class ExpiryNoticesJob implements OnModuleInit {
  constructor(
    private readonly jobs: JobsService,
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(RULEBOOKS) private readonly rulebooks: readonly Rulebook[],
  ) {}

  onModuleInit(): void {
    this.jobs.register({ name: 'expiry-notices', cron: '0 6 * * *', run: ({ now }) => this.run(now) });
  }

  async run(now: Date): Promise<JobOutcome> {
    const today = amsterdamDate(now);
    const drafts = (await this.dataSource.query(
      `SELECT p."id", p."rulebook_version", u."email", u."display_name" FROM "portfolios" p JOIN "users" u ON u."id" = p."candidate_id"
        WHERE p."status" = 'draft' AND u."active" ORDER BY p."id"`,
    )) as Draft[];
    let items = 0;
    let queued = 0;
    for (const draft of drafts) {
      const rulebook = this.rulebooks.find((r) => r.id === draft.rulebook_version);
      if (!rulebook) continue;
      const rows = (await this.dataSource.query(`SELECT "section", "content" FROM "portfolio_sections" WHERE "portfolio_id" = $1`, [draft.id])) as Array<{ section: string; content: Record<string, unknown> }>;
      const sections = Object.fromEntries(SECTION_KEYS.map((k) => [k, rows.find((r) => r.section === k)?.content ?? {}])) as SectionContents;
      const document = assembleDocument(draft.rulebook_version, sections);
      const report = evaluate(document, rulebook, { referenceDate: today });
      const expiring = report.progress.countsUntil.filter((e) => e.countsOnReferenceDate && e.daysLeft <= EXPIRY_WARN_DAYS);
      items += expiring.length;
      if (!expiring.length) continue;
      queued += await this.dataSource.transaction(async (m) => {
        const messages = expiring.map((e) => {
          const label = itemLabel(e, document);
          const until = calendarDate(e.countsUntil);
          return composeMail({
            to: draft.email,
            kind: 'portfolio.expiry-notice',
            subject: { nl: 'Een onderdeel van uw portfolio telt binnenkort niet meer', en: 'Part of your portfolio will soon stop counting' },
            greeting: greetingFor(draft.display_name),
            paragraphs: [
              {
                nl: `${label.nl} in uw portfolio telt mee tot en met ${until.nl}. Dient u daarna in, dan telt het niet meer en is uw portfolio mogelijk niet compleet.`,
                en: `${label.en} in your portfolio counts until ${until.en} inclusive. If you submit later, it no longer counts and your portfolio may be incomplete.`,
              },
              { nl: 'Dien in voor die datum, of vervang het door iets recenters.', en: 'Submit before that date, or replace it with something more recent.' },
            ],
            facts: [{ label: { nl: 'Telt tot en met', en: 'Counts until' }, value: e.countsUntil }],
            action: { label: { nl: 'Naar uw portfolio', en: 'To your portfolio' }, url: `${this.config.publicUrls.candidate}/portfolio/${draft.id}` },
            dedupeKey: `expiry:${draft.id}:${e.path}:${e.countsUntil}`,
          });
        });
        return (await this.outbox.enqueue(m, messages)).length;
      });
    }
    return { drafts: drafts.length, items, queued };
  }
}

interface Entry {
  id: string;
  valid_until: string;
  email: string;
  display_name: string;
  certificate_number: string;
}

/**
 * "Hercertificering": a register entry whose validity ends within RECERTIFICATION_MONTHS gets one
 * notice to the certified person (unless a later entry of theirs already runs past it).
 */
@Injectable()
export class RecertificationNoticesJob implements OnModuleInit {
  constructor(
    private readonly jobs: JobsService,
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.jobs.register({ name: 'recertification-notices', cron: '15 6 * * *', run: ({ now }) => this.run(now) });
  }

  async run(now: Date): Promise<JobOutcome> {
    const today = amsterdamDate(now);
    const entries = (await this.dataSource.query(
      `SELECT r."id", to_char(r."valid_until", 'YYYY-MM-DD') AS valid_until, r."certificate_number", u."email", u."display_name"
         FROM "register_entries" r JOIN "users" u ON u."id" = r."candidate_id"
        WHERE r."valid_until" >= $1::date AND r."valid_until" <= ($1::date + make_interval(months => $2))::date AND u."active"
          AND NOT EXISTS (SELECT 1 FROM "register_entries" later WHERE later."candidate_id" = r."candidate_id" AND later."valid_until" > r."valid_until")
        ORDER BY r."valid_until", r."id"`,
      [today, RECERTIFICATION_MONTHS],
    )) as Entry[];
    const queued = await this.dataSource.transaction(async (m) => {
      const messages = entries.map((e) => {
        const until = calendarDate(e.valid_until);
        return composeMail({
          to: e.email,
          kind: 'register.recertification',
          subject: { nl: 'Hercertificering: uw registratie loopt af', en: 'Recertification: your registration is ending' },
          greeting: greetingFor(e.display_name),
          paragraphs: [
            {
              nl: `Uw inschrijving in het Register Loopbaanprofessional is geldig tot en met ${until.nl}. Wilt u ingeschreven blijven, start dan op tijd uw hercertificering.`,
              en: `Your entry in the Register Loopbaanprofessional is valid until ${until.en} inclusive. To stay registered, start your recertification in time.`,
            },
          ],
          facts: [
            { label: { nl: 'Certificaatnummer', en: 'Certificate number' }, value: e.certificate_number },
            { label: { nl: 'Geldig tot en met', en: 'Valid until' }, value: e.valid_until },
          ],
          action: { label: { nl: 'Naar het portaal', en: 'To the portal' }, url: `${this.config.publicUrls.candidate}/` },
          dedupeKey: `recertification:${e.id}`,
        });
      });
      return (await this.outbox.enqueue(m, messages)).length;
    });
    return { entries: entries.length, queued };
  }
}
