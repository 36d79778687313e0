/**
 * The assessors' joint work in the portal, in Debian Chromium against the real platform: comparing
 * the two scorings, the joint judgement edited by one and agreed by both (a stale tab's 412 loses
 * nothing), offering interview slots on the week calendar (a DST week included), the booking, the
 * .ics, moving and cancelling, and the interview record after the interview time. The dossier is
 * set up through the APIs; everything the assessors do goes through the UI. axe-core (WCAG 2.1
 * AA) runs on every page and state visited.
 */
import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { TestPlatform } from '@rlp/testing';
import { expectAccessible, launchBrowser, sessionData, startWebPlatform } from './support/browser';
import { assign, declare, judge, judgedDossier, office, person, scoreAndSubmit, submittedDossier, type Person } from './support/assessment-journey';
import { api } from './support/candidate-journey';

jest.setTimeout(300_000);

const TODAY = '2026-11-23';
const START = new Date(`${TODAY}T09:00:00Z`);
const LONG_SESSIONS = { SESSION_TTL_MINUTES: String(60 * 24 * 60), SESSION_IDLE_MINUTES: String(60 * 24 * 60) };

let p: TestPlatform;
let browser: Browser;
let assessorBase: string;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  ({ p, assessorBase } = await startWebPlatform({ now: START, env: LONG_SESSIONS }));
  browser = await launchBrowser();
});

beforeEach(() => p.clock.set(START));

afterAll(async () => {
  await browser?.close();
  await p?.close();
});

/** A browser of this assessor's own, logged in with a cookie session, its clock on the platform's. */
async function loggedIn(a: Person): Promise<Page> {
  const context = await browser.newContext({ locale: 'nl-NL', timezoneId: 'Europe/Amsterdam', acceptDownloads: true, viewport: { width: 1280, height: 900 } });
  contexts.push(context);
  await context.clock.setFixedTime(p.clock.now());
  const res = await context.request.post(`${assessorBase}/auth/session`, { data: await sessionData(p, a) });
  expect(res.status()).toBe(200);
  return context.newPage();
}

/** Moves the platform's clock and every browser's with it. */
async function setClock(date: Date): Promise<void> {
  p.clock.set(date);
  for (const c of contexts) await c.clock.setFixedTime(date);
}

async function checked(page: Page, where: string, shot?: string): Promise<void> {
  await expectAccessible(page, where);
  if (shot) await page.screenshot({ path: `/tmp/joint-${shot}.png`, fullPage: true });
}

async function open(page: Page, path: string, heading: string): Promise<void> {
  await page.goto(`${assessorBase}${path}`);
  await page.getByRole('heading', { level: 1, name: new RegExp(`^${heading}`) }).waitFor({ timeout: 15_000 });
}

const group = (page: Page, name: string) => page.getByRole('group', { name, exact: true });

