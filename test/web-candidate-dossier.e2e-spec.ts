/**
 * The kandidaatportaal after submission, in a real browser (Debian Chromium via Playwright) against
 * the real platform: PDF previews, booking / moving / cancelling the certificeringsgesprek, the
 * decision with its letter and certificate, the personal-data export, and a newer gedragscode that
 * must be read and accepted again. The office side is set up through the assessor API. Every page
 * and state visited is checked with axe-core (WCAG 2.1 AA).
 */
import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Download, Page } from 'playwright-core';
import type { TestPlatform } from '@rlp/testing';
import { expectAccessible, launchBrowser, settle, startWebPlatform } from './support/browser';
import { judgedDossier, office, person, type Person } from './support/assessment-journey';
import { api, readyToSubmit } from './support/candidate-journey';

jest.setTimeout(120_000);

const TODAY = '2026-11-23';
const START = new Date(`${TODAY}T09:00:00Z`);
// The interview is held some weeks later: the browser session must outlive the jump of the clock.
const LONG_SESSIONS = { SESSION_TTL_MINUTES: String(60 * 24 * 60), SESSION_IDLE_MINUTES: String(60 * 24 * 60) };

let p: TestPlatform;
let browser: Browser;
let base: string;
let admin: Person;
let decider: Person;

beforeAll(async () => {
  ({ p, base } = await startWebPlatform({ now: START, env: LONG_SESSIONS }));
  browser = await launchBrowser();
  admin = await person(p, 'admin', 'Noloc');
  decider = await person(p, 'admin', 'Noloc');
});

afterAll(async () => {
  await browser?.close();
  await p?.close();
});

beforeEach(() => p.clock.set(START));

async function checked(page: Page, where: string): Promise<void> {
  await settle(page);
  await expectAccessible(page, where);
}

/** A browser of its own for this candidate, logged in with a cookie session (as the login page does). */
async function loggedIn(c: { email: string; password: string }): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ locale: 'nl-NL', timezoneId: 'Europe/Amsterdam', acceptDownloads: true });
  const res = await context.request.post(`${base}/auth/session`, { data: { email: c.email, password: c.password } });
  expect(res.status()).toBe(200);
  return { context, page: await context.newPage() };
}

/**
 * Clicks a link that opens in a new tab: the tab shows that path and the browser got it, with the
 * cookie session, as this type. Chromium hands a PDF to its viewer, so the bytes are asked for
 * once more with the same cookies.
 */
async function opened(page: Page, name: string, path: string): Promise<{ type: string; body: Buffer }> {
  const answer = page.context().waitForEvent('response', { predicate: (r) => new URL(r.url()).pathname === path, timeout: 20_000 });
  const popup = page.waitForEvent('popup', { timeout: 20_000 });
  await page.getByRole('link', { name }).click();
  const [res, tab] = await Promise.all([answer, popup]);
  expect(res.status()).toBe(200);
  expect(new URL(tab.url()).pathname).toBe(path);
  await tab.close();
  const again = await page.context().request.get(res.url());
  expect(again.status()).toBe(200);
  return { type: res.headers()['content-type'] ?? '', body: await again.body() };
}

async function downloaded(page: Page, name: string): Promise<{ download: Download; bytes: Buffer }> {
  const pending = page.waitForEvent('download', { timeout: 20_000 });
  await page.getByRole('link', { name }).click();
  const download = await pending;
  const path = await download.path();
  return { download, bytes: readFileSync(path) };
}

const isPdf = (b: Buffer) => b.subarray(0, 5).toString('latin1') === '%PDF-';
const status = (page: Page) => page.getByTestId('dossier-status');

async function waitStatus(page: Page, text: string): Promise<void> {
  await status(page).and(page.getByText(text, { exact: true })).waitFor({ timeout: 15_000 });
}

