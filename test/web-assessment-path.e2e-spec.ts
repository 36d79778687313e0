/**
 * The whole assessment path through the screens alone, in Debian Chromium against the real
 * platform (issue 14): from a submitted portfolio to the public register. Only the starting point
 * is set up through the APIs (the candidate with a complete, submitted portfolio, the people and
 * their organisations); every change after that is made in a portal, by the person whose work it
 * is: the office assigns (a conflict of interest refused), both assessors declare independence
 * (one with the keyboard alone), score blind (a stale second tab merged by the autosave), compare,
 * agree the joint judgement, offer slots; the candidate books one in the kandidaatportaal; after
 * the interview time the record is written and agreed; an admin who assessed nothing decides; the
 * certificate downloads and the public register finds the candidate. The APIs and the database
 * are only read, to check. axe-core (WCAG 2.1 AA) runs on every page and state visited.
 */
import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { TestPlatform } from '@rlp/testing';
import { enterTotpCode, expectAccessible, launchBrowser, startWebPlatform, waitUntil } from './support/browser';
import { office, person, submittedDossier, type Person } from './support/assessment-journey';
import { api } from './support/candidate-journey';

jest.setTimeout(600_000);

const TODAY = '2026-11-23';
const START = new Date(`${TODAY}T09:00:00Z`);
// The interview is held ten days later: the browser sessions must outlive the jump of the clock.
const LONG_SESSIONS = { SESSION_TTL_MINUTES: String(60 * 24 * 60), SESSION_IDLE_MINUTES: String(60 * 24 * 60) };
const CANDIDATE_NAME = 'Lotte van Dijk';

let p: TestPlatform;
let browser: Browser;
let base: string;
let assessorBase: string;
const contexts: BrowserContext[] = [];

let id: string;
let candidate: { email: string; password: string; auth: { Authorization: string } };
let anna: Person; // the admin: assigns and decides, assesses nothing
let eva: Person; // assessor
let bram: Person; // assessor
let carla: Person; // assessor with a conflict of interest: the candidate's organisation

beforeAll(async () => {
  ({ p, base, assessorBase } = await startWebPlatform({ now: START, env: LONG_SESSIONS }));
  browser = await launchBrowser();
  anna = await person(p, 'admin', 'Noloc', 'Anna de Boer');
  eva = await person(p, 'assessor', 'Eva Coaching', 'Eva Mulder');
  bram = await person(p, 'assessor', 'Bureau Bram', 'Bram Beoordelaar');
  carla = await person(p, 'assessor', 'Loopbaan Lotte', 'Carla Conflict');
  const d = await submittedDossier(p, TODAY);
  id = d.portfolioId;
  candidate = d.c;
  await office(p).patch(`/admin/accounts/${d.c.id}`).set(anna.auth).send({ displayName: CANDIDATE_NAME, organisation: 'Loopbaan Lotte' }).expect(200);
});

afterAll(async () => {
  await browser?.close();
  await p?.close();
});

/** A browser of this person's own, its clock on the platform's. */
async function newBrowser(): Promise<Page> {
  const context = await browser.newContext({ locale: 'nl-NL', timezoneId: 'Europe/Amsterdam', acceptDownloads: true, viewport: { width: 1280, height: 900 } });
  contexts.push(context);
  await context.clock.setFixedTime(p.clock.now());
  return context.newPage();
}

/** Logs in through the portal's own login page. */
async function logIn(page: Page, portal: string, who: { id?: string; email: string; password: string; totpSecret?: string | null }, where: string): Promise<void> {
  await page.goto(`${portal}/inloggen`);
  await page.getByRole('button', { name: 'Inloggen' }).waitFor();
  await checked(page, `${where}: inloggen`);
  await page.getByLabel('E-mailadres').fill(who.email);
  await page.getByLabel('Wachtwoord').fill(who.password);
  await page.getByRole('button', { name: 'Inloggen' }).click();
  // Assessors and admins: the second step, the code of their authenticator app (ADR 0021).
  if (who.totpSecret && who.id) {
    await page.getByLabel('Code uit je authenticator-app').waitFor();
    await checked(page, `${where}: inloggen (code)`);
    await enterTotpCode(page, p, { ...who, id: who.id, totpSecret: who.totpSecret });
  }
  await page.waitForURL((url) => !url.pathname.startsWith('/inloggen'));
  await page.locator('main h1').waitFor();
}

