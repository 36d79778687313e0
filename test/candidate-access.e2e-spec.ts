import request from 'supertest';
import { listRoutes } from '@rlp/platform';
import { startTestPlatform, TestPlatform } from '@rlp/testing';
import { api, candidate, createPortfolio, FILES, upload } from './support/candidate-journey';

/**
 * A candidate sees and changes only their own portfolio and documents. The routes come from the
 * app itself, so a new candidate route cannot escape these checks.
 */
describe('candidate portal access (e2e)', () => {
  let p: TestPlatform;

  beforeAll(async () => {
    p = await startTestPlatform();
  });
  afterAll(() => p.close());

  it('every candidate route: another candidate gets 404, assessors and admins get 403, and nothing of A changes', async () => {
    const a = await candidate(p);
    const b = await candidate(p);
    const portfolio = await createPortfolio(p, a);
    await createPortfolio(p, b);
    const doc = await upload(p, a, 'diploma.pdf', FILES.pdf('a'), 'application/pdf');
    expect(doc.confirm.status).toBe(200);
    const assessor = await p.account('assessor');
    const admin = await p.account('admin');

    const routes = listRoutes(p.candidate).filter((r) => r.access?.kind === 'roles' && r.access.roles.length === 1 && r.access.roles[0] === 'candidate');
    expect(routes.length).toBeGreaterThanOrEqual(18);
    const tried: string[] = [];
    for (const route of routes) {
      const url = route.path
        .replace(':id', route.path.startsWith('/documents') ? doc.id : portfolio.id)
        .replace(':section', 'education')
        .replace(':version', '1')
        .concat(route.path.endsWith('/rulebook-move') && route.method === 'GET' ? '?to=toetsingskader-initieel-v1' : '');
      const call = (token: string) => {
        const method = route.method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete';
        let r = request(p.candidate.getHttpServer())[method](url).set('Authorization', `Bearer ${token}`);
        r = r.set('If-Match', portfolio.etags['education']!).set('Idempotency-Key', `access-check-${tried.length}`);
        // A well-formed body, so that what is checked is access, not the input.
        const bodies: Record<string, object> = {
          '/portfolios/:id/submit': { revision: 'x' },
          '/portfolios/:id/rulebook-move': { to: 'toetsingskader-initieel-v1' },
          '/documents': { filename: 'x.pdf', contentType: 'application/pdf', sizeBytes: 10 },
          '/portfolios/:id/interview/booking': { slotId: '00000000-0000-4000-8000-000000000000' },
        };
        return ['post', 'put', 'patch'].includes(method) ? r.send(bodies[route.path] ?? {}) : r;
      };
      for (const [who, token] of [['assessor', assessor.token], ['admin', admin.token]] as const) {
        const res = await call(token);
        expect({ route: `${route.method} ${route.path}`, who, status: res.status, code: res.body?.code }).toEqual({ route: `${route.method} ${route.path}`, who, status: 403, code: 'ROLE_FORBIDDEN' });
      }
      if (route.path.includes(':id')) {
        const res = await call(b.token);
        const expected = route.path.startsWith('/documents') ? 'DOCUMENT_NOT_FOUND' : 'PORTFOLIO_NOT_FOUND';
        expect({ route: `${route.method} ${route.path}`, status: res.status, code: res.body?.code }).toEqual({ route: `${route.method} ${route.path}`, status: 404, code: expected });
      }
      tried.push(`${route.method} ${route.path}`);
    }

    // B's own lists never show A's things.
    const lists = [await api(p).get('/portfolios').set(b.auth).expect(200), await api(p).get('/documents').set(b.auth).expect(200)];
    for (const list of lists) {
      expect(JSON.stringify(list.body)).not.toContain(portfolio.id);
      expect(JSON.stringify(list.body)).not.toContain(doc.id);
    }
    // A's portfolio and document are exactly as they were.
    const mine = await api(p).get(`/portfolios/${portfolio.id}`).set(a.auth).expect(200);
    expect((mine.body.sections as Array<{ version: number }>).every((s) => s.version === 1)).toBe(true);
    await api(p).get(`/documents/${doc.id}`).set(a.auth).expect(200);
    expect(tried.length).toBe(routes.length);
  });
});
