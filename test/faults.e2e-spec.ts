import { randomBytes } from 'node:crypto';
import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HeadObjectCommand } from '@aws-sdk/client-s3';
import { Client } from 'pg';
import request from 'supertest';
import { AuditChainer } from '@rlp/audit';
import { startEmbeddedS3, freePort, type EmbeddedS3Handle } from '@rlp/embedded';
import type { PdfRenderer } from '@rlp/pdf';
import { PdfHost } from '@rlp/portfolio';
import { startTestPlatform, type TestPlatform } from '@rlp/testing';
import { createS3Client } from '../libs/storage/src/s3-client.factory';
import { api, candidate, createPortfolio, FILES, readyToSubmit, sha256, writeSection, type Candidate } from './support/candidate-journey';
import { assign, declare, judgedDossier, office, person, submittedDossier, type Person } from './support/assessment-journey';
import { groupMembers } from '../libs/pdf/src/testing/process-group';

/**
 * Fault injection (issue 7, "prove it holds"): the database connection killed in the middle of
 * a transaction, the S3 endpoint stopped and restarted, Chromium killed during a render. Each
 * time: a clean answer with the error shape, nothing half-done in the database, and the next
 * request succeeds without a restart.
 */

// Generous: the machine running the suite may be slow; every fault itself is asserted to be answered quickly.
jest.setTimeout(120_000);

const TODAY = '2026-11-23';
const START = new Date('2026-11-23T09:00:00Z');
const LONG_SESSIONS = { SESSION_TTL_MINUTES: String(60 * 24 * 60), SESSION_IDLE_MINUTES: String(60 * 24 * 60) };
/**
 * A lock that makes every INSERT into the audit trail wait (SHARE conflicts with the ROW EXCLUSIVE an
 * INSERT takes; reads go on). The insert itself takes no lock of its own any more (ADR 0024).
 */
const AUDIT_INSERT_LOCK = `LOCK TABLE "audit_events" IN SHARE MODE`;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function eventually<T>(probe: () => Promise<T | undefined> | T | undefined, what: string, ms = 20_000, every = 20): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await sleep(every);
  }
}

const isPdf = (body: Buffer) => body.subarray(0, 5).toString('latin1') === '%PDF-';
const binary = (res: request.Response, cb: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
};

