import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { evaluate, type EvaluationReport, type Finding, type Lang, type PortfolioDocument, validatePortfolioDocument } from '@rlp/rulebook';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../../audit/src/audit.service';
import { DocumentsService, type DocumentReference } from '../../documents/src/documents.service';
import { bilingual } from '../../platform/src/bilingual';
import { amsterdamDate, Clock } from '../../platform/src/clock';
import { DomainError } from '../../platform/src/domain-error';
import { RegulationsService } from '../../regulations/src/regulations.service';
import { sectionEtag, expectedVersion } from './etag';
import { RulebookCatalog } from './rulebook-catalog.service';
import { PortfolioEntity, PortfolioSectionEntity, PortfolioSectionRevisionEntity, SubmissionEntity } from './portfolio.entities';
import { notEditable, portfolioNotFound, sectionNotFound } from './portfolio.errors';
import {
  assembleDocument,
  contentBytes,
  contentProblems,
  deepEqual,
  documentIdsOf,
  malformedDocumentReferences,
  isPlainObject,
  isSectionKey,
  JsonObject,
  mergePatch,
  SECTION_KEYS,
  SECTION_PART,
  SectionContents,
  SectionKey,
  sectionOfPointer,
  sectionPointer,
  SIZE_LIMITS,
} from './sections';
import { stampSignatures } from './signatures';

export interface SectionState {
  section: SectionKey;
  part: string;
  version: number;
  etag: string;
  updatedAt: string;
}

export interface PortfolioView {
  id: string;
  status: PortfolioEntity['status'];
  rulebookVersion: string;
  createdAt: string;
  updatedAt: string;
  submittedAt: string | null;
  previousPortfolioId: string | null;
  /** Changes whenever any section changes; a submission names the revision the candidate reviewed. */
  revision: string;
  sections: SectionState[];
}

export interface SectionView extends SectionState {
  content: JsonObject;
}

export interface CompletenessView extends EvaluationReport {
  findings: Array<Finding & { section: SectionKey | null }>;
  regulationVersions: Record<string, number>;
}

export type WriteMode = 'replace' | 'merge';

export interface RulebookMovePreview {
  from: string;
  to: string;
  before: { complete: boolean; blocking: number; parts: EvaluationReport['progress']['parts'] };
  after: { complete: boolean; blocking: number; parts: EvaluationReport['progress']['parts'] };
  /** Findings the move would add. */
  newFindings: Finding[];
  /** Findings the move would make disappear. */
  resolvedFindings: Finding[];
}

export function portfolioRevision(sections: ReadonlyArray<{ section: string; version: number }>): string {
  const key = [...sections].sort((a, b) => a.section.localeCompare(b.section)).map((s) => `${s.section}.${s.version}`).join(',');
  return createHash('sha256').update(key).digest('hex').slice(0, 20);
}

