import request from 'supertest';
import { AuditChainer } from '@rlp/audit';
import { startTestPlatform, TestPlatform } from '@rlp/testing';

jest.setTimeout(120_000);

/**
 * Issue 17 / ADR 0024: audit events are written unchained and chained in the background by every
 * app instance. Two platforms (four app instances) on one database write events at the same time
 * and chain them at the same time: the trail ends up chained, without gaps, and verifies.
 */
describe('audit chain with several app instances (e2e)', () => {
  let p1: TestPlatform;
  let p2: TestPlatform;
  beforeAll(async () => {
    p1 = await startTestPlatform();
    p2 = await startTestPlatform({ database: p1.db });
  });
  afterAll(async () => {
    await p2?.close();
    await p1?.close();
  });

  const unchained = async () => (await p1.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_events WHERE chain_seq IS NULL`))[0]!.n;

  it('chains the events of concurrent requests on four instances without gaps, and the chain verifies', async () => {
    const candidates = await Promise.all([p1.account('candidate'), p2.account('candidate'), p1.account('candidate'), p2.account('candidate')]);
    const admin = await p2.account('admin');
    const apps = [p1.candidate, p2.candidate];
    const before = (await p1.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_events`))[0]!.n;

    // Logins (an event in the login's transaction) and failed logins (an event on its own), alternately on both instances.
    const requests = Array.from({ length: 32 }, (_, i) => {
      const who = candidates[i % candidates.length]!;
      const app = apps[i % 2]!;
      const password = i % 4 < 2 ? who.password : 'not-the-password';
      return request(app.getHttpServer()).post('/auth/login').send({ email: who.email, password });
    });
    // Meanwhile every instance chains as well (besides its own after-commit chaining and sweep).
    const chaining = [p1.candidate, p1.assessor, p2.candidate, p2.assessor].map((app) => app.get(AuditChainer).chainPending());
    const answers = await Promise.all(requests);
    await Promise.all(chaining);
    expect(answers.map((r) => r.status).sort()).toEqual([...Array(16).fill(200), ...Array(16).fill(401)].sort());
    const total = (await p1.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_events`))[0]!.n;
    expect(total).toBe(before + 32);

    // The instances chain by themselves right after each commit: wait until nothing is left.
    const deadline = Date.now() + 60_000;
    while ((await unchained()) > 0) {
      if (Date.now() > deadline) throw new Error(`audit events still unchained: ${await unchained()}`);
      await new Promise((r) => setTimeout(r, 50));
    }
    const report = await request(p2.assessor.getHttpServer()).get('/admin/audit-events/verify').set('Authorization', `Bearer ${admin.token}`).expect(200);
    expect(report.body).toMatchObject({ ok: true, pending: 0, problems: [], events: total, head: { chainSeq: String(total) } });
    expect(await p1.db.query(`SELECT min(chain_seq)::int AS min, max(chain_seq)::int AS max, count(DISTINCT chain_seq)::int AS n FROM audit_events`)).toEqual([{ min: 1, max: total, n: total }]);
  });
});
