/**
 * The account life cycle in both portals, in a real browser (issue 15, ADR 0020): register → mail →
 * confirm → submit allowed; forgot → mail → reset → log in; change e-mail → mail → confirm. The
 * links are read out of the mail that arrived over SMTP. Every page and state is checked with axe.
 */
import type { Browser, Page } from 'playwright-core';
import request from 'supertest';
import type { CaughtMail } from '../libs/embedded/src/mail-catcher';
import type { TestPlatform } from '@rlp/testing';
import { expectAccessible, launchBrowser, settle, startWebPlatform, waitUntil } from './support/browser';
import { completeSections, createPortfolio, writeSection, type Candidate } from './support/candidate-journey';

jest.setTimeout(240_000);

const TODAY = '2026-11-23';
const SHOTS = process.env['RLP_SCREENSHOTS'];
let p: TestPlatform;
let browser: Browser;
let base: string;
let assessorBase: string;

beforeAll(async () => {
  ({ p, base, assessorBase } = await startWebPlatform({ now: new Date(`${TODAY}T09:00:00Z`), mail: true }));
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await p?.close();
});

async function newPage(): Promise<Page> {
  const context = await browser.newContext({ locale: 'nl-NL', timezoneId: 'Europe/Amsterdam', viewport: { width: 1280, height: 900 } });
  return context.newPage();
}

