/**
 * Invitations and two-factor authentication in Chromium (issue 15, ADR 0021): an invited assessor
 * chooses a password, enrols (the code computed from the key the page shows as text — nobody scans
 * anything here), keeps the recovery codes and reaches the dossiers; then logs in with a code and
 * with a recovery code; the office resets the 2FA of someone who lost their phone. axe on every
 * page and state; screenshots in /tmp/web-two-factor-*.png to look at.
 */
import request from 'supertest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { totpCode } from '@rlp/accounts';
import type { TestAccount, TestPlatform } from '@rlp/testing';
import { enterTotpCode, expectAccessible, launchBrowser, logInWithForm, settle, startWebPlatform } from './support/browser';

jest.setTimeout(180_000);

let p: TestPlatform;
let browser: Browser;
let assessorBase: string;
let base: string;
let admin: TestAccount;
const shots: string[] = [];

beforeAll(async () => {
  ({ p, base, assessorBase } = await startWebPlatform({ now: new Date('2026-11-23T09:00:00Z'), mail: true }));
  browser = await launchBrowser();
  admin = await p.account('admin', { displayName: 'Anna de Boer', organisation: 'Certificeringsbureau' });
});

afterAll(async () => {
  await browser?.close();
  await p?.close();
  if (shots.length > 0) console.log(`screenshots:\n${shots.join('\n')}`);
});

async function newPage(): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ locale: 'nl-NL', timezoneId: 'Europe/Amsterdam', viewport: { width: 1280, height: 900 } });
  return { context, page: await context.newPage() };
}

async function checked(page: Page, name: string): Promise<void> {
  await settle(page);
  await expectAccessible(page, name);
  const path = `/tmp/web-two-factor-${name.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}.png`;
  await page.screenshot({ path, fullPage: true });
  shots.push(path);
}

const h1 = (page: Page, name: string | RegExp) => page.getByRole('heading', { level: 1, name }).waitFor();
const office = () => request(p.assessor.getHttpServer());

async function invite(email: string, displayName: string): Promise<string> {
  await office().post('/admin/accounts').set('Authorization', `Bearer ${admin.token}`).send({ email, displayName, role: 'assessor', organisation: 'Praktijk Nieuw' }).expect(201);
  const mail = await p.mail!.waitFor((m) => m.to.includes(email));
  const link = /(https?:\/\/\S+\/uitnodiging\?token=[A-Za-z0-9_%-]+)/.exec(mail.text)![1]!;
  // The link points at the configured portal address; the test's portal runs on its own port.
  const url = new URL(link);
  return `${assessorBase}${url.pathname}${url.search}`;
}

