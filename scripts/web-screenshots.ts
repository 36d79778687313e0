/**
 * `npm run screenshots`: screenshots of the main pages of both portals and the public register into
 * docs/screenshots/, taken in Debian's Chromium against a running platform (`npm start`, demo
 * data). BASE_URL and ASSESSOR_URL choose other addresses. It declares the first demo assessor's
 * independence on the demo dossier (to show the portfolio and the scoring form): run it on a
 * fresh DATA_DIR if the demo dossier should stay untouched.
 */
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

const base = process.env['BASE_URL'] ?? 'http://localhost:3000';
const assessorBase = process.env['ASSESSOR_URL'] ?? 'http://localhost:3001';
const outDir = resolve(process.cwd(), 'docs', 'screenshots');

async function login(page: Page, email: string, password: string): Promise<void> {
  await page.goto(`${base}/inloggen`);
  await page.getByLabel('E-mailadres').fill(email);
  await page.getByLabel('Wachtwoord').fill(password);
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await page.getByRole('heading', { level: 1, name: /Mijn dossier/ }).waitFor();
}

async function shot(page: Page, name: string, path: string, ready: (p: Page) => Promise<unknown>, origin = base): Promise<void> {
  await page.goto(`${origin}${path}`);
  await ready(page);
  await page.waitForLoadState('networkidle');
  await page.screenshot({ path: join(outDir, `${name}.png`), fullPage: false });
  console.log(`screenshots: ${name}.png (${path})`);
}

async function main(): Promise<void> {
  await mkdir(outDir, { recursive: true });
  const browser = await chromium.launch({
    executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'nl-NL', timezoneId: 'Europe/Amsterdam' });
    const page = await context.newPage();
    await shot(page, '01-inloggen', '/inloggen', (p) => p.getByRole('button', { name: 'Inloggen' }).waitFor());
    await login(page, 'kandidaat@demo.rlp.local', 'demo-kandidaat-2026');
    await shot(page, '02-mijn-dossier', '/', (p) => p.locator('.rlp-parts').waitFor());
    const portfolio = await page.locator('a', { hasText: 'Verder met je portfolio' }).getAttribute('href');
    await shot(page, '03-portfolio-overzicht', portfolio!, (p) => p.getByRole('heading', { name: 'Wat nog ontbreekt' }).waitFor());
    await shot(page, '04-casus-1', `${portfolio}/casus-1`, (p) => p.locator('form.rlp-form').waitFor());
    await shot(page, '05-opleiding', `${portfolio}/opleiding`, (p) => p.locator('form.rlp-form').waitFor());
    await shot(page, '06-verklaringen', `${portfolio}/verklaringen`, (p) => p.locator('#veld-gedragscode-accept').waitFor());
    await shot(page, '07-documenten', '/documenten', (p) => p.getByRole('heading', { name: 'Documenten uploaden' }).waitFor());
    await shot(page, '08-indienen', `${portfolio}/indienen`, (p) => p.getByRole('button', { name: 'Portfolio definitief indienen' }).waitFor());
    await context.clearCookies();
    await login(page, 'kandidaat2@demo.rlp.local', 'demo-kandidaat2-2026');
    const dossier = await page.locator('a', { hasText: 'Naar je dossier' }).getAttribute('href');
    await shot(page, '09-dossier-ingediend', dossier!, (p) => p.getByTestId('dossier-status').waitFor());
    const mobile = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'nl-NL', timezoneId: 'Europe/Amsterdam' });
    const m = await mobile.newPage();
    await login(m, 'kandidaat@demo.rlp.local', 'demo-kandidaat-2026');
    await shot(m, '10-mobiel-casus-1', `${portfolio}/casus-1`, (p) => p.locator('form.rlp-form').waitFor());
    await mobile.close();
    await context.close();
    await assessorPortal(browser);
  } finally {
    await browser.close();
  }
}

/** The portal of assessors and the office (port 3001), and the public register page. */
async function assessorPortal(browser: Browser): Promise<void> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'nl-NL', timezoneId: 'Europe/Amsterdam' });
  const page = await context.newPage();
  const at = assessorBase;
  const loginAt = async (email: string, password: string, landing: RegExp) => {
    await context.clearCookies();
    await page.goto(`${at}/inloggen`);
    await page.getByLabel('E-mailadres').fill(email);
    await page.getByLabel('Wachtwoord').fill(password);
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await page.waitForURL(landing);
  };
  await shot(page, '20-assessor-inloggen', '/inloggen', (p) => p.getByRole('button', { name: 'Inloggen' }).waitFor(), at);
  await loginAt('assessor1@demo.rlp.local', 'demo-assessor1-2026', /\/dossiers$/);
  await shot(page, '21-assessor-mijn-dossiers', '/dossiers', (p) => p.getByRole('heading', { level: 1, name: 'Mijn dossiers' }).waitFor(), at);
  const dossier = await page.locator('main a[href^="/dossiers/"]').first().getAttribute('href');
  await shot(page, '22-assessor-onafhankelijkheid', dossier!, (p) => p.getByRole('heading', { level: 1 }).waitFor(), at);
  const declare = page.getByRole('button', { name: 'Ik verklaar dat ik onafhankelijk ben' });
  if (await declare.count()) {
    await declare.click();
    await declare.waitFor({ state: 'detached' });
  }
  await shot(page, '23-assessor-portfolio', `${dossier}/portfolio`, (p) => p.getByRole('heading', { level: 1 }).waitFor(), at);
  await shot(page, '24-assessor-beoordeling', `${dossier}/beoordeling`, (p) => p.locator('textarea').first().waitFor(), at);
  await loginAt('bureau@demo.rlp.local', 'demo-bureau-2026', /\/bureau$/);
  await shot(page, '30-bureau-dossiers', '/bureau', (p) => p.getByRole('heading', { level: 1, name: 'Dossiers' }).waitFor(), at);
  const officeDossier = await page.locator('main a[href^="/bureau/dossiers/"]').first().getAttribute('href');
  if (officeDossier) await shot(page, '31-bureau-dossier', officeDossier, (p) => p.getByRole('heading', { level: 1 }).waitFor(), at);
  await shot(page, '32-bureau-accounts', '/bureau/accounts', (p) => p.getByRole('heading', { level: 1 }).waitFor(), at);
  await shot(page, '33-bureau-reglementen', '/bureau/reglementen', (p) => p.getByRole('heading', { level: 1, name: 'Reglementen' }).waitFor(), at);
  await shot(page, '34-bureau-toetsingskaders', '/bureau/toetsingskaders', (p) => p.getByRole('heading', { level: 1 }).waitFor(), at);
  await shot(page, '35-bureau-audittrail', '/bureau/audit', (p) => p.getByRole('heading', { level: 1, name: 'Audittrail' }).waitFor(), at);
  await context.close();
  const noScript = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'nl-NL', javaScriptEnabled: false });
  const register = await noScript.newPage();
  await shot(register, '40-register', '/register?q=Visser', (p) => p.locator('h1').waitFor());
  await noScript.close();
}

main().catch((err: unknown) => {
  console.error('screenshots failed:', err instanceof Error ? err.message : err);
  process.exit(1);
});