/** Moves the platform's clock and every browser's with it. */
async function setClock(date: Date): Promise<void> {
  p.clock.set(date);
  for (const c of contexts) await c.clock.setFixedTime(date);
}

async function checked(page: Page, where: string): Promise<void> {
  await waitUntil(page, `!document.querySelector('.rlp-loading')`, 30_000);
  await expectAccessible(page, where);
}

const h1 = (page: Page, name: string | RegExp) => page.getByRole('heading', { level: 1, name }).waitFor({ timeout: 30_000 });
const anchor = (code: string) => `criterium-${code.replace(/[^A-Za-z0-9]+/g, '-')}`;
const group = (page: Page, name: string) => page.getByRole('group', { name, exact: true });
const isPdf = (b: Buffer) => b.subarray(0, 5).toString('latin1') === '%PDF-';

async function saved(page: Page): Promise<void> {
  await waitUntil(page, `document.querySelector('[data-save-state]')?.getAttribute('data-save-state') === 'saved'`, 30_000);
}

/** Presses Tab until the focused element matches; fails after `max` presses. */
async function tabTo(page: Page, test: string, max = 80): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate<boolean>(`(() => { const el = document.activeElement; return Boolean(el && (${test})); })()`)) return;
  }
  throw new Error(`Tab never reached: ${test}`);
}

async function serverScoring(a: Person) {
  return (await office(p).get(`/assessments/${id}/scoring`).set(a.auth).expect(200)).body as {
    scores: Record<string, { verdict: string; motivation: string | null; questions: string[] }>;
    criteria: Array<{ code: string; label: { nl: string } }>;
    submittedAt: string | null;
  };
}

async function status(a: Person): Promise<string> {
  return (await office(p).get(`/admin/dossiers/${id}`).set(a.auth).expect(200)).body.status as string;
}

