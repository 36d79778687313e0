import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../persistence/src/data-source-options';
import { createTestDatabase, TestDatabase } from '../../testing/src/test-database';
import { verifyAuditChain } from './audit-chain';
import { AuditService } from './audit.service';

describe('audit trail: append-only and hash-chained', () => {
  let db: TestDatabase;
  let ds: DataSource;
  let audit: AuditService;

  beforeAll(async () => {
    db = await createTestDatabase();
    ds = await new DataSource({ ...dataSourceOptions(db.url), extra: { max: 30 } }).initialize();
    audit = new AuditService(ds);
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
    const report = await verifyAuditChain(ds, 7);
    expect(report).toMatchObject({ ok: true, problems: [] });
    expect(report.events).toBeGreaterThanOrEqual(90);
    const seqs: Array<{ min: string; max: string; n: string }> = await ds.query(`SELECT min(chain_seq)::text AS min, max(chain_seq)::text AS max, count(*)::text AS n FROM audit_events`);
    expect(seqs[0]).toEqual({ min: '1', max: seqs[0]!.n, n: seqs[0]!.n });
    // A rolled-back event leaves no trace in the chain.
    await ds.transaction(async (m) => {
      await audit.record({ actorId: null, action: 'test.rolled_back', subjectType: 'test' }, m);
      throw new Error('roll back');
    }).catch(() => undefined);
    expect((await verifyAuditChain(ds)).ok).toBe(true);
  });

  it('refuses UPDATE, DELETE and TRUNCATE, even as the owner of the table', async () => {
    await record(100);
    await expect(ds.query(`UPDATE audit_events SET action = 'x' WHERE subject_id = 's-100'`)).rejects.toThrow(/append-only/);
    await expect(ds.query(`DELETE FROM audit_events WHERE subject_id = 's-100'`)).rejects.toThrow(/append-only/);
    await expect(ds.query(`TRUNCATE audit_events`)).rejects.toThrow(/append-only/);
    await expect(ds.query(`UPDATE audit_events SET hash = repeat('0', 64) WHERE subject_id = 's-100'`)).rejects.toThrow(/append-only/);
    expect((await verifyAuditChain(ds)).ok).toBe(true);
  });

  it('detects a changed, a removed and a forged event when someone switched the triggers off', async () => {
    for (let i = 200; i < 205; i++) await record(i);
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
