import {
  renderCertificatePdf,
  renderDecisionLetterPdf,
  type CertificateInput,
  type DecisionLetterInput,
  type DecisionOutcome,
} from './decision-pdf';
import { isPdf, PdfRenderer } from './pdf-renderer';

/** Runs the real Chromium (CHROMIUM_PATH, default /usr/bin/chromium). */
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

jest.setTimeout(90_000);

function letter(outcome: DecisionOutcome, overrides: Partial<DecisionLetterInput> = {}): DecisionLetterInput {
  return {
    generatedAt: '2026-12-03T10:15:00Z',
    candidate: { displayName: 'Anna de Vries', email: 'anna@example.nl' },
    portfolioId: 'pf-integration',
    submittedAt: '2026-11-20T09:30:00Z',
    rulebookVersion: 'toetsingskader-2025',
    decision: {
      outcome,
      motivation: outcome === 'certified' ? null : 'Casus 2 laat onvoldoende zien hoe u taak 5 uitvoert.\nVul de evaluatie aan.',
      decidedAt: '2026-12-03T09:00:00Z',
      deciderName: 'J. Jansen',
    },
    advice: { advice: outcome === 'certified' ? 'positive' : 'negative', motivation: 'Gezamenlijk advies van beide assessoren.' },
    assessors: ['Piet Pietersen', 'Karin Klaassen'],
    interviewHeldAt: '2026-11-28T13:00:00Z',
    register: outcome === 'certified' ? { certificateNumber: 'RLP-2026-00042', startsOn: '2026-12-03', validUntil: '2030-12-02' } : null,
    ...overrides,
  };
}

const CERTIFICATE: CertificateInput = {
  generatedAt: '2026-12-03T10:15:00Z',
  holderName: 'Anna de Vries',
  certificateNumber: 'RLP-2026-00042',
  startsOn: '2026-12-03',
  validUntil: '2030-12-02',
  decidedAt: '2026-12-03T09:00:00Z',
};

/** Pages in a PDF as Chromium writes it (no object streams): `/Type /Page` objects, not `/Pages`. */
function pageCount(pdf: Buffer): number {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? []).length;
}

/** Width and height (points) of every page's MediaBox. */
function pageSizes(pdf: Buffer): { width: number; height: number }[] {
  return [...pdf.toString('latin1').matchAll(/\/MediaBox\s*\[\s*([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s*\]/g)].map((m) => ({
    width: Number(m[3]) - Number(m[1]),
    height: Number(m[4]) - Number(m[2]),
  }));
}

/** The document title from the PDF's info dictionary (Chromium writes it as UTF-16BE hex or a literal string). */
function pdfTitle(pdf: Buffer): string | undefined {
  const match = /\/Title\s*(?:<([0-9A-Fa-f\s]*)>|\(((?:\\.|[^\\)])*)\))/.exec(pdf.toString('latin1'));
  if (match === null) return undefined;
  if (match[2] !== undefined) return match[2];
  const bytes = Buffer.from((match[1] ?? '').replace(/\s/g, ''), 'hex');
  if (bytes[0] !== 0xfe || bytes[1] !== 0xff) return bytes.toString('latin1');
  const swapped = Buffer.from(bytes.subarray(2));
  swapped.swap16();
  return swapped.toString('utf16le');
}

const A4 = { width: 595.92, height: 841.92 };

function expectA4Portrait(pdf: Buffer): void {
  const sizes = pageSizes(pdf);
  expect(sizes.length).toBeGreaterThan(0);
  for (const size of sizes) {
    expect(size.width).toBeCloseTo(A4.width, 0);
    expect(size.height).toBeCloseTo(A4.height, 0);
  }
}

describe('decision letter and certificate with a real Chromium', () => {
  let renderer: PdfRenderer;

  beforeAll(() => {
    renderer = new PdfRenderer({ chromiumPath: CHROMIUM, maxConcurrent: 2, timeoutMs: 30_000 });
  });

  afterAll(async () => {
    await renderer.close();
  });

  it.each(['certified', 'not_certified', 'returned_for_supplement'] as const)('renders the %s letter as an A4 PDF of one or two pages', async (outcome) => {
    const pdf = await renderDecisionLetterPdf(renderer, letter(outcome));
    expect(isPdf(pdf)).toBe(true);
    expect(pageCount(pdf)).toBeGreaterThanOrEqual(1);
    expect(pageCount(pdf)).toBeLessThanOrEqual(2);
    expectA4Portrait(pdf);
    expect(pdfTitle(pdf)).toBe('Besluit certificering — Anna de Vries');
  });

  it('runs a letter with a long motivation over more pages', async () => {
    const short = await renderDecisionLetterPdf(renderer, letter('not_certified'));
    const base = letter('not_certified');
    const paragraph = 'De beschrijving van taak 5 in casus 2 is te summier; geef aan welke interventies u koos en waarom. ';
    const long = await renderDecisionLetterPdf(renderer, {
      ...base,
      decision: { ...base.decision, motivation: Array.from({ length: 60 }, () => paragraph.repeat(3)).join('\n\n') },
    });
    expect(isPdf(long)).toBe(true);
    expect(pageCount(long)).toBeGreaterThan(pageCount(short) + 2);
    expectA4Portrait(long);
  });

  it('renders the certificate on exactly one A4 page, also for a very long name', async () => {
    const pdf = await renderCertificatePdf(renderer, CERTIFICATE);
    expect(isPdf(pdf)).toBe(true);
    expect(pageCount(pdf)).toBe(1);
    expectA4Portrait(pdf);
    expect(pdfTitle(pdf)).toBe('Certificaat Register Loopbaanprofessional — Anna de Vries');

    const holderName = 'Maria Johanna Wilhelmina Theodora van Oldenbarnevelt-Ter Horst de Groot van Kleef tot Nijenrode en Zuylen';
    const long = await renderCertificatePdf(renderer, { ...CERTIFICATE, holderName });
    expect(pageCount(long)).toBe(1);
    expect(pdfTitle(long)).toBe(`Certificaat Register Loopbaanprofessional — ${holderName}`);
  });

  it('renders both documents concurrently with one browser and blocks nothing (no external resources)', async () => {
    const before = renderer.stats();
    const [pdfLetter, pdfCertificate] = await Promise.all([renderDecisionLetterPdf(renderer, letter('certified')), renderCertificatePdf(renderer, CERTIFICATE)]);
    expect(isPdf(pdfLetter)).toBe(true);
    expect(isPdf(pdfCertificate)).toBe(true);
    const after = renderer.stats();
    expect(after.launches).toBe(1);
    expect(after.rendered - before.rendered).toBe(2);
    expect(after.failed).toBe(0);
    // The templates load nothing: no request was aborted in any of this file's renders.
    expect(after.blockedRequests).toBe(0);
  });
});
