/**
 * Issue 16 in a real browser (Debian Chromium via Playwright) against the real platform: the
 * candidate downloads the digital certificate from the dossier page, anyone checks it on the public
 * verification page (pasted, uploaded, via the link), and the office revokes it. Every page and
 * state is checked with axe-core (WCAG 2.1 AA) and photographed (/tmp/credentials-web-*.png).
 */
import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createLocalJWKSet, jwtVerify, type JSONWebKeySet } from 'jose';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { TestPlatform } from '@rlp/testing';
import { expectAccessible, launchBrowser, settle, startWebPlatform } from './support/browser';
import type { Person } from './support/assessment-journey';
import type { Candidate } from './support/candidate-journey';
import { certifiedDossier } from './support/certified-dossier';
import { DecisionDocumentsService } from '../libs/assessment/src/decision-documents.service';
import { certificateHtml } from '../libs/pdf/src/decision-pdf';

/** Screens copied to docs/screenshots when asked (UPDATE_SCREENSHOTS=1), so a test run leaves the tree as it is. */
const DOC_SHOTS: Record<string, string> = {
  'candidate dossier': '60-digitaal-certificaat.png',
  'verify geldig': '61-certificaat-controleren.png',
  'office revoked': '62-bureau-certificaat-ingetrokken.png',
  'certificate with qr': '63-certificaat-qr.png',
};

jest.setTimeout(240_000);

const LONG = String(60 * 24 * 365);
let p: TestPlatform;
let browser: Browser;
let base: string;
let assessorBase: string;
let c: Candidate;
let admin: Person;
let portfolioId: string;
let certificateNumber: string;
let jwt: string;
const shots: string[] = [];

beforeAll(async () => {
  ({ p, base, assessorBase } = await startWebPlatform({ now: new Date('2026-11-23T09:00:00Z'), env: { SESSION_TTL_MINUTES: LONG, SESSION_IDLE_MINUTES: LONG } }));
  browser = await launchBrowser();
  const d = await certifiedDossier(p, '2026-11-23', '2026-12-10');
  ({ c, admin, portfolioId, certificateNumber } = d);
  p.clock.set(new Date('2026-12-11T09:00:00Z'));
});

afterAll(async () => {
  await browser?.close();
  await p?.close();
  if (shots.length > 0) console.log(`screenshots:\n${shots.join('\n')}`);
});

async function checked(page: Page, name: string, { axe = true } = {}): Promise<void> {
  await settle(page);
  if (axe) await expectAccessible(page, name);
  const path = `/tmp/credentials-web-${name.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}.png`;
  await page.screenshot({ path, fullPage: true });
  shots.push(path);
  const doc = DOC_SHOTS[name];
  if (doc && process.env['UPDATE_SCREENSHOTS'] === '1') copyFileSync(path, join(__dirname, '..', 'docs', 'screenshots', doc));
}

async function context(): Promise<BrowserContext> {
  return browser.newContext({ locale: 'nl-NL', timezoneId: 'Europe/Amsterdam', acceptDownloads: true, viewport: { width: 1280, height: 900 } });
}

const verdict = (page: Page) => page.locator('#verdict').textContent();

