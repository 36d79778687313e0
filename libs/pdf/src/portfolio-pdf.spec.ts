import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Handlebars from 'handlebars';
import { currentRulebook, evaluate, PARTS, type PortfolioDocument } from '@rlp/rulebook';
import { completePortfolio, modify, REFERENCE_DATE } from '../../rulebook/src/testing/portfolio.factory';
import { portfolioFooterTemplate, portfolioHeaderTemplate, portfolioHtml, portfolioPdfFingerprint, PORTFOLIO_TEMPLATES, TEMPLATE_DIR } from './portfolio-pdf';
import { formatBytes, type PortfolioPdfInput } from './portfolio-view';

const esc = (text: string): string => Handlebars.escapeExpression(text);

const DOCUMENTS = [
  { id: 'doc-diploma', filename: 'diploma-bachelor.pdf', contentType: 'application/pdf', sizeBytes: 482_113, sha256: 'a'.repeat(63) + '1' },
  { id: 'doc-cert-1', filename: 'certificaat-training.pdf', contentType: 'application/pdf', sizeBytes: 95_000, sha256: 'b'.repeat(63) + '2' },
  { id: 'doc-cert-2', filename: 'certificaat-ects.jpg', contentType: 'image/jpeg', sizeBytes: 2_400_000, sha256: 'c'.repeat(63) + '3' },
  { id: 'doc-cv', filename: 'cv-anna.docx', contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', sizeBytes: 733, sha256: 'd'.repeat(63) + '4' },
];

const SUBMISSION = {
  submittedAt: '2026-11-20T09:30:00Z',
  contentHash: '5f'.repeat(32),
  rulebookVersion: currentRulebook.id,
  regulationVersions: { gedragscode: 1, klachtenreglement: 2 },
};

function input(kind: 'draft' | 'submission', document: PortfolioDocument = completePortfolio()): PortfolioPdfInput {
  return {
    kind,
    generatedAt: '2026-11-23T13:05:00Z',
    candidate: { displayName: 'Anna de Vries', email: 'anna@example.nl' },
    portfolioId: 'pf-0001',
    document,
    rulebook: currentRulebook,
    report: evaluate(document, currentRulebook, { referenceDate: REFERENCE_DATE }),
    documents: DOCUMENTS,
    ...(kind === 'submission' ? { submission: SUBMISSION } : {}),
  };
}

/** The HTML of the <section> with the given id. */
function section(html: string, id: string): string {
  const start = html.indexOf(`id="${id}"`);
  if (start < 0) throw new Error(`no section ${id}`);
  return html.slice(start, html.indexOf('</section>', start));
}

describe('portfolioHtml', () => {
  const complete = portfolioHtml(input('submission'));

  it('prints every part with the rulebook’s headings, and a table of contents linking to each', () => {
    for (const part of PARTS) expect(complete).toContain(esc(currentRulebook.parts[part].title.nl));
    expect(complete).toContain('Portfolio Register Loopbaanprofessional');
    expect(complete).toContain('Inhoudsopgave');
    const toc = section(complete, 'toc');
    for (const anchor of ['part-a', 'part-b1', 'part-b2', 'part-c', 'case-1', 'case-2', 'task-matrix', 'part-d', 'part-e', 'attachments']) {
      expect(toc).toContain(`<a href="#${anchor}">`);
      expect(complete).toContain(`id="${anchor}"`);
    }
  });

  it('labels tasks, knowledge areas, competences, attitude and development-plan questions from the rulebook', () => {
    const c = section(complete, 'case-1');
    for (const task of currentRulebook.cases.tasks) expect(c).toContain(esc(`Taak ${task.id}: ${task.title.nl}`));
    for (const criterion of currentRulebook.cases.attitude.criteria) expect(c).toContain(esc(criterion.question.nl));
    expect(c).toContain(esc(currentRulebook.cases.knowledge.items.find((k) => k.id === '1')?.title.nl ?? 'missing'));
    expect(c).toContain('Reflectie op kennisgebied 1.');
    expect(c).toContain(esc(currentRulebook.cases.competences.items.find((k) => k.id === 'methodisch-werken')?.title.nl ?? 'missing'));
    const d = section(complete, 'part-d');
    for (const question of currentRulebook.developmentPlan.questions) {
      expect(d).toContain(esc(question.text.nl));
      expect(d).toContain(`Antwoord op vraag ${question.id}.`);
    }
    const e = section(complete, 'part-e');
    for (const declaration of currentRulebook.declarations) expect(e).toContain(esc(declaration.text.nl));
    expect(e).toContain('versie 1');
    const a = section(complete, 'part-a');
    expect(a).toContain('<strong>A2</strong>');
    expect(a).toContain(esc(currentRulebook.education.routes.find((r) => r.id === 'A2')?.criterion.nl ?? 'missing'));
    // Attested properties, labelled by the rulebook's conditions, with their answers.
    expect(a).toMatch(/Het diploma is ondertekend door de opleidingsinstantie\.<\/th><td>ja</);
    expect(a).toMatch(/CROHO-opleiding gericht op &#x27;mens en organisatie&#x27;\.<\/th><td>nee</);
    expect(a).toContain('diploma-bachelor.pdf');
  });

  it('prints the declarations of B1 and names the attached CV in B2', () => {
    const b1 = section(complete, 'part-b1');
    expect(b1).toContain(esc(currentRulebook.workExperience.experience.deliverable.nl));
    expect(b1).toContain('2.400');
    expect(b1).toMatch(/Ondertekend<\/th><td>ja</);
    expect(section(complete, 'part-b2')).toContain('Bijgevoegd: cv-anna.docx');
    const withoutCv = portfolioHtml(input('draft', modify(completePortfolio(), (d) => void delete d.cvAndMotivation?.cvDocumentId)));
    expect(section(withoutCv, 'part-b2')).toContain('Niet bijgevoegd');
  });

  it('prints the task matrix from the report’s task coverage', () => {
    const document = modify(completePortfolio(), (d) => {
      const [first, second] = d.cases ?? [];
      if (first?.tasks === undefined || second?.tasks === undefined) throw new Error('factory changed');
      first.tasks['5'] = { status: 'missing' };
      second.tasks['3'] = { status: 'not_relevant', notRelevantMotivation: 'Kwam in dit traject niet aan de orde.' };
    });
    const html = portfolioHtml(input('draft', document));
    const matrix = section(html, 'task-matrix');
    const rows = matrix.split('<tr>').slice(2); // after the header row
    expect(rows).toHaveLength(currentRulebook.cases.tasks.length);
    const cells = (row: string) => [...row.matchAll(/class="cell (described|not-relevant|missing)"/g)].map((m) => m[1]);
    expect(cells(rows[0] ?? '')).toEqual(['described', 'described']);
    expect(cells(rows[3] ?? '')).toEqual(['described', 'not-relevant']);
    expect(cells(rows[5] ?? '')).toEqual(['missing', 'described']);
    expect(rows[5]).toContain('ontbreekt');
    expect(matrix).toContain('Casus 1');
    expect(matrix).toContain('Casus 2');
    // ...and the case itself says so, with the motivation.
    expect(section(html, 'case-2')).toContain('Kwam in dit traject niet aan de orde.');
    expect(section(html, 'case-1')).toMatch(/Taak 5: [^<]*<span class="badge missing">Ontbreekt<\/span>/);
  });

  it('lists every attachment with its full SHA-256 and a readable size', () => {
    const attachments = section(complete, 'attachments');
    for (const d of DOCUMENTS) {
      expect(attachments).toContain(`<td class="mono hash">${d.sha256}</td>`);
      expect(attachments).toContain(esc(d.filename));
    }
    expect(attachments).toContain('470,8 KB');
    expect(attachments).toContain('2,3 MB');
    expect(attachments).toContain('733 B');
  });

  it('escapes whatever the candidate typed and keeps its line breaks', () => {
    const hostile = 'Eerste regel\n<script>alert("x")</script>\n<img src=x onerror=alert(1)>\nLaatste regel';
    const document = modify(completePortfolio(), (d) => {
      if (d.cvAndMotivation === undefined || d.cases?.[0] === undefined) throw new Error('factory changed');
      d.cvAndMotivation.motivation = hostile;
      d.cases[0].title = '</title><script>x()</script>';
    });
    const html = portfolioHtml({ ...input('draft', document), candidate: { displayName: '<b onmouseover=x()>Anna</b>', email: 'a@b.nl' } });
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<img/i);
    expect(html).not.toContain('<b onmouseover');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(html).toContain('&lt;img src&#x3D;x onerror&#x3D;alert(1)&gt;');
    expect(html).toContain('&lt;b onmouseover&#x3D;x()&gt;Anna&lt;/b&gt;');
    expect(html).toContain('&lt;/title&gt;&lt;script&gt;x()&lt;/script&gt;');
    // Line breaks are kept as they are, inside an element that prints them (white-space: pre-wrap).
    expect(section(html, 'part-b2')).toContain(`<div class="long">${esc(hostile)}</div>`);
    expect(esc(hostile)).toContain('\n');
    expect(html).toMatch(/\.long \{[^}]*white-space: pre-wrap/);
    // The running header escapes too.
    expect(portfolioHeaderTemplate({ ...input('draft'), candidate: { displayName: '<img src=x>', email: '' } })).toContain('&lt;img src&#x3D;x&gt;');
  });

  it('marks a draft as a draft: status, CONCEPT watermark, no submission data', () => {
    const html = portfolioHtml(input('draft'));
    expect(html).toContain('Concept — niet ingediend');
    expect(html).toContain('<div class="watermark" aria-hidden="true">CONCEPT</div>');
    expect(html).toContain('<body class="draft">');
    expect(html).not.toContain('Ingediend op');
    expect(html).not.toContain('Inhoudshash');
    expect(portfolioHeaderTemplate(input('draft'))).toContain('CONCEPT');
  });

  it('marks a submission with its date, content hash and regulation versions, and no draft marking', () => {
    const cover = complete.slice(0, complete.indexOf('id="toc"'));
    expect(cover).toContain('Ingediend op 20 november 2026 om 10:30 CET');
    expect(cover).toContain(SUBMISSION.contentHash);
    expect(cover).toContain('gedragscode v1');
    expect(cover).toContain('klachtenreglement v2');
    expect(cover).toContain(currentRulebook.id);
    expect(complete).not.toContain('class="watermark"');
    expect(complete).not.toContain('Concept — niet ingediend');
    expect(complete).not.toContain('CONCEPT');
    expect(portfolioHeaderTemplate(input('submission'))).not.toContain('CONCEPT');
  });

  it('shows the generation time in Europe/Amsterdam time (winter and summer)', () => {
    expect(complete).toContain('23 november 2026 om 14:05 CET');
    const summer = portfolioHtml({ ...input('draft'), generatedAt: '2026-07-01T10:00:00.000Z' });
    expect(summer).toContain('1 juli 2026 om 12:00 CEST');
  });

  it('lists what is still missing, grouped per part, for a draft only', () => {
    const document = modify(completePortfolio(), (d) => {
      delete d.cvAndMotivation?.cvDocumentId;
      const tasks = d.cases?.[1]?.tasks;
      if (tasks === undefined) throw new Error('factory changed');
      delete tasks['2'];
      delete d.declarations?.truthful;
    });
    const draftInput = input('draft', document);
    const blocking = draftInput.report.findings.filter((f) => f.severity === 'blocking');
    expect(blocking.map((f) => f.part).sort()).toEqual(['B2', 'C', 'E']);
    const draft = portfolioHtml(draftInput);
    const missing = section(draft, 'missing');
    expect(section(draft, 'toc')).toContain('<a href="#missing">Nog te doen</a>');
    for (const finding of blocking) expect(missing).toContain(esc(finding.message.nl));
    const order = ['B2', 'C', 'E'].map((part) => missing.indexOf(`<h3>${esc(currentRulebook.parts[part as 'B2'].title.nl)}</h3>`));
    expect(order.every((at) => at > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(missing).not.toContain(esc(currentRulebook.parts.A.title.nl));

    const submitted = portfolioHtml({ ...input('submission', document) });
    expect(submitted).not.toContain('id="missing"');
    expect(submitted).not.toContain('Nog te doen');
    expect(submitted).not.toContain(esc(blocking[0]?.message.nl ?? 'missing'));

    expect(section(portfolioHtml(input('draft')), 'missing')).toContain('Er ontbreekt niets meer');
  });

  it('renders a barely started document without failing (every field may be absent)', () => {
    const html = portfolioHtml({ ...input('draft', { schemaVersion: 1, rulebookVersion: currentRulebook.id }), documents: [] });
    expect(html).toContain('Nog geen route gekozen.');
    expect(html).toContain('Nog geen casussen beschreven.');
    expect(html).toContain('Geen bijlagen.');
    expect(section(html, 'part-b2')).toContain('Niet bijgevoegd');
    expect(section(html, 'missing')).toContain(esc(currentRulebook.parts.C.title.nl));
  });

  it('puts page numbers in the footer', () => {
    const footer = portfolioFooterTemplate(input('draft'));
    expect(footer).toContain('pagina <span class="pageNumber"></span> van <span class="totalPages"></span>');
    expect(footer).toContain('pf-0001');
  });
});

describe('portfolio templates', () => {
  it('use the triple-stash only for the stylesheet, never for data', () => {
    const files = readdirSync(TEMPLATE_DIR).filter((f) => f.endsWith('.hbs'));
    expect(files.sort()).toEqual([PORTFOLIO_TEMPLATES.layout, ...PORTFOLIO_TEMPLATES.partials.map((p) => `${p}.hbs`)].sort());
    const raw = files.flatMap((f) => [...readFileSync(join(TEMPLATE_DIR, f), 'utf8').matchAll(/\{\{\{\s*([^}]*?)\s*\}\}\}|\{\{&/g)].map((m) => `${f}:${m[1] ?? '&'}`));
    expect(raw).toEqual(['portfolio.hbs:css']);
  });

  it('format sizes in binary units with Dutch decimals', () => {
    expect(formatBytes(0)).toBe('0 B');
    expect(formatBytes(1023)).toBe('1.023 B');
    expect(formatBytes(1536)).toBe('1,5 KB');
    expect(formatBytes(5 * 1024 ** 3)).toBe('5 GB');
  });
});

describe('portfolioPdfFingerprint (the preview cache key, ADR 0026)', () => {
  const base = input('draft');
  const fingerprint = portfolioPdfFingerprint(base);

  it('is the same for the same content at another moment, and a SHA-256', () => {
    expect(fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(portfolioPdfFingerprint({ ...base, generatedAt: '2027-03-01T08:00:00Z' })).toBe(fingerprint);
    expect(portfolioPdfFingerprint(input('draft'))).toBe(fingerprint);
  });

  it('changes with anything the PDF shows: text, documents, candidate, portfolio, kind', () => {
    const changed = modify(completePortfolio(), (d) => {
      const answers = d.developmentPlan!.answers as Record<string, string>;
      const first = Object.keys(answers)[0]!;
      answers[first] = `${answers[first]} En nog iets.`;
    });
    const variants: PortfolioPdfInput[] = [
      input('draft', changed),
      { ...base, documents: base.documents.slice(1) },
      { ...base, documents: [{ ...base.documents[0]!, sha256: 'e'.repeat(64) }, ...base.documents.slice(1)] },
      { ...base, candidate: { ...base.candidate, displayName: 'Anna de Vries-Jansen' } },
      { ...base, portfolioId: 'pf-0002' },
      input('submission'),
    ];
    const seen = new Set([fingerprint]);
    for (const variant of variants) seen.add(portfolioPdfFingerprint(variant));
    expect(seen.size).toBe(variants.length + 1);
  });
});