describe('invitation and two-factor authentication in the assessor portal', () => {
  it('an invited assessor sets a password, enrols with the key shown as text, keeps the recovery codes and reaches the dossiers', async () => {
    const email = 'karin.bakker@example.nl';
    const link = await invite(email, 'Karin Bakker');
    const { context, page } = await newPage();

    await page.goto(link);
    await h1(page, 'Welkom bij het Register Loopbaanprofessional');
    expect(await page.getByTestId('invitation-account').textContent()).toBe(`Karin Bakker (${email})`);
    // The token leaves the address bar (history, Referer).
    expect(new URL(page.url()).search).toBe('');
    await checked(page, 'uitnodiging');

    // Two different passwords; then a weak one (the server's rules, in Dutch).
    await page.getByLabel('Nieuw wachtwoord').fill('karin kiest een lange zin');
    await page.getByLabel('Herhaal het wachtwoord').fill('karin kiest een andere zin');
    await page.getByRole('button', { name: 'Wachtwoord instellen' }).click();
    await page.getByText('De twee wachtwoorden zijn niet gelijk.').waitFor();
    await checked(page, 'uitnodiging (niet gelijk)');
    await page.getByLabel('Nieuw wachtwoord').fill('wachtwoord123');
    await page.getByLabel('Herhaal het wachtwoord').fill('wachtwoord123');
    await page.getByRole('button', { name: 'Wachtwoord instellen' }).click();
    await page.getByRole('alert').waitFor();
    expect(await page.getByRole('alert').textContent()).toMatch(/te makkelijk te raden|minstens 12 tekens/);
    await checked(page, 'uitnodiging (zwak wachtwoord)');

    const password = 'paarse olifant fietst naar Zwolle';
    await page.getByLabel('Nieuw wachtwoord').fill(password);
    await page.getByLabel('Herhaal het wachtwoord').fill(password);
    await page.getByRole('button', { name: 'Wachtwoord instellen' }).click();

    // Logged in, but held to enrolment: nothing else shows, not even by URL.
    await h1(page, 'Tweestapsverificatie instellen');
    const secretBox = page.getByTestId('totp-secret');
    await secretBox.waitFor();
    const secret = (await secretBox.getAttribute('data-secret'))!;
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect((await secretBox.textContent())!.replace(/\s/g, '')).toBe(secret);
    expect(await page.getByRole('img', { name: 'QR-code om met je authenticator-app te scannen' }).count()).toBe(1);
    // No menu while only enrolment is possible.
    expect(await page.getByRole('navigation', { name: 'Hoofdmenu' }).count()).toBe(0);
    await checked(page, 'inschrijven');
    await page.goto(`${assessorBase}/dossiers`);
    await h1(page, 'Tweestapsverificatie instellen');

    // A wrong code, then the right one (computed from the key, as an app would).
    await page.getByLabel('Code uit de app').fill('000000');
    await page.getByRole('button', { name: 'Bevestigen' }).click();
    await page.getByRole('alert').waitFor();
    await checked(page, 'inschrijven (foute code)');
    const key = (await page.getByTestId('totp-secret').getAttribute('data-secret'))!;
    await page.getByLabel('Code uit de app').fill(totpCode(key, p.clock.now()));
    await page.getByRole('button', { name: 'Bevestigen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Bewaar je herstelcodes' }).waitFor();
    const codes = (await page.getByTestId('recovery-codes').locator('li').allTextContents()).map((c) => c.trim());
    expect(codes).toHaveLength(10);
    await checked(page, 'herstelcodes');
    await page.getByRole('button', { name: 'Ik heb de codes bewaard' }).click();
    await h1(page, 'Mijn dossiers');
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).waitFor();
    await checked(page, 'dossiers na inschrijven');
    await context.close();

    const [{ id }] = (await p.db.query<{ id: string }>(`SELECT "id" FROM "users" WHERE "email" = $1`, [email])) as [{ id: string }];
    const karin = { id, email, password, totpSecret: key };

    // Logging in again: the password, then the code step.
    const second = await newPage();
    await second.page.goto(`${assessorBase}/inloggen`);
    await second.page.getByLabel('E-mailadres').fill(email);
    await second.page.getByLabel('Wachtwoord').fill(password);
    await second.page.getByRole('button', { name: 'Inloggen' }).click();
    await second.page.getByLabel('Code uit je authenticator-app').waitFor();
    // The code field has the focus (no mouse needed).
    expect(await second.page.evaluate<string | null>(`document.activeElement && document.activeElement.id`)).toBe('login-code');
    await checked(second.page, 'inloggen code');
    await second.page.getByLabel('Code uit je authenticator-app').fill('123456');
    await second.page.getByRole('button', { name: 'Inloggen' }).click();
    await second.page.getByRole('alert').waitFor();
    expect(await second.page.getByRole('alert').textContent()).toContain('Deze code klopt niet');
    await checked(second.page, 'inloggen code fout');
    await enterTotpCode(second.page, p, karin);
    await h1(second.page, 'Mijn dossiers');
    await second.page.getByRole('button', { name: 'Uitloggen' }).click();
    await second.page.waitForURL(/\/inloggen/);

    // With a recovery code (phone not at hand); it works once.
    await second.page.getByLabel('E-mailadres').fill(email);
    await second.page.getByLabel('Wachtwoord').fill(password);
    await second.page.getByRole('button', { name: 'Inloggen' }).click();
    await second.page.getByRole('button', { name: 'Telefoon niet bij de hand? Gebruik een herstelcode' }).click();
    await second.page.getByLabel('Herstelcode').fill(codes[0]!);
    await checked(second.page, 'inloggen herstelcode');
    await second.page.getByRole('button', { name: 'Inloggen' }).click();
    await h1(second.page, 'Mijn dossiers');
    await second.context.close();
    const again = await office().post('/auth/login').send({ email, password, recoveryCode: codes[0] }).expect(401);
    expect(again.body.code).toBe('TOTP_INVALID');
    expect((await office().post('/auth/login').send({ email, password, recoveryCode: codes[1] }).expect(200)).body.twoFactorEnrolmentRequired).toBe(false);

    // The link was used: opening it again says so.
    const third = await newPage();
    await third.page.goto(link);
    await h1(third.page, 'Deze uitnodiging werkt niet (meer)');
    await checked(third.page, 'uitnodiging gebruikt');
    await third.page.getByRole('link', { name: 'Log dan in' }).click();
    await h1(third.page, 'Inloggen voor assessoren en het certificeringsbureau');
    await third.context.close();
  });

  it('the office resets the two-factor authentication of an assessor who lost their phone: logged out, enrols again', async () => {
    const lost = await p.account('assessor', { displayName: 'Lotte Kwijt', organisation: 'Praktijk Lotte' });
    const lotte = await newPage();
    await lotte.page.goto(`${assessorBase}/inloggen`);
    await logInWithForm(lotte.page, p, lost);
    await h1(lotte.page, 'Mijn dossiers');

    const anna = await newPage();
    await anna.page.goto(`${assessorBase}/inloggen`);
    await logInWithForm(anna.page, p, admin);
    await anna.page.waitForURL(/\/bureau$/);
    await anna.page.goto(`${assessorBase}/bureau/accounts/${lost.id}`);
    await h1(anna.page, 'Lotte Kwijt');
    expect(await anna.page.getByTestId('two-factor-status').textContent()).toBe('Aan');
    await checked(anna.page, 'bureau account 2fa');
    let question = '';
    anna.page.once('dialog', (dialog) => {
      question = dialog.message();
      void dialog.accept();
    });
    await anna.page.getByRole('button', { name: 'Tweestapsverificatie resetten' }).click();
    await anna.page.getByTestId('two-factor-reset').waitFor();
    expect(question).toContain('overal uitgelogd');
    await anna.page.getByTestId('two-factor-status').and(anna.page.getByText('Nog niet ingesteld')).waitFor();
    await checked(anna.page, 'bureau account 2fa gereset');

    // Lotte's session has ended; with her password she gets only the enrolment.
    await lotte.page.reload();
    await lotte.page.waitForURL(/\/inloggen/);
    await lotte.page.getByLabel('E-mailadres').fill(lost.email);
    await lotte.page.getByLabel('Wachtwoord').fill(lost.password);
    await lotte.page.getByRole('button', { name: 'Inloggen' }).click();
    await h1(lotte.page, 'Tweestapsverificatie instellen');
    const secret = (await lotte.page.getByTestId('totp-secret').getAttribute('data-secret'))!;
    expect(secret).not.toBe(lost.totpSecret);
    await lotte.page.getByLabel('Code uit de app').fill(totpCode(secret, p.clock.now()));
    await lotte.page.getByRole('button', { name: 'Bevestigen' }).click();
    await lotte.page.getByRole('heading', { level: 1, name: 'Bewaar je herstelcodes' }).waitFor();
    await lotte.page.getByRole('button', { name: 'Ik heb de codes bewaard' }).click();
    await h1(lotte.page, 'Mijn dossiers');
    const audit = await p.db.query<{ action: string; actor_id: string }>(`SELECT "action", "actor_id" FROM "audit_events" WHERE "subject_id" = $1 AND "action" LIKE 'two_factor.%' ORDER BY "id"`, [lost.id]);
    expect(audit).toEqual([
      { action: 'two_factor.reset', actor_id: admin.id },
      { action: 'two_factor.enabled', actor_id: lost.id },
    ]);
    await lotte.context.close();
    await anna.context.close();
  });
});

