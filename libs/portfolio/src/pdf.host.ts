import { createHash } from 'node:crypto';
import { Inject, Injectable, Logger, OnApplicationShutdown, Optional } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  isPdf,
  PdfRenderer,
  PdfRenderError,
  renderCertificatePdf,
  renderDecisionLetterPdf,
  portfolioPdfFingerprint,
  renderPortfolioPdf,
  type CertificateInput,
  type DecisionLetterInput,
  type PortfolioPdfInput,
} from '@rlp/pdf';
import { bilingual } from '../../platform/src/bilingual';
import { Clock } from '../../platform/src/clock';
import type { AppConfig } from '../../platform/src/config';
import { DomainError } from '../../platform/src/domain-error';
import { Metrics } from '../../platform/src/metrics';
import { APP_CONFIG } from '../../platform/src/platform.tokens';

/** How often this process served a draft preview from the shared cache, and how often it rendered one. */
export interface PreviewCacheStats {
  hits: number;
  renders: number;
}

/**
 * The app's one PDF renderer (one Chromium, launched on first use, closed with the app), and the
 * cache of draft previews (ADR 0026): one row per portfolio in `portfolio_preview_pdfs`, which
 * every instance reads, keyed by the fingerprint of everything the PDF shows.
 */
@Injectable()
export class PdfHost implements OnApplicationShutdown {
  readonly renderer: PdfRenderer;
  private readonly log = new Logger('PdfHost');
  private readonly cache: PreviewCacheStats = { hits: 0, renders: 0 };

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    @Optional() metrics?: Metrics,
  ) {
    // Queue length (read at each scrape) and render times for /metrics (ADR 0028).
    const observer = metrics?.observePdfRenderer(() => this.renderer.stats());
    this.renderer = new PdfRenderer({ ...config.pdf, ...(observer ? { onRendered: (seconds, outcome) => observer.rendered(seconds, outcome) } : {}) });
  }

  /**
   * The draft preview of a portfolio. The stored one is served when it was rendered from input
   * with the same fingerprint (portfolioPdfFingerprint: the HTML, header and footer without the
   * generation time), so an unchanged portfolio is rendered once, whichever instance is asked; any
   * change to what the PDF shows renders afresh and replaces the stored one. Storing is best
   * effort: a preview that cannot be stored is still served.
   */
  async preview(portfolioId: string, input: PortfolioPdfInput, owner: string): Promise<{ pdf: Buffer; cached: boolean }> {
    const fingerprint = portfolioPdfFingerprint(input);
    const rows = (await this.dataSource.query(`SELECT "pdf" FROM "portfolio_preview_pdfs" WHERE "portfolio_id" = $1 AND "fingerprint" = $2`, [portfolioId, fingerprint])) as Array<{
      pdf: Buffer;
    }>;
    const stored = rows[0]?.pdf;
    if (stored !== undefined && isPdf(stored)) {
      this.cache.hits++;
      return { pdf: stored, cached: true };
    }
    // Requests that miss at the same moment (a double click) each render, within the fair queue's
    // bound per person; they print the same PDF, and the last one stored stays.
    const pdf = await this.portfolio(input, owner);
    this.cache.renders++;
    const sha256 = createHash('sha256').update(pdf).digest('hex');
    await this.dataSource
      .query(
        `INSERT INTO "portfolio_preview_pdfs" ("portfolio_id", "fingerprint", "pdf", "sha256", "rendered_at") VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT ("portfolio_id") DO UPDATE SET "fingerprint" = EXCLUDED."fingerprint", "pdf" = EXCLUDED."pdf", "sha256" = EXCLUDED."sha256", "rendered_at" = EXCLUDED."rendered_at"`,
        [portfolioId, fingerprint, pdf, sha256, this.clock.now()],
      )
      .catch((err: unknown) => this.log.warn(`preview of ${portfolioId} not cached: ${(err as Error).message}`));
    return { pdf, cached: false };
  }

  /** Drops the stored draft preview of a portfolio that is no longer a draft. */
  async forgetPreview(portfolioId: string): Promise<void> {
    await this.dataSource.query(`DELETE FROM "portfolio_preview_pdfs" WHERE "portfolio_id" = $1`, [portfolioId]);
  }

  previewCacheStats(): PreviewCacheStats {
    return { ...this.cache };
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
