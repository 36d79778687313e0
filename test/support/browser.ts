import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { startTestPlatform, type TestPlatform } from '@rlp/testing';
import { allowBrowserAccess } from '../../libs/storage/src/bucket-cors';
import { createS3Client } from '../../libs/storage/src/s3-client.factory';
import { chromium, type Browser, type Page } from 'playwright-core';

/**
 * A browser check that fails runs once more before it counts as failed (ADR 0031). On this busy
 * 2-core machine a page can still show the previous screen for a moment, and three CI runs were
 * lost to such timing. The first failure is printed, and CI lists every test that passed only on
 * its retry, so a flaky check stays visible instead of being hidden.
 */
jest.retryTimes(1, { logErrorsBeforeRetry: true });

/** Debian's Chromium, driven by Playwright (it cannot download its own browser here). */
export const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: FLAGS, headless: true });
}

const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: string[]; failureSummary?: string }>;
}

/** Runs axe-core with the WCAG 2.1 A and AA rules on the page as it is now. */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  // Evaluated through the DevTools protocol, so the page's own CSP (script-src 'self') stays on.
  // Page-side code is passed as text: the Node project has no DOM types.
  if (!(await page.evaluate<boolean>(`'axe' in window`))) await page.evaluate(AXE);
  return page.evaluate<AxeViolation[]>(`(async () => {
    const result = await window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })) }));
  })()`);
}

/**
 * Lets a page settle before it is checked: waits for the network to go quiet, but at most a few
 * seconds — a page that polls or retries (autosave offline, refetch timers) never goes quiet on a
 * busy machine, and what matters was asserted before: axe then checks the page as it is.
 */
export async function settle(page: Page, ms = 5_000): Promise<void> {
  await page.waitForLoadState('networkidle', { timeout: ms }).catch(() => undefined);
}

/** Fails with a readable list when axe finds anything. */
export async function expectAccessible(page: Page, where: string): Promise<void> {
  const violations = await axeViolations(page);
  if (violations.length > 0) {
    const text = violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.slice(0, 5).map((n) => n.target.join(' ')).join('\n    ')}`).join('\n');
    throw new Error(`axe found ${violations.length} WCAG 2.1 AA violation(s) on ${where}:\n${text}`);
  }
}

/** The id the portal gives the field of a JSON pointer inside a section (forms/SchemaForm fieldId). */
export function fieldId(pointer: string): string {
  return `veld${pointer.replace(/[^A-Za-z0-9]+/g, '-')}`;
}

/**
 * Waits until a page-side expression (text) is true. Not page.waitForFunction: that evaluates the
 * text with eval() inside the page, which the portal's CSP (no 'unsafe-eval') rightly refuses.
 */
export async function waitUntil(page: Page, expression: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await page.evaluate<boolean>(`Boolean(${expression})`))) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for: ${expression}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * Both apps on a fixed clock, each listening on a free port so a browser can reach its portal
 * (`base`: the kandidaatportaal, `assessorBase`: assessors and office), and the test bucket open to browser uploads (CORS, ADR 0013).
 */
export async function startWebPlatform(options: Parameters<typeof startTestPlatform>[0]): Promise<{ p: TestPlatform; base: string; assessorBase: string }> {
  const p = await startTestPlatform(options);
  const s3 = createS3Client(p.config.storage, process.env['RLP_TEST_S3_ENDPOINT']!);
  await allowBrowserAccess(s3, p.config.storage.bucket, ['*']);
  s3.destroy();
  await p.candidate.listen(0, '127.0.0.1');
  await p.assessor.listen(0, '127.0.0.1');
  const origin = (app: TestPlatform['candidate']) => `http://localhost:${((app.getHttpServer() as Server).address() as { port: number }).port}`;
  return { p, base: origin(p.candidate), assessorBase: origin(p.assessor) };
}

/** Whom a browser test logs in: assessors and admins carry their TOTP secret (ADR 0021). */
export interface LoginPerson {
  id: string;
  email: string;
  password: string;
  totpSecret: string | null;
}

/**
 * The second login step (ADR 0021): after a right password, an account with two-factor
 * authentication asks for the code of the authenticator app; this types a current one.
 */
export async function enterTotpCode(page: Page, p: TestPlatform, who: LoginPerson, lang: 'nl' | 'en' = 'nl'): Promise<void> {
  const field = page.getByLabel(lang === 'nl' ? 'Code uit je authenticator-app' : 'Code from your authenticator app');
  await field.fill(await p.totpCode(who));
  await page.getByRole('button', { name: lang === 'nl' ? 'Inloggen' : 'Log in' }).click();
}

/** Logs in through the login form on the page as it is: e-mail, password, then the code when asked. */
export async function logInWithForm(page: Page, p: TestPlatform, who: LoginPerson, lang: 'nl' | 'en' = 'nl'): Promise<void> {
  await page.getByLabel(lang === 'nl' ? 'E-mailadres' : 'E-mail address').fill(who.email);
  await page.getByLabel(lang === 'nl' ? 'Wachtwoord' : 'Password').fill(who.password);
  await page.getByRole('button', { name: lang === 'nl' ? 'Inloggen' : 'Log in' }).click();
  if (who.totpSecret) await enterTotpCode(page, p, who, lang);
}

/** A browser session through the API (the HttpOnly cookie lands in the context), with a TOTP code when the account has one. */
export async function sessionData(p: TestPlatform, who: LoginPerson): Promise<Record<string, string>> {
  return { email: who.email, password: who.password, ...(who.totpSecret ? { totpCode: await p.totpCode(who) } : {}) };
}
