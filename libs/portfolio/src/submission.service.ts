import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { PortfolioDocument } from '@rlp/rulebook';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../../audit/src/audit.service';
import { DocumentsService } from '../../documents/src/documents.service';
import { bilingual } from '../../platform/src/bilingual';
import { Clock } from '../../platform/src/clock';
import { DomainError } from '../../platform/src/domain-error';
import { NotificationService } from '../../notifications/src/notification.service';
import { RegulationsService } from '../../regulations/src/regulations.service';
import { IdempotencyKeyEntity, PortfolioEntity, SubmissionEntity, SubmittedDocument } from './portfolio.entities';
import { portfolioNotFound } from './portfolio.errors';
import { portfolioRevision, PortfolioService } from './portfolio.service';
import { assembleDocument, canonicalJson, documentIdsOf, SECTION_KEYS } from './sections';

export interface SubmitRequest {
  /** The portfolio revision the candidate reviewed (from GET /portfolios/:id). */
  revision: string;
}

export interface SubmissionView {
  id: string;
  portfolioId: string;
  submittedAt: string;
  rulebookVersion: string;
  regulationVersions: Record<string, number>;
  documents: SubmittedDocument[];
  contentHash: string;
  /** Recomputed from the stored snapshot on every read. */
  contentHashValid: boolean;
}

export interface SubmitResult {
  status: number;
  body: { submission: SubmissionView };
  replayed: boolean;
}

/** An in-progress key older than this belongs to a request that died; it may be taken over. */
const ABANDONED_AFTER_MS = 60_000;

/** What the content hash covers: everything frozen, in canonical JSON. */
export function snapshotHash(s: Pick<SubmissionEntity, 'portfolioId' | 'candidateId' | 'submittedAt' | 'rulebookVersion' | 'regulationVersions' | 'document' | 'documents'>): string {
  const canonical = canonicalJson({
    portfolioId: s.portfolioId,
    candidateId: s.candidateId,
    submittedAt: s.submittedAt.toISOString(),
    rulebookVersion: s.rulebookVersion,
    regulationVersions: s.regulationVersions,
    document: s.document,
    documents: s.documents,
  });
  return createHash('sha256').update(canonical).digest('hex');
}

export function submissionView(s: SubmissionEntity): SubmissionView {
  return {
    id: s.id,
    portfolioId: s.portfolioId,
    submittedAt: s.submittedAt.toISOString(),
    rulebookVersion: s.rulebookVersion,
    regulationVersions: s.regulationVersions,
    documents: s.documents,
    contentHash: s.contentHash,
    contentHashValid: snapshotHash(s) === s.contentHash,
  };
}

/**
 * Submission: an immutable snapshot (document, document checksums, rulebook and regulation
 * versions, content hash) written in one transaction, behind an idempotency key.
 */