describe('kandidaatportaal after submission, in Chromium', () => {
  it('previews the draft as a PDF, shows the submitted PDF after submission, and exports all personal data as a ZIP', async () => {
    const ready = await readyToSubmit(p, TODAY);
    const { context, page } = await loggedIn(ready.c);
    await page.goto(`${base}/portfolio/${ready.portfolioId}`);
    await page.getByText('Er ontbreekt niets meer').waitFor({ timeout: 15_000 });
    await checked(page, 'portfolio overview (complete)');
    const preview = await opened(page, 'Voorbeeld als PDF (concept)', `/portfolios/${ready.portfolioId}/preview.pdf`);
    expect(preview.type).toMatch(/^application\/pdf/);
    expect(isPdf(preview.body)).toBe(true);

    await api(p).post(`/portfolios/${ready.portfolioId}/submit`).set(ready.c.auth).set('Idempotency-Key', `submit-${ready.portfolioId}`).send({ revision: ready.revision }).expect(201);
    await page.goto(`${base}/dossier/${ready.portfolioId}`);
    await waitStatus(page, 'Ingediend, wacht op assessoren');
    await checked(page, 'dossier (submitted)');
    const submitted = await opened(page, 'Ingediend portfolio als PDF', `/portfolios/${ready.portfolioId}/submission.pdf`);
    expect(submitted.type).toMatch(/^application\/pdf/);
    expect(isPdf(submitted.body)).toBe(true);
    expect(submitted.body.equals(preview.body)).toBe(false);

    await page.goto(`${base}/gegevens`);
    await page.getByRole('heading', { level: 1, name: 'Mijn gegevens' }).waitFor();
    await checked(page, 'gegevens');
    const { download, bytes } = await downloaded(page, 'Al mijn gegevens downloaden (ZIP)');
    expect(download.suggestedFilename()).toMatch(/^rlp-gegevens-.*\.zip$/);
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    expect(bytes.length).toBeGreaterThan(1000);
    await context.close();
  });

  it('books an offered interview slot, downloads the invitation, moves it and cancels it; the status follows', async () => {
    const [a1, a2] = [await person(p, 'assessor', 'Bureau Oost'), await person(p, 'assessor', 'Bureau West')];
    const d = await judgedDossier(p, TODAY, admin, [a1, a2]);
    const id = d.portfolioId;
    const { context, page } = await loggedIn(d.c);
    await page.goto(`${base}/dossier/${id}`);
    await waitStatus(page, 'Beoordeeld, plan je gesprek');
    await page.getByText('De assessoren hebben nog geen momenten aangeboden').waitFor();
    await checked(page, 'dossier (judged, no slots)');

    // Entered by the assessors in Amsterdam time; shown in Amsterdam time, the Dutch way.
    await office(p).post(`/assessments/${id}/slots`).set(a1.auth).send({ date: '2026-12-03', time: '14:00', durationMinutes: 90, onlineUrl: 'https://meet.example.nl/rlp' }).expect(201);
    await office(p).post(`/assessments/${id}/slots`).set(a2.auth).send({ date: '2026-12-04', time: '10:00', durationMinutes: 60, address: 'Noloc, Stationsplein 1, Utrecht' }).expect(201);
    await page.reload();
    const slots = page.locator('.rlp-slots li');
    await slots.first().waitFor();
    expect(await slots.count()).toBe(2);
    expect(await slots.nth(0).textContent()).toContain('donderdag 3 december 2026 om 14:00');
    expect(await slots.nth(0).textContent()).toContain('90 min');
    expect(await slots.nth(1).textContent()).toContain('vrijdag 4 december 2026 om 10:00');
    expect(await slots.nth(1).textContent()).toContain('Noloc, Stationsplein 1, Utrecht');
    await checked(page, 'dossier (slots offered)');

    await slots.nth(0).getByRole('button', { name: /Dit moment kiezen/ }).click();
    await waitStatus(page, 'Gesprek gepland');
    const booking = page.getByTestId('interview-booking');
    await booking.waitFor();
    expect(await booking.textContent()).toContain('donderdag 3 december 2026 om 14:00');
    await checked(page, 'dossier (booked)');

    const invitation = await downloaded(page, 'Uitnodiging (.ics) downloaden');
    expect(invitation.download.suggestedFilename()).toBe(`certificeringsgesprek-${id}.ics`);
    const ics = invitation.bytes.toString('utf8');
    expect(ics).toContain('BEGIN:VCALENDAR');
    expect(ics).toContain('METHOD:REQUEST');
    expect(ics).toContain('DTSTART:20261203T130000Z');
    const href = await page.getByRole('link', { name: 'Uitnodiging (.ics) downloaden' }).getAttribute('href');
    const head = await context.request.get(`${base}${href}`);
    expect(head.headers()['content-type']).toMatch(/^text\/calendar/);

    // Another time: the other slot is booked, the invitation follows.
    await page.getByTestId('other-slots').getByRole('button', { name: /Dit moment kiezen/ }).click();
    await page.getByTestId('interview-booking').getByText('vrijdag 4 december 2026 om 10:00').waitFor({ timeout: 15_000 });
    expect(await status(page).textContent()).toBe('Gesprek gepland');
    await checked(page, 'dossier (moved)');
    const moved = (await downloaded(page, 'Uitnodiging (.ics) downloaden')).bytes.toString('utf8');
    expect(moved).toContain('DTSTART:20261204T090000Z');
    expect(moved).toContain('SEQUENCE:1');

    // Cancel, after confirming; the dossier is back to judged and both times can be chosen again.
    let question = '';
    page.once('dialog', (dialog) => {
      question = dialog.message();
      void dialog.accept();
    });
    await page.getByRole('button', { name: 'Afspraak annuleren' }).click();
    await waitStatus(page, 'Beoordeeld, plan je gesprek');
    expect(question).toMatch(/annuleren/);
    await page.getByTestId('interview-booking').waitFor({ state: 'detached' });
    expect(await page.locator('.rlp-slots li').count()).toBe(2);
    await checked(page, 'dossier (cancelled)');
    const server = await api(p).get(`/portfolios/${id}`).set(d.c.auth).expect(200);
    expect(server.body.status).toBe('judged');
    await context.close();
  });

  it('shows a decision: certified with letter and certificate; returned for supplement with the way to the new draft', async () => {
    const [a1, a2, b1, b2] = await Promise.all(['Bureau Noord', 'Bureau Zuid', 'Bureau Midden', 'Bureau Kust'].map((o) => person(p, 'assessor', o)));
    const [certified, returned] = await Promise.all([judgedDossier(p, TODAY, admin, [a1!, a2!]), judgedDossier(p, TODAY, admin, [b1!, b2!])]);
    await toInterviewHeld(certified, [a1!, a2!], '2026-12-10', 'positive');
    await toInterviewHeld(returned, [b1!, b2!], '2026-12-11', 'negative');
    p.clock.set(new Date('2026-12-14T09:00:00Z'));
    await office(p).post(`/admin/dossiers/${certified.portfolioId}/decision`).set(decider.auth).send({ outcome: 'certified' }).expect(201);
    const back = await office(p).post(`/admin/dossiers/${returned.portfolioId}/decision`).set(decider.auth).send({ outcome: 'returned_for_supplement', motivation: 'Vul casus 2 aan met de afronding' }).expect(201);

    const one = await loggedIn(certified.c);
    let page = one.page;
    await page.goto(`${base}/dossier/${certified.portfolioId}`);
    await waitStatus(page, 'Besluit genomen');
    const decision = page.getByTestId('decision');
    await decision.waitFor();
    const number = (await api(p).get(`/portfolios/${certified.portfolioId}/decision`).set(certified.c.auth).expect(200)).body.register.certificateNumber as string;
    expect(await decision.textContent()).toContain('Gecertificeerd');
    expect(await decision.textContent()).toContain('14 december 2026');
    expect(await decision.textContent()).toContain(number);
    // The interview is over: nothing left to cancel or move.
    expect(await page.getByRole('button', { name: 'Afspraak annuleren' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /Dit moment kiezen/ }).count()).toBe(0);
    await checked(page, 'dossier (certified)');
    for (const [name, file] of [
      ['Besluitbrief (PDF)', 'letter'],
      ['Certificaat (PDF)', 'certificate'],
    ] as const) {
      const pdf = await opened(page, name, `/portfolios/${certified.portfolioId}/decision/${file}.pdf`);
      expect(pdf.type).toMatch(/^application\/pdf/);
      expect(isPdf(pdf.body)).toBe(true);
    }
    await one.context.close();

    const two = await loggedIn(returned.c);
    page = two.page;
    await page.goto(`${base}/dossier/${returned.portfolioId}`);
    await page.getByTestId('decision').waitFor();
    expect(await page.getByTestId('decision').textContent()).toContain('Teruggegeven voor aanvulling');
    expect(await page.getByTestId('decision').textContent()).toContain('Vul casus 2 aan met de afronding');
    expect(await page.getByRole('link', { name: 'Certificaat (PDF)' }).count()).toBe(0);
    await checked(page, 'dossier (returned for supplement)');
    const letter = await opened(page, 'Besluitbrief (PDF)', `/portfolios/${returned.portfolioId}/decision/letter.pdf`);
    expect(isPdf(letter.body)).toBe(true);
    await page.getByRole('link', { name: 'Portfolio aanvullen' }).click();
    await page.waitForURL(`${base}/portfolio/${back.body.nextPortfolioId}`);
    await page.getByRole('heading', { level: 1, name: 'Je portfolio' }).waitFor();
    // The content carried over; only the declarations are to be made again.
    await page.getByRole('heading', { name: 'Wat nog ontbreekt' }).waitFor();
    await checked(page, 'portfolio overview (new draft after supplement)');
    await two.context.close();
  });

  // Last: a new gedragscode makes every draft that accepted version 1 stale.
  it('shows a newer gedragscode with what changed, lets the candidate read it in the page, and saves the renewed acceptance', async () => {
    const ready = await readyToSubmit(p, TODAY);
    const id = ready.portfolioId;
    const base2 = '/admin/regulations/gedragscode/versions';
    const v1 = (await office(p).get(`${base2}/1`).set(admin.auth).expect(200)).body as { title: string; body: string };
    await office(p).post(base2).set(admin.auth).send({ changeSummary: 'Nieuw artikel over sociale media' }).expect(201);
    const article = 'Artikel 9. De loopbaanprofessional deelt geen cliëntgegevens op sociale media.';
    await office(p).patch(`${base2}/2`).set(admin.auth).send({ title: `${v1.title} (2027)`, body: `${v1.body.trimEnd()}\n\n${article}\n` }).expect(200);
    await office(p).post(`${base2}/2/publish`).set(admin.auth).send({ effectiveFrom: TODAY }).expect(200);
    const stale = await api(p).get(`/portfolios/${id}/completeness`).set(ready.c.auth).expect(200);
    expect((stale.body.findings as Array<{ code: string }>).map((f) => f.code)).toContain('E.GEDRAGSCODE');

    const { context, page } = await loggedIn(ready.c);
    await page.goto(`${base}/portfolio/${id}/verklaringen`);
    const fieldset = page.locator('#veld-gedragscode');
    const warning = fieldset.getByText('Er is een nieuwere versie');
    await warning.waitFor();
    expect(await fieldset.getByText('Nieuw artikel over sociale media').count()).toBe(1);
    expect(await fieldset.locator('.rlp-diff__added').allTextContents()).toEqual([`Toegevoegd: + ${article}\n`]);
    expect(await fieldset.locator('.rlp-diff__removed').count()).toBe(0);
    expect(await page.locator('#veld-gedragscode-accept').isChecked()).toBe(false);
    expect(await page.locator('#veld-klachtenreglement-accept').isChecked()).toBe(true);
    await checked(page, 'verklaringen (newer gedragscode)');

    // The text itself, in the page.
    await fieldset.getByText('Tekst lezen').click();
    const reader = fieldset.getByTestId('regulation-text');
    await reader.getByText(article).waitFor();
    expect(await reader.textContent()).toContain(`${v1.title} (2027)`);
    await checked(page, 'verklaringen (gedragscode text open)');

    await page.locator('#veld-gedragscode-accept').check();
    await page.locator('[data-save-state="saved"]').waitFor({ timeout: 15_000 });
    await warning.waitFor({ state: 'detached' });
    await checked(page, 'verklaringen (renewed)');
    const section = await api(p).get(`/portfolios/${id}/sections/declarations`).set(ready.c.auth).expect(200);
    expect(section.body.content.gedragscode).toMatchObject({ accepted: true, version: 2 });
    expect(section.body.content.klachtenreglement).toMatchObject({ accepted: true, version: 1 });
    const report = await api(p).get(`/portfolios/${id}/completeness`).set(ready.c.auth).expect(200);
    expect((report.body.findings as Array<{ code: string }>).map((f) => f.code)).not.toContain('E.GEDRAGSCODE');
    expect(report.body.complete).toBe(true);
    await context.close();
  });
});

/** Books a slot on `date` 09:00, lets time pass, records the interview with this advice; both agree. */
async function toInterviewHeld(d: { c: { auth: { Authorization: string } }; portfolioId: string }, [a1, a2]: [Person, Person], date: string, advice: 'positive' | 'negative') {
  const slot = await office(p).post(`/assessments/${d.portfolioId}/slots`).set(a1.auth).send({ date, time: '09:00', durationMinutes: 60, address: 'Utrecht' }).expect(201);
  await api(p).post(`/portfolios/${d.portfolioId}/interview/booking`).set(d.c.auth).send({ slotId: slot.body.id }).expect(201);
  p.clock.set(new Date(`${date}T12:00:00Z`));
  const record = await office(p).put(`/assessments/${d.portfolioId}/interview-record`).set(a1.auth).set('If-Match', '"interview.0"').send({ advice, motivation: 'Zie bevindingen' }).expect(200);
  for (const a of [a1, a2]) await office(p).post(`/assessments/${d.portfolioId}/interview-record/agree`).set(a.auth).set('If-Match', record.headers['etag']!).expect(200);
  p.clock.set(START);
}
