import request from 'supertest';
import { totpCode } from '@rlp/accounts';
import { startTestPlatform, type TestAccount, type TestPlatform } from '@rlp/testing';

/** TOTP two-factor authentication (issue 15, ADR 0021), over HTTP against the real apps. */
describe('two-factor authentication (e2e)', () => {
  let p: TestPlatform;
  beforeAll(async () => {
    p = await startTestPlatform({ env: { LOGIN_MAX_ATTEMPTS: '5', LOGIN_WINDOW_SECONDS: '900', TRUST_PROXY: 'loopback' } });
  });
  afterAll(() => p?.close());

  const asr = () => request(p.assessor.getHttpServer());
  const cand = () => request(p.candidate.getHttpServer());
  let ipCounter = 0;
  /** Each test its own client address, so the address's throttle key of one test does not hold another. */
  const ip = () => `198.51.100.${++ipCounter}`;
  const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
  const audit = (subjectId: string) =>
    p.db.query<{ action: string }>(`SELECT "action" FROM "audit_events" WHERE "subject_id" = $1 ORDER BY "id"`, [subjectId]).then((r) => r.map((x) => x.action));

  /** Enrols through the API with the token of a session, returning the secret and the recovery codes. */
  async function enrol(app: () => request.SuperTest<request.Test> | ReturnType<typeof asr>, token: string, password?: string): Promise<{ secret: string; recoveryCodes: string[] }> {
    const start = await app().post('/auth/two-factor/enrolment').set(bearer(token)).expect(200);
    const secret = start.body.secret as string;
    const confirmed = await app()
      .post('/auth/two-factor/enrolment/confirm')
      .set(bearer(token))
      .send({ code: totpCode(secret, p.clock.now()), ...(password === undefined ? {} : { password }) })
      .expect(200);
    return { secret, recoveryCodes: confirmed.body.recoveryCodes as string[] };
  }

  it('holds an assessor without two-factor to enrolment: no dossier until a first code confirms it', async () => {
    const a = await p.account('assessor', {}, { twoFactor: false });
    const login = await asr().post('/auth/login').set('X-Forwarded-For', ip()).send({ email: a.email, password: a.password }).expect(200);
    expect(login.body.twoFactorEnrolmentRequired).toBe(true);
    const token = login.body.token as string;

    const me = await asr().get('/auth/me').set(bearer(token)).expect(200);
    expect(me.body.twoFactor).toEqual({ enabled: false, required: true, enrolmentRequired: true, recoveryCodesLeft: 0 });
    const held = await asr().get('/assessments').set(bearer(token)).expect(403);
    expect(held.body).toMatchObject({ code: 'ROLE_FORBIDDEN', details: { reason: 'TWO_FACTOR_ENROLMENT_REQUIRED' } });

    const start = await asr().post('/auth/two-factor/enrolment').set(bearer(token)).expect(200);
    expect(start.body.secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(start.body.otpauthUri).toContain(`secret=${start.body.secret}`);
    expect(start.body.otpauthUri).toContain('issuer=Register%20Loopbaanprofessional');
    expect(Buffer.from((start.body.qrCode as string).replace('data:image/svg+xml;base64,', ''), 'base64').toString('utf8')).toMatch(/^<svg/);

    // A wrong code confirms nothing; the session stays held.
    const wrong = await asr().post('/auth/two-factor/enrolment/confirm').set(bearer(token)).send({ code: '000000' }).expect(400);
    expect(wrong.body.code).toBe('TOTP_INVALID');
    await asr().get('/assessments').set(bearer(token)).expect(403);

    const confirmed = await asr().post('/auth/two-factor/enrolment/confirm').set(bearer(token)).send({ code: totpCode(start.body.secret as string, p.clock.now()) }).expect(200);
    const codes = confirmed.body.recoveryCodes as string[];
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const c of codes) expect(c).toMatch(/^[a-z2-9]{5}-[a-z2-9]{5}$/);
    // Only hashes are stored.
    const stored = await p.db.query<{ code_hash: string }>(`SELECT "code_hash" FROM "two_factor_recovery_codes" WHERE "user_id" = $1`, [a.id]);
    expect(stored).toHaveLength(10);
    expect(JSON.stringify(stored)).not.toContain(codes[0]!.replace('-', ''));

    // The same session goes on: dossiers now.
    await asr().get('/assessments').set(bearer(token)).expect(200);
    expect((await asr().get('/auth/me').set(bearer(token)).expect(200)).body.twoFactor).toEqual({ enabled: true, required: true, enrolmentRequired: false, recoveryCodesLeft: 10 });
    await asr().post('/auth/two-factor/enrolment').set(bearer(token)).expect(409);
    expect(await audit(a.id)).toContain('two_factor.enabled');
  });

  it('asks an enrolled account for the code only after the right password, and takes each code once', async () => {
    const a = await p.account('assessor');
    const from = ip();
    const login = (body: Record<string, string>) => asr().post('/auth/login').set('X-Forwarded-For', from).send({ email: a.email, ...body });

    // Wrong password: the same answer with or without a code; nothing says two-factor is on.
    expect((await login({ password: 'not-the-password' }).expect(401)).body.code).toBe('INVALID_CREDENTIALS');
    expect((await login({ password: 'not-the-password', totpCode: '123456' }).expect(401)).body.code).toBe('INVALID_CREDENTIALS');
    expect((await login({ password: a.password }).expect(401)).body.code).toBe('TOTP_REQUIRED');
    expect((await login({ password: a.password, totpCode: 'abcdef' }).expect(400)).body.code).toBe('VALIDATION_FAILED');
    expect((await login({ password: a.password, totpCode: '000000' }).expect(401)).body.code).toBe('TOTP_INVALID');

    const code = await p.totpCode(a);
    const ok = await login({ password: a.password, totpCode: code }).expect(200);
    expect(ok.body.twoFactorEnrolmentRequired).toBe(false);
    await asr().get('/assessments').set(bearer(ok.body.token as string)).expect(200);
    // The same code again (a replay within its window) is refused.
    expect((await login({ password: a.password, totpCode: code }).expect(401)).body.code).toBe('TOTP_INVALID');
    // So is an older one of the window once a newer one was used.
    const now = p.clock.now();
    const previous = totpCode(a.totpSecret!, new Date(now.getTime() - 30_000));
    if (previous !== code) expect((await login({ password: a.password, totpCode: previous }).expect(401)).body.code).toBe('TOTP_INVALID');
    // A code from far outside the window (an hour ago) never works.
    expect((await login({ password: a.password, totpCode: totpCode(a.totpSecret!, new Date(now.getTime() - 3_600_000)) }).expect(401)).body.code).toBe('TOTP_INVALID');
    // The browser login takes the code the same way.
    const browser = await asr().post('/auth/session').set('X-Forwarded-For', from).send({ email: a.email, password: a.password, totpCode: await p.totpCode(a) }).expect(200);
    expect(browser.body.twoFactorEnrolmentRequired).toBe(false);
    expect(await audit(a.id)).toContain('auth.two_factor_failed');
  });

  it('lets a recovery code in once, in any case and with or without its dash', async () => {
    const a = await p.account('admin');
    const from = ip();
    const code = a.recoveryCodes[3]!;
    const typed = code.toUpperCase().replace('-', ' ');
    const ok = await asr().post('/auth/login').set('X-Forwarded-For', from).send({ email: a.email, password: a.password, recoveryCode: typed }).expect(200);
    expect((await asr().get('/auth/me').set(bearer(ok.body.token as string)).expect(200)).body.twoFactor.recoveryCodesLeft).toBe(9);
    const again = await asr().post('/auth/login').set('X-Forwarded-For', from).send({ email: a.email, password: a.password, recoveryCode: code }).expect(401);
    expect(again.body.code).toBe('TOTP_INVALID');
    expect(await audit(a.id)).toContain('two_factor.recovery_code_used');
  });

  it('counts wrong codes towards the login throttle: six digits cannot be tried through', async () => {
    const a = await p.account('assessor');
    const from = ip();
    const login = (totp: string) => asr().post('/auth/login').set('X-Forwarded-For', from).send({ email: a.email, password: a.password, totpCode: totp });
    // LOGIN_MAX_ATTEMPTS = 5: the fifth wrong code starts the wait.
    for (let i = 0; i < 5; i++) expect((await login(String(100000 + i)).expect(401)).body.code).toBe('TOTP_INVALID');
    const held = await login(await p.totpCode(a)).expect(429);
    expect(held.body.code).toBe('LOGIN_RATE_LIMITED');
    // From another address too (the account's key), until the wait is over.
    await asr().post('/auth/login').set('X-Forwarded-For', ip()).send({ email: a.email, password: a.password, totpCode: '999999' }).expect(429);
    p.clock.advanceMinutes(1);
    await login(await p.totpCode(a)).expect(200);
  });

  it('lets the office reset an assessor’s two-factor (a lost phone): every session ends and the person enrols again', async () => {
    const admin = await p.account('admin');
    const a = await p.account('assessor');
    await asr().get('/assessments').set(bearer(a.token)).expect(200);
    const list = await asr().get('/admin/accounts?role=assessor').set(bearer(admin.token)).expect(200);
    expect(list.body.find((x: { id: string }) => x.id === a.id)).toMatchObject({ twoFactorEnabled: true, invitation: { status: 'not_invited' } });

    const reset = await asr().post(`/admin/accounts/${a.id}/two-factor/reset`).set(bearer(admin.token)).expect(200);
    expect(reset.body).toMatchObject({ id: a.id, twoFactorEnabled: false });
    await asr().get('/assessments').set(bearer(a.token)).expect(401);
    // The old secret and recovery codes are gone: the password alone gives an enrolment-only session.
    const login = await asr().post('/auth/login').set('X-Forwarded-For', ip()).send({ email: a.email, password: a.password }).expect(200);
    expect(login.body.twoFactorEnrolmentRequired).toBe(true);
    await asr().get('/assessments').set(bearer(login.body.token as string)).expect(403);
    expect(await audit(a.id)).toContain('two_factor.reset');

    // Only admins reset; an unknown account is 404.
    await asr().post(`/admin/accounts/${admin.id}/two-factor/reset`).set(bearer(a.token)).expect(401);
    const other = await p.account('assessor');
    await asr().post(`/admin/accounts/${admin.id}/two-factor/reset`).set(bearer(other.token)).expect(403);
    await asr().post('/admin/accounts/00000000-0000-4000-8000-000000000000/two-factor/reset').set(bearer(admin.token)).expect(404);
  });

  it('is optional for candidates: on with a first code, off with the password and a code', async () => {
    const c: TestAccount = await p.account('candidate');
    const from = ip();
    expect((await cand().get('/auth/me').set(bearer(c.token)).expect(200)).body.twoFactor).toEqual({ enabled: false, required: false, enrolmentRequired: false, recoveryCodesLeft: 0 });
    // Switched on by choice, it needs the password too: a borrowed session cannot lock the owner out.
    const tried = await cand().post('/auth/two-factor/enrolment').set(bearer(c.token)).expect(200);
    for (const password of [undefined, 'niet het wachtwoord']) {
      const refused = await cand()
        .post('/auth/two-factor/enrolment/confirm')
        .set(bearer(c.token))
        .send({ code: totpCode(tried.body.secret as string, p.clock.now()), ...(password === undefined ? {} : { password }) })
        .expect(400);
      expect(refused.body.code).toBe('PASSWORD_INCORRECT');
    }
    expect((await cand().get('/auth/two-factor').set(bearer(c.token)).expect(200)).body.enabled).toBe(false);
    const { secret, recoveryCodes } = await enrol(cand, c.token, c.password);
    expect(recoveryCodes).toHaveLength(10);
    expect((await cand().post('/auth/login').set('X-Forwarded-For', from).send({ email: c.email, password: c.password }).expect(401)).body.code).toBe('TOTP_REQUIRED');
    p.clock.advanceMinutes(1);
    const withCode = await cand().post('/auth/login').set('X-Forwarded-For', from).send({ email: c.email, password: c.password, totpCode: totpCode(secret, p.clock.now()) }).expect(200);
    const token = withCode.body.token as string;

    p.clock.advanceMinutes(1);
    const wrongPassword = await cand().post('/auth/two-factor/disable').set(bearer(token)).send({ password: 'not-the-password', code: totpCode(secret, p.clock.now()) }).expect(400);
    expect(wrongPassword.body.code).toBe('PASSWORD_INCORRECT');
    const wrongCode = await cand().post('/auth/two-factor/disable').set(bearer(token)).send({ password: c.password, code: '000000' }).expect(400);
    expect(wrongCode.body.code).toBe('TOTP_INVALID');
    await cand().post('/auth/two-factor/disable').set(bearer(token)).send({ password: c.password, code: totpCode(secret, p.clock.now()) }).expect(204);
    await cand().post('/auth/login').set('X-Forwarded-For', from).send({ email: c.email, password: c.password }).expect(200);
    expect(await audit(c.id)).toEqual(expect.arrayContaining(['two_factor.enabled', 'two_factor.disabled']));
  });

  it('makes ten new recovery codes with a current app code; the old ones stop working', async () => {
    const a = await p.account('assessor');
    const wrong = await asr().post('/auth/two-factor/recovery-codes').set(bearer(a.token)).send({ code: '000000' }).expect(400);
    expect(wrong.body.code).toBe('TOTP_INVALID');
    const res = await asr().post('/auth/two-factor/recovery-codes').set(bearer(a.token)).send({ code: await p.totpCode(a) }).expect(200);
    const codes = res.body.recoveryCodes as string[];
    expect(codes).toHaveLength(10);
    expect(codes.some((c) => a.recoveryCodes.includes(c))).toBe(false);
    const from = ip();
    expect((await asr().post('/auth/login').set('X-Forwarded-For', from).send({ email: a.email, password: a.password, recoveryCode: a.recoveryCodes[0] }).expect(401)).body.code).toBe('TOTP_INVALID');
    await asr().post('/auth/login').set('X-Forwarded-For', from).send({ email: a.email, password: a.password, recoveryCode: codes[0] }).expect(200);
    expect(await audit(a.id)).toContain('two_factor.recovery_codes_replaced');
    // Without 2FA there is nothing to replace.
    const c = await p.account('candidate');
    expect((await cand().post('/auth/two-factor/recovery-codes').set(bearer(c.token)).send({ code: '123456' }).expect(409)).body.code).toBe('TWO_FACTOR_NOT_ENABLED');
  });

  it('cannot be switched off by an assessor or admin', async () => {
    const a = await p.account('assessor');
    const res = await asr().post('/auth/two-factor/disable').set(bearer(a.token)).send({ password: a.password, code: await p.totpCode(a) }).expect(403);
    expect(res.body.code).toBe('TWO_FACTOR_REQUIRED');
    const status = await asr().get('/auth/two-factor').set(bearer(a.token)).expect(200);
    expect(status.body).toEqual({ enabled: true, required: true, recoveryCodesLeft: 10 });
  });

  it('refuses app codes for the rest of the day after 20 wrong ones (the throttle alone restarts after a quiet window); a recovery code still works', async () => {
    const a = await p.account('assessor');
    const from = ip();
    const login = (body: Record<string, string>) => asr().post('/auth/login').set('X-Forwarded-For', from).send({ email: a.email, password: a.password, ...body });
    // One wrong code every 16 minutes: the login throttle (window 15 min) never holds it …
    for (let i = 0; i < 20; i++) {
      p.clock.advanceMinutes(16);
      expect((await login({ totpCode: String(200000 + i) }).expect(401)).body.code).toBe('TOTP_INVALID');
    }
    // … but the account's daily count does: even the right code is refused now.
    p.clock.advanceMinutes(16);
    const locked = await login({ totpCode: await p.totpCode(a) }).expect(429);
    expect(locked.body.code).toBe('TOTP_LOCKED');
    await login({ recoveryCode: a.recoveryCodes[0]! }).expect(200);
    // A day after the first wrong code, codes work again.
    p.clock.advanceMinutes(24 * 60);
    await login({ totpCode: await p.totpCode(a) }).expect(200);
  });
});
