import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Handlebars from 'handlebars';
import {
  certificateHtml,
  certificateView,
  DECISION_TEMPLATE_DIR,
  DECISION_TEMPLATES,
  decisionLetterFooterTemplate,
  decisionLetterHeaderTemplate,
  decisionLetterHtml,
  formatAmsterdamDate,
  qrPath,
  type CertificateInput,
  type DecisionLetterInput,
  type DecisionOutcome,
} from './decision-pdf';

const esc = (text: string): string => Handlebars.escapeExpression(text);

const MOTIVATION = 'Casus 2 laat onvoldoende zien hoe u taak 5 uitvoert.\nVul de evaluatie aan.';
const ADVICE_MOTIVATION = 'Portfolio en gesprek tonen aan dat de kandidaat aan alle eisen voldoet.';

function letter(outcome: DecisionOutcome, overrides: Partial<DecisionLetterInput> = {}): DecisionLetterInput {
  return {
    generatedAt: '2026-12-03T10:15:00Z',
    candidate: { displayName: 'Anna de Vries', email: 'anna@example.nl' },
    portfolioId: 'pf-0001',
    submittedAt: '2026-11-20T09:30:00Z',
    rulebookVersion: 'toetsingskader-2025',
    // 23:30 UTC on 2 December is 00:30 on 3 December in Amsterdam.
    decision: { outcome, motivation: outcome === 'certified' ? null : MOTIVATION, decidedAt: '2026-12-02T23:30:00Z', deciderName: 'J. Jansen' },
    advice: { advice: outcome === 'certified' ? 'positive' : 'negative', motivation: ADVICE_MOTIVATION },
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
  decidedAt: '2026-12-02T23:30:00Z',
};

/** The HTML of the element with the given id, up to its closing </section>. */
function section(html: string, id: string): string {
  const start = html.indexOf(`id="${id}"`);
  if (start < 0) throw new Error(`no section ${id}`);
  return html.slice(start, html.indexOf('</section>', start));
}

/** The document's text: tags removed, entities of the escaped characters decoded, whitespace collapsed. */
function textOf(html: string): string {
  return html
    .replace(/<style>[\s\S]*?<\/style>/, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#x27;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
}

/** Position of `needle` in `haystack`; fails the test when it is not there. */
function at(haystack: string, needle: string): number {
  const index = haystack.indexOf(needle);
  if (index < 0) throw new Error(`"${needle}" not found`);
  return index;
}

describe('decisionLetterHtml', () => {
  const certified = decisionLetterHtml(letter('certified'));
  const notCertified = decisionLetterHtml(letter('not_certified'));
  const returned = decisionLetterHtml(letter('returned_for_supplement'));

  it('is a letter from the certification office to the candidate, Dutch first and English second', () => {
    const text = textOf(certified);
    expect(text).toContain('Noloc — Certificeringsbureau Register Loopbaanprofessional');
    expect(certified).toContain('<title>Besluit certificering — Anna de Vries</title>');
    expect(section(certified, 'addressee')).toContain('Anna de Vries');
    expect(section(certified, 'addressee')).toContain('anna@example.nl');
    expect(text).toContain('Geachte Anna de Vries,');
    expect(at(text, 'Besluit certificering Certification decision')).toBeLessThan(at(text, 'Geachte'));
    // Each Dutch text is followed by its English translation, never the other way round.
    for (const [nl, en] of [
      ['Geachte Anna de Vries,', 'Dear Anna de Vries,'],
      ['U bent gecertificeerd als Register Loopbaanprofessional.', 'You are certified as a Register Loopbaanprofessional.'],
      ['Bent u het niet eens met dit besluit', 'If you disagree with this decision'],
      ['Met vriendelijke groet,', 'Kind regards,'],
    ] as const) {
      expect(at(text, nl)).toBeLessThan(at(text, en));
    }
    expect(certified).toMatch(/<html lang="nl">/);
    expect(certified).toContain('<p class="en-par" lang="en">Dear Anna de Vries,</p>');
    expect(certified).not.toContain('{{');
  });

  it('dates the letter on the day of the decision in Amsterdam and prints the other moments in Dutch', () => {
    const facts = section(certified, 'facts');
    expect(facts).toContain('3 december 2026'); // decided at 23:30 UTC on 2 December = 3 December in Amsterdam
    expect(facts).toContain('pf-0001');
    const procedure = section(certified, 'procedure');
    expect(procedure).toContain('20 november 2026 om 10:30 CET');
    expect(procedure).toContain('28 november 2026 om 14:00 CET');
    expect(procedure).toContain('toetsingskader-2025');
    expect(procedure).toMatch(/Besluit genomen op[\s\S]*?<td>3 december 2026<\/td>/);
    expect(textOf(certified)).toContain('Dit document is aangemaakt op 3 december 2026 om 11:15 CET.');
    const summer = decisionLetterHtml(letter('certified', { submittedAt: '2026-06-30T22:30:00Z' }));
    expect(section(summer, 'procedure')).toContain('1 juli 2026 om 00:30 CEST');
  });

  it('says that the candidate is certified, with the certificate number and the validity', () => {
    const outcome = section(certified, 'outcome');
    const text = textOf(outcome);
    expect(text).toContain('Gecertificeerd Certified');
    expect(text).toContain('U bent gecertificeerd als Register Loopbaanprofessional.');
    expect(outcome).toContain('RLP-2026-00042');
    expect(text).toContain('gaat in op 3 december 2026 en is geldig tot en met 2 december 2030');
    expect(text).toMatch(/Geldig tot en met Valid up to and including 2 december 2030/);
    expect(text).toContain('Hercertificering is elke vier jaar nodig');
    expect(text).not.toContain('niet gecertificeerd');
    expect(text).not.toContain('aanvulling');
    // No motivation given: no empty explanation heading.
    expect(text).not.toContain('Toelichting');
    const explained = section(decisionLetterHtml(letter('certified', { decision: { ...letter('certified').decision, motivation: 'Uitstekend portfolio.' } })), 'outcome');
    expect(textOf(explained)).toContain('Toelichting Explanation Uitstekend portfolio.');
  });

  it('says that the candidate is not certified, with the motivation', () => {
    const outcome = section(notCertified, 'outcome');
    const text = textOf(outcome);
    expect(text).toContain('Niet gecertificeerd Not certified');
    expect(text).toContain('U bent niet gecertificeerd als Register Loopbaanprofessional.');
    expect(text).toContain('You have not been certified as a Register Loopbaanprofessional.');
    expect(outcome).toContain(`<div class="long motivation">${esc(MOTIVATION)}</div>`);
    expect(text).not.toContain('U bent gecertificeerd');
    expect(text).not.toContain('Certificaatnummer');
    expect(text).not.toContain('nieuw concept');
    expect(notCertified).toContain('<body class="letter outcome-not_certified">');
  });

  it('returns the portfolio for supplementation: a new draft in the portal, and what to supplement', () => {
    const outcome = section(returned, 'outcome');
    const text = textOf(outcome);
    expect(text).toContain('Teruggegeven voor aanvulling Returned for supplementation');
    expect(text).toContain('Uw portfolio wordt aan u teruggegeven voor aanvulling.');
    expect(text).toContain('In het portaal staat een nieuw concept voor u klaar dat is gebaseerd op het ingediende portfolio.');
    expect(text).toContain('A new draft, built on the portfolio you submitted, is available to you in the portal.');
    expect(text).toContain('Wat moet worden aangevuld What needs to be supplemented');
    expect(outcome).toContain(`<div class="long motivation">${esc(MOTIVATION)}</div>`);
    expect(text).not.toContain('U bent gecertificeerd');
    expect(text).not.toContain('U bent niet gecertificeerd');
  });

  it('prints a placeholder when a negative outcome comes without a motivation', () => {
    for (const outcome of ['not_certified', 'returned_for_supplement'] as const) {
      const input = letter(outcome);
      const html = decisionLetterHtml({ ...input, decision: { ...input.decision, motivation: '  ' } });
      expect(textOf(section(html, 'outcome'))).toContain('Geen motivering opgegeven. No reasons given.');
      expect(section(html, 'outcome')).not.toContain('class="long motivation"');
    }
  });

  it('gives the assessors’ joint advice and names the assessors', () => {
    const procedure = section(certified, 'procedure');
    const text = textOf(procedure);
    expect(text).toContain('Gezamenlijk advies van de assessoren Joint advice of the assessors');
    expect(text).toContain('De assessoren Piet Pietersen en Karin Klaassen hebben gezamenlijk positief geadviseerd.');
    expect(text).toContain('The assessors Piet Pietersen and Karin Klaassen jointly gave a positive advice.');
    expect(procedure).toContain(`<div class="long motivation">${esc(ADVICE_MOTIVATION)}</div>`);
    expect(procedure).toMatch(/Assessoren[\s\S]*?<td>Piet Pietersen en Karin Klaassen<\/td>/);
    const negative = textOf(section(notCertified, 'procedure'));
    expect(negative).toContain('hebben gezamenlijk negatief geadviseerd.');
    expect(negative).toContain('jointly gave a negative advice.');
    const unnamed = textOf(section(decisionLetterHtml(letter('certified', { assessors: [] })), 'procedure'));
    expect(unnamed).toContain('De assessoren hebben gezamenlijk positief geadviseerd.');
    expect(unnamed).toContain('niet vermeld');
  });

  it('says when no certificeringsgesprek was held', () => {
    const html = decisionLetterHtml(letter('not_certified', { interviewHeldAt: null }));
    expect(textOf(section(html, 'procedure'))).toMatch(/Certificeringsgesprek Certification interview niet gehouden not held/);
    expect(section(html, 'procedure')).not.toContain('28 november 2026');
  });

  it('explains how to object, in every outcome', () => {
    for (const html of [certified, notCertified, returned]) {
      const text = textOf(section(html, 'objection'));
      expect(text).toContain('Bent u het niet eens met dit besluit, dan kunt u bezwaar maken volgens het klachtenreglement.');
      expect(text).toContain('If you disagree with this decision, you can lodge an objection under the complaints regulations');
      expect(text).toContain('pf-0001');
    }
    expect(textOf(section(certified, 'closing'))).toContain('J. Jansen');
  });

  it('refuses a certified letter without a register entry', () => {
    expect(() => decisionLetterHtml(letter('certified', { register: null }))).toThrow(/register entry/);
    // ...and ignores one on any other outcome.
    const stray = decisionLetterHtml(letter('not_certified', { register: { certificateNumber: 'RLP-X', startsOn: '2026-12-03', validUntil: '2030-12-02' } }));
    expect(stray).not.toContain('RLP-X');
  });

  it('escapes names, e-mail address, motivations and decider and keeps the line breaks', () => {
    const hostile = 'Eerste regel\n<script>alert("x")</script>\n<img src=x onerror=alert(1)>';
    const input = letter('not_certified', {
      candidate: { displayName: '</title><script>x()</script>', email: '<b onmouseover=x()>a@b.nl</b>' },
      portfolioId: '<i>pf</i>',
      assessors: ['<img src=y>', 'Karin'],
      advice: { advice: 'negative', motivation: '<style>body{display:none}</style>' },
    });
    const html = decisionLetterHtml({ ...input, decision: { ...input.decision, motivation: hostile, deciderName: '<u>J</u>' } });
    const body = html.slice(html.indexOf('</style>'));
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<img/i);
    expect(html).not.toContain('<b onmouseover');
    expect(html).not.toContain('<i>pf</i>');
    expect(html).not.toContain('<u>J</u>');
    expect(body).not.toMatch(/<style/i);
    expect(html).toContain('<title>Besluit certificering — &lt;/title&gt;&lt;script&gt;x()&lt;/script&gt;</title>');
    expect(html).toContain('&lt;b onmouseover&#x3D;x()&gt;a@b.nl&lt;/b&gt;');
    expect(html).toContain('&lt;img src&#x3D;y&gt; en Karin');
    expect(html).toContain('&lt;style&gt;body{display:none}&lt;/style&gt;');
    expect(section(html, 'outcome')).toContain(`<div class="long motivation">${esc(hostile)}</div>`);
    expect(esc(hostile)).toContain('\n');
    expect(html).toMatch(/\.long \{[^}]*white-space: pre-wrap/);
    // The running header and footer escape too.
    expect(decisionLetterHeaderTemplate(input)).toContain('&lt;/title&gt;&lt;script&gt;x()&lt;/script&gt;');
    expect(decisionLetterHeaderTemplate(input)).not.toContain('<script');
    expect(decisionLetterFooterTemplate(input)).toContain('Kenmerk &lt;i&gt;pf&lt;/i&gt;');
  });

  it('puts "pagina X van Y" and the reference in the footer, the title and candidate in the header', () => {
    const footer = decisionLetterFooterTemplate(letter('certified'));
    expect(footer).toContain('pagina <span class="pageNumber"></span> van <span class="totalPages"></span>');
    expect(footer).toContain('Kenmerk pf-0001');
    expect(decisionLetterHeaderTemplate(letter('certified'))).toContain('Besluit certificering — Anna de Vries');
  });

  it('is self-contained: the stylesheet inlined, nothing loaded from elsewhere', () => {
    for (const html of [certified, certificateHtml(CERTIFICATE)]) {
      expect(html).toContain("font-family: 'DejaVu Sans', sans-serif");
      expect(html).toMatch(/<style>\s*\/\* Decision letter and certificate\./);
      expect(html).not.toMatch(/<link|<script|<img|src=|url\(|@import|https?:/i);
    }
  });
});

describe('certificateHtml', () => {
  const html = certificateHtml(CERTIFICATE);
  const text = textOf(html);

  it('shows the title, register, holder, number, validity, decision date and issuer', () => {
    expect(html).toContain('<title>Certificaat Register Loopbaanprofessional — Anna de Vries</title>');
    expect(text).toContain('Certificaat Certificate');
    expect(text).toContain('Register Loopbaanprofessional');
    expect(html).toContain('<p class="holder" id="holder">Anna de Vries</p>');
    expect(html).toContain('<td class="mono number">RLP-2026-00042</td>');
    expect(text).toContain('geldig van 3 december 2026 tot en met 2 december 2030');
    expect(text).toContain('valid from 3 december 2026 up to and including 2 december 2030');
    expect(text).toMatch(/Datum besluit Decision date 3 december 2026/);
    expect(text).toContain('Uitgegeven door Noloc — Certificeringsbureau Register Loopbaanprofessional');
    expect(text).toContain('Hercertificering elke vier jaar Recertification every four years');
    expect(text).toContain('Aangemaakt op 3 december 2026 om 11:15 CET');
    // Dutch before English.
    expect(at(text, 'Noloc verklaart dat')).toBeLessThan(at(text, 'Noloc hereby declares that'));
    expect(at(text, 'is gecertificeerd als')).toBeLessThan(at(text, 'is certified as'));
  });

  it('is one fixed-height A4 frame drawn with CSS borders only', () => {
    expect(html).toMatch(/\.certificate \.frame \{[^}]*height: 250mm/);
    expect(html).toMatch(/@page \{ size: A4; \}/);
    expect(html.match(/class="corner corner-/g)).toHaveLength(4);
  });

  it('prints a long holder name smaller so that it still fits', () => {
    expect(certificateView(CERTIFICATE).holderLong).toBe(false);
    const long = certificateHtml({ ...CERTIFICATE, holderName: 'Maria Johanna Wilhelmina van Oldenbarnevelt-Ter Horst' });
    expect(long).toContain('<p class="holder holder-long" id="holder">');
  });

  it('escapes the holder name and certificate number', () => {
    const hostile = certificateHtml({ ...CERTIFICATE, holderName: '<script>alert(1)</script>', certificateNumber: '<img src=x onerror=y()>' });
    expect(hostile).not.toMatch(/<script/i);
    expect(hostile).not.toMatch(/<img/i);
    expect(hostile).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(hostile).toContain('&lt;img src&#x3D;x onerror&#x3D;y()&gt;');
  });

  it('carries a QR code of the verification link, drawn as one escaped SVG path, and the link as text (issue 16)', () => {
    expect(html).not.toContain('id="verification"');
    const url = 'https://register.example.nl/verify?id=4e07a6f3-8705-46d5-8f55-bab1901f75eb';
    const withQr = certificateHtml({ ...CERTIFICATE, verificationUrl: url });
    const { size, box, path } = qrPath(url);
    expect(box).toBe(size + 4);
    expect(path).toMatch(/^(M\d+ \d+h1v1h-1z)+$/);
    expect(withQr).toContain(`viewBox="-2 -2 ${box} ${box}"`);
    expect(withQr).toContain(`<path fill="#000" d="${path}"/>`);
    expect(withQr).toContain(`<span class="verify-url" id="verification-url">${url.replace('=', '&#x3D;')}</span>`);
    const hostile = certificateHtml({ ...CERTIFICATE, verificationUrl: 'https://x.nl/"><script>alert(1)</script>' });
    expect(hostile).not.toMatch(/<script/i);
  });

  it('shows dates it cannot parse as they are rather than failing', () => {
    const odd = textOf(certificateHtml({ ...CERTIFICATE, validUntil: 'onbepaald', decidedAt: 'later' }));
    expect(odd).toContain('tot en met onbepaald');
    expect(odd).toMatch(/Decision date later/);
  });
});

describe('decision templates', () => {
  it('use the triple-stash only for the stylesheet, never for data', () => {
    const files = readdirSync(DECISION_TEMPLATE_DIR).filter((f) => f.endsWith('.hbs'));
    expect(files.sort()).toEqual([DECISION_TEMPLATES.certificate, DECISION_TEMPLATES.letter].sort());
    const raw = files.flatMap((f) => [...readFileSync(join(DECISION_TEMPLATE_DIR, f), 'utf8').matchAll(/\{\{\{\s*([^}]*?)\s*\}\}\}|\{\{&/g)].map((m) => `${f}:${m[1] ?? '&'}`));
    expect(raw.sort()).toEqual(['certificate.hbs:css', 'decision-letter.hbs:css']);
  });

  it('format a timestamp as its day in Europe/Amsterdam', () => {
    expect(formatAmsterdamDate('2026-12-02T23:30:00Z')).toBe('3 december 2026');
    expect(formatAmsterdamDate('2026-12-02T22:30:00Z')).toBe('2 december 2026');
    expect(formatAmsterdamDate('2026-07-31T22:30:00Z')).toBe('1 augustus 2026'); // summer time: UTC+2
    expect(formatAmsterdamDate('geen datum')).toBe('geen datum');
  });
});