/** A candidate's portfolio: sections with optimistic concurrency, revision history, live checking. */
@Injectable()
export class PortfolioService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly documents: DocumentsService,
    private readonly regulations: RegulationsService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    readonly rulebooks: RulebookCatalog,
  ) {}

  today(): string {
    return amsterdamDate(this.clock.now());
  }

  async create(candidateId: string, requestId?: string): Promise<PortfolioView> {
    const rulebook = await this.rulebooks.default();
    const id = await this.dataSource.transaction(async (m) => {
      const open = await m.findOneBy(PortfolioEntity, { candidateId, status: 'draft' });
      const active = open ?? (await m.createQueryBuilder(PortfolioEntity, 'p').where('p.candidate_id = :candidateId', { candidateId }).andWhere(`p.status <> 'decided'`).getOne());
      if (active) {
        throw new DomainError('conflict', 'PORTFOLIO_EXISTS', bilingual('Je hebt al een portfolio dat nog loopt', 'You already have a portfolio in progress'), { portfolioId: active.id, status: active.status });
      }
      const now = this.clock.now();
      const inserted = await m.insert(PortfolioEntity, { candidateId, status: 'draft', rulebookVersion: rulebook.id, createdAt: now, updatedAt: now, submittedAt: null, previousPortfolioId: null });
      const portfolioId = (inserted.identifiers[0] as { id: string }).id;
      for (const section of SECTION_KEYS) {
        await m.insert(PortfolioSectionEntity, { portfolioId, section, content: {}, version: 1, documentIds: [], updatedAt: now, updatedBy: candidateId });
        await m.insert(PortfolioSectionRevisionEntity, { portfolioId, section, version: 1, content: {}, savedAt: now, savedBy: candidateId });
      }
      await this.audit.record({ actorId: candidateId, action: 'portfolio.created', subjectType: 'portfolio', subjectId: portfolioId, requestId, data: { rulebookVersion: rulebook.id } }, m);
      return portfolioId;
    }).catch((err: unknown) => {
      // Two simultaneous creations: the unique index lets one through.
      if ((err as { code?: string }).code === '23505') {
        throw new DomainError('conflict', 'PORTFOLIO_EXISTS', bilingual('Je hebt al een portfolio dat nog loopt', 'You already have a portfolio in progress'));
      }
      throw err;
    });
    return this.get(candidateId, id);
  }

  async list(candidateId: string): Promise<PortfolioView[]> {
    const rows = await this.dataSource.manager.find(PortfolioEntity, { where: { candidateId }, order: { createdAt: 'DESC' } });
    return Promise.all(rows.map((p) => this.view(p)));
  }

  async get(candidateId: string, id: string): Promise<PortfolioView> {
    return this.view(await this.own(candidateId, id));
  }

  async own(candidateId: string, id: string, manager: EntityManager = this.dataSource.manager): Promise<PortfolioEntity> {
    const portfolio = await manager.findOneBy(PortfolioEntity, { id, candidateId });
    if (!portfolio) throw portfolioNotFound();
    return portfolio;
  }

  private async view(p: PortfolioEntity): Promise<PortfolioView> {
    const sections = await this.dataSource.manager.find(PortfolioSectionEntity, { where: { portfolioId: p.id } });
    return {
      id: p.id,
      status: p.status,
      rulebookVersion: p.rulebookVersion,
      createdAt: p.createdAt.toISOString(),
      updatedAt: p.updatedAt.toISOString(),
      submittedAt: p.submittedAt?.toISOString() ?? null,
      previousPortfolioId: p.previousPortfolioId,
      revision: portfolioRevision(sections),
      sections: SECTION_KEYS.map((key) => sectionState(sections.find((s) => s.section === key)!)),
    };
  }

  async getSection(candidateId: string, id: string, key: string): Promise<SectionView> {
    const section = this.key(key);
    await this.own(candidateId, id);
    const row = await this.dataSource.manager.findOneByOrFail(PortfolioSectionEntity, { portfolioId: id, section });
    return { ...sectionState(row), content: row.content };
  }

  /**
   * Saves a section only if the client's If-Match names its current version (412 otherwise, 428
   * when absent). The portfolio row is key-share-locked so a concurrent submission waits for the save
   * (and the save for the submission); the section row is locked so two writers are serialised and
   * the second sees the first's version. A write that changes nothing keeps the version.
   */
  async writeSection(candidateId: string, id: string, key: string, ifMatch: string | undefined, mode: WriteMode, body: unknown, requestId?: string): Promise<SectionView> {
    const section = this.key(key);
    const expected = expectedVersion(section, ifMatch);
    if (!isPlainObject(body)) {
      throw new DomainError('validation', 'INVALID_SECTION', bilingual('Stuur een JSON-object', 'Send a JSON object'), { errors: [{ path: '', message: 'must be an object' }] });
    }
    this.checkContent(section, body);
    const today = this.today();
    return this.dataSource.transaction(async (m) => {
      const portfolio = await m.createQueryBuilder(PortfolioEntity, 'p').setLock('for_key_share').where('p.id = :id AND p.candidate_id = :candidateId', { id, candidateId }).getOne();
      if (!portfolio) throw portfolioNotFound();
      if (portfolio.status !== 'draft') throw notEditable(portfolio.status);
      const row = await m.createQueryBuilder(PortfolioSectionEntity, 's').setLock('pessimistic_write').where('s.portfolio_id = :id AND s.section = :section', { id, section }).getOneOrFail();
      if (row.version !== expected) {
        throw new DomainError('precondition_failed', 'STALE_SECTION', bilingual('Dit onderdeel is intussen gewijzigd; laad het opnieuw', 'This section has changed meanwhile; reload it'), {
          currentVersion: row.version,
          etag: sectionEtag(section, row.version),
        });
      }
      const merged = mode === 'merge' ? mergePatch(row.content, body) : body;
      if (!isPlainObject(merged)) throw new Error('unreachable: a merge patch of an object onto an object is an object');
      this.checkContent(section, merged);
      const current = await this.regulations.currentVersions(today, m);
      const { content, acceptances } = stampSignatures(section, row.content, merged, { today, current });
      if (section.startsWith('case-') && 'id' in content) {
        if (content['id'] !== section) throw new DomainError('validation', 'INVALID_SECTION', bilingual('Het id van een casus kiest het platform', 'The platform chooses the id of a case'), { errors: [{ path: `${sectionPointer(section)}/id`, message: 'set by the platform' }] });
        delete content['id'];
      }
      this.validateShape(portfolio.rulebookVersion, section, content);
      await this.checkSize(m, id, section, content);
      // A reference that is not a UUID names no upload: refused here, before it reaches a uuid column.
      const malformed = malformedDocumentReferences(section, content);
      if (malformed.length > 0) {
        throw new DomainError('validation', 'INVALID_SECTION', bilingual('Een verwijzing naar een document is geen document-id', 'A reference to a document is not a document id'), {
          errors: malformed.slice(0, 20).map((e) => ({ ...e, path: `${sectionPointer(section)}${e.path}` })),
        });
      }
      const documentIds = documentIdsOf(section, content);
      const found = await this.documents.lockVerified(m, candidateId, documentIds);
      const missing = documentIds.filter((d) => !found.some((f) => f.id === d));
      if (missing.length > 0) {
        throw new DomainError('validation', 'UNKNOWN_DOCUMENT', bilingual('Verwijst naar een document dat niet bestaat of nog niet is gecontroleerd', 'Refers to a document that does not exist or has not been verified'), { documentIds: missing });
      }
      if (deepEqual(content, row.content)) return { ...sectionState(row), content: row.content };
      const now = this.clock.now();
      const version = row.version + 1;
      const updated = await m
        .createQueryBuilder()
        .update(PortfolioSectionEntity)
        .set({ content: content as never, version, documentIds, updatedAt: now, updatedBy: candidateId })
        .where('portfolio_id = :id AND section = :section AND version = :expected', { id, section, expected })
        .execute();
      if (updated.affected !== 1) throw new Error('section changed while locked');
      await m.insert(PortfolioSectionRevisionEntity, { portfolioId: id, section, version, content: content as never, savedAt: now, savedBy: candidateId });
      await m.update(PortfolioEntity, { id }, { updatedAt: now });
      for (const acceptance of acceptances) {
        await this.regulations.recordAcceptance(m, { userId: candidateId, portfolioId: id, type: acceptance.type, version: acceptance.version, acceptedAt: now });
        await this.audit.record({ actorId: candidateId, action: 'regulation.accepted', subjectType: 'portfolio', subjectId: id, requestId, data: { ...acceptance } }, m);
      }
      await this.audit.record({ actorId: candidateId, action: 'portfolio.section_saved', subjectType: 'portfolio', subjectId: id, requestId, data: { section, version } }, m);
      return { section, part: SECTION_PART[section], version, etag: sectionEtag(section, version), updatedAt: now.toISOString(), content };
    });
  }

  async revisions(candidateId: string, id: string, key: string): Promise<Array<{ version: number; savedAt: string; etag: string }>> {
    const section = this.key(key);
    await this.own(candidateId, id);
    const rows = await this.dataSource.manager.find(PortfolioSectionRevisionEntity, { where: { portfolioId: id, section }, order: { version: 'DESC' }, select: { version: true, savedAt: true } });
    return rows.map((r) => ({ version: r.version, savedAt: r.savedAt.toISOString(), etag: sectionEtag(section, r.version) }));
  }

  async revision(candidateId: string, id: string, key: string, version: number): Promise<{ version: number; savedAt: string; content: JsonObject }> {
    const section = this.key(key);
    await this.own(candidateId, id);
    const row = await this.dataSource.manager.findOneBy(PortfolioSectionRevisionEntity, { portfolioId: id, section, version });
    if (!row) throw new DomainError('not_found', 'REVISION_NOT_FOUND', bilingual('Deze versie bestaat niet', 'This revision does not exist'), { version });
    return { version: row.version, savedAt: row.savedAt.toISOString(), content: row.content };
  }

  async sections(portfolioId: string, manager: EntityManager = this.dataSource.manager): Promise<{ contents: SectionContents; rows: PortfolioSectionEntity[] }> {
    const rows = await manager.find(PortfolioSectionEntity, { where: { portfolioId } });
    const contents = Object.fromEntries(SECTION_KEYS.map((k) => [k, rows.find((r) => r.section === k)?.content ?? {}])) as SectionContents;
    return { contents, rows };
  }

  /** The rulebook's portfolio document: for a submitted portfolio, the frozen one. */
  async document(candidateId: string, id: string): Promise<PortfolioDocument> {
    return this.documentOf(await this.own(candidateId, id));
  }

  async documentOf(portfolio: PortfolioEntity): Promise<PortfolioDocument> {
    if (portfolio.status !== 'draft') {
      const submission = await this.dataSource.manager.findOneByOrFail(SubmissionEntity, { portfolioId: portfolio.id });
      return submission.document as unknown as PortfolioDocument;
    }
    return assembleDocument(portfolio.rulebookVersion, (await this.sections(portfolio.id)).contents);
  }

  /** The live completeness report, with every finding pointed at its section. */
  async completeness(candidateId: string, id: string, lang?: Lang): Promise<CompletenessView> {
    const portfolio = await this.own(candidateId, id);
    return this.report(portfolio, await this.documentOf(portfolio), lang);
  }

  /** Today's report of `document` under the portfolio's rulebook and the current regulations. */
  async report(portfolio: PortfolioEntity, document: PortfolioDocument, lang?: Lang): Promise<CompletenessView> {
    const today = this.today();
    const regulationVersions = await this.regulations.currentVersions(today);
    return this.evaluate(document, portfolio.rulebookVersion, today, regulationVersions, lang);
  }

  evaluate(document: PortfolioDocument, rulebookVersion: string, referenceDate: string, regulationVersions: Record<string, number>, lang?: Lang): CompletenessView {
    const report = evaluate(document, this.rulebooks.get(rulebookVersion), {
      referenceDate,
      currentRegulationVersions: { gedragscode: regulationVersions['gedragscode'], klachtenreglement: regulationVersions['klachtenreglement'] },
      ...(lang ? { lang } : {}),
    });
    return { ...report, findings: report.findings.map((f) => ({ ...f, section: sectionOfPointer(f.path) })), regulationVersions };
  }

  /**
   * What moving a draft to another rulebook version would change in its completeness report,
   * without changing anything.
   */
  async previewRulebookMove(candidateId: string, id: string, to: string): Promise<RulebookMovePreview> {
    const portfolio = await this.own(candidateId, id);
    this.checkMove(portfolio, to);
    const today = this.today();
    const regulationVersions = await this.regulations.currentVersions(today);
    const contents = (await this.sections(id)).contents;
    const before = this.evaluate(assembleDocument(portfolio.rulebookVersion, contents), portfolio.rulebookVersion, today, regulationVersions);
    const after = this.evaluate(assembleDocument(to, contents), to, today, regulationVersions);
    const key = (f: Finding) => `${f.severity}|${f.code}|${f.path}`;
    const beforeKeys = new Set(before.findings.map(key));
    const afterKeys = new Set(after.findings.map(key));
    return {
      from: portfolio.rulebookVersion,
      to,
      before: { complete: before.complete, blocking: before.findings.filter((f) => f.severity === 'blocking').length, parts: before.progress.parts },
      after: { complete: after.complete, blocking: after.findings.filter((f) => f.severity === 'blocking').length, parts: after.progress.parts },
      newFindings: after.findings.filter((f) => !beforeKeys.has(key(f))),
      resolvedFindings: before.findings.filter((f) => !afterKeys.has(key(f))),
    };
  }

  /**
   * Moves a draft to another published rulebook version, explicitly; recorded in the audit trail
   * with the actor: the candidate, or an admin moving it for them (assessor API).
   */
  async moveRulebook(candidateId: string, id: string, to: string, requestId?: string, actorId: string = candidateId): Promise<PortfolioView> {
    await this.dataSource.transaction(async (m) => {
      const portfolio = await m.createQueryBuilder(PortfolioEntity, 'p').setLock('pessimistic_write').where('p.id = :id AND p.candidate_id = :candidateId', { id, candidateId }).getOne();
      if (!portfolio) throw portfolioNotFound();
      this.checkMove(portfolio, to);
      await m.update(PortfolioEntity, { id }, { rulebookVersion: to, updatedAt: this.clock.now() });
      await this.audit.record({ actorId, action: 'portfolio.rulebook_moved', subjectType: 'portfolio', subjectId: id, requestId, data: { before: portfolio.rulebookVersion, after: to } }, m);
    });
    return this.get(candidateId, id);
  }

  private checkMove(portfolio: PortfolioEntity, to: string): void {
    if (portfolio.status !== 'draft') throw notEditable(portfolio.status);
    this.rulebooks.published(to);
    if (to === portfolio.rulebookVersion) {
      throw new DomainError('conflict', 'RULEBOOK_ALREADY_CURRENT', bilingual('Het portfolio gebruikt deze versie al', 'The portfolio already uses this version'), { rulebook: to });
    }
  }

  /** Where a document is still used: a draft's section, or any submission (those are frozen). */
  static async documentReferences(manager: EntityManager, documentId: string): Promise<DocumentReference[]> {
    const sections: Array<{ portfolio_id: string; section: string }> = await manager.query(
      `SELECT "portfolio_id", "section" FROM "portfolio_sections" WHERE $1 = ANY("document_ids")`,
      [documentId],
    );
    const submissions: Array<{ id: string }> = await manager.query(`SELECT "id" FROM "submissions" WHERE "documents" @> $1::jsonb`, [JSON.stringify([{ id: documentId }])]);
    const regulations: Array<{ id: string; type: string; version: number }> = await manager.query(
      `SELECT "id", "type", "version" FROM "regulation_versions" WHERE "pdf_document_id" = $1`,
      [documentId],
    );
    return [
      ...sections.map((s) => ({ where: `portfolio/${s.portfolio_id}/sections/${s.section}`, id: s.portfolio_id })),
      ...submissions.map((s) => ({ where: `submission/${s.id}`, id: s.id })),
      ...regulations.map((r) => ({ where: `regulation/${r.type}/${r.version}`, id: r.id })),
    ];
  }

  private key(key: string): SectionKey {
    if (!isSectionKey(key)) throw sectionNotFound(key);
    return key;
  }

  private checkContent(section: SectionKey, content: unknown): void {
    const problems = contentProblems(content);
    if (problems.length > 0) {
      throw new DomainError('validation', 'INVALID_SECTION', bilingual('Een of meer waarden zijn te groot of bevatten ongeldige tekens', 'One or more values are too large or contain invalid characters'), {
        errors: problems.slice(0, 20).map((p) => ({ path: `${sectionPointer(section)}${p.path}`, message: p.problem, ...(p.limit ? { limit: p.limit } : {}) })),
      });
    }
  }

  /**
   * The section, and the portfolio with it, must stay within SIZE_LIMITS (413, nothing saved). The
   * other sections are read in the same transaction; a concurrent save of another section can pass
   * the portfolio limit by at most one section's growth, which is still bounded by the section limit.
   */
  private async checkSize(m: EntityManager, portfolioId: string, section: SectionKey, content: JsonObject): Promise<void> {
    const size = contentBytes(content);
    if (size > SIZE_LIMITS.maxSectionBytes) {
      throw new DomainError(
        'too_large',
        'SECTION_TOO_LARGE',
        bilingual(
          `Dit onderdeel is te groot (${kib(size)} KiB, hoogstens ${kib(SIZE_LIMITS.maxSectionBytes)} KiB); maak de teksten korter`,
          `This section is too large (${kib(size)} KiB, at most ${kib(SIZE_LIMITS.maxSectionBytes)} KiB); shorten the texts`,
        ),
        { section, limit: SIZE_LIMITS.maxSectionBytes, size },
      );
    }
    const others = await m.find(PortfolioSectionEntity, { where: { portfolioId }, select: { section: true, content: true } });
    const total = size + others.filter((o) => o.section !== section).reduce((sum, o) => sum + contentBytes(o.content), 0);
    if (total > SIZE_LIMITS.maxPortfolioBytes) {
      throw new DomainError(
        'too_large',
        'PORTFOLIO_TOO_LARGE',
        bilingual(
          `Het portfolio wordt hiermee te groot (${kib(total)} KiB, hoogstens ${kib(SIZE_LIMITS.maxPortfolioBytes)} KiB); maak de teksten korter`,
          `This would make the portfolio too large (${kib(total)} KiB, at most ${kib(SIZE_LIMITS.maxPortfolioBytes)} KiB); shorten the texts`,
        ),
        { section, limit: SIZE_LIMITS.maxPortfolioBytes, size: total },
      );
    }
  }

  /** The section must fit the rulebook's document schema (shape, not completeness). */
  private validateShape(rulebookVersion: string, section: SectionKey, content: JsonObject): void {
    const empty = Object.fromEntries(SECTION_KEYS.map((k) => [k, {}])) as SectionContents;
    empty[section] = content;
    const result = validatePortfolioDocument(assembleDocument(rulebookVersion, empty));
    if (!result.valid) {
      throw new DomainError('validation', 'INVALID_SECTION', bilingual('Het onderdeel heeft niet de juiste vorm', 'The section does not have the right shape'), {
        errors: result.errors.slice(0, 20),
      });
    }
  }
}

const kib = (bytes: number): string => (bytes / 1024).toFixed(1);

function sectionState(row: PortfolioSectionEntity): SectionState {
  const section = row.section as SectionKey;
  return { section, part: SECTION_PART[section], version: row.version, etag: sectionEtag(section, row.version), updatedAt: row.updatedAt.toISOString() };
}
