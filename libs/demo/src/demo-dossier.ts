import type { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { normaliseEmail } from '../../accounts/src/accounts.service';
import { UserEntity } from '../../accounts/src/user.entity';
import { AssignmentService } from '../../assessment/src/assignment.service';
import { DocumentsService } from '../../documents/src/documents.service';
import { amsterdamDate, Clock } from '../../platform/src/clock';
import type { AppConfig } from '../../platform/src/config';
import { DomainError } from '../../platform/src/domain-error';
import { PortfolioService } from '../../portfolio/src/portfolio.service';
import { SECTION_KEYS } from '../../portfolio/src/sections';
import { SubmissionService } from '../../portfolio/src/submission.service';
import { RegulationsService } from '../../regulations/src/regulations.service';
import type { IsoDate } from '../../rulebook/src/dates/calendar-date.util';
import { StorageService } from '../../storage/src/storage.service';
import { DEMO_ASSESSORS, DEMO_DOSSIER_CANDIDATE } from './demo-accounts';
import { DEMO_DOSSIER_FILES, type DemoDossierFileKey, demoDossierSections, demoPdf } from './demo-dossier.content';

/** The services seeding the demo dossier goes through (both apps have all of them). */
export interface DemoDossierServices {
  dataSource: DataSource;
  clock: Clock;
  documents: DocumentsService;
  storage: StorageService;
  regulations: RegulationsService;
  portfolios: PortfolioService;
  submissions: SubmissionService;
  assignments: AssignmentService;
}

export function demoDossierServices(app: Pick<INestApplicationContext, 'get'>): DemoDossierServices {
  return {
    dataSource: app.get(DataSource),
    clock: app.get(Clock),
    documents: app.get(DocumentsService),
    storage: app.get(StorageService),
    regulations: app.get(RegulationsService),
    portfolios: app.get(PortfolioService),
    submissions: app.get(SubmissionService),
    assignments: app.get(AssignmentService),
  };
}

export interface DemoDossier {
  portfolioId: string;
  submissionId: string;
  /** The assessors the dossier was assigned to, in order. */
  assessorIds: string[];
}

/**
 * Gives the demo assessors something to work on: the second demo candidate (Joost Visser) gets a
 * complete portfolio, with real uploaded and verified documents, which is submitted and assigned
 * to both demo assessors by the first admin; the assessors have not declared independence yet.
 * Everything goes through the same services as the HTTP routes (audit trail included); dates are
 * relative to the app's clock, so the portfolio is complete on the day it is seeded.
 *
 * Idempotent: when the candidate does not exist (no demo data) or already has any portfolio,
 * nothing happens and the result is null. Not transactional as a whole: a start-up that dies
 * half-way leaves a draft, which a later start leaves alone.
 */
export async function seedDemoDossier(s: DemoDossierServices, config: Pick<AppConfig, 'adminEmail'>): Promise<DemoDossier | null> {
  const users = s.dataSource.getRepository(UserEntity);
  const candidate = await users.findOneBy({ email: normaliseEmail(DEMO_DOSSIER_CANDIDATE.email) });
  if (!candidate) return null;
  if ((await s.portfolios.list(candidate.id)).length > 0) return null;
  const admin = await users.findOneBy({ email: normaliseEmail(config.adminEmail) });
  if (!admin) throw new Error(`demo dossier: the first admin ${config.adminEmail} does not exist; seed the accounts first`);
  const assessors = await Promise.all(
    DEMO_ASSESSORS.map(async (a) => {
      const user = await users.findOneBy({ email: normaliseEmail(a.email) });
      if (!user) throw new Error(`demo dossier: the demo assessor ${a.email} does not exist; seed the accounts first`);
      return user;
    }),
  );

  let portfolio;
  try {
    portfolio = await s.portfolios.create(candidate.id);
  } catch (err) {
    // Another process seeding at the same moment got there first.
    if (err instanceof DomainError && err.code === 'PORTFOLIO_EXISTS') return null;
    throw err;
  }

  const ids = {} as Record<DemoDossierFileKey, string>;
  for (const file of DEMO_DOSSIER_FILES) {
    const bytes = demoPdf(file.lines);
    const { document } = await s.documents.requestUpload(candidate.id, { filename: file.filename, contentType: 'application/pdf', sizeBytes: bytes.length });
    // What the browser does with the presigned URL, done directly; the server then verifies the object.
    const { storageKey } = await s.documents.find(candidate.id, document.id);
    await s.storage.put(storageKey, bytes, 'application/pdf');
    const verified = await s.documents.confirm(candidate.id, document.id);
    if (verified.status !== 'verified') throw new Error(`demo dossier: ${file.filename} was not verified (${verified.status})`);
    ids[file.key] = document.id;
  }

  const today = amsterdamDate(s.clock.now()) as IsoDate;
  const sections = demoDossierSections(today, ids, await s.regulations.currentVersions(today));
  for (const key of SECTION_KEYS) {
    const content = sections[key];
    if (content === undefined) throw new Error(`demo dossier: no content for section ${key}`);
    const etag = portfolio.sections.find((x) => x.section === key)!.etag;
    await s.portfolios.writeSection(candidate.id, portfolio.id, key, etag, 'replace', content);
  }

  const { revision } = await s.portfolios.get(candidate.id, portfolio.id);
  const submitted = await s.submissions.submit(candidate.id, portfolio.id, `demo-dossier-${portfolio.id}`, { revision });
  for (const assessor of assessors) {
    await s.assignments.assign(portfolio.id, assessor.id, { actorId: admin.id });
  }
  return { portfolioId: portfolio.id, submissionId: submitted.body.submission.id, assessorIds: assessors.map((a) => a.id) };
}
