/**
 * The certification office's management screens in Debian Chromium, as an admin through the UI
 * only (issue 14): a new gedragscode version drafted, compared, given its official PDF and
 * published; the default rulebook version chosen; the audit trail filtered by a dossier, paged,
 * verified intact, and shown broken at the event someone changed behind the platform's back.
 * Every page and state is checked with axe-core (WCAG 2.1 AA).
 */
import request from 'supertest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { rulebooks, type Rulebook } from '@rlp/rulebook';
import { AuditChainer } from '@rlp/audit';
import type { TestAccount, TestPlatform } from '@rlp/testing';
import { beroepsprofielVariant } from '../libs/rulebook/src/testing/beroepsprofiel-variant.rulebook';
import { expectAccessible, launchBrowser, logInWithForm, startWebPlatform, waitUntil } from './support/browser';
import { candidate, completeSections, createPortfolio, FILES, writeSection } from './support/candidate-journey';

jest.setTimeout(240_000);

const TODAY = '2026-11-23';
/** A second published rulebook version, as a later build would ship it. */
const v2: Rulebook = { ...beroepsprofielVariant, id: 'toetsingskader-test-v2', status: 'published' };

let p: TestPlatform;
let browser: Browser;
let assessorBase: string;
let context: BrowserContext;
let page: Page;
let admin: TestAccount;
let dossier: { portfolioId: string; candidateName: string };

beforeAll(async () => {
  ({ p, assessorBase } = await startWebPlatform({ now: new Date(`${TODAY}T09:00:00Z`), rulebooks: [...rulebooks, v2] }));
  browser = await launchBrowser();
  admin = await p.account('admin', { displayName: 'Anna de Boer' });
  // A candidate whose draft portfolio accepted gedragscode version 1 and has a long trail of
  // events: every section written, the development plan saved a few times more.
  const c = await candidate(p);
  const portfolio = await createPortfolio(p, c);
  const { sections } = await completeSections(p, c, TODAY);
  for (const [section, body] of Object.entries(sections)) {
    let etag = portfolio.etags[section]!;
    const rounds = section === 'developmentPlan' ? 8 : 1;
    for (let i = 0; i < rounds; i++) {
      // An unchanged section is not saved again: each round changes the answers a little, the last is the complete one.
      const plan = body as { answers: Record<string, string> };
      const content = i === rounds - 1 ? body : { answers: Object.fromEntries(Object.entries(plan.answers).map(([k, v]) => [k, `${v} (concept ${i + 1})`])) };
      const res = await writeSection(p, c, portfolio.id, section, etag, content);
      if (res.status !== 200) throw new Error(`${section}: ${res.status} ${JSON.stringify(res.body)}`);
      etag = res.headers['etag'] as string;
    }
  }
  const [row] = await p.db.query<{ display_name: string }>(`SELECT display_name FROM users WHERE id = $1`, [c.id]);
  dossier = { portfolioId: portfolio.id, candidateName: row!.display_name };
  context = await browser.newContext({ locale: 'nl-NL', timezoneId: 'Europe/Amsterdam', viewport: { width: 1280, height: 900 } });
  page = await context.newPage();
  await page.goto(`${assessorBase}/inloggen`);
  await logInWithForm(page, p, admin);
  await page.waitForURL(/\/bureau$/);
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await p?.close();
});

const office = () => request(p.assessor.getHttpServer());
const heading = (name: string | RegExp) => page.getByRole('heading', { level: 1, name }).waitFor();
const shot = (name: string) => page.screenshot({ path: `/tmp/office-admin-${name}.png`, fullPage: true });

