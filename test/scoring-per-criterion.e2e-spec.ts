import { startTestPlatform, TestPlatform } from '@rlp/testing';
import { assign, declare, office, person, submittedDossier, type Person } from './support/assessment-journey';

/**
 * Scoring drafts saved per criterion (issue 18, ADR 0014 §3): each criterion has its own version
 * and ETag, so two tabs editing different criteria both succeed; the same criterion changed
 * meanwhile is 412 and changes nothing. The whole-map save and submit keep the whole scoring's
 * version. Blindness is unchanged: the co-assessor sees nothing of it.
 */
describe('scoring per criterion (e2e)', () => {
  let p: TestPlatform;
  let admin: Person;
  let anna: Person;
  let bram: Person;
  let id: string;
  type View = { version: number; etag: string; scores: Record<string, unknown>; criterionVersions: Record<string, { version: number; etag: string }>; criteria: Array<{ code: string }> };
  const get = async (who: Person) => (await office(p).get(`/assessments/${id}/scoring`).set(who.auth).expect(200)).body as View;
  const putCriterion = (who: Person, code: string, etag: string | undefined, body: unknown) => {
    const r = office(p).put(`/assessments/${id}/scoring/criteria/${encodeURIComponent(code)}`).set(who.auth);
    return (etag === undefined ? r : r.set('If-Match', etag)).send(body as object);
  };
  const auditCount = async () => Number((await p.db.query<{ n: string }>(`SELECT count(*)::text AS n FROM audit_events WHERE action = 'scoring.saved'`))[0]!.n);

  beforeAll(async () => {
    p = await startTestPlatform();
    admin = await person(p, 'admin', 'Certificeringsbureau');
    anna = await person(p, 'assessor', 'Een');
    bram = await person(p, 'assessor', 'Twee');
    id = (await submittedDossier(p, '2026-11-23')).portfolioId;
    for (const a of [anna, bram]) {
      expect((await assign(p, admin, id, a)).status).toBe(201);
      await declare(p, a, id);
    }
  }, 180_000);
  afterAll(() => p.close());

  it('GET gives every criterion its own version and ETag, 0 before any save', async () => {
    const v = await get(anna);
    expect(Object.keys(v.criterionVersions).sort()).toEqual(v.criteria.map((c) => c.code).sort());
    for (const c of v.criteria) expect(v.criterionVersions[c.code]).toEqual({ version: 0, etag: '"criterion.0"' });
    expect(v.etag).toBe('"scoring.1"');
  });

  it('two tabs with the same starting versions editing different criteria both succeed; the same criterion is 412 and changes nothing', async () => {
    const start = await get(anna);
    const [first, second] = start.criteria.map((c) => c.code);
    // Tab 1 saves criterion A, tab 2 (same starting versions) criterion B.
    const tab1 = await putCriterion(anna, first!, start.criterionVersions[first!]!.etag, { verdict: 'niet_aangetoond', motivation: 'Handtekening ontbreekt.' }).expect(200);
    expect(tab1.headers['etag']).toBe(`"criterion.${start.version + 1}"`);
    expect(tab1.body.criterionVersions[first!]).toEqual({ version: start.version + 1, etag: `"criterion.${start.version + 1}"` });
    const tab2 = await putCriterion(anna, second!, start.criterionVersions[second!]!.etag, { verdict: 'te_bevragen', motivation: 'Vaag.', questions: ['Hoe precies?'] }).expect(200);
    // Both are in; the whole scoring moved on twice; the first criterion kept its version.
    expect(tab2.body.scores).toEqual({
      [first!]: { verdict: 'niet_aangetoond', motivation: 'Handtekening ontbreekt.', questions: [] },
      [second!]: { verdict: 'te_bevragen', motivation: 'Vaag.', questions: ['Hoe precies?'] },
    });
    expect(tab2.body.version).toBe(start.version + 2);
    expect(tab2.body.etag).toBe(`"scoring.${start.version + 2}"`);
    expect(tab2.body.criterionVersions[first!].version).toBe(start.version + 1);
    expect(tab2.body.criterionVersions[second!].version).toBe(start.version + 2);
    expect(await get(anna)).toEqual(tab2.body);

    // Tab 2 again on the first criterion with its stale starting ETag: 412 naming the current one, nothing changed.
    const audit = await auditCount();
    const stale = await putCriterion(anna, first!, start.criterionVersions[first!]!.etag, { verdict: 'aangetoond' }).expect(412);
    expect(stale.body).toMatchObject({ code: 'STALE_VERSION', details: { currentVersion: start.version + 1, etag: `"criterion.${start.version + 1}"` } });
    expect(await get(anna)).toEqual(tab2.body);
    expect(await auditCount()).toBe(audit);

    // Each save of a criterion is audited with that criterion and what changed.
    const events = await p.db.query<{ data: { criterion?: string; before: Record<string, unknown>; after: Record<string, unknown> }; actor_id: string }>(
      `SELECT data, actor_id FROM audit_events WHERE action = 'scoring.saved' ORDER BY id`,
    );
    expect(events.map((e) => e.data.criterion)).toEqual([first, second]);
    expect(events[1]!.data.before).toEqual({ [second!]: null });
    expect(events[1]!.data.after).toEqual({ [second!]: { verdict: 'te_bevragen', motivation: 'Vaag.', questions: ['Hoe precies?'] } });
    expect(events.every((e) => e.actor_id === anna.id)).toBe(true);
  });

  it('refuses a missing, foreign or malformed If-Match, an unknown criterion and a bad body, changing nothing', async () => {
    const before = await get(anna);
    const audit = await auditCount();
    const code = before.criteria[2]!.code;
    expect((await putCriterion(anna, code, undefined, { verdict: 'aangetoond' }).expect(428)).body.code).toBe('IF_MATCH_REQUIRED');
    // The whole scoring's ETag is not this criterion's.
    expect((await putCriterion(anna, code, before.etag, { verdict: 'aangetoond' }).expect(412)).body.code).toBe('STALE_VERSION');
    expect((await putCriterion(anna, 'Z.NOPE', '"criterion.0"', { verdict: 'aangetoond' }).expect(422)).body.code).toBe('CRITERION_NOT_SCOREABLE');
    expect((await putCriterion(anna, code, '"criterion.0"', { verdict: 'misschien' }).expect(400)).body.code).toBe('INVALID_SCORES');
    expect((await putCriterion(anna, code, '"criterion.0"', { verdict: 'aangetoond', extra: 1 }).expect(400)).body.code).toBe('INVALID_SCORES');
    expect((await putCriterion(anna, code, '"criterion.0"', [{ verdict: 'aangetoond' }]).expect(400)).body.code).toBe('INVALID_SCORES');
    expect(await get(anna)).toEqual(before);
    expect(await auditCount()).toBe(audit);
    // The same content again is no change: no new version, nothing audited.
    const [first] = Object.keys(before.scores);
    const same = await putCriterion(anna, first!, before.criterionVersions[first!]!.etag, before.scores[first!]).expect(200);
    expect(same.body.version).toBe(before.version);
    expect(await auditCount()).toBe(audit);
  });

  it('the whole-map save keeps its own version and raises the versions of the criteria it changes; submit names the whole scoring', async () => {
    const before = await get(anna);
    const [first, second, third] = before.criteria.map((c) => c.code);
    // A whole-map save with a stale scoring ETag (before the last criterion save) is refused.
    expect((await office(p).put(`/assessments/${id}/scoring`).set(anna.auth).set('If-Match', `"scoring.${before.version - 1}"`).send({ scores: {} }).expect(412)).body.code).toBe('STALE_VERSION');
    const all = Object.fromEntries(before.criteria.map((c) => [c.code, { verdict: 'aangetoond' }]));
    all[first!] = before.scores[first!] as never;
    const saved = await office(p).put(`/assessments/${id}/scoring`).set(anna.auth).set('If-Match', before.etag).send({ scores: all }).expect(200);
    expect(saved.headers['etag']).toBe(`"scoring.${before.version + 1}"`);
    expect(saved.body.criterionVersions[first!]).toEqual(before.criterionVersions[first!]);
    expect(saved.body.criterionVersions[second!].version).toBe(before.version + 1);
    expect(saved.body.criterionVersions[third!].version).toBe(before.version + 1);
    // A criterion's old ETag is now stale; the new one works and moves the whole scoring on.
    await putCriterion(anna, third!, '"criterion.0"', { verdict: 'niet_aangetoond', motivation: 'Toch niet.' }).expect(412);
    const again = await putCriterion(anna, third!, saved.body.criterionVersions[third!].etag, { verdict: 'niet_aangetoond', motivation: 'Toch niet.' }).expect(200);
    // Submit with the ETag from before that criterion save is stale; with the whole scoring's current one it goes.
    expect((await office(p).post(`/assessments/${id}/scoring/submit`).set(anna.auth).set('If-Match', saved.headers['etag']!).expect(412)).body.code).toBe('STALE_VERSION');
    const submitted = await office(p).post(`/assessments/${id}/scoring/submit`).set(anna.auth).set('If-Match', again.body.etag).expect(200);
    expect(submitted.body.submittedAt).not.toBeNull();
    // Submitted: a criterion save is refused.
    expect((await putCriterion(anna, first!, submitted.body.criterionVersions[first!].etag, { verdict: 'aangetoond' }).expect(409)).body.code).toBe('SCORING_ALREADY_SUBMITTED');
  });

  it('blindness unchanged: the co-assessor sees nothing of these saves', async () => {
    // Bram's own scoring is untouched and says nothing of Anna's versions.
    const own = await get(bram);
    expect(own.scores).toEqual({});
    expect(own.version).toBe(1);
    for (const c of own.criteria) expect(own.criterionVersions[c.code]!.version).toBe(0);
    // The comparison stays closed until his own is in, with the same answer as before Anna did anything.
    const closed = await office(p).get(`/assessments/${id}/scorings`).set(bram.auth).expect(409);
    expect(closed.body.code).toBe('OWN_SCORING_NOT_SUBMITTED');
    // He cannot write into hers: the route works on his own scoring only.
    const annaBefore = await get(anna);
    const mine = await putCriterion(bram, own.criteria[0]!.code, '"criterion.0"', { verdict: 'aangetoond' }).expect(200);
    expect(mine.body.scores).toEqual({ [own.criteria[0]!.code]: { verdict: 'aangetoond', motivation: null, questions: [] } });
    expect(await get(anna)).toEqual(annaBefore);
    // Someone not assigned learns nothing: 404.
    const stranger = await person(p, 'assessor', 'Drie');
    expect((await putCriterion(stranger, own.criteria[0]!.code, '"criterion.0"', { verdict: 'aangetoond' }).expect(404)).body.code).toBe('DOSSIER_NOT_FOUND');
  });
});
