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
    await request(p.candidate.getHttpServer()).post('/auth/register').send({ email, password: 'fiets onder de oude brug', displayName: 'Sanne de Vries' }).expect(201);
    expect(await count(email)).toBe(1);
  });

  it('the office cannot create an assessor with a weak password either', async () => {
    const admin = await p.account('admin');
    const email = `assessor-${Math.random().toString(36).slice(2, 8)}@test.rlp.local`;
    const res = await request(p.assessor.getHttpServer())
      .post('/admin/accounts')
      .set('Authorization', `Bearer ${admin.token}`)
      .send({ email, password: 'qwertyuiop12', displayName: 'Nieuwe Assessor', role: 'assessor' })
      .expect(400);
    expect(res.body.code).toBe('PASSWORD_TOO_WEAK');
    expect(await count(email)).toBe(0);
  });
});
