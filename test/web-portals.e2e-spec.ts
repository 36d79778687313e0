/**
 * The portal of assessors and the certification office, served by the assessor API at / (ADR
 * 0016), in Debian Chromium: who may log in there, where each role lands, the shared shell
 * (language switch, log out) and that the kandidaatportaal still works on the shared web code.
 * Every page visited is checked with axe-core (WCAG 2.1 AA).
 */
import type { Browser, Page } from 'playwright-core';
import type { TestAccount, TestPlatform } from '@rlp/testing';
import { enterTotpCode, expectAccessible, launchBrowser, logInWithForm, startWebPlatform } from './support/browser';

jest.setTimeout(120_000);

let p: TestPlatform;
let browser: Browser;
let base: string;
let assessorBase: string;

beforeAll(async () => {
  ({ p, base, assessorBase } = await startWebPlatform({ now: new Date('2026-11-23T09:00:00Z') }));
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await p?.close();
});

async function logIn(page: Page, email: string, password: string): Promise<void> {
  await page.getByLabel('E-mailadres').fill(email);
  await page.getByLabel('Wachtwoord').fill(password);
  await page.getByRole('button', { name: 'Inloggen' }).click();
}

/** The password step, then the code of the authenticator app (assessors and admins, ADR 0021). */
async function logInWithCode(page: Page, who: TestAccount): Promise<void> {
  await logIn(page, who.email, who.password);
  await page.getByLabel('Code uit je authenticator-app').waitFor();
  await expectAccessible(page, 'inloggen (code)');
  await enterTotpCode(page, p, who);
}

describe('the assessor and office portal in Chromium', () => {
  it('sends an assessor to the login page and then to their dossiers; an admin to the office', async () => {
    const assessor = await p.account('assessor', { displayName: 'Pieter Bakker' });
    const admin = await p.account('admin', { displayName: 'Anna de Boer' });
    const context = await browser.newContext({ locale: 'nl-NL', timezoneId: 'Europe/Amsterdam' });
    const page = await context.newPage();

    await page.goto(`${assessorBase}/`);
    await page.waitForURL(/\/inloggen\?terug=%2F$/);
    await page.getByRole('heading', { level: 1, name: 'Inloggen voor assessoren en het certificeringsbureau' }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('nl');
    await expectAccessible(page, 'inloggen');

    // A wrong password: the server's message, in Dutch, and still on the login page.
    await logIn(page, assessor.email, 'niet-het-goede-wachtwoord');
    await page.getByRole('alert').waitFor();
    expect(await page.getByRole('alert').textContent()).not.toMatch(/ \/ /);
    await expectAccessible(page, 'inloggen (fout)');

    await logInWithCode(page, assessor);
    await page.waitForURL(/\/dossiers$/);
    await page.getByRole('heading', { level: 1, name: 'Mijn dossiers' }).waitFor();
    expect(await page.getByText('Pieter Bakker').count()).toBe(1);
    // An assessor has no office menu, and the office's pages say so instead of showing anything.
    expect(await page.getByRole('link', { name: 'Bureau', exact: true }).count()).toBe(0);
    await page.goto(`${assessorBase}/bureau`);
    await page.getByText('Deze pagina is niet voor jouw rol.').waitFor();
    await expectAccessible(page, 'bureau (assessor)');

    // The session is an HttpOnly cookie; logging out ends it on the server.
    const session = (await context.cookies()).find((c) => c.name === 'rlp_session');
    expect(session?.httpOnly).toBe(true);
    expect(session?.sameSite).toBe('Strict');
    await page.getByRole('button', { name: 'Uitloggen' }).click();
    await page.waitForURL(/\/inloggen$/);
    const me = await page.request.get(`${assessorBase}/auth/me`);
    expect(me.status()).toBe(401);

    // The language switch holds across pages; an admin lands on the office.
    await page.getByRole('button', { name: 'Switch to English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Log in for assessors and the certification office' }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await logInWithForm(page, p, admin, 'en');
    await page.waitForURL(/\/bureau$/);
    await page.getByRole('link', { name: 'Office', exact: true }).waitFor();
    await page.getByRole('link', { name: 'My dossiers' }).waitFor();
    await expectAccessible(page, 'bureau (admin, English)');
    await page.screenshot({ path: '/tmp/office-shell.png' });
    await context.close();
  });

  it('refuses a candidate at the assessor portal, and the kandidaatportaal still logs the candidate in', async () => {
    const candidate = await p.account('candidate', { displayName: 'Sanne de Vries' });
    const context = await browser.newContext({ locale: 'nl-NL', timezoneId: 'Europe/Amsterdam' });
    const page = await context.newPage();
    await page.goto(`${assessorBase}/inloggen`);
    await logIn(page, candidate.email, candidate.password);
    await page.getByRole('alert').waitFor();
    expect(page.url()).toMatch(/\/inloggen$/);
    expect((await context.cookies()).some((c) => c.name === 'rlp_session')).toBe(false);

    await page.goto(`${base}/inloggen`);
    await logIn(page, candidate.email, candidate.password);
    await page.getByRole('heading', { level: 1, name: /Mijn dossier/ }).waitFor();
    await expectAccessible(page, 'kandidaatportaal home');
    await context.close();
  });
});
