import request from 'supertest';
import { JobsService } from '@rlp/jobs';
import { startTestPlatform, TestPlatform } from '@rlp/testing';
import { FILES, readyToSubmit, sha256, type UploadTarget } from './support/candidate-journey';
import { judgedDossier, person } from './support/assessment-journey';
import { REGISTER_LOOKUP } from '../libs/assessment/src/register-rate-limiter';
import { VERIFY_LIMITS } from '../libs/credentials/src/verify-rate-limiter';

/**
 * Issue 17: "nothing may depend on being the only process". Two platforms — four app instances,
 * two of each app — on the SAME database and the SAME bucket, as a deployment behind a load
 * balancer runs them, driven alternately: sessions, browser sessions with their CSRF token,
 * bookings, idempotency keys, the login throttle, the registration, register and verify limits,
 * uploads and one-off jobs hold across instances (ADR 0029). Scheduled jobs across four instances:
 * test/jobs-instances.e2e-spec.ts.
 */
const TODAY = '2026-11-23';
const START = new Date('2026-11-23T09:00:00Z');
const MAX_ATTEMPTS = 3;
const ENV = { SESSION_TTL_MINUTES: String(60 * 24 * 60), SESSION_IDLE_MINUTES: String(60 * 24 * 60), LOGIN_MAX_ATTEMPTS: String(MAX_ATTEMPTS) };

/** `name=value` of every Set-Cookie, for a Cookie header. */
function cookiesOf(res: request.Response): string {
  const set = res.headers['set-cookie'] as unknown as string[] | undefined;
  return (set ?? []).map((c) => c.split(';')[0]!).join('; ');
}