describe('digital certificates in the portals, in Chromium', () => {
  it('the certificate carries the QR code and the link to its check', async () => {
    const input = await p.candidate.get(DecisionDocumentsService).certificateInput(portfolioId);
    const ctx = await context();
    const page = await ctx.newPage();
    await page.setViewportSize({ width: 794, height: 1123 });
    await page.setContent(certificateHtml(input));
    await page.emulateMedia({ media: 'print' });
    const box = await page.locator('#verification-qr').boundingBox();
    // Printed at 22 mm: about 83 CSS pixels, large enough for a phone camera.
    expect(box!.width).toBeGreaterThan(75);
    expect(await page.locator('#verification-url').textContent()).toBe(input.verificationUrl);
    // A print document, not a web page (its seal and small print are deliberately pale): photographed, not put through axe.
    await checked(page, 'certificate with qr', { axe: false });
    await ctx.close();
  });

  it('the candidate downloads the credential from the dossier page; jose verifies it with the published key', async () => {
    const ctx = await context();
    expect((await ctx.request.post(`${base}/auth/session`, { data: { email: c.email, password: c.password } })).status()).toBe(200);
    const page = await ctx.newPage();
    await page.goto(`${base}/dossier/${portfolioId}`);
    const section = page.getByTestId('credential');
    await section.getByRole('link', { name: 'Digitaal certificaat downloaden (JSON)' }).waitFor();
    await checked(page, 'candidate dossier');
    const [download] = await Promise.all([page.waitForEvent('download'), section.getByRole('link', { name: 'Digitaal certificaat downloaden (JSON)' }).click()]);
    expect(download.suggestedFilename()).toBe(`certificaat-${certificateNumber}.json`);
    const file = JSON.parse(readFileSync((await download.path())!, 'utf8')) as { type: string; id: string };
    expect(file.type).toBe('EnvelopedVerifiableCredential');
    jwt = file.id.replace('data:application/vc+jwt,', '');
    const jwks = (await (await ctx.request.get(`${base}/.well-known/jwks.json`)).json()) as JSONWebKeySet;
    const { payload } = await jwtVerify(jwt, createLocalJWKSet(jwks));
    expect((payload['credentialSubject'] as { licenseNumber: string }).licenseNumber).toBe(certificateNumber);

    // The link to the public check opens in a new tab and says it plainly.
    const [tab] = await Promise.all([ctx.waitForEvent('page'), section.getByRole('link', { name: 'Controlepagina van mijn certificaat' }).click()]);
    await tab.waitForLoadState();
    expect(await verdict(tab)).toBe('Geldig');
    await checked(tab, 'verify via link');
    await ctx.close();
  });

  it('anyone checks a pasted or uploaded credential on the verification page, without logging in', async () => {
    const ctx = await context();
    const page = await ctx.newPage();
    await page.goto(`${base}/verify`);
    await page.getByRole('heading', { level: 1, name: 'Een certificaat controleren' }).waitFor();
    await checked(page, 'verify start');
    // Nothing given: the field says what is missing.
    await page.getByRole('button', { name: 'Controleren' }).click();
    await page.locator('#credential-error').waitFor();
    expect(await page.locator('#credential').getAttribute('aria-invalid')).toBe('true');
    await checked(page, 'verify empty');
    await page.getByLabel('Digitaal certificaat').fill(jwt);
    await page.getByRole('button', { name: 'Controleren' }).click();
    await page.locator('#verdict').waitFor();
    expect(await verdict(page)).toBe('Geldig');
    expect(await page.getByRole('table').textContent()).toContain(certificateNumber);
    await checked(page, 'verify geldig');

    // A changed credential: vervalst, and nothing of its content is shown.
    const [h, body, sig] = jwt.split('.') as [string, string, string];
    const forged = `${h}.${Buffer.from(Buffer.from(body, 'base64url').toString('utf8').replace('2030-12-09T22:59:59Z', '2099-12-31T22:59:59Z')).toString('base64url')}.${sig}`;
    await page.goto(`${base}/verify`);
    await page.getByLabel('Digitaal certificaat').fill(forged);
    await page.getByRole('button', { name: 'Controleren' }).click();
    await page.locator('#verdict').waitFor();
    expect(await verdict(page)).toBe('Vervalst');
    expect(await page.getByRole('table').count()).toBe(0);
    await checked(page, 'verify vervalst');

    // The file itself, in English.
    await page.goto(`${base}/verify?lang=en`);
    await page.getByLabel('Or choose the file').setInputFiles({ name: `certificaat-${certificateNumber}.json`, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({ '@context': ['https://www.w3.org/ns/credentials/v2'], id: `data:application/vc+jwt,${jwt}`, type: 'EnvelopedVerifiableCredential' })) });
    await page.getByRole('button', { name: 'Verify' }).click();
    await page.locator('#verdict').waitFor();
    expect(await verdict(page)).toBe('Valid');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await checked(page, 'verify upload en');
    await ctx.close();
  });

  it('the office revokes the certificate with a reason; the check then says ingetrokken', async () => {
    const ctx = await context();
    const login = await ctx.request.post(`${assessorBase}/auth/session`, { data: { email: admin.email, password: admin.password, totpCode: await p.totpCode(admin as { id: string; totpSecret: string }) } });
    expect(login.status()).toBe(200);
    const page = await ctx.newPage();
    await page.goto(`${assessorBase}/bureau/dossiers/${portfolioId}`);
    const panel = page.getByTestId('credential');
    await panel.waitFor();
    expect(await panel.getByTestId('credential-status').textContent()).toBe('Geldig');
    await checked(page, 'office credential');
    // Without a reason: told so, nothing sent.
    await panel.getByRole('button', { name: 'Certificaat intrekken' }).click();
    await page.locator('#revoke-reason-error').waitFor();
    await checked(page, 'office revoke without reason');
    await panel.getByLabel('Reden van de intrekking').fill('Fraude met het portfolio vastgesteld');
    let question = '';
    page.once('dialog', (dialog) => {
      question = dialog.message();
      void dialog.accept();
    });
    await panel.getByRole('button', { name: 'Certificaat intrekken' }).click();
    await page.getByText('Het certificaat is ingetrokken.').waitFor();
    expect(question).toContain('definitief');
    expect(await panel.getByTestId('credential-status').textContent()).toBe('Ingetrokken');
    expect(await panel.getByTestId('credential-reason').textContent()).toBe('Fraude met het portfolio vastgesteld');
    expect(await panel.getByRole('button', { name: 'Certificaat intrekken' }).count()).toBe(0);
    await checked(page, 'office revoked');
    const events = await p.db.query(`SELECT actor_id FROM audit_events WHERE action = 'credential.revoked'`);
    expect(events).toEqual([{ actor_id: admin.id }]);

    // The public check and the candidate's page say so.
    const verifyPage = await ctx.newPage();
    const id = (await p.db.query<{ id: string }>(`SELECT id FROM credentials`))[0]!.id;
    await verifyPage.goto(`${base}/verify?id=${id}`);
    expect(await verdict(verifyPage)).toBe('Ingetrokken');
    await checked(verifyPage, 'verify ingetrokken');
    await ctx.close();
    const cctx = await context();
    await cctx.request.post(`${base}/auth/session`, { data: { email: c.email, password: c.password } });
    const cpage = await cctx.newPage();
    await cpage.goto(`${base}/dossier/${portfolioId}`);
    await cpage.getByText('Dit certificaat is ingetrokken door het certificeringsbureau op').waitFor();
    await checked(cpage, 'candidate dossier revoked');
    await cctx.close();
  });
});