describe('joint judgement and interview in the assessor portal (Chromium)', () => {
  it('compares, agrees a joint judgement (a stale tab loses nothing), plans the interview across a DST week and records it', async () => {
    const admin = await person(p, 'admin', 'Noloc');
    const a1 = await person(p, 'assessor', 'Bureau Een', 'Anna Assessor');
    const a2 = await person(p, 'assessor', 'Bureau Twee', 'Bram Beoordelaar');
    const { c, portfolioId: id } = await submittedDossier(p, TODAY);
    for (const a of [a1, a2]) {
      expect((await assign(p, admin, id, a)).status).toBe(201);
      await declare(p, a, id);
    }
    const criteria = (await office(p).get(`/assessments/${id}/scoring`).set(a1.auth).expect(200)).body.criteria as Array<{ code: string; label: { nl: string } }>;
    const label = (code: string) => criteria.find((x) => x.code === code)!.label.nl;
    const competence = criteria.find((x) => x.code.startsWith('C.COMPETENCE.'))!.code;
    await scoreAndSubmit(p, a1, id, {
      A: { verdict: 'niet_aangetoond', motivation: 'Uren niet onderbouwd' },
      'C.TASK.3': { verdict: 'te_bevragen', motivation: 'Afronding niet beschreven', questions: ['Hoe rondde u het traject af?'] },
    });

    // Blind: before Bram submits, his comparison page says so and shows nothing of Anna's scoring.
    const bram = await loggedIn(a2);
    await open(bram, `/dossiers/${id}/vergelijking`, 'Vergelijking');
    await bram.getByText('Dien eerst je eigen beoordeling in').waitFor();
    expect(await bram.getByRole('table').count()).toBe(0);
    expect(await bram.getByText('Afronding niet beschreven').count()).toBe(0);
    await checked(bram, 'vergelijking (eigen beoordeling niet ingediend)', 'comparison-blind');

    await scoreAndSubmit(p, a2, id, {
      A: { verdict: 'niet_aangetoond', motivation: 'Uren niet onderbouwd' },
      [competence]: { verdict: 'niet_aangetoond', motivation: 'Weinig zichtbaar in casus 2', questions: ['Geef een voorbeeld uit uw praktijk'] },
    });

    // The comparison: agreements and differences in words, and the proposed agenda.
    const anna = await loggedIn(a1);
    await open(anna, `/dossiers/${id}/vergelijking`, 'Vergelijking');
    const row = (code: string) => anna.getByRole('row').filter({ has: anna.getByRole('rowheader', { name: label(code), exact: true }) });
    await row('A').waitFor();
    expect(await row('A').getByText(/^\W*Eens$/).count()).toBe(1);
    expect(await row('C.TASK.3').getByText(/^\W*Verschil$/).count()).toBe(1);
    expect(await row(competence).getByText(/^\W*Verschil$/).count()).toBe(1);
    expect(await row(competence).textContent()).toContain('Weinig zichtbaar in casus 2');
    expect(await anna.getByRole('columnheader', { name: 'Oordeel van Bram Beoordelaar' }).count()).toBe(1);
    const agenda = anna.locator('section', { has: anna.getByRole('heading', { name: 'Voorgestelde agenda voor het gesprek' }) }).getByRole('listitem');
    const agendaText = await agenda.allTextContents();
    expect(agendaText.join('\n')).toContain(label('C.TASK.3'));
    expect(agendaText.join('\n')).toContain('Hoe rondde u het traject af?');
    expect(agendaText.join('\n')).toContain('Geef een voorbeeld uit uw praktijk');
    expect(agendaText.join('\n')).not.toContain(label('A'));
    await checked(anna, 'vergelijking', 'comparison');
    // The same page in English (texts and the criteria's labels), then back to Dutch.
    await anna.getByRole('button', { name: 'Switch to English' }).click();
    await anna.getByRole('heading', { level: 1, name: 'Comparison' }).waitFor();
    expect(await anna.getByRole('columnheader', { name: 'Verdict of Bram Beoordelaar' }).count()).toBe(1);
    expect(await anna.getByText('Proposed agenda for the interview').count()).toBe(1);
    await checked(anna, 'comparison (English)', 'comparison-en');
    await anna.getByRole('button', { name: 'Schakel naar Nederlands' }).click();
    await anna.getByRole('heading', { level: 1, name: 'Vergelijking' }).waitFor();

    // The joint judgement starts pre-filled with what both scorings agree on.
    await anna.getByRole('link', { name: 'Naar het gezamenlijk oordeel' }).click();
    await anna.getByRole('heading', { level: 1, name: /^Gezamenlijk oordeel/ }).waitFor();
    await group(anna, label('A')).waitFor();
    expect(await group(anna, label('A')).getByLabel('Niet aangetoond', { exact: true }).isChecked()).toBe(true);
    expect(await group(anna, label('C.TASK.3')).getByLabel('Te bevragen in het gesprek', { exact: true }).isChecked()).toBe(false);
    await checked(anna, 'oordeel (vooraf ingevuld)', 'judgement-prefilled');
    await group(anna, label('C.TASK.3')).getByLabel('Te bevragen in het gesprek', { exact: true }).check();
    await group(anna, label('C.TASK.3')).getByLabel('Motivering').fill('Navragen in het gesprek');
    await group(anna, label(competence)).getByLabel('Te bevragen in het gesprek', { exact: true }).check();
    await group(anna, label(competence)).getByLabel('Motivering').fill('In het gesprek toetsen');
    await anna.getByText('Niet opgeslagen wijzigingen').waitFor();
    await anna.getByRole('button', { name: 'Opslaan', exact: true }).click();
    await anna.getByText('Opgeslagen (versie 1)').waitFor();
    await checked(anna, 'oordeel (opgeslagen)', 'judgement-saved');

    // Bram sees Anna's version and agrees to it.
    await open(bram, `/dossiers/${id}/oordeel`, 'Gezamenlijk oordeel');
    await group(bram, label('C.TASK.3')).getByLabel('Motivering').waitFor();
    expect(await group(bram, label('C.TASK.3')).getByLabel('Motivering').inputValue()).toBe('Navragen in het gesprek');
    await bram.getByRole('button', { name: 'Akkoord met versie 1' }).click();
    await bram.getByText('Je hebt akkoord gegeven op deze versie').waitFor();
    await checked(bram, 'oordeel (akkoord gegeven)', 'judgement-agreed-b');

    // Bram starts typing (his tab now holds version 1); meanwhile Anna saves version 2.
    await group(bram, label(competence)).getByLabel('Motivering').fill('Bram: vraag naar een recent voorbeeld');
    await anna.reload();
    await group(anna, label(competence)).getByLabel('Motivering').fill('Anna: laat een casus uit 2025 toelichten');
    await group(anna, label('C.TASK.3')).getByLabel('Motivering').fill('Navragen: hoe werd het traject afgerond?');
    await anna.getByRole('button', { name: 'Opslaan', exact: true }).click();
    await anna.getByText('Opgeslagen (versie 2)').waitFor();
    // Bram's page learns of it by itself: a newer version, and his agreement is asked again.
    await bram.getByText('De laatste wijziging vraagt jouw akkoord opnieuw').waitFor({ timeout: 20_000 });
    await bram.getByText('Je medeassessor heeft intussen een nieuwe versie opgeslagen').waitFor();
    await checked(bram, 'oordeel (nieuwere versie elders)', 'judgement-behind');

    // Bram's save is stale (412): the field both changed is put to him; nothing he typed is lost.
    await bram.getByRole('button', { name: 'Opslaan', exact: true }).click();
    const conflict = bram.getByRole('alert').filter({ hasText: 'Intussen is een andere versie opgeslagen' });
    await conflict.waitFor();
    expect(await conflict.locator('[data-version="mine"]').allTextContents()).toEqual(['Bram: vraag naar een recent voorbeeld']);
    expect(await conflict.locator('[data-version="theirs"]').allTextContents()).toEqual(['Anna: laat een casus uit 2025 toelichten']);
    await checked(bram, 'oordeel (412: kiezen)', 'judgement-conflict');
    await conflict.getByRole('radio', { name: 'Mijn versie (hier getypt)' }).check();
    await conflict.getByRole('button', { name: 'Keuze opslaan' }).click();
    await bram.getByText('Opgeslagen (versie 3)').waitFor();
    const v3 = (await office(p).get(`/assessments/${id}/judgement`).set(a1.auth).expect(200)).body as { version: number; content: { criteria: Record<string, { motivation: string }> } };
    expect(v3.version).toBe(3);
    expect(v3.content.criteria[competence]!.motivation).toBe('Bram: vraag naar een recent voorbeeld');
    // What only Anna changed merged by itself.
    expect(v3.content.criteria['C.TASK.3']!.motivation).toBe('Navragen: hoe werd het traject afgerond?');

    // Both agree to version 3: final, the dossier is judged.
    await bram.getByRole('button', { name: 'Akkoord met versie 3' }).click();
    await bram.getByText('Je hebt akkoord gegeven op deze versie').waitFor();
    await anna.reload();
    await anna.getByText('Bram Beoordelaar: akkoord met versie 3').waitFor();
    await anna.getByRole('button', { name: 'Akkoord met versie 3' }).click();
    await anna.getByText('Het gezamenlijk oordeel ligt vast').waitFor();
    expect((await office(p).get(`/assessments/${id}`).set(a1.auth).expect(200)).body.status).toBe('judged');
    await checked(anna, 'oordeel (vast)', 'judgement-final');

    // Slots on the week calendar: two days in one go, in Amsterdam time.
    await anna.getByRole('link', { name: 'Naar het certificeringsgesprek' }).click();
    await anna.getByRole('heading', { level: 1, name: /^Certificeringsgesprek/ }).waitFor();
    await anna.getByText('De kandidaat heeft nog geen tijdslot gekozen').waitFor();
    await checked(anna, 'gesprek (nog geen tijdsloten)', 'interview-empty');
    const goToWeek = async (date: string) => {
      await anna.getByLabel('Ga naar de week van').fill(date);
      await anna.getByRole('button', { name: 'Toon', exact: true }).click();
    };
    await goToWeek('2026-12-03');
    await anna.getByRole('heading', { name: 'Week van maandag 30 november 2026' }).waitFor();
    await anna.getByLabel('Kies deze dag: donderdag 3 december 2026').check();
    await anna.getByLabel('Kies deze dag: vrijdag 4 december 2026').check();
    await anna.getByLabel('Begintijd (Nederlandse tijd)').fill('14:00');
    await anna.getByLabel('Duur in minuten').fill('90');
    await anna.getByLabel('Link van het online gesprek (https)').fill('https://meet.example.nl/rlp');
    await checked(anna, 'gesprek (dagen gekozen)', 'interview-choose');
    await anna.getByRole('button', { name: 'Tijdsloten aanbieden' }).click();
    await anna.getByText('2 tijdsloten aangeboden').waitFor();
    const day = (date: string) => anna.locator(`li[data-date="${date}"]`);
    await day('2026-12-03').getByText('14:00–15:30').waitFor();
    expect(await day('2026-12-03').textContent()).toContain('Aangeboden');
    let slots = (await office(p).get(`/assessments/${id}/slots`).set(a1.auth).expect(200)).body.slots as Array<{ id: string; startsAt: string; status: string; local: { date: string } }>;
    expect(slots.map((s) => s.startsAt)).toEqual(['2026-12-03T13:00:00.000Z', '2026-12-04T13:00:00.000Z']);
    await checked(anna, 'gesprek (aangeboden)', 'interview-offered');

    // The week of 28 March 2027, when summer time starts: the local times are as entered.
    await goToWeek('2027-03-28');
    await anna.getByRole('heading', { name: 'Week van maandag 22 maart 2027' }).waitFor();
    await anna.getByText('In deze week gaat de zomertijd in').waitFor();
    expect(await anna.locator('li[data-date]').count()).toBe(7);
    await anna.getByLabel('Kies deze dag: vrijdag 26 maart 2027').check();
    await anna.getByLabel('Kies deze dag: zondag 28 maart 2027').check();
    await anna.getByLabel('Begintijd (Nederlandse tijd)').fill('10:00');
    await anna.getByLabel('Duur in minuten').fill('60');
    await anna.getByLabel('Op locatie').check();
    await anna.getByLabel('Adres', { exact: true }).fill('Noloc, Stationsplein 1, Utrecht');
    await anna.getByRole('button', { name: 'Tijdsloten aanbieden' }).click();
    await anna.getByText('2 tijdsloten aangeboden').waitFor();
    await day('2027-03-28').getByText('10:00–11:00').waitFor();
    expect(await day('2027-03-26').getByText('10:00–11:00').count()).toBe(1);
    slots = (await office(p).get(`/assessments/${id}/slots`).set(a1.auth).expect(200)).body.slots;
    // CET (+01:00) on Friday, CEST (+02:00) on Sunday: one local hour, two UTC hours.
    expect(slots.filter((s) => s.local.date.startsWith('2027-03')).map((s) => s.startsAt)).toEqual(['2027-03-26T09:00:00.000Z', '2027-03-28T08:00:00.000Z']);
    await checked(anna, 'gesprek (zomertijdweek)', 'interview-dst');
    // And the week summer time ends shows that too.
    await goToWeek('2026-10-25');
    await anna.getByText('In deze week eindigt de zomertijd').waitFor();

    // Withdraw an unbooked slot.
    await goToWeek('2027-03-26');
    await anna.getByRole('button', { name: 'Intrekken: vrijdag 26 maart 2027 10:00' }).click();
    await day('2027-03-26').getByText('Geen tijdsloten').waitFor();
    slots = (await office(p).get(`/assessments/${id}/slots`).set(a1.auth).expect(200)).body.slots;
    expect(slots.find((s) => s.startsAt === '2027-03-26T09:00:00.000Z')?.status).toBe('withdrawn');

    // The candidate books the Thursday slot (candidate API); the assessor sees it and downloads the invitation.
    const thursday = slots.find((s) => s.startsAt === '2026-12-03T13:00:00.000Z')!;
    const friday = slots.find((s) => s.startsAt === '2026-12-04T13:00:00.000Z')!;
    await api(p).post(`/portfolios/${id}/interview/booking`).set(c.auth).send({ slotId: thursday.id }).expect(201);
    await anna.reload();
    const booking = anna.getByTestId('booking');
    await booking.waitFor();
    expect(await booking.textContent()).toContain('donderdag 3 december 2026 om 14:00');
    expect(await booking.textContent()).toContain('https://meet.example.nl/rlp');
    await goToWeek('2026-12-03');
    await day('2026-12-03').getByText('Geboekt door de kandidaat').waitFor();
    await checked(anna, 'gesprek (geboekt)', 'interview-booked');
    const pending = anna.waitForEvent('download');
    await anna.getByRole('link', { name: 'Agenda-uitnodiging downloaden (.ics)' }).click();
    const ics = readFileSync(await (await pending).path(), 'utf8');
    expect(ics).toContain('BEGIN:VCALENDAR');
    expect(ics).toContain('DTSTART:20261203T130000Z');

    // The candidate moves it; the assessor sees the move, then cancels with a reason.
    await api(p).post(`/portfolios/${id}/interview/booking`).set(c.auth).send({ slotId: friday.id }).expect(201);
    await anna.reload();
    await anna.getByTestId('booking').getByText(/vrijdag 4 december 2026 om 14:00/).waitFor();
    await anna.getByLabel('Reden (de kandidaat ziet deze)').fill('Assessor ziek');
    await anna.getByRole('button', { name: 'Gesprek annuleren' }).click();
    await anna.getByText('Het gesprek is geannuleerd.').waitFor();
    await anna.getByText('De kandidaat heeft nog geen tijdslot gekozen').waitFor();
    expect((await office(p).get(`/assessments/${id}`).set(a1.auth).expect(200)).body.status).toBe('judged');
    await checked(anna, 'gesprek (geannuleerd)', 'interview-cancelled');
    await api(p).post(`/portfolios/${id}/interview/booking`).set(c.auth).send({ slotId: thursday.id }).expect(201);

    // Before the start: the record waits.
    await open(anna, `/dossiers/${id}/verslag`, 'Verslag van het gesprek');
    await anna.getByText('Het verslag kan worden vastgelegd zodra het geboekte gesprek is begonnen').waitFor();
    await checked(anna, 'verslag (voor de starttijd)', 'record-before');
    // Own preparation notes before the start; the co-assessor does not see them yet.
    await anna.getByLabel(`Aantekeningen bij: ${label('C.TASK.3')}`).fill('Vraag naar de afsluitende evaluatie');
    await anna.getByRole('button', { name: 'Aantekeningen opslaan' }).click();
    await anna.getByText('Aantekeningen opgeslagen').waitFor();
    await open(bram, `/dossiers/${id}/verslag`, 'Verslag van het gesprek');
    await bram.getByRole('heading', { name: 'Mijn voorbereiding' }).waitFor();
    expect(await bram.getByText('Vraag naar de afsluitende evaluatie').count()).toBe(0);
    expect(await bram.getByRole('heading', { name: 'Voorbereiding van Anna Assessor' }).count()).toBe(0);

    // After the interview time: findings per agenda item and the advice; both agree.
    await setClock(new Date('2026-12-03T15:00:00Z'));
    await open(anna, `/dossiers/${id}/gesprek`, 'Certificeringsgesprek');
    await anna.getByText('Het gesprek is begonnen of voorbij').waitFor();
    await checked(anna, 'gesprek (na de starttijd)', 'interview-started');
    await anna.getByRole('link', { name: 'Naar het verslag van het gesprek' }).click();
    await anna.getByRole('heading', { level: 1, name: /^Verslag van het gesprek/ }).waitFor();
    await anna.getByLabel(`Bevinding: ${label('C.TASK.3')}`).fill('Afronding helder toegelicht');
    await anna.getByLabel(`Bevinding: ${label(competence)}`).fill('Overtuigend voorbeeld gegeven');
    await anna.getByLabel('Positief: certificeren').check();
    await anna.getByLabel('Motivering van het advies').fill('Alle criteria aangetoond na het gesprek');
    await anna.getByRole('button', { name: 'Opslaan', exact: true }).click();
    await anna.getByText('Opgeslagen (versie 1)').waitFor();
    await checked(anna, 'verslag (opgeslagen)', 'record-saved');

    await open(bram, `/dossiers/${id}/verslag`, 'Verslag van het gesprek');
    await bram.getByLabel(`Bevinding: ${label('C.TASK.3')}`).waitFor();
    expect(await bram.getByLabel(`Bevinding: ${label('C.TASK.3')}`).inputValue()).toBe('Afronding helder toegelicht');
    // From the start time on, each sees the other's preparation.
    await bram.getByRole('heading', { name: 'Voorbereiding van Anna Assessor' }).waitFor();
    expect(await bram.getByText('Vraag naar de afsluitende evaluatie').count()).toBe(1);
    await bram.getByRole('button', { name: 'Akkoord met versie 1' }).click();
    await bram.getByText('Je hebt akkoord gegeven op deze versie').waitFor();
    await checked(bram, 'verslag (akkoord B)', 'record-agreed-b');
    await anna.reload();
    await anna.getByRole('button', { name: 'Akkoord met versie 1' }).click();
    await anna.getByText('Het verslag ligt vast').waitFor();
    expect((await office(p).get(`/assessments/${id}`).set(a1.auth).expect(200)).body.status).toBe('interview_held');
    await checked(anna, 'verslag (vast)', 'record-final');
  });

  it('keeps what is typed while a save is under way, merges a 412 with the newest typing, and clears drafts on logout', async () => {
    const admin = await person(p, 'admin', 'Noloc');
    const [x, y] = [await person(p, 'assessor', 'Bureau Oost', 'Olga Oosterhuis'), await person(p, 'assessor', 'Bureau West', 'Wim Westra')];
    const d = await submittedDossier(p, TODAY);
    const id = d.portfolioId;
    for (const a of [x, y]) {
      expect((await assign(p, admin, id, a)).status).toBe(201);
      await declare(p, a, id);
      await scoreAndSubmit(p, a, id);
    }
    const criteria = (await office(p).get(`/assessments/${id}/scoring`).set(x.auth).expect(200)).body.criteria as Array<{ code: string; label: { nl: string } }>;
    const labelA = criteria.find((c) => c.code === 'A')!.label.nl;
    const olga = await loggedIn(x);
    await open(olga, `/dossiers/${id}/oordeel`, 'Gezamenlijk oordeel');
    const motivationA = group(olga, labelA).getByLabel('Motivering');
    await motivationA.waitFor();

    // The save is held on the way back; Olga types on meanwhile.
    let release: () => void = () => undefined;
    const held = new Promise<void>((r) => (release = r));
    const judgementUrl = (url: URL) => url.pathname === `/assessments/${id}/judgement`;
    await olga.route(judgementUrl, async (route) => {
      if (route.request().method() !== 'PUT') return route.continue();
      const response = await route.fetch();
      await held;
      await route.fulfill({ response });
    });
    await motivationA.fill('Eerste tekst');
    await olga.getByRole('button', { name: 'Opslaan', exact: true }).click();
    await olga.getByText('Bezig met opslaan…').waitFor();
    await motivationA.fill('Tweede tekst, getypt tijdens het opslaan');
    release();
    await olga.getByText('Niet opgeslagen wijzigingen').waitFor();
    await olga.unroute(judgementUrl);
    expect(await motivationA.inputValue()).toBe('Tweede tekst, getypt tijdens het opslaan');
    const v1 = (await office(p).get(`/assessments/${id}/judgement`).set(x.auth).expect(200)).body as { version: number; etag: string; content: { criteria: Record<string, { verdict: string; motivation?: string }> } };
    expect(v1.version).toBe(1);
    expect(v1.content.criteria['A']!.motivation).toBe('Eerste tekst');

    // Wim saves another text meanwhile: Olga's page says so, as a status message.
    await office(p).put(`/assessments/${id}/judgement`).set(y.auth).set('If-Match', v1.etag).send({ criteria: { ...v1.content.criteria, A: { verdict: v1.content.criteria['A']!.verdict, motivation: 'Wim: een andere tekst' } } }).expect(200);
    // The page looks every 10 s; on a busy machine that can take a while.
    await olga.getByRole('status').filter({ hasText: 'Je medeassessor heeft intussen een nieuwe versie opgeslagen' }).waitFor({ timeout: 90_000 });
    await checked(olga, 'oordeel (getypt tijdens opslaan, nieuwere versie elders)', 'judgement-typed-while-saving');
    // The 412 puts the newest typing against Wim's text; after the choice the focus is on the field.
    await olga.getByRole('button', { name: 'Opslaan', exact: true }).click();
    const conflict = olga.getByRole('alert').filter({ hasText: 'Intussen is een andere versie opgeslagen' });
    await conflict.waitFor();
    expect(await conflict.locator('[data-version="mine"]').allTextContents()).toEqual(['Tweede tekst, getypt tijdens het opslaan']);
    await conflict.getByRole('button', { name: 'Keuze opslaan' }).click();
    await olga.getByText('Opgeslagen (versie 3)').waitFor();
    expect(await olga.evaluate('document.activeElement && document.activeElement.id')).toBe('motivation-A');
    expect((await office(p).get(`/assessments/${id}/judgement`).set(x.auth).expect(200)).body.content.criteria['A'].motivation).toBe('Tweede tekst, getypt tijdens het opslaan');

    // An unsaved draft is the account's own, and logging out removes it (the language choice stays).
    await motivationA.fill('Niet opgeslagen van Olga');
    await olga.getByText('Niet opgeslagen wijzigingen').waitFor();
    await olga.evaluate("localStorage.setItem('rlp.lang', 'nl')");
    expect(await olga.evaluate('Object.keys(localStorage).filter((k) => k.startsWith("rlp.joint."))')).toEqual([`rlp.joint.${id}.judgement.${x.id}`]);
    // Logging out with unsaved typing asks first; declined, nothing happens.
    olga.once('dialog', (dialog) => void dialog.dismiss());
    await olga.getByRole('button', { name: 'Uitloggen' }).click();
    expect(olga.url()).toContain('/oordeel');
    expect(await olga.evaluate('Object.keys(localStorage).filter((k) => k.startsWith("rlp.joint."))')).toEqual([`rlp.joint.${id}.judgement.${x.id}`]);
    let asked = '';
    olga.once('dialog', (dialog) => {
      asked = dialog.message();
      void dialog.accept();
    });
    await olga.getByRole('button', { name: 'Uitloggen' }).click();
    await olga.waitForURL(/\/inloggen/);
    expect(asked).toMatch(/^Op dit apparaat staan nog wijzigingen die niet zijn opgeslagen/);
    expect(await olga.evaluate('Object.keys(localStorage).filter((k) => k.startsWith("rlp."))')).toEqual(['rlp.lang']);
    // Wim logs in on the same browser: he finds the saved version, not Olga's typing.
    expect((await olga.context().request.post(`${assessorBase}/auth/session`, { data: await sessionData(p, y) })).status()).toBe(200);
    await open(olga, `/dossiers/${id}/oordeel`, 'Gezamenlijk oordeel');
    await motivationA.waitFor();
    expect(await motivationA.inputValue()).toBe('Tweede tekst, getypt tijdens het opslaan');
    expect(await olga.getByText('Niet opgeslagen wijzigingen').count()).toBe(0);
  });

  it("merges preparation notes per agenda item with another tab's save (412), and keeps a local draft", async () => {
    const admin = await person(p, 'admin', 'Noloc');
    const [x, y] = [await person(p, 'assessor', 'Bureau Oost', 'Olga Oosterhuis'), await person(p, 'assessor', 'Bureau West', 'Wim Westra')];
    const d = await submittedDossier(p, TODAY);
    const id = d.portfolioId;
    for (const a of [x, y]) {
      expect((await assign(p, admin, id, a)).status).toBe(201);
      await declare(p, a, id);
      await scoreAndSubmit(p, a, id);
    }
    await judge(p, [x, y], id, { A: { verdict: 'te_bevragen', motivation: 'Uren navragen' }, 'C.TASK.3': { verdict: 'te_bevragen', motivation: 'Afronding navragen' } });
    const criteria = (await office(p).get(`/assessments/${id}/scoring`).set(x.auth).expect(200)).body.criteria as Array<{ code: string; label: { nl: string } }>;
    const label = (code: string) => criteria.find((c) => c.code === code)!.label.nl;
    const olga = await loggedIn(x);
    await open(olga, `/dossiers/${id}/verslag`, 'Verslag van het gesprek');
    const noteA = olga.getByLabel(`Aantekeningen bij: ${label('A')}`);
    const noteC = olga.getByLabel(`Aantekeningen bij: ${label('C.TASK.3')}`);
    await noteA.fill('Mijn vraag over de uren');
    const prep = (etag: string, notes: Record<string, string>) => office(p).put(`/assessments/${id}/preparation`).set(x.auth).set('If-Match', etag).send({ notes }).expect(200);
    // Another tab saves a note on the other item: saving here keeps both.
    await prep('"preparation.0"', { 'C.TASK.3': 'Uit het andere tabblad' });
    await olga.getByRole('button', { name: 'Aantekeningen opslaan' }).click();
    await olga.getByText('Aantekeningen opgeslagen').waitFor();
    expect((await office(p).get(`/assessments/${id}/preparation`).set(x.auth).expect(200)).body.notes).toEqual({ A: 'Mijn vraag over de uren', 'C.TASK.3': 'Uit het andere tabblad' });
    expect(await noteC.inputValue()).toBe('Uit het andere tabblad');

    // Both change the same item: only that one is put to her; the focus goes to its field after the choice.
    await noteC.fill('Mijn versie bij de afronding');
    await prep('"preparation.2"', { A: 'Mijn vraag over de uren', 'C.TASK.3': 'Het andere tabblad wijzigt dit' });
    await olga.getByRole('button', { name: 'Aantekeningen opslaan' }).click();
    const conflict = olga.getByRole('alert').filter({ hasText: 'Intussen is een andere versie opgeslagen' });
    await conflict.waitFor();
    expect(await conflict.locator('fieldset').count()).toBe(1);
    expect(await conflict.locator('[data-version="theirs"]').allTextContents()).toEqual(['Het andere tabblad wijzigt dit']);
    await checked(olga, 'verslag (voorbereiding, 412: kiezen)', 'preparation-conflict');
    await conflict.getByRole('button', { name: 'Keuze opslaan' }).click();
    await olga.getByText('Aantekeningen opgeslagen').waitFor();
    expect(await olga.evaluate('document.activeElement && document.activeElement.id')).toBe('prep-C.TASK.3');
    expect((await office(p).get(`/assessments/${id}/preparation`).set(x.auth).expect(200)).body.notes).toEqual({ A: 'Mijn vraag over de uren', 'C.TASK.3': 'Mijn versie bij de afronding' });

    // Unsaved notes survive a reload.
    await noteA.fill('Nog niet opgeslagen');
    await olga.getByText('Niet opgeslagen aantekeningen').waitFor();
    await olga.reload();
    await noteA.waitFor();
    expect(await noteA.inputValue()).toBe('Nog niet opgeslagen');
    await checked(olga, 'verslag (voorbereiding, lokaal concept)', 'preparation-draft');
  });

  it('records after the start time that the candidate did not come, and the interview is planned again', async () => {
    const admin = await person(p, 'admin', 'Noloc');
    const [x, y] = [await person(p, 'assessor', 'Bureau Noord', 'Noor Noordhoek'), await person(p, 'assessor', 'Bureau Zuid', 'Sem Zuidema')];
    const d = await judgedDossier(p, TODAY, admin, [x, y]);
    const slot = await office(p).post(`/assessments/${d.portfolioId}/slots`).set(x.auth).send({ date: '2026-12-10', time: '09:00', durationMinutes: 60, address: 'Utrecht' }).expect(201);
    await api(p).post(`/portfolios/${d.portfolioId}/interview/booking`).set(d.c.auth).send({ slotId: slot.body.id }).expect(201);
    const noor = await loggedIn(x);
    await setClock(new Date('2026-12-10T09:30:00Z'));
    await open(noor, `/dossiers/${d.portfolioId}/gesprek`, 'Certificeringsgesprek');
    await noor.getByRole('heading', { name: 'Het gesprek ging niet door?' }).waitFor();
    // Before the start the interview could be cancelled; now only this path is offered.
    expect(await noor.getByRole('button', { name: 'Gesprek annuleren' }).count()).toBe(0);
    await noor.getByLabel('Niet verschenen').check();
    await noor.getByLabel('De kandidaat').check();
    await noor.getByLabel('Reden (voor zover bekend)').fill('Niet verschenen, geen bericht ontvangen');
    await noor.getByLabel('Nieuwe tijdsloten aanbieden').check();
    await checked(noor, 'gesprek (niet doorgegaan, formulier)', 'interview-missed-form');
    await noor.getByRole('button', { name: 'Vastleggen' }).click();
    await noor.getByRole('heading', { name: 'Gesprekken die niet doorgingen' }).waitFor();
    await noor.getByText('De kandidaat heeft nog geen tijdslot gekozen').waitFor();
    expect(await noor.getByText('Niet verschenen, geen bericht ontvangen').count()).toBe(1);
    expect((await office(p).get(`/assessments/${d.portfolioId}`).set(x.auth).expect(200)).body.status).toBe('judged');
    await checked(noor, 'gesprek (niet doorgegaan, vastgelegd)', 'interview-missed');
  });
});
