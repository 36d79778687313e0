import pg from 'pg';
import { DataSource } from 'typeorm';
import request from 'supertest';
import { currentRulebook } from '@rlp/rulebook';
import { startTestPlatform, TestPlatform } from '@rlp/testing';
import { person, type Person } from './support/assessment-journey';

/**
 * Issue 17, ADR 0027: the lists that grow with the number of candidates are paged and served by
 * indexes. 10,000 candidates with portfolios in every stage, their assignments, scorings,
 * decisions and register entries are seeded with SQL that matches what the services write; then
 * the SQL each list route really runs (captured from the pg client during a real HTTP request) is
 * EXPLAINed. No plan may read a table that grows with the candidates from start to end (Seq Scan).
 * Plans, not timings. The paging itself: pages disjoint, complete, stable under inserts.
 */
jest.setTimeout(180_000);

const CANDIDATES = 10_000;
const ASSESSORS = 20;
/** Tables whose size follows the number of candidates (or their sessions and documents). */
const GROWING = ['users', 'portfolios', 'portfolio_sections', 'assignments', 'scorings', 'decisions', 'register_entries', 'sessions', 'documents', 'credentials', 'credential_revocations', 'section_revisions', 'audit_events', 'regulation_acceptances'];
const TODAY = '2026-12-01';

let p: TestPlatform;
let admin: Person;
let busy: Person; // an assessor with a large share of the pool's dossiers

// Every stage, and a register that has grown over the years (five in twelve decided and certified).
const STATUSES = ['draft', 'draft', 'submitted', 'in_assessment', 'judged', 'interview_planned', 'interview_held', 'decided', 'decided', 'decided', 'decided', 'decided'] as const;

