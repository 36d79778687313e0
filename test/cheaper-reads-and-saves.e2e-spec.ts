import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import express from 'express';
import request from 'supertest';
import { startTestPlatform, TestPlatform } from '@rlp/testing';
import { mountWebApp } from '../libs/platform/src/web-app';
import { api, candidate, createPortfolio, writeSection } from './support/candidate-journey';
import { statementRecorder } from './support/statement-recorder';

/**
 * Issue 17, ADR 0025: a session lookup writes its row at most once a minute, a section save is a
 * handful of statements, `GET /portfolios/:id` reads no section contents, the completeness report is
 * at most two statements, and a regulation published on one instance counts at once on another.
 * Statements are counted on the app's own connection pool (every query a pooled client sends).
 */

const TODAY = '2026-11-23';

const isSessionLookup = (sql: string) => /FROM "sessions" s JOIN "users" u/.test(sql);
/**
 * What the audit trail's background chainer (ADR 0024, libs/audit) asks after a commit: not part of
 * any request (coalesced, it may run while a later request is recorded).
 */
const isAuditChainer = (sql: string) => /audit_chain/.test(sql);
/** What a request itself sent after the session lookup. */
const ownAfterSession = (statements: string[]) => statements.filter((s) => !isSessionLookup(s) && !isAuditChainer(s));

