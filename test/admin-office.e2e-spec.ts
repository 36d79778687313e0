import request from 'supertest';
import { listRoutes } from '@rlp/platform';
import { startTestPlatform, TestPlatform } from '@rlp/testing';
import { candidate, createPortfolio, writeSection } from './support/candidate-journey';

describe('certification office: assessor pool and audit trail (e2e)', () => {
  let p: TestPlatform;
  const office = () => request(p.assessor.getHttpServer());

  beforeAll(async () => {
    p = await startTestPlatform();
  });
  afterAll(() => p.close());

  it('keeps per assessor the organisation and declared relations, each change audited', async () => {
    const admin = await p.account('admin');
    const assessor = await p.account('assessor', { organisation: 'Oud Bureau' });
    const cand = await p.account('candidate');
    const auth = { Authorization: `Bearer ${admin.token}` };

    const updated = await office().patch(`/admin/accounts/${assessor.id}`).set(auth).send({ organisation: 'Nieuw Bureau' }).expect(200);
    expect(updated.body).toMatchObject({ id: assessor.id, organisation: 'Nieuw Bureau' });
    const rel = await office().post(`/admin/accounts/${assessor.id}/relations`).set(auth).send({ relatedUserId: cand.id, relatedName: 'Kandidaat', description: 'oud-collega' }).expect(201);
    await office().post(`/admin/accounts/${assessor.id}/relations`).set(auth).send({ relatedName: 'De Boer Coaching', relatedOrganisation: 'De Boer Coaching' }).expect(201);
    const list = await office().get(`/admin/accounts/${assessor.id}/relations`).set(auth).expect(200);
    expect((list.body as Array<{ relatedName: string }>).map((r) => r.relatedName)).toEqual(['Kandidaat', 'De Boer Coaching']);
    await office().delete(`/admin/accounts/${assessor.id}/relations/${rel.body.id}`).set(auth).expect(204);
    expect((await office().get(`/admin/accounts/${assessor.id}/relations`).set(auth).expect(200)).body).toHaveLength(1);

    const bad: Array<[request.Test, number, string]> = [
      [office().patch(`/admin/accounts/${assessor.id}`).set(auth).send({ organisation: 'x'.repeat(201) }), 400, 'VALIDATION_FAILED'],
      [office().patch(`/admin/accounts/${assessor.id}`).set(auth).send({ role: 'admin' }), 400, 'VALIDATION_FAILED'],
      [office().post(`/admin/accounts/${assessor.id}/relations`).set(auth).send({ relatedUserId: assessor.id, relatedName: 'ik' }), 400, 'RELATION_TO_SELF'],
      [office().post(`/admin/accounts/${assessor.id}/relations`).set(auth).send({ relatedUserId: '00000000-0000-4000-8000-000000000000', relatedName: 'x' }), 400, 'RELATED_ACCOUNT_NOT_FOUND'],
      [office().post(`/admin/accounts/${assessor.id}/relations`).set(auth).send({}), 400, 'VALIDATION_FAILED'],
      [office().get('/admin/accounts/00000000-0000-4000-8000-000000000000/relations').set(auth), 404, 'ACCOUNT_NOT_FOUND'],
      [office().delete(`/admin/accounts/${assessor.id}/relations/${rel.body.id}`).set(auth), 404, 'RELATION_NOT_FOUND'],
    ];
    for (const [pending, status, code] of bad) {
      const res = await pending;
      expect({ status: res.status, code: res.body.code }).toEqual({ status, code });
    }
    const me = await office().get('/admin/accounts?role=assessor').set(auth).expect(200);
    expect((me.body as Array<{ id: string; organisation: string }>).find((a) => a.id === assessor.id)?.organisation).toBe('Nieuw Bureau');

    const trail = await office().get(`/admin/audit-events?personId=${assessor.id}`).set(auth).expect(200);
    const actions = (trail.body.events as Array<{ action: string; data: Record<string, unknown> }>).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['account.profile_updated', 'relation.declared', 'relation.removed']));
    const profile = (trail.body.events as Array<{ action: string; data: { before?: { organisation?: string } } }>).find((e) => e.action === 'account.profile_updated');
    expect(profile?.data.before?.organisation).toBe('Oud Bureau');
  });

  it('reads the audit trail by dossier, person and period, page by page', async () => {
    const admin = await p.account('admin');
    const auth = { Authorization: `Bearer ${admin.token}` };
    const c = await candidate(p);
    const { id, etags } = await createPortfolio(p, c);
    let etag = etags['cvAndMotivation']!;
    for (let i = 0; i < 3; i++) {
      const res = await writeSection(p, c, id, 'cvAndMotivation', etag, { motivation: `versie ${i}` });
      etag = res.headers['etag']!;
    }
    await createPortfolio(p, await candidate(p));

    const dossier = await office().get(`/admin/audit-events?portfolioId=${id}`).set(auth).expect(200);
    expect((dossier.body.events as Array<{ action: string; subjectId: string }>).map((e) => e.action)).toEqual([
      'portfolio.section_saved',
      'portfolio.section_saved',
      'portfolio.section_saved',
      'portfolio.created',
    ]);
    const page1 = await office().get(`/admin/audit-events?portfolioId=${id}&limit=3`).set(auth).expect(200);
    expect(page1.body.events).toHaveLength(3);
    const page2 = await office().get(`/admin/audit-events?portfolioId=${id}&limit=3&before=${page1.body.nextBefore}`).set(auth).expect(200);
    expect((page2.body.events as Array<{ action: string }>).map((e) => e.action)).toEqual(['portfolio.created']);
    expect(page2.body.nextBefore).toBeNull();

    const byPerson = await office().get(`/admin/audit-events?personId=${c.id}`).set(auth).expect(200);
    expect((byPerson.body.events as Array<{ actorId: string }>).every((e) => e.actorId === c.id)).toBe(true);
    const future = await office().get(`/admin/audit-events?portfolioId=${id}&from=2099-01-01T00:00:00Z`).set(auth).expect(200);
    expect(future.body.events).toEqual([]);
    const past = await office().get(`/admin/audit-events?portfolioId=${id}&to=2000-01-01T00:00:00Z`).set(auth).expect(200);
    expect(past.body.events).toEqual([]);
    for (const [query, code] of [
      ['from=yesterday', 'VALIDATION_FAILED'],
      ['limit=0', 'VALIDATION_FAILED'],
      ['limit=501', 'VALIDATION_FAILED'],
      ['portfolioId=nope', 'VALIDATION_FAILED'],
      ['from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z', 'INVALID_PERIOD'],
    ] as const) {
      const res = await office().get(`/admin/audit-events?${query}`).set(auth).expect(400);
      expect(res.body.code).toBe(code);
    }
  });

  it('every admin route refuses candidates and assessors', async () => {
    const cand = await p.account('candidate');
    const assessor = await p.account('assessor');
    const routes = listRoutes(p.assessor).filter((r) => r.path.startsWith('/admin'));
    expect(routes.length).toBeGreaterThanOrEqual(7);
    for (const route of routes) {
      expect(route.access).toEqual({ kind: 'roles', roles: ['admin'] });
      const url = route.path.replace(/:[A-Za-z]+/g, '00000000-0000-4000-8000-000000000000');
      for (const token of [cand.token, assessor.token]) {
        const method = route.method.toLowerCase() as 'get' | 'post' | 'patch' | 'delete';
        const res = await office()[method](url).set('Authorization', `Bearer ${token}`).send({});
        expect({ route: `${route.method} ${route.path}`, status: res.status }).toEqual({ route: `${route.method} ${route.path}`, status: 403 });
      }
    }
  });
});
