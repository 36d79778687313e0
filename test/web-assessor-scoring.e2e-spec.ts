/**
 * The assessor's own work in the portal (issue 14), in Debian Chromium: my dossiers with what to
 * do next, independence before the portfolio (and declining with a required reason), reading the
 * frozen portfolio with its documents inline and the guidance beside it, and the blind scoring —
 * autosaved with If-Match, kept across a reload, merged with a stale second tab, refused while
 * criteria are missing, then submitted. Nothing of the co-assessor's scoring shows before that.
 * Every page and state visited is checked with axe-core (WCAG 2.1 AA).
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { TestPlatform } from '@rlp/testing';
import { api } from './support/candidate-journey';
import { assign, declare, office, person, scoreAndSubmit, submittedDossier, type Person } from './support/assessment-journey';
import { expectAccessible, launchBrowser, logInWithForm, startWebPlatform, waitUntil } from './support/browser';

jest.setTimeout(600_000);

const TODAY = '2026-11-23';
let p: TestPlatform;
let browser: Browser;
let assessorBase: string;

beforeAll(async () => {
  ({ p, assessorBase } = await startWebPlatform({ now: new Date(`${TODAY}T09:00:00Z`) }));
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await p?.close();
});

const anchor = (code: string) => `criterium-${code.replace(/[^A-Za-z0-9]+/g, '-')}`;

async function loggedIn(who: Person): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ locale: 'nl-NL', timezoneId: 'Europe/Amsterdam', viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${assessorBase}/inloggen`);
  await logInWithForm(page, p, who);
  await page.getByRole('heading', { level: 1, name: 'Mijn dossiers' }).waitFor();
  return { context, page };
}

async function saved(page: Page): Promise<void> {
  await waitUntil(page, `document.querySelector('[data-save-state]')?.getAttribute('data-save-state') === 'saved'`);
}

async function serverScoring(a: Person, id: string) {
  return (await office(p).get(`/assessments/${id}/scoring`).set(a.auth).expect(200)).body as { scores: Record<string, { verdict: string; motivation: string | null; questions: string[] }>; criteria: Array<{ code: string }>; submittedAt: string | null };
}

describe('the assessor scores a dossier in Chromium', () => {
  it('serves the guidance and the findings at submission on the assessor API, to assigned and independent assessors only', async () => {
    const admin = await person(p, 'admin', 'Noloc');
    const a = await person(p, 'assessor', 'Bureau Gids');
    const outsider = await person(p, 'assessor', 'Bureau Buiten');
    const candidate = await person(p, 'candidate');
    const { portfolioId: id } = await submittedDossier(p, TODAY);
    expect((await assign(p, admin, id, a)).status).toBe(201);

    const nl = await office(p).get('/guidance?lang=nl').set(a.auth).expect(200);
    expect(nl.body.cases.tasks.length).toBe(8);
    expect(nl.body.cases.tasks[0].indicators.length).toBeGreaterThan(0);
    expect(nl.body.parts.B2.scored).toBe(false);
    expect(Object.keys((await office(p).get('/guidance').set(a.auth).expect(200)).body)).toEqual(['nl', 'en']);
    expect((await office(p).get('/guidance?lang=fr').set(a.auth).expect(400)).body.code).toBe('VALIDATION_FAILED');
    expect((await office(p).get('/guidance?rulebook=no-such').set(a.auth).expect(404)).body.code).toBe('RULEBOOK_NOT_FOUND');
    await office(p).get('/guidance?lang=nl').expect(401);
    expect((await office(p).get('/guidance?lang=nl').set(candidate.auth)).status).toBeGreaterThanOrEqual(401);

    expect((await office(p).get(`/assessments/${id}/findings`).set(a.auth).expect(403)).body.code).toBe('INDEPENDENCE_NOT_DECLARED');
    expect((await office(p).get(`/assessments/${id}/findings`).set(outsider.auth).expect(404)).body.code).toBe('DOSSIER_NOT_FOUND');
    expect((await office(p).get('/assessments/not-a-uuid/findings').set(a.auth).expect(400)).body.code).toBe('INVALID_ID');
    await declare(p, a, id);
    const findings = await office(p).get(`/assessments/${id}/findings`).set(a.auth).expect(200);
    expect(findings.body).toMatchObject({ referenceDate: TODAY, complete: true });
    expect(Array.isArray(findings.body.findings)).toBe(true);
  });

  it('lists my dossiers, locks the portfolio until independence, reads it, and scores blind with autosave', async () => {
    const admin = await person(p, 'admin', 'Noloc');
    const anna = await person(p, 'assessor', 'Bureau Een', 'Anna Assessor');
    const bram = await person(p, 'assessor', 'Bureau Twee', 'Bram Beoordelaar');
    const dirk = await person(p, 'assessor', 'Bureau Drie', 'Dirk Doorgever');
    const { c, portfolioId: id } = await submittedDossier(p, TODAY);
    const candidateName = ((await api(p).get('/auth/me').set(c.auth).expect(200)).body as { displayName: string }).displayName;
    expect((await assign(p, admin, id, anna)).status).toBe(201);
    expect((await assign(p, admin, id, dirk)).status).toBe(201);

    // Anna's requests: none may ask for the other scoring before hers is submitted.
    const { context, page } = await loggedIn(anna);
    const asked: string[] = [];
    page.on('request', (r) => asked.push(new URL(r.url()).pathname));

    // My dossiers: the candidate, the stage in words, the dates and what I must do next.
    const row = page.getByRole('row', { name: new RegExp(candidateName) });
    await row.waitFor();
    expect(await row.textContent()).toContain('In beoordeling');
    expect(await row.textContent()).toContain('Toegewezen');
    await row.getByRole('link', { name: 'Verklaar je onafhankelijkheid (of zie af van het dossier)' }).waitFor();
    await expectAccessible(page, 'mijn dossiers');
    await page.screenshot({ path: '/tmp/c1-dossiers.png', fullPage: true });

    // The dossier: independence first; the portfolio is locked.
    await row.getByRole('link', { name: `Open het dossier van ${candidateName}` }).click();
    await page.getByRole('heading', { level: 1, name: `Dossier van ${candidateName}` }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Onafhankelijkheid' }).waitFor();
    expect(await page.getByRole('navigation', { name: 'Onderdelen van het dossier' }).getByRole('link').allTextContents()).toEqual(['Overzicht']);
    await expectAccessible(page, 'dossier (onafhankelijkheid)');
    await page.screenshot({ path: '/tmp/c1-independence.png', fullPage: true });
    await page.goto(`${assessorBase}/dossiers/${id}/portfolio`);
    await page.getByText('Het portfolio opent pas nadat je je onafhankelijkheid hebt verklaard.').waitFor();
    expect(await page.locator('#deel-A').count()).toBe(0);
    expect(asked.some((path) => path.startsWith('/assessments/') && path.endsWith('/portfolio'))).toBe(false);
    await expectAccessible(page, 'portfolio (nog dicht)');

    // Another assessor declines: the reason is required, then the office assigns someone else.
    const dirkSession = await loggedIn(dirk);
    await dirkSession.page.goto(`${assessorBase}/dossiers/${id}`);
    await dirkSession.page.getByRole('button', { name: 'Zie af van dit dossier' }).click();
    await dirkSession.page.getByRole('alert').filter({ hasText: 'Geef een reden op waarom je afziet van dit dossier.' }).waitFor();
    expect(await dirkSession.page.getAttribute('#decline-reason', 'aria-invalid')).toBe('true');
    expect(await dirkSession.page.evaluate<string | null>(`document.activeElement && document.activeElement.id`)).toBe('decline-reason');
    await expectAccessible(dirkSession.page, 'afzien (reden ontbreekt)');
    await dirkSession.page.screenshot({ path: '/tmp/c1-decline-required.png', fullPage: true });
    expect((await office(p).get(`/assessments/${id}`).set(dirk.auth)).status).toBe(200);
    await dirkSession.page.getByLabel('Reden').fill('Ik ken de kandidaat uit een intervisiegroep');
    await dirkSession.page.getByRole('button', { name: 'Zie af van dit dossier' }).click();
    await dirkSession.page.getByText('Je hebt afgezien van dit dossier.').waitFor();
    await expectAccessible(dirkSession.page, 'afgezien');
    await dirkSession.context.close();
    await office(p).get(`/assessments/${id}`).set(dirk.auth).expect(404);
    expect((await assign(p, admin, id, bram)).status).toBe(201);

    // Bram declares and submits his scoring first, with words Anna must never see before hers is in.
    await declare(p, bram, id);
    const criteria = await scoreAndSubmit(p, bram, id, { A: { verdict: 'niet_aangetoond', motivation: 'GEHEIM-BRAM-MOTIVERING' } });
    const codes = criteria.map((x) => x.code);
    expect(codes.some((code) => code.startsWith('B2') || code.startsWith('D'))).toBe(false);

    // Anna declares independence (a statement is optional).
    await page.goto(`${assessorBase}/dossiers/${id}`);
    await page.getByLabel('Toelichting (niet verplicht)').fill('Ik ken de kandidaat niet.');
    await page.getByRole('button', { name: 'Ik verklaar dat ik onafhankelijk ben' }).click();
    await page.getByRole('heading', { level: 2, name: 'Wat moet ik nu doen?' }).waitFor();
    const nav = page.getByRole('navigation', { name: 'Onderdelen van het dossier' });
    expect(await nav.getByRole('link').allTextContents()).toEqual(['Overzicht', 'Portfolio', 'Mijn beoordeling']);
    await expectAccessible(page, 'dossier (overzicht)');
    await page.screenshot({ path: '/tmp/c1-overview.png', fullPage: true });

    // The portfolio, part by part: the guidance beside each task, the findings, a document inline.
    await nav.getByRole('link', { name: 'Portfolio' }).click();
    await page.getByRole('heading', { level: 1, name: 'Portfolio' }).waitFor();
    await page.locator('#deel-C1').waitFor();
    for (const part of ['A', 'B1', 'B2', 'C1', 'C2', 'D', 'E']) expect(await page.locator(`#deel-${part}`).count()).toBe(1);
    await page.getByRole('heading', { level: 2, name: 'Bevindingen van het toetsingskader bij indienen' }).waitFor();
    const taskAside = page.locator('#casus-1-taak-0 aside');
    await taskAside.getByText('Indicatoren').waitFor();
    expect(await taskAside.locator('li').count()).toBeGreaterThan(0);
    expect(await page.getByRole('link', { name: 'Download als PDF' }).getAttribute('href')).toBe(`/assessments/${id}/portfolio.pdf`);
    await expectAccessible(page, 'portfolio');
    const view = page.locator('#deel-A').getByRole('button', { name: /^Bekijk/ }).first();
    await view.click();
    const frame = page.locator('#deel-A iframe');
    await frame.waitFor();
    expect(await frame.getAttribute('src')).toMatch(/^blob:/);
    await expectAccessible(page, 'portfolio (document open)');
    await page.screenshot({ path: '/tmp/c1-portfolio.png', fullPage: true });
    await frame.scrollIntoViewIfNeeded();
    await page.screenshot({ path: '/tmp/c1-portfolio-document.png' });
    await page.locator('#casus-1-taak-0').scrollIntoViewIfNeeded();
    await page.screenshot({ path: '/tmp/c1-portfolio-task.png' });
    await page.evaluate('window.scrollTo(0, 0)');
    await page.screenshot({ path: '/tmp/c1-portfolio-top.png' });

    // Scoring: one form per scoreable criterion (never B2 or D), the indicators beside it.
    await page.getByRole('navigation', { name: 'Onderdelen van het dossier' }).getByRole('link', { name: 'Mijn beoordeling' }).click();
    await page.getByRole('heading', { level: 1, name: 'Mijn beoordeling' }).waitFor();
    await page.locator(`#${anchor('A')}`).waitFor();
    expect(await page.locator('section.rlp-criterion').count()).toBe(codes.length);
    expect(await page.locator(`#${anchor('B2')}, #${anchor('D')}`).count()).toBe(0);
    await page.locator(`#${anchor('C.TASK.0')} aside`).getByText('Indicatoren').waitFor();
    await saved(page);
    expect(await page.locator('[data-save-state]').textContent()).toContain('Opgeslagen');
    await expectAccessible(page, 'beoordeling (leeg)');

    // Typed, then reloaded at once: the words are kept (local draft) and saved afterwards.
    await page.locator(`#${anchor('A')}-niet_aangetoond`).check();
    await page.locator(`#${anchor('A')}-motivation`).fill('Het diploma mist de handtekening van de instelling.');
    await page.reload();
    await page.locator(`#${anchor('A')}-motivation`).waitFor();
    expect(await page.locator(`#${anchor('A')}-motivation`).inputValue()).toBe('Het diploma mist de handtekening van de instelling.');
    expect(await page.locator(`#${anchor('A')}-niet_aangetoond`).isChecked()).toBe(true);
    await saved(page);
    expect((await serverScoring(anna, id)).scores['A']).toEqual({ verdict: 'niet_aangetoond', motivation: 'Het diploma mist de handtekening van de instelling.', questions: [] });

    // A second tab, now stale, changes another criterion: saved per criterion, so no 412 and no merge
    // is needed (ADR 0014 §7); the other tab's criterion comes in with the answer, not a word lost.
    const second = await context.newPage();
    const secondSaves: Array<{ url: string; status: number }> = [];
    second.on('response', (r) => {
      if (r.request().method() === 'PUT') secondSaves.push({ url: new URL(r.url()).pathname, status: r.status() });
    });
    await second.goto(`${assessorBase}/dossiers/${id}/beoordeling`);
    await second.locator(`#${anchor('B1')}`).waitFor();
    await saved(second);
    await page.locator(`#${anchor('B1')}-aangetoond`).check();
    await page.locator(`#${anchor('B1')}-motivation`).fill('Ruim voldoende uren, aangetoond met de verklaring.');
    await saved(page);
    await second.locator(`#${anchor('C.TASK.0')}-te_bevragen`).check();
    await second.locator(`#${anchor('C.TASK.0')}-motivation`).fill('Het intakegesprek blijft vaag.');
    await second.locator(`#${anchor('C.TASK.0')}-question`).fill('Hoe bereid je een intake voor?');
    await saved(second);
    expect(await second.locator(`#${anchor('B1')}-motivation`).inputValue()).toBe('Ruim voldoende uren, aangetoond met de verklaring.');
    expect(secondSaves.length).toBeGreaterThan(0);
    expect(secondSaves.filter((r) => r.status !== 200)).toEqual([]);
    expect(secondSaves.every((r) => r.url.endsWith(`/scoring/criteria/${encodeURIComponent('C.TASK.0')}`))).toBe(true);
    const merged = await serverScoring(anna, id);
    expect(merged.scores['B1']?.motivation).toBe('Ruim voldoende uren, aangetoond met de verklaring.');
    expect(merged.scores['C.TASK.0']).toEqual({ verdict: 'te_bevragen', motivation: 'Het intakegesprek blijft vaag.', questions: ['Hoe bereid je een intake voor?'] });
    expect(merged.scores['A']?.motivation).toBe('Het diploma mist de handtekening van de instelling.');
    await expectAccessible(second, 'beoordeling (tweede venster na samenvoegen)');
    await second.close();

    // Offline: the state says so, the words wait on this device and go out when the connection returns.
    await context.setOffline(true);
    await page.locator(`#${anchor('B1')}-ask`).check();
    await page.locator(`#${anchor('B1')}-question`).fill('Welke uren telde je mee?');
    await waitUntil(page, `document.querySelector('[data-save-state]')?.getAttribute('data-save-state') === 'offline'`);
    expect(await page.locator('[data-save-state]').textContent()).toContain('Offline');
    await expectAccessible(page, 'beoordeling (offline)');
    await page.screenshot({ path: '/tmp/c1-scoring-offline.png' });
    await context.setOffline(false);
    await saved(page);
    expect((await serverScoring(anna, id)).scores['B1']?.questions).toEqual(['Welke uren telde je mee?']);

    // Everything but the last criterion; one "te bevragen" without a motivation.
    await page.reload();
    await page.locator(`#${anchor('A')}`).waitFor();
    await saved(page);
    expect(await page.locator(`#${anchor('C.TASK.0')}-question`).inputValue()).toBe('Hoe bereid je een intake voor?');
    const last = codes[codes.length - 1]!;
    for (const code of codes) {
      if (['A', 'B1', 'C.TASK.0', last].includes(code)) continue;
      await page.locator(`#${anchor(code)}-${code === 'C.TASK.3' ? 'te_bevragen' : 'aangetoond'}`).check();
    }
    await saved(page);
    await page.screenshot({ path: '/tmp/c1-scoring.png', fullPage: true });
    await page.evaluate('window.scrollTo(0, 0)');
    await page.screenshot({ path: '/tmp/c1-scoring-top.png' });
    await page.locator(`#${anchor('C.TASK.0')}`).scrollIntoViewIfNeeded();
    await page.screenshot({ path: '/tmp/c1-scoring-task.png' });

    // Submitting is refused and the page names what is missing, with links to those criteria.
    await page.getByRole('button', { name: 'Dien mijn beoordeling in' }).click();
    const refusal = page.getByRole('alert').filter({ hasText: 'Dit ontbreekt nog' });
    await refusal.waitFor();
    const items = await refusal.locator('li').allTextContents();
    expect(items).toHaveLength(2);
    expect(items.some((t) => t.includes('Taak 3') && t.includes('motivering ontbreekt'))).toBe(true);
    expect(items.some((t) => t.includes('nog geen oordeel'))).toBe(true);
    expect(await refusal.getByRole('link').evaluateAll((links) => links.map((l) => l.getAttribute('href')))).toEqual(expect.arrayContaining([`#${anchor('C.TASK.3')}`, `#${anchor(last)}`]));
    expect((await serverScoring(anna, id)).submittedAt).toBeNull();
    await expectAccessible(page, 'beoordeling (indienen geweigerd)');
    await page.screenshot({ path: '/tmp/c1-submit-refused.png', fullPage: true });
    await refusal.scrollIntoViewIfNeeded();
    await page.screenshot({ path: '/tmp/c1-submit-refused-view.png' });

    // Blind: nothing of Bram's scoring anywhere on Anna's screens so far, and never asked for.
    for (const path of ['/dossiers', `/dossiers/${id}`, `/dossiers/${id}/portfolio`, `/dossiers/${id}/beoordeling`]) {
      const other = await context.newPage();
      await other.goto(`${assessorBase}${path}`);
      await other.locator('main h1').waitFor();
      await waitUntil(other, `!document.querySelector('.rlp-loading')`);
      const text = (await other.locator('body').textContent()) ?? '';
      expect({ path, bram: text.includes('Bram'), secret: text.includes('GEHEIM') }).toEqual({ path, bram: false, secret: false });
      await other.close();
    }
    expect(asked.filter((path) => /\/(scorings|judgement)$/.test(path))).toEqual([]);

    // Complete it and submit.
    await page.locator(`#${anchor('C.TASK.3')}-motivation`).fill('Het afsluitende gesprek ontbreekt in casus 2.');
    await page.locator(`#${anchor(last)}-aangetoond`).check();
    await saved(page);
    await page.getByRole('button', { name: 'Dien mijn beoordeling in' }).click();
    await page.getByText('Je beoordeling is ingediend op').waitFor();
    const final = await serverScoring(anna, id);
    expect(final.submittedAt).not.toBeNull();
    expect(Object.keys(final.scores).sort()).toEqual([...codes].sort());
    expect(await page.locator(`#${anchor('A')}-motivation`).getAttribute('readonly')).not.toBeNull();
    await page.getByRole('navigation', { name: 'Onderdelen van het dossier' }).getByRole('link', { name: 'Vergelijking' }).waitFor();
    await expectAccessible(page, 'beoordeling (ingediend)');
    await page.screenshot({ path: '/tmp/c1-submitted.png', fullPage: true });
    await page.evaluate('window.scrollTo(0, 0)');
    await page.screenshot({ path: '/tmp/c1-submitted-top.png' });

    // The list's next step moves on.
    await page.goto(`${assessorBase}/dossiers`);
    await page.getByRole('row', { name: new RegExp(candidateName) }).getByRole('link', { name: 'Vergelijk de beoordelingen en stel samen het oordeel vast' }).waitFor();
    await expectAccessible(page, 'mijn dossiers (na indienen)');
    await context.close();
  });

  it('merges an old draft without losing newer work, submits right after typing, and stops saving once submitted elsewhere', async () => {
    const admin = await person(p, 'admin', 'Noloc');
    const eva = await person(p, 'assessor', 'Bureau Vier', 'Eva Evaluator');
    const { portfolioId: id } = await submittedDossier(p, TODAY);
    expect((await assign(p, admin, id, eva)).status).toBe(201);
    await declare(p, eva, id);
    type Score = { verdict: string; motivation?: string | null; questions?: string[] };
    const put = async (scores: Record<string, Score>) => {
      const cur = await office(p).get(`/assessments/${id}/scoring`).set(eva.auth).expect(200);
      return (await office(p).put(`/assessments/${id}/scoring`).set(eva.auth).set('If-Match', cur.headers['etag']!).send({ scores }).expect(200)).body as { etag: string; scores: Record<string, Score> };
    };
    const entry = (verdict: string, motivation: string) => ({ verdict, motivation, ask: false, question: '' });
    const key = `rlp.scoring.${id}.${eva.id}`;
    const { context, page } = await loggedIn(eva);
    const puts: Array<{ url: string; status: number }> = [];
    page.on('response', (r) => {
      if (r.request().method() !== 'GET' && new URL(r.url()).pathname.includes('/scoring')) puts.push({ url: new URL(r.url()).pathname, status: r.status() });
    });
    const openScoring = async () => {
      await page.goto(`${assessorBase}/dossiers/${id}/beoordeling`);
      await page.locator(`#${anchor('A')}`).waitFor();
    };

    // 1a. A draft typed offline on its base; meanwhile more scoring elsewhere: merged from that base,
    // what only the server changed wins, the criterion scored only there stays, the offline words go out.
    const first = await put({ A: { verdict: 'aangetoond', motivation: 'Eerste versie.' } });
    await page.goto(`${assessorBase}/dossiers`);
    await page.evaluate(`localStorage.setItem(${JSON.stringify(key)}, ${JSON.stringify(JSON.stringify({ etag: first.etag, base: first.scores, local: { A: entry('aangetoond', 'Eerste versie.'), B1: entry('niet_aangetoond', 'Offline getypt op de laptop.') } }))})`);
    await put({ A: { verdict: 'aangetoond', motivation: 'Elders verbeterd.' }, 'C.TASK.0': { verdict: 'aangetoond', motivation: 'Elders gescoord.' } });
    await openScoring();
    await saved(page);
    expect(await page.locator(`#${anchor('A')}-motivation`).inputValue()).toBe('Elders verbeterd.');
    expect(await page.locator(`#${anchor('B1')}-motivation`).inputValue()).toBe('Offline getypt op de laptop.');
    expect(await page.locator('.rlp-conflict').count()).toBe(0);
    let server = await serverScoring(eva, id);
    expect(server.scores['A']?.motivation).toBe('Elders verbeterd.');
    expect(server.scores['B1']).toEqual({ verdict: 'niet_aangetoond', motivation: 'Offline getypt op de laptop.', questions: [] });
    expect(server.scores['C.TASK.0']?.motivation).toBe('Elders gescoord.');

    // 1b. A draft of an older version, without its base: the criterion only on the server is kept, the
    // differing field is a conflict shown in words, and nothing is saved before it is resolved.
    await page.goto(`${assessorBase}/dossiers`);
    await page.evaluate(`localStorage.setItem(${JSON.stringify(key)}, ${JSON.stringify(JSON.stringify({ etag: '"scoring.0"', local: { A: entry('aangetoond', 'Oude tekst van de laptop.') } }))})`);
    puts.length = 0;
    await openScoring();
    const conflict = page.locator('.rlp-conflict');
    await conflict.waitFor();
    await page.waitForTimeout(2000);
    expect(puts).toEqual([]);
    expect(await conflict.textContent()).toContain('Elders verbeterd.');
    expect(await conflict.textContent()).not.toContain('[object Object]');
    expect(await page.locator(`#${anchor('A')}-motivation`).inputValue()).toBe('Oude tekst van de laptop.');
    expect(await page.locator(`#${anchor('C.TASK.0')}-motivation`).inputValue()).toBe('Elders gescoord.');
    expect(await page.locator(`#${anchor('B1')}-motivation`).inputValue()).toBe('Offline getypt op de laptop.');
    await expectAccessible(page, 'beoordeling (oude draft, verschil)');
    await page.screenshot({ path: '/tmp/c1-scoring-old-draft.png', fullPage: true });
    server = await serverScoring(eva, id);
    expect(Object.keys(server.scores).sort()).toEqual(['A', 'B1', 'C.TASK.0']);
    await conflict.getByRole('button', { name: 'Neem de andere versie over' }).click();
    await saved(page);
    expect(await page.locator(`#${anchor('A')}-motivation`).inputValue()).toBe('Elders verbeterd.');
    expect(await page.evaluate<string | null>(`document.activeElement && document.activeElement.id`)).toBe(`${anchor('A')}-motivation`);
    server = await serverScoring(eva, id);
    expect(Object.keys(server.scores).sort()).toEqual(['A', 'B1', 'C.TASK.0']);
    expect(server.scores['A']?.motivation).toBe('Elders verbeterd.');

    // 3. A second tab stays open while this one submits; what it types afterwards is not saved
    // (submitted), and is shown to copy instead of disappearing into a draft.
    const all = (await serverScoring(eva, id)).criteria.map((c) => c.code);
    const last = all[all.length - 1]!;
    await put({ ...Object.fromEntries(all.filter((c) => c !== last).map((c) => [c, { verdict: 'aangetoond' }])), B1: { verdict: 'niet_aangetoond', motivation: 'Offline getypt op de laptop.' } });
    const other = await context.newPage();
    const otherStatuses: number[] = [];
    other.on('response', (r) => {
      if (r.request().method() === 'PUT') otherStatuses.push(r.status());
    });
    await other.goto(`${assessorBase}/dossiers/${id}/beoordeling`);
    await other.locator(`#${anchor('A')}`).waitFor();
    await saved(other);

    // 2. Typed, then "submit" at once: submitted with the ETag of that last save, no 412.
    await openScoring();
    await saved(page);
    puts.length = 0;
    await page.locator(`#${anchor(last)}-aangetoond`).check();
    await page.locator(`#${anchor(last)}-motivation`).fill('Zojuist getypt.');
    await page.getByRole('button', { name: 'Dien mijn beoordeling in' }).click();
    await page.locator('.rlp-submitted').getByRole('status').filter({ hasText: 'Je beoordeling is ingediend op' }).waitFor();
    expect(puts.filter((r) => r.status === 412)).toEqual([]);
    expect(puts.some((r) => r.url.endsWith('/scoring/submit') && r.status === 200)).toBe(true);
    server = await serverScoring(eva, id);
    expect(server.submittedAt).not.toBeNull();
    expect(server.scores[last]?.motivation).toBe('Zojuist getypt.');
    // 4. Focus on the confirmation (the button's section is gone).
    expect(await page.evaluate<boolean>(`document.activeElement?.classList.contains('rlp-submitted') && document.activeElement.textContent.includes('ingediend op')`)).toBe(true);

    await other.locator(`#${anchor('A')}-motivation`).fill('Nog een gedachte na het indienen.');
    const kept = other.locator('[data-kept="A"]');
    await kept.waitFor();
    expect(await kept.textContent()).toContain('Nog een gedachte na het indienen.');
    await other.getByText('Niet opgeslagen: je beoordeling is elders ingediend').waitFor();
    expect(await other.locator('[data-save-state]').getAttribute('data-save-state')).toBe('readonly');
    expect(await other.locator(`#${anchor('A')}-motivation`).getAttribute('readonly')).not.toBeNull();
    const statusesThen = otherStatuses.length;
    await other.waitForTimeout(2000);
    expect(otherStatuses.length).toBe(statusesThen);
    expect(otherStatuses.filter((s) => s === 409).length).toBeLessThanOrEqual(1);
    expect((await serverScoring(eva, id)).scores['A']?.motivation ?? null).toBeNull();
    await expectAccessible(other, 'beoordeling (elders ingediend)');
    await other.screenshot({ path: '/tmp/c1-scoring-submitted-elsewhere.png', fullPage: true });
    await context.close();
  });
});
