/**
 * The kandidaatportaal in a real browser (Debian Chromium via Playwright) against the real
 * platform: the candidate API serving the built front end, embedded PostgreSQL and S3, cookie
 * sessions with CSRF. Every page and state visited is checked with axe-core (WCAG 2.1 AA).
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import request from 'supertest';
import type { TestPlatform } from '@rlp/testing';
import { completePortfolio } from '../libs/rulebook/src/testing/portfolio.factory';
import { expectAccessible, fieldId, launchBrowser, settle, startWebPlatform, waitUntil } from './support/browser';
import { FILES } from './support/candidate-journey';

jest.setTimeout(180_000);

const TODAY = '2026-11-23';
let p: TestPlatform;
let browser: Browser;
let base: string;
const visited = new Set<string>();

beforeAll(async () => {
  ({ p, base } = await startWebPlatform({ now: new Date(`${TODAY}T09:00:00Z`), mail: true }));
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await p?.close();
});

async function checked(page: Page, where: string, { idle = true }: { idle?: boolean } = {}): Promise<void> {
  // Offline, the autosave retries on a timer, so the network never goes idle: the state shown is what is checked.
  if (idle) await settle(page);
  await expectAccessible(page, where);
  visited.add(where);
}

async function register(page: Page, name: string): Promise<{ email: string; password: string }> {
  const email = `web-${Math.random().toString(36).slice(2, 8)}@test.rlp.local`;
  const password = 'een lange zin als wachtwoord';
  await page.goto(`${base}/registreren`);
  await checked(page, 'registreren');
  await page.getByLabel('Volledige naam').fill(name);
  await page.getByLabel('E-mailadres').fill(email);
  await page.getByLabel('Wachtwoord').fill(password);
  await page.getByRole('button', { name: 'Account aanmaken' }).click();
  // The same answer for a new and an existing address (ADR 0020): check your mailbox, then log in.
  await page.getByText('Kijk in je mailbox').waitFor();
  await checked(page, 'registreren (check mailbox)');
  const mail = await p.mail!.waitFor((m) => m.to.includes(email) && m.subject.startsWith('Bevestig je e-mailadres'));
  await page.goto(`${base}/e-mailadres-bevestigen?token=${/\/e-mailadres-bevestigen\?token=([A-Za-z0-9_-]+)/.exec(mail.text)![1]}`);
  await page.getByText('Je e-mailadres is bevestigd').waitFor();
  await page.goto(`${base}/inloggen`);
  await page.getByLabel('E-mailadres').fill(email);
  await page.getByLabel('Wachtwoord').fill(password);
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await page.getByRole('heading', { level: 1, name: /Mijn dossier/ }).waitFor().catch(async (err: Error) => {
    await page.screenshot({ path: '/tmp/rlp-web-failure.png', fullPage: true });
    throw new Error(`${err.message}\n(page text: ${(await page.locator('main').textContent())?.slice(0, 500)})`);
  });
  return { email, password };
}

async function startPortfolio(page: Page): Promise<string> {
  await page.getByRole('button', { name: 'Begin je portfolio' }).click();
  await page.waitForURL(/\/portfolio\/[0-9a-f-]{36}$/);
  return page.url().split('/').pop()!;
}

async function waitSaved(page: Page): Promise<void> {
  await page.locator('[data-save-state="saved"]').waitFor({ timeout: 15_000 });
}

async function uploadViaUi(page: Page, files: Array<{ name: string; bytes: Buffer; mimeType: string }>): Promise<void> {
  await page.goto(`${base}/documenten`);
  await page.locator('#file-input').setInputFiles(files.map((f) => ({ name: f.name, mimeType: f.mimeType, buffer: f.bytes })));
  for (const f of files) await page.locator('.rlp-transfers li', { hasText: f.name }).and(page.locator('[data-phase="done"], [data-phase="refused"]')).waitFor({ timeout: 20_000 });
}

/** Fills a section's form from a value of the rulebook's factory, as a person would: field by field. */
async function fillSection(page: Page, value: Record<string, unknown>, filenames: Record<string, string>, pointer = ''): Promise<void> {
  for (const [key, v] of Object.entries(value)) {
    const p2 = `${pointer}/${key}`;
    if (v === undefined || key === 'signedAt' || key === 'acceptedAt' || key === 'id' || key === 'kind') continue;
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        await page.locator(`#${fieldId(p2)} button`, { hasText: 'Toevoegen' }).last().click();
        const item = v[i] as Record<string, unknown>;
        await page.locator(`#${fieldId(`${p2}/${i}/kind`)}`).selectOption(String(item['kind']));
        await fillSection(page, item, filenames, `${p2}/${i}`);
      }
    } else if (/^\/tasks\/\d+$/.test(p2) && v && typeof v === 'object') {
      const task = v as Record<string, string>;
      if (task['status'] === 'not_relevant') {
        await page.locator(`#${fieldId(p2)}-not-relevant`).check();
        await page.locator(`#${fieldId(p2)}-motivation`).fill(task['notRelevantMotivation'] ?? '');
      } else await page.locator(`#${fieldId(p2)}-text`).fill(task['text'] ?? '');
    } else if (v && typeof v === 'object') {
      await fillSection(page, v as Record<string, unknown>, filenames, p2);
    } else {
      const field = page.locator(`#${fieldId(p2)}`);
      if (typeof v === 'boolean') {
        if (v) await field.check();
      } else if (key === 'documentId' || key === 'cvDocumentId') await field.selectOption({ label: filenames[String(v)]! });
      else if ((await field.evaluate((el) => el.tagName)) === 'SELECT') await field.selectOption(String(v));
      else await field.fill(String(v));
    }
  }
}

