import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../persistence/src/data-source-options';
import { createTestDatabase, TestDatabase } from '../../testing/src/test-database';
import { verifyAuditChain } from './audit-chain';
import { AuditChainer } from './audit-chainer';
import { auditInsert } from './audit-insert';
import { AuditService, type AuditRecord } from './audit.service';

/**
 * `auditInsert` writes exactly the row `AuditService.record` writes (a save puts it in its one
 * statement, ADR 0025), and the AuditChainer chains such events after `nudge()`, coalesced: at most
 * one pass per interval however many commits nudge it (ADR 0024).
 */
describe('audit events written with SQL, and the coalesced chainer', () => {
  let db: TestDatabase;
  let ds: DataSource;
  let audit: AuditService;

  beforeAll(async () => {
    db = await createTestDatabase();
    ds = await new DataSource({ ...dataSourceOptions(db.url), extra: { max: 10 } }).initialize();
    audit = new AuditService(ds);
  });
  afterAll(async () => {
    await ds.destroy();
    await db.drop();
  });

  const columns = `"actor_id"::text AS actor, "action", "subject_type", "subject_id", "request_id", "data", "portfolio_id"::text AS portfolio, "chain_seq", "hash"`;

  it('inserts the same columns and values as AuditService.record, portfolio_id by the same rule', async () => {
    const portfolioId = '6f1c2a7e-2b7c-4d0e-9a51-0c3f5e8d9b12';
    const events: AuditRecord[] = [
      { actorId: '0b8f4a52-7d0c-4f5e-8f6a-2a9c1e3b5d70', action: 'portfolio.section_saved', subjectType: 'portfolio', subjectId: portfolioId, requestId: 'req-1', data: { section: 'education', version: 3 } },
      { actorId: null, action: 'scoring.saved', subjectType: 'assignment', subjectId: 'a-1', data: { portfolioId, text: 'Zoë «quote» \u{1F600}', nested: { b: [1, 2], a: null } } },
      { actorId: null, action: 'test.bare', subjectType: 'test' },
      { actorId: null, action: 'test.not-a-uuid', subjectType: 'portfolio', subjectId: 'not-a-uuid', data: { portfolioId: 'neither' } },
    ];
    for (const [i, event] of events.entries()) {
      await audit.record(event);
      const sql = auditInsert(event, 2);
      // $1 is the caller's own parameter: the helper's start after it, as in a save's statement.
      await ds.query(`WITH own AS (SELECT $1::int AS i) INSERT INTO "audit_events" (${sql.columns}) SELECT ${sql.values} FROM own`, [i, ...sql.params]);
      const rows: unknown[] = await ds.query(`SELECT ${columns} FROM "audit_events" WHERE "action" = $1 ORDER BY "id"`, [event.action]);
      expect(rows).toHaveLength(2);
      expect(rows[1]).toEqual(rows[0]);
    }
    const [first] = (await ds.query(`SELECT "portfolio_id"::text AS portfolio FROM "audit_events" WHERE "action" = 'scoring.saved' LIMIT 1`)) as Array<{ portfolio: string }>;
    expect(first!.portfolio).toBe(portfolioId);
  });

  it('chains an event written outside a TypeORM transaction after nudge(), one pass per interval for many nudges', async () => {
    await new AuditChainer(ds).chainPending();
    const chainer = new AuditChainer(ds);
    const passes: number[] = [];
    const query = ds.query.bind(ds);
    const spy = jest.spyOn(ds, 'query').mockImplementation((sql: string, params?: Parameters<DataSource['query']>[1]) => {
      if (/audit_chain_pending/.test(sql)) passes.push(Date.now());
      return query(sql, params);
    });
    // No sweep during the test; after-commit passes at most every 300 ms.
    chainer.start(3_600_000, 300);
    try {
      const unchained = async () => ((await query(`SELECT count(*)::int AS n FROM "audit_events" WHERE "chain_seq" IS NULL`)) as Array<{ n: number }>)[0]!.n;
      const waitChained = async () => {
        const deadline = Date.now() + 5_000;
        while ((await unchained()) > 0) {
          if (Date.now() > deadline) throw new Error('not chained');
          await new Promise((r) => setTimeout(r, 10));
        }
      };
      await waitChained(); // start() chains once
      const write = async (i: number, nudge = true) => {
        const sql = auditInsert({ actorId: null, action: 'test.nudged', subjectType: 'test', subjectId: `n-${i}` }, 1);
        await query(`INSERT INTO "audit_events" (${sql.columns}) VALUES (${sql.values})`, sql.params);
        if (nudge) chainer.nudge();
      };
      // Without a nudge nothing chains it (no sweep, no subscriber sees it): the nudge is what does.
      await write(0, false);
      await new Promise((r) => setTimeout(r, 400));
      passes.length = 0;
      expect(await unchained()).toBe(1);
      chainer.nudge();
      await waitChained();
      expect(passes).toHaveLength(1);
      // A burst of 20 commits, each nudging: chained within the interval (plus a pass), in at most two passes.
      passes.length = 0;
      const start = Date.now();
      for (let i = 1; i <= 20; i++) await write(i);
      await waitChained();
      expect(Date.now() - start).toBeLessThan(2_000);
      expect(passes.length).toBeGreaterThanOrEqual(1);
      expect(passes.length).toBeLessThanOrEqual(2);
      for (let i = 1; i < passes.length; i++) expect(passes[i]! - passes[i - 1]!).toBeGreaterThanOrEqual(290);
      // chainPending() is not coalesced: it chains at once.
      await query(`INSERT INTO "audit_events" ("action", "subject_type") VALUES ('test.direct', 'test')`);
      // (A coalesced pass still scheduled from the burst may take it first: then this one finds none.)
      expect(await chainer.chainPending()).toBeLessThanOrEqual(1);
      const direct: Array<{ chained: boolean }> = await query(`SELECT "chain_seq" IS NOT NULL AS chained FROM "audit_events" WHERE "action" = 'test.direct'`);
      expect(direct).toEqual([{ chained: true }]);
    } finally {
      await chainer.stop();
      spy.mockRestore();
    }
    expect(await verifyAuditChain(ds, 5000, 0)).toMatchObject({ ok: true, pending: 0, problems: [] });
  });
});
