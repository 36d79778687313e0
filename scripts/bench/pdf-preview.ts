/**
 * Benchmark (issue 17): PDF preview throughput of the platform — the candidate API's
 * `GET /portfolios/:id/preview.pdf`, with its pooled renderer and the preview cache of ADR 0026 —
 * against a browser launched per request printing the same document, in the same run.
 *   npx tsx scripts/bench/pdf-preview.ts        (BENCH_QUICK=1: fewer requests)
 * Starts embedded PostgreSQL and S3 (see pdf-uploads-support.ts) and the candidate API; a
 * candidate fills the complete two-case portfolio of the rulebook's test factory through the API
 * (four real uploads). Then, each with CONCURRENCY requests in flight:
 *  1. platform: the first preview (rendered and cached), then REQUESTS previews of the unchanged
 *     portfolio over HTTP;
 *  2. pooled renderer without the cache (the platform's PdfHost before ADR 0026), for reference;
 *  3. baseline: per request a new Chromium (a fresh PdfRenderer) prints the very input the route
 *     printed, and is closed.
 * Prints requests per second and latencies, and as its last line `BENCH_ROW {json}` with the ratio
 * platform ÷ baseline (goal ≥ 5×). Throughput is a figure here, never a test assertion.
 */
import { isPdf, PdfRenderer, renderPortfolioPdf, type PortfolioPdfInput } from '../../libs/pdf/src/index';
import { PdfHost } from '../../libs/portfolio/src/pdf.host';
import { completePortfolio } from '../../libs/rulebook/src/testing/portfolio.factory';
import { log, machine, round1, runUnderSwc, startBenchInfra, startCandidateApi } from './pdf-uploads-support';

const QUICK = process.env['BENCH_QUICK'] === '1';
const CONCURRENCY = 2;
const REQUESTS = QUICK ? 20 : 60;
const POOLED = QUICK ? 6 : 12;
const PER_LAUNCH = QUICK ? 4 : 8;

interface Series {
  requests: number;
  wallMs: number;
  perSecond: number;
  medianMs: number;
  p95Ms: number;
}

/** `total` calls of `work`, `concurrency` at a time; wall time and latencies. */
async function measure(total: number, concurrency: number, work: () => Promise<void>): Promise<Series> {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) {
        next++;
        const t = performance.now();
        await work();
        latencies.push(performance.now() - t);
      }
    }),
  );
  const wallMs = performance.now() - started;
  const sorted = latencies.sort((a, b) => a - b);
  const at = (q: number): number => round1(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0);
  return { requests: total, wallMs: Math.round(wallMs), perSecond: Math.round((total / wallMs) * 1000 * 100) / 100, medianMs: at(0.5), p95Ms: at(0.95) };
}