describe('kandidaatportaal in Chromium', () => {
  it('lets a new candidate go from registration to a submitted, complete portfolio using only the UI', async () => {
    const context = await browser.newContext({ locale: 'nl-NL', timezoneId: 'Europe/Amsterdam' });
    const page = await context.newPage();
    await register(page, 'Anna de Vries');
    await checked(page, 'home (no portfolio)');
    const id = await startPortfolio(page);
    await page.getByRole('heading', { name: 'Wat nog ontbreekt' }).waitFor();
    await checked(page, 'portfolio overview (empty)');

    const doc = completePortfolio(TODAY as never) as unknown as Record<string, Record<string, unknown>> & { cases: Array<Record<string, unknown>> };
    const names: Record<string, string> = { 'doc-diploma': 'diploma.pdf', 'doc-cert-1': 'certificaat-1.pdf', 'doc-cert-2': 'certificaat-2.pdf', 'doc-cv': 'cv.pdf' };
    await uploadViaUi(page, Object.entries(names).map(([k, name]) => ({ name, bytes: FILES.pdf(k), mimeType: 'application/pdf' })));
    for (const name of Object.values(names)) await page.getByRole('rowheader', { name }).waitFor();
    await checked(page, 'documenten');

    const sections: Array<[string, Record<string, unknown>]> = [
      ['opleiding', doc['education']!],
      ['werkervaring', doc['workExperience']!],
      ['cv-en-motivatie', doc['cvAndMotivation']!],
      ['casus-1', doc.cases[0]!],
      ['casus-2', doc.cases[1]!],
      ['ontwikkelplan', doc['developmentPlan']!],
    ];
    for (const [slug, value] of sections) {
      await page.goto(`${base}/portfolio/${id}/${slug}`);
      await page.locator('form.rlp-form').waitFor();
      await checked(page, `section ${slug} (empty)`);
      if (slug === 'ontwikkelplan') {
        // A field the rulebook reports on is marked invalid and points at the finding's text
        // (once its parent exists, findings point at the field itself).
        await page.locator(`#${fieldId('/answers/1')}`).fill('Eerste antwoord.');
        await waitSaved(page);
        const second = fieldId('/answers/2');
        await waitUntil(page, `document.getElementById(${JSON.stringify(second)}).getAttribute('aria-invalid') === 'true'`);
        expect(((await page.locator(`#${second}`).getAttribute('aria-describedby')) ?? '').split(' ')).toContain(`${second}-findings`);
        expect(await page.locator(`#${second}-findings`).textContent()).toContain('vraag 2');
      }
      await fillSection(page, value, names);
      await waitSaved(page);
    }
    await page.goto(`${base}/portfolio/${id}/verklaringen`);
    await page.locator('#veld-gedragscode-accept').waitFor();
    for (const key of ['gedragscode', 'klachtenreglement', 'truthful']) await page.locator(`#veld-${key}-accept`).check();
    await waitSaved(page);
    await checked(page, 'section verklaringen (accepted)');

    await page.goto(`${base}/portfolio/${id}`);
    await page.getByText('Er ontbreekt niets meer').waitFor({ timeout: 15_000 });
    await checked(page, 'portfolio overview (complete)');

    await page.goto(`${base}/portfolio/${id}/indienen`);
    const submit = page.getByRole('button', { name: 'Portfolio definitief indienen' });
    await submit.waitFor();
    await waitUntil(page, `!document.querySelector('button.utrecht-button--primary-action')?.disabled`);
    await checked(page, 'indienen (ready)');
    // A double click submits once (Idempotency-Key per reviewed revision).
    await submit.dblclick();
    const hash = await page.getByTestId('snapshot-hash').textContent();
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    await checked(page, 'indienen (confirmation)');

    // The server agrees: one submission, with that hash, and the portfolio is frozen.
    const cookies = await context.cookies();
    const session = cookies.find((c) => c.name === 'rlp_session')!;
    const frozen = await request(p.candidate.getHttpServer()).get(`/portfolios/${id}/submission`).set('Cookie', `rlp_session=${session.value}`).expect(200);
    expect(frozen.body.contentHash).toBe(hash);
    expect(frozen.body.contentHashValid).toBe(true);
    const count = await p.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM submissions WHERE portfolio_id = $1`, [id]);
    expect(count[0]!.n).toBe(1);

    await page.goto(`${base}/dossier/${id}`);
    await page.getByTestId('dossier-status').waitFor();
    expect(await page.getByTestId('dossier-status').textContent()).toBe('Ingediend, wacht op assessoren');
    await checked(page, 'dossier (submitted)');
    await context.close();
  });

  it('keeps every word: a reload in the middle of typing, an offline spell, and a conflict between two tabs resolved by choice', async () => {
    const context = await browser.newContext({ locale: 'nl-NL', timezoneId: 'Europe/Amsterdam' });
    const page = await context.newPage();
    await register(page, 'Bram Jansen');
    const id = await startPortfolio(page);
    const url = `${base}/portfolio/${id}/ontwikkelplan`;
    const answer1 = page.locator(`#${fieldId('/answers/1')}`);

    // Reload while the words are typed but not yet saved: the local draft brings them back and sends them.
    await page.goto(url);
    await answer1.waitFor();
    await answer1.pressSequentially('Eerste gedachte', { delay: 5 });
    await page.reload();
    await answer1.waitFor();
    expect(await answer1.inputValue()).toBe('Eerste gedachte');
    await waitSaved(page);
    await checked(page, 'section ontwikkelplan (restored after reload)');

    // Offline: typing goes on, the state says so, nothing is lost; back online it is sent.
    await context.setOffline(true);
    await answer1.fill('Eerste gedachte, offline verder getypt');
    await page.locator('[data-save-state="offline"]').waitFor({ timeout: 15_000 });
    await page.getByText('Je bent offline').waitFor();
    await checked(page, 'section ontwikkelplan (offline)', { idle: false });
    await context.setOffline(false);
    await waitSaved(page);
    const saved = await request(p.candidate.getHttpServer()).get(`/portfolios/${id}/sections/developmentPlan`).set('Cookie', await cookieHeader(context));
    expect(saved.body.content.answers['1']).toBe('Eerste gedachte, offline verder getypt');

    // Two tabs change different answers: the second save meets 412, and the changes merge by themselves.
    const third = await context.newPage();
    await third.goto(url);
    await third.locator(`#${fieldId('/answers/3')}`).waitFor();
    await third.locator(`#${fieldId('/answers/3')}`).fill('Antwoord uit een derde tab');
    await waitSaved(third);
    await page.locator(`#${fieldId('/answers/4')}`).fill('Antwoord uit de eerste tab');
    await waitSaved(page);
    expect(await page.getByRole('heading', { name: 'Dit onderdeel is intussen ergens anders gewijzigd' }).count()).toBe(0);
    const merged = await request(p.candidate.getHttpServer()).get(`/portfolios/${id}/sections/developmentPlan`).set('Cookie', await cookieHeader(context));
    expect(merged.body.content.answers['3']).toBe('Antwoord uit een derde tab');
    expect(merged.body.content.answers['4']).toBe('Antwoord uit de eerste tab');
    await third.close();

    // Leaving the part right after typing (within the save delay) still saves it.
    await page.locator(`#${fieldId('/answers/2')}`).fill('Snel getypt en meteen weg');
    await page.getByRole('link', { name: /E\. Verklaringen/ }).click();
    await page.waitForURL(/\/verklaringen$/);
    await waitUntil(page, 'true');
    for (let i = 0; i < 50; i++) {
      const now = await request(p.candidate.getHttpServer()).get(`/portfolios/${id}/sections/developmentPlan`).set('Cookie', await cookieHeader(context));
      if (now.body.content.answers['2'] === 'Snel getypt en meteen weg') break;
      if (i === 49) throw new Error('the answer typed just before leaving was not saved');
      await new Promise((r) => setTimeout(r, 200));
    }
    await page.goto(url);
    await answer1.waitFor();

    // Two tabs change the same answer: the second save meets 412 and shows both versions.
    const other = await context.newPage();
    await other.goto(url);
    const otherAnswer = other.locator(`#${fieldId('/answers/1')}`);
    await otherAnswer.waitFor();
    await otherAnswer.fill('Versie uit tab twee');
    await waitSaved(other);
    await answer1.fill('Versie uit tab een');
    await page.getByRole('heading', { name: 'Dit onderdeel is intussen ergens anders gewijzigd' }).waitFor({ timeout: 15_000 });
    expect(await page.locator('[data-version="mine"]').first().textContent()).toBe('Versie uit tab een');
    expect(await page.locator('[data-version="theirs"]').first().textContent()).toBe('Versie uit tab twee');
    await checked(page, 'section ontwikkelplan (conflict)');
    // Nothing was overwritten while the choice is open.
    const during = await request(p.candidate.getHttpServer()).get(`/portfolios/${id}/sections/developmentPlan`).set('Cookie', await cookieHeader(context));
    expect(during.body.content.answers['1']).toBe('Versie uit tab twee');
    await page.getByRole('button', { name: 'Mijn versie houden' }).click();
    await waitSaved(page);
    const after = await request(p.candidate.getHttpServer()).get(`/portfolios/${id}/sections/developmentPlan`).set('Cookie', await cookieHeader(context));
    expect(after.body.content.answers['1']).toBe('Versie uit tab een');
    // Every version is kept in the history, also the one that was not chosen.
    const history = await request(p.candidate.getHttpServer()).get(`/portfolios/${id}/sections/developmentPlan/revisions`).set('Cookie', await cookieHeader(context));
    const versions = await Promise.all(
      (history.body as Array<{ version: number }>).map(async (r) => (await request(p.candidate.getHttpServer()).get(`/portfolios/${id}/sections/developmentPlan/revisions/${r.version}`).set('Cookie', await cookieHeader(context))).body),
    );
    expect(JSON.stringify(versions)).toContain('Versie uit tab twee');
    await context.close();
  });

  it('shows upload progress, says in Dutch why a file is refused, switches to English, and logs out', async () => {
    const context = await browser.newContext({ locale: 'nl-NL', timezoneId: 'Europe/Amsterdam' });
    const page = await context.newPage();
    await register(page, 'Chris Bakker');
    await page.goto(`${base}/documenten`);
    // A slow line (1 MB/s up), so the progress bar has something to show.
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 20, downloadThroughput: -1, uploadThroughput: 1024 * 1024 });
    const big = Buffer.concat([FILES.pdf('groot'), Buffer.alloc(3 * 1024 * 1024, 32)]);
    await page.locator('#file-input').setInputFiles([
      { name: 'groot.pdf', mimeType: 'application/pdf', buffer: big },
      { name: 'nep.pdf', mimeType: 'application/pdf', buffer: Buffer.from('<html>geen pdf</html>') },
    ]);
    // The bar moves while the bytes go to storage, not only at the end.
    await waitUntil(page, `Array.from(document.querySelectorAll('progress')).some((el) => el.value > 0 && el.value < 100)`);
    await page.locator('[data-phase="done"]', { hasText: 'groot.pdf' }).waitFor({ timeout: 30_000 });
    expect(await page.locator('[data-phase="done"] progress').getAttribute('value')).toBe('100');
    await page.locator('[data-phase="done"]', { hasText: 'groot.pdf' }).waitFor();
    expect(await page.locator('[data-phase="refused"]', { hasText: 'nep.pdf' }).textContent()).toContain('Dit is geen PDF-, JPEG- of PNG-bestand');
    await checked(page, 'documenten (uploaded and refused)');
    // An unused document can be deleted; it leaves the list.
    page.once('dialog', (d) => void d.accept());
    await page.getByRole('button', { name: 'Verwijderen: groot.pdf' }).click();
    await page.getByRole('rowheader', { name: 'groot.pdf' }).waitFor({ state: 'detached' });
    await page.getByText('Je hebt nog geen documenten geüpload.').waitFor();

    await page.getByRole('button', { name: 'Switch to English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Documents' }).waitFor();
    expect(await page.evaluate<string>('document.documentElement.lang')).toBe('en');
    await checked(page, 'documents (English)');

    await page.getByRole('button', { name: 'Log out' }).click();
    await page.waitForURL(/\/inloggen$/);
    expect((await context.cookies()).find((c) => c.name === 'rlp_session')).toBeUndefined();
    await page.goto(`${base}/documenten`);
    await page.waitForURL(/\/inloggen\?terug=/);
    await checked(page, 'inloggen (after logout)');
    await context.close();
  });
});

