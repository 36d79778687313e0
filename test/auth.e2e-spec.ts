import request from 'supertest';
import { startTestPlatform, TestPlatform } from '@rlp/testing';

describe('accounts and sessions (e2e)', () => {
  let p: TestPlatform;
  const cand = () => request(p.candidate.getHttpServer());
  const asr = () => request(p.assessor.getHttpServer());

  beforeAll(async () => {
    p = await startTestPlatform({ env: { SESSION_TTL_MINUTES: '600', SESSION_IDLE_MINUTES: '30' } });
  });
  afterAll(() => p.close());

  describe('candidate registration', () => {
    it('registers a candidate who can then log in and see themself (the address is confirmed by mail: account-lifecycle.e2e-spec)', async () => {
      const reg = await cand()
        .post('/auth/register')
        .send({ email: '  Anna.Smit@Example.NL ', password: 'een-lang-wachtwoord', displayName: 'Anna Smit' })
        .expect(202);
      expect(reg.body).toEqual({ status: 'accepted', message: expect.any(String) });

      const login = await cand().post('/auth/login').send({ email: 'ANNA.SMIT@example.nl', password: 'een-lang-wachtwoord' }).expect(200);
      expect(login.body.token).toMatch(/^[A-Za-z0-9_-]{40,}$/);
      const me = await cand().get('/auth/me').set('Authorization', `Bearer ${login.body.token}`).expect(200);
      expect(me.body).toMatchObject({ email: 'anna.smit@example.nl', role: 'candidate', displayName: 'Anna Smit' });
      expect(me.body).not.toHaveProperty('passwordHash');
    });

    it('refuses a short password with a clear code and creates nothing', async () => {
      const res = await cand().post('/auth/register').send({ email: 'kort@example.nl', password: 'kort', displayName: 'Kort' }).expect(400);
      expect(res.body).toMatchObject({ code: 'PASSWORD_TOO_SHORT', details: { minLength: 12 } });
      await cand().post('/auth/login').send({ email: 'kort@example.nl', password: 'kort' }).expect(401);
    });

    it('answers a duplicate e-mail exactly like a new one, and keeps the first account as it was (ADR 0020)', async () => {
      const first = await cand().post('/auth/register').send({ email: 'dubbel@example.nl', password: 'een-lang-wachtwoord', displayName: 'A' }).expect(202);
      const second = await cand().post('/auth/register').send({ email: 'DUBBEL@example.nl', password: 'ander-lang-wachtwoord', displayName: 'B' }).expect(202);
      expect(second.body).toEqual(first.body);
      await cand().post('/auth/login').send({ email: 'dubbel@example.nl', password: 'een-lang-wachtwoord' }).expect(200);
      await cand().post('/auth/login').send({ email: 'dubbel@example.nl', password: 'ander-lang-wachtwoord' }).expect(401);
    });

    it('refuses extra fields such as a role instead of silently applying them', async () => {
      const res = await cand()
        .post('/auth/register')
        .send({ email: 'stiekem@example.nl', password: 'een-lang-wachtwoord', displayName: 'S', role: 'admin' })
        .expect(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      expect(JSON.stringify(res.body.details)).toContain('role');
      await cand().post('/auth/login').send({ email: 'stiekem@example.nl', password: 'een-lang-wachtwoord' }).expect(401);
    });

    it('is not offered on the assessor API', async () => {
      await asr().post('/auth/register').send({ email: 'x@example.nl', password: 'een-lang-wachtwoord', displayName: 'X' }).expect(404);
    });
  });

  describe('login', () => {
    it('gives the same answer for an unknown e-mail and a wrong password', async () => {
      const known = await p.account('candidate');
      const wrongPassword = await cand().post('/auth/login').send({ email: known.email, password: 'not-the-password' }).expect(401);
      const unknownEmail = await cand().post('/auth/login').send({ email: 'niemand@example.nl', password: 'not-the-password' }).expect(401);
      expect(wrongPassword.body).toEqual(unknownEmail.body);
      expect(wrongPassword.body.code).toBe('INVALID_CREDENTIALS');
    });

    it('sends each role to its own portal', async () => {
      const assessor = await p.account('assessor');
      const res = await cand().post('/auth/login').send({ email: assessor.email, password: assessor.password }).expect(403);
      expect(res.body.code).toBe('WRONG_PORTAL');
      const candidate = await p.account('candidate');
      await asr().post('/auth/login').send({ email: candidate.email, password: candidate.password }).expect(403);
    });

    it('rejects malformed bodies with 400 and the error shape', async () => {
      const res = await cand().post('/auth/login').send({ email: 42 }).expect(400);
      expect(res.body).toEqual({ code: 'VALIDATION_FAILED', message: expect.any(String), details: expect.any(Array) });
    });
  });

  describe('sessions', () => {
    it('end at logout: the token no longer works', async () => {
      const a = await p.account('candidate');
      await cand().get('/auth/me').set('Authorization', `Bearer ${a.token}`).expect(200);
      await cand().post('/auth/logout').set('Authorization', `Bearer ${a.token}`).expect(204);
      const res = await cand().get('/auth/me').set('Authorization', `Bearer ${a.token}`).expect(401);
      expect(res.body.code).toBe('SESSION_INVALID');
    });

    it('expire after the idle time, and stay alive while used', async () => {
      const a = await p.account('candidate');
      p.clock.advanceMinutes(29);
      await cand().get('/auth/me').set('Authorization', `Bearer ${a.token}`).expect(200);
      p.clock.advanceMinutes(29);
      await cand().get('/auth/me').set('Authorization', `Bearer ${a.token}`).expect(200);
      p.clock.advanceMinutes(31);
      await cand().get('/auth/me').set('Authorization', `Bearer ${a.token}`).expect(401);
    });

    it('expire at their absolute lifetime even when used', async () => {
      const a = await p.account('candidate');
      for (let i = 0; i < 20; i++) {
        p.clock.advanceMinutes(29);
        await cand().get('/auth/me').set('Authorization', `Bearer ${a.token}`).expect(200);
      }
      p.clock.advanceMinutes(29); // 609 minutes after login
      await cand().get('/auth/me').set('Authorization', `Bearer ${a.token}`).expect(401);
    });

    it('are shared by both APIs but the role decides what is allowed', async () => {
      const candidate = await p.account('candidate');
      const res = await asr().get('/admin/accounts').set('Authorization', `Bearer ${candidate.token}`).expect(403);
      expect(res.body.code).toBe('ROLE_FORBIDDEN');
    });
  });

  describe('admin account management', () => {
    it('lets an admin invite an assessor: the account has no password until the person sets one (ADR 0021)', async () => {
      const admin = await p.account('admin');
      const created = await asr()
        .post('/admin/accounts')
        .set('Authorization', `Bearer ${admin.token}`)
        .send({ email: 'nieuwe.assessor@example.nl', displayName: 'Nieuwe Assessor', role: 'assessor', organisation: 'Bureau Noord' })
        .expect(201);
      expect(created.body).toMatchObject({ role: 'assessor', organisation: 'Bureau Noord', invitation: { status: 'pending' }, twoFactorEnabled: false });
      // The office cannot choose a password any more.
      const withPassword = await asr()
        .post('/admin/accounts')
        .set('Authorization', `Bearer ${admin.token}`)
        .send({ email: 'ander.assessor@example.nl', password: 'assessor-wachtwoord', displayName: 'Ander', role: 'assessor' })
        .expect(400);
      expect(withPassword.body.code).toBe('VALIDATION_FAILED');
      await asr().post('/auth/login').send({ email: 'nieuwe.assessor@example.nl', password: 'assessor-wachtwoord' }).expect(401);
      const list = await asr().get('/admin/accounts?role=assessor').set('Authorization', `Bearer ${admin.token}`).expect(200);
      expect(list.body.map((a: { email: string }) => a.email)).toContain('nieuwe.assessor@example.nl');
    });

    it('does not let an admin create candidates through the admin route', async () => {
      const admin = await p.account('admin');
      const res = await asr()
        .post('/admin/accounts')
        .set('Authorization', `Bearer ${admin.token}`)
        .send({ email: 'c@example.nl', displayName: 'C', role: 'candidate' })
        .expect(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
    });

    it('refuses assessors', async () => {
      const assessor = await p.account('assessor');
      await asr()
        .post('/admin/accounts')
        .set('Authorization', `Bearer ${assessor.token}`)
        .send({ email: 'y@example.nl', displayName: 'Y', role: 'admin' })
        .expect(403);
    });

    it('deactivating an account ends its sessions at once and blocks new logins', async () => {
      const admin = await p.account('admin');
      const assessor = await p.account('assessor');
      await asr().get('/auth/me').set('Authorization', `Bearer ${assessor.token}`).expect(200);
      await asr().post(`/admin/accounts/${assessor.id}/deactivate`).set('Authorization', `Bearer ${admin.token}`).expect(200);
      await asr().get('/auth/me').set('Authorization', `Bearer ${assessor.token}`).expect(401);
      await asr().post('/auth/login').send({ email: assessor.email, password: assessor.password, totpCode: await p.totpCode(assessor) }).expect(401);
    });

    it('answers 400 for a malformed id and 404 for an unknown one', async () => {
      const admin = await p.account('admin');
      const bad = await asr().post('/admin/accounts/not-a-uuid/deactivate').set('Authorization', `Bearer ${admin.token}`).expect(400);
      expect(bad.body.code).toBe('INVALID_ID');
      const missing = await asr()
        .post('/admin/accounts/6f1c1f0e-8a4b-4c1e-9d5a-0a0b0c0d0e0f/deactivate')
        .set('Authorization', `Bearer ${admin.token}`)
        .expect(404);
      expect(missing.body.code).toBe('ACCOUNT_NOT_FOUND');
    });
  });
});

// Login throttling (failures only, backoff, known devices, in PostgreSQL): test/login-throttle.e2e-spec.ts
