import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../persistence/src/data-source-options';
import { createTestDatabase, TestDatabase } from '../../testing/src/test-database';
import { AuditFilter, auditPortfolioId, AuditService } from './audit.service';

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  Plans?: PlanNode[];
}

function nodes(plan: PlanNode): PlanNode[] {
  return [plan, ...(plan.Plans ?? []).flatMap(nodes)];
}

/**
 * The audit trail grows with every candidate: each filter of GET /admin/audit-events must be
 * served by an index (issue 17, ADR 0024). Plans, not timings, are asserted.
 */
describe('audit search: filters served by indexes', () => {
  let db: TestDatabase;
  let ds: DataSource;
  let audit: AuditService;
  const portfolios = Array.from({ length: 200 }, () => randomUUID());
  const people = Array.from({ length: 200 }, () => randomUUID());

  beforeAll(async () => {
    db = await createTestDatabase();
    ds = await new DataSource(dataSourceOptions(db.url)).initialize();
    audit = new AuditService(ds);
    // 12,000 events as the services write them: about a dossier as subject, naming one in data, about an account.
    await ds.query(
      `INSERT INTO audit_events (occurred_at, actor_id, action, subject_type, subject_id, data, portfolio_id)
       SELECT now() - make_interval(mins => 12000 - i), p.person, e.action, e.subject_type, e.subject_id, e.data, e.portfolio_id
         FROM generate_series(1, 12000) i
        CROSS JOIN LATERAL (SELECT ($1::uuid[])[1 + i % 200] AS dossier, ($2::uuid[])[1 + (i * 7) % 200] AS person) p
        CROSS JOIN LATERAL (
          SELECT * FROM (VALUES
            (0, 'portfolio.section_saved', 'portfolio', p.dossier::text, jsonb_build_object('section', 'cv'), p.dossier),
            (1, 'scoring.saved', 'assignment', gen_random_uuid()::text, jsonb_build_object('portfolioId', p.dossier), p.dossier),
            (2, 'auth.login', 'session', gen_random_uuid()::text, '{}'::jsonb, NULL::uuid)
          ) AS v(k, action, subject_type, subject_id, data, portfolio_id) WHERE v.k = i % 3
        ) e`,
      [portfolios, people],
    );
    await ds.query('ANALYZE audit_events');
  });
  afterAll(async () => {
    await ds?.destroy();
    await db?.drop();
  });

  async function plan(filter: AuditFilter): Promise<PlanNode[]> {
    const { sql, params } = audit.searchQuery(filter);
    const rows: Array<{ 'QUERY PLAN': Array<{ Plan: PlanNode }> }> = await ds.query(`EXPLAIN (FORMAT JSON) ${sql}`, params);
    return nodes(rows[0]!['QUERY PLAN'][0]!.Plan);
  }
  const seqScans = (all: PlanNode[]) => all.filter((n) => n['Node Type'] === 'Seq Scan' && n['Relation Name'] === 'audit_events');
  const indexes = (all: PlanNode[]) => all.filter((n) => /Index/.test(n['Node Type'])).map((n) => n['Index Name']);

  it('derives the dossier from the subject, else from data.portfolioId', () => {
    const id = randomUUID();
    expect(auditPortfolioId({ subjectType: 'portfolio', subjectId: id, data: {} })).toBe(id);
    expect(auditPortfolioId({ subjectType: 'assignment', subjectId: randomUUID(), data: { portfolioId: id } })).toBe(id);
    expect(auditPortfolioId({ subjectType: 'account', subjectId: randomUUID(), data: {} })).toBeNull();
    expect(auditPortfolioId({ subjectType: 'portfolio', subjectId: 'not-a-uuid', data: { portfolioId: 42 } })).toBeNull();
  });

  it('by dossier: an index scan on (portfolio_id, id), no sequential scan, and the same events as before', async () => {
    const all = await plan({ portfolioId: portfolios[5]!, limit: 100 });
    expect(seqScans(all)).toEqual([]);
    expect(indexes(all)).toContain('ix_audit_events_portfolio');
    const page = await audit.search({ portfolioId: portfolios[5]!, limit: 1000 });
    // The old filter (subject, or data.portfolioId) finds exactly these events.
    const old: Array<{ id: string }> = await ds.query(
      `SELECT id::text AS id FROM audit_events WHERE (subject_type = 'portfolio' AND subject_id = $1) OR data->>'portfolioId' = $1 ORDER BY audit_events.id DESC`,
      [portfolios[5]],
    );
    expect(page.events.map((e) => e.id)).toEqual(old.map((r) => r.id));
    expect(page.events.length).toBeGreaterThan(20);
  });

  it('by dossier with blind scoring left out, by person, by period and unfiltered: no sequential scan', async () => {
    // One statement (issue 17): the viewer's blind dossiers by the assessor's index, the final
    // joint judgement of a scoring event by the primary key of joint_records, never read whole.
    const blindPlan = await plan({ portfolioId: portfolios[7]!, limit: 100, viewerId: people[1]! });
    expect(indexes(blindPlan)).toEqual(expect.arrayContaining(['ix_audit_events_portfolio', 'ix_assignments_assessor_active', 'pk_joint_records']));
    expect(blindPlan.filter((n) => n['Node Type'] === 'Seq Scan')).toEqual([]);
    const cases: AuditFilter[] = [
      { portfolioId: portfolios[7]!, limit: 100, viewerId: people[1]! },
      { limit: 100, viewerId: people[1]! },
      { personId: people[3]!, limit: 100 },
      { from: new Date(Date.now() - 60 * 60_000), to: new Date(), limit: 100 },
      { personId: people[3]!, portfolioId: portfolios[9]!, from: new Date(Date.now() - 24 * 60 * 60_000), limit: 50 },
      { limit: 100, beforeId: '6000' },
    ];
    for (const filter of cases) {
      const all = await plan(filter);
      expect({ filter, seqScans: seqScans(all) }).toEqual({ filter, seqScans: [] });
      expect(indexes(all).length).toBeGreaterThan(0);
    }
  });

  it('by dossier, as prepared once per connection: the generic plan uses the (portfolio_id, id) index too', async () => {
    // search() prepares the statement when there is no period or person (its plan then does not
    // depend on the values); force the generic plan PostgreSQL may switch to after five runs.
    const runner = ds.createQueryRunner();
    try {
      await runner.query(`SET plan_cache_mode = force_generic_plan`);
      for (const [n, filter] of ([{ portfolioId: portfolios[13]!, limit: 100, viewerId: people[4]! }, { portfolioId: portfolios[13]!, limit: 20, beforeId: '9000', viewerId: people[4]! }] satisfies AuditFilter[]).entries()) {
        const { sql, params } = audit.searchQuery(filter);
        await runner.query(`PREPARE generic_${n} AS ${sql}`);
        const rows: Array<{ 'QUERY PLAN': Array<{ Plan: PlanNode }> }> = await runner.query(`EXPLAIN (FORMAT JSON) EXECUTE generic_${n}(${params.map((v) => `'${String(v as string | number).replace(/'/g, "''")}'`).join(', ')})`);
        const all = nodes(rows[0]!['QUERY PLAN'][0]!.Plan);
        expect({ filter, seqScans: all.filter((x) => x['Node Type'] === 'Seq Scan') }).toEqual({ filter, seqScans: [] });
        expect(indexes(all)).toContain('ix_audit_events_portfolio');
      }
    } finally {
      await runner.release();
    }
  });

  it('answers whether the viewer is blind also with an empty page, and marks no judgement final without one', async () => {
    const empty = await audit.search({ portfolioId: randomUUID(), limit: 10, viewerId: people[2]! });
    expect(empty).toEqual({ blind: false, events: [], nextBefore: null });
    const page = await audit.search({ portfolioId: portfolios[11]!, limit: 5, viewerId: people[2]! });
    expect(page.blind).toBe(false);
    expect(page.events).toHaveLength(5);
    expect(page.nextBefore).toBe(page.events[4]!.id);
    expect(page.events.map((e) => Number(e.id))).toEqual([...page.events.map((e) => Number(e.id))].sort((a, b) => b - a));
    expect(page.events.some((e) => e.action === 'scoring.saved')).toBe(true);
    expect(page.events.every((e) => e.judgementFinal === false)).toBe(true);
    const next = await audit.search({ portfolioId: portfolios[11]!, limit: 5, beforeId: page.nextBefore!, viewerId: people[2]! });
    expect(Number(next.events[0]!.id)).toBeLessThan(Number(page.nextBefore));
  });

  it('record() stores the dossier id with the event', async () => {
    const dossier = randomUUID();
    await audit.record({ actorId: null, action: 'scoring.saved', subjectType: 'assignment', subjectId: randomUUID(), data: { portfolioId: dossier } });
    await audit.record({ actorId: null, action: 'portfolio.created', subjectType: 'portfolio', subjectId: dossier });
    const page = await audit.search({ portfolioId: dossier, limit: 10 });
    expect(page.events.map((e) => [e.action, e.portfolioId])).toEqual([
      ['portfolio.created', dossier],
      ['scoring.saved', dossier],
    ]);
  });
});
