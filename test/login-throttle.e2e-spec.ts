import request from 'supertest';
import { startTestPlatform, type TestPlatform } from '@rlp/testing';

/**
 * Issue 18: anyone could lock any account out (ten wrong passwords blocked the owner's correct one
 * for 15 minutes), successful logins counted too, a shared address locked everyone out, and one
 * blocked address kept counting against every e-mail it named. Now (ADR 0017): failures only, a
 * doubling wait instead of a lock, the owner's known device is not held by the attacker's
 * failures, the client address comes through trusted proxies only, and the counters are in
 * PostgreSQL (both apps share them).
 */
jest.setTimeout(180_000);

const seconds = (p: TestPlatform, s: number) => p.clock.set(new Date(p.clock.now().getTime() + s * 1000));
const deviceCookie = (res: request.Response) => ((res.headers['set-cookie'] as unknown as string[] | undefined) ?? []).find((c) => c.startsWith('rlp_device='))!.split(';')[0]!;

describe('login throttling (e2e)', () => {
  let p: TestPlatform;
  beforeAll(async () => {
    p = await startTestPlatform({ env: { LOGIN_MAX_ATTEMPTS: '3', LOGIN_WINDOW_SECONDS: '900', TRUST_PROXY: 'loopback' } });
  });
  afterAll(() => p?.close());
  const login = (email: string, password: string, from = '198.51.100.1', cookie?: string) => {
    const r = request(p.candidate.getHttpServer()).post('/auth/login').set('X-Forwarded-For', from);
    if (cookie) r.set('Cookie', cookie);
    return r.send({ email, password });
  };

  it('counts only failures: many correct logins in a row are all let in', async () => {
    const a = await p.account('candidate');
    for (let i = 0; i < 8; i++) await login(a.email, a.password).expect(200);
  });

  it('makes each try after the limit wait, doubling (1 s, 2 s, 4 s …), instead of locking the account', async () => {
    const a = await p.account('candidate');
    for (let i = 0; i < 3; i++) await login(a.email, `wrong-password-${i}`, '198.51.100.2').expect(401);
    const held = await login(a.email, a.password, '198.51.100.2').expect(429);
    expect(held.body.code).toBe('LOGIN_RATE_LIMITED');
    expect(held.headers['retry-after']).toBe('1');
    seconds(p, 1);
    await login(a.email, 'wrong-password-3', '198.51.100.2').expect(401);
    expect((await login(a.email, a.password, '198.51.100.2').expect(429)).headers['retry-after']).toBe('2');
    seconds(p, 2);
    await login(a.email, 'wrong-password-4', '198.51.100.2').expect(401);
    expect((await login(a.email, a.password, '198.51.100.2').expect(429)).headers['retry-after']).toBe('4');
    // The refused tries counted nothing: after the wait the owner is in, and the count starts over.
    seconds(p, 4);
    await login(a.email, a.password, '198.51.100.2').expect(200);
    await login(a.email, 'one-typo-later', '198.51.100.2').expect(401);
    await login(a.email, a.password, '198.51.100.2').expect(200);
  });

  it("never lets an attacker's failures keep the owner out on a known device", async () => {
    const a = await p.account('candidate');
    const first = await login(a.email, a.password, '192.0.2.10').expect(200);
    const device = deviceCookie(first);
    expect(first.headers['set-cookie']!.toString()).toMatch(/rlp_device=[A-Za-z0-9_-]+; Path=\/auth; SameSite=Strict; HttpOnly; Max-Age=31536000/);
    // An attacker elsewhere fails twelve times, each time after the wait: the account's wait grows to 512 s.
    for (let i = 0; i < 12; i++) {
      seconds(p, 600);
      await login(a.email, `guess-${i}`, '203.0.113.50').expect(401);
    }
    const attacker = await login(a.email, a.password, '203.0.113.51').expect(429);
    expect(attacker.headers['retry-after']).toBe('512');
    // The owner, on the device they used before, gets in at once.
    await login(a.email, a.password, '192.0.2.10', device).expect(200);
    // Even from an address others have worn out (an office network, or a proxy without TRUST_PROXY).
    for (let i = 0; i < 30; i++) await login(`someone-${i}@test.rlp.local`, 'guess', '192.0.2.99').expect(401);
    await login(`someone-else@test.rlp.local`, 'guess', '192.0.2.99').expect(429);
    await login(a.email, a.password, '192.0.2.99', device).expect(200);
    // A device cookie of another account does not help.
    const other = await p.account('candidate');
    const otherDevice = deviceCookie(await login(other.email, other.password, '192.0.2.11').expect(200));
    await login(a.email, a.password, '203.0.113.52', otherDevice).expect(429);
  });

  it('a blocked address counts nothing against the e-mail addresses it names, and an office address is not locked by a few typos', async () => {
    const victim = await p.account('candidate');
    // One address fails 30 times (ten times the per-account limit) over many e-mail addresses.
    for (let i = 0; i < 30; i++) await login(`nobody-${i}@test.rlp.local`, 'guess', '203.0.113.99').expect(401);
    await login(victim.email, 'guess', '203.0.113.99').expect(429);
    await login(victim.email, 'guess', '203.0.113.99').expect(429);
    const rows = await p.db.query<{ key: string }>(`SELECT "key" FROM "login_throttles" WHERE "key" = $1`, [`email:${victim.email}`]);
    expect(rows).toEqual([]);
    await login(victim.email, victim.password, '198.51.100.77').expect(200);
    // Twelve people in a classroom behind one address, each with one typo, then their password.
    const people: Array<{ email: string; password: string }> = [];
    for (let i = 0; i < 12; i++) people.push(await p.account('candidate'));
    for (const person of people) await login(person.email, 'typo', '192.0.2.200').expect(401);
    for (const person of people) await login(person.email, person.password, '192.0.2.200').expect(200);
  });

  it('keeps its counters in PostgreSQL: failures at one app count at the other', async () => {
    const assessor = await p.account('assessor');
    for (let i = 0; i < 3; i++) await login(assessor.email, `wrong-${i}`, '198.51.100.3').expect(401);
    const res = await request(p.assessor.getHttpServer()).post('/auth/login').set('X-Forwarded-For', '198.51.100.3').send({ email: assessor.email, password: assessor.password }).expect(429);
    expect(res.body.code).toBe('LOGIN_RATE_LIMITED');
    const keys = (await p.db.query<{ key: string }>(`SELECT "key" FROM "login_throttles" WHERE "key" LIKE '%198.51.100.3' OR "key" = $1`, [`email:${assessor.email}`])).map((r) => r.key).sort();
    expect(keys).toEqual([`email:${assessor.email}`, 'ip:198.51.100.3']);
  });
});

describe('client address without a trusted proxy (e2e)', () => {
  let p: TestPlatform;
  beforeAll(async () => {
    p = await startTestPlatform({ env: { LOGIN_MAX_ATTEMPTS: '3' } });
  });
  afterAll(() => p?.close());

  it('ignores X-Forwarded-For, so nobody can pose as another address to dodge the limit', async () => {
    await request(p.candidate.getHttpServer()).post('/auth/login').set('X-Forwarded-For', '203.0.113.7').send({ email: 'someone@test.rlp.local', password: 'guess' }).expect(401);
    const keys = (await p.db.query<{ key: string }>(`SELECT "key" FROM "login_throttles" WHERE "key" LIKE 'ip:%'`)).map((r) => r.key);
    expect(keys).toHaveLength(1);
    expect(keys[0]).not.toContain('203.0.113.7');
    expect(keys[0]).toMatch(/^ip:(::ffff:)?127\.0\.0\.1$|^ip:::1$/);
  });
});
