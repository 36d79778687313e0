import request from 'supertest';
import { startTestPlatform, TestPlatform } from '@rlp/testing';
import { candidate, createPortfolio } from './support/candidate-journey';

/** Health probes and Prometheus metrics (issue 17, ADR 0028). */
const TOKEN = 'metrics-token-for-the-e2e-test-0123';
const NO_SUCH_ID = '00000000-0000-4000-8000-0000000000ff';

/** One sample's value from the text exposition format, by metric name and exact labels (any order). */
function sample(text: string, name: string, labels: Record<string, string>): number | undefined {
  for (const line of text.split('\n')) {
    const m = /^([a-zA-Z_:][a-zA-Z0-9_:]*)\{([^}]*)\} (\S+)$/.exec(line);
    if (!m || m[1] !== name) continue;
    const found = Object.fromEntries([...m[2]!.matchAll(/([a-zA-Z_]+)="([^"]*)"/g)].map((l) => [l[1]!, l[2]!]));
    if (Object.keys(labels).length === Object.keys(found).length && Object.entries(labels).every(([k, v]) => found[k] === v)) return Number(m[3]);
  }
  return undefined;
}

describe('health probes and metrics (e2e)', () => {
  let p: TestPlatform;
  beforeAll(async () => {
    p = await startTestPlatform({ env: { METRICS_TOKEN: TOKEN } });
  });
  afterAll(() => p?.close());

  it.each(['candidate', 'assessor'] as const)('%s: live answers without asking anything; ready checks database, migrations and storage', async (which) => {
    const app = p[which].getHttpServer();
    const name = `${which}-api`;
    expect((await request(app).get('/health/live').expect(200)).body).toEqual({ status: 'ok', app: name });
    expect((await request(app).get('/health/ready').expect(200)).body).toEqual({ status: 'ok', app: name, checks: { database: 'up', migrations: 'up', storage: 'up' } });
    // The old route stays for existing monitors.
    expect((await request(app).get('/health').expect(200)).body.checks).toEqual({ database: 'up', storage: 'up' });
  });

  it('ready is 503 UNHEALTHY naming the migration that is not applied, and 200 again once it is', async () => {
    const [last] = await p.db.query<{ id: number; timestamp: string; name: string }>('SELECT "id", "timestamp", "name" FROM "migrations" ORDER BY "id" DESC LIMIT 1');
    await p.db.query('DELETE FROM "migrations" WHERE "id" = $1', [last!.id]);
    try {
      const res = await request(p.assessor.getHttpServer()).get('/health/ready').expect(503);
      expect(res.body).toEqual({
        code: 'UNHEALTHY',
        message: expect.any(String),
        details: { app: 'assessor-api', checks: { database: 'up', migrations: 'down', storage: 'up' }, pendingMigrations: [last!.name] },
      });
      // Alive all the same: a restart would not apply a migration.
      await request(p.assessor.getHttpServer()).get('/health/live').expect(200);
    } finally {
      await p.db.query('INSERT INTO "migrations" ("id", "timestamp", "name") VALUES ($1, $2, $3)', [last!.id, last!.timestamp, last!.name]);
    }
    await request(p.assessor.getHttpServer()).get('/health/ready').expect(200);
  });

  it('/metrics needs the bearer token: none or a wrong one is 401 in the error shape', async () => {
    const app = p.candidate.getHttpServer();
    const none = await request(app).get('/metrics').expect(401);
    expect(none.body).toEqual({ code: 'METRICS_TOKEN_INVALID', message: expect.any(String) });
    expect(none.headers['www-authenticate']).toBe('Bearer realm="metrics"');
    await request(app).get('/metrics').set('Authorization', `Bearer ${TOKEN}x`).expect(401);
    await request(app).get('/metrics').set('Authorization', TOKEN).expect(401);
  });

  it('counts and times requests per route pattern and status class (never the raw URL), with the PDF queue, render time, pool and process series', async () => {
    const app = p.candidate.getHttpServer();
    const c = await candidate(p);
    const portfolio = await createPortfolio(p, c);
    for (let i = 0; i < 3; i++) await request(app).get(`/portfolios/${portfolio.id}`).set(c.auth).expect(200);
    await request(app).get(`/portfolios/${NO_SUCH_ID}`).set(c.auth).expect(404);
    await request(app).get('/no/such/route/12345').expect(404);
    const pdf = await request(app).get(`/portfolios/${portfolio.id}/preview.pdf`).set(c.auth).buffer(true).expect(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');

    const res = await request(app).get('/metrics').set('Authorization', `Bearer ${TOKEN}`).expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = res.text;
    const route = (r: string, status: string) => ({ app: 'candidate-api', method: 'GET', route: r, status_class: status });
    expect(sample(text, 'http_requests_total', route('/portfolios/:id', '2xx'))).toBe(3);
    expect(sample(text, 'http_requests_total', route('/portfolios/:id', '4xx'))).toBe(1);
    expect(sample(text, 'http_request_duration_seconds_count', route('/portfolios/:id', '2xx'))).toBe(3);
    expect(sample(text, 'http_request_duration_seconds_bucket', { ...route('/portfolios/:id', '2xx'), le: '+Inf' })).toBe(3);
    expect(sample(text, 'http_requests_total', route('/portfolios/:id/preview.pdf', '2xx'))).toBe(1);
    expect(sample(text, 'http_requests_total', route('(unmatched)', '4xx'))).toBe(1);
    // Ids and unknown paths never become label values.
    expect(text).not.toContain(portfolio.id);
    expect(text).not.toContain(NO_SUCH_ID);
    expect(text).not.toContain('12345');
    // The PDF renderer: its queue now, and the render it did.
    expect(sample(text, 'pdf_render_queue_length', { app: 'candidate-api' })).toBe(0);
    expect(sample(text, 'pdf_renders_active', { app: 'candidate-api' })).toBe(0);
    expect(sample(text, 'pdf_render_duration_seconds_count', { app: 'candidate-api', outcome: 'rendered' })).toBe(1);
    expect(sample(text, 'pdf_render_duration_seconds_sum', { app: 'candidate-api', outcome: 'rendered' })).toBeGreaterThan(0);
    // The database pool: open connections, of which idle, and requests waiting for one.
    const total = sample(text, 'db_pool_connections', { app: 'candidate-api', state: 'total' });
    expect(total).toBeGreaterThanOrEqual(1);
    expect(sample(text, 'db_pool_connections', { app: 'candidate-api', state: 'idle' })).toBeLessThanOrEqual(total!);
    expect(sample(text, 'db_pool_connections', { app: 'candidate-api', state: 'waiting' })).toBe(0);
    expect(sample(text, 'db_pool_connections', { app: 'candidate-api', state: 'max' })).toBe(10);
    // Node's own.
    expect(text).toMatch(/^process_resident_memory_bytes \d+/m);
    expect(text).toMatch(/^nodejs_eventloop_lag_seconds /m);
  });

  it('each app keeps its own series', async () => {
    await request(p.assessor.getHttpServer()).get('/health/live').expect(200);
    const text = (await request(p.assessor.getHttpServer()).get('/metrics').set('Authorization', `Bearer ${TOKEN}`).expect(200)).text;
    expect(sample(text, 'http_requests_total', { app: 'assessor-api', method: 'GET', route: '/health/live', status_class: '2xx' })).toBeGreaterThanOrEqual(1);
    expect(text).not.toContain('app="candidate-api"');
    expect(text).not.toContain('/portfolios/:id');
  });
});

describe('metrics without METRICS_TOKEN (e2e)', () => {
  let p: TestPlatform;
  beforeAll(async () => {
    p = await startTestPlatform();
  });
  afterAll(() => p?.close());

  it('are off: 404 METRICS_DISABLED, also with a bearer token', async () => {
    for (const app of [p.candidate, p.assessor]) {
      const res = await request(app.getHttpServer()).get('/metrics').set('Authorization', 'Bearer anything-at-all-here').expect(404);
      expect(res.body).toEqual({ code: 'METRICS_DISABLED', message: expect.any(String) });
    }
  });
});