describe('two-factor authentication for a candidate (optional)', () => {
  it('turns it on from the account page, logs in with a code, and turns it off with password and code', async () => {
    const c = await p.account('candidate', { displayName: 'Sanne de Vries' });
    const { context, page } = await newPage();
    await page.goto(`${base}/inloggen`);
    await logInWithForm(page, p, c);
    await page.waitForURL((url) => !url.pathname.startsWith('/inloggen'));
    await page.goto(`${base}/mijn-account`);
    await page.getByRole('heading', { level: 2, name: 'Tweestapsverificatie' }).waitFor();
    await page.getByText('Tweestapsverificatie staat uit.').waitFor();
    await checked(page, 'kandidaat account 2fa uit');

    await page.getByRole('button', { name: 'Tweestapsverificatie aanzetten' }).click();
    const secretBox = page.getByTestId('totp-secret');
    await secretBox.waitFor();
    const secret = (await secretBox.getAttribute('data-secret'))!;
    await checked(page, 'kandidaat 2fa instellen');
    await page.getByLabel('Code uit de app').fill(totpCode(secret, p.clock.now()));
    await page.locator('#totp-enrol-password').fill(c.password);
    await page.getByRole('button', { name: 'Bevestigen' }).click();
    await page.getByRole('heading', { name: 'Bewaar je herstelcodes' }).waitFor();
    expect(await page.getByTestId('recovery-codes').locator('li').count()).toBe(10);
    await checked(page, 'kandidaat herstelcodes');
    await page.getByRole('button', { name: 'Ik heb de codes bewaard' }).click();
    await page.getByText('Tweestapsverificatie staat aan. Herstelcodes over: 10').waitFor();
    await checked(page, 'kandidaat account 2fa aan');
    // New recovery codes: a wrong code first, then a right one.
    const tfSection = page.getByRole('region', { name: 'Tweestapsverificatie' });
    await tfSection.getByRole('button', { name: 'Nieuwe herstelcodes maken' }).click();
    await tfSection.getByLabel('Code uit de app').fill('000000');
    await tfSection.getByRole('button', { name: 'Nieuwe herstelcodes maken' }).click();
    await tfSection.getByRole('alert').waitFor();
    await checked(page, 'kandidaat nieuwe herstelcodes fout');
    await tfSection.getByLabel('Code uit de app').fill(await p.totpCode({ id: c.id, totpSecret: secret }));
    await tfSection.getByRole('button', { name: 'Nieuwe herstelcodes maken' }).click();
    await tfSection.getByTestId('recovery-codes').waitFor();
    expect(await tfSection.getByTestId('recovery-codes').locator('li').count()).toBe(10);
    await checked(page, 'kandidaat nieuwe herstelcodes');
    await context.close();

    // The next login asks for the code.
    const withSecret = { ...c, totpSecret: secret };
    const again = await newPage();
    await again.page.goto(`${base}/inloggen`);
    await logInWithForm(again.page, p, withSecret);
    await again.page.waitForURL((url) => !url.pathname.startsWith('/inloggen'));
    await again.page.goto(`${base}/mijn-account`);
    const section = again.page.getByRole('region', { name: 'Tweestapsverificatie' });
    await section.getByRole('button', { name: 'Tweestapsverificatie uitzetten' }).click();
    await section.getByLabel('Huidig wachtwoord').fill(c.password);
    await section.getByLabel('Code uit de app of herstelcode').fill('000000');
    await section.getByRole('button', { name: 'Tweestapsverificatie uitzetten' }).click();
    await again.page.getByRole('alert').waitFor();
    await checked(again.page, 'kandidaat 2fa uitzetten fout');
    await section.getByLabel('Code uit de app of herstelcode').fill(await p.totpCode({ id: c.id, totpSecret: secret }));
    await section.getByRole('button', { name: 'Tweestapsverificatie uitzetten' }).click();
    await again.page.getByText('Tweestapsverificatie staat nu uit.').waitFor();
    await again.page.getByText('Tweestapsverificatie staat uit.').waitFor();
    await checked(again.page, 'kandidaat 2fa uitgezet');
    await again.context.close();
    await request(p.candidate.getHttpServer()).post('/auth/login').send({ email: c.email, password: c.password }).expect(200);
  });
});