beforeAll(async () => {
  p = await startTestPlatform({ now: new Date(`${TODAY}T09:00:00Z`) });
  admin = await person(p, 'admin');
  busy = await person(p, 'assessor', 'Bureau Loopbaan', 'Drukke Assessor');
  const q = (sql: string, params: unknown[] = []) => p.db.query(sql, params);
  await q(
    `INSERT INTO users (email, password_hash, role, display_name, organisation, created_at, updated_at)
     SELECT 'pool-' || i || '@test.rlp.local', 'x', 'assessor', 'Assessor ' || i, 'Pool ' || i, now(), now() FROM generate_series(1, $1) i`,
    [ASSESSORS],
  );
  // Names like the register shows them: first name, surname, and a number that keeps them apart.
  await q(
    `INSERT INTO users (email, password_hash, role, display_name, created_at, updated_at)
     SELECT 'cand-' || i || '@test.rlp.local', 'x', 'candidate',
            (ARRAY['Sanne','Bram','Fatima','Daan','Lotte','Mehmet','Eva','Joris','Noor','Pieter'])[1 + i % 10] || ' ' ||
            (ARRAY['de Vries','Jansen','Bakker','Visser','Smit','Meijer','de Boer','Mulder','de Groot','Bos','Vos','Peters','Hendriks','van Leeuwen','Dekker','Brouwer','de Wit','Dijkstra','Smits','de Graaf'])[1 + (i / 10) % 20] || ' ' || i,
            now(), now()
       FROM generate_series(1, $1) i`,
    [CANDIDATES],
  );
  // One portfolio per candidate, in every stage; submitted ones over the last ~400 days.
  await q(
    `INSERT INTO portfolios (candidate_id, status, rulebook_version, created_at, updated_at, submitted_at)
     SELECT u.id, s.status, $2, now(), now(), CASE WHEN s.status = 'draft' THEN NULL ELSE timestamptz '2026-11-30T00:00:00Z' - (n * interval '57 minutes') END
       FROM (SELECT id, row_number() OVER (ORDER BY email) AS n FROM users WHERE role = 'candidate' AND email LIKE 'cand-%') u
       CROSS JOIN LATERAL (SELECT ($1::text[])[1 + (u.n % array_length($1::text[], 1))] AS status) s`,
    [STATUSES, currentRulebook.id],
  );
  // Two active assessors on every dossier past 'submitted'; the busy assessor on every third one.
  await q(
    `WITH d AS (SELECT p.id, p.status, p.submitted_at, row_number() OVER (ORDER BY p.id) AS n FROM portfolios p WHERE p.status NOT IN ('draft', 'submitted')),
          pool AS (SELECT id, row_number() OVER (ORDER BY email) - 1 AS k FROM users WHERE email LIKE 'pool-%')
     INSERT INTO assignments (portfolio_id, assessor_id, status, assigned_at, assigned_by, independence_declared_at)
     SELECT d.id, CASE WHEN slot = 1 AND d.n % 3 = 0 THEN $1::uuid ELSE (SELECT id FROM pool WHERE k = (d.n + slot) % $2) END, 'active',
            d.submitted_at + slot * interval '1 hour', $3::uuid, d.submitted_at + interval '1 day'
       FROM d CROSS JOIN generate_series(1, 2) slot`,
    [busy.id, ASSESSORS, admin.id],
  );
  await q(
    `INSERT INTO scorings (assignment_id, portfolio_id, assessor_id, scores, version, updated_at, started_at, submitted_at)
     SELECT a.id, a.portfolio_id, a.assessor_id, '{}', 1, a.assigned_at, a.assigned_at + interval '2 days', CASE WHEN p.status <> 'in_assessment' THEN a.assigned_at + interval '9 days' END
       FROM assignments a JOIN portfolios p ON p.id = a.portfolio_id`,
  );
  // Decided: a decision, and for certified ones a register entry valid for five years.
  await q(
    `INSERT INTO decisions (portfolio_id, candidate_id, outcome, decided_by, decided_at)
     SELECT id, candidate_id, 'certified', $1, submitted_at + interval '40 days' FROM portfolios WHERE status = 'decided'`,
    [admin.id],
  );
  await q(
    `INSERT INTO register_entries (certificate_number, candidate_id, portfolio_id, decision_id, holder_name, starts_on, valid_until, created_at)
     SELECT 'RLP-2026-' || lpad((row_number() OVER (ORDER BY d.id))::text, 5, '0'), d.candidate_id, d.portfolio_id, d.id, u.display_name, date '2026-01-01', date '2031-01-01', now()
       FROM decisions d JOIN users u ON u.id = d.candidate_id`,
  );
  // Each certified candidate has a credential; one in fifty was revoked.
  await q(
    `INSERT INTO credentials (register_entry_id, status_index, jwt, issued_at)
     SELECT id, (row_number() OVER (ORDER BY id))::int, 'x.y.z', created_at FROM register_entries`,
  );
  await q(
    `INSERT INTO credential_revocations (credential_id, reason, revoked_by, revoked_at)
     SELECT id, 'test', $1, now() FROM credentials WHERE status_index % 50 = 0`,
    [admin.id],
  );
  // The gedragscode moved to version 2 last month. Every candidate accepted version 1 on their
  // portfolio; of the drafts, two in three have accepted version 2 since and one in three must still
  // renew. (Other portfolios' declarations sections hold version 1, as they were submitted.)
  await q(
    `INSERT INTO regulation_versions (type, version, title, body, status, effective_from, published_at, created_at, updated_at)
     SELECT type, 2, title, body || E'\\nArtikel 99.', 'published', date '2026-11-01', now(), now(), now() FROM regulation_versions WHERE type = 'gedragscode' AND version = 1`,
  );
  await q(
    `INSERT INTO regulation_acceptances (user_id, portfolio_id, regulation_version_id, accepted_at)
     SELECT p.candidate_id, p.id, v.id, timestamptz '2025-01-01T00:00:00Z' + (row_number() OVER (ORDER BY p.id)) * interval '37 minutes'
       FROM portfolios p CROSS JOIN regulation_versions v WHERE v.type = 'gedragscode' AND v.version = 1`,
  );
  await q(
    `INSERT INTO portfolio_sections (portfolio_id, section, content, version, document_ids, updated_at)
     SELECT p.id, 'declarations',
            jsonb_build_object('gedragscode', jsonb_build_object('accepted', true, 'version', CASE WHEN p.status = 'draft' AND n % 3 <> 0 THEN 2 ELSE 1 END, 'acceptedAt', '2026-01-01')),
            1, '{}', now()
       FROM (SELECT id, status, row_number() OVER (ORDER BY id) AS n FROM portfolios) p`,
  );
  // Everyone signs in now and then: a session or two per account.
  await q(
    `INSERT INTO sessions (user_id, token_hash, last_seen_at, expires_at)
     SELECT u.id, encode(sha256((u.id::text || k)::bytea), 'hex'), now(), now() + interval '1 hour' FROM users u CROSS JOIN generate_series(1, 2) k`,
  );
  await q(`VACUUM ANALYZE`);
});

