import request from 'supertest';
import { rulebooks, type Rulebook } from '@rlp/rulebook';
import { startTestPlatform, TestPlatform } from '@rlp/testing';
import { beroepsprofielVariant } from '../libs/rulebook/src/testing/beroepsprofiel-variant.rulebook';
import { api, readyToSubmit } from './support/candidate-journey';

const TODAY = '2026-11-23';
/** A second published version, as a later build would ship it (the test variant adds route A5, among others). */
const v2: Rulebook = { ...beroepsprofielVariant, id: 'toetsingskader-test-v2', status: 'published' };

describe('rulebook versions (e2e)', () => {
  let p: TestPlatform;
  const office = () => request(p.assessor.getHttpServer());

  beforeAll(async () => {
    p = await startTestPlatform({ now: new Date(`${TODAY}T10:00:00Z`), rulebooks: [...rulebooks, v2, { ...beroepsprofielVariant }] });
  });
  afterAll(() => p.close());

  it('lists shipped versions, lets an admin choose the default for new portfolios, and moves a draft only explicitly after a preview', async () => {
    const admin = await p.account('admin');
    const auth = { Authorization: `Bearer ${admin.token}` };
    const listed = await office().get('/admin/rulebooks').set(auth).expect(200);
    expect((listed.body as Array<{ id: string; status: string; isDefault: boolean }>).map((r) => [r.id, r.status])).toEqual([
      [rulebooks[0]!.id, 'published'],
      [v2.id, 'published'],
      [beroepsprofielVariant.id, 'test'],
    ]);

    // Without a choice new portfolios start on the newest published version; the office picks v1.
    expect((listed.body as Array<{ id: string; isDefault: boolean }>).find((r) => r.isDefault)?.id).toBe(v2.id);
    await office().put('/admin/rulebooks/default').set(auth).send({ rulebook: rulebooks[0]!.id }).expect(200);
    // A draft started on v1 stays on v1 when the default changes.
    const ready = await readyToSubmit(p, TODAY);
    const started = await api(p).get(`/portfolios/${ready.portfolioId}`).set(ready.c.auth).expect(200);
    expect(started.body.rulebookVersion).toBe(rulebooks[0]!.id);
    const chosen = await office().put('/admin/rulebooks/default').set(auth).send({ rulebook: v2.id }).expect(200);
    expect((chosen.body as Array<{ id: string; isDefault: boolean }>).find((r) => r.isDefault)?.id).toBe(v2.id);
    expect((await office().put('/admin/rulebooks/default').set(auth).send({ rulebook: beroepsprofielVariant.id }).expect(404)).body.code).toBe('RULEBOOK_NOT_FOUND');
    expect((await office().put('/admin/rulebooks/default').set(auth).send({}).expect(400)).body.code).toBe('VALIDATION_FAILED');
    const candidateView = await api(p).get('/rulebooks').set(ready.c.auth).expect(200);
    expect((candidateView.body as Array<{ id: string }>).map((r) => r.id)).toEqual([rulebooks[0]!.id, v2.id]);
    const after = await api(p).get(`/portfolios/${ready.portfolioId}`).set(ready.c.auth).expect(200);
    expect(after.body.rulebookVersion).toBe(rulebooks[0]!.id);

    // Preview: what the move changes, without changing anything.
    const preview = await api(p).get(`/portfolios/${ready.portfolioId}/rulebook-move?to=${v2.id}`).set(ready.c.auth).expect(200);
    expect(preview.body).toMatchObject({ from: rulebooks[0]!.id, to: v2.id, before: { complete: true } });
    expect(typeof preview.body.after.complete).toBe('boolean');
    expect(Array.isArray(preview.body.newFindings) && Array.isArray(preview.body.resolvedFindings)).toBe(true);
    expect((await api(p).get(`/portfolios/${ready.portfolioId}`).set(ready.c.auth).expect(200)).body.rulebookVersion).toBe(rulebooks[0]!.id);

    for (const [to, status, code] of [
      [rulebooks[0]!.id, 409, 'RULEBOOK_ALREADY_CURRENT'],
      [beroepsprofielVariant.id, 404, 'RULEBOOK_NOT_FOUND'],
      ['nope', 404, 'RULEBOOK_NOT_FOUND'],
    ] as const) {
      const res = await api(p).post(`/portfolios/${ready.portfolioId}/rulebook-move`).set(ready.c.auth).send({ to }).expect(status);
      expect(res.body.code).toBe(code);
    }
    const moved = await api(p).post(`/portfolios/${ready.portfolioId}/rulebook-move`).set(ready.c.auth).send({ to: v2.id }).expect(200);
    expect(moved.body.rulebookVersion).toBe(v2.id);
    const report = await api(p).get(`/portfolios/${ready.portfolioId}/completeness`).set(ready.c.auth).expect(200);
    expect(report.body.rulebookVersion).toBe(v2.id);
    expect(report.body.complete).toBe(preview.body.after.complete);
    const trail = await office().get(`/admin/audit-events?portfolioId=${ready.portfolioId}&limit=1`).set(auth).expect(200);
    expect(trail.body.events[0]).toMatchObject({ action: 'portfolio.rulebook_moved', data: { before: rulebooks[0]!.id, after: v2.id } });

    // New portfolios start on the chosen default.
    const fresh = await p.account('candidate');
    const created = await api(p).post('/portfolios').set({ Authorization: `Bearer ${fresh.token}` }).expect(201);
    expect(created.body.rulebookVersion).toBe(v2.id);
  });
});
