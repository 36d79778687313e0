/**
 * The certification office's dossier work in the portal (issue 14), in Debian Chromium against the
 * real platform: the dashboard by stage with counts and waiting days, assigning two assessors
 * (conflicts of interest shown and refused, a decline and its replacement), deciding on the joint
 * advice with the letter and certificate as PDFs, no decision form for an admin who assessed the
 * dossier, creating and deactivating an assessor account, and paging the list (ADR 0027). The state is set up through the
 * APIs; everything the office does goes through the UI. axe-core (WCAG 2.1 AA) on every state.
 */
import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import request from 'supertest';
import { currentRulebook } from '@rlp/rulebook';
import type { TestPlatform } from '@rlp/testing';
import { expectAccessible, launchBrowser, sessionData, settle, startWebPlatform, waitUntil } from './support/browser';
import { assign, judgedDossier, office, person, submittedDossier, type Person } from './support/assessment-journey';
import { api } from './support/candidate-journey';

jest.setTimeout(240_000);

const START = new Date('2026-11-23T09:00:00Z');
// What the browser's clock says while the office looks (the waiting days count from it).
const BROWSER_NOW = new Date('2026-11-23T12:00:00Z');
const LONG_SESSIONS = { SESSION_TTL_MINUTES: String(60 * 24 * 60), SESSION_IDLE_MINUTES: String(60 * 24 * 60) };

let p: TestPlatform;
let browser: Browser;
let assessorBase: string;
let anna: Person; // the admin using the portal
let other: Person; // the admin who set things up
const shots: string[] = [];

const isPdf = (b: Buffer) => b.subarray(0, 5).toString('latin1') === '%PDF-';

async function rename(id: string, patch: { displayName?: string; organisation?: string }): Promise<void> {
  await office(p).patch(`/admin/accounts/${id}`).set(other.auth).send(patch).expect(200);
}

async function toInterviewHeld(d: { c: { auth: { Authorization: string } }; portfolioId: string }, [a1, a2]: [Person, Person], date: string, advice: 'positive' | 'negative') {
  const slot = await office(p).post(`/assessments/${d.portfolioId}/slots`).set(a1.auth).send({ date, time: '09:00', durationMinutes: 60, address: 'Noloc, Utrecht' }).expect(201);
  await api(p).post(`/portfolios/${d.portfolioId}/interview/booking`).set(d.c.auth).send({ slotId: slot.body.id }).expect(201);
  p.clock.set(new Date(`${date}T12:00:00Z`));
  const record = await office(p).put(`/assessments/${d.portfolioId}/interview-record`).set(a1.auth).set('If-Match', '"interview.0"').send({ advice, motivation: 'Alle criteria aangetoond na het gesprek' }).expect(200);
  for (const a of [a1, a2]) await office(p).post(`/assessments/${d.portfolioId}/interview-record/agree`).set(a.auth).set('If-Match', record.headers['etag']!).expect(200);
}

let ids: { waitingA: string; waitingB: string; decide: string; assessedByAnna: string };
let names: { piet: Person; eva: Person; gert: Person; carla: Person; dirk: Person };

