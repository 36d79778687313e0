import { Injectable } from '@nestjs/common';
import { bilingual } from '../../platform/src/bilingual';
import { Clock } from '../../platform/src/clock';
import { DomainError } from '../../platform/src/domain-error';
import { CredentialsService } from '../../credentials/src/credentials.service';
import type { CertificateInput } from '../../pdf/src/decision-pdf';
import { PdfHost } from '../../portfolio/src/pdf.host';
import { DecisionService } from './decision.service';

/** The decision letter and the certificate, printed from the frozen records of a decided dossier. */
@Injectable()
export class DecisionDocumentsService {
  constructor(
    private readonly decisions: DecisionService,
    private readonly pdf: PdfHost,
    private readonly clock: Clock,
    private readonly credentials: CredentialsService,
  ) {}

  async letter(portfolioId: string): Promise<Buffer> {
    const r = await this.decisions.record(portfolioId);
    return this.pdf.decisionLetter({
      generatedAt: this.clock.now().toISOString(),
      candidate: { displayName: r.candidate.displayName, email: r.candidate.email },
      portfolioId,
      submittedAt: r.submittedAt.toISOString(),
      rulebookVersion: r.rulebookVersion,
      decision: { outcome: r.decision.outcome, motivation: r.decision.motivation, decidedAt: r.decision.decidedAt.toISOString(), deciderName: r.decider.displayName },
      advice: { advice: r.advice.advice ?? 'negative', motivation: r.advice.motivation ?? '' },
      assessors: r.assessors.map((a) => a.displayName),
      interviewHeldAt: r.interviewStartsAt?.toISOString() ?? null,
      register: r.register ? { certificateNumber: r.register.certificateNumber, startsOn: r.register.startsOn, validUntil: r.register.validUntil } : null,
    });
  }

  async certificate(portfolioId: string): Promise<Buffer> {
    return this.pdf.certificate(await this.certificateInput(portfolioId));
  }

  /** What the certificate prints, with the QR code's link to the public check of its verifiable credential (issued on first use). */
  async certificateInput(portfolioId: string): Promise<CertificateInput> {
    const r = await this.decisions.record(portfolioId);
    if (!r.register) throw new DomainError('not_found', 'NOT_CERTIFIED', bilingual('Bij dit besluit hoort geen certificaat', 'This decision has no certificate'));
    return {
      generatedAt: this.clock.now().toISOString(),
      holderName: r.register.holderName,
      certificateNumber: r.register.certificateNumber,
      startsOn: r.register.startsOn,
      validUntil: r.register.validUntil,
      decidedAt: r.decision.decidedAt.toISOString(),
      verificationUrl: await this.credentials.verificationUrl(portfolioId),
    };
  }
}
