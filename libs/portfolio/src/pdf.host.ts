import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import {
  isPdf,
  PdfRenderer,
  PdfRenderError,
  renderCertificatePdf,
  renderDecisionLetterPdf,
  renderPortfolioPdf,
  type CertificateInput,
  type DecisionLetterInput,
  type PortfolioPdfInput,
} from '@rlp/pdf';
import { bilingual } from '../../platform/src/bilingual';
import type { AppConfig } from '../../platform/src/config';
import { DomainError } from '../../platform/src/domain-error';
import { APP_CONFIG } from '../../platform/src/platform.tokens';

/** The app's one PDF renderer (one Chromium, launched on first use, closed with the app). */
@Injectable()
export class PdfHost implements OnApplicationShutdown {
  readonly renderer: PdfRenderer;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.renderer = new PdfRenderer(config.pdf);
  }

  /** `owner`: the person whose portfolio it is; one render per person at a time, people in turn. */
  portfolio(input: PortfolioPdfInput, owner?: string): Promise<Buffer> {
    return this.render(() => renderPortfolioPdf(this.renderer, input, owner));
  }

  decisionLetter(input: DecisionLetterInput): Promise<Buffer> {
    return this.render(() => renderDecisionLetterPdf(this.renderer, input));
  }

  certificate(input: CertificateInput): Promise<Buffer> {
    return this.render(() => renderCertificatePdf(this.renderer, input));
  }

  /** Render failures become 503 (429 when the person has too many renders waiting) with a clear code and Retry-After. */
  private async render(produce: () => Promise<Buffer>): Promise<Buffer> {
    try {
      const pdf = await produce();
      if (!isPdf(pdf)) throw new Error('renderer returned something that is not a PDF');
      return pdf;
    } catch (err) {
      if (err instanceof PdfRenderError && err.code === 'PDF_BUSY') {
        throw new DomainError(
          'rate_limited',
          'PDF_BUSY',
          bilingual('Er wordt al een PDF voor je gemaakt; wacht tot die klaar is', 'A PDF is already being rendered for you; wait until it is ready'),
          undefined,
          { 'Retry-After': '5' },
        );
      }
      if (err instanceof PdfRenderError) {
        const timeout = err.code === 'PDF_TIMEOUT';
        throw new DomainError(
          'unavailable',
          timeout ? 'PDF_TIMEOUT' : 'PDF_UNAVAILABLE',
          timeout ? bilingual('Het maken van de PDF duurde te lang; probeer het opnieuw', 'Rendering the PDF took too long; try again') : bilingual('De PDF kon niet worden gemaakt; probeer het opnieuw', 'The PDF could not be rendered; try again'),
          undefined,
          { 'Retry-After': '5' },
        );
      }
      throw err;
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await this.renderer.close();
  }
}
