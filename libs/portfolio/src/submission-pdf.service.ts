import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { UserEntity } from '../../accounts/src/user.entity';
import { amsterdamDate, Clock } from '../../platform/src/clock';
import { PdfHost } from './pdf.host';
import type { SubmissionEntity } from './portfolio.entities';
import { PortfolioService } from './portfolio.service';
import { submissionView } from './submission.service';

/** The frozen submission as PDF: the same for the candidate and for the assessors. */
@Injectable()
export class SubmissionPdfService {
  constructor(
    private readonly portfolios: PortfolioService,
    private readonly pdf: PdfHost,
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async render(entity: SubmissionEntity): Promise<Buffer> {
    const view = submissionView(entity);
    const user = await this.dataSource.manager.findOneByOrFail(UserEntity, { id: entity.candidateId });
    const document = entity.document as never;
    // Judged as on the day it was submitted, against the versions it was submitted with.
    const report = this.portfolios.evaluate(document, entity.rulebookVersion, amsterdamDate(entity.submittedAt), entity.regulationVersions);
    return this.pdf.portfolio({
      kind: 'submission',
      generatedAt: this.clock.now().toISOString(),
      candidate: { displayName: user.displayName, email: user.email },
      portfolioId: entity.portfolioId,
      document,
      rulebook: this.portfolios.rulebooks.get(entity.rulebookVersion),
      report,
      documents: entity.documents,
      submission: { submittedAt: view.submittedAt, contentHash: view.contentHash, rulebookVersion: view.rulebookVersion, regulationVersions: view.regulationVersions },
    }, entity.candidateId);
  }
}
