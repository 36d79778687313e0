import request from 'supertest';
import { startTestPlatform, type TestPlatform } from '@rlp/testing';

/**
 * Issue 18: weak passwords were accepted (`password1234`). New passwords are checked against
 * common and leaked passwords, words, the service's own words and the person's name, e-mail and
 * organisation (NIST SP 800-63B), on registration and when the office creates an account.
 */
describe('weak passwords are refused (e2e)', () => {
  let p: TestPlatform;
  beforeAll(async () => {
    p = await startTestPlatform();
  });
  afterAll(() => p?.close());

  const count = async (email: string) => (await p.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM users WHERE email = $1`, [email]))[0]!.n;

  it.each([
    ['a common password', 'password1234', 'Sanne de Vries'],
    ['a word of this service', 'loopbaanprofessional', 'Sanne de Vries'],
    ['the person’s own name and organisation', 'bakkeradvies2026', 'Pieter Bakker'],
  ])('registration refuses %s with 400 PASSWORD_TOO_WEAK and creates nothing', async (_what, password, displayName) => {
    const email = `weak-${Math.random().toString(36).slice(2, 8)}@bakkeradvies.nl`;
    const res = await request(p.candidate.getHttpServer()).post('/auth/register').send({ email, password, displayName, organisation: 'Bakker Loopbaanadvies' }).expect(400);
    expect(res.body.code).toBe('PASSWORD_TOO_WEAK');
    expect(res.body.message).toMatch(/^Dit wachtwoord is te makkelijk te raden.* \/ This password is too easy to guess/);
    expect(res.body.details).toEqual({ score: expect.any(Number), minScore: 3 });
    expect(res.body.details.score).toBeLessThan(3);
    expect(await count(email)).toBe(0);
  });

  it('registration accepts a sentence of a few words', async () => {
    const email = `strong-${Math.random().toString(36).slice(2, 8)}@test.rlp.local`;
    await request(p.candidate.getHttpServer()).post('/auth/register').send({ email, password: 'fiets onder de oude brug', displayName: 'Sanne de Vries' }).expect(202);
    expect(await count(email)).toBe(1);
  });

  it('nor does a change of password (ADR 0020); the office no longer chooses passwords at all (ADR 0021: invitations)', async () => {
    const assessor = await p.account('assessor');
    const res = await request(p.assessor.getHttpServer())
      .post('/account/password')
      .set('Authorization', `Bearer ${assessor.token}`)
      .send({ currentPassword: assessor.password, newPassword: 'qwertyuiop12' })
      .expect(400);
    expect(res.body.code).toBe('PASSWORD_TOO_WEAK');
    await request(p.assessor.getHttpServer()).post('/auth/login').send({ email: assessor.email, password: 'qwertyuiop12' }).expect(401);
  });
});
