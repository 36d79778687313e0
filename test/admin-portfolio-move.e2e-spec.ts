import { rulebooks, type Rulebook } from '@rlp/rulebook';
import { startTestPlatform, TestPlatform } from '@rlp/testing';
import { beroepsprofielVariant } from '../libs/rulebook/src/testing/beroepsprofiel-variant.rulebook';
import { api, candidate, createPortfolio, readyToSubmit } from './support/candidate-journey';
import { office, person, submittedDossier } from './support/assessment-journey';

const TODAY = '2026-11-23';
const v1 = rulebooks[0]!;
/** A second published version, as a later build would ship it. */
const v2: Rulebook = { ...beroepsprofielVariant, id: 'toetsingskader-test-v2', status: 'published' };

interface DraftRow {
  id: string;
  candidateId: string;
  candidateName: string;
  rulebookVersion: string;
  updatedAt: string;
}

describe('admin: draft portfolios per rulebook version, and moving one (e2e)', () => {
  let p: TestPlatform;

  beforeAll(async () => {
    p = await startTestPlatform({ now: new Date(`${TODAY}T10:00:00Z`), rulebooks: [...rulebooks, v2, { ...beroepsprofielVariant }] });
  });
  afterAll(() => p.close());

  it('lists drafts per version, previews and moves one for the candidate (audited with the admin), refuses what the candidate route refuses', async () => {
    const admin = await person(p, 'admin');
    const assessor = await person(p, 'assessor');
    await office(p).put('/admin/rulebooks/default').set(admin.auth).send({ rulebook: v1.id }).expect(200);

    const ready = await readyToSubmit(p, TODAY);
    const empty = await candidate(p);
    const emptyDraft = await createPortfolio(p, empty);
    const submitted = await submittedDossier(p, TODAY);

    // The list: drafts only (the submitted portfolio is not among them), with the candidate's name.
    const all = await office(p).get(`/admin/portfolios?rulebookVersion=${v1.id}`).set(admin.auth).expect(200);
    const rows = all.body.portfolios as DraftRow[];
    expect(all.body.total).toBe(2);
    expect(all.body.nextOffset).toBeNull();
    expect(rows.map((r) => r.id).sort()).toEqual([ready.portfolioId, emptyDraft.id].sort());
    expect(rows.some((r) => r.id === submitted.portfolioId)).toBe(false);
    const row = rows.find((r) => r.id === ready.portfolioId)!;
    expect(row).toMatchObject({ candidateId: ready.c.id, rulebookVersion: v1.id });
    expect(row.candidateName.length).toBeGreaterThan(0);
    expect(new Date(row.updatedAt).toISOString()).toBe(row.updatedAt);
    // Paged, with a capped page size.
    const first = await office(p).get(`/admin/portfolios?rulebookVersion=${v1.id}&limit=1`).set(admin.auth).expect(200);
    expect(first.body.portfolios).toHaveLength(1);
    expect(first.body.nextOffset).toBe(1);
    const second = await office(p).get(`/admin/portfolios?rulebookVersion=${v1.id}&limit=1&offset=1`).set(admin.auth).expect(200);
    expect(second.body.nextOffset).toBeNull();
    expect([first.body.portfolios[0].id, second.body.portfolios[0].id].sort()).toEqual([ready.portfolioId, emptyDraft.id].sort());
    expect((await office(p).get('/admin/portfolios?limit=201').set(admin.auth).expect(400)).body.code).toBe('VALIDATION_FAILED');
    expect((await office(p).get(`/admin/portfolios?rulebookVersion=${v2.id}`).set(admin.auth).expect(200)).body).toEqual({ portfolios: [], total: 0, nextOffset: null });

    // The preview is the candidate's own, and changes nothing.
    const preview = await office(p).get(`/admin/portfolios/${ready.portfolioId}/rulebook-move?to=${v2.id}`).set(admin.auth).expect(200);
    const candidatePreview = await api(p).get(`/portfolios/${ready.portfolioId}/rulebook-move?to=${v2.id}`).set(ready.c.auth).expect(200);
    expect(preview.body).toEqual(candidatePreview.body);
    expect(preview.body).toMatchObject({ from: v1.id, to: v2.id, before: { complete: true } });
    expect((await api(p).get(`/portfolios/${ready.portfolioId}`).set(ready.c.auth).expect(200)).body.rulebookVersion).toBe(v1.id);

    // Refusals, the same as on the candidate route; nothing changes.
    for (const [to, status, code] of [
      [v1.id, 409, 'RULEBOOK_ALREADY_CURRENT'],
      [beroepsprofielVariant.id, 404, 'RULEBOOK_NOT_FOUND'],
      ['nope', 404, 'RULEBOOK_NOT_FOUND'],
    ] as const) {
      expect((await office(p).post(`/admin/portfolios/${ready.portfolioId}/rulebook-move`).set(admin.auth).send({ to }).expect(status)).body.code).toBe(code);
      expect((await office(p).get(`/admin/portfolios/${ready.portfolioId}/rulebook-move?to=${to}`).set(admin.auth).expect(status)).body.code).toBe(code);
    }
    const notDraft = await office(p).post(`/admin/portfolios/${submitted.portfolioId}/rulebook-move`).set(admin.auth).send({ to: v2.id }).expect(409);
    expect(notDraft.body.code).toBe('PORTFOLIO_NOT_EDITABLE');
    expect((await office(p).get(`/admin/portfolios/${submitted.portfolioId}/rulebook-move?to=${v2.id}`).set(admin.auth).expect(409)).body.code).toBe('PORTFOLIO_NOT_EDITABLE');
    const unknown = '00000000-0000-4000-8000-000000000000';
    expect((await office(p).post(`/admin/portfolios/${unknown}/rulebook-move`).set(admin.auth).send({ to: v2.id }).expect(404)).body.code).toBe('PORTFOLIO_NOT_FOUND');
    expect((await office(p).get(`/admin/portfolios/${unknown}/rulebook-move?to=${v2.id}`).set(admin.auth).expect(404)).body.code).toBe('PORTFOLIO_NOT_FOUND');
    expect((await office(p).get(`/admin/portfolios/not-a-uuid/rulebook-move?to=${v2.id}`).set(admin.auth).expect(400)).body.code).toBe('INVALID_ID');
    expect((await office(p).post(`/admin/portfolios/${ready.portfolioId}/rulebook-move`).set(admin.auth).send({}).expect(400)).body.code).toBe('VALIDATION_FAILED');
    expect((await office(p).get(`/admin/portfolios/${ready.portfolioId}/rulebook-move`).set(admin.auth).expect(400)).body.code).toBe('VALIDATION_FAILED');

    // Admin only: an assessor is refused everywhere, and moves nothing.
    expect((await office(p).get('/admin/portfolios').set(assessor.auth).expect(403)).body.code).toBe('ROLE_FORBIDDEN');
    expect((await office(p).get(`/admin/portfolios/${ready.portfolioId}/rulebook-move?to=${v2.id}`).set(assessor.auth).expect(403)).body.code).toBe('ROLE_FORBIDDEN');
    expect((await office(p).post(`/admin/portfolios/${ready.portfolioId}/rulebook-move`).set(assessor.auth).send({ to: v2.id }).expect(403)).body.code).toBe('ROLE_FORBIDDEN');
    expect((await api(p).get(`/portfolios/${ready.portfolioId}`).set(ready.c.auth).expect(200)).body.rulebookVersion).toBe(v1.id);

    // The move: the candidate's draft is on v2 now, the report follows, the list shows it there.
    const moved = await office(p).post(`/admin/portfolios/${ready.portfolioId}/rulebook-move`).set(admin.auth).send({ to: v2.id }).expect(200);
    expect(moved.body).toMatchObject({ id: ready.portfolioId, status: 'draft', rulebookVersion: v2.id });
    const report = await api(p).get(`/portfolios/${ready.portfolioId}/completeness`).set(ready.c.auth).expect(200);
    expect(report.body.rulebookVersion).toBe(v2.id);
    expect(report.body.complete).toBe(preview.body.after.complete);
    const onV2 = await office(p).get(`/admin/portfolios?rulebookVersion=${v2.id}`).set(admin.auth).expect(200);
    expect((onV2.body.portfolios as DraftRow[]).map((r) => r.id)).toEqual([ready.portfolioId]);
    expect((await office(p).get(`/admin/portfolios?rulebookVersion=${v1.id}`).set(admin.auth).expect(200)).body.total).toBe(1);

    // Audited with the admin as actor.
    const trail = await office(p).get(`/admin/audit-events?portfolioId=${ready.portfolioId}&limit=1`).set(admin.auth).expect(200);
    expect(trail.body.events[0]).toMatchObject({ action: 'portfolio.rulebook_moved', actorId: admin.id, subjectId: ready.portfolioId, data: { before: v1.id, after: v2.id } });
  });
});