describe('cheaper reads and saves (ADR 0025)', () => {
  let p1: TestPlatform;
  let p2: TestPlatform;

  beforeAll(async () => {
    p1 = await startTestPlatform({ now: new Date(`${TODAY}T10:00:00Z`), env: { SESSION_IDLE_MINUTES: '30', SESSION_TTL_MINUTES: '600' } });
    // A second pair of app instances on the same database, as behind a load balancer.
    p2 = await startTestPlatform({ database: p1.db, now: new Date(`${TODAY}T10:00:00Z`), env: { SESSION_IDLE_MINUTES: '30', SESSION_TTL_MINUTES: '600' } });
    // Counts every write of a sessions row (a test-only trigger, owned by the owner role).
    await p1.db.query(`CREATE TABLE "test_session_writes" ("session_id" uuid NOT NULL, "at" timestamptz NOT NULL DEFAULT clock_timestamp())`);
    await p1.db.query(
      `CREATE FUNCTION "test_count_session_write"() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
       BEGIN INSERT INTO "test_session_writes" ("session_id") VALUES (NEW."id"); RETURN NEW; END $$`,
    );
    await p1.db.query(`CREATE TRIGGER "test_count_session_write" AFTER UPDATE ON "sessions" FOR EACH ROW EXECUTE FUNCTION "test_count_session_write"()`);
  });
  afterAll(async () => {
    await p2?.close();
    await p1?.close();
  });

  const sessionOf = async (token: string) =>
    (
      await p1.db.query<{ id: string; lastSeenAt: Date }>(
        `SELECT "id", "last_seen_at" AS "lastSeenAt" FROM "sessions" WHERE "token_hash" = encode(sha256(convert_to($1, 'UTF8')), 'hex')`,
        [token],
      )
    )[0]!;
  const writesOf = async (sessionId: string) => Number((await p1.db.query<{ n: string }>(`SELECT count(*) AS "n" FROM "test_session_writes" WHERE "session_id" = $1`, [sessionId]))[0]!.n);
  const setClocks = (at: Date) => {
    p1.clock.set(at);
    p2.clock.set(at);
  };

  describe('session lookup', () => {
    afterEach(() => setClocks(new Date(`${TODAY}T10:00:00Z`)));

    it('writes the session row at most once a minute, however many requests (on either instance) use it', async () => {
      const c = await candidate(p1);
      const session = await sessionOf(c.token);
      const loginAt = p1.clock.now();
      expect(session.lastSeenAt.toISOString()).toBe(loginAt.toISOString());

      // 20 requests within the same minute, spread over both instances, half of them at once: no write.
      for (let i = 0; i < 5; i++) {
        setClocks(new Date(loginAt.getTime() + i * 10_000));
        await api(p1).get('/auth/me').set(c.auth).expect(200);
        await request(p2.candidate.getHttpServer()).get('/auth/me').set(c.auth).expect(200);
      }
      await Promise.all(Array.from({ length: 10 }, (_, i) => (i % 2 ? api(p1) : request(p2.candidate.getHttpServer())).get('/auth/me').set(c.auth).expect(200)));
      expect(await writesOf(session.id)).toBe(0);
      expect((await sessionOf(c.token)).lastSeenAt.toISOString()).toBe(loginAt.toISOString());

      // A minute after the last write: ten requests at once refresh it once.
      const later = new Date(loginAt.getTime() + 61_000);
      setClocks(later);
      await Promise.all(Array.from({ length: 10 }, (_, i) => (i % 2 ? api(p1) : request(p2.candidate.getHttpServer())).get('/auth/me').set(c.auth).expect(200)));
      expect(await writesOf(session.id)).toBe(1);
      expect((await sessionOf(c.token)).lastSeenAt.toISOString()).toBe(later.toISOString());

      // And not again within the next minute.
      setClocks(new Date(later.getTime() + 59_000));
      await api(p1).get('/auth/me').set(c.auth).expect(200);
      expect(await writesOf(session.id)).toBe(1);
    });

    it('still ends an idle session, and keeps one alive while it is used', async () => {
      const c = await candidate(p1);
      const start = p1.clock.now();
      // Used every 29 minutes (idle timeout 30): alive; each use is a due refresh.
      for (let i = 1; i <= 3; i++) {
        setClocks(new Date(start.getTime() + i * 29 * 60_000));
        await api(p1).get('/auth/me').set(c.auth).expect(200);
      }
      // 30 minutes and a second after the last use: gone, on both instances.
      setClocks(new Date(start.getTime() + (3 * 29 + 30) * 60_000 + 1_000));
      expect((await api(p1).get('/auth/me').set(c.auth).expect(401)).body.code).toBe('SESSION_INVALID');
      await request(p2.candidate.getHttpServer()).get('/auth/me').set(c.auth).expect(401);
    });

    it('ends a session at most a minute early when the last refresh lagged (never later than the idle timeout)', async () => {
      const c = await candidate(p1);
      const start = p1.clock.now();
      // 50 s after login: not refreshed (not due), so the idle window still counts from the login.
      setClocks(new Date(start.getTime() + 50_000));
      await api(p1).get('/auth/me').set(c.auth).expect(200);
      setClocks(new Date(start.getTime() + 30 * 60_000 + 1_000));
      await api(p1).get('/auth/me').set(c.auth).expect(401);
    });

    it('keeps browser sessions (cookie + CSRF) working across instances; logging out one session leaves the other', async () => {
      const c = await candidate(p1);
      const login = await api(p1).post('/auth/session').send({ email: c.email, password: c.password }).expect(200);
      const cookies = ([] as string[]).concat(login.headers['set-cookie'] ?? []).map((v) => v.split(';')[0]!);
      const csrf = (login.body as { csrfToken: string }).csrfToken;
      await request(p2.candidate.getHttpServer()).get('/auth/me').set('Cookie', cookies.join('; ')).expect(200);
      await request(p2.candidate.getHttpServer()).post('/portfolios').set('Cookie', cookies.join('; ')).expect(403);
      await request(p2.candidate.getHttpServer()).post('/portfolios').set('Cookie', cookies.join('; ')).set('X-CSRF-Token', csrf).expect(201);
      await api(p1).post('/auth/logout').set(c.auth).expect(204);
      await api(p1).get('/auth/me').set(c.auth).expect(401);
      await request(p2.candidate.getHttpServer()).get('/auth/me').set('Cookie', cookies.join('; ')).expect(200);
    });
  });

  describe('statements per request', () => {
    it('a section save: 3 statements (with the session lookup) and no explicit transaction, every guarantee kept', async () => {
      const rec = statementRecorder(p1.candidate);
      const c = await candidate(p1);
      const portfolio = await createPortfolio(p1, c);
      const body = { answers: {} };
      const { result: saved, statements } = await rec.during(() => writeSection(p1, c, portfolio.id, 'developmentPlan', portfolio.etags['developmentPlan']!, { answers: { '1': 'Meer coachen van teams' } }));
      expect(saved.status).toBe(200);
      expect(saved.headers['etag']).toBe('"developmentPlan.2"');
      // Session lookup, the read, one statement that locks, updates, inserts the revision and the
      // audit event and touches the portfolio (was 11, then 6): no BEGIN or COMMIT.
      const own = statements.filter((s) => !isAuditChainer(s));
      expect(own).toHaveLength(3);
      expect(own.filter(isSessionLookup)).toHaveLength(1);
      expect(own.filter((s) => /^\s*(BEGIN|START TRANSACTION|COMMIT|ROLLBACK)\b/i.test(s))).toEqual([]);
      expect(own[2]).toMatch(/FOR KEY SHARE[\s\S]*UPDATE "portfolio_sections"[\s\S]*INSERT INTO "portfolio_section_revisions"[\s\S]*INSERT INTO "audit_events"/);

      // The revision, the portfolio's date and the audit event are all there.
      const revisions = await p1.db.query<{ version: number }>(`SELECT "version" FROM "portfolio_section_revisions" WHERE "portfolio_id" = $1 AND "section" = 'developmentPlan' ORDER BY 1`, [portfolio.id]);
      expect(revisions.map((r) => r.version)).toEqual([1, 2]);
      const audit = await p1.db.query<{ data: { section: string; version: number }; actor_id: string; subject_type: string; request_id: string | null; portfolio_id: string }>(
        `SELECT "data", "actor_id", "subject_type", "request_id", "portfolio_id" FROM "audit_events" WHERE "action" = 'portfolio.section_saved' AND "subject_id" = $1`,
        [portfolio.id],
      );
      expect(audit).toEqual([{ data: { section: 'developmentPlan', version: 2 }, actor_id: c.id, subject_type: 'portfolio', request_id: expect.any(String), portfolio_id: portfolio.id }]);
      // The event, written outside a TypeORM transaction, is still chained by the instance by itself.
      const deadline = Date.now() + 10_000;
      const chained = async () => (await p1.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM "audit_events" WHERE "subject_id" = $1 AND "chain_seq" IS NULL`, [portfolio.id]))[0]!.n === 0;
      while (!(await chained())) {
        if (Date.now() > deadline) throw new Error('the save’s audit event was not chained within 10 s');
        await new Promise((r) => setTimeout(r, 20));
      }
      const view = await api(p1).get(`/portfolios/${portfolio.id}`).set(c.auth).expect(200);
      expect(view.body.updatedAt).toBe(p1.clock.now().toISOString());

      // A stale If-Match (on the other instance): 412 with the current version, nothing written.
      const stale = await request(p2.candidate.getHttpServer())
        .patch(`/portfolios/${portfolio.id}/sections/developmentPlan`)
        .set(c.auth)
        .set('If-Match', '"developmentPlan.1"')
        .send({ answers: { '1': 'kwijt?' } })
        .expect(412);
      expect(stale.body).toMatchObject({ code: 'STALE_SECTION', details: { currentVersion: 2, etag: '"developmentPlan.2"' } });
      // A merge patch on the current version; a write that changes nothing keeps the version.
      const merged = await request(p2.candidate.getHttpServer()).patch(`/portfolios/${portfolio.id}/sections/developmentPlan`).set(c.auth).set('If-Match', '"developmentPlan.2"').send({ answers: { '2': 'Verdiepen in teams' } }).expect(200);
      expect(merged.body.content).toEqual({ answers: { '1': 'Meer coachen van teams', '2': 'Verdiepen in teams' } });
      const same = await writeSection(p1, c, portfolio.id, 'developmentPlan', '"developmentPlan.3"', merged.body.content);
      expect(same.status).toBe(200);
      expect(same.headers['etag']).toBe('"developmentPlan.3"');
      // Missing If-Match: 428; unknown portfolio: 404.
      expect((await api(p1).put(`/portfolios/${portfolio.id}/sections/developmentPlan`).set(c.auth).send(body)).body.code).toBe('IF_MATCH_REQUIRED');
      expect((await writeSection(p1, c, '00000000-0000-4000-8000-000000000000', 'developmentPlan', '"developmentPlan.1"', body)).body.code).toBe('PORTFOLIO_NOT_FOUND');
      // Someone else's portfolio: 404 as well.
      const other = await candidate(p1);
      expect((await writeSection(p1, other, portfolio.id, 'developmentPlan', '"developmentPlan.2"', body)).body.code).toBe('PORTFOLIO_NOT_FOUND');
      // A submitted (frozen) portfolio refuses saves.
      await p1.db.query(`UPDATE "portfolios" SET "status" = 'submitted', "submitted_at" = now() WHERE "id" = $1`, [portfolio.id]);
      const frozen = await writeSection(p1, c, portfolio.id, 'education', portfolio.etags['education']!, {});
      expect(frozen.status).toBe(409);
      expect(frozen.body.code).toBe('PORTFOLIO_NOT_EDITABLE');
    });

    it('concurrent saves of one section with the same If-Match: one wins, the other gets 412, nothing is lost', async () => {
      const c = await candidate(p1);
      const portfolio = await createPortfolio(p1, c);
      const results = await Promise.all(
        ['eerste', 'tweede', 'derde', 'vierde'].map((text, i) =>
          request((i % 2 ? p2 : p1).candidate.getHttpServer()).put(`/portfolios/${portfolio.id}/sections/developmentPlan`).set(c.auth).set('If-Match', '"developmentPlan.1"').send({ answers: { '1': text } }),
        ),
      );
      expect(results.map((r) => r.status).sort()).toEqual([200, 412, 412, 412]);
      const winner = results.find((r) => r.status === 200)!;
      const stored = await p1.db.query<{ version: number; content: { answers: Record<string, string> } }>(`SELECT "version", "content" FROM "portfolio_section_revisions" WHERE "portfolio_id" = $1 AND "section" = 'developmentPlan' ORDER BY 1`, [portfolio.id]);
      expect(stored.map((r) => r.version)).toEqual([1, 2]);
      expect(stored[1]!.content).toEqual(winner.body.content);
    });

    it('GET /portfolios/:id: one statement after the session lookup, and no section contents', async () => {
      const rec = statementRecorder(p1.candidate);
      const c = await candidate(p1);
      const portfolio = await createPortfolio(p1, c);
      expect((await writeSection(p1, c, portfolio.id, 'developmentPlan', portfolio.etags['developmentPlan']!, { answers: { '1': 'Meer coachen van teams' } })).status).toBe(200);
      const { result, statements } = await rec.during(() => api(p1).get(`/portfolios/${portfolio.id}`).set(c.auth).expect(200));
      expect(ownAfterSession(statements)).toHaveLength(1);
      expect(statements.join('\n')).not.toMatch(/"content"/);
      expect(result.body.sections).toHaveLength(7);
      expect(result.body.sections.find((s: { section: string }) => s.section === 'developmentPlan')).toMatchObject({ version: 2, etag: '"developmentPlan.2"', part: expect.any(String), updatedAt: p1.clock.now().toISOString() });
      // The list is one statement too, whatever the number of portfolios.
      const list = await rec.during(() => api(p1).get('/portfolios').set(c.auth).expect(200));
      expect(ownAfterSession(list.statements)).toHaveLength(1);
      expect(list.result.body).toEqual([result.body]);
    });

    it('GET /portfolios/:id/completeness: at most 2 statements (here 1 after the session lookup)', async () => {
      const rec = statementRecorder(p1.candidate);
      const c = await candidate(p1);
      const portfolio = await createPortfolio(p1, c);
      const { result, statements } = await rec.during(() => api(p1).get(`/portfolios/${portfolio.id}/completeness?lang=en`).set(c.auth).expect(200));
      expect(ownAfterSession(statements).length).toBeLessThanOrEqual(2);
      expect(ownAfterSession(statements)).toHaveLength(1);
      expect(result.body).toMatchObject({ complete: false, referenceDate: TODAY, regulationVersions: { reglement: 1, gedragscode: 1, klachtenreglement: 1 } });
      const unknown = await api(p1).get('/portfolios/00000000-0000-4000-8000-000000000000/completeness').set(c.auth).expect(404);
      expect(unknown.body.code).toBe('PORTFOLIO_NOT_FOUND');
    });
  });

  it('a regulation published on one instance counts at once in the other instance’s save and completeness', async () => {
    const admin = await p1.account('admin');
    const c = await candidate(p2);
    const portfolio = await createPortfolio(p2, c);
    const other = request(p2.candidate.getHttpServer());
    const before = await other.get(`/portfolios/${portfolio.id}/completeness`).set(c.auth).expect(200);
    expect(before.body.regulationVersions.klachtenreglement).toBe(1);

    const base = '/admin/regulations/klachtenreglement/versions';
    const auth = { Authorization: `Bearer ${admin.token}` };
    await request(p1.assessor.getHttpServer()).post(base).set(auth).send({ changeSummary: 'Nieuwe termijnen' }).expect(201);
    await request(p1.assessor.getHttpServer()).post(`${base}/2/publish`).set(auth).send({ effectiveFrom: TODAY }).expect(200);

    // Immediately, on the other instance: the report names version 2 ...
    const after = await other.get(`/portfolios/${portfolio.id}/completeness`).set(c.auth).expect(200);
    expect(after.body.regulationVersions.klachtenreglement).toBe(2);
    // ... accepting version 1 is refused, accepting version 2 is stamped and recorded.
    const old = await other.patch(`/portfolios/${portfolio.id}/sections/declarations`).set(c.auth).set('If-Match', portfolio.etags['declarations']!).send({ klachtenreglement: { accepted: true, version: 1 } });
    expect(old.status).toBe(409);
    expect(old.body).toMatchObject({ code: 'REGULATION_VERSION_NOT_CURRENT', details: { current: 2 } });
    const ok = await other.patch(`/portfolios/${portfolio.id}/sections/declarations`).set(c.auth).set('If-Match', portfolio.etags['declarations']!).send({ klachtenreglement: { accepted: true, version: 2 } });
    expect(ok.status).toBe(200);
    expect(ok.body.content.klachtenreglement).toEqual({ accepted: true, version: 2, acceptedAt: TODAY });
    const accepted = await p1.db.query<{ version: number }>(
      `SELECT v."version" FROM "regulation_acceptances" a JOIN "regulation_versions" v ON v."id" = a."regulation_version_id" WHERE a."portfolio_id" = $1 AND v."type" = 'klachtenreglement'`,
      [portfolio.id],
    );
    expect(accepted).toEqual([{ version: 2 }]);
  });

  describe('ETags', () => {
    it('JSON answers carry no computed ETag; a section keeps its own', async () => {
      const c = await candidate(p1);
      const portfolio = await createPortfolio(p1, c);
      const view = await api(p1).get(`/portfolios/${portfolio.id}`).set(c.auth).expect(200);
      expect(view.headers['etag']).toBeUndefined();
      const section = await api(p1).get(`/portfolios/${portfolio.id}/sections/education`).set(c.auth).expect(200);
      expect(section.headers['etag']).toBe('"education.1"');
    });

    it("the portal's page and static files still revalidate with 304 when Express computes no ETags", async () => {
      const dir = mkdtempSync(join(tmpdir(), 'rlp-web-'));
      try {
        mkdirSync(join(dir, 'assets'));
        writeFileSync(join(dir, 'index.html'), '<!doctype html><title>portaal</title>');
        writeFileSync(join(dir, 'assets', 'app-abc123.js'), 'console.log(1)');
        writeFileSync(join(dir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
        const app = express();
        app.set('etag', false);
        mountWebApp(app as unknown as NestExpressApplication, { dir, routes: [''], connectSrc: async () => [] });
        for (const path of ['/', '/assets/app-abc123.js', '/favicon.svg']) {
          const first = await request(app).get(path).expect(200);
          const etag = first.headers['etag'] as string | undefined;
          expect({ path, etag: typeof etag }).toEqual({ path, etag: 'string' });
          await request(app).get(path).set('If-None-Match', etag!).expect(304);
        }
        expect((await request(app).get('/')).headers['cache-control']).toBe('no-cache');
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });
});
