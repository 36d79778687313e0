import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Handlebars from 'handlebars';
import QRCode from 'qrcode';
import type { PdfRenderer } from './pdf-renderer';
import { formatCalendarDate, formatTimestamp } from './portfolio-view';

/**
 * The certification decision as two PDFs: the decision letter (besluitbrief) to the candidate and,
 * for a positive decision, the certificate. `decisionLetterHtml` / `certificateHtml` fill the
 * Handlebars templates in ./templates/decision (the build copies them next to the compiled code);
 * `renderDecisionLetterPdf` / `renderCertificatePdf` print that HTML with a PdfRenderer.
 *
 * Names, e-mail addresses and motivations are untrusted. The templates print them only with
 * `{{ }}`, which HTML-escapes them; the one triple-stash is the stylesheet (`{{{css}}}`), a file of
 * this library. Every fixed text is Dutch first, English second.
 */

export type DecisionOutcome = 'certified' | 'not_certified' | 'returned_for_supplement';

export interface DecisionLetterInput {
  /** ISO timestamp (UTC); printed in Europe/Amsterdam time. */
  generatedAt: string;
  candidate: { displayName: string; email: string };
  portfolioId: string;
  /** ISO timestamp of the portfolio submission. */
  submittedAt: string;
  /** E.g. 'toetsingskader-2025'. */
  rulebookVersion: string;
  /** `decidedAt` is an ISO timestamp; the letter is dated on its day in Europe/Amsterdam. */
  decision: { outcome: DecisionOutcome; motivation: string | null; decidedAt: string; deciderName: string };
  /** The two assessors' joint advice. */
  advice: { advice: 'positive' | 'negative'; motivation: string };
  /** Display names of the assessors. */
  assessors: string[];
  /** ISO timestamp of the certificeringsgesprek, if one was held. */
  interviewHeldAt: string | null;
  /** Required when the outcome is 'certified' (dates as YYYY-MM-DD); ignored otherwise. */
  register: { certificateNumber: string; startsOn: string; validUntil: string } | null;
}

export interface CertificateInput {
  /** ISO timestamp (UTC). */
  generatedAt: string;
  holderName: string;
  certificateNumber: string;
  /** YYYY-MM-DD */
  startsOn: string;
  /** YYYY-MM-DD, the last day the certificate is valid. */
  validUntil: string;
  /** ISO timestamp of the decision. */
  decidedAt: string;
  /** The public verification page of the certificate's verifiable credential (issue 16): printed as a QR code and as text. */
  verificationUrl?: string | null;
}

export const DECISION_ISSUER = 'Noloc — Certificeringsbureau Register Loopbaanprofessional';
export const DECISION_LETTER_TITLE = 'Besluit certificering';
export const CERTIFICATE_TITLE = 'Certificaat Register Loopbaanprofessional';

export const DECISION_TEMPLATE_DIR = join(__dirname, 'templates', 'decision');

/** The two layouts and their shared stylesheet, as files in DECISION_TEMPLATE_DIR. */
export const DECISION_TEMPLATES = {
  letter: 'decision-letter.hbs',
  certificate: 'certificate.hbs',
  stylesheet: 'decision.css',
} as const;

// ------------------------------------------------------------------ formatting

const AMSTERDAM_DATE = new Intl.DateTimeFormat('nl-NL', { timeZone: 'Europe/Amsterdam', day: 'numeric', month: 'long', year: 'numeric' });

/** '2026-12-02T23:30:00Z' → '3 december 2026' (the day in Europe/Amsterdam); anything unparsable as it is. */
export function formatAmsterdamDate(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : AMSTERDAM_DATE.format(date);
}

/** A YYYY-MM-DD date in Dutch ('2026-12-03' → '3 december 2026'); anything else as it is. */
const calendarDate = (isoDate: string): string => formatCalendarDate(isoDate) ?? isoDate;

/** Untrusted text, or null when empty (templates then print a placeholder). */
function text(value: string | null | undefined): string | null {
  return value === undefined || value === null || value.trim() === '' ? null : value;
}

/** ['A'] → 'A'; ['A', 'B'] → 'A en B'; ['A', 'B', 'C'] → 'A, B en C'. */
function joinNames(names: readonly string[], and: string): string | null {
  const given = names.map((n) => n.trim()).filter((n) => n !== '');
  if (given.length === 0) return null;
  if (given.length === 1) return given[0] ?? null;
  return `${given.slice(0, -1).join(', ')} ${and} ${given[given.length - 1]}`;
}

