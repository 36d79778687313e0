import request from 'supertest';
import { listRoutes } from '@rlp/platform';
import { startTestPlatform, TestPlatform } from '@rlp/testing';
import { judgedDossier, person } from './support/assessment-journey';

/**
 * Every assessor route on a dossier, read from the app itself: an assessor or admin who is not
 * assigned gets 404 (they learn nothing), the dossier's own candidate gets 403, an anonymous
 * caller 401; and none of these calls changes anything.
 */
describe('assessor routes: only the assigned assessors (e2e)', () => {
  let p: TestPlatform;

  beforeAll(async () => {
    p = await startTestPlatform();
  });
  afterAll(() => p.close());

  it('refuses every /assessments/:id route to everyone but the two assigned assessors', async () => {
    const admin = await person(p, 'admin');
    const [a1, a2] = [await person(p, 'assessor', 'Eén'), await person(p, 'assessor', 'Twee')];
    const d = await judgedDossier(p, '2026-11-23', admin, [a1, a2]);
    const outsider = await person(p, 'assessor', 'Drie');
    const outsiderAdmin = await person(p, 'admin', 'Vier');
    const state = async () => ({
      audit: (await p.db.query(`SELECT count(*)::int AS n FROM audit_events WHERE subject_id = $1`, [d.portfolioId]))[0],
      slots: (await p.db.query(`SELECT count(*)::int AS n FROM interview_slots WHERE portfolio_id = $1`, [d.portfolioId]))[0],
      status: (await p.db.query(`SELECT status FROM portfolios WHERE id = $1`, [d.portfolioId]))[0],
    });
    const before = await state();

    const routes = listRoutes(p.assessor).filter((r) => r.path.startsWith('/assessments/:id'));
    expect(routes.length).toBeGreaterThanOrEqual(20);
    const tried: string[] = [];
    for (const route of routes) {
      const url = route.path.replace(':id', d.portfolioId).replace(':slotId', '00000000-0000-4000-8000-000000000001').replace(':documentId', d.ids['doc-cv']!);
      const method = route.method.toLowerCase() as 'get' | 'post' | 'put' | 'delete';
      const bodies: Record<string, object> = {
        '/assessments/:id/independence': { independent: true },
        '/assessments/:id/decline': { reason: 'geen tijd' },
        '/assessments/:id/scoring': { scores: {} },
        '/assessments/:id/judgement': { criteria: {} },
        '/assessments/:id/slots': { date: '2026-12-10', time: '10:00', durationMinutes: 60, address: 'Utrecht' },
        '/assessments/:id/interview-record': { advice: 'positive' },
        '/assessments/:id/slots/batch': { slots: [{ date: '2026-12-10', time: '10:00', durationMinutes: 60, address: 'Utrecht' }] },
        '/assessments/:id/interview/missed': { kind: 'no_show', absentParty: 'candidate', reason: 'niet verschenen', next: 'new_slots' },
        '/assessments/:id/preparation': { notes: {} },
      };
      const call = (auth?: { Authorization: string }) => {
        let r = request(p.assessor.getHttpServer())[method](url).set('If-Match', '"scoring.1"');
        if (auth) r = r.set(auth);
        return ['post', 'put'].includes(method) ? r.send(bodies[route.path] ?? {}) : r;
      };
      const label = `${route.method} ${route.path}`;
      for (const who of [outsider, outsiderAdmin]) {
        const res = await call(who.auth);
        expect({ label, status: res.status, code: res.body?.code }).toEqual({ label, status: 404, code: 'DOSSIER_NOT_FOUND' });
      }
      const asCandidate = await call(d.c.auth);
      expect({ label, status: asCandidate.status }).toEqual({ label, status: 403 });
      const anonymous = await call();
      expect({ label, status: anonymous.status }).toEqual({ label, status: 401 });
      tried.push(label);
    }
    expect(await state()).toEqual(before);
    // The assigned assessors do get through (the same routes are not simply broken).
    expect((await request(p.assessor.getHttpServer()).get(`/assessments/${d.portfolioId}/judgement`).set(a2.auth)).status).toBe(200);
    expect(tried.length).toBe(routes.length);
  });
});
