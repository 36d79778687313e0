import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { TestPlatform } from '@rlp/testing';
import { expectAccessible, launchBrowser, startWebPlatform } from './support/browser';

/**
 * Issue 14: the public register as a page on both portals, at the address of the JSON lookup.
 * A browser (Accept prefers text/html) gets a server-rendered page without any script; API
 * clients keep the JSON. The page shows exactly what the API shows, under the same rules.
 */
// Chromium starts and both portals are walked through.
jest.setTimeout(300_000);

const BROWSER_ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8';
const HOSTILE = `<script>alert("x")</script> & "O'Brien"`;

let p: TestPlatform;
let bases: Array<{ app: string; base: string }>;

beforeAll(async () => {
  const web = await startWebPlatform({ now: new Date('2026-11-23T10:00:00Z') });
  p = web.p;
  bases = [
    { app: 'candidate', base: web.base },
    { app: 'assessor', base: web.assessorBase },
  ];
  // Holders of a certificate (valid, and one expired); the foreign keys are not what is tested here.
  await p.db.query(
    `BEGIN;
     SET LOCAL session_replication_role = replica;
     INSERT INTO register_entries (certificate_number, candidate_id, portfolio_id, decision_id, holder_name, starts_on, valid_until, created_at)
       SELECT n, gen_random_uuid(), gen_random_uuid(), gen_random_uuid(), name, starts::date, valid::date, now()
         FROM (VALUES ('RLP-2026-00001', 'Sanne Jansen', '2026-03-02', '2030-03-01'),
                      ('RLP-2026-00002', 'Pieter Janssen', '2026-05-18', '2030-05-17'),
                      ('RLP-2025-00014', 'Fatima Jansen-El Amrani', '2025-01-01', '2028-12-31'),
                      ('RLP-2026-00003', 'Willemijn de Jansz', '2026-09-14', '2030-09-13'),
                      ('RLP-2022-00007', 'Johan Jansen (verlopen)', '2022-01-01', '2025-12-31'),
                      ('RLP-2026-00004', $1, '2026-10-01', '2030-09-30')) AS v(n, name, starts, valid);
     COMMIT;`.replace('$1', `'${HOSTILE.replace(/'/g, "''")}'`),
  );
});
afterAll(() => p?.close());
beforeEach(() => p.clock.advanceMinutes(2)); // a fresh rate-limit window for each test

const apps = () => [
  { name: 'candidate', agent: request(p.candidate.getHttpServer()) },
  { name: 'assessor', agent: request(p.assessor.getHttpServer()) },
];

function expectPageHeaders(res: request.Response): void {
  expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
  expect(res.headers['cache-control']).toBe('no-store');
  expect(res.headers['vary']).toMatch(/\bAccept\b/);
  const csp = String(res.headers['content-security-policy']);
  expect(csp).toContain("default-src 'none'");
  expect(csp).toContain("style-src 'self'");
  expect(csp).not.toContain('unsafe-inline');
  expect(csp).not.toContain('script-src');
  // No script and no inline style anywhere in the page.
  expect(res.text).not.toMatch(/<script|\sstyle=|<style|\son[a-z]+=/i);
}

