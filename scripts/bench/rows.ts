/**
 * The rows of `npm run bench`, one function each. Every HTTP row runs the platform route and its
 * bare baseline (bare.ts) in alternating slices after a warm-up (load.ts), and first checks that
 * both answer 2xx with the same number of items, so the two do the same work.
 */
import { createHash } from 'node:crypto';
import http from 'node:http';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Pool, PoolClient } from 'pg';
import { DataSource } from 'typeorm';
import { compare, send, type LoadPlan, type Target } from './load';
import { describeGoal, meets, ratio, round, type Goal, type RowResult, type Summary } from './report';
import type { BareServer } from './bare';
import { benchToken } from './seed';

export interface Side {
  platform: { assessorUrl: string; candidateUrl: string | null; candidate: NestExpressApplication | null };
  bare: BareServer;
  candidates: number;
  assessors: number;
}

export interface RowContext {
  big: Side;
  small: Side | null;
  plan: LoadPlan;
  /** Concurrency for the throughput row (section saves). */
  saveConcurrency: number;
  log: (line: string) => void;
}

/** The id the seed derives from a label: its md5 as a version-4 uuid (seed.ts). */
export function seededId(label: string): string {
  const md5 = createHash('md5').update(label).digest('hex');
  const h = `${md5.slice(0, 12)}4${md5.slice(13, 16)}8${md5.slice(17)}`;
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const ms = (n: number) => `${round(n, 1)} ms`;

/**
 * Items in a list answer of either shape: an array, or a page such as `{ items, nextCursor }`,
 * `{ dossiers, nextCursor }`, `{ events, nextBefore }`, `{ entries, more }` (its first array).
 */
export function itemCount(body: unknown): number | null {
  if (Array.isArray(body)) return body.length;
  if (typeof body === 'object' && body !== null) {
    const list = Object.values(body as Record<string, unknown>).find(Array.isArray);
    if (list) return list.length;
  }
  return null;
}

async function probe(target: Target): Promise<{ status: number; items: number | null; bytes: number }> {
  const agent = new http.Agent({ keepAlive: false });
  try {
    const res = await send(agent, target);
    let body: unknown = null;
    try {
      body = JSON.parse(res.body.toString('utf8'));
    } catch {
      body = null;
    }
    if (res.status < 200 || res.status >= 300) throw new Error(`${target.method ?? 'GET'} ${target.url} answered ${res.status}: ${res.body.toString('utf8').slice(0, 300)}`);
    return { status: res.status, items: itemCount(body), bytes: res.body.length };
  } finally {
    agent.destroy();
  }
}

function latencyRow(id: string, what: string, percentileKey: 'p95' | 'p99', goal: Goal, platform: Summary, bare: Summary, details: Record<string, unknown>): RowResult {
  const value = ratio(platform[percentileKey], bare[percentileKey]);
  const errors = platform.errors + bare.errors;
  return {
    id,
    what,
    platform: `${percentileKey} ${ms(platform[percentileKey])}`,
    bare: `${percentileKey} ${ms(bare[percentileKey])}`,
    value,
    unit: '×',
    goal: describeGoal(goal, '×'),
    met: errors > 0 ? false : meets(goal, value),
    status: 'ok',
    details: { platform, bare, ...details, ...(errors > 0 ? { warning: `${errors} answers were not 2xx` } : {}) },
  };
}

/** Both sides must return the same number of items, or the comparison is not fair. */
function sameWork(platform: { items: number | null; bytes: number }, bare: { items: number | null; bytes: number }): Record<string, unknown> {
  const out: Record<string, unknown> = { items: { platform: platform.items, bare: bare.items }, bytes: { platform: platform.bytes, bare: bare.bytes } };
  if (platform.items !== bare.items) out['warning'] = `the platform returned ${platform.items} items, the baseline ${bare.items}`;
  return out;
}

// ---------------------------------------------------------------------------------------------

/** GET /admin/dossiers p95 on 10,000 candidates vs on 100 (the platform against itself). */
export async function dossiersRow(ctx: RowContext): Promise<RowResult> {
  const goal: Goal = { kind: 'ratio-max', limit: 2 };
  if (!ctx.small) throw new Error('the 100-candidate dataset is missing');
  const target = (side: Side): Target => ({ url: `${side.platform.assessorUrl}/admin/dossiers`, headers: bearer(benchToken.admin()) });
  const big = await probe(target(ctx.big));
  const small = await probe(target(ctx.small));
  const bareBig = await probe({ url: `${ctx.big.bare.url}/admin/dossiers?limit=${big.items ?? 50}`, headers: bearer(benchToken.admin()) });
  const r = await compare(target(ctx.big), target(ctx.small), ctx.plan);
  const value = ratio(r.platform.p95, r.bare.p95);
  return {
    id: 'dossiers',
    what: `GET /admin/dossiers p95, ${ctx.big.candidates} vs ${ctx.small.candidates} candidates`,
    platform: `p95 ${ms(r.platform.p95)} (${big.items} rows)`,
    bare: `p95 ${ms(r.bare.p95)} (${small.items} rows)`,
    value,
    unit: '×',
    goal: describeGoal(goal, '×'),
    met: r.platform.errors + r.bare.errors > 0 ? false : meets(goal, value),
    status: 'ok',
    details: { large: r.platform, small: r.bare, items: { large: big.items, small: small.items, bareLarge: bareBig.items }, bytes: { large: big.bytes, small: small.bytes }, errorSamples: r.errorSamples },
  };
}

/** GET /admin/audit-events?portfolioId= p95 vs bare (a dossier in assessment, ~15 events among 100,000). */
export async function auditRow(ctx: RowContext): Promise<RowResult> {
  const goal: Goal = { kind: 'ratio-max', limit: 2 };
  const portfolioId = seededId(`pf-${Math.floor(ctx.big.candidates / 2 / 10) * 10 + 5}`);
  const platform: Target = { url: `${ctx.big.platform.assessorUrl}/admin/audit-events?portfolioId=${portfolioId}`, headers: bearer(benchToken.admin()) };
  const bare: Target = { url: `${ctx.big.bare.url}/admin/audit-events?portfolioId=${portfolioId}`, headers: bearer(benchToken.admin()) };
  const check = sameWork(await probe(platform), await probe(bare));
  const r = await compare(platform, bare, ctx.plan);
  return latencyRow('audit', 'GET /admin/audit-events?portfolioId= p95', 'p95', goal, r.platform, r.bare, { ...check, errorSamples: r.errorSamples });
}

/** GET /assessments p95 for one assessor of the pool vs bare. */
export async function assessmentsRow(ctx: RowContext): Promise<RowResult> {
  const goal: Goal = { kind: 'ratio-max', limit: 2 };
  const token = benchToken.assessor(0);
  const platform: Target = { url: `${ctx.big.platform.assessorUrl}/assessments`, headers: bearer(token) };
  const first = await probe(platform);
  const bare: Target = { url: `${ctx.big.bare.url}/assessments?limit=${first.items ?? 50}`, headers: bearer(token) };
  const check = sameWork(first, await probe(bare));
  const r = await compare(platform, bare, ctx.plan);
  return latencyRow('assessments', `GET /assessments p95, an assessor of a pool of ${ctx.big.assessors}`, 'p95', goal, r.platform, r.bare, { ...check, errorSamples: r.errorSamples });
}

/** GET /register?q=name p95 vs bare (public; every request from another client address). */
export async function registerRow(ctx: RowContext): Promise<RowResult> {
  const goal: Goal = { kind: 'ratio-max', limit: 2 };
  let n = 0;
  // A different client address per request (as many visitors behind a load balancer), so the
  // per-address limit of 30 lookups a minute measures its cost without refusing the bench.
  const visitor = () => {
    n++;
    return { 'x-forwarded-for': `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}` };
  };
  const platform: Target = { url: `${ctx.big.platform.assessorUrl}/register?q=viss`, headers: { accept: 'application/json' }, headersFor: () => visitor() };
  const bare: Target = { url: `${ctx.big.bare.url}/register?q=viss`, headers: { accept: 'application/json' } };
  const check = sameWork(await probe(platform), await probe(bare));
  const r = await compare(platform, bare, ctx.plan);
  return latencyRow('register', 'GET /register?q=name p95', 'p95', goal, r.platform, r.bare, { ...check, errorSamples: r.errorSamples });
}

/** Draft candidates the bench may use: i % 10 = 1 (saves on the platform), 2 (saves on bare), 3 (reads). */
const draftCandidate = (worker: number, kind: 1 | 2 | 3) => worker * 10 + kind;

/** Section saves (PATCH with If-Match) req/s: the platform vs a bare conditional UPDATE. */
export async function saveRow(ctx: RowContext): Promise<RowResult> {
  const goal: Goal = { kind: 'ratio-min', limit: 0.4 };
  const url = ctx.big.platform.candidateUrl;
  if (!url) throw new Error('the candidate app is not running');
  const c = ctx.saveConcurrency;
  const target = (base: string, kind: 1 | 2): Target => {
    const version = Array.from({ length: c }, () => 2);
    return {
      url: '',
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      headersFor: (w) => ({ ...bearer(benchToken.candidate(draftCandidate(w, kind))), 'if-match': `"developmentPlan.${version[w]}"` }),
      body: (w, n) => JSON.stringify({ answers: { '1': `Ik wil mijn kennis van arbeidsmarktinformatie actueel houden (${kind}.${w}.${n}).` } }),
      onResponse: (w, status, headers, body) => {
        const etag = status === 200 ? headers.etag : status === 412 ? (JSON.parse(body.toString('utf8')) as { details?: { etag?: string } }).details?.etag : undefined;
        const v = /\.(\d+)"$/.exec(String(etag ?? ''))?.[1];
        if (v) version[w] = Number(v);
      },
      // One portfolio per worker, so workers never wait for each other's row lock.
      urlFor: (w) => `${base}/portfolios/${seededId(`pf-${draftCandidate(w, kind)}`)}/sections/developmentPlan`,
    };
  };
  const platform = target(url, 1);
  const bare = target(ctx.big.bare.url, 2);
  const r = await compare(platform, bare, { ...ctx.plan, concurrency: c });
  const value = ratio(r.platform.rps, r.bare.rps);
  const errors = r.platform.errors + r.bare.errors;
  return {
    id: 'save',
    what: `section save (PATCH, If-Match) req/s vs a bare conditional UPDATE, ${c} at a time`,
    platform: `${round(r.platform.rps, 1)} req/s`,
    bare: `${round(r.bare.rps, 1)} req/s`,
    value,
    unit: '%',
    goal: describeGoal(goal, '%'),
    met: errors > 0 ? false : meets(goal, value),
    status: 'ok',
    details: { platform: r.platform, bare: r.bare, errorSamples: r.errorSamples, ...(errors > 0 ? { warning: `${errors} answers were not 2xx` } : {}) },
  };
}

/** GET /portfolios/:id p99 vs bare (each worker reads its own candidate's draft). */
export async function portfolioRow(ctx: RowContext): Promise<RowResult> {
  const goal: Goal = { kind: 'ratio-max', limit: 1.5 };
  const url = ctx.big.platform.candidateUrl;
  if (!url) throw new Error('the candidate app is not running');
  const target = (base: string): Target => ({
    url: '',
    headersFor: (w) => bearer(benchToken.candidate(draftCandidate(w, 3))),
    urlFor: (w) => `${base}/portfolios/${seededId(`pf-${draftCandidate(w, 3)}`)}`,
  });
  const check = sameWork(await probe(target(url)), await probe(target(ctx.big.bare.url)));
  const r = await compare(target(url), target(ctx.big.bare.url), ctx.plan);
  return latencyRow('portfolio', 'GET /portfolios/:id p99', 'p99', goal, r.platform, r.bare, { ...check, errorSamples: r.errorSamples });
}

/**
 * SQL statements for one GET /portfolios/:id/completeness: every statement the candidate app's
 * pool runs while the request is in flight, the session check included (counted on the pool's
 * clients). The least of 5 requests, so a background job's statement does not count.
 */
export async function completenessRow(ctx: RowContext): Promise<RowResult> {
  const goal: Goal = { kind: 'max', limit: 2 };
  const app = ctx.big.platform.candidate;
  const url = ctx.big.platform.candidateUrl;
  if (!app || !url) throw new Error('the candidate app is not running');
  const pool = (app.get(DataSource).driver as unknown as { master: Pool }).master;
  let counting = false;
  let statements: string[] = [];
  const wrapped = new WeakSet<PoolClient>();
  const onAcquire = (client: PoolClient) => {
    if (wrapped.has(client)) return;
    wrapped.add(client);
    const original = client.query.bind(client) as (...args: unknown[]) => unknown;
    (client as unknown as { query: (...args: unknown[]) => unknown }).query = (...args: unknown[]) => {
      if (counting) {
        const first = args[0];
        statements.push(typeof first === 'string' ? first : String((first as { text?: string } | undefined)?.text ?? '?'));
      }
      return original(...args);
    };
  };
  pool.on('acquire', onAcquire);
  const portfolioId = seededId(`pf-${draftCandidate(0, 3)}`);
  const target: Target = { url: `${url}/portfolios/${portfolioId}/completeness`, headers: bearer(benchToken.candidate(draftCandidate(0, 3))) };
  const agent = new http.Agent({ keepAlive: true });
  const counts: number[] = [];
  let sample: string[] = [];
  try {
    // Warm-up: every pool client the request may take gets wrapped.
    for (let i = 0; i < 12; i++) await send(agent, target);
    for (let i = 0; i < 5; i++) {
      statements = [];
      counting = true;
      const res = await send(agent, target);
      counting = false;
      if (res.status !== 200) throw new Error(`GET …/completeness answered ${res.status}: ${res.body.toString('utf8').slice(0, 300)}`);
      counts.push(statements.length);
      if (statements.length === Math.min(...counts)) sample = statements.map((s) => s.replace(/\s+/g, ' ').slice(0, 160));
    }
  } finally {
    counting = false;
    pool.off('acquire', onAcquire);
    agent.destroy();
  }
  const value = Math.min(...counts);
  return {
    id: 'completeness',
    what: 'SQL statements for GET /portfolios/:id/completeness',
    platform: `${value} statements`,
    bare: null,
    value,
    unit: 'statements',
    goal: describeGoal(goal, 'statements'),
    met: meets(goal, value),
    status: 'ok',
    details: { counts, statements: sample },
  };
}
