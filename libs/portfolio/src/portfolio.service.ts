import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { evaluate, type EvaluationReport, type Finding, type Lang, type PortfolioDocument, validatePortfolioDocument } from '@rlp/rulebook';
import { DataSource, EntityManager } from 'typeorm';
import { AuditChainer } from '../../audit/src/audit-chainer';
import { auditInsert, type AuditInsert } from '../../audit/src/audit-insert';
import { AuditService } from '../../audit/src/audit.service';
import { DocumentsService, type DocumentReference } from '../../documents/src/documents.service';
import { bilingual } from '../../platform/src/bilingual';
import { amsterdamDate, Clock } from '../../platform/src/clock';
import { DomainError } from '../../platform/src/domain-error';
import { queryPrepared } from '../../platform/src/prepared';
import { currentRegulationVersionsSql, RegulationsService, toCurrentVersions } from '../../regulations/src/regulations.service';
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
    private readonly chainer: AuditChainer,
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
    const rows: PortfolioRow[] = await this.dataSource.query(`${PORTFOLIO_VIEW_SQL} WHERE p."candidate_id" = $1 ORDER BY p."created_at" DESC`, [candidateId]);
    return rows.map(portfolioView);
  }

  /**
   * One statement: the portfolio and each section's version and date, never the sections' contents
   * (ADR 0025).
   */
  async get(candidateId: string, id: string): Promise<PortfolioView> {
    const rows = await queryPrepared<PortfolioRow>(this.dataSource, PORTFOLIO_GET_SQL, [id, candidateId]);
    if (!rows[0]) throw portfolioNotFound();
    return portfolioView(rows[0]);
  }

  async own(candidateId: string, id: string, manager: EntityManager = this.dataSource.manager): Promise<PortfolioEntity> {
    const portfolio = await manager.findOneBy(PortfolioEntity, { id, candidateId });
    if (!portfolio) throw portfolioNotFound();
    return portfolio;
  }

  async getSection(candidateId: string, id: string, key: string): Promise<SectionView> {
    const section = this.key(key);
    await this.own(candidateId, id);
    const row = await this.dataSource.manager.findOneByOrFail(PortfolioSectionEntity, { portfolioId: id, section });
    return { ...sectionState(row), content: row.content };
  }

  /**
   * Saves a section only if the client's If-Match names its current version (412 otherwise, 428
   * when absent). A write that changes nothing keeps the version and writes nothing.
   *
   * Round trips (ADR 0025, "A section save in 2 statements"): no explicit transaction on the common
   * path. Statement 1 reads, without locks, what validation needs (status, rulebook version, the
   * section's version and content, the other sections' contents for the size limit, today's
   * regulation versions); validation runs here; statement 2 (SAVE_SQL) is ONE data-modifying
   * statement that takes the portfolio's key-share lock in a locking CTE (only while it is the
   * candidate's draft on the rulebook the content was validated against: in READ COMMITTED a submission's or a move's
   * `FOR UPDATE` makes it wait, and after their commit status and rulebook are checked again),
   * updates the section only `WHERE version =
   * expected` (a save that committed meanwhile moved it: nothing written), inserts the revision,
   * touches the portfolio and inserts the audit event (`auditInsert`). It commits on its own, so
   * the section, its revision and its event commit together or not at all. When it writes nothing,
   * the save starts over: the fresh read answers 404, 409 or 412 (STALE_SECTION with the current
   * ETag) exactly as before; the content validated is the content it read, because the write
   * requires the version it read.
   *
   * Sections that refer to documents, or that accept a new regulation version, keep a transaction
   * (the documents' share locks until commit, the acceptances with the change): BEGIN, a lock of
   * both rows that checks the version read is still current, the documents' share locks, the same
   * write, the acceptances and their events, COMMIT.
   */
  async writeSection(candidateId: string, id: string, key: string, ifMatch: string | undefined, mode: WriteMode, body: unknown, requestId?: string): Promise<SectionView> {
    const section = this.key(key);
    const expected = expectedVersion(section, ifMatch);
    if (!isPlainObject(body)) {
      throw new DomainError('validation', 'INVALID_SECTION', bilingual('Stuur een JSON-object', 'Send a JSON object'), { errors: [{ path: '', message: 'must be an object' }] });
    }
    this.checkContent(section, body);
    // Writes nothing only when something changed between the read and the write; the next read then answers.
    for (let attempt = 1; ; attempt++) {
      const saved = await this.trySave(candidateId, id, section, expected, mode, body, requestId);
      if (saved) return saved;
      if (attempt >= 3) throw new Error(`section ${section} of ${id}: version ${expected} current on read, but not on write, ${attempt} times`);
    }
  }

  /** One read and one write (see writeSection); null when the write found the section or portfolio changed. */
  private async trySave(candidateId: string, id: string, section: SectionKey, expected: number, mode: WriteMode, body: JsonObject, requestId?: string): Promise<SectionView | null> {
    const today = this.today();
    const rows = await queryPrepared<SectionForSave>(this.dataSource, SAVE_READ_SQL, [id, candidateId, section, today]);
    const row = rows[0];
    checkSaveable(section, row, expected);
    const merged = mode === 'merge' ? mergePatch(row.content, body) : body;
    if (!isPlainObject(merged)) throw new Error('unreachable: a merge patch of an object onto an object is an object');
    this.checkContent(section, merged);
    const current = toCurrentVersions(row.regulations);
    const { content, acceptances } = stampSignatures(section, row.content, merged, { today, current });
    if (section.startsWith('case-') && 'id' in content) {
      if (content['id'] !== section) throw new DomainError('validation', 'INVALID_SECTION', bilingual('Het id van een casus kiest het platform', 'The platform chooses the id of a case'), { errors: [{ path: `${sectionPointer(section)}/id`, message: 'set by the platform' }] });
      delete content['id'];
    }
    this.validateShape(row.rulebookVersion, section, content);
    checkSize(section, content, row.others);
    // A reference that is not a UUID names no upload: refused here, before it reaches a uuid column.
    const malformed = malformedDocumentReferences(section, content);
    if (malformed.length > 0) {
      throw new DomainError('validation', 'INVALID_SECTION', bilingual('Een verwijzing naar een document is geen document-id', 'A reference to a document is not a document id'), {
        errors: malformed.slice(0, 20).map((e) => ({ ...e, path: `${sectionPointer(section)}${e.path}` })),
      });
    }
    const documentIds = documentIdsOf(section, content);
    if (documentIds.length === 0 && deepEqual(content, row.content)) return { ...sectionState({ section, version: row.version, updatedAt: new Date(row.updatedAt) }), content: row.content };
    const now = this.clock.now();
    const version = expected + 1;
    const saved: SectionView = { section, part: SECTION_PART[section], version, etag: sectionEtag(section, version), updatedAt: now.toISOString(), content };
    const event = { actorId: candidateId, action: 'portfolio.section_saved', subjectType: 'portfolio', subjectId: id, requestId, data: { section, version } };
    // $9: the rulebook the content was validated against; a move to another one meanwhile makes the write match nothing.
    const params = [id, section, expected, JSON.stringify(content), version, documentIds, now, candidateId, row.rulebookVersion];

    if (documentIds.length === 0 && acceptances.length === 0) {
      // The common path: one statement, no explicit transaction.
      const audit = auditInsert(event, params.length + 1);
      const written = await queryPrepared<{ updated: number }>(this.dataSource, saveSql(audit), [...params, ...audit.params]);
      if (written[0]?.updated !== 1) return null;
      this.chainer.nudge();
      return saved;
    }

    // Documents (share-locked until commit, so none is deleted while a section starts to refer to
    // it) or new regulation acceptances (recorded with the change): the transactional path.
    const result = await this.dataSource.transaction(async (m): Promise<SectionView | null> => {
      const locked: Array<Pick<SectionForSave, 'status' | 'version'>> = await m.query(
        `SELECT p."status", s."version" FROM "portfolios" p JOIN "portfolio_sections" s ON s."portfolio_id" = p."id" AND s."section" = $3
          WHERE p."id" = $1 AND p."candidate_id" = $2 FOR KEY SHARE OF p FOR UPDATE OF s`,
        [id, candidateId, section],
      );
      // Still the version read: then also still the content validated above (every change moves the version).
      checkSaveable(section, locked[0], expected);
      const found = documentIds.length > 0 ? await this.documents.lockVerified(m, candidateId, documentIds) : [];
      const missing = documentIds.filter((d) => !found.some((f) => f.id === d));
      if (missing.length > 0) {
        throw new DomainError('validation', 'UNKNOWN_DOCUMENT', bilingual('Verwijst naar een document dat niet bestaat of nog niet is gecontroleerd', 'Refers to a document that does not exist or has not been verified'), { documentIds: missing });
      }
      // Only now is a section that refers to documents known to be unchanged (they are verified and locked).
      if (deepEqual(content, row.content)) return { ...sectionState({ section, version: row.version, updatedAt: new Date(row.updatedAt) }), content: row.content };
      // The audit event joins the write unless acceptances are recorded: theirs come first, as before.
      const audit = acceptances.length === 0 ? auditInsert(event, params.length + 1) : null;
      const written: Array<{ updated: number }> = await m.query(saveSql(audit), [...params, ...(audit?.params ?? [])]);
      if (written[0]?.updated !== 1) throw new Error('section changed while locked');
      for (const acceptance of acceptances) {
        await this.regulations.recordAcceptance(m, { userId: candidateId, portfolioId: id, type: acceptance.type, version: acceptance.version, acceptedAt: now });
        await this.audit.record({ actorId: candidateId, action: 'regulation.accepted', subjectType: 'portfolio', subjectId: id, requestId, data: { ...acceptance } }, m);
      }
      if (!audit) await this.audit.record(event, m);
      return saved;
    });
    this.chainer.nudge();
    return result;
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

  /**
   * The live completeness report, with every finding pointed at its section: one statement reads
   * the portfolio, what is checked (the draft's sections, or the frozen submission's document) and
   * today's regulation versions (ADR 0025).
   */
  async completeness(candidateId: string, id: string, lang?: Lang): Promise<CompletenessView> {
    const today = this.today();
    const rows: Array<{ status: string; rulebookVersion: string; contents: Record<string, JsonObject> | null; document: PortfolioDocument | null; regulations: Record<string, number> }> =
      await this.dataSource.query(
        `SELECT p."status", p."rulebook_version" AS "rulebookVersion",
                CASE WHEN p."status" = 'draft' THEN (SELECT jsonb_object_agg(s."section", s."content") FROM "portfolio_sections" s WHERE s."portfolio_id" = p."id") END AS "contents",
                CASE WHEN p."status" <> 'draft' THEN (SELECT sub."document" FROM "submissions" sub WHERE sub."portfolio_id" = p."id") END AS "document",
                ${currentRegulationVersionsSql('$3')} AS "regulations"
           FROM "portfolios" p WHERE p."id" = $1 AND p."candidate_id" = $2`,
        [id, candidateId, today],
      );
    const row = rows[0];
    if (!row) throw portfolioNotFound();
    let document: PortfolioDocument;
    if (row.status === 'draft') {
      const contents = Object.fromEntries(SECTION_KEYS.map((k) => [k, row.contents?.[k] ?? {}])) as SectionContents;
      document = assembleDocument(row.rulebookVersion, contents);
    } else {
      if (!row.document) throw new Error(`portfolio ${id} is ${row.status} without a submission`);
      document = row.document;
    }
    return this.evaluate(document, row.rulebookVersion, today, toCurrentVersions(row.regulations), lang);
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

/** What the save's read (statement 1) answers. */
interface SectionForSave {
  status: PortfolioEntity['status'];
  rulebookVersion: string;
  version: number;
  content: JsonObject;
  updatedAt: Date;
  /** The contents of the portfolio's other sections (for the portfolio's size limit). */
  others: JsonObject[];
  regulations: Record<string, number>;
}

/**
 * The section, and the portfolio with it, must stay within SIZE_LIMITS (413, nothing saved). The
 * other sections were read in the save's read (statement 1); a concurrent save of another section can
 * pass the portfolio limit by at most one section's growth, which is still bounded by the section limit.
 */
function checkSize(section: SectionKey, content: JsonObject, others: readonly JsonObject[]): void {
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
  const total = size + others.reduce((sum, o) => sum + contentBytes(o), 0);
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

/** The save's read (statement 1): $1 portfolio, $2 candidate, $3 section, $4 today. */
const SAVE_READ_SQL = `SELECT p."status", p."rulebook_version" AS "rulebookVersion", s."version", s."content", s."updated_at" AS "updatedAt",
       (SELECT COALESCE(jsonb_agg(o."content"), '[]'::jsonb) FROM "portfolio_sections" o WHERE o."portfolio_id" = p."id" AND o."section" <> $3) AS "others",
       ${currentRegulationVersionsSql('$4')} AS "regulations"
  FROM "portfolios" p JOIN "portfolio_sections" s ON s."portfolio_id" = p."id" AND s."section" = $3
 WHERE p."id" = $1 AND p."candidate_id" = $2`;

/** 404 when the portfolio is not the candidate's, 409 once it is not a draft, 412 when If-Match names another version. */
function checkSaveable<T extends Pick<SectionForSave, 'status' | 'version'>>(section: SectionKey, row: T | undefined, expected: number): asserts row is T {
  if (!row) throw portfolioNotFound();
  if (row.status !== 'draft') throw notEditable(row.status);
  if (row.version !== expected) {
    throw new DomainError('precondition_failed', 'STALE_SECTION', bilingual('Dit onderdeel is intussen gewijzigd; laad het opnieuw', 'This section has changed meanwhile; reload it'), {
      currentVersion: row.version,
      etag: sectionEtag(section, row.version),
    });
  }
}

/**
 * The save's write, one statement: $1 portfolio, $2 section, $3 the version read (If-Match), $4
 * content, $5 the new version, $6 document ids, $7 now, $8 the candidate, $9 the rulebook version
 * read; the audit event's values follow (`auditInsert`), or it is left out (`audit` null: the caller
 * records it). `lck` takes the portfolio's key-share lock only while it is the candidate's draft on
 * that rulebook (a concurrent submission's or move's `FOR UPDATE` makes it wait; READ COMMITTED then
 * re-checks status and rulebook on the committed row: test/save-vs-submission and
 * test/save-vs-rulebook-move force both), and `upd` writes only through `lck` and only the version
 * read (a concurrent save of the section makes it wait and then find another version). Everything else writes only what `upd` wrote. Answers how
 * many sections it updated: 1, or 0 when the section or the portfolio changed since the read.
 */
function saveSql(audit: AuditInsert | null): string {
  return `WITH lck AS (
    SELECT p."id" FROM "portfolios" p WHERE p."id" = $1 AND p."candidate_id" = $8 AND p."status" = 'draft' AND p."rulebook_version" = $9 FOR KEY SHARE
  ), upd AS (
    UPDATE "portfolio_sections" s SET "content" = $4::jsonb, "version" = $5, "document_ids" = $6::uuid[], "updated_at" = $7, "updated_by" = $8
      FROM lck
     WHERE s."portfolio_id" = lck."id" AND s."section" = $2 AND s."version" = $3
    RETURNING s."portfolio_id", s."section", s."version", s."content"
  ), rev AS (
    INSERT INTO "portfolio_section_revisions" ("portfolio_id", "section", "version", "content", "saved_at", "saved_by")
    SELECT "portfolio_id", "section", "version", "content", $7, $8 FROM upd
    RETURNING 1
  ), touch AS (
    UPDATE "portfolios" SET "updated_at" = $7 WHERE "id" = $1 AND EXISTS (SELECT 1 FROM upd)
    RETURNING 1
  )${
    audit
      ? `, aud AS (
    INSERT INTO "audit_events" (${audit.columns}) SELECT ${audit.values} FROM upd
    RETURNING 1
  )`
      : ''
  }
  SELECT (SELECT count(*) FROM upd)::int AS "updated"`;
}

/** A portfolio with each section's version and date (no contents): the shape PORTFOLIO_VIEW_SQL reads. */
interface PortfolioRow {
  id: string;
  status: PortfolioEntity['status'];
  rulebookVersion: string;
  createdAt: Date;
  updatedAt: Date;
  submittedAt: Date | null;
  previousPortfolioId: string | null;
  sections: Array<{ section: string; version: number; updatedAt: string }>;
}

const PORTFOLIO_VIEW_SQL = `SELECT p."id", p."status", p."rulebook_version" AS "rulebookVersion", p."created_at" AS "createdAt", p."updated_at" AS "updatedAt",
       p."submitted_at" AS "submittedAt", p."previous_portfolio_id" AS "previousPortfolioId",
       (SELECT COALESCE(json_agg(json_build_object('section', s."section", 'version', s."version", 'updatedAt', s."updated_at")), '[]'::json)
          FROM "portfolio_sections" s WHERE s."portfolio_id" = p."id") AS "sections"
  FROM "portfolios" p`;

/** A primary-key lookup, prepared once per pooled connection (libs/platform/src/prepared.ts). */
const PORTFOLIO_GET_SQL = `${PORTFOLIO_VIEW_SQL} WHERE p."id" = $1 AND p."candidate_id" = $2`;

function portfolioView(p: PortfolioRow): PortfolioView {
  const sections = p.sections.map((s) => ({ section: s.section, version: s.version, updatedAt: new Date(s.updatedAt) }));
  return {
    id: p.id,
    status: p.status,
    rulebookVersion: p.rulebookVersion,
    createdAt: new Date(p.createdAt).toISOString(),
    updatedAt: new Date(p.updatedAt).toISOString(),
    submittedAt: p.submittedAt ? new Date(p.submittedAt).toISOString() : null,
    previousPortfolioId: p.previousPortfolioId,
    revision: portfolioRevision(sections),
    sections: SECTION_KEYS.map((key) => sectionState(sections.find((s) => s.section === key)!)),
  };
}

function sectionState(row: Pick<PortfolioSectionEntity, 'section' | 'version' | 'updatedAt'>): SectionState {
  const section = row.section as SectionKey;
  return { section, part: SECTION_PART[section], version: row.version, etag: sectionEtag(section, row.version), updatedAt: row.updatedAt.toISOString() };
}