describe('kandidaatportaal with the keyboard alone', () => {
  /** Presses Tab until the focused element matches; fails after `max` presses. */
  async function tabTo(page: Page, test: string, max = 60): Promise<void> {
    for (let i = 0; i < max; i++) {
      await page.keyboard.press('Tab');
      if (await page.evaluate<boolean>(`(() => { const el = document.activeElement; return Boolean(el && (${test})); })()`)) return;
    }
    throw new Error(`Tab never reached: ${test}`);
  }

  /** The focused element shows where it is: an outline or a box shadow. */
  async function focusVisible(page: Page): Promise<boolean> {
    return page.evaluate<boolean>(`(() => { const cs = getComputedStyle(document.activeElement); return (cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) > 0) || cs.boxShadow !== 'none'; })()`);
  }

  it('logs in, starts a portfolio, opens a part and fills a field without a mouse, with visible focus', async () => {
    const c = await p.account('candidate', { displayName: 'Dirk Toetsenbord' });
    const context = await browser.newContext({ locale: 'nl-NL', timezoneId: 'Europe/Amsterdam' });
    const page = await context.newPage();
    await page.goto(`${base}/inloggen`);
    await page.getByRole('button', { name: 'Inloggen' }).waitFor();
    // The first Tab reaches the skip link, which becomes visible.
    await page.keyboard.press('Tab');
    expect(await page.evaluate<string>('document.activeElement.textContent')).toBe('Naar de inhoud');
    expect(await page.locator('.utrecht-skip-link').boundingBox()).not.toBeNull();
    await tabTo(page, `el.id === 'email'`);
    expect(await focusVisible(page)).toBe(true);
    await page.keyboard.type(c.email);
    await page.keyboard.press('Tab');
    await page.keyboard.type(c.password);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: /Mijn dossier/ }).waitFor();

    await tabTo(page, `el.textContent === 'Begin je portfolio'`);
    expect(await focusVisible(page)).toBe(true);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/portfolio\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { name: 'Wat nog ontbreekt' }).waitFor();

    await tabTo(page, `el.tagName === 'A' && el.textContent === 'D. Ontwikkelplan'`);
    expect(await focusVisible(page)).toBe(true);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/ontwikkelplan$/);
    await tabTo(page, `el.id === ${JSON.stringify(fieldId('/answers/1'))}`);
    expect(await focusVisible(page)).toBe(true);
    await page.keyboard.type('Met het toetsenbord geschreven.');
    await waitSaved(page);
    const id = page.url().split('/').slice(-2)[0]!;
    const saved = await request(p.candidate.getHttpServer()).get(`/portfolios/${id}/sections/developmentPlan`).set('Cookie', await cookieHeader(context));
    expect(saved.body.content.answers['1']).toBe('Met het toetsenbord geschreven.');
    await checked(page, 'section ontwikkelplan (keyboard)');
    await context.close();
  });
});

