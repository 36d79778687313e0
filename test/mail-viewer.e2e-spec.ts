import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTransport } from 'nodemailer';
import { startMailCatcher, type MailCatcher } from '../libs/embedded/src/mail-catcher';
import { startMailViewer, type MailViewer } from '../libs/embedded/src/mail-viewer';
import { resolveInfrastructure } from '../libs/embedded/src/infrastructure';
import { loadConfig } from '../libs/platform/src/config';
import { expectAccessible, launchBrowser } from './support/browser';

/**
 * The embedded mail catcher of `npm start` and its page (issue 15): a newcomer sees every message,
 * newest first; a message shows its text, its HTML sandboxed, and its attachments to download; the
 * .eml files survive a restart.
 */
describe('mail catcher page', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rlp-mail-'));
  let catcher: MailCatcher;
  let viewer: MailViewer;
  beforeAll(async () => {
    catcher = await startMailCatcher({ directory: dir });
    viewer = await startMailViewer(() => catcher.messages());
  });
  afterAll(async () => {
    await viewer.stop();
    await catcher.stop();
  });

  async function send(subject: string, html: string, attachments: Array<{ filename: string; content: string; contentType: string }> = []) {
    const t = createTransport(catcher.smtpUrl);
    await t.sendMail({ from: 'noreply@rlp.local', to: 'anna@test.rlp.local', subject, text: `text of ${subject}`, html, attachments });
    t.close();
  }

  it('lists newest first, shows text, sandboxed HTML and downloadable attachments, escapes everything', async () => {
    await send('Eerste <b>bericht</b>', '<p>een</p>');
    await send('Tweede bericht', '<p onclick="alert(1)">twee</p><script>document.body.setAttribute("data-ran", "yes")</script>', [
      { filename: 'gesprek.ics', content: 'BEGIN:VCALENDAR\r\nMETHOD:REQUEST\r\nEND:VCALENDAR\r\n', contentType: 'text/calendar; method=REQUEST' },
    ]);
    const list = await (await fetch(viewer.url)).text();
    expect(list.indexOf('Tweede bericht')).toBeLessThan(list.indexOf('Eerste'));
    expect(list).toContain('Eerste &lt;b&gt;bericht&lt;/b&gt;');
    expect(list).not.toContain('<b>bericht');
    expect(list).toContain('anna@test.rlp.local');

    const page = await fetch(new URL('/messages/1', viewer.url));
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
    const body = await page.text();
    expect(body).toContain('<iframe title="HTML part of the message" sandbox src="/messages/1/html">');
    expect(body).toContain('text of Tweede bericht');
    expect(body).toContain('href="/messages/1/attachments/0"');

    const html = await fetch(new URL('/messages/1/html', viewer.url));
    expect(html.headers.get('content-security-policy')).toMatch(/^sandbox;/);
    const ics = await fetch(new URL('/messages/1/attachments/0', viewer.url));
    expect(ics.headers.get('content-disposition')).toBe('attachment; filename="gesprek.ics"');
    expect(await ics.text()).toContain('METHOD:REQUEST');
    expect((await fetch(new URL('/messages/9', viewer.url))).status).toBe(404);
    expect((await fetch(new URL('/messages/1', viewer.url), { method: 'POST' })).status).toBe(405);
  });

  it('the list and a message pass axe (WCAG 2.1 AA); the HTML part runs no script', async () => {
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage();
      await page.goto(viewer.url);
      await expectAccessible(page, 'the caught-mail list');
      await page.click('text=Tweede bericht');
      await page.waitForURL(/\/messages\/1$/);
      await expectAccessible(page, 'a caught message');
      const frame = page.frames().find((f) => f.url().endsWith('/messages/1/html'));
      expect(frame).toBeDefined();
      // Sandboxed without allow-scripts: the message's <script> never ran.
      expect(await page.evaluate<boolean>(`document.querySelector('iframe').getAttribute('sandbox') === ''`)).toBe(true);
      expect(await frame!.evaluate<string>(`document.body.textContent`)).toContain('twee');
      expect(await frame!.evaluate<string | null>(`document.body.getAttribute('data-ran')`)).toBeNull();
    } finally {
      await browser.close();
    }
  });

  it('keeps every message as an .eml file and lists them again after a restart', async () => {
    expect(readdirSync(dir).filter((f) => f.endsWith('.eml'))).toHaveLength(2);
    const again = await startMailCatcher({ directory: dir });
    try {
      expect(again.messages().map((m) => m.subject)).toEqual(['Eerste <b>bericht</b>', 'Tweede bericht']);
      expect(again.messages()[1]!.to).toEqual(['anna@test.rlp.local']);
    } finally {
      await again.stop();
    }
  });

  it('npm start: without SMTP_URL the infrastructure starts the catcher and its page; with SMTP_URL, nothing', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'rlp-infra-'));
    const base = { DATABASE_URL: 'postgres://x@127.0.0.1:1/none', S3_ENDPOINT: 'http://127.0.0.1:1', DATA_DIR: dataDir, MAIL_CATCHER_PORT: '0', MAIL_CATCHER_WEB_PORT: '0' };
    const lines: string[] = [];
    const infra = await resolveInfrastructure(loadConfig(base), (l) => lines.push(l));
    try {
      expect(infra.embedded).toEqual({ postgres: false, s3: false, mail: true });
      expect(infra.smtpUrl).toMatch(/^smtp:\/\/127\.0\.0\.1:\d+$/);
      expect(infra.mailViewerUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
      const t = createTransport(infra.smtpUrl);
      await t.sendMail({ from: 'noreply@rlp.local', to: 'newcomer@test.rlp.local', subject: 'Welkom', text: 'hallo' });
      t.close();
      expect(await (await fetch(infra.mailViewerUrl!)).text()).toContain('newcomer@test.rlp.local');
      expect(readdirSync(join(dataDir, 'mail'))).toHaveLength(1);
      expect(lines.join('\n')).toContain(join(dataDir, 'mail'));
    } finally {
      await infra.stop();
    }
    const real = await resolveInfrastructure(loadConfig({ ...base, SMTP_URL: 'smtp://relay.example.nl:587' }));
    expect(real.embedded.mail).toBe(false);
    expect(real.smtpUrl).toBe('smtp://relay.example.nl:587');
    expect(real.mailViewerUrl).toBeNull();
    await real.stop();
  });
});
