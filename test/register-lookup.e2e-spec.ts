import request from 'supertest';
import { startTestPlatform, TestPlatform } from '@rlp/testing';

/**
 * Issue 18: the public register could be paged through without limit (`q` of two characters or
 * none, `limit` 50 and any `offset`). Now a search needs 3 characters after trimming, gives at most
 * 20 results without paging, and each client address gets 30 lookups a minute, counted across
 * both apps and every instance (ADR 0029).
 */
describe('public register: searched, capped and rate-limited (e2e)', () => {
  let p: TestPlatform;
  const apps = () => [request(p.candidate.getHttpServer()), request(p.assessor.getHttpServer())];

  beforeAll(async () => {
    p = await startTestPlatform();
    // 25 certified holders, all named Jansen. The foreign keys (candidate, portfolio, decision) are
    // not what is tested here, so this one transaction skips them.
    await p.db.query(
      `BEGIN;
       SET LOCAL session_replication_role = replica;
       INSERT INTO register_entries (certificate_number, candidate_id, portfolio_id, decision_id, holder_name, starts_on, valid_until, created_at)
         SELECT 'RLP-TEST-00' || lpad(i::text, 2, '0'), gen_random_uuid(), gen_random_uuid(), gen_random_uuid(), 'Jansen ' || lpad(i::text, 2, '0'), '2026-01-01', '2030-01-01', now()
           FROM generate_series(1, 25) AS i;
       COMMIT;`,
    );
    expect((await p.db.query<{ n: string }>(`SELECT count(*)::text AS n FROM register_entries`))[0]!.n).toBe('25');
  });
  afterAll(() => p.close());
  beforeEach(() => p.clock.advanceMinutes(2)); // a fresh rate-limit window for each test

  it('refuses a search shorter than 3 characters after trimming, Dutch first, on both apps', async () => {
    for (const app of apps()) {
      for (const q of ['', '?q=', '?q=ja', '?q=%20%20ja%20%20', '?q=%20%20%20%20%20']) {
        const res = await app.get(`/register${q}`).expect(400);
        expect(res.body).toEqual({ code: 'REGISTER_QUERY_TOO_SHORT', message: expect.stringMatching(/^Zoek op ten minste 3 tekens.* \/ Search with at least 3 characters/), details: { minLength: 3 } });
      }
    }
  });

  it('gives at most 20 results and no way to page past them', async () => {
    for (const app of apps()) {
      const res = await app.get('/register?q=%20jansen%20').expect(200);
      expect(res.body.entries).toHaveLength(20);
      expect(res.body.more).toBe(true);
      expect(Object.keys(res.body as object).sort()).toEqual(['entries', 'more']);
      expect((await app.get('/register?q=jansen&limit=5').expect(200)).body.entries).toHaveLength(5);
      expect((await app.get('/register?q=jansen&limit=21').expect(400)).body.code).toBe('VALIDATION_FAILED');
      expect((await app.get('/register?q=jansen&offset=20').expect(400)).body.code).toMatch(/FORBIDDEN_FIELD|VALIDATION_FAILED/);
      // A narrower search finds the rest; an exact certificate number finds one.
      const narrow = await app.get('/register?q=jansen%202').expect(200);
      expect(narrow.body).toMatchObject({ more: false });
      expect((narrow.body.entries as Array<{ name: string }>).map((e) => e.name)).toEqual(['Jansen 20', 'Jansen 21', 'Jansen 22', 'Jansen 23', 'Jansen 24', 'Jansen 25']);
      expect((await app.get('/register?q=rlp-test-0025').expect(200)).body).toEqual({ entries: [{ name: 'Jansen 25', certificateNumber: 'RLP-TEST-0025', validUntil: '2030-01-01' }], more: false });
    }
  });

  it('answers 429 with Retry-After after 30 lookups a minute from one address, counting refused searches too; both apps count together (ADR 0029)', async () => {
    for (const [n, app] of apps().entries()) {
      const other = apps()[1 - n]!;
      for (let i = 0; i < 25; i++) await app.get('/register?q=jansen').expect(200);
      for (let i = 0; i < 5; i++) await app.get('/register?q=ja').expect(400);
      const limited = await app.get('/register?q=jansen').expect(429);
      expect(limited.body).toMatchObject({ code: 'REGISTER_RATE_LIMITED', message: expect.stringMatching(/^Te veel zoekopdrachten.* \/ Too many register searches/), details: { retryAfterSeconds: 60, maxLookups: 30, windowSeconds: 60 } });
      expect(limited.headers['retry-after']).toBe('60');
      expect(limited.body.entries).toBeUndefined();
      // The counter is in PostgreSQL: the other app refuses this address too.
      expect((await other.get('/register?q=jansen').expect(429)).body.code).toBe('REGISTER_RATE_LIMITED');
      p.clock.advanceMinutes(0.5);
      expect((await app.get('/register?q=jansen').expect(429)).headers['retry-after']).toBe('30');
      p.clock.advanceMinutes(0.5);
    }
    for (const app of apps()) expect((await app.get('/register?q=jansen').expect(200)).body.entries).toHaveLength(20);
  });
});