describe('browser sessions (cookie + CSRF)', () => {
  it('sets an HttpOnly SameSite=Strict session cookie, refuses state changes without the CSRF token, and ends with logout', async () => {
    const c = await p.account('candidate');
    const app = () => request(p.candidate.getHttpServer());
    const login = await app().post('/auth/session').send({ email: c.email, password: c.password }).expect(200);
    expect(login.body.token).toBeUndefined();
    const setCookie = ([] as string[]).concat(login.headers['set-cookie'] ?? []);
    const session = setCookie.find((h) => h.startsWith('rlp_session='))!;
    expect(session).toMatch(/HttpOnly/);
    expect(session).toMatch(/SameSite=Strict/);
    expect(setCookie.find((h) => h.startsWith('rlp_csrf='))).not.toMatch(/HttpOnly/);
    const cookie = setCookie.map((h) => h.split(';')[0]).join('; ');
    await app().get('/auth/me').set('Cookie', cookie).expect(200);
    const before = await app().get('/portfolios').set('Cookie', cookie).expect(200);
    const refused = await app().post('/portfolios').set('Cookie', cookie).expect(403);
    expect(refused.body.code).toBe('CSRF_TOKEN_INVALID');
    const wrong = await app().post('/portfolios').set('Cookie', cookie).set('X-CSRF-Token', 'x'.repeat(43)).expect(403);
    expect(wrong.body.code).toBe('CSRF_TOKEN_INVALID');
    expect((await app().get('/portfolios').set('Cookie', cookie).expect(200)).body).toEqual(before.body);
    await app().post('/portfolios').set('Cookie', cookie).set('X-CSRF-Token', login.body.csrfToken).expect(201);
    const out = await app().post('/auth/logout').set('Cookie', cookie).set('X-CSRF-Token', login.body.csrfToken).expect(204);
    expect(([] as string[]).concat(out.headers['set-cookie'] ?? []).some((h) => h.startsWith('rlp_session=;') && /Max-Age=0/.test(h))).toBe(true);
    await app().get('/auth/me').set('Cookie', cookie).expect(401);
  });

  it('ends an idle browser session exactly like a bearer token', async () => {
    const c = await p.account('candidate');
    const app = () => request(p.candidate.getHttpServer());
    const login = await app().post('/auth/session').send({ email: c.email, password: c.password }).expect(200);
    const cookie = ([] as string[]).concat(login.headers['set-cookie'] ?? []).map((h) => h.split(';')[0]).join('; ');
    const start = p.clock.now();
    try {
      p.clock.set(new Date(start.getTime() + (p.config.auth.sessionIdleMinutes - 1) * 60_000));
      await app().get('/auth/me').set('Cookie', cookie).expect(200);
      // Used a minute before the idle limit, so the window slid; now leave it alone past the limit.
      p.clock.set(new Date(p.clock.now().getTime() + (p.config.auth.sessionIdleMinutes + 1) * 60_000));
      const expired = await app().get('/auth/me').set('Cookie', cookie).expect(401);
      expect(expired.body.code).toBe('SESSION_INVALID');
    } finally {
      p.clock.set(start);
    }
  });

  it('serves the portal only on its own paths, with a strict CSP; API paths stay the API', async () => {
    const page = await request(p.candidate.getHttpServer()).get('/portfolio/abc').set('Accept', 'text/html').expect(200);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    expect(page.headers['content-security-policy']).toMatch(/script-src 'self'(;|$)/);
    expect(page.headers['content-security-policy']).toMatch(/connect-src 'self' http:\/\/127\.0\.0\.1:\d+/);
    const api = await request(p.candidate.getHttpServer()).get('/portfolios').set('Accept', 'text/html').expect(401);
    expect(api.body.code).toBe('UNAUTHENTICATED');
    await request(p.candidate.getHttpServer()).get('/nergens').expect(404);
  });
});

async function cookieHeader(context: BrowserContext): Promise<string> {
  return (await context.cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
}
