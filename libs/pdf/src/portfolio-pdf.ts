import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Handlebars from 'handlebars';
import type { PdfRenderer } from './pdf-renderer';
import { PORTFOLIO_TITLE, portfolioView, type PortfolioPdfInput } from './portfolio-view';

/**
 * The portfolio as a PDF: `portfolioHtml` fills the Handlebars templates in ./templates (the build
 * copies them next to the compiled code), `renderPortfolioPdf` prints that HTML with a PdfRenderer.
 *
 * Everything the candidate typed is untrusted. The templates print it only with `{{ }}`, which
 * HTML-escapes it; the one triple-stash is the stylesheet (`{{{css}}}`), a file of this library.
 */

export type { AttachedDocument, PortfolioPdfInput } from './portfolio-view';

export const TEMPLATE_DIR = join(__dirname, 'templates');

/** The layout and the partials it includes, as files in TEMPLATE_DIR. */
export const PORTFOLIO_TEMPLATES = {
  layout: 'portfolio.hbs',
  partials: ['cover', 'toc', 'rows', 'part-a', 'part-b1', 'part-b2', 'part-c', 'task-matrix', 'part-d', 'part-e', 'attachments', 'missing'],
  stylesheet: 'portfolio.css',
} as const;

interface Compiled {
  readonly layout: Handlebars.TemplateDelegate;
  readonly css: string;
}

let compiled: Compiled | undefined;

/** Reads and compiles the templates on first use; later calls reuse them. */
function templates(): Compiled {
  if (compiled !== undefined) return compiled;
  // A private environment: no global helpers or partials from elsewhere leak in, none leak out.
  const hbs = Handlebars.create();
  const read = (file: string): string => readFileSync(join(TEMPLATE_DIR, file), 'utf8');
  // strict: a field a template names but the view lacks is an error, not an empty string.
  const options = { strict: true, knownHelpersOnly: true } as const;
  for (const name of PORTFOLIO_TEMPLATES.partials) hbs.registerPartial(name, hbs.compile(read(`${name}.hbs`), options));
  compiled = { layout: hbs.compile(read(PORTFOLIO_TEMPLATES.layout), options), css: read(PORTFOLIO_TEMPLATES.stylesheet) };
  return compiled;
}

/** The complete, self-contained HTML of the portfolio (styles inlined, no external resources). */
export function portfolioHtml(input: PortfolioPdfInput): string {
  const { layout, css } = templates();
  return layout({ ...portfolioView(input), css });
}

const escape = (value: string): string => Handlebars.escapeExpression(value);

const MARGIN_STYLE = "width:100%; font-family:'DejaVu Sans', sans-serif; font-size:7.5px; color:#666; padding:0 16mm; display:flex; justify-content:space-between;";

/** Running header: title and candidate on every page, plus CONCEPT on a draft. */
export function portfolioHeaderTemplate(input: PortfolioPdfInput): string {
  const right = input.kind === 'draft' ? '<span style="color:#8a1c1c; font-weight:bold;">CONCEPT — niet ingediend</span>' : '<span>Ingediend</span>';
  return `<div style="${MARGIN_STYLE}"><span>${escape(PORTFOLIO_TITLE)} — ${escape(input.candidate.displayName)}</span>${right}</div>`;
}

/** Running footer: portfolio id and "pagina X van Y". */
export function portfolioFooterTemplate(input: PortfolioPdfInput): string {
  return (
    `<div style="${MARGIN_STYLE}"><span>Portfolio ${escape(input.portfolioId)}</span>` +
    '<span>pagina <span class="pageNumber"></span> van <span class="totalPages"></span></span></div>'
  );
}

/** `owner`: whose PDF it is, for the renderer's fair queue (see PdfRenderer). */
export async function renderPortfolioPdf(renderer: PdfRenderer, input: PortfolioPdfInput, owner?: string): Promise<Buffer> {
  // The HTML's own <title> becomes the PDF's title.
  return renderer.render(portfolioHtml(input), {
    headerTemplate: portfolioHeaderTemplate(input),
    footerTemplate: portfolioFooterTemplate(input),
    ...(owner === undefined ? {} : { owner }),
  });
}

/**
 * Bump when the way the portfolio is printed changes outside the templates and the input (the
 * renderer's page options, the margins): every cached preview then renders afresh.
 */
export const PORTFOLIO_PRINT_VERSION = 1;

/** The generation time the fingerprint is taken with: the one thing a cached preview may show from an earlier request. */
const FINGERPRINT_TIME = '2000-01-01T00:00:00.000Z';

/**
 * A SHA-256 of everything a portfolio PDF shows except its generation time: the complete HTML
 * (so every template, the stylesheet, the rulebook's texts, the report, the documents and the
 * candidate's name are in it), the running header and footer, and PORTFOLIO_PRINT_VERSION. Two
 * inputs with the same fingerprint print the same PDF apart from "aangemaakt op"; anything shown
 * that changes changes it. The cache key of the draft preview (ADR 0026).
 */
export function portfolioPdfFingerprint(input: PortfolioPdfInput): string {
  const fixed: PortfolioPdfInput = { ...input, generatedAt: FINGERPRINT_TIME };
  return createHash('sha256')
    .update(`print-v${PORTFOLIO_PRINT_VERSION}\0`)
    .update(portfolioHtml(fixed))
    .update('\0')
    .update(portfolioHeaderTemplate(fixed))
    .update('\0')
    .update(portfolioFooterTemplate(fixed))
    .digest('hex');
}
