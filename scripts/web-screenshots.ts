/**
 * `npm run screenshots`: screenshots of the kandidaatportaal's main pages into docs/screenshots/,
 * taken in Debian's Chromium against a running platform (`npm start`, demo data). BASE_URL
 * chooses another address.
 */
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { chromium, type Page } from 'playwright-core';

const base = process.env['BASE_URL'] ?? 'http://localhost:3000';
const outDir = resolve(process.cwd(), 'docs', 'screenshots');

async function login(page: Page, email: string, password: string): Promise<void> {
  await page.goto(`${base}/inloggen`);
  await page.getByLabel('E-mailadres').fill(email);
  await page.getByLabel('Wachtwoord').fill(password);
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await page.getByRole('heading', { level: 1, name: /Mijn dossier/ }).waitFor();
}

async function shot(page: Page, name: string, path: string, ready: (p: Page) => Promise<unknown>): Promise<void> {
  await page.goto(`${base}${path}`);
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
  } finally {
    await browser.close();
  }
}

main().catch((err: unknown) => {
  console.error('screenshots failed:', err instanceof Error ? err.message : err);
  process.exit(1);
});