describe('the whole assessment path through the portals, in Chromium', () => {
  let annaPage: Page;
  let evaPage: Page;
  let bramPage: Page;
  let codes: string[];
  let label: (code: string) => string;
  let certificateNumber = '';

  it('1. the office assigns two assessors; the one with a conflict of interest is refused with the reason', async () => {
    annaPage = await newBrowser();
    await logIn(annaPage, assessorBase, anna, 'kantoor');
    await annaPage.goto(`${assessorBase}/bureau?fase=waiting`);
    await h1(annaPage, 'Dossiers');
    await annaPage.getByRole('link', { name: CANDIDATE_NAME }).waitFor();
    await checked(annaPage, 'kantoor: dossiers wachtend');
    await annaPage.getByRole('link', { name: CANDIDATE_NAME }).click();
    await h1(annaPage, `Dossier van ${CANDIDATE_NAME}`);
    await annaPage.getByTestId('eligible').waitFor();
    const eligible = (name: string) => annaPage.getByTestId('eligible-row').filter({ hasText: name });
    expect(await eligible('Carla Conflict').textContent()).toContain('Belangenconflict: zelfde organisatie als de kandidaat');
    expect(await eligible('Carla Conflict').getByRole('button', { name: /Toewijzen/ }).isDisabled()).toBe(true);
    expect(await eligible('Carla Conflict').getByRole('button', { name: /Toewijzen/ }).getAttribute('aria-describedby')).toContain(`availability-${carla.id}`);
    await checked(annaPage, 'kantoor: dossier (toewijzen)');

    await eligible('Eva Mulder').getByRole('button', { name: /Toewijzen/ }).click();
    await annaPage.getByTestId('assignment-row').filter({ hasText: 'Eva Mulder' }).waitFor();
    await checked(annaPage, 'kantoor: dossier (één toegewezen)');
    await eligible('Bram Beoordelaar').getByRole('button', { name: /Toewijzen/ }).click();
    await annaPage.getByTestId('assign-done').waitFor();
    await annaPage.getByTestId('dossier-stage').and(annaPage.getByText('In beoordeling', { exact: true })).waitFor();
    await checked(annaPage, 'kantoor: dossier (twee toegewezen)');

    const server = await office(p).get(`/admin/dossiers/${id}`).set(anna.auth).expect(200);
    const active = (server.body.assignments as Array<{ assessorId: string; status: string }>).filter((x) => x.status === 'active').map((x) => x.assessorId);
    expect(active.sort()).toEqual([eva.id, bram.id].sort());
    expect(server.body.status).toBe('in_assessment');
  });

  it('2. both assessors declare their independence (Bram with the keyboard alone)', async () => {
    evaPage = await newBrowser();
    await logIn(evaPage, assessorBase, eva, 'Eva');
    await h1(evaPage, 'Mijn dossiers');
    const row = evaPage.getByRole('row', { name: new RegExp(CANDIDATE_NAME) });
    await row.waitFor();
    await checked(evaPage, 'Eva: mijn dossiers');
    await row.getByRole('link', { name: `Open het dossier van ${CANDIDATE_NAME}` }).click();
    await h1(evaPage, `Dossier van ${CANDIDATE_NAME}`);
    await evaPage.getByRole('heading', { level: 2, name: 'Onafhankelijkheid' }).waitFor();
    await checked(evaPage, 'Eva: dossier (onafhankelijkheid)');
    await evaPage.getByLabel('Toelichting (niet verplicht)').fill('Ik ken de kandidaat niet.');
    await evaPage.getByRole('button', { name: 'Ik verklaar dat ik onafhankelijk ben' }).click();
    await evaPage.getByRole('heading', { level: 2, name: 'Wat moet ik nu doen?' }).waitFor();
    await checked(evaPage, 'Eva: dossier (verklaard)');

    // Bram: the login form and the declaration without a mouse.
    bramPage = await newBrowser();
    await bramPage.goto(`${assessorBase}/inloggen`);
    await bramPage.getByRole('button', { name: 'Inloggen' }).waitFor();
    await tabTo(bramPage, `el.getAttribute('type') === 'email' || el.getAttribute('autocomplete') === 'username'`);
    await bramPage.keyboard.type(bram.email);
    await bramPage.keyboard.press('Tab');
    await bramPage.keyboard.type(bram.password);
    await bramPage.keyboard.press('Enter');
    // The code step takes the focus itself: type the code and press Enter (ADR 0021).
    await bramPage.getByLabel('Code uit je authenticator-app').waitFor();
    await bramPage.keyboard.type(await p.totpCode(bram));
    await bramPage.keyboard.press('Enter');
    await h1(bramPage, 'Mijn dossiers');
    await bramPage.getByRole('row', { name: new RegExp(CANDIDATE_NAME) }).waitFor();
    await tabTo(bramPage, `el.textContent === 'Open het dossier van ${CANDIDATE_NAME}' || el.getAttribute('aria-label') === 'Open het dossier van ${CANDIDATE_NAME}'`);
    await bramPage.keyboard.press('Enter');
    await h1(bramPage, `Dossier van ${CANDIDATE_NAME}`);
    await bramPage.getByRole('heading', { level: 2, name: 'Onafhankelijkheid' }).waitFor();
    await checked(bramPage, 'Bram: dossier (onafhankelijkheid)');
    await tabTo(bramPage, `el.id === 'independence-statement'`);
    await bramPage.keyboard.type('Geen banden met de kandidaat of haar organisatie.');
    await bramPage.keyboard.press('Tab');
    expect(await bramPage.evaluate<string>('document.activeElement.textContent')).toBe('Ik verklaar dat ik onafhankelijk ben');
    await bramPage.keyboard.press('Space');
    await bramPage.getByRole('heading', { level: 2, name: 'Wat moet ik nu doen?' }).waitFor();
    await checked(bramPage, 'Bram: dossier (verklaard)');

    const bramView = (await office(p).get(`/assessments/${id}`).set(bram.auth).expect(200)).body as { independenceDeclaredAt: string | null };
    expect(bramView.independenceDeclaredAt).not.toBeNull();
    const evaView = (await office(p).get(`/assessments/${id}`).set(eva.auth).expect(200)).body as { independenceDeclaredAt: string | null };
    expect(evaView.independenceDeclaredAt).not.toBeNull();
  });

  it('3. both score every criterion blind (a stale second tab merged without loss) and submit', async () => {
    const scoring = await serverScoring(eva);
    codes = scoring.criteria.map((c) => c.code);
    label = (code: string) => scoring.criteria.find((c) => c.code === code)!.label.nl;
    expect(codes).toEqual(expect.arrayContaining(['A', 'B1', 'C.TASK.3']));

    // Eva: everything aangetoond but C.TASK.3, which she wants to ask about; a second tab goes stale.
    await evaPage.getByRole('navigation', { name: 'Onderdelen van het dossier' }).getByRole('link', { name: 'Mijn beoordeling' }).click();
    await h1(evaPage, 'Mijn beoordeling');
    await evaPage.locator(`#${anchor('A')}`).waitFor();
    expect(await evaPage.locator('section.rlp-criterion').count()).toBe(codes.length);
    await saved(evaPage);
    await checked(evaPage, 'Eva: beoordeling (leeg)');
    const second = await evaPage.context().newPage();
    await second.goto(`${assessorBase}/dossiers/${id}/beoordeling`);
    await second.locator(`#${anchor('A')}`).waitFor();
    await saved(second);
    await evaPage.locator(`#${anchor('A')}-aangetoond`).check();
    await evaPage.locator(`#${anchor('A')}-motivation`).fill('Diploma en registratie in orde.');
    await saved(evaPage);
    // The second tab still holds the old version: its save meets a 412 and merges.
    await second.locator(`#${anchor('C.TASK.3')}-te_bevragen`).check();
    await second.locator(`#${anchor('C.TASK.3')}-motivation`).fill('De afronding van casus 2 blijft onduidelijk.');
    await second.locator(`#${anchor('C.TASK.3')}-question`).fill('Hoe rondde je het traject af?');
    await saved(second);
    expect(await second.locator(`#${anchor('A')}-motivation`).inputValue()).toBe('Diploma en registratie in orde.');
    const merged = await serverScoring(eva);
    expect(merged.scores['A']).toEqual({ verdict: 'aangetoond', motivation: 'Diploma en registratie in orde.', questions: [] });
    expect(merged.scores['C.TASK.3']).toEqual({ verdict: 'te_bevragen', motivation: 'De afronding van casus 2 blijft onduidelijk.', questions: ['Hoe rondde je het traject af?'] });
    await checked(second, 'Eva: beoordeling (tweede venster na samenvoegen)');
    await second.close();

    await evaPage.reload();
    await evaPage.locator(`#${anchor('A')}`).waitFor();
    await saved(evaPage);
    expect(await evaPage.locator(`#${anchor('C.TASK.3')}-te_bevragen`).isChecked()).toBe(true);
    for (const code of codes) {
      if (code === 'A' || code === 'C.TASK.3') continue;
      await evaPage.locator(`#${anchor(code)}-aangetoond`).check();
    }
    await saved(evaPage);
    await checked(evaPage, 'Eva: beoordeling (ingevuld)');
    await evaPage.getByRole('button', { name: 'Dien mijn beoordeling in' }).click();
    await evaPage.getByText('Je beoordeling is ingediend op').waitFor({ timeout: 30_000 });
    await checked(evaPage, 'Eva: beoordeling (ingediend)');

    // Bram: B1 niet aangetoond, C.TASK.3 aangetoond: two differences with Eva.
    await bramPage.getByRole('navigation', { name: 'Onderdelen van het dossier' }).getByRole('link', { name: 'Mijn beoordeling' }).click();
    await h1(bramPage, 'Mijn beoordeling');
    await bramPage.locator(`#${anchor('A')}`).waitFor();
    await saved(bramPage);
    await checked(bramPage, 'Bram: beoordeling (leeg)');
    for (const code of codes) await bramPage.locator(`#${anchor(code)}-${code === 'B1' ? 'niet_aangetoond' : 'aangetoond'}`).check();
    await bramPage.locator(`#${anchor('B1')}-motivation`).fill('De uren zijn niet onderbouwd met verklaringen.');
    await saved(bramPage);
    await bramPage.getByRole('button', { name: 'Dien mijn beoordeling in' }).click();
    await bramPage.getByText('Je beoordeling is ingediend op').waitFor({ timeout: 30_000 });
    await checked(bramPage, 'Bram: beoordeling (ingediend)');

    for (const a of [eva, bram]) {
      const s = await serverScoring(a);
      expect(s.submittedAt).not.toBeNull();
      expect(Object.keys(s.scores).sort()).toEqual([...codes].sort());
    }
    expect((await serverScoring(bram)).scores['B1']).toEqual({ verdict: 'niet_aangetoond', motivation: 'De uren zijn niet onderbouwd met verklaringen.', questions: [] });
  });

  it('4. they compare and agree the joint judgement (Eva edits and saves, Bram agrees, then Eva)', async () => {
    await evaPage.getByRole('navigation', { name: 'Onderdelen van het dossier' }).getByRole('link', { name: 'Vergelijking' }).click();
    await h1(evaPage, 'Vergelijking');
    const row = (code: string) => evaPage.getByRole('row').filter({ has: evaPage.getByRole('rowheader', { name: label(code), exact: true }) });
    await row('A').waitFor();
    expect(await row('A').getByText(/^\W*Eens$/).count()).toBe(1);
    expect(await row('B1').getByText(/^\W*Verschil$/).count()).toBe(1);
    expect(await row('C.TASK.3').getByText(/^\W*Verschil$/).count()).toBe(1);
    expect(await row('B1').textContent()).toContain('De uren zijn niet onderbouwd met verklaringen.');
    await checked(evaPage, 'Eva: vergelijking');

    await evaPage.getByRole('link', { name: 'Naar het gezamenlijk oordeel' }).click();
    await h1(evaPage, /^Gezamenlijk oordeel/);
    await group(evaPage, label('A')).waitFor();
    expect(await group(evaPage, label('A')).getByLabel('Aangetoond', { exact: true }).isChecked()).toBe(true);
    await checked(evaPage, 'Eva: oordeel (vooraf ingevuld)');
    await group(evaPage, label('B1')).getByLabel('Aangetoond', { exact: true }).check();
    await group(evaPage, label('B1')).getByLabel('Motivering').fill('Samen besproken: de uren blijken uit de werkgeversverklaring.');
    await group(evaPage, label('C.TASK.3')).getByLabel('Te bevragen in het gesprek', { exact: true }).check();
    await group(evaPage, label('C.TASK.3')).getByLabel('Motivering').fill('Navragen hoe het traject werd afgerond.');
    await evaPage.getByText('Niet opgeslagen wijzigingen').waitFor();
    await evaPage.getByRole('button', { name: 'Opslaan', exact: true }).click();
    await evaPage.getByText('Opgeslagen (versie 1)').waitFor({ timeout: 30_000 });
    await checked(evaPage, 'Eva: oordeel (opgeslagen)');

    await bramPage.getByRole('navigation', { name: 'Onderdelen van het dossier' }).getByRole('link', { name: 'Gezamenlijk oordeel' }).click();
    await h1(bramPage, /^Gezamenlijk oordeel/);
    await group(bramPage, label('C.TASK.3')).getByLabel('Motivering').waitFor();
    expect(await group(bramPage, label('C.TASK.3')).getByLabel('Motivering').inputValue()).toBe('Navragen hoe het traject werd afgerond.');
    await checked(bramPage, 'Bram: oordeel (versie 1)');
    await bramPage.getByRole('button', { name: 'Akkoord met versie 1' }).click();
    await bramPage.getByText('Je hebt akkoord gegeven op deze versie').waitFor({ timeout: 30_000 });
    await checked(bramPage, 'Bram: oordeel (akkoord gegeven)');

    await evaPage.reload();
    await evaPage.getByText('Bram Beoordelaar: akkoord met versie 1').waitFor({ timeout: 30_000 });
    await evaPage.getByRole('button', { name: 'Akkoord met versie 1' }).click();
    await evaPage.getByText('Het gezamenlijk oordeel ligt vast').waitFor({ timeout: 30_000 });
    await checked(evaPage, 'Eva: oordeel (vast)');
    expect(await status(anna)).toBe('judged');
    const judgement = (await office(p).get(`/assessments/${id}/judgement`).set(eva.auth).expect(200)).body as { version: number; content: { criteria: Record<string, { verdict: string }> } };
    expect(judgement.content.criteria['B1']!.verdict).toBe('aangetoond');
    expect(judgement.content.criteria['C.TASK.3']!.verdict).toBe('te_bevragen');
  });

  it('5. Eva offers slots on the week calendar; the candidate books one in the kandidaatportaal', async () => {
    await evaPage.getByRole('link', { name: 'Naar het certificeringsgesprek' }).click();
    await h1(evaPage, /^Certificeringsgesprek/);
    await evaPage.getByText('De kandidaat heeft nog geen tijdslot gekozen').waitFor();
    await checked(evaPage, 'Eva: gesprek (nog geen tijdsloten)');
    await evaPage.getByLabel('Ga naar de week van').fill('2026-12-03');
    await evaPage.getByRole('button', { name: 'Toon', exact: true }).click();
    await evaPage.getByRole('heading', { name: 'Week van maandag 30 november 2026' }).waitFor();
    await evaPage.getByLabel('Kies deze dag: donderdag 3 december 2026').check();
    await evaPage.getByLabel('Kies deze dag: vrijdag 4 december 2026').check();
    await evaPage.getByLabel('Begintijd (Nederlandse tijd)').fill('14:00');
    await evaPage.getByLabel('Duur in minuten').fill('90');
    await evaPage.getByLabel('Link van het online gesprek (https)').fill('https://meet.example.nl/rlp');
    await checked(evaPage, 'Eva: gesprek (dagen gekozen)');
    await evaPage.getByRole('button', { name: 'Tijdsloten aanbieden' }).click();
    await evaPage.getByText('2 tijdsloten aangeboden').waitFor({ timeout: 30_000 });
    await evaPage.locator('li[data-date="2026-12-03"]').getByText('14:00–15:30').waitFor();
    await checked(evaPage, 'Eva: gesprek (aangeboden)');

    const candidatePage = await newBrowser();
    await logIn(candidatePage, base, candidate, 'kandidaat');
    await h1(candidatePage, /Mijn dossier/);
    await checked(candidatePage, 'kandidaat: start');
    await candidatePage.goto(`${base}/dossier/${id}`);
    await candidatePage.getByTestId('dossier-status').and(candidatePage.getByText('Beoordeeld, plan je gesprek', { exact: true })).waitFor({ timeout: 30_000 });
    const slots = candidatePage.locator('.rlp-slots li');
    await slots.first().waitFor();
    expect(await slots.count()).toBe(2);
    expect(await slots.nth(0).textContent()).toContain('donderdag 3 december 2026 om 14:00');
    await checked(candidatePage, 'kandidaat: dossier (tijdsloten)');
    await slots.nth(0).getByRole('button', { name: /Dit moment kiezen/ }).click();
    await candidatePage.getByTestId('dossier-status').and(candidatePage.getByText('Gesprek gepland', { exact: true })).waitFor({ timeout: 30_000 });
    expect(await candidatePage.getByTestId('interview-booking').textContent()).toContain('donderdag 3 december 2026 om 14:00');
    await checked(candidatePage, 'kandidaat: dossier (geboekt)');
    expect((await api(p).get(`/portfolios/${id}`).set(candidate.auth).expect(200)).body.status).toBe('interview_planned');
    contexts.splice(contexts.indexOf(candidatePage.context()), 1);
    await candidatePage.context().close();

    await evaPage.reload();
    await evaPage.getByTestId('booking').waitFor({ timeout: 30_000 });
    expect(await evaPage.getByTestId('booking').textContent()).toContain('donderdag 3 december 2026 om 14:00');
    await checked(evaPage, 'Eva: gesprek (geboekt)');
  });

  it('6. after the interview time the record is written and both agree (advice positive)', async () => {
    await setClock(new Date('2026-12-03T15:00:00Z'));
    await evaPage.reload();
    await evaPage.getByText('Het gesprek is begonnen of voorbij').waitFor({ timeout: 30_000 });
    await checked(evaPage, 'Eva: gesprek (na de starttijd)');
    await evaPage.getByRole('link', { name: 'Naar het verslag van het gesprek' }).click();
    await h1(evaPage, /^Verslag van het gesprek/);
    await evaPage.getByLabel(`Bevinding: ${label('C.TASK.3')}`).waitFor();
    await checked(evaPage, 'Eva: verslag (leeg)');
    // Every item on the agenda (the criterion to ask about and the differences talked over) gets a finding.
    const findings = evaPage.locator('textarea[id^="finding-"]');
    const items = await findings.count();
    expect(items).toBeGreaterThanOrEqual(1);
    for (let i = 0; i < items; i++) await findings.nth(i).fill('Besproken in het gesprek; de kandidaat gaf een overtuigend voorbeeld.');
    await evaPage.getByLabel(`Bevinding: ${label('C.TASK.3')}`).fill('De afronding is helder toegelicht met een evaluatiegesprek.');
    await evaPage.getByLabel('Positief: certificeren').check();
    await evaPage.getByLabel('Motivering van het advies').fill('Alle criteria aangetoond na het gesprek.');
    await evaPage.getByRole('button', { name: 'Opslaan', exact: true }).click();
    await evaPage.getByText('Opgeslagen (versie 1)').waitFor({ timeout: 30_000 });
    await checked(evaPage, 'Eva: verslag (opgeslagen)');
    const record = (await office(p).get(`/assessments/${id}/interview-record`).set(eva.auth).expect(200)).body as { version: number; missing: unknown[]; content: { advice: string } };
    expect(record).toMatchObject({ version: 1, missing: [], content: { advice: 'positive' } });

    await bramPage.goto(`${assessorBase}/dossiers/${id}/verslag`);
    await h1(bramPage, /^Verslag van het gesprek/);
    await bramPage.getByLabel(`Bevinding: ${label('C.TASK.3')}`).waitFor();
    expect(await bramPage.getByLabel(`Bevinding: ${label('C.TASK.3')}`).inputValue()).toBe('De afronding is helder toegelicht met een evaluatiegesprek.');
    await bramPage.getByRole('button', { name: 'Akkoord met versie 1' }).click();
    await bramPage.getByText('Je hebt akkoord gegeven op deze versie').waitFor({ timeout: 30_000 });
    await checked(bramPage, 'Bram: verslag (akkoord)');
    await evaPage.reload();
    await evaPage.getByRole('button', { name: 'Akkoord met versie 1' }).click();
    await evaPage.getByText('Het verslag ligt vast').waitFor({ timeout: 30_000 });
    await checked(evaPage, 'Eva: verslag (vast)');
    expect(await status(anna)).toBe('interview_held');
  });

  it('7. the admin who assessed nothing decides "certified" with a motivation; the certificate is a PDF', async () => {
    await setClock(new Date('2026-12-04T09:00:00Z'));
    await annaPage.goto(`${assessorBase}/bureau?fase=decision`);
    await h1(annaPage, 'Dossiers');
    await annaPage.getByRole('link', { name: CANDIDATE_NAME }).click();
    await h1(annaPage, `Dossier van ${CANDIDATE_NAME}`);
    await annaPage.getByTestId('decision-form').waitFor({ timeout: 30_000 });
    expect(await annaPage.getByTestId('advice').textContent()).toContain('Positief: certificeren');
    expect(await annaPage.getByTestId('advice').textContent()).toContain('Alle criteria aangetoond na het gesprek.');
    await checked(annaPage, 'kantoor: besluitformulier');
    await annaPage.getByLabel('Gecertificeerd', { exact: true }).check();
    await annaPage.getByLabel('Motivering').fill('Het advies is positief en goed onderbouwd; alle criteria zijn aangetoond.');
    let question = '';
    annaPage.once('dialog', (dialog) => {
      question = dialog.message();
      void dialog.accept();
    });
    await annaPage.getByRole('button', { name: 'Besluit vastleggen' }).click();
    await annaPage.getByTestId('decision-outcome').waitFor({ timeout: 30_000 });
    expect(question).toContain('definitief');
    expect(await annaPage.getByTestId('decision-outcome').textContent()).toBe('Gecertificeerd');
    const decided = await office(p).get(`/admin/dossiers/${id}/decision`).set(anna.auth).expect(200);
    expect(decided.body).toMatchObject({ outcome: 'certified', decidedBy: anna.id, motivation: 'Het advies is positief en goed onderbouwd; alle criteria zijn aangetoond.' });
    certificateNumber = decided.body.register.certificateNumber as string;
    expect(certificateNumber).toMatch(/^RLP-\d{4}-\d+$/);
    expect(await annaPage.getByTestId('certificate-number').textContent()).toBe(certificateNumber);
    await checked(annaPage, 'kantoor: besluit vastgelegd');

    const pending = annaPage.waitForEvent('download', { timeout: 30_000 });
    await annaPage.getByRole('link', { name: 'Certificaat downloaden (PDF)' }).click();
    const download = await pending;
    expect(download.suggestedFilename()).toBe(`certificaat-${id}.pdf`);
    expect(isPdf(readFileSync(await download.path()))).toBe(true);
  });

  it('8. the public register, without JavaScript, finds the candidate with the certificate number', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, locale: 'nl-NL' });
    const page = await context.newPage();
    await page.goto(`${base}/register?q=${encodeURIComponent(CANDIDATE_NAME)}`);
    const table = page.getByRole('table', { name: /Gecertificeerd/ });
    await table.waitFor();
    const row = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: CANDIDATE_NAME, exact: true }) });
    expect(await row.getByRole('cell').first().textContent()).toBe(certificateNumber);
    // axe is itself a script: the same address where scripts may run, proven to be the same document.
    const axeContext = await browser.newContext({ locale: 'nl-NL' });
    const twin = await axeContext.newPage();
    await twin.goto(page.url());
    expect(await twin.content()).toBe(await page.content());
    await expectAccessible(twin, 'register (gevonden)');
    await axeContext.close();
    await context.close();
    // And the JSON, as an API client reads it.
    const json = await api(p).get(`/register?q=${encodeURIComponent(certificateNumber)}`).set('Accept', 'application/json').expect(200);
    expect(json.body.entries).toEqual([expect.objectContaining({ name: CANDIDATE_NAME, certificateNumber })]);
  });
});