beforeAll(async () => {
  ({ p, assessorBase } = await startWebPlatform({ now: START, env: LONG_SESSIONS, mail: true }));
  browser = await launchBrowser();
  anna = await person(p, 'admin', 'Noloc', 'Anna de Boer');
  other = await person(p, 'admin', 'Noloc', 'Otto Bureau');
  const [n1, n2, n3] = await Promise.all(['Bureau Noord', 'Bureau Zuid', 'Bureau Kust'].map((o, i) => person(p, 'assessor', o, `Assessor ${i + 1}`)));

  // Two dossiers past the interview, submitted two weeks ago: one to decide, one Anna assessed.
  p.clock.set(new Date('2026-11-09T10:00:00Z'));
  const decide = await judgedDossier(p, '2026-11-09', other, [n1!, n2!]);
  const assessed = await judgedDossier(p, '2026-11-09', other, [anna, n3!]);
  await toInterviewHeld(decide, [n1!, n2!], '2026-11-18', 'positive');
  p.clock.set(new Date('2026-11-09T10:00:00Z'));
  await toInterviewHeld(assessed, [anna, n3!], '2026-11-19', 'positive');

  // Two dossiers waiting for assessors: submitted 7 and 3 days before the browser's today.
  p.clock.set(new Date('2026-11-16T10:00:00Z'));
  const a = await submittedDossier(p, '2026-11-16');
  p.clock.set(new Date('2026-11-20T10:00:00Z'));
  const b = await submittedDossier(p, '2026-11-20');
  p.clock.set(START);

  await rename(a.c.id, { displayName: 'Sanne de Vries', organisation: 'Loopbaan Oost' });
  await rename(b.c.id, { displayName: 'Bram Jansen' });
  await rename(decide.c.id, { displayName: 'Fatima El Amrani' });
  await rename(assessed.c.id, { displayName: 'Joris Smit' });

  const piet = await person(p, 'assessor', 'Praktijk Piet', 'Piet Bakker');
  const eva = await person(p, 'assessor', 'Eva Coaching', 'Eva Mulder');
  const gert = await person(p, 'assessor', 'Gert Advies', 'Gert Visser');
  // Conflicts of interest with Sanne: the same organisation, and a declared relation.
  const carla = await person(p, 'assessor', 'Loopbaan Oost', 'Carla Oost');
  const dirk = await person(p, 'assessor', 'Dirk Loopbaan', 'Dirk de Wit');
  await office(p).post(`/admin/accounts/${dirk.id}/relations`).set(other.auth).send({ relatedUserId: a.c.id, relatedName: 'Sanne de Vries', description: 'oud-collega' }).expect(201);

  // Bram's dossier: two assigned, one declined: the office needs a replacement.
  for (const x of [piet, eva]) expect((await assign(p, other, b.portfolioId, x)).status).toBe(201);
  await office(p).post(`/assessments/${b.portfolioId}/decline`).set(eva.auth).send({ reason: 'Ik ken de kandidaat van een opleiding' }).expect(200);

  ids = { waitingA: a.portfolioId, waitingB: b.portfolioId, decide: decide.portfolioId, assessedByAnna: assessed.portfolioId };
  names = { piet, eva, gert, carla, dirk };
});

afterAll(async () => {
  await browser?.close();
  await p?.close();
  if (shots.length > 0) console.log(`screenshots:\n${shots.join('\n')}`);
});

async function loggedIn(who: Person): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ locale: 'nl-NL', timezoneId: 'Europe/Amsterdam', acceptDownloads: true, viewport: { width: 1280, height: 900 } });
  await context.clock.setFixedTime(BROWSER_NOW);
  const res = await context.request.post(`${assessorBase}/auth/session`, { data: await sessionData(p, who) });
  expect(res.status()).toBe(200);
  return { context, page: await context.newPage() };
}

/** axe on the page as it is now, and a full-page screenshot to look at. */
async function checked(page: Page, name: string, { idle = true } = {}): Promise<void> {
  // Not with a PDF in a frame: Chromium's viewer keeps the network busy.
  if (idle) await settle(page);
  await expectAccessible(page, name);
  const path = `/tmp/web-office-${name.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}.png`;
  await page.screenshot({ path, fullPage: true });
  shots.push(path);
}

const h1 = (page: Page, name: string | RegExp) => page.getByRole('heading', { level: 1, name }).waitFor();
const count = async (page: Page, stage: string) => (await page.getByTestId(`stage-${stage}`).locator('.rlp-stage__count').textContent())?.trim();
const row = (page: Page, testId: string, text: string) => page.getByTestId(testId).filter({ hasText: text });

