import request from 'supertest';
import { listRoutes } from '@rlp/platform';
import { startTestPlatform, TestPlatform } from '@rlp/testing';

describe('platform behaviour shared by both apps (e2e)', () => {
  let p: TestPlatform;
  beforeAll(async () => {
    p = await startTestPlatform({ env: { BODY_LIMIT: '10kb' } });
  });
  afterAll(() => p.close());

  const apps = () =>
    [
      ['candidate-api', p.candidate],
      ['assessor-api', p.assessor],
    ] as const;

  it.each(['candidate-api', 'assessor-api'])('%s: /health checks the database and storage', async (name) => {
    const app = name === 'candidate-api' ? p.candidate : p.assessor;
    const res = await request(app.getHttpServer()).get('/health').expect(200);
    expect(res.body).toEqual({ status: 'ok', app: name, checks: { database: 'up', storage: 'up' } });
  });

  it.each(['candidate-api', 'assessor-api'])('%s: serves OpenAPI at /docs and /docs-json', async (name) => {
    const app = name === 'candidate-api' ? p.candidate : p.assessor;
    const ui = await request(app.getHttpServer()).get('/docs').redirects(1).expect(200);
    expect(ui.text).toContain('swagger');
    const json = await request(app.getHttpServer()).get('/docs-json').expect(200);
    expect(json.body.openapi).toMatch(/^3\./);
    expect(Object.keys(json.body.paths)).toEqual(expect.arrayContaining(['/health', '/auth/login', '/auth/me']));
  });

  it('every route of both apps declares who may call it, and a protected route refuses anonymous calls with 401', async () => {
    for (const [name, app] of apps()) {
      const routes = listRoutes(app);
      expect(routes.length).toBeGreaterThan(3);
      for (const r of routes) {
        expect({ app: name, route: `${r.method} ${r.path}`, declared: r.access !== undefined }).toEqual({
          app: name,
          route: `${r.method} ${r.path}`,
          declared: true,
        });
        if (r.access?.kind === 'roles') {
          const path = r.path.replace(/:[A-Za-z]+/g, '00000000-0000-4000-8000-000000000000');
          const res = await request(app.getHttpServer())[r.method.toLowerCase() as 'get'](path).send({});
          expect({ route: `${name} ${r.method} ${r.path}`, status: res.status, code: res.body.code }).toEqual({
            route: `${name} ${r.method} ${r.path}`,
            status: 401,
            code: 'UNAUTHENTICATED',
          });
        }
      }
    }
  });

  it('answers malformed JSON with 400 MALFORMED_JSON', async () => {
    const res = await request(p.candidate.getHttpServer())
      .post('/auth/login')
      .set('Content-Type', 'application/json')
      .send('{"email": ')
      .expect(400);
    expect(res.body).toEqual({ code: 'MALFORMED_JSON', message: expect.any(String) });
  });

  it('answers a body over the limit with 413 and the error shape', async () => {
    const res = await request(p.candidate.getHttpServer())
      .post('/auth/login')
      .send({ email: 'a@example.nl', password: 'x'.repeat(20_000) })
      .expect(413);
    expect(res.body.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('answers an unknown route with 404 in the error shape', async () => {
    const res = await request(p.assessor.getHttpServer()).get('/does-not-exist').expect(404);
    expect(res.body).toEqual({ code: 'NOT_FOUND', message: expect.any(String) });
  });

  it('sets security headers and echoes a safe request id', async () => {
    const res = await request(p.candidate.getHttpServer()).get('/health').set('X-Request-Id', 'trace-123').expect(200);
    expect(res.headers['x-request-id']).toBe('trace-123');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-powered-by']).toBeUndefined();
    const unsafe = await request(p.candidate.getHttpServer()).get('/health').set('X-Request-Id', 'bad id; <script>').expect(200);
    expect(unsafe.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('records logins in the append-only audit trail without secrets', async () => {
    const a = await p.account('candidate');
    const ds = p.candidate.get((await import('typeorm')).DataSource);
    const rows: Array<{ action: string; data: unknown }> = await ds.query(
      `SELECT action, data FROM audit_events WHERE actor_id = $1 ORDER BY id`,
      [a.id],
    );
    expect(rows.map((r) => r.action)).toEqual(['account.created', 'auth.login']);
    expect(JSON.stringify(rows)).not.toContain(a.password);
  });
});