// ------------------------------------------------------------------ views

export interface DecisionLetterView {
  readonly title: string;
  readonly issuer: string;
  readonly candidate: { readonly displayName: string; readonly email: string };
  readonly portfolioId: string;
  readonly rulebookVersion: string;
  /** The letter's date: the day of the decision. */
  readonly date: string;
  readonly generatedAt: string;
  readonly submittedAt: string;
  readonly interviewHeldAt: string | null;
  readonly outcome: DecisionOutcome;
  readonly certified: null | { readonly certificateNumber: string; readonly startsOn: string; readonly validUntil: string };
  readonly notCertified: boolean;
  readonly returned: boolean;
  readonly outcomeLabel: string;
  readonly outcomeLabelEn: string;
  readonly motivation: string | null;
  readonly advice: { readonly positive: boolean; readonly label: string; readonly labelEn: string; readonly motivation: string | null };
  readonly assessors: string | null;
  readonly assessorsEn: string | null;
  readonly deciderName: string;
}

export interface CertificateView {
  readonly title: string;
  readonly issuer: string;
  readonly holderName: string;
  /** A long name is printed smaller, so that the certificate stays one page. */
  readonly holderLong: boolean;
  readonly certificateNumber: string;
  readonly startsOn: string;
  readonly validUntil: string;
  readonly decidedOn: string;
  readonly generatedAt: string;
  /** The QR code of the verification URL as one SVG path (modules of 1×1 in a size×size box), and the URL. */
  readonly verification: null | { readonly url: string; readonly size: number; readonly box: number; readonly path: string };
}

const OUTCOME_LABELS: Record<DecisionOutcome, { nl: string; en: string }> = {
  certified: { nl: 'Gecertificeerd', en: 'Certified' },
  not_certified: { nl: 'Niet gecertificeerd', en: 'Not certified' },
  returned_for_supplement: { nl: 'Teruggegeven voor aanvulling', en: 'Returned for supplementation' },
};

export function decisionLetterView(input: DecisionLetterInput): DecisionLetterView {
  const { decision, register } = input;
  const outcome = decision.outcome;
  let certified: DecisionLetterView['certified'] = null;
  switch (outcome) {
    case 'certified':
      if (register === null) throw new TypeError('A decision letter for a certified candidate needs the register entry (certificate number and validity).');
      certified = { certificateNumber: register.certificateNumber, startsOn: calendarDate(register.startsOn), validUntil: calendarDate(register.validUntil) };
      break;
    case 'not_certified':
    case 'returned_for_supplement':
      break;
    default: {
      const never: never = outcome;
      throw new TypeError(`Unknown decision outcome: ${String(never)}`);
    }
  }
  const positive = input.advice.advice === 'positive';
  return {
    title: DECISION_LETTER_TITLE,
    issuer: DECISION_ISSUER,
    candidate: { displayName: input.candidate.displayName, email: input.candidate.email },
    portfolioId: input.portfolioId,
    rulebookVersion: input.rulebookVersion,
    date: formatAmsterdamDate(decision.decidedAt),
    generatedAt: formatTimestamp(input.generatedAt),
    submittedAt: formatTimestamp(input.submittedAt),
    interviewHeldAt: input.interviewHeldAt === null || input.interviewHeldAt === '' ? null : formatTimestamp(input.interviewHeldAt),
    outcome,
    certified,
    notCertified: outcome === 'not_certified',
    returned: outcome === 'returned_for_supplement',
    outcomeLabel: OUTCOME_LABELS[outcome].nl,
    outcomeLabelEn: OUTCOME_LABELS[outcome].en,
    motivation: text(decision.motivation),
    advice: { positive, label: positive ? 'positief' : 'negatief', labelEn: positive ? 'positive' : 'negative', motivation: text(input.advice.motivation) },
    assessors: joinNames(input.assessors, 'en'),
    assessorsEn: joinNames(input.assessors, 'and'),
    deciderName: decision.deciderName,
  };
}

/** Names longer than this (in characters) no longer fit on one line at the large size. */
const HOLDER_NAME_LONG = 28;

