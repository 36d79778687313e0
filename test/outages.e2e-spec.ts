import request from 'supertest';
import { Client } from 'pg';
import { startTestPlatform, TestPlatform } from '@rlp/testing';

describe('health when a component is down (e2e)', () => {
  let p: TestPlatform;
  beforeAll(async () => {
    // Nothing listens on port 9 (discard): every storage call fails fast.
    p = await startTestPlatform({ storageEndpoint: 'http://127.0.0.1:9' });
  });
  afterAll(() => p.close());

  it('answers 503 UNHEALTHY naming the failing check, within a bounded time', async () => {
    const started = Date.now();
    const res = await request(p.candidate.getHttpServer()).get('/health').expect(503);
    expect(res.body).toEqual({
      code: 'UNHEALTHY',
      message: expect.any(String),
      details: { app: 'candidate-api', checks: { database: 'up', storage: 'down' } },
    });
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('is not ready (503 naming storage) while storage is down, and still alive', async () => {
    for (const app of [p.candidate, p.assessor]) {
      const res = await request(app.getHttpServer()).get('/health/ready').expect(503);
      expect(res.body).toEqual({
        code: 'UNHEALTHY',
        message: expect.any(String),
        details: { app: expect.stringMatching(/-api$/), checks: { database: 'up', migrations: 'up', storage: 'down' } },
      });
      await request(app.getHttpServer()).get('/health/live').expect(200);
    }
  });

  it('reports the database down when its connections are killed, and recovers by itself', async () => {
    const admin = new Client({ connectionString: p.db.url });
    await admin.connect();
    await admin.query(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`,
    );
    await admin.end();
    // The pool notices dead connections and opens new ones; login works again without a restart.
    const a = await p.account('candidate');
    await request(p.candidate.getHttpServer()).get('/auth/me').set('Authorization', `Bearer ${a.token}`).expect(200);
  });
});