describe('the office management screens in Chromium', () => {
  it('drafts a new gedragscode version, shows its diff, attaches the official PDF and publishes it', async () => {
    await page.goto(`${assessorBase}/bureau/reglementen`);
    await heading('Reglementen');
    await page.getByText('Geldend: versie 1').first().waitFor();
    await expectAccessible(page, 'reglementen');
    await shot('regulations');

    await page.getByRole('link', { name: 'Versies beheren: Gedragscode' }).click();
    await heading('Gedragscode');
    const rows = page.getByRole('row');
    await rows.filter({ hasText: 'Versie 1' }).filter({ hasText: 'Geldend' }).waitFor();
    await expectAccessible(page, 'gedragscode: versies');

    await page.getByRole('button', { name: 'Nieuw concept maken' }).click();
    await page.waitForURL(/\/bureau\/reglementen\/gedragscode\/2$/);
    await heading('Gedragscode — versie 2');
    await page.getByText('Geen verschillen').waitFor();
    await expectAccessible(page, 'concept (nieuw)');

    // Edit: one line changed, two added.
    const body = page.getByRole('textbox', { name: 'Tekst', exact: true });
    const original = await body.inputValue();
    const lines = original.replace(/\n+$/, '').split('\n');
    expect(lines.length).toBeGreaterThan(2);
    const changedAt = lines.findIndex((l) => l.trim().length > 10);
    const oldLine = lines[changedAt]!;
    lines[changedAt] = `${oldLine} (herzien)`;
    lines.push('', 'Artikel 99. De professional meldt elke nevenfunctie bij het bureau.');
    await body.fill(lines.join('\n'));
    await page.getByLabel('Samenvatting van de wijzigingen').fill('Nevenfuncties melden; een artikel verduidelijkt.');
    await page.getByRole('status').filter({ hasText: 'Niet opgeslagen wijzigingen' }).waitFor();
    await page.getByRole('button', { name: 'Concept opslaan' }).click();
    await page.getByRole('status').filter({ hasText: 'Concept opgeslagen.' }).waitFor();

    // The diff says which lines were added and removed in words, not only by colour.
    await page.getByText('3 regels toegevoegd, 1 regel verwijderd').waitFor();
    const diff = page.getByRole('list', { name: 'Gewijzigde regels met hun omgeving' });
    const removed = diff.getByRole('listitem').filter({ hasText: `verwijderd: ${oldLine}` });
    expect(await removed.count()).toBe(1);
    expect(await removed.locator('del').count()).toBe(1);
    expect(await diff.getByRole('listitem').filter({ hasText: 'toegevoegd: Artikel 99.' }).count()).toBe(1);
    expect(await diff.getByRole('listitem').filter({ hasText: `toegevoegd: ${oldLine} (herzien)` }).count()).toBe(1);
    const saved = await office().get('/admin/regulations/gedragscode/versions/2').set('Authorization', `Bearer ${admin.token}`).expect(200);
    expect(saved.body).toMatchObject({ status: 'draft', changeSummary: 'Nevenfuncties melden; een artikel verduidelijkt.' });
    expect(saved.body.body).toContain('Artikel 99.');
    await expectAccessible(page, 'concept met wijzigingen');
    await shot('draft-diff');

    // The official PDF: uploaded through the office's upload path, verified, attached.
    await page.getByLabel('Officiële PDF uploaden en koppelen').setInputFiles({ name: 'gedragscode-v2.pdf', mimeType: 'application/pdf', buffer: FILES.pdf('gedragscode v2') });
    await page.getByText('PDF gekoppeld').waitFor();
    await page.getByText('gedragscode-v2.pdf').waitFor();
    const withPdf = await office().get('/admin/regulations/gedragscode/versions/2').set('Authorization', `Bearer ${admin.token}`).expect(200);
    expect(withPdf.body.pdfDocumentId).toMatch(/^[0-9a-f-]{36}$/);
    await expectAccessible(page, 'concept met PDF');

    // A date in the past: the server's refusal, in Dutch, announced; nothing published.
    await page.getByLabel('Ingangsdatum').fill('2026-11-01');
    await page.getByRole('button', { name: 'Publiceren…' }).click();
    await page.getByText('Je publiceert versie 2 met ingangsdatum 1 november 2026.').waitFor();
    await expectAccessible(page, 'publiceren bevestigen');
    await page.getByRole('button', { name: 'Ja, publiceer versie 2' }).click();
    await page.getByRole('alert').filter({ hasText: 'De ingangsdatum mag niet in het verleden liggen' }).waitFor();
    expect((await office().get('/admin/regulations/gedragscode/versions/2').set('Authorization', `Bearer ${admin.token}`).expect(200)).body.status).toBe('draft');
    await expectAccessible(page, 'publiceren geweigerd');

    await page.getByLabel('Ingangsdatum').fill(TODAY);
    await page.getByRole('button', { name: 'Publiceren…' }).click();
    await page.getByRole('button', { name: 'Ja, publiceer versie 2' }).click();
    await page.getByText('Gepubliceerd op').waitFor();
    await page.getByText('✓ Geldend').waitFor();
    expect(await page.getByRole('textbox', { name: 'Tekst', exact: true }).count()).toBe(0);
    await page.getByRole('button', { name: 'PDF downloaden' }).waitFor();
    const published = await office().get('/admin/regulations/gedragscode/versions/2').set('Authorization', `Bearer ${admin.token}`).expect(200);
    expect(published.body).toMatchObject({ status: 'published', effectiveFrom: TODAY, current: true, publishedBy: admin.id });
    await expectAccessible(page, 'gepubliceerd');
    await shot('published');

    // Listed as published (in force), version 1 superseded.
    await page.getByRole('link', { name: 'Gedragscode' }).first().click();
    await heading('Gedragscode');
    await rows.filter({ hasText: 'Versie 2' }).filter({ hasText: 'Geldend' }).waitFor();
    await rows.filter({ hasText: 'Versie 1' }).filter({ hasText: 'Vervangen' }).waitFor();
    expect(await rows.filter({ hasText: 'Concept' }).count()).toBe(0);
    await expectAccessible(page, 'gedragscode: versies na publicatie');
    await shot('versions');

    // Version 1: who accepted it, and the draft that must accept version 2 now.
    await page.getByRole('link', { name: 'Versie 1' }).click();
    await heading('Gedragscode — versie 1');
    const renew = page.getByRole('table').filter({ hasText: 'Geaccepteerde versie' });
    await renew.getByRole('row').filter({ hasText: dossier.candidateName }).waitFor();
    await page.getByText('moeten opnieuw accepteren: de geldende versie is 2').waitFor();
    await expectAccessible(page, 'versie 1: acceptaties');
    await shot('acceptances');

    // 60 more candidates accepted version 1: the list shows 50, "Meer tonen" the rest (ADR 0027).
    await p.db.query(
      `WITH u AS (
         INSERT INTO users (email, password_hash, role, display_name, created_at, updated_at)
         SELECT 'accepteerde-' || i || '@test.rlp.local', 'x', 'candidate', 'Kandidaat ' || lpad(i::text, 2, '0'), now(), now() FROM generate_series(1, 60) i
         RETURNING id, display_name)
       INSERT INTO regulation_acceptances (user_id, portfolio_id, regulation_version_id, accepted_at)
       SELECT u.id, gen_random_uuid(), v.id, now() + right(u.display_name, 2)::int * interval '1 minute'
         FROM u CROSS JOIN regulation_versions v WHERE v.type = 'gedragscode' AND v.version = 1`,
    );
    await page.reload();
    await heading('Gedragscode — versie 1');
    const accepted = page.getByRole('region', { name: 'Wie deze versie accepteerde' });
    await accepted.getByRole('row').filter({ hasText: 'Kandidaat 49' }).waitFor();
    expect(await accepted.getByRole('row').count()).toBe(1 + 50);
    const more = accepted.getByRole('button', { name: 'Meer tonen (50 getoond)' });
    await expectAccessible(page, 'versie 1: acceptaties, eerste 50');
    await shot('acceptances-first-50');
    await more.click();
    await accepted.getByRole('row').filter({ hasText: 'Kandidaat 60' }).waitFor();
    expect(await accepted.getByRole('row').count()).toBe(1 + 61);
    expect(await accepted.getByRole('button', { name: /Meer tonen/ }).count()).toBe(0);
    await expectAccessible(page, 'versie 1: alle acceptaties');
    await shot('acceptances-more');
  });

  it('shows the rulebook versions and sets the default for new portfolios', async () => {
    await page.goto(`${assessorBase}/bureau/toetsingskaders`);
    await heading('Toetsingskaders');
    const row = (id: string) => page.getByRole('row').filter({ hasText: id });
    // Without a choice the newest published version is the default.
    await row(v2.id).filter({ hasText: 'Standaard' }).waitFor();
    expect(await row(rulebooks[0]!.id).filter({ hasText: 'Standaard' }).count()).toBe(0);
    await page.getByText('het bureau kan het hier voor de kandidaat doen').waitFor();
    await expectAccessible(page, 'toetsingskaders');

    await page.getByRole('radio', { name: new RegExp(rulebooks[0]!.id) }).check();
    await page.getByRole('button', { name: 'Standaard opslaan' }).click();
    await page.getByRole('status').filter({ hasText: 'Opgeslagen. Nieuwe portfolio’s beginnen nu op' }).waitFor();
    await row(rulebooks[0]!.id).filter({ hasText: 'Standaard' }).waitFor();
    expect(await row(v2.id).filter({ hasText: 'Standaard' }).count()).toBe(0);
    const listed = await office().get('/admin/rulebooks').set('Authorization', `Bearer ${admin.token}`).expect(200);
    expect((listed.body as Array<{ id: string; isDefault: boolean }>).find((r) => r.isDefault)?.id).toBe(rulebooks[0]!.id);
    expect(await page.getByRole('button', { name: 'Standaard opslaan' }).isDisabled()).toBe(true);
    await expectAccessible(page, 'toetsingskaders: standaard gewijzigd');
    await shot('rulebooks');
  });

  it('lists the drafts on each version, previews moving a candidate’s draft from version 1 to version 2, and moves it after a confirmation', async () => {
    // The default is version 1 now (previous test): a new, complete draft starts there.
    const sanne = await p.account('candidate', { displayName: 'Sanne Verhoeven' });
    const c = { id: sanne.id, email: sanne.email, password: sanne.password, token: sanne.token, auth: { Authorization: `Bearer ${sanne.token}` } };
    const portfolio = await createPortfolio(p, c);
    const { sections } = await completeSections(p, c, TODAY);
    for (const [section, body] of Object.entries(sections)) {
      // The declarations accept gedragscode version 1, replaced by version 2 in the first test: left open.
      if (section === 'declarations') continue;
      const res = await writeSection(p, c, portfolio.id, section, portfolio.etags[section]!, body);
      if (res.status !== 200) throw new Error(`${section}: ${res.status} ${JSON.stringify(res.body)}`);
    }
    const auth = { Authorization: `Bearer ${admin.token}` };
    const expected = await office().get(`/admin/portfolios/${portfolio.id}/rulebook-move?to=${v2.id}`).set(auth).expect(200);
    const preview = expected.body as { newFindings: Array<{ code: string }>; resolvedFindings: Array<{ code: string }>; after: { complete: boolean; blocking: number } };

    await page.goto(`${assessorBase}/bureau/toetsingskaders`);
    await heading('Toetsingskaders');
    const v1Drafts = page.getByRole('region', { name: new RegExp(rulebooks[0]!.id) });
    const v2Drafts = page.getByRole('region', { name: new RegExp(v2.id) });
    await v1Drafts.getByRole('row').filter({ hasText: 'Sanne Verhoeven' }).waitFor();
    // The first candidate's draft started on version 2 (then the default) and is listed there.
    await v2Drafts.getByRole('row').filter({ hasText: dossier.candidateName }).waitFor();
    expect(await v2Drafts.getByRole('row').filter({ hasText: 'Sanne Verhoeven' }).count()).toBe(0);
    await expectAccessible(page, 'toetsingskaders: concepten per versie');

    await v1Drafts.getByRole('button', { name: 'Portfolio verplaatsen van Sanne Verhoeven' }).click();
    const panel = page.getByRole('region', { name: 'Portfolio verplaatsen van Sanne Verhoeven' });
    await panel.waitFor();
    expect(await page.evaluate('document.activeElement && document.activeElement.textContent')).toBe('Portfolio verplaatsen van Sanne Verhoeven');
    expect(await panel.getByLabel('Naar versie').inputValue()).toBe(v2.id);
    await expectAccessible(page, 'verplaatsen: versie kiezen');
    await panel.getByRole('button', { name: 'Bekijk wat verandert' }).click();
    const report = panel.getByRole('table').filter({ hasText: 'Na verplaatsen' });
    await report.waitFor();
    expect(await report.getByRole('row').filter({ hasText: 'Compleet' }).textContent()).toContain(preview.after.complete ? '✓ ja' : '✗ nee');
    expect(await report.getByRole('row').filter({ hasText: 'Blokkerende bevindingen' }).locator('td').nth(1).textContent()).toBe(String(preview.after.blocking));
    await panel.getByText(`Nieuwe bevindingen (${preview.newFindings.length})`).waitFor();
    await panel.getByText(`Bevindingen die verdwijnen (${preview.resolvedFindings.length})`).waitFor();
    for (const f of preview.newFindings) expect(await panel.getByText(f.code, { exact: false }).count()).toBeGreaterThan(0);
    // Nothing moved by looking.
    expect((await office().get(`/admin/portfolios?rulebookVersion=${rulebooks[0]!.id}`).set(auth).expect(200)).body.portfolios.map((r: { id: string }) => r.id)).toContain(portfolio.id);
    await expectAccessible(page, 'verplaatsen: voorbeeld');
    await shot('rulebook-move-preview');

    await panel.getByRole('button', { name: `Verplaatsen naar ${v2.id}…` }).click();
    const confirm = panel.getByText('Het portfolio van Sanne Verhoeven wordt getoetst aan');
    await confirm.waitFor();
    await expectAccessible(page, 'verplaatsen: bevestigen');
    await shot('rulebook-move-confirm');
    await panel.getByRole('button', { name: 'Ja, verplaatsen' }).click();
    await page.getByRole('status').filter({ hasText: `Het portfolio van Sanne Verhoeven staat nu op` }).waitFor();
    await v2Drafts.getByRole('row').filter({ hasText: 'Sanne Verhoeven' }).waitFor();
    expect(await v1Drafts.getByRole('row').filter({ hasText: 'Sanne Verhoeven' }).count()).toBe(0);
    expect(await page.getByRole('region', { name: 'Portfolio verplaatsen van Sanne Verhoeven' }).count()).toBe(0);
    await expectAccessible(page, 'verplaatsen: verplaatst');
    await shot('rulebook-moved');

    // The candidate's draft is on version 2, and the audit trail names the admin.
    const own = await request(p.candidate.getHttpServer()).get(`/portfolios/${portfolio.id}`).set(c.auth).expect(200);
    expect(own.body.rulebookVersion).toBe(v2.id);
    const trail = await office().get(`/admin/audit-events?portfolioId=${portfolio.id}&limit=1`).set(auth).expect(200);
    expect(trail.body.events[0]).toMatchObject({ action: 'portfolio.rulebook_moved', actorId: admin.id, data: { before: rulebooks[0]!.id, after: v2.id } });
  });

  it('filters the audit trail by a dossier, pages through it, and shows the hash chain intact, then broken at the changed event', async () => {
    const [{ n }] = (await p.db.query<{ n: string }>(
      `SELECT count(*)::text AS n FROM audit_events WHERE (subject_type = 'portfolio' AND subject_id = $1) OR data ->> 'portfolioId' = $1`,
      [dossier.portfolioId],
    )) as [{ n: string }];
    const total = Number(n);
    expect(total).toBeGreaterThan(10);
    // Every event chained (the background chainer does so right after each commit), so each row shows its position.
    await p.assessor.get(AuditChainer).chainPending();

    await page.goto(`${assessorBase}/bureau/audit`);
    await heading('Audittrail');
    await page.getByText('Intact.').waitFor();
    await expectAccessible(page, 'auditspoor');

    // A malformed dossier identifier: the field says why, nothing is asked.
    await page.getByLabel('Dossier (kenmerk)').fill('abc');
    await page.getByRole('button', { name: 'Filter toepassen' }).click();
    await page.getByText('Vul het volledige kenmerk in').waitFor();
    expect(await page.getByLabel('Dossier (kenmerk)').getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(page, 'auditspoor: fout kenmerk');

    await page.getByLabel('Dossier (kenmerk)').fill(dossier.portfolioId);
    await page.getByLabel('Per pagina').selectOption('10');
    await page.getByRole('button', { name: 'Filter toepassen' }).click();
    await page.waitForURL(new RegExp(`dossier=${dossier.portfolioId}`));
    await page.getByRole('status').filter({ hasText: 'Pagina 1: 10 gebeurtenissen' }).waitFor();
    const events = page.getByRole('table').filter({ hasText: 'Wanneer' });
    const bodyRows = events.locator('tbody tr');
    expect(await bodyRows.count()).toBe(10);
    // When (in Amsterdam time, as the database recorded it), who, what, which dossier.
    const [newest] = await p.db.query<{ at: Date }>(
      `SELECT occurred_at AS at FROM audit_events WHERE (subject_type = 'portfolio' AND subject_id = $1) OR data ->> 'portfolioId' = $1 ORDER BY id DESC LIMIT 1`,
      [dossier.portfolioId],
    );
    const when = new Intl.DateTimeFormat('nl-NL', { timeZone: 'Europe/Amsterdam', weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit' }).format(newest!.at);
    const first = bodyRows.first();
    expect(await first.textContent()).toContain(when);
    expect(await first.textContent()).toContain(dossier.candidateName);
    expect(await first.textContent()).toContain(dossier.portfolioId.slice(0, 8));
    expect(await events.getByText('Onderdeel opgeslagen').count()).toBeGreaterThan(0);
    await expectAccessible(page, 'auditspoor: dossier, pagina 1');
    await shot('audit');

    // Page through to the end: every event of the dossier once, the oldest is its creation.
    const seen = new Set<string>();
    const collect = async () => {
      for (const seq of await bodyRows.locator('th').allTextContents()) seen.add(seq);
    };
    await collect();
    const firstPage = [...seen];
    let pageNo = 1;
    while (await page.getByRole('button', { name: 'Oudere' }).isEnabled()) {
      pageNo++;
      await page.getByRole('button', { name: 'Oudere' }).click();
      await page.getByRole('status').filter({ hasText: `Pagina ${pageNo}:` }).waitFor();
      await collect();
    }
    expect(seen.size).toBe(total);
    expect(pageNo).toBe(Math.ceil(total / 10));
    await events.getByText('Portfolio aangemaakt').waitFor();
    await expectAccessible(page, `auditspoor: dossier, pagina ${pageNo}`);
    await page.getByRole('button', { name: 'Nieuwere' }).click();
    await page.getByRole('status').filter({ hasText: `Pagina ${pageNo - 1}: 10 gebeurtenissen` }).waitFor();

    // A period after today holds nothing; the filter is in the address, so it can be shared.
    await page.getByLabel('Vanaf (datum)').fill('2099-01-01');
    await page.getByRole('button', { name: 'Filter toepassen' }).click();
    await page.waitForURL(/van=2099-01-01/);
    await page.getByRole('status').filter({ hasText: 'Geen gebeurtenissen gevonden.' }).waitFor();
    await expectAccessible(page, 'auditspoor: lege periode');
    await page.getByLabel('Vanaf (datum)').fill('');
    await page.getByRole('button', { name: 'Filter toepassen' }).click();
    await page.getByRole('status').filter({ hasText: 'Pagina 1: 10 gebeurtenissen' }).waitFor();

    // By person: the admin's own events (the login, the regulation published in the first test), none of the candidate's.
    await page.getByLabel('Dossier (kenmerk)').fill('');
    await page.getByLabel('Persoon').selectOption({ label: `Anna de Boer (bureau, ${admin.email})` });
    await page.getByRole('button', { name: 'Filter toepassen' }).click();
    await page.waitForURL(new RegExp(`persoon=${admin.id}`));
    await events.getByText('Reglement gepubliceerd').waitFor();
    expect(await events.getByText(dossier.candidateName).count()).toBe(0);
    await expectAccessible(page, 'auditspoor: persoon');
    await page.getByLabel('Persoon').selectOption('');
    await page.getByLabel('Dossier (kenmerk)').fill(dossier.portfolioId);
    await page.getByRole('button', { name: 'Filter toepassen' }).click();
    await page.getByRole('status').filter({ hasText: 'Pagina 1: 10 gebeurtenissen' }).waitFor();

    // The event's data, readable.
    const details = events.locator('details').first();
    await details.locator('summary').click();
    await waitUntil(page, `document.querySelector('table details[open] dl') !== null`);
    await expectAccessible(page, 'auditspoor: gegevens open');

    // Someone changes an event directly in the database, triggers off: the page shows where.
    const changedSeq = firstPage[firstPage.length - 1]!;
    await p.db.query(
      `BEGIN;
       SET LOCAL session_replication_role = replica;
       UPDATE audit_events SET data = data || '{"tampered": true}'::jsonb WHERE chain_seq = ${Number(changedSeq)};
       COMMIT;`,
    );
    await page.getByRole('button', { name: 'Opnieuw controleren' }).click();
    await page.getByRole('alert').filter({ hasText: `Gebroken bij gebeurtenis ${changedSeq}` }).waitFor();
    expect(await page.getByRole('alert').filter({ hasText: 'de inhoud is gewijzigd' }).count()).toBe(1);
    expect(await page.getByText('Intact.').count()).toBe(0);
    await expectAccessible(page, 'auditspoor: keten gebroken');
    await shot('audit-broken');

    // The same in English.
    await page.getByRole('button', { name: 'Switch to English' }).click();
    await heading('Audit trail');
    await page.getByRole('alert').filter({ hasText: `Broken at event ${changedSeq}` }).waitFor();
    await page.getByRole('table').filter({ hasText: 'When' }).getByText('Section saved').first().waitFor();
    await expectAccessible(page, 'audit trail: broken (English)');
    await shot('audit-broken-en');
    await page.getByRole('button', { name: 'Schakel naar Nederlands' }).click();
    await heading('Audittrail');
  });
});
