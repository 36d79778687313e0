import request from 'supertest';
import { startTestPlatform, type TestAccount, type TestPlatform } from '@rlp/testing';
import type { CaughtMail } from '../libs/embedded/src/mail-catcher';

/** Invitations for assessors and admins (issue 15, ADR 0021), delivered over real SMTP. */
describe('invitations (e2e)', () => {
  let p: TestPlatform;
  let admin: TestAccount;
  beforeAll(async () => {
    p = await startTestPlatform({ mail: true, now: new Date('2026-11-23T09:00:00Z') });
    admin = await p.account('admin');
  });
  afterAll(() => p?.close());

  const asr = () => request(p.assessor.getHttpServer());
  const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
  const tokenOf = (mail: CaughtMail) => decodeURIComponent(/\/uitnodiging\?token=([A-Za-z0-9_%-]+)/.exec(mail.text)![1]!);
  const mailsTo = (email: string) => p.mail!.messages().filter((m) => m.to.includes(email));
  const invite = (email: string, displayName = 'Nieuwe Persoon', role = 'assessor') =>
    asr().post('/admin/accounts').set(bearer(admin.token)).send({ email, displayName, role, organisation: 'Praktijk' });

  it('creates the account without a password and mails the person a link to the assessor portal; nobody else gets anything', async () => {
    const before = p.mail!.messages().length;
    const res = await invite('Karin.Bakker@Example.nl', 'Karin Bakker').expect(201);
    expect(res.body).toMatchObject({ email: 'karin.bakker@example.nl', role: 'assessor', active: true, twoFactorEnabled: false, invitation: { status: 'pending' } });
    expect(res.body.invitation.expiresAt).toBe('2026-11-30T09:00:00.000Z');
    expect(res.body).not.toHaveProperty('password');

    const mail = await p.mail!.waitFor((m) => m.to.includes('karin.bakker@example.nl'));
    expect(mail.subject).toBe('Uitnodiging: stel je wachtwoord in / Invitation: set your password — Register Loopbaanprofessional');
    expect(mail.subject).not.toContain('Karin');
    expect(mail.text).toContain('Beste Karin Bakker,');
    expect(mail.text).toContain('Dear Karin Bakker,');
    expect(mail.text).toMatch(new RegExp(`${p.config.publicUrls.assessor.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/uitnodiging\\?token=[A-Za-z0-9_-]{43}`));
    expect(mail.html).toContain('/uitnodiging?token=');
    expect(mail.text).toContain('tweestapsverificatie');
    // Exactly one message, to her: not to the admin, not to the office.
    expect(p.mail!.messages().slice(before).map((m) => m.to)).toEqual([['karin.bakker@example.nl']]);

    // Only the hash is stored; the account has no usable password.
    const token = tokenOf(mail);
    const rows = await p.db.query<{ token_hash: string; purpose: string }>(`SELECT t."token_hash", t."purpose" FROM "account_tokens" t WHERE t."user_id" = $1`, [res.body.id]);
    expect(rows).toEqual([{ token_hash: expect.stringMatching(/^[0-9a-f]{64}$/), purpose: 'invitation' }]);
    expect(JSON.stringify(rows)).not.toContain(token);
    // Audited: created (invited) and sent, by the admin.
    const audit = await p.db.query<{ action: string; actor_id: string }>(`SELECT "action", "actor_id" FROM "audit_events" WHERE "subject_id" = $1 ORDER BY "id"`, [res.body.id]);
    expect(audit).toEqual([
      { action: 'account.created', actor_id: admin.id },
      { action: 'account.invitation_sent', actor_id: admin.id },
    ]);
    const login = await asr().post('/auth/login').send({ email: 'karin.bakker@example.nl', password: '!invitation-pending' }).expect(401);
    expect(login.body.code).toBe('INVALID_CREDENTIALS');

  });

  it('lets the person choose a password once (the strength rules hold, a weak one keeps the link), then log in and enrol', async () => {
    const created = await invite('piet.nieuw@example.nl', 'Piet Nieuw').expect(201);
    const token = tokenOf(await p.mail!.waitFor((m) => m.to.includes('piet.nieuw@example.nl')));

    const check = await asr().post('/auth/invitation/check').send({ token }).expect(200);
    expect(check.body).toEqual({ email: 'piet.nieuw@example.nl', displayName: 'Piet Nieuw', expiresAt: '2026-11-30T09:00:00.000Z' });
    const weak = await asr().post('/auth/invitation/accept').send({ token, password: 'wachtwoord123' }).expect(400);
    expect(['PASSWORD_TOO_WEAK', 'PASSWORD_TOO_SHORT']).toContain(weak.body.code);
    const short = await asr().post('/auth/invitation/accept').send({ token, password: 'kort' }).expect(400);
    expect(short.body.code).toBe('PASSWORD_TOO_SHORT');
    await asr().post('/auth/invitation/check').send({ token }).expect(200);

    const password = 'een eigen zin die niemand raadt';
    await asr().post('/auth/invitation/accept').send({ token, password }).expect(204);
    const used = await asr().post('/auth/invitation/accept').send({ token, password: 'nog een heel andere zin' }).expect(409);
    expect(used.body.code).toBe('TOKEN_USED');
    expect((await asr().post('/auth/invitation/check').send({ token }).expect(409)).body.code).toBe('TOKEN_USED');

    const login = await asr().post('/auth/login').send({ email: 'piet.nieuw@example.nl', password }).expect(200);
    expect(login.body.twoFactorEnrolmentRequired).toBe(true);
    await asr().get('/assessments').set(bearer(login.body.token as string)).expect(403);
    const list = await asr().get('/admin/accounts?role=assessor').set(bearer(admin.token)).expect(200);
    expect(list.body.find((a: { id: string }) => a.id === created.body.id)).toMatchObject({ invitation: { status: 'accepted' }, twoFactorEnabled: false });
    // Once accepted, the office cannot send a new link (that would let it set the password).
    expect((await asr().post(`/admin/accounts/${created.body.id}/invitation`).set(bearer(admin.token)).expect(409)).body.code).toBe('INVITATION_ALREADY_ACCEPTED');
    const audit = await p.db.query<{ action: string }>(`SELECT "action" FROM "audit_events" WHERE "subject_id" = $1 ORDER BY "id"`, [created.body.id]);
    expect(audit.map((a) => a.action)).toContain('account.invitation_accepted');
  });

  it('a resend makes a new link and the old one dies; a link expires after 7 days', async () => {
    const created = await invite('lisa.later@example.nl', 'Lisa Later').expect(201);
    const first = tokenOf(await p.mail!.waitFor((m) => m.to.includes('lisa.later@example.nl')));
    const resent = await asr().post(`/admin/accounts/${created.body.id}/invitation`).set(bearer(admin.token)).expect(200);
    expect(resent.body.invitation.status).toBe('pending');
    await p.mail!.waitFor(() => mailsTo('lisa.later@example.nl').length === 2);
    const second = tokenOf(mailsTo('lisa.later@example.nl')[1]!);
    expect(second).not.toBe(first);
    expect((await asr().post('/auth/invitation/check').send({ token: first }).expect(400)).body.code).toBe('TOKEN_INVALID');
    await asr().post('/auth/invitation/check').send({ token: second }).expect(200);

    p.clock.advanceMinutes(7 * 24 * 60 + 1);
    admin = await p.account('admin'); // the first admin's session has ended meanwhile
    expect((await asr().post('/auth/invitation/accept').send({ token: second, password: 'een eigen zin die niemand raadt' }).expect(409)).body.code).toBe('TOKEN_EXPIRED');
    const list = await asr().get('/admin/accounts?role=assessor').set(bearer(admin.token)).expect(200);
    expect(list.body.find((a: { id: string }) => a.id === created.body.id).invitation.status).toBe('expired');
    // A new link works again.
    await asr().post(`/admin/accounts/${created.body.id}/invitation`).set(bearer(admin.token)).expect(200);
    await p.mail!.waitFor(() => mailsTo('lisa.later@example.nl').length === 3);
    await asr().post('/auth/invitation/accept').send({ token: tokenOf(mailsTo('lisa.later@example.nl')[2]!), password: 'een eigen zin die niemand raadt' }).expect(204);
    const audit = await p.db.query<{ action: string }>(`SELECT "action" FROM "audit_events" WHERE "subject_id" = $1 ORDER BY "id"`, [created.body.id]);
    expect(audit.map((a) => a.action).filter((a) => a === 'account.invitation_resent')).toHaveLength(2);
  });

  it('refuses what it must: duplicates, candidates, non-admins, deactivated accounts, bad tokens — and changes nothing', async () => {
    expect((await invite(admin.email).expect(409)).body.code).toBe('ACCOUNT_EXISTS');
    expect((await invite('kandidaat@example.nl', 'K', 'candidate').expect(400)).body.code).toBe('VALIDATION_FAILED');
    const assessor = await p.account('assessor');
    await asr().post('/admin/accounts').set(bearer(assessor.token)).send({ email: 'x@example.nl', displayName: 'X', role: 'assessor' }).expect(403);
    await asr().post('/admin/accounts').send({ email: 'x@example.nl', displayName: 'X', role: 'assessor' }).expect(401);
    expect(await p.db.query(`SELECT 1 FROM "users" WHERE "email" IN ('x@example.nl', 'kandidaat@example.nl')`)).toEqual([]);

    const candidate = await p.account('candidate');
    expect((await asr().post(`/admin/accounts/${candidate.id}/invitation`).set(bearer(admin.token)).expect(409)).body.code).toBe('NOT_INVITABLE');
    const gone = await invite('weg@example.nl', 'Weg').expect(201);
    const token = tokenOf(await p.mail!.waitFor((m) => m.to.includes('weg@example.nl')));
    await asr().post(`/admin/accounts/${gone.body.id}/deactivate`).set(bearer(admin.token)).expect(200);
    expect((await asr().post(`/admin/accounts/${gone.body.id}/invitation`).set(bearer(admin.token)).expect(409)).body.code).toBe('ACCOUNT_INACTIVE');
    expect((await asr().post('/auth/invitation/accept').send({ token, password: 'een eigen zin die niemand raadt' }).expect(400)).body.code).toBe('TOKEN_INVALID');

    for (const bad of ['', 'kort', 'x'.repeat(201), '../../etc/passwd']) {
      const res = await asr().post('/auth/invitation/check').send({ token: bad });
      expect(res.status).toBe(400);
      expect(res.body.code).toMatch(/^(TOKEN_INVALID|VALIDATION_FAILED)$/);
    }
    await asr().post('/auth/invitation/accept').send({ token: 'A'.repeat(43) }).expect(400);
    // The candidate API has no invitations.
    await request(p.candidate.getHttpServer()).post('/auth/invitation/check').send({ token: 'A'.repeat(43) }).expect(404);
  });
});
