import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { UserEntity } from '../../accounts/src/user.entity';
import { AuditService } from '../../audit/src/audit.service';
import { bilingual } from '../../platform/src/bilingual';
import { amsterdamDate, Clock } from '../../platform/src/clock';
import { DomainError } from '../../platform/src/domain-error';
import { StorageService } from '../../storage/src/storage.service';
import { PdfHost } from './pdf.host';
import { SubmissionEntity } from './portfolio.entities';
import { PortfolioService } from './portfolio.service';
import { submissionView } from './submission.service';

/** How long reading the stored PDF may take. */
const READ_TIMEOUT_MS = 30_000;

/** Where a submission's PDF is kept: derived from the submission id and the PDF's own SHA-256. */
export function submissionPdfKey(submissionId: string, sha256: string): string {
  return `submissions/${submissionId}/${sha256}.pdf`;
}

/**
 * The frozen submission as PDF: the same file for the candidate and for the assessors (issue 18).
 *
 * The submission is an immutable record, so its PDF is rendered once — on the first request after
 * submission, so that submitting stays fast and never fails on the renderer — stored in object
 * storage with its SHA-256 in the submission row, and served from there afterwards. Concurrent
 * first requests in one process share one render; across processes the first to record its file
 * wins (the row's PDF columns can be filled once), the other removes its own object and serves
 * the winner's. A stored file whose size or SHA-256 no longer matches is refused (409
 * PDF_INTEGRITY_FAILED) and audited, like a document (ADR 0005); it is not rendered again.
 */
@Injectable()
export class SubmissionPdfService {
  private readonly rendering = new Map<string, Promise<Buffer>>();

  constructor(
    private readonly portfolios: PortfolioService,
    private readonly pdf: PdfHost,
    private readonly storage: StorageService,
    private readonly audit: AuditService,
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  /** The stored PDF of the submission; rendered and stored first if this is the first request. */
  async render(entity: SubmissionEntity): Promise<Buffer> {
    const row = await this.dataSource.manager.findOneByOrFail(SubmissionEntity, { id: entity.id });
    if (row.pdfStorageKey !== null) return this.stored(row);
    let job = this.rendering.get(row.id);
    if (job === undefined) {
      job = this.renderAndStore(row).finally(() => this.rendering.delete(row.id));
      this.rendering.set(row.id, job);
    }
    return job;
  }

  private async renderAndStore(entity: SubmissionEntity): Promise<Buffer> {
    const pdf = await this.renderFresh(entity);
    const sha256 = createHash('sha256').update(pdf).digest('hex');
    const key = submissionPdfKey(entity.id, sha256);
    await this.storage.put(key, pdf, 'application/pdf');
    const renderedAt = this.clock.now();
    const updated = await this.dataSource
      .createQueryBuilder()
      .update(SubmissionEntity)
      .set({ pdfStorageKey: key, pdfSha256: sha256, pdfSizeBytes: String(pdf.length), pdfRenderedAt: renderedAt })
      .where('id = :id AND pdf_storage_key IS NULL', { id: entity.id })
      .execute();
    if (updated.affected !== 1) {
      // Another instance recorded its file first: that one is the record.
      await this.storage.delete(key).catch(() => undefined);
      return this.stored(await this.dataSource.manager.findOneByOrFail(SubmissionEntity, { id: entity.id }));
    }
    await this.audit.record({
      actorId: null,
      action: 'submission.pdf_stored',
      subjectType: 'portfolio',
      subjectId: entity.portfolioId,
      data: { submissionId: entity.id, storageKey: key, sha256, sizeBytes: pdf.length },
    });
    return pdf;
  }

  /** The stored bytes, checked against the recorded size and SHA-256 before any is handed out. */
  private async stored(row: SubmissionEntity): Promise<Buffer> {
    const expected = { sizeBytes: Number(row.pdfSizeBytes), sha256: row.pdfSha256 };
    const opened = await this.storage.open(row.pdfStorageKey!, AbortSignal.timeout(READ_TIMEOUT_MS));
    if (opened === null) throw await this.integrityFailure(row, expected, { missing: true });
    const chunks: Buffer[] = [];
    let size = 0;
    const hash = createHash('sha256');
    try {
      for await (const chunk of opened.body as AsyncIterable<Buffer>) {
        size += chunk.length;
        if (size > expected.sizeBytes) break;
        hash.update(chunk);
        chunks.push(chunk);
      }
    } finally {
      opened.body.destroy();
    }
    const sha256 = size > expected.sizeBytes ? null : hash.digest('hex');
    if (size !== expected.sizeBytes || sha256 !== expected.sha256) {
      throw await this.integrityFailure(row, expected, size > expected.sizeBytes ? { sizeBytes: `> ${expected.sizeBytes}` } : { sizeBytes: size, sha256 });
    }
    return Buffer.concat(chunks);
  }

  private async integrityFailure(row: SubmissionEntity, expected: Record<string, unknown>, found: Record<string, unknown>): Promise<DomainError> {
    await this.audit
      .record({ actorId: null, action: 'submission.pdf_integrity_failed', subjectType: 'portfolio', subjectId: row.portfolioId, data: { submissionId: row.id, storageKey: row.pdfStorageKey, expected, found } })
      .catch(() => undefined);
    return new DomainError(
      'conflict',
      'PDF_INTEGRITY_FAILED',
      bilingual(
        'De opgeslagen PDF van de inzending is niet meer het bestand dat werd gemaakt en wordt niet geleverd; het certificeringsbureau is ingelicht',
        'The stored PDF of the submission is no longer the file that was made and is not served; the certification office has been notified',
      ),
      { submissionId: row.id, expected },
    );
  }

  private async renderFresh(entity: SubmissionEntity): Promise<Buffer> {
    const view = submissionView(entity);
    const user = await this.dataSource.manager.findOneByOrFail(UserEntity, { id: entity.candidateId });
    const document = entity.document as never;
    // Judged as on the day it was submitted, against the versions it was submitted with.
    const report = this.portfolios.evaluate(document, entity.rulebookVersion, amsterdamDate(entity.submittedAt), entity.regulationVersions);
    return this.pdf.portfolio(
      {
        kind: 'submission',
        generatedAt: this.clock.now().toISOString(),
        candidate: { displayName: user.displayName, email: user.email },
        portfolioId: entity.portfolioId,
        document,
        rulebook: this.portfolios.rulebooks.get(entity.rulebookVersion),
        report,
        documents: entity.documents,
        submission: { submittedAt: view.submittedAt, contentHash: view.contentHash, rulebookVersion: view.rulebookVersion, regulationVersions: view.regulationVersions },
      },
      entity.candidateId,
    );
  }
}
