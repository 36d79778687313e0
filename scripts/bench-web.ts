/**
 * `npm run bench:web`: the kandidaatportaal's speed in Debian's Chromium against a running
 * platform (`npm start`, demo data; BASE_URL to choose another), side by side with a bare page.
 *  1. cold load: a fresh browser context (empty cache) opens the portfolio overview; time until
 *     its checklist is on screen and the page answers input;
 *  2. JavaScript sent for that first page, raw and gzipped (gzip -9 of each script it loaded);
 *  3. typing into a case field that holds 5,000 words: per keystroke, the time from keydown to
 *     the next frame (autosave and the completeness refresh run meanwhile), against a bare textarea.
 * Figures go to stdout; docs/web-frontend.md records them.
 */
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type Page } from 'playwright-core';

const base = process.env['BASE_URL'] ?? 'http://localhost:3000';
const RUNS = Number(process.env['RUNS'] ?? 5);

async function login(page: Page): Promise<string> {
  await page.goto(`${base}/inloggen`);
  await page.getByLabel('E-mailadres').fill('kandidaat@demo.rlp.local');
  await page.getByLabel('Wachtwoord').fill('demo-kandidaat-2026');
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await page.locator('a', { hasText: 'Verder met je portfolio' }).waitFor();
  return (await page.locator('a', { hasText: 'Verder met je portfolio' }).getAttribute('href'))!;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((xs.length * p) / 100))]!;

async function coldLoad(browser: Browser, path: string, cookies: Awaited<ReturnType<import('playwright-core').BrowserContext['cookies']>>) {
  const times: number[] = [];
  let scripts: Array<{ url: string; raw: number; gzip: number }> = [];
  for (let i = 0; i < RUNS; i++) {
    const context = await browser.newContext();
    await context.addCookies(cookies);
    const page = await context.newPage();
    const bodies: Array<{ url: string; raw: number; gzip: number }> = [];
    page.on('response', async (res) => {
      if (res.request().resourceType() === 'script') {
        const b = await res.body().catch(() => Buffer.alloc(0));
        bodies.push({ url: new URL(res.url()).pathname, raw: b.length, gzip: gzipSync(b, { level: 9 }).length });
      }
    });
    const started = Date.now();
    await page.goto(`${base}${path}`);
    await page.getByRole('heading', { name: 'Wat nog ontbreekt' }).waitFor();
    // Interactive: the main thread answers a frame request.
    await page.evaluate('new Promise((r) => requestAnimationFrame(() => r(null)))');
    times.push(Date.now() - started);
    scripts = bodies;
    await context.close();
  }
  return { times, scripts };
}

async function bareLoad(browser: Browser) {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    const started = Date.now();
    // The same server, a response with no script at all: what the network and Chromium cost alone.
    await page.goto(`${base}/health`);
    await page.evaluate('new Promise((r) => requestAnimationFrame(() => r(null)))');
    times.push(Date.now() - started);
    await context.close();
  }
  return times;
}

async function typing(page: Page, selector: string): Promise<number[]> {
  const field = page.locator(selector);
  const words = Array.from({ length: 5000 }, (_, i) => `woord${i % 97}`).join(' ');
  await field.fill(words);
  await page.waitForTimeout(1500);
  // Page-side code as text: the Node project has no DOM types.
  await page.evaluate(`(() => {
    window.__lat = [];
    document.querySelector(${JSON.stringify(selector)}).addEventListener('keydown', () => {
      const t0 = performance.now();
      requestAnimationFrame(() => setTimeout(() => window.__lat.push(performance.now() - t0), 0));
    });
  })()`);
  await field.focus();
  await page.keyboard.press('End');
  for (let i = 0; i < 200; i++) await page.keyboard.type(i % 10 === 9 ? ' ' : 'a', { delay: 15 });
  await page.waitForTimeout(1000);
  return page.evaluate<number[]>('window.__lat');
}

async function main(): Promise<void> {
  const browser = await chromium.launch({
    executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  try {
    const context = await browser.newContext();
    const page = await context.newPage();
    const portfolio = await login(page);
    const cookies = await context.cookies();
    const cold = await coldLoad(browser, portfolio, cookies);
    const bare = await bareLoad(browser);
    const raw = cold.scripts.reduce((a, s) => a + s.raw, 0);
    const gz = cold.scripts.reduce((a, s) => a + s.gzip, 0);
    console.log(`cold load of the portfolio overview (${RUNS} runs, empty cache): median ${median(cold.times)} ms, max ${Math.max(...cold.times)} ms; bare response: median ${median(bare)} ms`);
    console.log(`JavaScript for that page: ${cold.scripts.length} files, ${(raw / 1024).toFixed(1)} kB raw, ${(gz / 1024).toFixed(1)} kB gzipped`);
    for (const s of cold.scripts) console.log(`  ${s.url}  ${(s.raw / 1024).toFixed(1)} kB raw, ${(s.gzip / 1024).toFixed(1)} kB gzip`);
    await page.goto(`${base}${portfolio}/casus-1`);
    await page.locator('#veld-tasks-2-text').waitFor();
    const portal = await typing(page, '#veld-tasks-2-text');
    const barePage = await context.newPage();
    await barePage.goto(`${base}/health`);
    await barePage.setContent('<textarea id="t" rows="10" cols="80"></textarea>');
    const baseline = await typing(barePage, '#t');
    console.log(`typing into a 5,000-word field, keydown → next frame: portal p50 ${median(portal).toFixed(1)} ms, p95 ${pct(portal, 95).toFixed(1)} ms, max ${Math.max(...portal).toFixed(1)} ms; bare textarea p50 ${median(baseline).toFixed(1)} ms, p95 ${pct(baseline, 95).toFixed(1)} ms, max ${Math.max(...baseline).toFixed(1)} ms`);
    // Leave the demo draft as it was: the field goes back to empty (autosave).
    await page.locator('#veld-tasks-2-text').fill('');
    await page.waitForTimeout(2000);
  } finally {
    await browser.close();
  }
}

main().catch((err: unknown) => {
  console.error('bench:web failed:', err instanceof Error ? err.message : err);
  process.exit(1);
});