describe('several instances of each app on one database and one bucket (e2e)', () => {
  let p1: TestPlatform;
  let p2: TestPlatform;
  /** The candidate API of instance A or B. */
  const cand = (i: 0 | 1) => request((i === 0 ? p1 : p2).candidate.getHttpServer());
  /** The assessor API of instance A or B. */
  const assr = (i: 0 | 1) => request((i === 0 ? p1 : p2).assessor.getHttpServer());

  beforeAll(async () => {
    p1 = await startTestPlatform({ env: ENV, now: START });
    p2 = await startTestPlatform({ env: ENV, now: START, database: p1.db, bucket: p1.config.storage.bucket });
  });
  afterAll(async () => {
    await p2?.close();
    await p1?.close();
  });
  // Both instances' clocks show the same time, as servers synchronised by NTP do.
  const setClocks = (at: Date) => {
    p1.clock.set(at);
    p2.clock.set(at);
  };
  beforeEach(() => setClocks(START));

  it('shares the database and the bucket, and nothing else', () => {
    expect(p2.db).toBe(p1.db);
    expect(p2.config.storage.bucket).toBe(p1.config.storage.bucket);
    expect(p2.candidate).not.toBe(p1.candidate);
    expect(p2.assessor).not.toBe(p1.assessor);
  });

  it('a bearer session made on A works on B, and a logout on B ends it on A', async () => {
    const c = await p1.account('candidate');
    const auth = { Authorization: `Bearer ${c.token}` };
    expect((await cand(1).get('/auth/me').set(auth).expect(200)).body).toMatchObject({ id: c.id });
    await cand(0).get('/auth/me').set(auth).expect(200);
    await cand(1).post('/auth/logout').set(auth).expect(204);
    expect((await cand(0).get('/auth/me').set(auth).expect(401)).body.code).toBeDefined();
    await cand(1).get('/auth/me').set(auth).expect(401);
  });

  it('a browser session (cookie + CSRF token) made on A is accepted by B; a logout on B ends it on A', async () => {
    const c = await p1.account('candidate');
    const login = await cand(0).post('/auth/session').send({ email: c.email, password: c.password }).expect(200);
    const cookie = cookiesOf(login);
    const csrf = login.body.csrfToken as string;
    expect(cookie).toMatch(/rlp_session=/);
    expect(csrf).toEqual(expect.any(String));
    // B reads the session and accepts a state-changing request with A's CSRF token …
    expect((await cand(1).get('/auth/me').set('Cookie', cookie).expect(200)).body).toMatchObject({ id: c.id });
    const created = await cand(1).post('/portfolios').set('Cookie', cookie).set('X-CSRF-Token', csrf).expect(201);
    // … and refuses one without it (the CSRF check is not skipped on B).
    expect((await cand(1).post('/portfolios').set('Cookie', cookie).expect(403)).body.code).toMatch(/CSRF/);
    // A sees what B saved.
    expect((await cand(0).get(`/portfolios/${created.body.id as string}`).set('Cookie', cookie).expect(200)).body.id).toBe(created.body.id);
    await cand(1).post('/auth/logout').set('Cookie', cookie).set('X-CSRF-Token', csrf).expect(204);
    await cand(0).get('/auth/me').set('Cookie', cookie).expect(401);
  });

  it('a session of the assessor app made on A works on B (two-factor login included)', async () => {
    const a = await p1.account('assessor');
    const auth = { Authorization: `Bearer ${a.token}` };
    expect((await assr(1).get('/auth/me').set(auth).expect(200)).body).toMatchObject({ id: a.id });
    await assr(1).get('/assessments').set(auth).expect(200);
    await assr(0).post('/auth/logout').set(auth).expect(204);
    await assr(1).get('/assessments').set(auth).expect(401);
  });

  it('concurrent bookings across instances: the same slot twice gives one booking; two dossiers sharing an assessor, exactly one wins and the other gets a clear 409', async () => {
    const admin = await person(p1, 'admin');
    const shared = await person(p1, 'assessor', 'Gedeeld Bureau');
    const [x, y] = [await person(p1, 'assessor', 'X'), await person(p2, 'assessor', 'Y')];
    const d1 = await judgedDossier(p1, TODAY, admin, [shared, x]);
    const d2 = await judgedDossier(p2, TODAY, admin, [shared, y]);
    const s1 = await assr(0).post(`/assessments/${d1.portfolioId}/slots`).set(x.auth).send({ date: '2027-01-12', time: '10:00', durationMinutes: 60, address: 'Utrecht' }).expect(201);
    const s2 = await assr(1).post(`/assessments/${d2.portfolioId}/slots`).set(y.auth).send({ date: '2027-01-12', time: '10:30', durationMinutes: 60, address: 'Utrecht' }).expect(201);
    const book = (i: 0 | 1, d: typeof d1, slotId: string) => cand(i).post(`/portfolios/${d.portfolioId}/interview/booking`).set(d.c.auth).send({ slotId });

    // One candidate, one slot, two tabs landing on two instances: one booking, both told so.
    const same = await Promise.all([book(0, d1, s1.body.id as string), book(1, d1, s1.body.id as string)]);
    expect(same.map((r) => r.status)).toEqual([201, 201]);
    expect(same[0]!.body.id).toBe(same[1]!.body.id);
    expect(await p1.db.query(`SELECT 1 FROM interview_bookings WHERE status = 'booked' AND portfolio_id = $1`, [d1.portfolioId])).toHaveLength(1);
    await cand(1).post(`/portfolios/${d1.portfolioId}/interview/cancel`).set(d1.c.auth).send({}).expect(200);

    // Overlapping slots of two dossiers with one assessor in common, booked on different instances.
    for (let round = 0; round < 3; round++) {
      const results = await Promise.all([book(round % 2 === 0 ? 0 : 1, d1, s1.body.id as string), book(round % 2 === 0 ? 1 : 0, d2, s2.body.id as string)]);
      expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
      const refused = results.find((r) => r.status === 409)!;
      expect(refused.body).toMatchObject({ code: 'ASSESSOR_NOT_AVAILABLE', message: expect.stringMatching(/niet meer vrij/) });
      const booked = await p1.db.query(`SELECT portfolio_id FROM interview_bookings WHERE status = 'booked' AND portfolio_id IN ($1, $2)`, [d1.portfolioId, d2.portfolioId]);
      expect(booked).toHaveLength(1);
      const winner = results[0]!.status === 201 ? d1 : d2;
      await cand(round % 2 === 0 ? 1 : 0).post(`/portfolios/${winner.portfolioId}/interview/cancel`).set(winner.c.auth).send({}).expect(200);
    }
  });

  it('the same Idempotency-Key sent to both instances, at once and one after the other: one submission, the same answer', async () => {
    const ready = await readyToSubmit(p1, TODAY);
    const submit = (i: 0 | 1) => cand(i).post(`/portfolios/${ready.portfolioId}/submit`).set(ready.c.auth).set('Idempotency-Key', `multi-${ready.portfolioId}`).send({ revision: ready.revision });
    const both = await Promise.all([submit(0), submit(1)]);
    const first = both.filter((r) => r.status === 201 && r.headers['idempotent-replayed'] !== 'true');
    expect(first).toHaveLength(1);
    const answer = first[0]!.body as { submissionId?: string; id?: string };
    for (const other of both.filter((r) => r !== first[0])) {
      if (other.status === 201) {
        // The stored answer of the first request.
        expect(other.headers['idempotent-replayed']).toBe('true');
        expect(other.body).toEqual(answer);
      } else {
        // Still being processed on the other instance: a clear 409 to retry.
        expect(other.status).toBe(409);
        expect(other.body.code).toBe('IDEMPOTENCY_IN_PROGRESS');
        expect(other.headers['retry-after']).toBe('1');
      }
    }
    // One after the other, on B then A: the stored answer, every time.
    for (const i of [1, 0] as const) {
      const again = await submit(i).expect(201);
      expect(again.headers['idempotent-replayed']).toBe('true');
      expect(again.body).toEqual(answer);
    }
    expect(await p1.db.query(`SELECT 1 FROM submissions WHERE portfolio_id = $1`, [ready.portfolioId])).toHaveLength(1);
    expect(await p1.db.query(`SELECT 1 FROM audit_events WHERE action = 'portfolio.submitted' AND subject_id = $1`, [ready.portfolioId])).toHaveLength(1);
    // The same key with another body is refused on either instance.
    const reused = await cand(1).post(`/portfolios/${ready.portfolioId}/submit`).set(ready.c.auth).set('Idempotency-Key', `multi-${ready.portfolioId}`).send({ revision: 'another' });
    expect(reused.status).toBe(422);
    expect(reused.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
  });

  it('login failures spread over both instances (and both apps) are counted together: the throttle holds', async () => {
    const c = await p1.account('candidate');
    const wrong = { email: c.email, password: 'not the password at all' };
    const servers = [cand(0), cand(1), cand(0)];
    for (const s of servers) expect((await s.post('/auth/login').send(wrong).expect(401)).body.code).toBe('INVALID_CREDENTIALS');
    // The limit is reached on A; B makes even the right password wait.
    const held = await cand(1).post('/auth/login').send({ email: c.email, password: c.password }).expect(429);
    expect(held.body.code).toBe('LOGIN_RATE_LIMITED');
    expect(Number(held.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    // The other app's instances share the same counter.
    expect((await assr(0).post('/auth/login').send({ email: c.email, password: c.password }).expect(429)).body.code).toBe('LOGIN_RATE_LIMITED');
    setClocks(new Date(START.getTime() + 2000));
    await cand(0).post('/auth/login').send({ email: c.email, password: c.password }).expect(200);
  });

  it('registrations per address are limited across instances', async () => {
    const register = (i: 0 | 1, n: number) =>
      cand(i)
        .post('/auth/register')
        .send({ email: `nieuw-${n}-${Date.now()}@test.rlp.local`, password: 'fiets onder de oude brug', displayName: `Nieuw ${n}` });
    for (let n = 0; n < MAX_ATTEMPTS; n++) await register(n % 2 === 0 ? 0 : 1, n).expect(202);
    const refused = await register(MAX_ATTEMPTS % 2 === 0 ? 0 : 1, MAX_ATTEMPTS).expect(429);
    expect(refused.body.code).toBe('LOGIN_RATE_LIMITED');
    expect(refused.headers['retry-after']).toBe(String(p1.config.auth.loginWindowSeconds));
  });

  it('concurrent password-reset requests for one address on four instances: exactly the limit goes through', async () => {
    const c = await p1.account('candidate');
    const servers = [cand(0), cand(1), assr(0), assr(1)];
    const results = await Promise.all(Array.from({ length: 12 }, (_, n) => servers[n % 4]!.post('/auth/password-reset/request').send({ email: c.email })));
    // ADR 0020: five a hour per address; the rest a clear 429.
    expect(results.filter((r) => r.status === 202)).toHaveLength(5);
    const refused = results.filter((r) => r.status !== 202);
    expect(refused).toHaveLength(7);
    for (const r of refused) expect(r.body.code).toBe('ACCOUNT_MAIL_RATE_LIMITED');
    const tokens = await p1.db.query(`SELECT 1 FROM account_tokens WHERE user_id = $1 AND purpose = 'password-reset'`, [c.id]);
    expect(tokens).toHaveLength(5);
  });

  it('the register lookup limit holds across instances of both apps', async () => {
    const servers = [cand(0), assr(1), cand(1), assr(0)];
    for (let n = 0; n < REGISTER_LOOKUP.maxLookups; n++) {
      const res = await servers[n % servers.length]!.get('/register').query({ q: 'Jansen' }).set('Accept', 'application/json');
      expect(res.status).toBe(200);
    }
    const refused = await servers[REGISTER_LOOKUP.maxLookups % servers.length]!.get('/register').query({ q: 'Jansen' }).set('Accept', 'application/json').expect(429);
    expect(refused.body).toMatchObject({ code: 'REGISTER_RATE_LIMITED', details: { maxLookups: REGISTER_LOOKUP.maxLookups } });
    expect(refused.headers['retry-after']).toBe(String(REGISTER_LOOKUP.windowSeconds));
    // Every instance refuses now, until the window is over.
    for (const s of servers) await s.get('/register').query({ q: 'Jansen' }).set('Accept', 'application/json').expect(429);
    setClocks(new Date(START.getTime() + REGISTER_LOOKUP.windowSeconds * 1000));
    await assr(1).get('/register').query({ q: 'Jansen' }).set('Accept', 'application/json').expect(200);
  });

  it('the certificate check limit holds across instances of both apps', async () => {
    const servers = [assr(0), cand(1), assr(1), cand(0)];
    const id = '00000000-0000-4000-8000-000000000000';
    for (let n = 0; n < VERIFY_LIMITS.maxChecks; n++) {
      const res = await servers[n % servers.length]!.get('/verify').query({ id }).set('Accept', 'application/json');
      expect(res.status).not.toBe(429);
      expect(res.status).toBeLessThan(500);
    }
    const refused = await servers[VERIFY_LIMITS.maxChecks % servers.length]!.get('/verify').query({ id }).set('Accept', 'application/json').expect(429);
    expect(refused.body).toMatchObject({ code: 'VERIFY_RATE_LIMITED', details: { maxChecks: VERIFY_LIMITS.maxChecks } });
    expect(refused.headers['retry-after']).toBe(String(VERIFY_LIMITS.windowSeconds));
    await cand(1).post('/verify').set('Accept', 'application/json').send({ credential: 'eyJ.x.y' }).expect(429);
  });

  it('a document requested on A is confirmed on B and downloaded through A and B', async () => {
    const c = await p1.account('candidate');
    const auth = { Authorization: `Bearer ${c.token}` };
    const bytes = FILES.pdf('multi-instance');
    const req = await cand(0).post('/documents').set(auth).send({ filename: 'diploma.pdf', contentType: 'application/pdf', sizeBytes: bytes.length }).expect(201);
    const { upload: target, document } = req.body as { upload: UploadTarget; document: { id: string } };
    const put = await fetch(target.url, { method: 'PUT', headers: target.headers, body: bytes });
    expect(put.status).toBe(200);
    const confirmed = await cand(1).post(`/documents/${document.id}/confirm`).set(auth).expect(200);
    expect(confirmed.body).toMatchObject({ id: document.id, status: 'verified', sha256: sha256(bytes) });
    for (const i of [1, 0] as const) {
      const link = await cand(i).get(`/documents/${document.id}/download`).set(auth).expect(200);
      const got = await fetch(link.body.url as string);
      expect(got.status).toBe(200);
      expect(sha256(Buffer.from(await got.arrayBuffer()))).toBe(sha256(bytes));
    }
  });

  it('one-off jobs queued on either instance are each run once, by one of the four instances', async () => {
    const instances = [p1.candidate, p1.assessor, p2.candidate, p2.assessor].map((app) => app.get(JobsService));
    expect(new Set(instances.map((j) => j.instance)).size).toBe(4);
    const ids: string[] = [];
    for (let n = 0; n < 4; n++) {
      const id = await instances[n % 4]!.send('office-notices', { trigger: 'manual' });
      expect(id).toEqual(expect.any(String));
      ids.push(id!);
    }
    const runs = await Promise.all(ids.map((id, n) => instances[(n + 1) % 4]!.waitForRun(id)));
    for (const r of runs) {
      expect(r.error).toBeNull();
      expect(instances.map((j) => j.instance)).toContain(r.instance);
    }
    // Let a duplicate show up if there were one.
    await new Promise((r) => setTimeout(r, 2000));
    const rows = await p1.db.query<{ boss_job_id: string; n: number }>(`SELECT "boss_job_id", count(*)::int AS n FROM "job_runs" WHERE "boss_job_id" = ANY($1) GROUP BY "boss_job_id"`, [ids]);
    expect(rows).toHaveLength(ids.length);
    for (const r of rows) expect(r.n).toBe(1);
  });
});
