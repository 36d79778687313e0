import Ajv, { type ValidateFunction } from 'ajv';
import request, { type Response } from 'supertest';
import { listRoutes } from '@rlp/platform';
import { startTestPlatform, TestPlatform } from '@rlp/testing';
import { api } from './support/candidate-journey';
import { assign, declare, judge, judgedDossier, office, person, scoreAndSubmit, submittedDossier, type Person } from './support/assessment-journey';

const TODAY = '2026-11-23';
const START = new Date('2026-11-23T09:00:00Z');
const LONG_SESSIONS = { SESSION_TTL_MINUTES: String(60 * 24 * 60), SESSION_IDLE_MINUTES: String(60 * 24 * 60) };

/** What the assessor and office screens need from the API (issue 14). */
describe('assessor and office screens: the API (e2e)', () => {
  let p: TestPlatform;

  beforeAll(async () => {
    p = await startTestPlatform({ env: LONG_SESSIONS });
  });
  afterAll(() => p.close());
  beforeEach(() => p.clock.set(START));

  const audit = async (id: string, action: string) =>
    p.db.query<{ data: Record<string, unknown>; actor_id: string }>(`SELECT data, actor_id FROM audit_events WHERE subject_id = $1 AND action = $2 ORDER BY id`, [id, action]);

  it('shows the office each assessor\'s scoring progress, and the assessor routes stay blind to the co-assessor', async () => {
    const admin = await person(p, 'admin', 'Noloc');
    const a1 = await person(p, 'assessor', 'Bureau P1', 'Petra Eerste');
    // An admin as second assessor: the office views must not give the first one's progress away either.
    const a2 = await person(p, 'admin', 'Bureau P2', 'Paul Tweede');
    const d = await submittedDossier(p, TODAY);
    const id = d.portfolioId;
    await assign(p, admin, id, a1);
    p.clock.set(new Date('2026-11-23T09:05:00Z'));
    await assign(p, admin, id, a2);

    const officeView = async (who: Person = admin) => (await office(p).get(`/admin/dossiers/${id}`).set(who.auth).expect(200)).body as { stage: { nl: string; en: string }; assignments: Array<{ assessorId: string; scoring: { state: string; since: string } | null }>; assessors: Array<{ assessorId: string; scoring: unknown }> };
    const progressOf = (view: Awaited<ReturnType<typeof officeView>>, who: Person) => view.assignments.find((a) => a.assessorId === who.id)!.scoring;
    let view = await officeView();
    expect(view.stage).toEqual({ nl: 'In beoordeling', en: 'In assessment' });
    expect(progressOf(view, a1)).toEqual({ state: 'not_started', since: '2026-11-23T09:00:00.000Z' });
    expect(progressOf(view, a2)).toEqual({ state: 'not_started', since: '2026-11-23T09:05:00.000Z' });
    const listed = ((await office(p).get('/admin/dossiers').set(admin.auth).expect(200)).body.dossiers as Array<{ portfolioId: string; assessors: Array<{ assessorId: string; scoring: { state: string } }> }>).find((x) => x.portfolioId === id)!;
    expect(listed.assessors.map((a) => [a.assessorId, a.scoring.state])).toEqual([
      [a1.id, 'not_started'],
      [a2.id, 'not_started'],
    ]);
    // Nothing of the content.
    expect(JSON.stringify(view)).not.toMatch(/scores|verdict/);

    await declare(p, a1, id);
    await declare(p, a2, id);
    // Everything a2 can read as assessor, before a1 does anything.
    const routes = ['', '/scoring', '/scorings', '/judgement', '/slots', '/preparation', '/interview-record'];
    const snapshot = async () => {
      const out: Record<string, unknown> = { list: (await office(p).get('/assessments').set(a2.auth)).body };
      for (const r of routes) {
        const res = await office(p).get(`/assessments/${id}${r}`).set(a2.auth);
        out[r] = { status: res.status, body: res.body, etag: res.headers['etag'] ?? null };
      }
      return out;
    };
    const before = await snapshot();

    p.clock.set(new Date('2026-11-23T10:00:00Z'));
    const current = await office(p).get(`/assessments/${id}/scoring`).set(a1.auth).expect(200);
    await office(p).put(`/assessments/${id}/scoring`).set(a1.auth).set('If-Match', current.headers['etag']!).send({ scores: { A: { verdict: 'aangetoond' } } }).expect(200);
    p.clock.set(new Date('2026-11-23T10:30:00Z'));
    view = await officeView();
    expect(progressOf(view, a1)).toEqual({ state: 'in_progress', since: '2026-11-23T10:00:00.000Z' });
    // a2 is an admin and an assessor of this dossier without a submitted scoring: a1's progress is hidden from them.
    const asA2 = await officeView(a2);
    expect(progressOf(asA2, a1)).toBeNull();
    expect(progressOf(asA2, a2)).toEqual({ state: 'not_started', since: '2026-11-23T09:05:00.000Z' });
    const a2List = ((await office(p).get('/admin/dossiers').set(a2.auth).expect(200)).body.dossiers as Array<{ portfolioId: string; assessors: Array<{ assessorId: string; scoring: unknown }> }>).find((x) => x.portfolioId === id)!;
    expect(a2List.assessors.find((a) => a.assessorId === a1.id)?.scoring).toBeNull();

    await scoreAndSubmit(p, a1, id);
    view = await officeView();
    expect(progressOf(view, a1)).toEqual({ state: 'submitted', since: '2026-11-23T10:30:00.000Z' });
    // The assessor routes answer a2 exactly as before: no counts, no timestamps, no states of a1.
    expect(await snapshot()).toEqual(before);

    await scoreAndSubmit(p, a2, id);
    expect(progressOf(await officeView(a2), a1)).toEqual({ state: 'submitted', since: '2026-11-23T10:30:00.000Z' });
  });

  it('answers texts for people in the language asked for, and gives both where a screen needs both', async () => {
    const admin = await person(p, 'admin');
    const a1 = await person(p, 'assessor', 'L1');
    const d = await submittedDossier(p, TODAY);
    await assign(p, admin, d.portfolioId, a1);
    await declare(p, a1, d.portfolioId);
    const missing = `/admin/dossiers/00000000-0000-4000-8000-000000000000`;
    const message = async (req: ReturnType<ReturnType<typeof office>['get']>) => (await req.expect(404)).body.message as string;
    expect(await message(office(p).get(missing).set(admin.auth))).toBe('Dossier niet gevonden / Dossier not found');
    expect(await message(office(p).get(missing).set(admin.auth).set('Accept-Language', 'en-GB,en;q=0.9'))).toBe('Dossier not found');
    expect(await message(office(p).get(missing).set(admin.auth).set('Accept-Language', 'de'))).toBe('Dossier niet gevonden');
    expect(await message(office(p).get(`${missing}?lang=en`).set(admin.auth).set('Accept-Language', 'nl'))).toBe('Dossier not found');
    // A browser sends Accept-Language by itself: the web front ends keep the joined text and choose.
    expect(await message(office(p).get(missing).set(admin.auth).set('Accept-Language', 'en').set('Sec-Fetch-Mode', 'cors'))).toBe('Dossier niet gevonden / Dossier not found');
    // The candidate API too (one error filter).
    expect((await api(p).get('/portfolios/00000000-0000-4000-8000-000000000000').set(d.c.auth).set('Accept-Language', 'en').expect(404)).body.message).not.toContain(' / ');
    await office(p).get('/admin/dossiers?lang=en').set(admin.auth).expect(200);

    // The problems of an error in that language too.
    const scoring = await office(p).get(`/assessments/${d.portfolioId}/scoring`).set(a1.auth).expect(200);
    const bad = await office(p).put(`/assessments/${d.portfolioId}/scoring`).set(a1.auth).set('If-Match', scoring.headers['etag']!).set('Accept-Language', 'en').send({ scores: { A: { verdict: 'goed' } } }).expect(400);
    expect(bad.body).toMatchObject({ code: 'INVALID_SCORES', message: 'The scoring contains invalid values', details: { problems: [{ path: '/scores/A/verdict', message: 'one of: aangetoond, niet_aangetoond, te_bevragen' }] } });

    // Views: the stage, criterion labels and what is missing in both languages, as separate fields.
    const dossier = (await office(p).get(`/assessments/${d.portfolioId}`).set(a1.auth).expect(200)).body;
    expect(dossier.stage).toEqual({ nl: 'Ingediend', en: 'Submitted' });
    expect(scoring.body.criteria[0].label).toEqual({ nl: expect.any(String), en: expect.any(String) });
    const first = scoring.body.missing[0] as { message: string; text: { nl: string; en: string } };
    expect(first.message).toBe(`${first.text.nl} / ${first.text.en}`);
    expect(first.text.en).toMatch(/has no verdict yet$/);
    const listed = ((await office(p).get('/admin/dossiers').set(admin.auth).expect(200)).body.dossiers as Array<{ portfolioId: string; stage: unknown }>).find((x) => x.portfolioId === d.portfolioId);
    expect(listed?.stage).toEqual({ nl: 'Ingediend', en: 'Submitted' });
  });

  it('answers every assessments and admin/dossiers route as its OpenAPI document says, along the whole path', async () => {
    const document = (await request(p.assessor.getHttpServer()).get('/docs-json').expect(200)).body as OpenApiDocument;
    const { call, checked } = documentedCaller(p, document);
    const admin = await person(p, 'admin');
    const decider = await person(p, 'admin');
    const [a1, a2] = [await person(p, 'assessor', 'O1'), await person(p, 'admin', 'O2')];
    const d = await submittedDossier(p, TODAY);
    const id = d.portfolioId;
    const A = (who: Person) => who.auth;
    await call('get', '/admin/dossiers', 200, A(admin));
    await call('get', '/admin/dossiers?waiting=true', 200, A(admin));
    await call('get', '/admin/dossiers?stage=waiting&limit=1', 200, A(admin));
    await call('get', '/admin/dossiers?cursor=not-ours', 400, A(admin));
    await call('get', `/admin/dossiers/${id}/eligible-assessors`, 200, A(admin));
    await call('post', `/admin/dossiers/${id}/assignments`, 201, A(admin), { assessorId: a1.id });
    await call('post', `/admin/dossiers/${id}/assignments`, 201, A(admin), { assessorId: a2.id });
    await call('get', '/assessments', 200, A(a1));
    await call('get', '/assessments?limit=1', 200, A(a1));
    await call('get', '/assessments?cursor=not-ours', 400, A(a1));
    await call('get', `/assessments/${id}`, 200, A(a1));
    await call('get', `/assessments/${id}/portfolio`, 403, A(a1));
    for (const a of [a1, a2]) await call('post', `/assessments/${id}/independence`, 200, A(a), { independent: true });
    await call('get', `/assessments/${id}/portfolio`, 200, A(a1));
    await call('get', `/assessments/${id}/documents/${d.ids['doc-cv']}`, 200, A(a1));
    await call('get', `/assessments/${id}/scorings`, 409, A(a1));
    const s0 = await call('get', `/assessments/${id}/scoring`, 200, A(a1));
    const codes = (s0.body.criteria as Array<{ code: string }>).map((c) => c.code);
    const all = Object.fromEntries(codes.map((c) => [c, { verdict: 'aangetoond' }]));
    await call('put', `/assessments/${id}/scoring`, 400, A(a1), { scores: { A: { verdict: 'x' } } }, { 'If-Match': s0.headers['etag']! });
    // One criterion with its own ETag (ADR 0014 §7); a stale one is 412.
    const c1 = await call('put', `/assessments/${id}/scoring/criteria/B1`, 200, A(a1), { verdict: 'aangetoond' }, { 'If-Match': s0.body.criterionVersions['B1'].etag });
    await call('put', `/assessments/${id}/scoring/criteria/B1`, 412, A(a1), { verdict: 'niet_aangetoond', motivation: 'Toch niet' }, { 'If-Match': s0.body.criterionVersions['B1'].etag });
    const s1 = await call('put', `/assessments/${id}/scoring`, 200, A(a1), { scores: { ...all, A: { verdict: 'te_bevragen', motivation: 'Navragen', questions: ['Hoeveel uren?'] } } }, { 'If-Match': c1.body.etag });
    await call('post', `/assessments/${id}/scoring/submit`, 200, A(a1), undefined, { 'If-Match': s1.headers['etag']! });
    await call('get', `/assessments/${id}/scorings`, 200, A(a1));
    await call('get', `/assessments/${id}/judgement`, 409, A(a1));
    await call('get', `/admin/dossiers/${id}`, 200, A(a2));
    await scoreAndSubmit(p, a2, id);
    await call('get', `/assessments/${id}/scorings`, 200, A(a2));
    const j0 = await call('get', `/assessments/${id}/judgement`, 200, A(a1));
    const j1 = await call('put', `/assessments/${id}/judgement`, 200, A(a1), { criteria: { ...j0.body.content.criteria, A: { verdict: 'te_bevragen', motivation: 'Navragen' } } }, { 'If-Match': '"judgement.0"' });
    await call('post', `/assessments/${id}/judgement/agree`, 200, A(a1), undefined, { 'If-Match': j1.headers['etag']! });
    await call('post', `/assessments/${id}/judgement/agree`, 200, A(a2), undefined, { 'If-Match': j1.headers['etag']! });
    await call('get', `/assessments/${id}/preparation`, 200, A(a1));
    await call('put', `/assessments/${id}/preparation`, 200, A(a1), { notes: { A: 'Vraag naar de uren' } }, { 'If-Match': '"preparation.0"' });
    const slot = (date: string) => ({ date, time: '10:00', durationMinutes: 60, onlineUrl: 'https://meet.example.nl/x' });
    const s = await call('post', `/assessments/${id}/slots`, 201, A(a1), slot('2026-12-01'));
    const batch = await call('post', `/assessments/${id}/slots/batch`, 201, A(a2), { slots: [slot('2026-12-02'), slot('2026-12-03'), slot('2026-12-04')] });
    await call('post', `/assessments/${id}/slots/batch`, 400, A(a2), { slots: [slot('2026-12-05'), slot('2026-11-01')] });
    await call('delete', `/assessments/${id}/slots/${batch.body.slots[2].id}`, 204, A(a1));
    await call('get', `/assessments/${id}/slots`, 200, A(a1));
    await api(p).post(`/portfolios/${id}/interview/booking`).set(d.c.auth).send({ slotId: s.body.id }).expect(201);
    await call('post', `/assessments/${id}/interview/cancel`, 200, A(a1), { reason: 'Ziek' });
    await api(p).post(`/portfolios/${id}/interview/booking`).set(d.c.auth).send({ slotId: s.body.id }).expect(201);
    p.clock.set(new Date('2026-12-01T09:30:00Z'));
    await call('post', `/assessments/${id}/interview/missed`, 200, A(a1), { kind: 'no_show', absentParty: 'candidate', reason: 'Niet gekomen', next: 'new_slots' });
    await api(p).post(`/portfolios/${id}/interview/booking`).set(d.c.auth).send({ slotId: batch.body.slots[0].id }).expect(201);
    p.clock.set(new Date('2026-12-02T09:30:00Z'));
    await call('get', `/admin/dossiers/${id}`, 200, A(admin));
    await call('get', `/assessments/${id}/preparation`, 200, A(a2));
    await call('get', `/assessments/${id}/interview-record`, 200, A(a1));
    const r1 = await call('put', `/assessments/${id}/interview-record`, 200, A(a1), { findings: { A: 'Uren aangetoond' }, advice: 'positive', motivation: 'Alles aangetoond' }, { 'If-Match': '"interview.0"' });
    for (const a of [a1, a2]) await call('post', `/assessments/${id}/interview-record/agree`, 200, A(a), undefined, { 'If-Match': r1.headers['etag']! });
    await call('get', `/admin/dossiers/${id}/decision`, 404, A(admin));
    await call('post', `/admin/dossiers/${id}/decision`, 403, A(a2), { outcome: 'certified' });
    await call('post', `/admin/dossiers/${id}/decision`, 201, A(decider), { outcome: 'certified' });
    await call('get', `/admin/dossiers/${id}/decision`, 200, A(admin));
    await call('get', `/admin/dossiers/${id}`, 200, A(admin));
    await call('get', `/assessments/${id}/interview-record`, 200, A(a2));
    await call('get', `/assessments/${id}/judgement`, 200, A(a2));
    await call('get', `/admin/dossiers/00000000-0000-4000-8000-000000000000`, 404, A(admin));
    // Every JSON route of the two controllers was checked (the PDFs, the .ics and decline are files or elsewhere).
    const jsonRoutes = listRoutes(p.assessor)
      .filter((r) => r.controller === 'AssessmentsController' || r.controller === 'AdminDossiersController')
      .map((r) => `${r.method} ${r.path.replace(/:([A-Za-z]+)/g, '{$1}')}`)
      .filter((r) => !/\.(pdf|ics)$/.test(r) && !r.endsWith('/decline'));
    expect(jsonRoutes.length).toBeGreaterThanOrEqual(28);
    expect(jsonRoutes.filter((r) => !checked.has(r))).toEqual([]);
  });

  it('offers a series of slots in one request, all or nothing', async () => {
    const admin = await person(p, 'admin');
    const [a1, a2] = [await person(p, 'assessor', 'B1'), await person(p, 'assessor', 'B2')];
    const d = await judgedDossier(p, TODAY, admin, [a1, a2]);
    const id = d.portfolioId;
    const count = async () => (await p.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM interview_slots WHERE portfolio_id = $1`, [id]))[0]!.n;
    const good = (date: string, time = '10:00') => ({ date, time, durationMinutes: 60, address: 'Noloc, Utrecht' });

    const refused: Array<[object, number, string, number | null]> = [
      [{ slots: [good('2026-12-07'), good('2026-11-01'), good('2026-12-09')] }, 400, 'INVALID_SLOTS', 1],
      [{ slots: [good('2026-12-07'), { ...good('2026-12-08'), address: undefined }] }, 400, 'INVALID_SLOTS', 1],
      [{ slots: [good('2026-12-07'), good('2026-12-07')] }, 400, 'INVALID_SLOTS', 1],
      [{ slots: [good('2026-03-29', '02:30')] }, 400, 'INVALID_SLOTS', 0],
      [{ slots: [good('2026-12-07'), { ...good('2026-12-08'), durationMinutes: 5 }] }, 400, 'VALIDATION_FAILED', null],
      [{ slots: Array.from({ length: 21 }, (_, i) => good(`2027-01-${String(i + 1).padStart(2, '0')}`)) }, 400, 'VALIDATION_FAILED', null],
      [{ slots: [] }, 400, 'VALIDATION_FAILED', null],
    ];
    for (const [body, status, code, index] of refused) {
      const res = await office(p).post(`/assessments/${id}/slots/batch`).set(a1.auth).send(body);
      expect({ status: res.status, code: res.body.code }).toEqual({ status, code });
      if (index !== null) expect(res.body.details.problems.map((x: { index: number }) => x.index)).toEqual([index]);
      if (code === 'VALIDATION_FAILED' && (body as { slots: unknown[] }).slots.length === 2) expect(JSON.stringify(res.body.details)).toContain('slots.1.durationMinutes');
    }
    expect(await count()).toBe(0);
    const batch = await office(p).post(`/assessments/${id}/slots/batch`).set(a1.auth).send({ slots: [good('2026-12-07'), good('2026-12-08', '14:00'), good('2026-12-09')] }).expect(201);
    expect((batch.body.slots as Array<{ local: { date: string }; status: string }>).map((s) => [s.local.date, s.status])).toEqual([
      ['2026-12-07', 'offered'],
      ['2026-12-08', 'offered'],
      ['2026-12-09', 'offered'],
    ]);
    expect(await count()).toBe(3);
    expect(await audit(id, 'interview.slot_offered')).toHaveLength(3);
    // Offered again at the same time: refused as a duplicate, nothing added.
    const again = await office(p).post(`/assessments/${id}/slots/batch`).set(a2.auth).send({ slots: [good('2026-12-10'), good('2026-12-07')] }).expect(400);
    expect(again.body.details.problems).toEqual([expect.objectContaining({ index: 1, code: 'DUPLICATE_SLOT' })]);
    expect(await count()).toBe(3);
    expect((await api(p).get(`/portfolios/${id}/interview`).set(d.c.auth).expect(200)).body.slots).toHaveLength(3);
  });

  it('pre-fills the joint judgement with what both scorings agree on, and an edit clears agreements only on what it changed', async () => {
    const admin = await person(p, 'admin');
    const [a1, a2] = [await person(p, 'assessor', 'J1'), await person(p, 'assessor', 'J2')];
    const d = await submittedDossier(p, TODAY);
    const id = d.portfolioId;
    for (const a of [a1, a2]) {
      await assign(p, admin, id, a);
      await declare(p, a, id);
    }
    const criteria = await scoreAndSubmit(p, a1, id, { A: { verdict: 'niet_aangetoond', motivation: 'Uren ontbreken' }, B1: { verdict: 'niet_aangetoond', motivation: 'Verklaring onvolledig' } });
    const competence = criteria.find((c) => c.code.startsWith('C.COMPETENCE.'))!.code;
    await scoreAndSubmit(p, a2, id, { [competence]: { verdict: 'te_bevragen', motivation: 'Navragen', questions: ['Een voorbeeld?'] }, B1: { verdict: 'niet_aangetoond', motivation: 'Handtekening ontbreekt' } });

    const j0 = await office(p).get(`/assessments/${id}/judgement`).set(a1.auth).expect(200);
    expect(j0.headers['etag']).toBe('"judgement.0"');
    const differing = ['A', competence];
    expect((j0.body.prefilled as string[]).sort()).toEqual(criteria.map((c) => c.code).filter((c) => !differing.includes(c)).sort());
    // Both motivations where both gave the same verdict for different reasons.
    expect(j0.body.content.criteria.B1.verdict).toBe('niet_aangetoond');
    expect((j0.body.content.criteria.B1.motivation as string).split('\n\n').sort()).toEqual(['Handtekening ontbreekt', 'Verklaring onvolledig']);
    expect(j0.body.content.criteria.A).toBeUndefined();
    expect((j0.body.missing as Array<{ path: string }>).map((m) => m.path).sort()).toEqual(differing.map((c) => `/criteria/${c}`).sort());
    // Agreeing needs a saved version.
    await office(p).post(`/assessments/${id}/judgement/agree`).set(a1.auth).set('If-Match', '"judgement.0"').expect(412);

    const full = { ...j0.body.content.criteria, A: { verdict: 'niet_aangetoond', motivation: 'Uren ontbreken' }, [competence]: { verdict: 'te_bevragen', motivation: 'Navragen' } };
    const j1 = await office(p).put(`/assessments/${id}/judgement`).set(a1.auth).set('If-Match', '"judgement.0"').send({ criteria: full }).expect(200);
    expect(j1.body.missing).toEqual([]);
    const agreed1 = await office(p).post(`/assessments/${id}/judgement/agree`).set(a1.auth).set('If-Match', j1.headers['etag']!).expect(200);
    expect(agreed1.body.agreedBy).toEqual([a1.id]);

    // a2 changes A only: a1's agreement stays on every other criterion.
    const j2 = await office(p).put(`/assessments/${id}/judgement`).set(a2.auth).set('If-Match', j1.headers['etag']!).send({ criteria: { ...full, A: { verdict: 'te_bevragen', motivation: 'Uren in het gesprek navragen' } } }).expect(200);
    const agreementOf = (body: { agreements: Array<{ assessorId: string; complete: boolean; pending: string[] }> }, who: Person) => body.agreements.find((a) => a.assessorId === who.id)!;
    expect(agreementOf(j2.body, a1)).toMatchObject({ complete: false, pending: ['A'] });
    expect(agreementOf(j2.body, a2)).toMatchObject({ complete: false });
    expect(agreementOf(j2.body, a2).pending).toHaveLength(criteria.length);
    expect(j2.body.agreedBy).toEqual([]);
    expect((await audit(id, 'judgement.saved')).at(-1)?.data['clearedAgreements']).toEqual({ [a1.id]: ['A'] });

    // a2 agrees: not final, a1 still has to agree to A (and only A).
    const agreed2 = await office(p).post(`/assessments/${id}/judgement/agree`).set(a2.auth).set('If-Match', j2.headers['etag']!).expect(200);
    expect(agreed2.body.finalAt).toBeNull();
    expect(agreementOf(agreed2.body, a1).pending).toEqual(['A']);
    expect((await office(p).get(`/admin/dossiers/${id}`).set(admin.auth).expect(200)).body.status).toBe('in_assessment');
    const final = await office(p).post(`/assessments/${id}/judgement/agree`).set(a1.auth).set('If-Match', j2.headers['etag']!).expect(200);
    expect(final.body.finalAt).not.toBeNull();
    expect(final.body.agreements.every((a: { complete: boolean }) => a.complete)).toBe(true);
    expect((final.body.content.agenda as Array<{ criterion: string }>).map((i) => i.criterion).sort()).toEqual(['A', competence].sort());
    expect((await audit(id, 'judgement.agreed')).map((e) => e.data['parts'])).toEqual([criteria.map((c) => c.code).sort(), criteria.map((c) => c.code).sort(), ['A']]);
  });

  it('keeps each assessor\'s preparation notes to themselves until the interview time has come', async () => {
    const { id, a1, a2, c } = await judgedWithAgenda(p);
    const prep0 = await office(p).get(`/assessments/${id}/preparation`).set(a1.auth).expect(200);
    expect(prep0.headers['etag']).toBe('"preparation.0"');
    expect((prep0.body.agenda as Array<{ criterion: string }>).map((i) => i.criterion)).toEqual(['A']);
    await office(p).put(`/assessments/${id}/preparation`).set(a1.auth).send({ notes: { A: 'x' } }).expect(428);
    expect((await office(p).put(`/assessments/${id}/preparation`).set(a1.auth).set('If-Match', '"preparation.0"').send({ notes: { B1: 'x' } }).expect(422)).body.code).toBe('NOT_ON_AGENDA');
    await office(p).put(`/assessments/${id}/preparation`).set(a1.auth).set('If-Match', '"preparation.0"').send({ notes: { A: 42 } }).expect(400);
    const saved = await office(p).put(`/assessments/${id}/preparation`).set(a1.auth).set('If-Match', '"preparation.0"').send({ notes: { A: 'Vraag naar de uren per jaar' } }).expect(200);
    expect(saved.body).toMatchObject({ version: 1, notes: { A: 'Vraag naar de uren per jaar' }, shared: false, other: null });
    await office(p).put(`/assessments/${id}/preparation`).set(a1.auth).set('If-Match', '"preparation.0"').send({ notes: {} }).expect(412);
    await office(p).put(`/assessments/${id}/preparation`).set(a2.auth).set('If-Match', '"preparation.0"').send({ notes: { A: 'Eigen vraag' } }).expect(200);
    // The co-assessor sees nothing of it before the start, not even whether it exists.
    const beforeBooking = (await office(p).get(`/assessments/${id}/preparation`).set(a2.auth).expect(200)).body;
    expect(beforeBooking).toMatchObject({ shared: false, other: null, notes: { A: 'Eigen vraag' } });
    const slot = await office(p).post(`/assessments/${id}/slots`).set(a1.auth).send({ date: '2026-12-03', time: '14:00', durationMinutes: 60, address: 'Utrecht' }).expect(201);
    await api(p).post(`/portfolios/${id}/interview/booking`).set(c.auth).send({ slotId: slot.body.id }).expect(201);
    p.clock.set(new Date('2026-12-03T12:59:00Z'));
    expect((await office(p).get(`/assessments/${id}/preparation`).set(a2.auth).expect(200)).body.other).toBeNull();
    p.clock.set(new Date('2026-12-03T13:00:00Z'));
    const shared = (await office(p).get(`/assessments/${id}/preparation`).set(a2.auth).expect(200)).body;
    expect(shared).toMatchObject({ shared: true, other: { assessorId: a1.id, notes: { A: 'Vraag naar de uren per jaar' } } });
    // The audit trail says who saved which items, not the text (admins read the trail).
    const events = await audit(id, 'preparation.saved');
    expect(events.map((e) => e.data['items'])).toEqual([['A'], ['A']]);
    expect(JSON.stringify(events)).not.toContain('uren per jaar');
  });

  it('records a no-show or a same-day cancellation after the start, then plans again or advises', async () => {
    const { id, a1, a2, c } = await judgedWithAgenda(p);
    const slot = await office(p).post(`/assessments/${id}/slots`).set(a1.auth).send({ date: '2026-12-03', time: '14:00', durationMinutes: 60, address: 'Utrecht' }).expect(201);
    await api(p).post(`/portfolios/${id}/interview/booking`).set(c.auth).send({ slotId: slot.body.id }).expect(201);
    const missed = (body: object) => office(p).post(`/assessments/${id}/interview/missed`).set(a1.auth).send(body);
    const sameDay = { kind: 'late_cancellation', absentParty: 'assessor', absentAssessorId: a2.id, reason: 'Ziek gemeld om 11:00', next: 'new_slots' };
    expect((await missed(sameDay).expect(409)).body.code).toBe('INTERVIEW_NOT_YET_STARTED');

    p.clock.set(new Date('2026-12-03T13:30:00Z'));
    expect((await office(p).post(`/assessments/${id}/interview/cancel`).set(a2.auth).send({}).expect(409)).body.code).toBe('INTERVIEW_ALREADY_STARTED');
    const bad: Array<[object, number, string]> = [
      [{ ...sameDay, next: 'advise' }, 422, 'ADVICE_NEEDS_CANDIDATE_ABSENT'],
      [{ ...sameDay, absentAssessorId: '00000000-0000-4000-8000-000000000000' }, 422, 'ABSENT_ASSESSOR_UNKNOWN'],
      [{ ...sameDay, absentAssessorId: undefined }, 422, 'ABSENT_ASSESSOR_UNKNOWN'],
      [{ ...sameDay, reason: '  ' }, 400, 'VALIDATION_FAILED'],
      [{ ...sameDay, kind: 'vergeten' }, 400, 'VALIDATION_FAILED'],
      [{ ...sameDay, absentParty: 'candidate' }, 400, 'VALIDATION_FAILED'],
    ];
    for (const [body, status, code] of bad) {
      const res = await missed(body);
      expect({ body, status: res.status, code: res.body.code }).toEqual({ body, status, code });
    }
    expect(await audit(id, 'interview.missed')).toHaveLength(0);

    // An assessor cancelled on the day: recorded, and the dossier goes back to planning.
    const replanned = await missed(sameDay).expect(200);
    expect(replanned.body.booking).toBeNull();
    expect(replanned.body.missed).toEqual([expect.objectContaining({ status: 'cancelled', missed: expect.objectContaining({ kind: 'late_cancellation', absentParty: 'assessor', absentAssessorId: a2.id, reason: 'Ziek gemeld om 11:00', next: 'new_slots', recordedBy: a1.id }) })]);
    expect((await office(p).get(`/admin/dossiers/${id}`).set(await person(p, 'admin').then((x) => x.auth)).expect(200)).body.status).toBe('judged');
    // The candidate's answer keeps its shape (the kandidaatportaal's client is generated from it).
    const forCandidate = (await api(p).get(`/portfolios/${id}/interview`).set(c.auth).expect(200)).body;
    expect(forCandidate.booking).toBeNull();
    // Back to judged: notes for the next interview stay private again until that one starts (the missed booking's start has passed but no longer counts).
    const prep = await office(p).get(`/assessments/${id}/preparation`).set(a1.auth).expect(200);
    await office(p).put(`/assessments/${id}/preparation`).set(a1.auth).set('If-Match', prep.headers['etag']!).send({ notes: { A: 'Voor het volgende gesprek' } }).expect(200);
    expect((await office(p).get(`/assessments/${id}/preparation`).set(a2.auth).expect(200)).body).toMatchObject({ shared: false, other: null });

    const slot2 = await office(p).post(`/assessments/${id}/slots`).set(a2.auth).send({ date: '2026-12-10', time: '10:00', durationMinutes: 60, address: 'Utrecht' }).expect(201);
    await api(p).post(`/portfolios/${id}/interview/booking`).set(c.auth).send({ slotId: slot2.body.id }).expect(201);
    expect(Object.keys((await api(p).get(`/portfolios/${id}/interview`).set(c.auth).expect(200)).body.booking).sort()).toEqual(['bookedAt', 'cancelReason', 'cancelledAt', 'id', 'sequence', 'slot', 'status']);
    p.clock.set(new Date('2026-12-10T08:59:00Z'));
    expect((await office(p).get(`/assessments/${id}/preparation`).set(a2.auth).expect(200)).body.other).toBeNull();
    p.clock.set(new Date('2026-12-10T09:30:00Z'));
    expect((await office(p).get(`/assessments/${id}/preparation`).set(a2.auth).expect(200)).body).toMatchObject({ shared: true, other: { notes: { A: 'Voor het volgende gesprek' } } });
    // The candidate did not come: the assessors advise on the record (negative, no findings needed).
    const noShow = await missed({ kind: 'no_show', absentParty: 'candidate', reason: 'Niet verschenen, niet bereikbaar', next: 'advise' }).expect(200);
    expect(noShow.body.booking.missed).toMatchObject({ kind: 'no_show', absentParty: 'candidate', next: 'advise' });
    expect((await missed({ kind: 'no_show', absentParty: 'candidate', reason: 'nogmaals', next: 'advise' }).expect(409)).body.code).toBe('MISSED_ALREADY_RECORDED');
    const positive = await office(p).put(`/assessments/${id}/interview-record`).set(a1.auth).set('If-Match', '"interview.0"').send({ advice: 'positive', motivation: 'x' }).expect(200);
    expect((positive.body.missing as Array<{ code: string }>).map((m) => m.code)).toEqual(['ADVICE_MUST_BE_NEGATIVE']);
    expect((await office(p).post(`/assessments/${id}/interview-record/agree`).set(a1.auth).set('If-Match', positive.headers['etag']!).expect(422)).body.code).toBe('INTERVIEW_RECORD_INCOMPLETE');
    const negative = await office(p).put(`/assessments/${id}/interview-record`).set(a2.auth).set('If-Match', positive.headers['etag']!).send({ advice: 'negative', motivation: 'Kandidaat niet verschenen; geen gesprek mogelijk' }).expect(200);
    expect(negative.body.missing).toEqual([]);
    for (const a of [a1, a2]) await office(p).post(`/assessments/${id}/interview-record/agree`).set(a.auth).set('If-Match', negative.headers['etag']!).expect(200);
    const trail = await audit(id, 'interview.missed');
    expect(trail.map((e) => [e.data['kind'], e.data['absentParty'], e.data['next'], e.actor_id])).toEqual([
      ['late_cancellation', 'assessor', 'new_slots', a1.id],
      ['no_show', 'candidate', 'advise', a1.id],
    ]);
    const transitions = (await audit(id, 'dossier.status_changed')).map((e) => `${String(e.data['before'])}→${String(e.data['after'])}`);
    expect(transitions.slice(-4)).toEqual(['judged→interview_planned', 'interview_planned→judged', 'judged→interview_planned', 'interview_planned→interview_held']);
  });
});

type Schema = Record<string, unknown>;
type Method = 'get' | 'put' | 'post' | 'delete';
interface OpenApiDocument {
  paths: Record<string, Partial<Record<Method, { responses: Record<string, { content?: Record<string, { schema?: Schema }> }> }>>>;
  components: { schemas: Record<string, Schema> };
}

/** OpenAPI 3.0 → JSON Schema for Ajv: nullable as a null type, $refs into `api`, no properties the schema does not name. */
function toJsonSchema(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(toJsonSchema);
  if (node === null || typeof node !== 'object') return node;
  const out: Schema = {};
  for (const [key, value] of Object.entries(node as Schema)) {
    if (key === '$ref' && typeof value === 'string') out[key] = `api${value}`;
    else if (key === 'properties' && value && typeof value === 'object') out[key] = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toJsonSchema(v)]));
    else if (key !== 'nullable' && key !== 'example') out[key] = toJsonSchema(value);
  }
  if (out['properties'] && out['additionalProperties'] === undefined) out['additionalProperties'] = false;
  return (node as Schema)['nullable'] === true ? { anyOf: [out, { type: 'null' }] } : out;
}

/** Calls the assessor app and checks the JSON answer against the schema its OpenAPI document gives for that status. */
function documentedCaller(p: TestPlatform, document: OpenApiDocument) {
  const ajv = new Ajv({ strict: false, allErrors: true });
  ajv.addFormat('uuid', /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
  ajv.addFormat('date', /^\d{4}-\d{2}-\d{2}$/);
  ajv.addFormat('date-time', { type: 'string', validate: (x: string) => !Number.isNaN(Date.parse(x)) && /T/.test(x) });
  ajv.addFormat('uri', { type: 'string', validate: (x: string) => URL.canParse(x) });
  ajv.addSchema({ $id: 'api', components: { schemas: toJsonSchema(document.components.schemas) } });
  const validators = new Map<string, ValidateFunction>();
  const checked = new Set<string>();
  const call = async (method: Method, path: string, status: number, auth: Record<string, string>, body?: object, headers: Record<string, string> = {}): Promise<Response> => {
    let req = request(p.assessor.getHttpServer())[method](path).set(auth);
    for (const [k, v] of Object.entries(headers)) req = req.set(k, v);
    const res = await (body !== undefined ? req.send(body) : req);
    if (res.status !== status) throw new Error(`${method} ${path}: expected ${status}, got ${res.status} ${JSON.stringify(res.body)}`);
    const template = Object.keys(document.paths)
      .filter((t) => document.paths[t]![method] && new RegExp(`^${t.replace(/\{[^}]+\}/g, '[^/]+')}$`).test(path.split('?')[0]!))
      .sort((a, b) => (a.match(/\{/g)?.length ?? 0) - (b.match(/\{/g)?.length ?? 0))[0];
    if (!template) throw new Error(`${method} ${path} is not documented`);
    const documented = document.paths[template]![method]!.responses[String(status)];
    if (!documented) throw new Error(`${method} ${template} answered ${status}, which is not documented`);
    checked.add(`${method.toUpperCase()} ${template}`);
    if (status === 204) return res;
    const schema = documented.content?.['application/json']?.schema;
    if (!schema) throw new Error(`${method} ${template} ${status}: no JSON schema`);
    const id = `${method} ${template} ${status}`;
    let validate = validators.get(id);
    if (!validate) validators.set(id, (validate = ajv.compile(toJsonSchema(schema) as Schema)));
    if (!validate(res.body)) throw new Error(`${method} ${template} ${status} does not match its schema: ${JSON.stringify(validate.errors)}\n${JSON.stringify(res.body).slice(0, 1500)}`);
    return res;
  };
  return { call, checked };
}

/** Judged, with A on the agenda (the joint judgement marks it te_bevragen). */
async function judgedWithAgenda(p: TestPlatform) {
  const admin = await person(p, 'admin');
  const [a1, a2] = [await person(p, 'assessor', 'N1'), await person(p, 'assessor', 'N2')];
  const d = await submittedDossier(p, TODAY);
  for (const a of [a1, a2]) {
    await assign(p, admin, d.portfolioId, a);
    await declare(p, a, d.portfolioId);
    await scoreAndSubmit(p, a, d.portfolioId);
  }
  await judge(p, [a1, a2], d.portfolioId, { A: { verdict: 'te_bevragen', motivation: 'Uren navragen' } });
  return { id: d.portfolioId, a1, a2, c: d.c };
}