async function auditCount(p: TestPlatform): Promise<number> {
  return (await p.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_events`))[0]!.n;
}

interface Kill {
  res: request.Response;
  /** What the killed backend was doing when it was terminated. */
  victim: { pid: number; query: string; wroteData: boolean };
}

/**
 * Holds a lock on the audit trail from a side connection, so the app's transaction stops at
 * its audit INSERT (after its data writes, before COMMIT); terminates that backend there,
 * releases the lock and returns the API's answer.
 */
async function killInTransaction(p: TestPlatform, send: () => PromiseLike<request.Response>): Promise<Kill> {
  const side = new Client({ connectionString: p.db.url, application_name: 'faults-side' });
  // pg_stat_activity is a snapshot per transaction: poll it from a second, autocommit connection.
  const monitor = new Client({ connectionString: p.db.url, application_name: 'faults-monitor' });
  await side.connect();
  await monitor.connect();
  try {
    await side.query('BEGIN');
    await side.query(AUDIT_INSERT_LOCK);
    // Sent now (a supertest request starts when it is awaited); awaited after the kill.
    const pending = Promise.resolve(send());
    pending.then(undefined, () => undefined); // observed below; no unhandled rejection meanwhile
    const victim = await eventually(async () => {
      const rows = (
        await monitor.query<{ pid: number; query: string; xid: string | null }>(
          `SELECT pid, query, backend_xid::text AS xid FROM pg_stat_activity
            WHERE datname = current_database() AND application_name NOT LIKE 'faults-%' AND wait_event_type = 'Lock' AND wait_event = 'relation'
              AND query LIKE 'INSERT INTO "audit_events"%'`,
        )
      ).rows;
      if (rows.length > 1) throw new Error(`more than one backend waits to insert an audit event: ${JSON.stringify(rows)}`);
      return rows[0];
    }, 'the request to wait at its audit insert');
    const terminated = await monitor.query<{ ok: boolean }>('SELECT pg_terminate_backend($1, 10000) AS ok', [victim.pid]);
    expect(terminated.rows[0]!.ok).toBe(true);
    await side.query('ROLLBACK');
    return { res: await pending, victim: { pid: victim.pid, query: victim.query, wroteData: victim.xid !== null } };
  } finally {
    await side.end();
    await monitor.end();
  }
}

function expectDatabaseUnavailable(kill: Kill): void {
  expect(kill.victim.query).toMatch(/INSERT INTO "audit_events"/);
  // The backend had an xid: it had already written its data when it was killed.
  expect(kill.victim.wroteData).toBe(true);
  expect({ status: kill.res.status, body: kill.res.body }).toEqual({
    status: 503,
    body: { code: 'DATABASE_UNAVAILABLE', message: expect.any(String) },
  });
  expect(kill.res.headers['retry-after']).toBe('1');
}

/** Books a slot, lets time pass, records the interview with a positive advice; both agree. */
async function toInterviewHeld(p: TestPlatform, d: { c: Candidate; portfolioId: string }, [a1, a2]: [Person, Person]) {
  const slot = await office(p).post(`/assessments/${d.portfolioId}/slots`).set(a1.auth).send({ date: '2026-12-10', time: '09:00', durationMinutes: 60, address: 'Utrecht' }).expect(201);
  await api(p).post(`/portfolios/${d.portfolioId}/interview/booking`).set(d.c.auth).send({ slotId: slot.body.id }).expect(201);
  p.clock.set(new Date('2026-12-10T12:00:00Z'));
  const record = await office(p).put(`/assessments/${d.portfolioId}/interview-record`).set(a1.auth).set('If-Match', '"interview.0"').send({ advice: 'positive', motivation: 'Alle criteria aangetoond' }).expect(200);
  for (const a of [a1, a2]) await office(p).post(`/assessments/${d.portfolioId}/interview-record/agree`).set(a.auth).set('If-Match', record.headers['etag']!).expect(200);
}

describe('faults: the database connection killed in the middle of a transaction (e2e)', () => {
  let p: TestPlatform;
  let admin: Person;

  beforeAll(async () => {
    p = await startTestPlatform({ env: LONG_SESSIONS });
    admin = await person(p, 'admin', 'Noloc');
  });
  afterAll(() => p.close());
  beforeEach(() => p.clock.set(START));

  it('a section save with a regulation acceptance (a transaction): killed before commit, nothing saved, the retry with the same If-Match succeeds', async () => {
    // A plain section save is one statement without a transaction (ADR 0025): nothing can stop
    // between its writes. One that accepts a regulation records the acceptance in a transaction.
    const c = await candidate(p);
    const portfolio = await createPortfolio(p, c);
    const etag = portfolio.etags['declarations']!;
    const body = { klachtenreglement: { accepted: true, version: 1 } };
    const section = () => p.db.query(`SELECT version, content FROM portfolio_sections WHERE portfolio_id = $1 AND section = 'declarations'`, [portfolio.id]);
    const acceptances = () => p.db.query(`SELECT 1 FROM regulation_acceptances WHERE portfolio_id = $1`, [portfolio.id]);
    const before = await section();
    const events = await auditCount(p);

    const kill = await killInTransaction(p, () => writeSection(p, c, portfolio.id, 'declarations', etag, body));
    expectDatabaseUnavailable(kill);
    expect(await section()).toEqual(before);
    expect(await p.db.query(`SELECT 1 FROM portfolio_section_revisions WHERE portfolio_id = $1 AND section = 'declarations' AND version > 1`, [portfolio.id])).toEqual([]);
    expect(await acceptances()).toEqual([]);
    expect(await auditCount(p)).toBe(events);

    // No restart: the same request again, with the same precondition, goes through once.
    const retry = await writeSection(p, c, portfolio.id, 'declarations', etag, body);
    expect(retry.status).toBe(200);
    expect(await p.db.query(`SELECT version FROM portfolio_sections WHERE portfolio_id = $1 AND section = 'declarations'`, [portfolio.id])).toEqual([{ version: 2 }]);
    expect(await acceptances()).toHaveLength(1);
    expect(await p.db.query(`SELECT action FROM audit_events WHERE subject_id = $1 AND action IN ('portfolio.section_saved', 'regulation.accepted') ORDER BY id`, [portfolio.id])).toEqual([
      { action: 'regulation.accepted' },
      { action: 'portfolio.section_saved' },
    ]);
    expect(await auditCount(p)).toBe(events + 2);
  });

  it('a submission: killed before commit, nothing frozen, the key released; the retry with the same Idempotency-Key yields exactly one submission', async () => {
    const ready = await readyToSubmit(p, TODAY);
    const id = ready.portfolioId;
    const key = `faults-submit-${id}`;
    const submit = () => api(p).post(`/portfolios/${id}/submit`).set(ready.c.auth).set('Idempotency-Key', key).send({ revision: ready.revision });
    const events = await auditCount(p);

    const kill = await killInTransaction(p, submit);
    expectDatabaseUnavailable(kill);
    expect(await p.db.query(`SELECT 1 FROM submissions WHERE portfolio_id = $1`, [id])).toEqual([]);
    expect(await p.db.query(`SELECT status, submitted_at FROM portfolios WHERE id = $1`, [id])).toEqual([{ status: 'draft', submitted_at: null }]);
    // The key is not left "in progress" (which would refuse the retry for a minute).
    expect(await p.db.query(`SELECT state FROM idempotency_keys WHERE user_id = $1 AND key = $2`, [ready.c.id, key])).toEqual([]);
    expect(await auditCount(p)).toBe(events);

    const retry = await submit();
    expect(retry.status).toBe(201);
    const replay = await submit();
    expect(replay.status).toBe(201);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.body.submission.id).toBe(retry.body.submission.id);
    expect(await p.db.query(`SELECT id FROM submissions WHERE portfolio_id = $1`, [id])).toEqual([{ id: retry.body.submission.id }]);
    expect(await p.db.query(`SELECT 1 FROM audit_events WHERE subject_id = $1 AND action = 'portfolio.submitted'`, [id])).toHaveLength(1);
    expect(await auditCount(p)).toBe(events + 1);
  });

  it('a scoring save and its submission: each killed before commit and unchanged, each retry succeeds once', async () => {
    const d = await submittedDossier(p, TODAY);
    const id = d.portfolioId;
    const [a1, a2] = [await person(p, 'assessor', 'Fout Een'), await person(p, 'assessor', 'Fout Twee')];
    for (const a of [a1, a2]) {
      expect((await assign(p, admin, id, a)).status).toBe(201);
      await declare(p, a, id);
    }
    const scoring = () => p.db.query<{ version: number; scores: unknown; submitted_at: Date | null }>(
      `SELECT s.version, s.scores, s.submitted_at FROM scorings s JOIN assignments a ON a.id = s.assignment_id WHERE a.portfolio_id = $1 AND a.assessor_id = $2`,
      [id, a1.id],
    );
    const current = await office(p).get(`/assessments/${id}/scoring`).set(a1.auth).expect(200);
    const scores = Object.fromEntries((current.body.criteria as Array<{ code: string }>).map((c) => [c.code, { verdict: 'aangetoond' }]));
    const save = () => office(p).put(`/assessments/${id}/scoring`).set(a1.auth).set('If-Match', current.headers['etag']!).send({ scores });
    const before = await scoring();
    const events = await auditCount(p);

    expectDatabaseUnavailable(await killInTransaction(p, save));
    expect(await scoring()).toEqual(before);
    expect(await auditCount(p)).toBe(events);
    const saved = await save();
    expect(saved.status).toBe(200);
    expect(await auditCount(p)).toBe(events + 1);
    const draft = await scoring();
    expect(draft).toEqual([{ version: before[0]!.version + 1, scores: saved.body.scores, submitted_at: null }]);

    const submit = () => office(p).post(`/assessments/${id}/scoring/submit`).set(a1.auth).set('If-Match', saved.headers['etag']!);
    expectDatabaseUnavailable(await killInTransaction(p, submit));
    expect(await scoring()).toEqual(draft);
    expect(await auditCount(p)).toBe(events + 1);
    expect((await submit()).status).toBe(200);
    expect((await scoring())[0]!.submitted_at).not.toBeNull();
    expect(await p.db.query(`SELECT action FROM audit_events WHERE data->>'portfolioId' = $1 AND action LIKE 'scoring.%' ORDER BY id`, [id])).toEqual([
      { action: 'scoring.saved' },
      { action: 'scoring.submitted' },
    ]);
    expect(await auditCount(p)).toBe(events + 2);
  });

  it('the decision: killed before commit, no decision, status or register entry; the retry decides once', async () => {
    const [b1, b2] = [await person(p, 'assessor', 'Besluit Een'), await person(p, 'assessor', 'Besluit Twee')];
    const d = await judgedDossier(p, TODAY, admin, [b1, b2]);
    const id = d.portfolioId;
    await toInterviewHeld(p, d, [b1, b2]);
    const decider = await person(p, 'admin', 'Noloc');
    const decide = () => office(p).post(`/admin/dossiers/${id}/decision`).set(decider.auth).send({ outcome: 'certified' });
    const events = await auditCount(p);

    expectDatabaseUnavailable(await killInTransaction(p, decide));
    expect(await p.db.query(`SELECT status FROM portfolios WHERE id = $1`, [id])).toEqual([{ status: 'interview_held' }]);
    expect(await p.db.query(`SELECT 1 FROM decisions WHERE portfolio_id = $1`, [id])).toEqual([]);
    expect(await p.db.query(`SELECT 1 FROM register_entries WHERE portfolio_id = $1`, [id])).toEqual([]);
    expect(await auditCount(p)).toBe(events);

    const decided = await decide();
    expect(decided.status).toBe(201);
    expect(decided.body).toMatchObject({ outcome: 'certified', register: { certificateNumber: expect.stringMatching(/^RLP-2026-\d{5}$/) } });
    expect(await p.db.query(`SELECT status FROM portfolios WHERE id = $1`, [id])).toEqual([{ status: 'decided' }]);
    expect(await p.db.query(`SELECT 1 FROM decisions WHERE portfolio_id = $1`, [id])).toHaveLength(1);
    expect(await p.db.query(`SELECT certificate_number FROM register_entries WHERE portfolio_id = $1`, [id])).toEqual([{ certificate_number: decided.body.register.certificateNumber }]);
    // One status change, one decision, one register entry: exactly what one committed decision writes.
    expect(await auditCount(p)).toBe(events + 3);
    expect((await office(p).post(`/admin/dossiers/${id}/decision`).set(decider.auth).send({ outcome: 'certified' })).body.code).toBe('DECISION_NOT_ALLOWED');
  });

  it('leaves the audit trail chained without gaps after the killed transactions', async () => {
    // The background chainer chains right after each commit; wait for it deterministically.
    await p.assessor.get(AuditChainer).chainPending();
    const report = await office(p).get('/admin/audit-events/verify').set(admin.auth).expect(200);
    expect(report.body).toMatchObject({ ok: true, problems: [] });
    expect(report.body.events).toBe(await auditCount(p));
    expect(await p.db.query(`SELECT max(chain_seq)::int AS max, count(*)::int AS n FROM audit_events`)).toEqual([{ max: report.body.events, n: report.body.events }]);
  });
});

describe('faults: the S3 endpoint stopped and restarted (e2e)', () => {
  let p: TestPlatform;
  let s3: EmbeddedS3Handle;
  let directory: string;
  let port: number;
  const bucket = `rlp-faults-${randomBytes(4).toString('hex')}`;

  /** This file's own S3, on a fixed port and directory (the run's shared one keeps running for the other files). */
  const startS3 = async () => {
    s3 = await startEmbeddedS3({ directory, buckets: [bucket], port });
  };
  const objectStored = async (key: string): Promise<boolean> => {
    const client = createS3Client(p.config.storage, s3.endpoint);
    try {
      await client.send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
      return true;
    } catch (err) {
      if ((err as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 404) return false;
      throw err;
    } finally {
      client.destroy();
    }
  };

  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), 'rlp-faults-s3-'));
    port = await freePort();
    await startS3();
    // (startTestPlatform also creates an empty bucket of this name on the shared endpoint; the apps never use it.)
    p = await startTestPlatform({ env: { ...LONG_SESSIONS, S3_BUCKET: bucket }, storageEndpoint: s3.endpoint });
  });
  afterAll(async () => {
    await p?.close();
    await s3?.stop();
    await rm(directory, { recursive: true, force: true });
  });

  it('answers 503 STORAGE_UNAVAILABLE within a bounded time while S3 is down, changes nothing, and recovers after the restart', async () => {
    const c = await candidate(p);
    const requestUpload = (name: string, bytes: Buffer) => api(p).post('/documents').set(c.auth).send({ filename: name, contentType: 'application/pdf', sizeBytes: bytes.length });
    const put = (target: { url: string; headers: Record<string, string> }, bytes: Buffer) => fetch(target.url, { method: 'PUT', headers: target.headers, body: bytes });
    const confirm = (id: string) => api(p).post(`/documents/${id}/confirm`).set(c.auth);
    const download = (id: string) => api(p).get(`/documents/${id}/download`).set(c.auth);
    const exportZip = () => api(p).get('/me/export').set(c.auth).buffer(true).parse(binary);
    const documents = () => p.db.query<{ id: string; status: string; sha256: string | null }>(`SELECT id, status, sha256 FROM documents WHERE owner_id = $1 ORDER BY id`, [c.id]);
    const upload = async (label: string) => {
      const bytes = FILES.pdf(label);
      const req = await requestUpload(`${label}.pdf`, bytes).expect(201);
      expect((await put(req.body.upload, bytes)).status).toBe(200);
      return { id: req.body.document.id as string, bytes };
    };

    // Before the outage: two verified documents, one uploaded but not yet confirmed.
    const kept = await upload('kept');
    await confirm(kept.id).expect(200);
    const removed = await upload('removed');
    await confirm(removed.id).expect(200);
    const removedKey = (await p.db.query<{ storage_key: string }>(`SELECT storage_key FROM documents WHERE id = $1`, [removed.id]))[0]!.storage_key;
    const pending = await upload('pending');
    const rowsBefore = await documents();
    const events = await auditCount(p);

    await s3.stop();
    const outage: Array<{ label: string; status: number; code: unknown; ms: number }> = [];
    const whileDown = async (label: string, send: () => request.Test) => {
      const started = Date.now();
      const res = await send();
      outage.push({ label, status: res.status, code: res.body?.code, ms: Date.now() - started });
      expect(typeof res.body?.message).toBe('string');
      return res;
    };
    await whileDown('request upload', () => requestUpload('during.pdf', FILES.pdf('during')));
    await whileDown('confirm', () => confirm(pending.id));
    await whileDown('download', () => download(kept.id));
    await whileDown('personal data export', () => api(p).get('/me/export').set(c.auth));
    const health = await whileDown('health', () => api(p).get('/health'));
    expect(health.body.details.checks).toEqual({ database: 'up', storage: 'down' });
    expect(outage.map(({ label, status, code }) => ({ label, status, code }))).toEqual([
      { label: 'request upload', status: 503, code: 'STORAGE_UNAVAILABLE' },
      { label: 'confirm', status: 503, code: 'STORAGE_UNAVAILABLE' },
      { label: 'download', status: 503, code: 'STORAGE_UNAVAILABLE' },
      { label: 'personal data export', status: 503, code: 'STORAGE_UNAVAILABLE' },
      { label: 'health', status: 503, code: 'UNHEALTHY' },
    ]);
    for (const { label, ms } of outage) expect({ label, fast: ms < 10_000 }).toEqual({ label, fast: true });
    // Refused writes changed nothing: no new row, the upload still pending (not verified without its object), no audit event.
    expect(await documents()).toEqual(rowsBefore);
    expect(await auditCount(p)).toBe(events);
    // Deleting works without storage: the row goes first, so the row never points at a missing object;
    // the object it leaves behind belongs to no row and nobody can reach it.
    await api(p).delete(`/documents/${removed.id}`).set(c.auth).expect(204);
    expect(await auditCount(p)).toBe(events + 1);

    await startS3();
    // The same actions again, without restarting the app.
    await api(p).get('/health').expect(200);
    expect((await confirm(pending.id).expect(200)).body).toMatchObject({ status: 'verified', sha256: sha256(pending.bytes) });
    const after = await upload('after');
    await confirm(after.id).expect(200);
    const link = await download(kept.id).expect(200);
    const fetched = await fetch(link.body.url);
    expect(Buffer.from(await fetched.arrayBuffer())).toEqual(kept.bytes);
    const zip = await exportZip().expect(200);
    expect((zip.body as Buffer).subarray(0, 2).toString('latin1')).toBe('PK');

    expect(await objectStored(removedKey)).toBe(true);
    expect(await p.db.query(`SELECT 1 FROM documents WHERE id = $1`, [removed.id])).toEqual([]);
  });

  it('fails a confirm cleanly when S3 goes down in the middle of it, and the retry after the restart verifies the document', async () => {
    const c = await candidate(p);
    const bytes = Buffer.concat([FILES.pdf('large'), randomBytes(4 * 1024 * 1024)]);
    const req = await api(p).post('/documents').set(c.auth).send({ filename: 'large.pdf', contentType: 'application/pdf', sizeBytes: bytes.length }).expect(201);
    expect((await fetch(req.body.upload.url, { method: 'PUT', headers: req.body.upload.headers, body: bytes })).status).toBe(200);
    const id = req.body.document.id as string;
    const events = await auditCount(p);

    // S3 stops the moment the confirm, after its HEAD, starts reading the upload (s3rver runs in
    // this process: its requests are visible on Node's HTTP diagnostics channel).
    const seen: string[] = [];
    let stopping: Promise<void> | undefined;
    const onRequest = (message: unknown) => {
      const { request: incoming } = message as { request: { method?: string; url?: string } };
      if (!incoming.url?.includes(`/${bucket}/incoming/${c.id}/${id}`)) return;
      seen.push(incoming.method ?? '?');
      if (incoming.method === 'GET') stopping ??= s3.stop();
    };
    subscribe('http.server.request.start', onRequest);
    let res: request.Response;
    const started = Date.now();
    try {
      res = await api(p).post(`/documents/${id}/confirm`).set(c.auth);
    } finally {
      unsubscribe('http.server.request.start', onRequest);
    }
    const ms = Date.now() - started;
    expect(seen.slice(0, 2)).toEqual(['HEAD', 'GET']);
    expect(stopping).toBeDefined();
    await stopping;
    expect({ status: res.status, code: res.body.code, fast: ms < 10_000 }).toEqual({ status: 503, code: 'STORAGE_UNAVAILABLE', fast: true });
    expect(await p.db.query(`SELECT status, sha256 FROM documents WHERE id = $1`, [id])).toEqual([{ status: 'pending', sha256: null }]);
    expect(await auditCount(p)).toBe(events);

    await startS3();
    expect((await api(p).post(`/documents/${id}/confirm`).set(c.auth).expect(200)).body).toMatchObject({ status: 'verified', sha256: sha256(bytes) });
  });

  it('leaves no document row that says it is stored without its object', async () => {
    const rows = await p.db.query<{ id: string; owner_id: string; status: string; storage_key: string }>(`SELECT id, owner_id, status, storage_key FROM documents ORDER BY id`);
    // kept, pending (verified after the restart), after, large; removed is gone.
    expect(rows.map((r) => r.status)).toEqual(['verified', 'verified', 'verified', 'verified']);
    const missing = [];
    for (const r of rows) {
      if (r.status === 'verified' && !(await objectStored(r.storage_key))) missing.push(r);
    }
    expect(missing).toEqual([]);
  });
});

describe('faults: Chromium killed during a render through the API (e2e)', () => {
  let p: TestPlatform;

  beforeAll(async () => {
    p = await startTestPlatform({ env: LONG_SESSIONS });
  });
  afterAll(() => p.close());
  beforeEach(() => p.clock.set(START));

  /**
   * Starts the PDF request, waits until its render has a browser context, freezes the browser's
   * whole process group (so this render cannot finish first) and SIGKILLs the browser's main
   * process, as a crash would.
   */
  async function killDuringRender(renderer: PdfRenderer, send: () => request.Test) {
    const pid = renderer.browserPid();
    if (pid === undefined) throw new Error('no browser running');
    const before = renderer.stats();
    const started = Date.now();
    const pending = send().buffer(true).parse(binary).then((res) => res);
    await eventually(() => (renderer.stats().openContexts > before.openContexts ? true : undefined), 'the render to start', 20_000, 2);
    process.kill(-pid, 'SIGSTOP');
    process.kill(pid, 'SIGKILL');
    const res = await pending;
    return { res, pid, ms: Date.now() - started };
  }

  /** `warm`: a request that renders first, so the browser runs before the kill (by default `send` itself). */
  async function expectCleanFailureAndRecovery(renderer: PdfRenderer, send: () => request.Test, warm: () => request.Test = send) {
    expect(isPdf((await warm().buffer(true).parse(binary).expect(200)).body as Buffer)).toBe(true);
    const { launches, crashes } = renderer.stats();
    const { res, pid, ms } = await killDuringRender(renderer, send);
    expect({ status: res.status, body: JSON.parse((res.body as Buffer).toString('utf8')) as unknown }).toEqual({
      status: 503,
      body: { code: 'PDF_UNAVAILABLE', message: expect.any(String) },
    });
    expect(res.headers['retry-after']).toBe('5');
    expect(ms).toBeLessThan(10_000);
    // The next request renders with a new browser; nothing of the killed one is left.
    const next = await send().buffer(true).parse(binary);
    expect(next.status).toBe(200);
    expect(isPdf(next.body as Buffer)).toBe(true);
    expect(renderer.browserPid()).toEqual(expect.any(Number));
    expect(renderer.browserPid()).not.toBe(pid);
    expect(renderer.stats()).toMatchObject({ launches: launches + 1, crashes: crashes + 1, active: 0, openContexts: 0 });
    await eventually(() => (groupMembers(pid).length === 0 ? true : undefined), `the killed browser's processes (group ${pid}) to be gone`, 10_000);
  }

  it("the candidate's preview PDF: 503 PDF_UNAVAILABLE at once, the next render succeeds, no process of the killed browser remains", async () => {
    // An unchanged draft's preview is served from the cache (ADR 0026): the warm-up previews one
    // draft, the kill hits the first render of another's, which is then rendered again.
    const [warm, draft] = [await readyToSubmit(p, TODAY), await readyToSubmit(p, TODAY)];
    await expectCleanFailureAndRecovery(
      p.candidate.get(PdfHost).renderer,
      () => api(p).get(`/portfolios/${draft.portfolioId}/preview.pdf`).set(draft.c.auth),
      () => api(p).get(`/portfolios/${warm.portfolioId}/preview.pdf`).set(warm.c.auth),
    );
  });

  it("the assessor's portfolio PDF: the same on the other app's renderer", async () => {
    const admin = await person(p, 'admin');
    const a = await person(p, 'assessor', 'Pdf Bureau');
    // A submission's PDF is rendered once and then served from storage (issue 18): the warm-up
    // renders one dossier's, the kill hits the first render of another's, which is then rendered again.
    const [warm, d] = [await submittedDossier(p, TODAY), await submittedDossier(p, TODAY)];
    for (const dossier of [warm, d]) {
      expect((await assign(p, admin, dossier.portfolioId, a)).status).toBe(201);
      await declare(p, a, dossier.portfolioId);
    }
    await expectCleanFailureAndRecovery(
      p.assessor.get(PdfHost).renderer,
      () => office(p).get(`/assessments/${d.portfolioId}/portfolio.pdf`).set(a.auth),
      () => office(p).get(`/assessments/${warm.portfolioId}/portfolio.pdf`).set(a.auth),
    );
  });
});