describe('the certification office in the portal, in Chromium', () => {
  it('shows the dossiers by stage with counts and waiting days, and filters by stage', async () => {
    const { context, page } = await loggedIn(anna);
    await page.goto(`${assessorBase}/bureau`);
    await h1(page, 'Dossiers');
    await page.getByTestId('dossier-table').waitFor();
    // The office's own menu, with Dossiers current.
    const sub = page.getByRole('navigation', { name: 'Bureau' });
    for (const name of ['Dossiers', 'Accounts en assessorenpool', 'Reglementen', 'Toetsingskaders', 'Audittrail']) await sub.getByRole('link', { name }).waitFor();
    expect(await sub.getByRole('link', { name: 'Dossiers' }).getAttribute('aria-current')).toBe('page');

    expect(await count(page, 'all')).toBe('4');
    expect(await count(page, 'waiting')).toBe('2');
    expect(await count(page, 'assessment')).toBe('0');
    expect(await count(page, 'interview')).toBe('0');
    expect(await count(page, 'decision')).toBe('2');
    expect(await count(page, 'decided')).toBe('0');
    expect(await row(page, 'dossier-row', 'Sanne de Vries').getByTestId('waited').textContent()).toBe('7 dagen');
    expect(await row(page, 'dossier-row', 'Bram Jansen').getByTestId('waited').textContent()).toBe('3 dagen');
    expect(await row(page, 'dossier-row', 'Fatima El Amrani').getByTestId('waited').textContent()).toBe('14 dagen');
    // Scoring progress per assessor, never its content.
    const fatima = await row(page, 'dossier-row', 'Fatima El Amrani').textContent();
    expect(fatima).toContain('Assessor 1');
    expect(fatima).toContain('Beoordeling ingediend op 9 november 2026');
    expect(fatima).not.toMatch(/aangetoond/i);
    // Longest waiting first.
    const order = await page.getByTestId('dossier-row').locator('td:first-child').allTextContents();
    expect(order.slice(-2)).toEqual(['Sanne de Vries', 'Bram Jansen']);
    await checked(page, 'dashboard');

    await page.getByTestId('stage-waiting').click();
    await page.waitForURL(/\/bureau\?fase=waiting$/);
    await waitUntil(page, `document.querySelectorAll('[data-testid="dossier-row"]').length === 2`);
    expect(await page.getByTestId('stage-waiting').getAttribute('aria-current')).toBe('page');
    expect(await page.getByTestId('dossier-row').locator('td:first-child').allTextContents()).toEqual(['Sanne de Vries', 'Bram Jansen']);
    expect(await page.getByTestId('dossier-row').first().textContent()).toContain('Wacht op assessoren');
    await checked(page, 'dashboard waiting');

    await page.getByTestId('stage-decided').click();
    await page.getByText('Geen dossiers in deze fase.').waitFor();
    await checked(page, 'dashboard decided empty');
    await context.close();
  });

  it('assigns two assessors; the ones with a conflict of interest are shown with the reason and cannot be chosen', async () => {
    const { context, page } = await loggedIn(anna);
    await page.goto(`${assessorBase}/bureau?fase=waiting`);
    await page.getByRole('link', { name: 'Sanne de Vries' }).click();
    await h1(page, 'Dossier van Sanne de Vries');
    expect(await page.getByTestId('dossier-stage').textContent()).toBe('Wacht op assessoren');
    await page.getByTestId('eligible').waitFor();
    expect(await page.getByText('Er is nog niemand toegewezen.').count()).toBe(1);

    const carla = row(page, 'eligible-row', 'Carla Oost');
    expect(await carla.textContent()).toContain('Belangenconflict: zelfde organisatie als de kandidaat');
    expect(await carla.getByRole('button', { name: /Toewijzen/ }).isDisabled()).toBe(true);
    const dirk = row(page, 'eligible-row', 'Dirk de Wit');
    expect(await dirk.textContent()).toContain('Belangenconflict: verklaarde relatie met de kandidaat');
    expect(await dirk.getByRole('button', { name: /Toewijzen/ }).isDisabled()).toBe(true);
    // The reason is part of what a screen reader hears about the button.
    expect(await dirk.getByRole('button', { name: /Toewijzen/ }).getAttribute('aria-describedby')).toContain(`availability-${names.dirk.id}`);
    expect(await row(page, 'eligible-row', 'Piet Bakker').textContent()).toContain('Kan worden toegewezen');
    await checked(page, 'dossier assign');

    await row(page, 'eligible-row', 'Piet Bakker').getByRole('button', { name: /Toewijzen/ }).click();
    await row(page, 'assignment-row', 'Piet Bakker').waitFor();
    await row(page, 'eligible-row', 'Piet Bakker').getByText('Al toegewezen').waitFor();
    expect(await row(page, 'assignment-row', 'Piet Bakker').textContent()).toContain('Nog niet verklaard');
    expect(await row(page, 'assignment-row', 'Piet Bakker').textContent()).toContain('Beoordeling nog niet begonnen sinds 23 november 2026');
    await checked(page, 'dossier one assigned');

    await row(page, 'eligible-row', 'Gert Visser').getByRole('button', { name: /Toewijzen/ }).click();
    await page.getByTestId('assign-done').waitFor();
    expect(await page.getByTestId('eligible').count()).toBe(0);
    await page.getByTestId('dossier-stage').and(page.getByText('In beoordeling', { exact: true })).waitFor();
    const server = await office(p).get(`/admin/dossiers/${ids.waitingA}`).set(anna.auth).expect(200);
    expect((server.body.assignments as Array<{ assessorId: string; status: string }>).filter((x) => x.status === 'active').map((x) => x.assessorId).sort()).toEqual([names.piet.id, names.gert.id].sort());
    expect(server.body.status).toBe('in_assessment');
    await checked(page, 'dossier two assigned');

    // A declined assignment: its reason is shown and a replacement can be assigned.
    await page.goto(`${assessorBase}/bureau/dossiers/${ids.waitingB}`);
    await h1(page, 'Dossier van Bram Jansen');
    const declines = page.getByTestId('declines');
    await declines.waitFor();
    expect(await declines.textContent()).toContain('Eva Mulder heeft dit dossier afgewezen');
    expect(await declines.textContent()).toContain('Ik ken de kandidaat van een opleiding');
    expect(await row(page, 'assignment-row', 'Eva Mulder').textContent()).toContain('Afgewezen');
    expect(await row(page, 'eligible-row', 'Eva Mulder').textContent()).toContain('Heeft dit dossier afgewezen');
    expect(await row(page, 'eligible-row', 'Eva Mulder').getByRole('button', { name: /Toewijzen/ }).isDisabled()).toBe(true);
    await checked(page, 'dossier declined');
    await row(page, 'eligible-row', 'Gert Visser').getByRole('button', { name: /Toewijzen/ }).click();
    await page.getByTestId('assign-done').waitFor();
    await page.getByTestId('declines').waitFor({ state: 'detached' });
    expect(await page.getByTestId('assignment-row').count()).toBe(3);
    await checked(page, 'dossier replaced');

    // Back on the dashboard: the counts follow.
    await page.getByRole('navigation', { name: 'Bureau' }).getByRole('link', { name: 'Dossiers' }).click();
    await h1(page, 'Dossiers');
    await waitUntil(page, `document.querySelector('[data-testid="stage-assessment"] .rlp-stage__count')?.textContent === '2'`);
    expect(await count(page, 'waiting')).toBe('0');
    await context.close();
  });

  it('decides a dossier on its joint advice with a motivation; the letter and certificate are PDFs', async () => {
    const { context, page } = await loggedIn(anna);
    await page.goto(`${assessorBase}/bureau/dossiers/${ids.decide}`);
    await h1(page, 'Dossier van Fatima El Amrani');
    expect(await page.getByTestId('dossier-stage').textContent()).toBe('Wacht op besluit');
    expect(await page.getByTestId('advice').textContent()).toContain('Positief: certificeren');
    expect(await page.getByTestId('advice').textContent()).toContain('Alle criteria aangetoond na het gesprek');
    expect(await page.getByTestId('records').textContent()).toContain('Gezamenlijk oordeel');
    await page.getByTestId('decision-form').waitFor();
    await checked(page, 'decision form');

    // Nothing chosen: both fields say what is missing, and nothing is sent.
    await page.getByRole('button', { name: 'Besluit vastleggen' }).click();
    await page.getByText('Kies een uitkomst.').waitFor();
    await page.getByText('Geef een motivering.').waitFor();
    await checked(page, 'decision form errors');

    await page.getByLabel('Gecertificeerd', { exact: true }).check();
    await page.getByLabel('Motivering').fill('Het advies is positief en goed onderbouwd; alle criteria zijn aangetoond.');
    let question = '';
    page.once('dialog', (dialog) => {
      question = dialog.message();
      void dialog.accept();
    });
    await page.getByRole('button', { name: 'Besluit vastleggen' }).click();
    await page.getByTestId('decision-outcome').waitFor();
    expect(question).toContain('definitief');
    expect(await page.getByTestId('decision-outcome').textContent()).toBe('Gecertificeerd');
    const decided = await office(p).get(`/admin/dossiers/${ids.decide}/decision`).set(anna.auth).expect(200);
    expect(decided.body.outcome).toBe('certified');
    expect(decided.body.decidedBy).toBe(anna.id);
    expect(decided.body.motivation).toBe('Het advies is positief en goed onderbouwd; alle criteria zijn aangetoond.');
    expect(await page.getByTestId('certificate-number').textContent()).toBe(decided.body.register.certificateNumber);
    expect(await page.getByTestId('decision-form').count()).toBe(0);
    await checked(page, 'decided');

    // The letter previewed in the page, from the API's own route.
    const previewAnswer = page.waitForResponse((r) => new URL(r.url()).pathname === `/admin/dossiers/${ids.decide}/decision/letter.pdf`);
    await page.getByRole('button', { name: 'Besluitbrief bekijken' }).click();
    const answered = await previewAnswer;
    expect(answered.status()).toBe(200);
    expect(answered.headers()['content-type']).toMatch(/^application\/pdf/);
    await page.locator('iframe[title="Voorbeeld: Besluitbrief"]').waitFor();
    await page.waitForTimeout(1500);
    await checked(page, 'decided letter preview', { idle: false });
    await page.getByRole('button', { name: 'Voorbeeld sluiten' }).click();

    for (const [name, file] of [
      ['Besluitbrief downloaden (PDF)', 'besluit'],
      ['Certificaat downloaden (PDF)', 'certificaat'],
    ] as const) {
      const pending = page.waitForEvent('download', { timeout: 20_000 });
      await page.getByRole('link', { name }).click();
      const download = await pending;
      expect(download.suggestedFilename()).toBe(`${file}-${ids.decide}.pdf`);
      const bytes = readFileSync(await download.path());
      expect(isPdf(bytes)).toBe(true);
    }

    // On the dashboard it is decided now.
    await page.goto(`${assessorBase}/bureau?fase=decided`);
    await page.getByTestId('dossier-row').filter({ hasText: 'Fatima El Amrani' }).waitFor();
    expect(await count(page, 'decided')).toBe('1');
    await context.close();
  });

  it('does not offer the decision form to an admin who assessed the dossier, and says why', async () => {
    const { context, page } = await loggedIn(anna);
    await page.goto(`${assessorBase}/bureau/dossiers/${ids.assessedByAnna}`);
    await h1(page, 'Dossier van Joris Smit');
    const refused = page.getByTestId('decision-refused');
    await refused.waitFor();
    expect(await refused.textContent()).toContain('Jij was bij de beoordeling van dit dossier betrokken');
    expect(await page.getByTestId('decision-form').count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Besluit vastleggen' }).count()).toBe(0);
    // Anna's own scoring progress is hers to see; the API refuses her decision anyway.
    const refusedByApi = await office(p).post(`/admin/dossiers/${ids.assessedByAnna}/decision`).set(anna.auth).send({ outcome: 'certified', motivation: 'x' });
    expect(refusedByApi.status).toBe(403);
    await checked(page, 'decision refused (assessed)');
    await context.close();
  });

  it('creates an assessor account (password shown once), records a relation, and deactivates it with a confirmation', async () => {
    const { context, page } = await loggedIn(anna);
    await page.goto(`${assessorBase}/bureau`);
    await page.getByRole('navigation', { name: 'Bureau' }).getByRole('link', { name: 'Accounts en assessorenpool' }).click();
    await h1(page, 'Accounts en assessorenpool');
    await page.getByTestId('accounts').waitFor();
    expect(await row(page, 'account-row', 'Anna de Boer').textContent()).toContain('(jij)');
    await checked(page, 'accounts');

    await page.getByRole('button', { name: 'Account aanmaken' }).click();
    await page.getByText('Vul de naam in.').waitFor();
    await checked(page, 'accounts create errors');

    await page.getByLabel('Naam', { exact: true }).fill('Karin Nieuw');
    await page.getByLabel('E-mailadres').fill('karin.nieuw@example.nl');
    await page.getByLabel('Organisatie (niet verplicht)').fill('Nieuw Loopbaanwerk');
    await page.getByLabel('Assessor', { exact: true }).check();
    await page.getByRole('button', { name: 'Account aanmaken' }).click();
    const created = page.getByTestId('created');
    await created.waitFor();
    // No password to pass on any more: Karin gets an invitation by mail and chooses her own (ADR 0021).
    expect(await created.textContent()).toContain('De uitnodiging is verstuurd naar karin.nieuw@example.nl');
    expect(await page.getByTestId('one-time-password').count()).toBe(0);
    await row(page, 'account-row', 'Karin Nieuw').waitFor();
    expect(await row(page, 'account-row', 'Karin Nieuw').textContent()).toContain('Nieuw Loopbaanwerk');
    expect(await row(page, 'account-row', 'Karin Nieuw').textContent()).toContain('Verstuurd, nog niet gebruikt');
    await checked(page, 'accounts created');
    const invitation = await p.mail!.waitFor((m) => m.to.includes('karin.nieuw@example.nl'));
    expect(invitation.subject).toBe('Uitnodiging: stel je wachtwoord in / Invitation: set your password — Register Loopbaanprofessional');
    // Only Karin got it.
    expect(p.mail!.messages().filter((m) => m.subject.startsWith('Uitnodiging')).map((m) => m.to)).toEqual([['karin.nieuw@example.nl']]);
    const token = decodeURIComponent(/\/uitnodiging\?token=([A-Za-z0-9_%-]+)/.exec(invitation.text)![1]!);
    // The link works, once: Karin sets her own password (the invitation page itself: web-two-factor).
    const assessorApi = () => request(p.assessor.getHttpServer());
    const password = 'karin kiest haar eigen lange zin';
    await assessorApi().post('/auth/invitation/accept').send({ token, password }).expect(204);
    await assessorApi().post('/auth/invitation/accept').send({ token, password: 'nog een andere lange zin' }).expect(409);
    const login = await assessorApi().post('/auth/login').send({ email: 'karin.nieuw@example.nl', password });
    expect(login.status).toBe(200);
    expect(login.body.twoFactorEnrolmentRequired).toBe(true);
    const karinToken = login.body.token as string;

    await page.getByLabel('Toon').selectOption('admin');
    await waitUntil(page, `document.querySelectorAll('[data-testid="account-row"]').length === 2`);
    await page.getByLabel('Toon').selectOption('assessor');
    await page.getByRole('link', { name: 'Karin Nieuw' }).click();
    await h1(page, 'Karin Nieuw');
    expect(await page.getByTestId('account-status').textContent()).toBe('Actief');
    await page.getByText('Geen relaties verklaard.').waitFor();
    await checked(page, 'account detail');

    await page.getByLabel('Naam van de persoon of organisatie').fill('De Boer Coaching');
    await page.getByLabel('Omschrijving (niet verplicht)').fill('vorige werkgever (2018–2022)');
    await page.getByRole('button', { name: 'Relatie toevoegen' }).click();
    await page.getByTestId('relations').getByText('De Boer Coaching').waitFor();
    const karin = ((await office(p).get('/admin/accounts?role=assessor').set(anna.auth).expect(200)).body as Array<{ id: string; email: string }>).find((a) => a.email === 'karin.nieuw@example.nl')!;
    const relations = await office(p).get(`/admin/accounts/${karin.id}/relations`).set(anna.auth).expect(200);
    expect(relations.body).toEqual([expect.objectContaining({ relatedName: 'De Boer Coaching', description: 'vorige werkgever (2018–2022)' })]);

    await page.getByLabel('Organisatie', { exact: true }).fill('Karin Loopbaanwerk');
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await page.getByText('Opgeslagen.').waitFor();
    expect((await office(p).get('/admin/accounts?role=assessor').set(anna.auth).expect(200)).body.find((a: { id: string }) => a.id === karin.id).organisation).toBe('Karin Loopbaanwerk');
    await checked(page, 'account detail saved');

    let question = '';
    page.once('dialog', (dialog) => {
      question = dialog.message();
      void dialog.accept();
    });
    await page.getByRole('button', { name: 'Account deactiveren' }).click();
    await page.getByTestId('deactivated').waitFor();
    expect(question).toContain('direct uitgelogd');
    expect(await page.getByTestId('account-status').textContent()).toBe('Gedeactiveerd');
    // Her session ended at once; logging in no longer works.
    expect((await assessorApi().get('/auth/me').set('Authorization', `Bearer ${karinToken}`)).status).toBe(401);
    expect((await assessorApi().post('/auth/login').send({ email: 'karin.nieuw@example.nl', password })).status).not.toBe(200);
    await checked(page, 'account deactivated');

    await page.getByRole('link', { name: 'Terug naar de accounts' }).click();
    await row(page, 'account-row', 'Karin Nieuw').getByText('Gedeactiveerd').waitFor();
    await context.close();
  });

  // Last: it adds 60 decided dossiers, which the tests above do not expect.
  it('pages the dossier list: the first 50, then "Meer tonen" (by keyboard) adds the rest below', async () => {
    const before = ((await office(p).get('/admin/dossiers?stage=decided').set(anna.auth).expect(200)).body as { stageCounts: Record<string, number> }).stageCounts;
    const all = Object.values(before).reduce((a, b) => a + b, 0) + 60;
    const decided = before['decided']! + 60;
    await p.db.query(
      `WITH c AS (
         INSERT INTO users (email, password_hash, role, display_name, created_at, updated_at)
         SELECT 'paged-' || i || '@test.rlp.local', 'x', 'candidate', 'Kandidaat ' || lpad(i::text, 2, '0'), now(), now() FROM generate_series(1, 60) i
         RETURNING id, display_name)
       INSERT INTO portfolios (candidate_id, status, rulebook_version, created_at, updated_at, submitted_at)
       SELECT c.id, 'decided', $1, now(), now(), timestamptz '2026-06-01T09:00:00Z' + (substring(c.display_name from 11)::int * interval '1 day') FROM c`,
      [currentRulebook.id],
    );
    const { context, page } = await loggedIn(anna);
    await page.goto(`${assessorBase}/bureau?fase=decided`);
    await h1(page, 'Dossiers');
    await waitUntil(page, `document.querySelectorAll('[data-testid="dossier-row"]').length === 50`);
    expect(await count(page, 'decided')).toBe(String(decided));
    expect(await count(page, 'all')).toBe(String(all));
    const more = page.getByTestId('dossiers-more');
    expect((await more.textContent())?.trim()).toBe(`Meer tonen (50 / ${decided})`);
    // Longest waiting first, across pages.
    expect(await page.getByTestId('dossier-row').locator('td:first-child').first().textContent()).toBe('Kandidaat 01');
    await checked(page, 'dashboard paged');
    await more.focus();
    await page.keyboard.press('Enter');
    await waitUntil(page, `document.querySelectorAll('[data-testid="dossier-row"]').length === ${decided}`);
    await more.waitFor({ state: 'detached' });
    // The seeded ones were submitted before any other: they come first, in order, each once.
    const names = await page.getByTestId('dossier-row').locator('td:first-child').allTextContents();
    expect(names.slice(0, 60)).toEqual(Array.from({ length: 60 }, (_, i) => `Kandidaat ${String(i + 1).padStart(2, '0')}`));
    expect(new Set(names).size).toBe(decided);
    await checked(page, 'dashboard paged all');

    // Anna's own list as an assessor ("Mijn dossiers") pages the same way: 55 more assigned to her.
    await p.db.query(
      `INSERT INTO assignments (portfolio_id, assessor_id, status, assigned_at, assigned_by, independence_declared_at)
       SELECT p.id, $1, 'active', p.submitted_at + interval '1 hour', $2, p.submitted_at + interval '1 day'
         FROM portfolios p JOIN users u ON u.id = p.candidate_id WHERE u.email LIKE 'paged-%' ORDER BY p.submitted_at LIMIT 55`,
      [anna.id, other.id],
    );
    const mine = (await office(p).get('/assessments?limit=200').set(anna.auth).expect(200)).body.dossiers.length as number;
    expect(mine).toBeGreaterThan(55);
    await page.goto(`${assessorBase}/dossiers`);
    await h1(page, 'Mijn dossiers');
    await waitUntil(page, `document.querySelectorAll('table tbody tr').length === 50`);
    const myMore = page.getByTestId('my-dossiers-more');
    expect((await myMore.textContent())?.trim()).toBe('Meer tonen (50)');
    await checked(page, 'my dossiers paged');
    await myMore.focus();
    await page.keyboard.press('Enter');
    await waitUntil(page, `document.querySelectorAll('table tbody tr').length === ${mine}`);
    await myMore.waitFor({ state: 'detached' });
    await checked(page, 'my dossiers paged all');
    await context.close();
  });
});