async function main(): Promise<void> {
  type Input = PortfolioPdfInput;

  log('pdf-preview: starting PostgreSQL, S3 and the candidate API');
  const infra = await startBenchInfra('pdf');
  const api = await startCandidateApi(infra);
  try {
    const call = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
      const res = await fetch(`${api.base}${path}`, {
        method,
        headers: { ...api.auth, ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      return { status: res.status, body: res.headers.get('content-type')?.startsWith('application/json') ? ((await res.json()) as Record<string, unknown>) : Buffer.from(await res.arrayBuffer()) };
    };

    // The complete portfolio of the rulebook's factory, with four real uploads.
    const today = new Date().toISOString().slice(0, 10);
    const doc = completePortfolio(today as never);
    const ids: Record<string, string> = {};
    for (const name of ['doc-diploma', 'doc-cert-1', 'doc-cert-2', 'doc-cv']) {
      const bytes = Buffer.from(`%PDF-1.4\n% ${name}\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n`);
      const ticket = (await call('POST', '/documents', { filename: `${name}.pdf`, contentType: 'application/pdf', sizeBytes: bytes.length })).body as {
        upload: { url: string; headers: Record<string, string> };
        document: { id: string };
      };
      await fetch(ticket.upload.url, { method: 'PUT', headers: ticket.upload.headers, body: bytes });
      const confirmed = await call('POST', `/documents/${ticket.document.id}/confirm`);
      if (confirmed.status !== 200) throw new Error(`confirm: ${confirmed.status}`);
      ids[name] = ticket.document.id;
    }
    const withIds = JSON.parse(JSON.stringify(doc), (k, v: unknown) => (k === 'documentId' || k === 'cvDocumentId' ? ids[v as string] : v)) as typeof doc;
    const clientSide = <T>(value: T): T => JSON.parse(JSON.stringify(value, (k, v: unknown) => (k === 'signedAt' || k === 'acceptedAt' || k === 'id' ? undefined : v))) as T;
    const created = await call('POST', '/portfolios');
    const portfolio = created.body as { id: string; sections: Array<{ section: string; etag: string }> };
    const etags = Object.fromEntries(portfolio.sections.map((s) => [s.section, s.etag]));
    const sections: Record<string, unknown> = {
      education: withIds.education,
      workExperience: clientSide(withIds.workExperience),
      cvAndMotivation: withIds.cvAndMotivation,
      'case-1': clientSide(withIds.cases![0]),
      'case-2': clientSide(withIds.cases![1]),
      developmentPlan: withIds.developmentPlan,
      declarations: clientSide(withIds.declarations),
    };
    for (const [section, body] of Object.entries(sections)) {
      const saved = await call('PUT', `/portfolios/${portfolio.id}/sections/${section}`, body, { 'If-Match': etags[section]! });
      if (saved.status !== 200) throw new Error(`${section}: ${saved.status} ${JSON.stringify(saved.body)}`);
    }

    // The input the route prints, for the baseline: the same document.
    const host = api.app.get(PdfHost);
    let printed: Input | undefined;
    const portfolioPdf = host.portfolio.bind(host);
    host.portfolio = (input: Input, owner?: string) => {
      printed = input;
      return portfolioPdf(input, owner);
    };
    const preview = async (): Promise<void> => {
      const res = await fetch(`${api.base}/portfolios/${portfolio.id}/preview.pdf`, { headers: api.auth });
      const body = Buffer.from(await res.arrayBuffer());
      if (res.status !== 200 || !isPdf(body)) throw new Error(`preview: ${res.status}`);
    };

    let t = performance.now();
    await preview();
    const firstMs = Math.round(performance.now() - t);
    if (printed === undefined) throw new Error('the first preview did not render');
    const input: Input = printed;
    const sizeKB = Math.round((await renderPortfolioPdf(host.renderer, input)).length / 1024);
    log(`first preview (browser launch, render, store): ${firstMs} ms; PDF ${sizeKB} KB`);

    const rendersBefore = host.renderer.stats().rendered;
    const platform = await measure(REQUESTS, CONCURRENCY, preview);
    const rendersDuring = host.renderer.stats().rendered - rendersBefore;
    log(`platform, cached preview over HTTP:   ${platform.perSecond} req/s (median ${platform.medianMs} ms, p95 ${platform.p95Ms} ms; ${rendersDuring} renders in ${REQUESTS} requests)`);

    const pooled = await measure(POOLED, CONCURRENCY, async () => {
      await host.portfolio(input);
    });
    log(`pooled renderer, no cache:            ${pooled.perSecond} req/s (median ${pooled.medianMs} ms, p95 ${pooled.p95Ms} ms)`);

    t = performance.now();
    const perLaunch = await measure(PER_LAUNCH, CONCURRENCY, async () => {
      const renderer = new PdfRenderer({ ...api.config.pdf });
      try {
        const pdf = await renderPortfolioPdf(renderer, input);
        if (!isPdf(pdf)) throw new Error('not a PDF');
      } finally {
        await renderer.close();
      }
    });
    log(`baseline, a browser per request:      ${perLaunch.perSecond} req/s (median ${perLaunch.medianMs} ms, p95 ${perLaunch.p95Ms} ms)`);

    const rate = (series: Series): number => series.requests / series.wallMs;
    const ratio = round1(rate(platform) / rate(perLaunch));
    const pooledRatio = round1(rate(pooled) / rate(perLaunch));
    log(`ratio platform / browser per request: ${ratio}× (goal ≥ 5×); pooled without cache: ${pooledRatio}×`);
    const row = {
      id: 'pdf-preview',
      what: 'PDF preview throughput, pooled vs a browser per request',
      value: ratio,
      unit: '×',
      goal: '≥ 5×',
      met: ratio >= 5,
      details: { concurrency: CONCURRENCY, pdfKB: sizeKB, firstPreviewMs: firstMs, platform, rendersDuringPlatformRun: rendersDuring, pooledNoCache: { ...pooled, ratio: pooledRatio }, browserPerRequest: perLaunch, quick: QUICK, machine: machine() },
    };
    log(`BENCH_ROW ${JSON.stringify(row)}`);
  } finally {
    await api.app.close();
    await infra.stop();
  }
}

if (!runUnderSwc(__filename)) {
  main().then(
    () => process.exit(0),
    (err: unknown) => {
      console.error('pdf-preview failed:', err);
      process.exit(1);
    },
  );
}