afterAll(async () => {
  await p?.close();
});

type Plan = { 'Node Type': string; 'Relation Name'?: string; Plans?: Plan[] };

function scans(plan: Plan): Array<{ node: string; relation: string }> {
  const own = plan['Relation Name'] ? [{ node: plan['Node Type'], relation: plan['Relation Name'] }] : [];
  return [...own, ...(plan.Plans ?? []).flatMap(scans)];
}

/** The plan as an indented outline: node, relation, index. */
function shape(plan: Plan & { 'Index Name'?: string }, depth = 0): string {
  const line = `${'  '.repeat(depth)}${plan['Node Type']}${plan['Relation Name'] ? ` on ${plan['Relation Name']}` : ''}${plan['Index Name'] ? ` using ${plan['Index Name']}` : ''}`;
  return [line, ...(plan.Plans ?? []).map((c) => shape(c, depth + 1))].join('\n');
}

/** Every statement the app's pg clients send while `run` runs (text and parameters). */
async function captured(run: () => Promise<unknown>): Promise<Array<{ text: string; values: unknown[] }>> {
  const seen: Array<{ text: string; values: unknown[] }> = [];
  const original = pg.Client.prototype.query as (...args: unknown[]) => unknown;
  const spy = jest.spyOn(pg.Client.prototype, 'query').mockImplementation(function (this: pg.Client, ...args: unknown[]) {
    const [first, second] = args;
    if (typeof first === 'string') seen.push({ text: first, values: Array.isArray(second) ? (second as unknown[]) : [] });
    else if (first && typeof first === 'object' && 'text' in first) seen.push({ text: String((first as { text: string }).text), values: ((first as { values?: unknown[] }).values ?? []) as unknown[] });
    return original.apply(this, args) as never;
  } as never);
  try {
    await run();
  } finally {
    spy.mockRestore();
  }
  return seen;
}

/** The reads among the statements, each EXPLAINed with its own parameters. */
async function plansOf(statements: Array<{ text: string; values: unknown[] }>): Promise<Array<{ sql: string; scans: Array<{ node: string; relation: string }>; shape: string }>> {
  const reads = statements.filter((s) => /^\s*(SELECT|WITH)\b/i.test(s.text));
  const out = [];
  for (const s of reads) {
    const [row] = await p.db.query<{ 'QUERY PLAN': Array<{ Plan: Plan }> }>(`EXPLAIN (FORMAT JSON) ${s.text}`, s.values);
    const plan = row!['QUERY PLAN'][0]!.Plan;
    out.push({ sql: s.text.replace(/\s+/g, ' '), scans: scans(plan), shape: shape(plan) });
  }
  return out;
}

function expectNoSeqScanOnGrowingTables(plans: Array<{ sql: string; scans: Array<{ node: string; relation: string }>; shape: string }>): void {
  // On failure: the table, the statement, and the plan's shape to see why.
  const bad = plans.flatMap((pl) => pl.scans.filter((s) => s.node === 'Seq Scan' && GROWING.includes(s.relation)).map((s) => `${s.relation} in: ${pl.sql.slice(0, 300)}\n${pl.shape}`));
  expect(bad).toEqual([]);
}

const office = () => request(p.assessor.getHttpServer());
const publicApi = () => request(p.candidate.getHttpServer());