/** The cells of the result table's rows, as text. */
function rows(html: string): string[][] {
  const body = /<tbody>([\s\S]*?)<\/tbody>/.exec(html)?.[1] ?? '';
  return [...body.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((m) => [...m[1]!.matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((c) => c[1]!.replace(/<[^>]+>/g, '')));
}

describe('register page: HTML for browsers, JSON for API clients (e2e)', () => {
  it('a browser gets the search form in Dutch, with an English switch; nothing is looked up yet', async () => {
    for (const { agent } of apps()) {
      const res = await agent.get('/register').set('Accept', BROWSER_ACCEPT).expect(200);
      expectPageHeaders(res);
      expect(res.text).toMatch(/^<!doctype html>\s*<html lang="nl">/);
      expect(res.text).toContain('<form class="rlp-search" method="get" action="/register" role="search" novalidate>');
      expect(res.text).toContain('<label class="rlp-label" for="q">Naam of certificaatnummer</label>');
      expect(res.text).toContain('<a class="rlp-lang" href="/register?lang&#x3D;en" lang="en" hreflang="en">English</a>');
      expect(res.text).toContain('<link rel="stylesheet" href="/register/register.css">');
      expect(res.text).not.toContain('<table');
      // The same address without a search is a refused lookup for an API client.
      expect((await agent.get('/register').expect(400)).body.code).toBe('REGISTER_QUERY_TOO_SHORT');
    }
  });

  it('shows what the API shows: name, certificate number and valid until (Dutch date), for the same search', async () => {
    for (const { agent } of apps()) {
      const api = await agent.get('/register?q=jans').set('Accept', 'application/json').expect(200);
      const page = await agent.get('/register?q=jans').set('Accept', BROWSER_ACCEPT).expect(200);
      expectPageHeaders(page);
      expect(rows(page.text)).toEqual([
        ['Fatima Jansen-El Amrani', 'RLP-2025-00014', '31 december 2028'],
        ['Pieter Janssen', 'RLP-2026-00002', '17 mei 2030'],
        ['Sanne Jansen', 'RLP-2026-00001', '1 maart 2030'],
        ['Willemijn de Jansz', 'RLP-2026-00003', '13 september 2030'],
      ]);
      const entries = api.body.entries as Array<{ name: string; certificateNumber: string; validUntil: string }>;
      expect(rows(page.text).map((r) => [r[0], r[1]])).toEqual(entries.map((e) => [e.name, e.certificateNumber]));
      expect(page.text).toContain('<time datetime="2028-12-31">31 december 2028</time>');
      expect(page.text).toContain('<th scope="col">Geldig tot en met</th>');
      expect(page.text).toContain('4 inschrijvingen gevonden.');
      // The expired certificate is not shown, and nothing about the holders beyond the three columns.
      expect(page.text).not.toContain('Johan');
      expect(page.text).not.toMatch(/2026-03-02|starts|candidate/i);
      // The search stays in the box, and the language switch keeps it.
      expect(page.text).toContain('value="jans"');
      expect(page.text).toContain('href="/register?lang&#x3D;en&amp;q&#x3D;jans"');
    }
  });

  it('English with ?lang=en: texts, dates and the way back to Dutch', async () => {
    for (const { agent } of apps()) {
      const res = await agent.get('/register?lang=en&q=RLP-2026-00001').set('Accept', BROWSER_ACCEPT).expect(200);
      expect(res.text).toMatch(/<html lang="en">/);
      expect(rows(res.text)).toEqual([['Sanne Jansen', 'RLP-2026-00001', '1 March 2030']]);
      expect(res.text).toContain('<input type="hidden" name="lang" value="en">');
      expect(res.text).toContain('<th scope="col">Valid until</th>');
      expect(res.text).toContain('1 entry found.');
      expect(res.text).toContain('<a class="rlp-lang" href="/register?q&#x3D;RLP-2026-00001" lang="nl" hreflang="nl">Nederlands</a>');
    }
  });

  it('API clients keep the JSON: with Accept application/json, */* or none, and Vary: Accept', async () => {
    for (const { agent } of apps()) {
      for (const accept of ['application/json', '*/*', 'application/json, text/html;q=0.5', undefined]) {
        const req = agent.get('/register?q=sanne');
        const res = await (accept ? req.set('Accept', accept) : req).expect(200);
        expect(res.headers['content-type']).toMatch(/^application\/json/);
        expect(res.headers['vary']).toMatch(/\bAccept\b/);
        expect(res.headers['cache-control']).toBe('no-store');
        expect(res.body).toEqual({ entries: [{ name: 'Sanne Jansen', certificateNumber: 'RLP-2026-00001', validUntil: '2030-03-01' }], more: false });
      }
      // lang changes nothing for JSON; an unknown language is refused like any bad parameter.
      expect((await agent.get('/register?q=sanne&lang=en').expect(200)).body.entries).toHaveLength(1);
      expect((await agent.get('/register?q=sanne&lang=de').expect(400)).body.code).toBe('VALIDATION_FAILED');
    }
  });

  it('escapes a hostile name and a hostile search', async () => {
    for (const { agent } of apps()) {
      const res = await agent.get('/register?q=brien').set('Accept', BROWSER_ACCEPT).expect(200);
      expect(res.text).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &quot;O&#x27;Brien&quot;');
      expect(rows(res.text)).toHaveLength(1);
      expectPageHeaders(res);
      const q = '"><img src=x onerror=alert(1)>';
      const none = await agent.get(`/register?q=${encodeURIComponent(q)}`).set('Accept', BROWSER_ACCEPT).expect(200);
      expectPageHeaders(none);
      expect(none.text).not.toContain('<img');
      expect(none.text).toContain('value="&quot;&gt;&lt;img src&#x3D;x onerror&#x3D;alert(1)&gt;"');
      expect(none.text).toContain('Geen geldige inschrijving gevonden voor „&quot;&gt;&lt;img');
    }
  });

  it('a search shorter than 3 characters gives a clear message tied to the field, not results (400)', async () => {
    for (const { agent } of apps()) {
      for (const q of ['ja', '%20%20j%20%20', '']) {
        const res = await agent.get(`/register?q=${q}`).set('Accept', BROWSER_ACCEPT).expect(400);
        expectPageHeaders(res);
        expect(res.text).toContain('<p class="rlp-field-error" id="q-error">Vul ten minste 3 tekens van de naam in, of het certificaatnummer.</p>');
        expect(res.text).toContain('aria-describedby="q-hint q-error" aria-invalid="true"');
        expect(res.text).not.toContain('<table');
      }
      const en = await agent.get('/register?q=ja&lang=en').set('Accept', BROWSER_ACCEPT).expect(400);
      expect(en.text).toContain('Enter at least 3 characters of the name, or the certificate number.');
      // Other bad input is a page too (a search over 100 characters, an unknown parameter).
      for (const query of [`q=${'a'.repeat(101)}`, 'q=jansen&offset=20', 'q=jansen&lang=de']) {
        const bad = await agent.get(`/register?${query}`).set('Accept', BROWSER_ACCEPT).expect(400);
        expectPageHeaders(bad);
        expect(bad.text).toContain('Deze zoekopdracht kan niet worden uitgevoerd.');
      }
    }
  });

  it('more than 20 matches: the first 20 and a hint to search more precisely', async () => {
    await p.db.query(
      `BEGIN;
       SET LOCAL session_replication_role = replica;
       INSERT INTO register_entries (certificate_number, candidate_id, portfolio_id, decision_id, holder_name, starts_on, valid_until, created_at)
         SELECT 'RLP-2026-1' || lpad(i::text, 4, '0'), gen_random_uuid(), gen_random_uuid(), gen_random_uuid(), 'Bakker ' || lpad(i::text, 2, '0'), '2026-01-01', '2030-01-01', now()
           FROM generate_series(1, 22) AS i;
       COMMIT;`,
    );
    const res = await apps()[0]!.agent.get('/register?q=bakker').set('Accept', BROWSER_ACCEPT).expect(200);
    expect(rows(res.text)).toHaveLength(20);
    expect(res.text).toContain('Er zijn meer dan 20 inschrijvingen gevonden; hier staan de eerste 20.');
  });

  it('too many lookups: a friendly page with status 429 and Retry-After; the form alone does not count', async () => {
    for (const { agent } of apps()) {
      for (let i = 0; i < 3; i++) await agent.get('/register').set('Accept', BROWSER_ACCEPT).expect(200);
      for (let i = 0; i < 30; i++) await agent.get('/register?q=sanne').set('Accept', i % 2 ? BROWSER_ACCEPT : 'application/json').expect(200);
      const limited = await agent.get('/register?q=sanne').set('Accept', BROWSER_ACCEPT).expect(429);
      expectPageHeaders(limited);
      expect(limited.headers['retry-after']).toBe('60');
      expect(limited.text).toContain('<h1 class="rlp-heading-1">Even geduld</h1>');
      expect(limited.text).toContain('U kunt over 60 seconden weer zoeken.');
      expect(limited.text).toContain('<a class="rlp-link" href="/register">Terug naar het zoeken</a>');
      expect(limited.text).not.toContain('Sanne');
      const en = await agent.get('/register?q=sanne&lang=en').set('Accept', BROWSER_ACCEPT).expect(429);
      expect(en.text).toContain('You can search again in 60 seconds.');
      expect((await agent.get('/register?q=sanne').expect(429)).body.code).toBe('REGISTER_RATE_LIMITED');
      // The count is shared by both apps (ADR 0029): the next app starts in a fresh window.
      p.clock.advanceMinutes(1);
    }
  });

  it('serves its stylesheet, cacheable, with the portal palette', async () => {
    for (const { agent } of apps()) {
      const res = await agent.get('/register/register.css').expect(200);
      expect(res.headers['content-type']).toBe('text/css; charset=utf-8');
      expect(res.headers['cache-control']).toBe('public, max-age=3600');
      expect(res.text).toContain('--rlp-petrol-900: #08343d');
    }
  });
});

describe('register page in Chromium without JavaScript, checked with axe (e2e)', () => {
  let browser: Browser;
  let context: BrowserContext;

  /** Only for axe-core, which is itself a script (its timers do not run where scripts are off). */
  let axeContext: BrowserContext;

  /**
   * The page as the scriptless browser has it, checked by axe: the same address opened where
   * scripts may run, after proving it is the same document (the page has no script of its own).
   */
  async function checkAccessible(page: Page, where: string): Promise<void> {
    const twin = await axeContext.newPage();
    try {
      await twin.goto(page.url());
      expect(await twin.content()).toBe(await page.content());
      await expectAccessible(twin, where);
    } finally {
      await twin.close();
    }
  }

  beforeAll(async () => {
    browser = await launchBrowser();
    context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 860 } });
    axeContext = await browser.newContext();
  });
  afterAll(async () => {
    await context?.close();
    await axeContext?.close();
    await browser?.close();
  });

  it('search, results, English, a too-short search and the 429 page, on both portals', async () => {
    for (const { app, base } of bases) {
      const page = await context.newPage();
      await page.goto(`${base}/register`);
      await checkAccessible(page, `${app}: the register page`);
      await page.getByLabel('Naam of certificaatnummer').fill('jans');
      await page.getByRole('button', { name: 'Zoeken' }).click();
      await page.waitForURL(/\/register\?q=jans$/);
      const table = page.getByRole('table', { name: /Gecertificeerd, gezocht op „jans”/ });
      expect(await table.getByRole('row').count()).toBe(5);
      expect(await table.getByRole('rowheader').allTextContents()).toEqual(['Fatima Jansen-El Amrani', 'Pieter Janssen', 'Sanne Jansen', 'Willemijn de Jansz']);
      expect(await table.getByRole('columnheader').allTextContents()).toEqual(['Naam', 'Certificaatnummer', 'Geldig tot en met']);
      await checkAccessible(page, `${app}: results`);
      // docs/screenshots/register.png: written when asked (UPDATE_SCREENSHOTS=1), so a test run leaves the tree as it is.
      const shot = await page.screenshot({ fullPage: true });
      expect(shot.length).toBeGreaterThan(10_000);
      if (app === 'candidate' && process.env['UPDATE_SCREENSHOTS'] === '1') {
        const dir = join(__dirname, '..', 'docs', 'screenshots');
        mkdirSync(dir, { recursive: true });
        writeFileSync(join(dir, 'register.png'), shot);
      }

      await page.getByRole('link', { name: 'English' }).click();
      await page.waitForURL(/lang=en/);
      expect(await page.getAttribute('html', 'lang')).toBe('en');
      expect(await page.getByRole('table', { name: /Certified, searched for “jans”/ }).getByRole('cell', { name: '1 March 2030' }).count()).toBe(1);
      await checkAccessible(page, `${app}: results in English`);

      await page.getByLabel('Name or certificate number').fill('ja');
      await page.getByRole('button', { name: 'Search' }).click();
      await page.waitForURL(/q=ja$/);
      const field = page.getByLabel('Name or certificate number');
      expect(await field.getAttribute('aria-invalid')).toBe('true');
      expect(await page.getByText('Enter at least 3 characters of the name, or the certificate number.').isVisible()).toBe(true);
      expect(((await field.getAttribute('aria-describedby')) ?? '').split(' ')).toEqual(['q-hint', 'q-error']);
      expect(await page.getByRole('table').count()).toBe(0);
      await checkAccessible(page, `${app}: too short`);

      // From the browser's own address (127.0.0.1), as an API client would.
      for (let i = 0; i < 40; i++) await (await fetch(`${base}/register?q=sanne`, { headers: { Accept: 'application/json' } })).arrayBuffer();
      const res = await page.goto(`${base}/register?q=sanne`);
      expect(res?.status()).toBe(429);
      expect(await page.getByRole('heading', { level: 1, name: 'Even geduld' }).isVisible()).toBe(true);
      await checkAccessible(page, `${app}: too many searches`);
      await page.close();
      p.clock.advanceMinutes(2);
    }
  });
});
