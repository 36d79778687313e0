/**
 * @rlp/pdf — HTML → PDF with one headless Chromium (PdfRenderer), and the portfolio as a PDF
 * (portfolioHtml / renderPortfolioPdf). Plain classes and functions: the apps wire them up.
 * See docs/pdf-rendering.md.
 */
export {
  DEFAULT_FOOTER_TEMPLATE,
  isPdf,
  PdfRenderer,
  PdfRenderError,
  type PdfErrorCode,
  type PdfRendererOptions,
  type PdfRendererStats,
  type RenderOptions,
} from './pdf-renderer';
export {
  portfolioFooterTemplate,
  portfolioHeaderTemplate,
  portfolioHtml,
  portfolioPdfFingerprint,
  PORTFOLIO_PRINT_VERSION,
  PORTFOLIO_TEMPLATES,
  renderPortfolioPdf,
  TEMPLATE_DIR,
  type AttachedDocument,
  type PortfolioPdfInput,
} from './portfolio-pdf';
export { DRAFT_STATUS, formatBytes, formatCalendarDate, formatTimestamp, PORTFOLIO_TITLE, portfolioView, type PortfolioView } from './portfolio-view';
export { FairQueue, FairQueueFull, type Release } from './fair-queue';
export {
  CERTIFICATE_MARGIN_TEMPLATE,
  CERTIFICATE_TITLE,
  certificateHtml,
  certificateView,
  DECISION_ISSUER,
  DECISION_LETTER_TITLE,
  DECISION_TEMPLATE_DIR,
  DECISION_TEMPLATES,
  decisionLetterFooterTemplate,
  decisionLetterHeaderTemplate,
  decisionLetterHtml,
  decisionLetterView,
  formatAmsterdamDate,
  renderCertificatePdf,
  renderDecisionLetterPdf,
  type CertificateInput,
  type CertificateView,
  type DecisionLetterInput,
  type DecisionLetterView,
  type DecisionOutcome,
} from './decision-pdf';