async function checked(page: Page, where: string): Promise<void> {
  await settle(page);
  await expectAccessible(page, where);
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/${where.replace(/[^\w-]+/g, '_')}.png`, fullPage: true });
}

const mailTo = (to: string, subject: string) => p.mail!.waitFor((m) => m.to.includes(to) && m.subject.startsWith(subject));
function tokenOf(mail: CaughtMail, path: string): string {
  const match = new RegExp(`${path}\\?token=([A-Za-z0-9_-]+)`).exec(mail.text);
  if (!match) throw new Error(`no ${path} link in ${mail.text}`);
  return match[1]!;
}

async function logIn(page: Page, portal: string, email: string, password: string, totp?: () => Promise<string>): Promise<void> {
  await page.goto(`${portal}/inloggen`);
  await page.getByLabel('E-mailadres').fill(email);
  await page.getByLabel('Wachtwoord').fill(password);
  await page.getByRole('button', { name: 'Inloggen' }).click();
  if (totp) {
    await page.getByLabel('Code uit je authenticator-app').fill(await totp());
    await page.getByRole('button', { name: 'Inloggen' }).click();
  }
  await page.waitForURL((url) => !url.pathname.startsWith('/inloggen'));
  // The login page can still be on screen for a moment after the address changed (its "Account aanmaken" link too).
  await page.getByLabel('Wachtwoord', { exact: true }).waitFor({ state: 'detached' });
  await page.locator('main h1').first().waitFor();
}

describe('kandidaatportaal', () => {
  it('register → "check your mailbox" → log in → banner → confirm through the mailed link → submit allowed', async () => {
    const page = await newPage();
    const email = `web-account-${Math.random().toString(36).slice(2, 8)}@test.rlp.local`;
    const password = 'een lange zin als wachtwoord';
    await page.goto(`${base}/registreren`);
    await page.getByLabel('Volledige naam').fill('Sanne Web');
    await page.getByLabel('E-mailadres').fill(email);
    await page.getByLabel('Wachtwoord').fill(password);
    await page.getByRole('button', { name: 'Account aanmaken' }).click();
    await page.getByText('Kijk in je mailbox').waitFor();
    expect(new URL(page.url()).pathname).toBe('/registreren');
    await checked(page, 'registreren (check mailbox)');
    const firstMail = await mailTo(email, 'Bevestig je e-mailadres');

    await page.getByRole('link', { name: 'Inloggen' }).click();
    await logIn(page, base, email, password);
    const banner = page.getByRole('region', { name: 'Bevestig je e-mailadres' });
    await banner.waitFor();
    expect(await banner.textContent()).toContain(email);
    await checked(page, 'home (address not confirmed)');

    // A complete portfolio (through the API, as the same person), then the submit page refuses.
    const login = await request(p.candidate.getHttpServer()).post('/auth/login').send({ email, password }).expect(200);
    const auth = { Authorization: `Bearer ${login.body.token as string}` };
    const me = await request(p.candidate.getHttpServer()).get('/account').set(auth).expect(200);
    const c: Candidate = { id: me.body.id, email, password, token: login.body.token, auth };
    const portfolio = await createPortfolio(p, c);
    const { sections } = await completeSections(p, c, TODAY);
    for (const [section, body] of Object.entries(sections)) expect((await writeSection(p, c, portfolio.id, section, portfolio.etags[section]!, body)).status).toBe(200);

    const submitButton = async () => {
      await page.goto(`${base}/portfolio/${portfolio.id}/indienen`);
      await page.getByRole('button', { name: 'Portfolio definitief indienen' }).waitFor();
      await waitUntil(page, `!document.querySelector('button.utrecht-button--primary-action')?.disabled`);
      return page.getByRole('button', { name: 'Portfolio definitief indienen' });
    };
    await (await submitButton()).click();
    await page.getByText('Bevestig eerst je e-mailadres').first().waitFor();
    await checked(page, 'indienen (address not confirmed)');

    // Send the link again (the first stops working), follow the newest.
    await page.getByRole('button', { name: 'Stuur de link opnieuw' }).click();
    await page.getByText('We hebben een nieuwe link gestuurd').waitFor();
    await checked(page, 'banner (link sent again)');
    const second = await p.mail!.waitFor((m) => m.to.includes(email) && m.subject.startsWith('Bevestig') && m.messageId !== firstMail.messageId);
    await page.goto(`${base}/e-mailadres-bevestigen?token=${tokenOf(firstMail, '/e-mailadres-bevestigen')}`);
    await page.getByText('Deze link is ongeldig').waitFor();
    await checked(page, 'e-mailadres-bevestigen (old link)');
    await page.goto(`${base}/e-mailadres-bevestigen?token=${tokenOf(second, '/e-mailadres-bevestigen')}`);
    await page.getByText('Je e-mailadres is bevestigd').waitFor();
    expect(page.url()).not.toContain('token='); // taken out of the address bar
    await page.getByRole('region', { name: 'Bevestig je e-mailadres' }).waitFor({ state: 'detached' });
    await checked(page, 'e-mailadres-bevestigen (done)');

    await (await submitButton()).click();
    expect(await page.getByTestId('snapshot-hash').textContent()).toMatch(/^[0-9a-f]{64}$/);
    await checked(page, 'indienen (after confirming)');
    expect((await request(p.candidate.getHttpServer()).get(`/portfolios/${portfolio.id}`).set(auth).expect(200)).body.status).toBe('submitted');
  });

  it('forgot → mail → reset (rules, then done) → log in with the new password; the used link says so', async () => {
    const c = await p.account('candidate', { displayName: 'Vergeet Mij' });
    const page = await newPage();
    await page.goto(`${base}/inloggen`);
    await page.getByRole('link', { name: 'Wachtwoord vergeten?' }).click();
    await page.getByRole('heading', { level: 1, name: 'Wachtwoord vergeten' }).waitFor();
    await checked(page, 'wachtwoord-vergeten');
    await page.getByLabel('E-mailadres').fill(c.email);
    await page.getByRole('button', { name: 'Link versturen' }).click();
    await page.getByText('Als er een account met dit e-mailadres is').waitFor();
    await checked(page, 'wachtwoord-vergeten (sent)');

    const token = tokenOf(await mailTo(c.email, 'Nieuw wachtwoord instellen'), '/wachtwoord-herstellen');
    await page.goto(`${base}/wachtwoord-herstellen?token=${token}`);
    await page.getByLabel('Nieuw wachtwoord').waitFor();
    expect(page.url()).not.toContain('token=');
    await checked(page, 'wachtwoord-herstellen');
    await page.getByLabel('Nieuw wachtwoord').fill('wachtwoord123');
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await page.getByText('Dit wachtwoord is te makkelijk te raden').waitFor();
    await checked(page, 'wachtwoord-herstellen (too weak)');
    await page.getByLabel('Nieuw wachtwoord').fill('paarse olifanten dansen op het dak');
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await page.getByText('Je wachtwoord is ingesteld').waitFor();
    await checked(page, 'wachtwoord-herstellen (done)');

    await page.goto(`${base}/wachtwoord-herstellen?token=${token}`);
    await page.getByText('Deze link is al gebruikt').waitFor();
    await checked(page, 'wachtwoord-herstellen (used link)');
    await page.goto(`${base}/wachtwoord-herstellen`);
    await page.getByText('Deze pagina werkt alleen via de link').waitFor();

    await logIn(page, base, c.email, 'paarse olifanten dansen op het dak');
  });

  it('account page: change the e-mail address, confirmed through the link to the new address; change the password', async () => {
    const c = await p.account('candidate', { displayName: 'Wissel Adres' });
    const page = await newPage();
    await logIn(page, base, c.email, c.password);
    await page.getByRole('link', { name: 'Account', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Account' }).waitFor();
    await page.getByText(c.email).first().waitFor();
    await checked(page, 'mijn-account');

    const newEmail = `nieuw-${Math.random().toString(36).slice(2, 8)}@test.rlp.local`;
    await page.getByLabel('Nieuw e-mailadres').fill(newEmail);
    await page.getByRole('region', { name: 'E-mailadres wijzigen' }).getByLabel('Huidig wachtwoord').fill('niet mijn wachtwoord');
    await page.getByRole('button', { name: 'E-mailadres wijzigen' }).click();
    await page.getByText('Het huidige wachtwoord klopt niet').waitFor();
    await checked(page, 'mijn-account (wrong password)');
    await page.getByRole('region', { name: 'E-mailadres wijzigen' }).getByLabel('Huidig wachtwoord').fill(c.password);
    await page.getByRole('button', { name: 'E-mailadres wijzigen' }).click();
    await page.getByText('Kijk in de mailbox van het nieuwe adres').waitFor();
    await page.getByText('Er wacht een wijziging van je e-mailadres').waitFor();
    await checked(page, 'mijn-account (change requested)');

    const token = tokenOf(await mailTo(newEmail, 'Bevestig je nieuwe e-mailadres'), '/nieuw-e-mailadres-bevestigen');
    await page.goto(`${base}/nieuw-e-mailadres-bevestigen?token=${token}`);
    await page.getByText('Je e-mailadres is gewijzigd in').waitFor();
    await checked(page, 'nieuw-e-mailadres-bevestigen (done)');
    await page.goto(`${base}/mijn-account`);
    await page.getByText(newEmail).first().waitFor();

    await page.getByRole('region', { name: 'Wachtwoord wijzigen' }).getByLabel('Huidig wachtwoord').fill(c.password);
    await page.getByRole('region', { name: 'Wachtwoord wijzigen' }).getByLabel('Nieuw wachtwoord').fill('kort');
    await page.getByRole('button', { name: 'Wachtwoord wijzigen' }).click();
    await page.getByText('Het wachtwoord moet minstens 12 tekens hebben').waitFor();
    await checked(page, 'mijn-account (password too short)');
    await page.getByRole('region', { name: 'Wachtwoord wijzigen' }).getByLabel('Nieuw wachtwoord').fill('een gloednieuwe zin voor mij');
    await page.getByRole('button', { name: 'Wachtwoord wijzigen' }).click();
    await page.getByText('Je wachtwoord is gewijzigd').waitFor();
    await checked(page, 'mijn-account (password changed)');
    // This session stays; the old password no longer works.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Account' }).waitFor();
    await request(p.candidate.getHttpServer()).post('/auth/login').send({ email: newEmail, password: c.password }).expect(401);
    await request(p.candidate.getHttpServer()).post('/auth/login').send({ email: newEmail, password: 'een gloednieuwe zin voor mij' }).expect(200);

    // In English, too.
    await page.getByRole('button', { name: 'Switch to English' }).click();
    await page.getByRole('heading', { level: 2, name: 'Change e-mail address' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await checked(page, 'mijn-account (English)');
  });
});

describe('assessor and office portal', () => {
  it('forgot → mail with a link to this portal → reset → log in (with the second factor); account page', async () => {
    const a = await p.account('assessor', { displayName: 'Asse Sor' });
    const page = await newPage();
    await page.goto(`${assessorBase}/inloggen`);
    await page.getByRole('link', { name: 'Wachtwoord vergeten?' }).click();
    await page.getByLabel('E-mailadres').fill(a.email);
    await page.getByRole('button', { name: 'Link versturen' }).click();
    await page.getByText('Als er een account met dit e-mailadres is').waitFor();
    await checked(page, 'assessor: wachtwoord-vergeten (sent)');
    const mail = await mailTo(a.email, 'Nieuw wachtwoord instellen');
    expect(mail.text).toContain(`${p.config.publicUrls.assessor}/wachtwoord-herstellen?token=`);
    await page.goto(`${assessorBase}/wachtwoord-herstellen?token=${tokenOf(mail, '/wachtwoord-herstellen')}`);
    await page.getByLabel('Nieuw wachtwoord').fill('paarse olifanten dansen op het dak');
    await checked(page, 'assessor: wachtwoord-herstellen');
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await page.getByText('Je wachtwoord is ingesteld').waitFor();
    await checked(page, 'assessor: wachtwoord-herstellen (done)');

    await logIn(page, assessorBase, a.email, 'paarse olifanten dansen op het dak', () => p.totpCode(a));
    await page.getByRole('link', { name: 'Account', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Account' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Tweestapsverificatie' }).waitFor();
    await checked(page, 'assessor: mijn-account');
  });
});
