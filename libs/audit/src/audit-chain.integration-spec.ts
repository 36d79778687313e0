import 'reflect-metadata';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../persistence/src/data-source-options';
import { createTestDatabase, TestDatabase } from '../../testing/src/test-database';
import { verifyAuditChain } from './audit-chain';
import { AuditChainer } from './audit-chainer';
import { AuditService } from './audit.service';

describe('audit trail: append-only and hash-chained', () => {
  let db: TestDatabase;
  let ds: DataSource;
  let audit: AuditService;
  /** Not started: each test chains when it means to (chainPending), so what it reads is deterministic. */
  let chainer: AuditChainer;

  beforeAll(async () => {
    db = await createTestDatabase();
    ds = await new DataSource({ ...dataSourceOptions(db.url), extra: { max: 30 } }).initialize();
    audit = new AuditService(ds);
    chainer = new AuditChainer(ds);
  });
  afterAll(async () => {
    await ds.destroy();
    await db.drop();
  });

  const record = (i: number) => audit.record({ actorId: null, action: 'test.event', subjectType: 'test', subjectId: `s-${i}`, data: { i, text: 'Zoë «quote» \u{1F600}', nested: { b: [1, 2], a: null } } });

  it('chains events written concurrently without gaps, in commit order', async () => {
    await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        ds.transaction(async (m) => {
          await audit.record({ actorId: null, action: 'test.concurrent', subjectType: 'test', subjectId: `c-${i}`, data: { i } }, m);
          await m.query('SELECT pg_sleep(0.002)');
          await audit.record({ actorId: null, action: 'test.concurrent', subjectType: 'test', subjectId: `c-${i}-b`, data: { i } }, m);
        }),
      ),
    );
    for (let i = 0; i < 10; i++) await record(i);
    // Written unchained: no position, no hash, until the chainer runs.
    expect(await ds.query(`SELECT count(*)::int AS n FROM audit_events WHERE chain_seq IS NULL AND prev_hash IS NULL AND hash IS NULL`)).toEqual([{ n: 90 }]);
    expect(await verifyAuditChain(ds, 7)).toMatchObject({ ok: true, events: 0, pending: 90, head: null, problems: [] });
    // Several chainers at once (as several instances would run them): one at a time, no gaps.
    const chained = await Promise.all([chainer.chainPending(), new AuditChainer(ds).chainPending(), new AuditChainer(ds).chainPending()]);
    expect(chained.reduce((a, b) => a + b, 0)).toBe(90);
    const report = await verifyAuditChain(ds, 7);
    expect(report).toMatchObject({ ok: true, pending: 0, problems: [] });
    expect(report.events).toBeGreaterThanOrEqual(90);
    const seqs: Array<{ min: string; max: string; n: string }> = await ds.query(`SELECT min(chain_seq)::text AS min, max(chain_seq)::text AS max, count(*)::text AS n FROM audit_events`);
    expect(seqs[0]).toEqual({ min: '1', max: seqs[0]!.n, n: seqs[0]!.n });
    // A rolled-back event leaves no trace in the chain.
    await ds.transaction(async (m) => {
      await audit.record({ actorId: null, action: 'test.rolled_back', subjectType: 'test' }, m);
      throw new Error('roll back');
    }).catch(() => undefined);
    expect(await chainer.chainPending()).toBe(0);
    expect((await verifyAuditChain(ds)).ok).toBe(true);
  });

  it('lets a transaction that writes an event commit while another one that wrote an event is still open', async () => {
    const open = new Client({ connectionString: db.url });
    await open.connect();
    try {
      await open.query('BEGIN');
      await open.query(`INSERT INTO audit_events (action, subject_type, subject_id) VALUES ('test.open', 'test', 'open-1')`);
      // Before ADR 0024 this waited for the open transaction's chain lock (here: failed on lock_timeout).
      await ds.transaction(async (m) => {
        await m.query(`SET LOCAL lock_timeout = '10s'`);
        await audit.record({ actorId: null, action: 'test.committed', subjectType: 'test', subjectId: 'committed-1' }, m);
      });
      // Chained while the other transaction is still open: what is committed is chained, in commit order.
      expect(await chainer.chainPending()).toBe(1);
      await open.query('COMMIT');
    } finally {
      await open.end();
    }
    expect(await chainer.chainPending()).toBe(1);
    const rows: Array<{ subject_id: string; id: string; chain_seq: string }> = await ds.query(
      `SELECT subject_id, id::text AS id, chain_seq::text AS chain_seq FROM audit_events WHERE subject_id IN ('open-1', 'committed-1') ORDER BY chain_seq`,
    );
    expect(rows.map((r) => r.subject_id)).toEqual(['committed-1', 'open-1']);
    expect(BigInt(rows[0]!.id)).toBeGreaterThan(BigInt(rows[1]!.id));
    expect(BigInt(rows[1]!.chain_seq)).toBe(BigInt(rows[0]!.chain_seq) + 1n);
    expect(await verifyAuditChain(ds)).toMatchObject({ ok: true, pending: 0 });
  });

  it('refuses UPDATE, DELETE and TRUNCATE, even as the owner of the table', async () => {
    await record(100);
    await chainer.chainPending();
    await expect(ds.query(`UPDATE audit_events SET action = 'x' WHERE subject_id = 's-100'`)).rejects.toThrow(/append-only/);
    await expect(ds.query(`DELETE FROM audit_events WHERE subject_id = 's-100'`)).rejects.toThrow(/append-only/);
    await expect(ds.query(`TRUNCATE audit_events`)).rejects.toThrow(/append-only/);
    await expect(ds.query(`UPDATE audit_events SET hash = repeat('0', 64) WHERE subject_id = 's-100'`)).rejects.toThrow(/append-only/);
    // Chained once, the chain columns never change again, not even to what the chainer would write.
    await expect(
      ds.query(`UPDATE audit_events SET hash = audit_event_hash(prev_hash, chain_seq, occurred_at, actor_id, action, subject_type, subject_id, request_id, data) WHERE subject_id = 's-100'`),
    ).rejects.toThrow(/append-only/);
    expect((await verifyAuditChain(ds)).ok).toBe(true);
  });

  it('lets an unchained event be chained only once, exactly as the chainer would, and nothing else change', async () => {
    await record(150);
    const [head] = (await ds.query(`SELECT chain_seq::text AS seq, hash FROM audit_events WHERE chain_seq IS NOT NULL ORDER BY chain_seq DESC LIMIT 1`)) as Array<{ seq: string; hash: string }>;
    const next = BigInt(head!.seq) + 1n;
    const right = `audit_event_hash($2::text, $1::bigint, occurred_at, actor_id, action, subject_type, subject_id, request_id, data)`;
    const attempt = (set: string, params: unknown[]) => ds.query(`UPDATE audit_events SET ${set} WHERE subject_id = 's-150'`, params);
    // A gap, a wrong link, a wrong hash, another field changed with it: all refused.
    await expect(attempt(`chain_seq = $1::bigint, prev_hash = $2::text, hash = ${right}`, [String(next + 1n), head!.hash])).rejects.toThrow(/append-only/);
    await expect(attempt(`chain_seq = $1::bigint, prev_hash = $2::text, hash = ${right}`, [String(next), 'f'.repeat(64)])).rejects.toThrow(/append-only/);
    await expect(attempt(`chain_seq = $1::bigint, prev_hash = $2::text, hash = repeat('0', 64)`, [String(next), head!.hash])).rejects.toThrow(/append-only/);
    await expect(attempt(`chain_seq = $1::bigint, prev_hash = $2::text, hash = ${right}, action = 'test.other'`, [String(next), head!.hash])).rejects.toThrow(/append-only/);
    await expect(attempt(`portfolio_id = gen_random_uuid()`, [])).rejects.toThrow(/append-only/);
    // The apps' role may not UPDATE the trail at all; it chains through audit_chain_pending (SECURITY DEFINER).
    const app = new Client({ connectionString: db.appUrl });
    await app.connect();
    try {
      await expect(app.query(`UPDATE audit_events SET chain_seq = $1 WHERE subject_id = 's-150'`, [String(next)])).rejects.toThrow(/permission denied/);
      expect((await app.query(`SELECT audit_chain_pending(10) AS n`)).rows).toEqual([{ n: 1 }]);
    } finally {
      await app.end();
    }
    expect(await ds.query(`SELECT chain_seq::text AS seq, prev_hash FROM audit_events WHERE subject_id = 's-150'`)).toEqual([{ seq: String(next), prev_hash: head!.hash }]);
    expect((await verifyAuditChain(ds)).ok).toBe(true);
  });

  it('reports an event committed moments ago as pending, and one left unchained for longer as a problem', async () => {
    await record(170);
    const [row] = (await ds.query(`SELECT id::text AS id FROM audit_events WHERE subject_id = 's-170'`)) as Array<{ id: string }>;
    expect(await verifyAuditChain(ds)).toMatchObject({ ok: true, pending: 1, problems: [] });
    // With no grace at all, the same unchained event is a problem.
    expect(await verifyAuditChain(ds, 5000, 0)).toMatchObject({ ok: false, pending: 0, problems: [{ id: row!.id, chainSeq: null, problem: 'UNCHAINED' }] });
    await chainer.chainPending();
    expect(await verifyAuditChain(ds, 5000, 0)).toMatchObject({ ok: true, pending: 0, problems: [] });
  });

  it('detects a changed, a removed and a forged event when someone switched the triggers off', async () => {
    for (let i = 200; i < 205; i++) await record(i);
    await chainer.chainPending();
    const id = async (subject: string) => ((await ds.query(`SELECT id::text AS id FROM audit_events WHERE subject_id = $1`, [subject])) as Array<{ id: string }>)[0]!.id;
    await ds.query(`ALTER TABLE audit_events DISABLE TRIGGER USER`);
    try {
      const changed = await id('s-201');
      await ds.query(`UPDATE audit_events SET data = '{"i": 999}' WHERE id = $1`, [changed]);
      let report = await verifyAuditChain(ds);
      expect(report.ok).toBe(false);
      expect(report.problems).toEqual([expect.objectContaining({ id: changed, problem: 'HASH_MISMATCH' })]);

      const removed = await id('s-203');
      await ds.query(`DELETE FROM audit_events WHERE id = $1`, [removed]);
      report = await verifyAuditChain(ds);
      expect(report.problems.map((p) => p.problem)).toEqual(['HASH_MISMATCH', 'SEQUENCE_GAP', 'BROKEN_LINK']);

      // Recomputing the changed event's hash with the database's own function only moves the break to the next link.
      await ds.query(
        `UPDATE audit_events SET hash = audit_event_hash(prev_hash, chain_seq, occurred_at, actor_id, action, subject_type, subject_id, request_id, data) WHERE id = $1`,
        [changed],
      );
      report = await verifyAuditChain(ds);
      expect(report.problems.map((p) => p.problem)).toContain('BROKEN_LINK');
      expect(report.problems.some((p) => p.id === changed)).toBe(false);
    } finally {
      await ds.query(`ALTER TABLE audit_events ENABLE TRIGGER USER`);
    }
  });
});