export function certificateView(input: CertificateInput): CertificateView {
  return {
    title: CERTIFICATE_TITLE,
    issuer: DECISION_ISSUER,
    holderName: input.holderName,
    holderLong: [...input.holderName].length > HOLDER_NAME_LONG,
    certificateNumber: input.certificateNumber,
    startsOn: calendarDate(input.startsOn),
    validUntil: calendarDate(input.validUntil),
    decidedOn: formatAmsterdamDate(input.decidedAt),
    generatedAt: formatTimestamp(input.generatedAt),
    verification: input.verificationUrl ? { url: input.verificationUrl, ...qrPath(input.verificationUrl) } : null,
  };
}

/**
 * A QR code (the `qrcode` library's matrix, error correction M) as the `d` of one SVG path: a 1×1
 * square per dark module, in a box of size × size. Only digits and the letters M, h, v, z, so the
 * template prints it with the ordinary escaping `{{ }}`; no generated markup is trusted.
 */
export function qrPath(text: string): { size: number; box: number; path: string } {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const parts: string[] = [];
  for (let y = 0; y < modules.size; y++) {
    for (let x = 0; x < modules.size; x++) if (modules.get(y, x)) parts.push(`M${x} ${y}h1v1h-1z`);
  }
  // box: the code with a quiet zone of two modules on each side.
  return { size: modules.size, box: modules.size + 4, path: parts.join('') };
}

// ------------------------------------------------------------------ templates

interface Compiled {
  readonly letter: Handlebars.TemplateDelegate;
  readonly certificate: Handlebars.TemplateDelegate;
  readonly css: string;
}

let compiled: Compiled | undefined;

/** Reads and compiles the templates on first use; later calls reuse them. */
function templates(): Compiled {
  if (compiled !== undefined) return compiled;
  // A private environment: no global helpers or partials from elsewhere leak in, none leak out.
  const hbs = Handlebars.create();
  const read = (file: string): string => readFileSync(join(DECISION_TEMPLATE_DIR, file), 'utf8');
  // strict: a field a template names but the view lacks is an error, not an empty string.
  const options = { strict: true, knownHelpersOnly: true } as const;
  compiled = {
    letter: hbs.compile(read(DECISION_TEMPLATES.letter), options),
    certificate: hbs.compile(read(DECISION_TEMPLATES.certificate), options),
    css: read(DECISION_TEMPLATES.stylesheet),
  };
  return compiled;
}

/** The complete, self-contained HTML of the decision letter (styles inlined, no external resources). */
export function decisionLetterHtml(input: DecisionLetterInput): string {
  const { letter, css } = templates();
  return letter({ ...decisionLetterView(input), css });
}

/** The complete, self-contained HTML of the certificate: one A4 page. */
export function certificateHtml(input: CertificateInput): string {
  const { certificate, css } = templates();
  return certificate({ ...certificateView(input), css });
}

const escape = (value: string): string => Handlebars.escapeExpression(value);

const MARGIN_STYLE = "width:100%; font-family:'DejaVu Sans', sans-serif; font-size:7.5px; color:#666; padding:0 16mm; display:flex; justify-content:space-between;";

/** Running header of the letter: title and candidate, and the issuer. */
export function decisionLetterHeaderTemplate(input: DecisionLetterInput): string {
  return `<div style="${MARGIN_STYLE}"><span>${escape(DECISION_LETTER_TITLE)} — ${escape(input.candidate.displayName)}</span><span>Noloc</span></div>`;
}

/** Running footer of the letter: the reference (portfolio id) and "pagina X van Y". */
export function decisionLetterFooterTemplate(input: DecisionLetterInput): string {
  return (
    `<div style="${MARGIN_STYLE}"><span>Kenmerk ${escape(input.portfolioId)}</span>` +
    '<span>pagina <span class="pageNumber"></span> van <span class="totalPages"></span></span></div>'
  );
}

/** The certificate has no running header or footer (a page number on a certificate is noise). */
export const CERTIFICATE_MARGIN_TEMPLATE = '<div></div>';

export async function renderDecisionLetterPdf(renderer: PdfRenderer, input: DecisionLetterInput): Promise<Buffer> {
  // The HTML's own <title> becomes the PDF's title.
  return renderer.render(decisionLetterHtml(input), {
    headerTemplate: decisionLetterHeaderTemplate(input),
    footerTemplate: decisionLetterFooterTemplate(input),
  });
}

export async function renderCertificatePdf(renderer: PdfRenderer, input: CertificateInput): Promise<Buffer> {
  return renderer.render(certificateHtml(input), { headerTemplate: CERTIFICATE_MARGIN_TEMPLATE, footerTemplate: CERTIFICATE_MARGIN_TEMPLATE });
}