describe('list plans at 10,000 candidates', () => {
  it('seeded what the lists read', async () => {
    const [counts] = await p.db.query<{ portfolios: number; assignments: number; mine: number; register: number }>(
      `SELECT (SELECT count(*)::int FROM portfolios) AS portfolios, (SELECT count(*)::int FROM assignments) AS assignments,
              (SELECT count(*)::int FROM assignments WHERE assessor_id = $1) AS mine, (SELECT count(*)::int FROM register_entries) AS register`,
      [busy.id],
    );
    expect(counts!.portfolios).toBe(CANDIDATES);
    expect(counts!.mine).toBeGreaterThan(1000);
    // 1..10,000 over twelve stages, five of them decided: 833 full rounds of five.
    expect(counts!.register).toBe(4165);
  });

  it.each([
    ['the office list', '/admin/dossiers'],
    ['the office list, a later page', 'CURSOR'],
    ['one stage', '/admin/dossiers?stage=waiting&limit=50'],
    ['one status', '/admin/dossiers?status=interview_held'],
    ['waiting for assessors', '/admin/dossiers?waiting=true'],
  ])('%s uses indexes only (%s)', async (_name, path) => {
    let url = path;
    if (path === 'CURSOR') {
      const first = await office().get('/admin/dossiers?limit=200').set(admin.auth).expect(200);
      url = `/admin/dossiers?limit=200&cursor=${encodeURIComponent(first.body.nextCursor as string)}`;
    }
    const statements = await captured(() => office().get(url).set(admin.auth).expect(200));
    const all = await plansOf(statements);
    expect(all.some((pl) => /FROM portfolios p JOIN users u/.test(pl.sql))).toBe(true);
    // The count per stage (first page only) is an aggregate over every submitted dossier, not a
    // list: it reads them all by nature (ADR 0027). Every other statement must use indexes.
    const counts = all.filter((pl) => /AS stage, count\(\*\)/.test(pl.sql));
    expect(counts).toHaveLength(path.includes('cursor') || path === 'CURSOR' ? 0 : 1);
    expectNoSeqScanOnGrowingTables(all.filter((pl) => !counts.includes(pl)));
  });

  it("an assessor's own dossiers use indexes only, first and later pages", async () => {
    const first = await office().get('/assessments?limit=100').set(busy.auth).expect(200);
    for (const url of ['/assessments', `/assessments?limit=100&cursor=${encodeURIComponent(first.body.nextCursor as string)}`]) {
      const plans = await plansOf(await captured(() => office().get(url).set(busy.auth).expect(200)));
      expect(plans.length).toBeGreaterThan(0);
      expect(plans.some((pl) => /FROM assignments a JOIN portfolios p/.test(pl.sql))).toBe(true);
      expectNoSeqScanOnGrowingTables(plans);
    }
  });

  it('the register search uses the trigram index, by name and by certificate number', async () => {
    // What people type: a name with a part that narrows it, a rarer surname, a certificate number.
    // (A fragment found in a large share of the register, such as 'Jan', may rightly be read by a
    // Seq Scan: then most rows qualify and only the first 21 are returned; ADR 0027.)
    for (const q of ['Visser 1234', 'Dekker 51', 'rlp-2026-00042']) {
      const statements = await captured(() => publicApi().get(`/register?q=${encodeURIComponent(q)}`).expect(200));
      const plans = (await plansOf(statements)).map((pl) => ({ ...pl, sql: `[q=${q}] ${pl.sql}` }));
      const register = plans.filter((pl) => pl.scans.some((s) => s.relation === 'register_entries'));
      expect(register).toHaveLength(1);
      expect(register[0]!.shape).toMatch(/ix_register_entries_holder_trgm|uq_register_entries_number/);
      expectNoSeqScanOnGrowingTables(plans);
    }
    // The lookup is a prepared statement (libs/platform/src/prepared.ts): after five runs PostgreSQL
    // may keep one plan for every search, so the plan made without the values must use the indexes too.
    const statements = await captured(() => publicApi().get('/register?q=Visser').expect(200));
    const lookup = statements.find((s) => /register_entries/.test(s.text));
    expect(lookup).toBeDefined();
    const runner = p.candidate.get(DataSource).createQueryRunner();
    let row: { 'QUERY PLAN': Array<{ Plan: Plan }> } | undefined;
    try {
      await runner.query(`SET plan_cache_mode = force_generic_plan`);
      await runner.query(`PREPARE register_generic AS ${lookup!.text}`);
      const literal = (v: unknown) => `'${(v instanceof Date ? v.toISOString() : String(v)).replace(/'/g, "''")}'`;
      [row] = (await runner.query(`EXPLAIN (FORMAT JSON) EXECUTE register_generic(${lookup!.values.map(literal).join(', ')})`)) as Array<{ 'QUERY PLAN': Array<{ Plan: Plan }> }>;
    } finally {
      // Only our own: the app's prepared statements on this pooled connection must stay.
      await runner.query(`DEALLOCATE register_generic`).catch(() => undefined);
      await runner.query(`RESET plan_cache_mode`).catch(() => undefined);
      await runner.release();
    }
    const generic = row!['QUERY PLAN'][0]!.Plan;
    expect(shape(generic)).toMatch(/ix_register_entries_holder_trgm/);
    expectNoSeqScanOnGrowingTables([{ sql: `[generic] ${lookup!.text}`, scans: scans(generic), shape: shape(generic) }]);
    const found = await publicApi().get('/register?q=RLP-2026-00042').expect(200);
    expect(found.body.entries).toHaveLength(1);
  });

  it('pages the office list: disjoint, complete, in order, and stable while dossiers are added', async () => {
    const [expected] = await p.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM portfolios WHERE status <> 'draft'`);
    const seen: string[] = [];
    const order: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    let added: string | null = null;
    do {
      const res: request.Response = await office()
        .get(`/admin/dossiers?limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`)
        .set(admin.auth)
        .expect(200);
      const body = res.body as { dossiers: Array<{ portfolioId: string; submittedAt: string }>; nextCursor: string | null; stageCounts: Record<string, number> | null };
      expect(body.dossiers.length).toBeLessThanOrEqual(200);
      if (pages === 0) {
        expect(Object.values(body.stageCounts!).reduce((a, b) => a + b, 0)).toBe(expected!.n);
        // A dossier submitted now (sorts last) and one back-dated before the first page (already passed).
        const c1 = await p.account('candidate');
        const c2 = await p.account('candidate');
        const [row] = await p.db.query<{ id: string }>(
          `INSERT INTO portfolios (candidate_id, status, rulebook_version, created_at, updated_at, submitted_at) VALUES ($1, 'submitted', $3, now(), now(), '2026-12-01T08:00:00Z'), ($2, 'submitted', $3, now(), now(), '2020-01-01T00:00:00Z') RETURNING id`,
          [c1.id, c2.id, currentRulebook.id],
        );
        added = row!.id;
      } else {
        expect(body.stageCounts).toBeNull();
      }
      seen.push(...body.dossiers.map((d) => d.portfolioId));
      order.push(...body.dossiers.map((d) => d.submittedAt));
      cursor = body.nextCursor;
      pages++;
    } while (cursor !== null && pages < 100);
    expect(new Set(seen).size).toBe(seen.length);
    // Every dossier there was at the start, plus the one added after the cursor; not the back-dated one.
    expect(seen).toHaveLength(expected!.n + 1);
    expect(seen[seen.length - 1]).toBe(added);
    expect([...order].sort()).toEqual(order);
  });

  it("pages an assessor's dossiers: disjoint and complete, with a filter and limits validated", async () => {
    const [expected] = await p.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM assignments WHERE assessor_id = $1 AND status = 'active'`, [busy.id]);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res: request.Response = await office()
        .get(`/assessments?limit=137${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`)
        .set(busy.auth)
        .expect(200);
      seen.push(...(res.body.dossiers as Array<{ portfolioId: string }>).map((d) => d.portfolioId));
      cursor = res.body.nextCursor as string | null;
    } while (cursor !== null);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toHaveLength(expected!.n);

    const waiting = await office().get('/admin/dossiers?stage=decision&limit=20').set(admin.auth).expect(200);
    expect((waiting.body.dossiers as Array<{ status: string }>).every((d) => d.status === 'interview_held')).toBe(true);
    expect(waiting.body.dossiers).toHaveLength(20);

    for (const bad of ['limit=0', 'limit=201', 'limit=x', 'stage=elsewhere']) {
      const res = await office().get(`/admin/dossiers?${bad}`).set(admin.auth).expect(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
    }
    for (const bad of ['limit=0', 'limit=201', 'limit=x']) {
      for (const list of ['acceptances', 'renewals']) {
        const res = await office().get(`/admin/regulations/gedragscode/versions/1/${list}?${bad}`).set(admin.auth).expect(400);
        expect(res.body.code).toBe('VALIDATION_FAILED');
      }
    }
    for (const cursor of ['nonsense', Buffer.from('["2026-01-01T00:00:00.000000Z","not-a-uuid"]').toString('base64url'), Buffer.from('{"a":1}').toString('base64url')]) {
      for (const path of ['/admin/dossiers', '/assessments', '/admin/regulations/gedragscode/versions/1/acceptances', '/admin/regulations/gedragscode/versions/1/renewals']) {
        const res = await office().get(`${path}?cursor=${cursor}`).set(admin.auth).expect(400);
        expect(res.body).toMatchObject({ code: 'INVALID_CURSOR', details: { field: 'cursor' } });
      }
    }
  });
  it("a regulation version's acceptances and the drafts that must renew use indexes only, first and later pages", async () => {
    for (const list of ['acceptances', 'renewals'] as const) {
      const base = `/admin/regulations/gedragscode/versions/1/${list}`;
      const first = await office().get(`${base}?limit=100`).set(admin.auth).expect(200);
      expect(first.body.nextCursor).toEqual(expect.any(String));
      for (const url of [`${base}?limit=100`, `${base}?limit=100&cursor=${encodeURIComponent(first.body.nextCursor as string)}`]) {
        const plans = await plansOf(await captured(() => office().get(url).set(admin.auth).expect(200)));
        expect(plans.some((pl) => (list === 'acceptances' ? /FROM "regulation_acceptances" a/ : /FROM "portfolio_sections" s/).test(pl.sql))).toBe(true);
        expectNoSeqScanOnGrowingTables(plans);
      }
    }
  });

  it("pages a regulation version's acceptances and the drafts that must renew: disjoint, complete, in order", async () => {
    const [expected] = await p.db.query<{ accepted: number; renew: number }>(
      `SELECT (SELECT count(*)::int FROM regulation_acceptances a JOIN regulation_versions v ON v.id = a.regulation_version_id WHERE v.type = 'gedragscode' AND v.version = 1) AS accepted,
              (SELECT count(*)::int FROM portfolio_sections s JOIN portfolios p ON p.id = s.portfolio_id
                WHERE s.section = 'declarations' AND p.status = 'draft' AND s.content -> 'gedragscode' ->> 'version' = '1') AS renew`,
    );
    expect(expected!.accepted).toBe(CANDIDATES);
    expect(expected!.renew).toBeGreaterThan(200);
    const pageThrough = async (list: 'acceptances' | 'renewals', key: (row: Record<string, string>) => string, sortKey: (row: Record<string, string>) => string) => {
      const seen: string[] = [];
      const order: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const res = await office()
          .get(`/admin/regulations/gedragscode/versions/1/${list}?limit=173${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`)
          .set(admin.auth)
          .expect(200);
        const rows = (list === 'acceptances' ? res.body.acceptedBy : res.body.draftsNeedingRenewal) as Array<Record<string, string>>;
        expect(rows.length).toBeLessThanOrEqual(173);
        seen.push(...rows.map(key));
        order.push(...rows.map(sortKey));
        cursor = res.body.nextCursor as string | null;
        pages += 1;
      } while (cursor !== null);
      return { seen, order, pages };
    };
    const accepted = await pageThrough('acceptances', (r) => `${r['portfolioId']}`, (r) => r['acceptedAt']!);
    expect(new Set(accepted.seen).size).toBe(accepted.seen.length);
    expect(accepted.seen).toHaveLength(expected!.accepted);
    expect(accepted.pages).toBe(Math.ceil(expected!.accepted / 173));
    expect([...accepted.order].sort()).toEqual(accepted.order);

    const renew = await pageThrough('renewals', (r) => r['portfolioId']!, (r) => r['portfolioId']!);
    expect(new Set(renew.seen).size).toBe(renew.seen.length);
    expect(renew.seen).toHaveLength(expected!.renew);
    const drafts = await p.db.query<{ id: string }>(
      `SELECT p.id FROM portfolios p JOIN portfolio_sections s ON s.portfolio_id = p.id AND s.section = 'declarations'
        WHERE p.status = 'draft' AND s.content -> 'gedragscode' ->> 'version' = '1' ORDER BY p.created_at, p.id`,
    );
    expect(renew.seen).toEqual(drafts.map((d) => d.id));
    // Version 2 is current: nobody has to renew it.
    const current = await office().get('/admin/regulations/gedragscode/versions/2/renewals').set(admin.auth).expect(200);
    expect(current.body).toMatchObject({ currentVersion: 2, draftsNeedingRenewal: [], nextCursor: null });
  });
});
