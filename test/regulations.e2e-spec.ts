import request from 'supertest';
import { listRoutes } from '@rlp/platform';
import { startTestPlatform, TestPlatform } from '@rlp/testing';
import { api, candidate, readyToSubmit } from './support/candidate-journey';

const TODAY = '2026-11-23';
const NOW = new Date(`${TODAY}T10:00:00Z`);

interface VersionBody {
  type: string;
  version: number;
  title: string;
  body: string;
  changeSummary: string | null;
  effectiveFrom: string | null;
  status: 'draft' | 'published' | 'superseded';
  current: boolean;
  updatedAt: string;
}

describe('regulation documents: versions, publication and renewed acceptance (e2e)', () => {
  let p: TestPlatform;
  let admin: { Authorization: string };
  const assessorApi = () => request(p.assessor.getHttpServer());

  beforeAll(async () => {
    p = await startTestPlatform({ now: NOW });
    const a = await p.account('admin');
    admin = { Authorization: `Bearer ${a.token}` };
  });
  afterAll(() => p.close());

  it('a new gedragscode makes a complete draft stale until the candidate accepts it again', async () => {
    const { c, portfolioId } = await readyToSubmit(p, TODAY);
    const base = '/admin/regulations/gedragscode/versions';

    // Version 1 is current; the candidate's acceptance of it is on record.
    const before = await assessorApi().get(`${base}/1/acceptances`).set(admin).expect(200);
    expect(before.body).toMatchObject({ type: 'gedragscode', version: 1, current: true, status: 'published', nextCursor: null });
    expect((await assessorApi().get(`${base}/1/renewals`).set(admin).expect(200)).body).toMatchObject({ currentVersion: 1, draftsNeedingRenewal: [], nextCursor: null });
    expect(before.body.acceptedBy).toEqual([expect.objectContaining({ userId: c.id, portfolioId })]);

    // Draft → edit → publish, effective today.
    const v1 = (await assessorApi().get(`${base}/1`).set(admin).expect(200)).body as VersionBody;
    const draft = await assessorApi().post(base).set(admin).send({ changeSummary: 'Nieuw artikel over sociale media' }).expect(201);
    expect(draft.body).toMatchObject({ type: 'gedragscode', version: 2, status: 'draft', current: false, title: v1.title, body: v1.body, effectiveFrom: null });
    const newBody = `${v1.body.trimEnd()}\n\nArtikel 9. De loopbaanprofessional deelt geen cliëntgegevens op sociale media.\n`;
    const edited = await assessorApi().patch(`${base}/2`).set(admin).send({ title: `${v1.title} (2027)`, body: newBody }).expect(200);
    expect(edited.body).toMatchObject({ version: 2, status: 'draft', title: `${v1.title} (2027)`, body: newBody, changeSummary: 'Nieuw artikel over sociale media' });
    // Candidates do not see drafts.
    await api(p).get('/regulations/gedragscode/versions/2').set(c.auth).expect(404);

    const published = await assessorApi().post(`${base}/2/publish`).set(admin).send({ effectiveFrom: TODAY }).expect(200);
    expect(published.body).toMatchObject({ version: 2, status: 'published', current: true, effectiveFrom: TODAY });
    const list = await assessorApi().get(base).set(admin).expect(200);
    expect((list.body as VersionBody[]).map((v) => [v.version, v.status, v.current])).toEqual([
      [2, 'published', true],
      [1, 'superseded', false],
    ]);
    const regs = await api(p).get('/regulations').set(c.auth).expect(200);
    expect((regs.body as VersionBody[]).find((r) => r.type === 'gedragscode')).toMatchObject({ version: 2, current: true });

    // Submitting the draft that accepted version 1 now fails.
    const revision = (await api(p).get(`/portfolios/${portfolioId}`).set(c.auth).expect(200)).body.revision as string;
    const refused = await api(p).post(`/portfolios/${portfolioId}/submit`).set(c.auth).set('Idempotency-Key', 'regulations-0001').send({ revision }).expect(422);
    expect(refused.body.code).toBe('PORTFOLIO_INCOMPLETE');
    expect((refused.body.details.blocking as Array<{ code: string }>).map((f) => f.code)).toContain('E.GEDRAGSCODE');

    // The candidate sees what changed.
    const diff = await api(p).get(`/portfolios/${portfolioId}/regulations`).set(c.auth).expect(200);
    expect(diff.body).toMatchObject({ portfolioId, submitted: false });
    const gedragscode = (diff.body.regulations as Array<Record<string, unknown>>).find((r) => r['type'] === 'gedragscode')!;
    expect(gedragscode).toMatchObject({ accepted: true, acceptedVersion: 1, currentVersion: 2, stale: true, changeSummary: 'Nieuw artikel over sociale media' });
    expect(gedragscode['changes']).toEqual([expect.objectContaining({ version: 2, changeSummary: 'Nieuw artikel over sociale media' })]);
    const lines = gedragscode['diff'] as Array<{ op: string; text: string }>;
    expect(lines).toContainEqual({ op: 'added', text: 'Artikel 9. De loopbaanprofessional deelt geen cliëntgegevens op sociale media.' });
    expect(lines.some((l) => l.op === 'same')).toBe(true);
    expect(lines.filter((l) => l.op !== 'added').map((l) => l.text).join('\n')).toBe(v1.body.replace(/\n$/, ''));
    expect((diff.body.regulations as Array<Record<string, unknown>>).find((r) => r['type'] === 'klachtenreglement')).toEqual({
      type: 'klachtenreglement',
      accepted: true,
      acceptedVersion: 1,
      currentVersion: 1,
      stale: false,
    });

    // The office sees the portfolio among the drafts that still have to renew.
    const stale = await assessorApi().get(`${base}/1/acceptances`).set(admin).expect(200);
    expect(stale.body).toMatchObject({ status: 'superseded', current: false, currentVersion: 2, nextCursor: null });
    const renew = await assessorApi().get(`${base}/1/renewals`).set(admin).expect(200);
    expect(renew.body).toMatchObject({ type: 'gedragscode', version: 1, currentVersion: 2, nextCursor: null });
    expect(renew.body.draftsNeedingRenewal).toEqual([expect.objectContaining({ portfolioId, candidateId: c.id, acceptedVersion: 1 })]);
    // The current version and the klachtenreglement (not superseded) have nobody to renew.
    expect((await assessorApi().get(`${base}/2/renewals`).set(admin).expect(200)).body.draftsNeedingRenewal).toEqual([]);

    // Accepting version 2 (the section's ETag is needed).
    const section = await api(p).get(`/portfolios/${portfolioId}/sections/declarations`).set(c.auth).expect(200);
    const renewed = await api(p).patch(`/portfolios/${portfolioId}/sections/declarations`).set(c.auth).set('If-Match', section.headers['etag']!).send({ gedragscode: { accepted: true, version: 2 } }).expect(200);
    expect(renewed.headers['etag']).not.toBe(section.headers['etag']);
    expect(renewed.body.content.gedragscode).toMatchObject({ accepted: true, version: 2 });
    const fresh = await api(p).get(`/portfolios/${portfolioId}/regulations`).set(c.auth).expect(200);
    expect((fresh.body.regulations as Array<{ stale: boolean }>).every((r) => !r.stale)).toBe(true);

    const newRevision = (await api(p).get(`/portfolios/${portfolioId}`).set(c.auth).expect(200)).body.revision as string;
    expect(newRevision).not.toBe(revision);
    await api(p).post(`/portfolios/${portfolioId}/submit`).set(c.auth).set('Idempotency-Key', 'regulations-0002').send({ revision: newRevision }).expect(201);
    const submission = await api(p).get(`/portfolios/${portfolioId}/submission`).set(c.auth).expect(200);
    expect(submission.body.regulationVersions).toMatchObject({ gedragscode: 2, klachtenreglement: 1 });
    const after = await api(p).get(`/portfolios/${portfolioId}/regulations`).set(c.auth).expect(200);
    expect(after.body).toMatchObject({ submitted: true, regulationVersions: { gedragscode: 2, klachtenreglement: 1 } });
    expect((after.body.regulations as Array<{ type: string; acceptedVersion: number; stale: boolean }>).map((r) => [r.type, r.acceptedVersion, r.stale])).toEqual([
      ['gedragscode', 2, false],
      ['klachtenreglement', 1, false],
    ]);

    const v2 = await assessorApi().get(`${base}/2/acceptances`).set(admin).expect(200);
    expect(v2.body.acceptedBy).toEqual([expect.objectContaining({ userId: c.id, portfolioId, email: expect.any(String), displayName: expect.any(String), acceptedAt: expect.any(String) })]);
    const v1After = await assessorApi().get(`${base}/1/acceptances`).set(admin).expect(200);
    expect((await assessorApi().get(`${base}/1/renewals`).set(admin).expect(200)).body.draftsNeedingRenewal).toEqual([]);
    expect(v1After.body.acceptedBy).toEqual([expect.objectContaining({ userId: c.id, portfolioId })]);

    // Every change was audited.
    const audit = await p.db.query<{ action: string }>(
      `SELECT "action" FROM "audit_events" WHERE "subject_type" = 'regulation_version' AND "subject_id" = $1 ORDER BY "occurred_at", "id"`,
      [published.body.id],
    );
    expect(audit.map((e) => e.action)).toEqual(['regulation.draft_created', 'regulation.draft_updated', 'regulation.published']);

    // Another candidate cannot see this portfolio's regulations.
    const stranger = await candidate(p);
    const hidden = await api(p).get(`/portfolios/${portfolioId}/regulations`).set(stranger.auth).expect(404);
    expect(hidden.body.code).toBe('PORTFOLIO_NOT_FOUND');
  });

  it('keeps published versions immutable, numbers drafts without gaps or duplicates, and validates input', async () => {
    const base = '/admin/regulations/klachtenreglement/versions';
    const v1 = (await assessorApi().get(`${base}/1`).set(admin).expect(200)).body as VersionBody;
    const patch = await assessorApi().patch(`${base}/1`).set(admin).send({ body: 'overschreven' }).expect(409);
    expect(patch.body.code).toBe('REGULATION_VERSION_PUBLISHED');
    const del = await assessorApi().delete(`${base}/1`).set(admin).expect(409);
    expect(del.body.code).toBe('REGULATION_VERSION_PUBLISHED');
    const republish = await assessorApi().post(`${base}/1/publish`).set(admin).send({ effectiveFrom: TODAY }).expect(409);
    expect(republish.body.code).toBe('REGULATION_VERSION_PUBLISHED');
    expect((await assessorApi().get(`${base}/1`).set(admin).expect(200)).body).toEqual(v1);
    // The database refuses it too.
    await expect(p.db.query(`UPDATE "regulation_versions" SET "body" = 'x' WHERE "type" = 'klachtenreglement' AND "version" = 1`)).rejects.toThrow();

    // Drafts: created, deleted, numbered again.
    const d2 = await assessorApi().post(base).set(admin).send({ title: 'Klachtenreglement 2027', body: '# Klachten\n', effectiveFrom: '2027-01-01' }).expect(201);
    expect(d2.body).toMatchObject({ version: 2, status: 'draft', effectiveFrom: '2027-01-01' });
    await assessorApi().delete(`${base}/2`).set(admin).expect(204);
    await assessorApi().get(`${base}/2`).set(admin).expect(404);
    const deletedAudit = await p.db.query<{ action: string }>(`SELECT "action" FROM "audit_events" WHERE "subject_id" = $1 ORDER BY "id"`, [d2.body.id]);
    expect(deletedAudit.map((e) => e.action)).toEqual(['regulation.draft_created', 'regulation.draft_deleted']);

    // Simultaneous creation never produces a duplicate number.
    const created = await Promise.all(Array.from({ length: 6 }, (_, i) => assessorApi().post(base).set(admin).send({ title: `Concept ${i}` })));
    expect(created.map((r) => r.status)).toEqual(Array(6).fill(201));
    expect(created.map((r) => r.body.version as number).sort((a, b) => a - b)).toEqual([2, 3, 4, 5, 6, 7]);

    // Publishing needs a title and a text and an effective date from today on.
    await assessorApi().patch(`${base}/2`).set(admin).send({ body: '   ' }).expect(200);
    const empty = await assessorApi().post(`${base}/2/publish`).set(admin).send({ effectiveFrom: TODAY }).expect(422);
    expect(empty.body).toMatchObject({ code: 'REGULATION_VERSION_INCOMPLETE', details: { missing: ['body'] } });
    const past = await assessorApi().post(`${base}/3/publish`).set(admin).send({ effectiveFrom: '2026-11-22' }).expect(422);
    expect(past.body.code).toBe('REGULATION_EFFECTIVE_DATE_IN_PAST');

    const invalid: Array<[string, request.Test, number, string]> = [
      ['no effective date', assessorApi().post(`${base}/3/publish`).set(admin).send({}), 400, 'VALIDATION_FAILED'],
      ['not a real date', assessorApi().post(`${base}/3/publish`).set(admin).send({ effectiveFrom: '2027-02-30' }), 400, 'VALIDATION_FAILED'],
      ['not YYYY-MM-DD', assessorApi().post(`${base}/3/publish`).set(admin).send({ effectiveFrom: '2027-1-5' }), 400, 'VALIDATION_FAILED'],
      ['a timestamp', assessorApi().post(`${base}/3/publish`).set(admin).send({ effectiveFrom: '2027-01-05T00:00:00Z' }), 400, 'VALIDATION_FAILED'],
      ['title too long', assessorApi().post(base).set(admin).send({ title: 'x'.repeat(301) }), 400, 'VALIDATION_FAILED'],
      ['change summary too long', assessorApi().patch(`${base}/3`).set(admin).send({ changeSummary: 'x'.repeat(5001) }), 400, 'VALIDATION_FAILED'],
      ['body not a string', assessorApi().patch(`${base}/3`).set(admin).send({ body: 42 }), 400, 'VALIDATION_FAILED'],
      ['unknown field', assessorApi().patch(`${base}/3`).set(admin).send({ status: 'published' }), 400, 'VALIDATION_FAILED'],
      ['unknown type', assessorApi().get('/admin/regulations/huisregels/versions').set(admin), 404, 'REGULATION_TYPE_NOT_FOUND'],
      ['unknown type on create', assessorApi().post('/admin/regulations/huisregels/versions').set(admin).send({}), 404, 'REGULATION_TYPE_NOT_FOUND'],
      ['version not a number', assessorApi().get(`${base}/abc`).set(admin), 400, 'INVALID_VERSION'],
      // Above the integer column's range: refused before the query (it was a database error, a 500).
      ['version out of range', assessorApi().get(`${base}/3000000000`).set(admin), 400, 'INVALID_VERSION'],
      ['version out of range, read route', assessorApi().get('/regulations/gedragscode/versions/3000000000').set(admin), 400, 'INVALID_VERSION'],
      ['version that does not exist', assessorApi().get(`${base}/99/acceptances`).set(admin), 404, 'REGULATION_VERSION_NOT_FOUND'],
    ];
    for (const [name, pending, status, code] of invalid) {
      const res = await pending;
      expect({ name, status: res.status, code: res.body.code }).toEqual({ name, status, code });
    }

    // A lower draft cannot be published after a higher version.
    await assessorApi().post(`${base}/7/publish`).set(admin).send({ effectiveFrom: '2027-01-01' }).expect(200);
    const outdated = await assessorApi().post(`${base}/6/publish`).set(admin).send({ effectiveFrom: '2027-02-01' }).expect(409);
    expect(outdated.body.code).toBe('REGULATION_VERSION_OUTDATED');
    const stillCurrent = await assessorApi().get(`${base}/1`).set(admin).expect(200);
    expect(stillCurrent.body).toMatchObject({ current: true, status: 'published' });
  });

  it('a version published for a future date becomes current on that date', async () => {
    const base = '/admin/regulations/reglement/versions';
    const c = await candidate(p);
    try {
      const draft = await assessorApi().post(base).set(admin).send({ title: 'Reglement 2027', body: '# Reglement\n\nNieuwe tekst.\n', changeSummary: 'Herzien' }).expect(201);
      expect(draft.body.version).toBe(2);
      const published = await assessorApi().post(`${base}/2/publish`).set(admin).send({ effectiveFrom: '2026-12-01' }).expect(200);
      expect(published.body).toMatchObject({ status: 'published', current: false, effectiveFrom: '2026-12-01' });
      const currentNow = await api(p).get('/regulations').set(c.auth).expect(200);
      expect((currentNow.body as VersionBody[]).find((r) => r.type === 'reglement')).toMatchObject({ version: 1, current: true });
      expect((await assessorApi().get(base).set(admin).expect(200)).body.map((v: VersionBody) => [v.version, v.status, v.current])).toEqual([
        [2, 'published', false],
        [1, 'published', true],
      ]);

      // A later version cannot take effect before the one already published.
      await assessorApi().post(base).set(admin).send({ title: 'Reglement 2027b', body: 'Tekst' }).expect(201);
      const early = await assessorApi().post(`${base}/3/publish`).set(admin).send({ effectiveFrom: '2026-11-30' }).expect(409);
      expect(early.body).toMatchObject({ code: 'REGULATION_EFFECTIVE_DATE_TOO_EARLY', details: { latestPublished: { version: 2, effectiveFrom: '2026-12-01' } } });

      // Sessions expire while the clock moves a week: new ones for the later days.
      p.clock.set(new Date('2026-11-30T22:59:00Z')); // 23:59 in Amsterdam: still 30 November
      const late = await candidate(p);
      expect((await api(p).get('/regulations').set(late.auth).expect(200)).body.find((r: VersionBody) => r.type === 'reglement')).toMatchObject({ version: 1 });
      p.clock.set(new Date('2026-11-30T23:00:00Z')); // midnight in Amsterdam
      expect((await api(p).get('/regulations').set(late.auth).expect(200)).body.find((r: VersionBody) => r.type === 'reglement')).toMatchObject({ version: 2, current: true });
      const laterAdmin = { Authorization: `Bearer ${(await p.account('admin')).token}` };
      expect((await assessorApi().get(base).set(laterAdmin).expect(200)).body.map((v: VersionBody) => [v.version, v.status, v.current])).toEqual([
        [3, 'draft', false],
        [2, 'published', true],
        [1, 'superseded', false],
      ]);
    } finally {
      p.clock.set(NOW);
    }
  });

  it('every /admin/regulations route refuses candidates and assessors; the candidate API has none of them', async () => {
    const routes = listRoutes(p.assessor).filter((r) => r.path.startsWith('/admin/regulations'));
    expect(routes.map((r) => `${r.method} ${r.path}`).sort()).toEqual([
      'DELETE /admin/regulations/:type/versions/:version',
      'GET /admin/regulations/:type/versions',
      'GET /admin/regulations/:type/versions/:version',
      'GET /admin/regulations/:type/versions/:version/acceptances',
      'GET /admin/regulations/:type/versions/:version/renewals',
      'PATCH /admin/regulations/:type/versions/:version',
      'POST /admin/regulations/:type/versions',
      'POST /admin/regulations/:type/versions/:version/publish',
    ]);
    const cand = await p.account('candidate');
    const assessor = await p.account('assessor');
    for (const [role, token] of [
      ['candidate', cand.token],
      ['assessor', assessor.token],
    ] as const) {
      for (const r of routes) {
        const path = r.path.replace(':type', 'gedragscode').replace(':version', '1');
        const res = await assessorApi()[r.method.toLowerCase() as 'get'](path).set('Authorization', `Bearer ${token}`).send({ effectiveFrom: TODAY });
        expect({ role, route: `${r.method} ${r.path}`, status: res.status, code: res.body.code }).toEqual({ role, route: `${r.method} ${r.path}`, status: 403, code: 'ROLE_FORBIDDEN' });
      }
    }
    const onCandidateApi = await api(p).get('/admin/regulations/gedragscode/versions').set('Authorization', `Bearer ${cand.token}`);
    expect(onCandidateApi.status).toBe(404);
    // Nothing changed.
    expect((await assessorApi().get('/admin/regulations/gedragscode/versions/1').set(admin).expect(200)).body.status).not.toBe('draft');
  });
});