@Injectable()
export class SubmissionService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly portfolios: PortfolioService,
    private readonly documents: DocumentsService,
    private readonly regulations: RegulationsService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly notifications: NotificationService,
  ) {}

  async submit(candidateId: string, portfolioId: string, idempotencyKey: string | undefined, request: SubmitRequest, requestId?: string): Promise<SubmitResult> {
    const key = checkKey(idempotencyKey);
    const requestHash = createHash('sha256').update(canonicalJson({ portfolioId, request })).digest('hex');
    const replay = await this.claim(candidateId, key, requestHash);
    if (replay) return replay;
    try {
      const body = await this.dataSource.transaction(async (m) => {
        const view = await this.freeze(m, candidateId, portfolioId, request, requestId);
        const result = { submission: view };
        await m.update(IdempotencyKeyEntity, { userId: candidateId, key }, { state: 'completed', responseStatus: 201, responseBody: result as never });
        return result;
      });
      return { status: 201, body, replayed: false };
    } catch (err) {
      // Nothing was submitted: release the key so a corrected retry may use it.
      await this.dataSource.manager.delete(IdempotencyKeyEntity, { userId: candidateId, key, state: 'in_progress' });
      throw err;
    }
  }

  /** Claims the key, or returns the stored result of an earlier request with it. */
  private async claim(userId: string, key: string, requestHash: string): Promise<SubmitResult | null> {
    for (let attempt = 0; attempt < 2; attempt++) {
      const now = this.clock.now();
      const inserted: unknown[] = await this.dataSource.query(
        `INSERT INTO "idempotency_keys" ("user_id", "key", "request_hash", "state", "created_at") VALUES ($1, $2, $3, 'in_progress', $4)
         ON CONFLICT DO NOTHING RETURNING "key"`,
        [userId, key, requestHash, now],
      );
      if (inserted.length === 1) return null;
      const existing = await this.dataSource.manager.findOneBy(IdempotencyKeyEntity, { userId, key });
      if (!existing) continue;
      if (existing.requestHash !== requestHash) {
        throw new DomainError('unprocessable', 'IDEMPOTENCY_KEY_REUSED', bilingual('Deze Idempotency-Key is al gebruikt voor een ander verzoek', 'This Idempotency-Key was already used for a different request'));
      }
      if (existing.state === 'completed') {
        return { status: existing.responseStatus ?? 201, body: existing.responseBody as SubmitResult['body'], replayed: true };
      }
      if (now.getTime() - existing.createdAt.getTime() > ABANDONED_AFTER_MS) {
        await this.dataSource.manager.delete(IdempotencyKeyEntity, { userId, key, state: 'in_progress', createdAt: existing.createdAt });
        continue;
      }
      throw new DomainError('conflict', 'IDEMPOTENCY_IN_PROGRESS', bilingual('Dit verzoek wordt al verwerkt', 'This request is already being processed'), undefined, { 'Retry-After': '1' });
    }
    throw new DomainError('conflict', 'IDEMPOTENCY_IN_PROGRESS', bilingual('Dit verzoek wordt al verwerkt', 'This request is already being processed'), undefined, { 'Retry-After': '1' });
  }

  private async freeze(m: EntityManager, candidateId: string, portfolioId: string, request: SubmitRequest, requestId?: string): Promise<SubmissionView> {
    const portfolio = await m.createQueryBuilder(PortfolioEntity, 'p').setLock('pessimistic_write').where('p.id = :portfolioId AND p.candidate_id = :candidateId', { portfolioId, candidateId }).getOne();
    if (!portfolio) throw portfolioNotFound();
    if (portfolio.status !== 'draft') {
      throw new DomainError('conflict', 'PORTFOLIO_ALREADY_SUBMITTED', bilingual('Dit portfolio is al ingediend', 'This portfolio has already been submitted'), { status: portfolio.status });
    }
    const { contents, rows } = await this.portfolios.sections(portfolioId, m);
    const revision = portfolioRevision(rows);
    if (request.revision !== revision) {
      throw new DomainError('precondition_failed', 'PORTFOLIO_CHANGED', bilingual('Het portfolio is gewijzigd sinds je het bekeek; bekijk het opnieuw en dien dan in', 'The portfolio changed since you reviewed it; review it again, then submit'), {
        revision,
      });
    }
    const document = assembleDocument(portfolio.rulebookVersion, contents);
    const now = this.clock.now();
    const today = this.portfolios.today();
    const regulationVersions = await this.regulations.currentVersions(today, m);
    const report = this.portfolios.evaluate(document, portfolio.rulebookVersion, today, regulationVersions);
    if (!report.complete) {
      const blocking = report.findings.filter((f) => f.severity === 'blocking');
      throw new DomainError('unprocessable', 'PORTFOLIO_INCOMPLETE', bilingual('Het portfolio is nog niet compleet', 'The portfolio is not complete yet'), {
        blocking: blocking.map((f) => ({ code: f.code, path: f.path, section: f.section, message: f.message })),
      });
    }
    const ids = [...new Set(SECTION_KEYS.flatMap((k) => documentIdsOf(k, contents[k])))];
    const docs = await this.documents.lockVerified(m, candidateId, ids);
    if (docs.length !== ids.length) throw new Error('a referenced document is missing although references are locked');
    const documents: SubmittedDocument[] = docs
      .map((d) => ({ id: d.id, filename: d.filename, contentType: d.contentType!, sizeBytes: Number(d.sizeBytes), sha256: d.sha256! }))
      .sort((a, b) => a.id.localeCompare(b.id));
    const snapshot = {
      portfolioId,
      candidateId,
      submittedAt: now,
      rulebookVersion: portfolio.rulebookVersion,
      regulationVersions: { ...regulationVersions },
      document: document as unknown as Record<string, unknown>,
      documents,
    };
    const contentHash = snapshotHash(snapshot);
    const inserted = await m.insert(SubmissionEntity, { ...snapshot, contentHash } as never);
    const id = (inserted.identifiers[0] as { id: string }).id;
    await m.update(PortfolioEntity, { id: portfolioId }, { status: 'submitted', submittedAt: now, updatedAt: now });
    await this.audit.record({ actorId: candidateId, action: 'portfolio.submitted', subjectType: 'portfolio', subjectId: portfolioId, requestId, data: { submissionId: id, contentHash, regulationVersions, rulebookVersion: portfolio.rulebookVersion } }, m);
    await this.notifications.submissionReceived(m, { portfolioId, candidateId, contentHash, submittedAt: now });
    return submissionView(await m.findOneByOrFail(SubmissionEntity, { id }));
  }

  async entity(candidateId: string, portfolioId: string): Promise<SubmissionEntity> {
    await this.portfolios.own(candidateId, portfolioId);
    const s = await this.dataSource.manager.findOneBy(SubmissionEntity, { portfolioId, candidateId });
    if (!s) throw new DomainError('not_found', 'NOT_SUBMITTED', bilingual('Dit portfolio is nog niet ingediend', 'This portfolio has not been submitted yet'));
    return s;
  }

  document(s: SubmissionEntity): PortfolioDocument {
    return s.document as unknown as PortfolioDocument;
  }

}

function checkKey(key: string | undefined): string {
  if (key === undefined || key === '') {
    throw new DomainError('precondition_required', 'IDEMPOTENCY_KEY_REQUIRED', bilingual('Stuur een Idempotency-Key mee', 'Send an Idempotency-Key header'));
  }
  if (!/^[\x21-\x7e]{8,200}$/.test(key)) {
    throw new DomainError('validation', 'INVALID_IDEMPOTENCY_KEY', bilingual('De Idempotency-Key moet 8 tot 200 zichtbare ASCII-tekens zijn', 'The Idempotency-Key must be 8 to 200 visible ASCII characters'));
  }
  return key;
}
