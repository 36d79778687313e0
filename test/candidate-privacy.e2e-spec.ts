import { startTestPlatform, TestPlatform } from '@rlp/testing';
import { api, candidate, createPortfolio, readyToSubmit, writeSection, type Candidate } from './support/candidate-journey';

/**
 * The privacy check (issue 16, docs/privacy-check.md) through the candidate API:
 * GET /portfolios/:id/privacy reports likely identifying data in the cases and the motivation as
 * warnings with JSON pointers and spans; it never blocks, and replacing a span by its placeholder
 * (an ordinary section save) makes the warning go away.
 */
const TODAY = '2026-11-23';

describe('privacy check of the case texts (e2e)', () => {
  let p: TestPlatform;

  beforeAll(async () => {
    p = await startTestPlatform({ now: new Date(`${TODAY}T10:00:00Z`) });
  });
  afterAll(() => p.close());

  async function me(overrides: { displayName: string; organisation: string }): Promise<Candidate> {
    const a = await p.account('candidate', overrides);
    return { id: a.id, email: a.email, password: a.password, token: a.token, auth: { Authorization: `Bearer ${a.token}` } };
  }

  it('reports every kind with pointer, span and placeholder; leaves the candidate’s own name and organisation alone', async () => {
    const c = await me({ displayName: 'Petra de Boer', organisation: 'Loopbaanpraktijk Petra de Boer' });
    const portfolio = await createPortfolio(p, c);
    const case1 = {
      title: 'Outplacement van Kim de Vries',
      whyChosen: 'Ze mailde mij op kim.devries@hotmail.com en belde vanaf 06-48213377.',
      tasks: {
        '0': { status: 'described', text: 'Haar BSN 628194821 stond op de verwijzing; ze woont op Dorpsstraat 7 en is geboren op 12-03-1985.' },
        '1': { status: 'described', text: 'Factuur naar NL70 RABO 1163 7265 16. Zie ook linkedin.com/in/kim-devries.' },
        '2': { status: 'described', text: 'Sessie op 14 maart 2025 volgens de loopbaanfasen van Super; ordernummer 526018159.' },
      },
    };
    expect((await writeSection(p, c, portfolio.id, 'case-1', portfolio.etags['case-1']!, case1)).status).toBe(200);
    const motivation = { motivation: 'Ik, Petra de Boer, werk sinds 2012 bij Loopbaanpraktijk Petra de Boer. Mijn mentor was Jan Jansen.' };
    expect((await writeSection(p, c, portfolio.id, 'cvAndMotivation', portfolio.etags['cvAndMotivation']!, motivation)).status).toBe(200);

    const res = await api(p).get(`/portfolios/${portfolio.id}/privacy`).set(c.auth).expect(200);
    const found = (res.body.warnings as Array<{ pointer: string; kind: string; text: string; placeholder: string; start: number; end: number; severity: string; code: string }>).map((w) => [w.pointer, w.kind, w.text, w.placeholder]);
    // PostgreSQL's jsonb keeps keys in its own order, so the order of fields is not the form's.
    const byPointer = (a: string[], b: string[]) => a.join('|').localeCompare(b.join('|'));
    expect(found.sort(byPointer)).toEqual([
      ['/cvAndMotivation/motivation', 'personName', 'Jan Jansen', '[cliënt]'],
      ['/cases/0/title', 'personName', 'Kim de Vries', '[cliënt]'],
      ['/cases/0/whyChosen', 'email', 'kim.devries@hotmail.com', '[e-mailadres]'],
      ['/cases/0/whyChosen', 'phone', '06-48213377', '[telefoonnummer]'],
      ['/cases/0/tasks/0/text', 'bsn', '628194821', '[BSN]'],
      ['/cases/0/tasks/0/text', 'address', 'Dorpsstraat 7', '[adres]'],
      ['/cases/0/tasks/0/text', 'birthDate', '12-03-1985', '[geboortedatum]'],
      ['/cases/0/tasks/1/text', 'iban', 'NL70 RABO 1163 7265 16', '[IBAN]'],
      ['/cases/0/tasks/1/text', 'socialProfile', 'linkedin.com/in/kim-devries', '[profiel]'],
    ].sort(byPointer));
    expect(res.body.total).toBe(9);
    expect(res.body.counts).toEqual({ email: 1, socialProfile: 1, iban: 1, bsn: 1, phone: 1, address: 1, birthDate: 1, personName: 2 });
    const email = (res.body.warnings as Array<{ kind: string; message: { nl: string; en: string } }>).find((w) => w.kind === 'email')!;
    expect(email).toMatchObject({ severity: 'warning', code: 'PRIVACY.EMAIL', start: case1.whyChosen.indexOf('kim.'), end: case1.whyChosen.indexOf('kim.') + 'kim.devries@hotmail.com'.length });
    expect(email.message.nl).toContain('e-mailadres');
    expect(email.message.en).toContain('e-mail address');
  });

  it('never blocks: a complete portfolio with identifying data stays complete; replacing the span by its placeholder removes the warning', async () => {
    const { c, portfolioId } = await readyToSubmit(p, TODAY);
    const section = await api(p).get(`/portfolios/${portfolioId}/sections/case-1`).set(c.auth).expect(200);
    const content = section.body.content as { whyChosen?: string };
    const whyChosen = `${content.whyChosen ?? ''} Contact: sanne.b@gmail.com.`;
    const saved = await writeSection(p, c, portfolioId, 'case-1', section.headers['etag'] as string, { ...content, whyChosen });
    expect(saved.status).toBe(200);

    const report = await api(p).get(`/portfolios/${portfolioId}/privacy`).set(c.auth).expect(200);
    const hit = (report.body.warnings as Array<{ pointer: string; kind: string; start: number; end: number; placeholder: string }>).find((w) => w.kind === 'email');
    expect(hit).toMatchObject({ pointer: '/cases/0/whyChosen', placeholder: '[e-mailadres]' });
    const completeness = await api(p).get(`/portfolios/${portfolioId}/completeness`).set(c.auth).expect(200);
    expect(completeness.body.complete).toBe(true);
    expect((completeness.body.findings as Array<{ code: string }>).filter((f) => f.code.startsWith('PRIVACY'))).toEqual([]);

    const replaced = whyChosen.slice(0, hit!.start) + hit!.placeholder + whyChosen.slice(hit!.end);
    expect((await writeSection(p, c, portfolioId, 'case-1', saved.headers['etag'] as string, { ...content, whyChosen: replaced })).status).toBe(200);
    const after = await api(p).get(`/portfolios/${portfolioId}/privacy`).set(c.auth).expect(200);
    expect((after.body.warnings as Array<{ kind: string }>).filter((w) => w.kind === 'email')).toEqual([]);
    const stored = await api(p).get(`/portfolios/${portfolioId}/sections/case-1`).set(c.auth).expect(200);
    expect(stored.body.content.whyChosen).toContain('Contact: [e-mailadres].');
  });

  it('refuses what it should, in the one error shape', async () => {
    const owner = await candidate(p);
    const other = await candidate(p);
    const portfolio = await createPortfolio(p, owner);
    expect((await api(p).get(`/portfolios/${portfolio.id}/privacy`).set(other.auth).expect(404)).body.code).toBe('PORTFOLIO_NOT_FOUND');
    expect((await api(p).get('/portfolios/not-a-uuid/privacy').set(owner.auth).expect(400)).body.code).toBeDefined();
    expect((await api(p).get(`/portfolios/${portfolio.id}/privacy`).expect(401)).body.code).toBeDefined();
    const empty = await api(p).get(`/portfolios/${portfolio.id}/privacy`).set(owner.auth).expect(200);
    expect(empty.body).toEqual({ warnings: [], counts: { email: 0, socialProfile: 0, iban: 0, bsn: 0, phone: 0, address: 0, birthDate: 0, personName: 0 }, total: 0 });
  });
});
