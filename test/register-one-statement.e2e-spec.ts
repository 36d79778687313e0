import request from 'supertest';
import { startTestPlatform, TestPlatform } from '@rlp/testing';
import { REGISTER_LOOKUP } from '../libs/assessment/src/register-rate-limiter';
import { statementRecorder } from './support/statement-recorder';

/**
 * Issue 17 (bench): a public register lookup is ONE database statement — the rate limiter's upsert
 * (ADR 0029) is a data-modifying CTE of the lookup's own query — and the limit still holds: the
 * 31st lookup in a window from one address is refused with Retry-After, counted across two
 * instances of both apps, JSON and HTML alike. Statements are counted on the apps' own pools.
 */

const START = new Date('2026-11-23T09:00:00Z');
const BROWSER_ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';

/** What the audit trail's background chainer (ADR 0024) may ask at any time: not part of a lookup. */
const isBackground = (sql: string) => /audit_chain|pgboss/.test(sql);

describe('register lookup: one statement, the limit intact (e2e)', () => {
  let p1: TestPlatform;
  let p2: TestPlatform;
  const setClocks = (at: Date) => {
    p1.clock.set(at);
    p2.clock.set(at);
  };
  let minute = 0;
  /** A fresh rate-limit window for each test (the windows of earlier tests are over). */
  const freshWindow = () => setClocks(new Date(START.getTime() + ++minute * 10 * 60_000));

  beforeAll(async () => {
    p1 = await startTestPlatform({ now: START });
    p2 = await startTestPlatform({ now: START, database: p1.db });
    // 25 holders named Jansen, one of them expired and one revoked; foreign keys are not what is tested.
    await p1.db.query(
      `BEGIN;
       SET LOCAL session_replication_role = replica;
       INSERT INTO register_entries (certificate_number, candidate_id, portfolio_id, decision_id, holder_name, starts_on, valid_until, created_at)
         SELECT 'RLP-TEST-00' || lpad(i::text, 2, '0'), gen_random_uuid(), gen_random_uuid(), gen_random_uuid(), 'Jansen ' || lpad(i::text, 2, '0'), '2026-01-01',
                CASE WHEN i = 3 THEN '2026-06-01'::date ELSE '2030-01-01'::date END, now()
           FROM generate_series(1, 25) AS i;
       COMMIT;`,
    );
    await p1.db.query(
      `BEGIN;
       SET LOCAL session_replication_role = replica;
       WITH c AS (
         INSERT INTO credentials (register_entry_id, status_index, jwt, issued_at)
           SELECT id, 4, 'test', now() FROM register_entries WHERE certificate_number = 'RLP-TEST-0004' RETURNING id
       )
       INSERT INTO credential_revocations (credential_id, reason, revoked_by, revoked_at) SELECT id, 'test', gen_random_uuid(), now() FROM c;
       COMMIT;`,
    );
    expect(await p1.db.query(`SELECT 1 FROM credential_revocations`)).toHaveLength(1);
  });
  afterAll(async () => {
    await p2?.close();
    await p1?.close();
  });

  it('answers a lookup with one statement that counts the hit and reads the register, on both apps', async () => {
    freshWindow();
    for (const app of [p1.candidate, p1.assessor]) {
      const recorder = statementRecorder(app);
      const agent = request(app.getHttpServer());
      // The first lookup of a window may also sweep old windows (at most once a minute per process).
      await agent.get('/register?q=jansen').set('Accept', 'application/json').expect(200);
      const { result: res, statements } = await recorder.during(() => agent.get('/register?q=jansen').set('Accept', 'application/json').expect(200));
      const own = statements.filter((s) => !isBackground(s));
      expect(own).toHaveLength(1);
      expect(own[0]).toMatch(/INSERT INTO "rate_limit_windows"/);
      expect(own[0]).toMatch(/FROM register_entries r/);
      // The same answer as ever: 20 of the 23 listed (one expired, one revoked), in name order.
      expect(res.body.more).toBe(true);
      const names = (res.body.entries as Array<{ name: string }>).map((e) => e.name);
      expect(names).toHaveLength(20);
      expect(names).toEqual([...names].sort());
      expect(names).not.toContain('Jansen 03');
      expect(names).not.toContain('Jansen 04');
      expect(res.body.entries[0]).toEqual({ name: 'Jansen 01', certificateNumber: 'RLP-TEST-0001', validUntil: '2030-01-01' });

      // No match, an exact number, a narrower search and a limit: one statement each, the same shapes.
      for (const [q, expected] of [
        ['nobody-here', { entries: [], more: false }],
        ['%%%', { entries: [], more: false }],
        ['rlp-test-0025', { entries: [{ name: 'Jansen 25', certificateNumber: 'RLP-TEST-0025', validUntil: '2030-01-01' }], more: false }],
        ['rlp-test-0004', { entries: [], more: false }],
        ['jansen 2&limit=2', { entries: [{ name: 'Jansen 20', certificateNumber: 'RLP-TEST-0020', validUntil: '2030-01-01' }, { name: 'Jansen 21', certificateNumber: 'RLP-TEST-0021', validUntil: '2030-01-01' }], more: true }],
      ] as const) {
        const [path, limit] = q.split('&');
        const one = await recorder.during(() => agent.get(`/register?q=${encodeURIComponent(path!)}${limit ? `&${limit}` : ''}`).set('Accept', 'application/json').expect(200));
        expect(one.result.body).toEqual(expected);
        expect(one.statements.filter((s) => !isBackground(s))).toHaveLength(1);
      }
    }
  });

  it('refuses the 31st lookup in a window from one address with 429 and Retry-After, counted across two instances of both apps', async () => {
    freshWindow();
    const servers = [p1.candidate, p2.assessor, p2.candidate, p1.assessor].map((a) => request(a.getHttpServer()));
    for (let n = 0; n < REGISTER_LOOKUP.maxLookups; n++) {
      // Refused searches count too (every lookup counts); the rest are one statement each.
      const q = n % 10 === 9 ? 'ja' : 'jansen';
      await servers[n % servers.length]!.get('/register').query({ q }).set('Accept', 'application/json').expect(q === 'ja' ? 400 : 200);
    }
    const recorder = statementRecorder(p2.candidate);
    const { result: limited, statements } = await recorder.during(() => request(p2.candidate.getHttpServer()).get('/register').query({ q: 'jansen' }).set('Accept', 'application/json').expect(429));
    expect(limited.body).toEqual({
      code: 'REGISTER_RATE_LIMITED',
      message: expect.stringMatching(/^Te veel zoekopdrachten.* \/ Too many register searches/),
      details: { retryAfterSeconds: 60, maxLookups: REGISTER_LOOKUP.maxLookups, windowSeconds: REGISTER_LOOKUP.windowSeconds },
    });
    expect(limited.headers['retry-after']).toBe('60');
    expect(statements.filter((s) => !isBackground(s))).toHaveLength(1);
    // Every instance refuses now, a short search too, and the page as a page; Retry-After counts down.
    for (const s of servers) expect((await s.get('/register').query({ q: 'jansen' }).set('Accept', 'application/json').expect(429)).body.code).toBe('REGISTER_RATE_LIMITED');
    expect((await servers[0]!.get('/register').query({ q: 'ja' }).expect(429)).body.code).toBe('REGISTER_RATE_LIMITED');
    const page = await servers[1]!.get('/register').query({ q: 'jansen' }).set('Accept', BROWSER_ACCEPT).expect(429);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.text).not.toContain('Jansen 01');
    setClocks(new Date(p1.clock.now().getTime() + 45_000));
    expect((await servers[2]!.get('/register').query({ q: 'jansen' }).expect(429)).headers['retry-after']).toBe('15');
    // The window over: allowed again, on any instance.
    setClocks(new Date(p1.clock.now().getTime() + 15_000));
    expect((await servers[3]!.get('/register').query({ q: 'jansen' }).expect(200)).body.entries).toHaveLength(20);
    const [row] = await p1.db.query<{ hits: number }>(`SELECT "hits" FROM "rate_limit_windows" WHERE "key" LIKE 'register:%'`);
    expect(row!.hits).toBe(1);
  });

  it('counts a lookup whose statement PostgreSQL refuses (a NUL byte: 400 INVALID_TEXT), so such requests are limited too', async () => {
    freshWindow();
    const api = request(p1.assessor.getHttpServer());
    for (let n = 0; n < REGISTER_LOOKUP.maxLookups; n++) {
      expect((await api.get('/register?q=%00%00%00').set('Accept', 'application/json').expect(400)).body.code).toBe('INVALID_TEXT');
    }
    expect((await api.get('/register?q=%00%00%00').set('Accept', 'application/json').expect(429)).body.code).toBe('REGISTER_RATE_LIMITED');
    expect((await api.get('/register').query({ q: 'jansen' }).set('Accept', 'application/json').expect(429)).body.code).toBe('REGISTER_RATE_LIMITED');
  });

  it('serves the HTML page from the same one statement and counts it against the same limit', async () => {
    freshWindow();
    const agent = request(p1.candidate.getHttpServer());
    const recorder = statementRecorder(p1.candidate);
    await agent.get('/register?q=jansen').set('Accept', BROWSER_ACCEPT).expect(200);
    const { result: page, statements } = await recorder.during(() => agent.get('/register?q=jansen').set('Accept', BROWSER_ACCEPT).expect(200));
    expect(statements.filter((s) => !isBackground(s))).toHaveLength(1);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.text).toContain('Jansen 01');
    expect(page.text).toContain('RLP-TEST-0020');
    expect(page.text).not.toContain('RLP-TEST-0003');
    // The page's first visit (no search) is not a lookup and reads nothing.
    const start = await recorder.during(() => agent.get('/register').set('Accept', BROWSER_ACCEPT).expect(200));
    expect(start.statements.filter((s) => !isBackground(s))).toEqual([]);
    const [row] = await p1.db.query<{ hits: number }>(`SELECT "hits" FROM "rate_limit_windows" WHERE "key" LIKE 'register:%'`);
    expect(row!.hits).toBe(2);
  });
});
