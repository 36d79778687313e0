import { readFileSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { join } from 'node:path';
import request from 'supertest';
import { isPdf } from '@rlp/pdf';
import { startTestPlatform, TestPlatform } from '@rlp/testing';
import { PdfHost } from '../libs/portfolio/src/pdf.host';
import { canonicalJson, SIZE_LIMITS } from '../libs/portfolio/src/sections';
import { api, candidate, completeSections, createPortfolio, writeSection, type Candidate } from './support/candidate-journey';

jest.setTimeout(300_000);

const TODAY = '2026-11-23';

const binary = (response: request.Response, cb: (err: Error | null, body: Buffer) => void) => {
  const res = response as unknown as IncomingMessage;
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
};

const bytes = (v: unknown) => Buffer.byteLength(canonicalJson(v), 'utf8');

/** Keys of free text (and maps of free text) in the portfolio document. */
const FREE_TEXT = new Set(['whyChosen', 'text', 'motivation', 'title']);
const FREE_TEXT_MAPS = new Set(['knowledgeAreaReflections', 'competenceReflections', 'attitudeAnswers', 'answers']);

/** Every free text in `v` made `len` characters long (its own words, repeated). */
function inflate<T>(v: T, len: number): T {
  const walk = (x: unknown, key: string, parent: string): unknown => {
    if (typeof x === 'string') return FREE_TEXT.has(key) || FREE_TEXT_MAPS.has(parent) ? `${x} `.repeat(Math.ceil(len / (x.length + 1))).slice(0, len) : x;
    if (Array.isArray(x)) return x.map((y) => walk(y, '', key));
    if (x !== null && typeof x === 'object') return Object.fromEntries(Object.entries(x).map(([k, y]) => [k, walk(y, k, key)]));
    return x;
  };
  return walk(v, '', '') as T;
}

/** `section` inflated to just under `target` bytes (the longest string length found by bisection). */
function sized<T>(section: T, target: number): T {
  let lo = 1;
  let hi = 19_000;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (bytes(inflate(section, mid)) <= target) lo = mid;
    else hi = mid - 1;
  }
  return inflate(section, lo);
}

describe('how much a portfolio may hold (e2e, issue 18)', () => {
  let p: TestPlatform;
  beforeAll(async () => {
    p = await startTestPlatform();
  });
  afterAll(() => p?.close());

  const state = async (c: Candidate, id: string) => {
    const view = await api(p).get(`/portfolios/${id}`).set(c.auth).expect(200);
    const revisions = await p.db.query<{ n: string }>(`SELECT count(*) AS n FROM portfolio_section_revisions WHERE portfolio_id = $1`, [id]);
    return { revision: view.body.revision as string, revisions: Number(revisions[0]!.n) };
  };

  it('refuses a section over 64 KiB and a portfolio over 160 KiB with 413 and the limit and size, saving nothing; content at the limits still previews well within the timeout', async () => {
    const c = await candidate(p);
    const portfolio = await createPortfolio(p, c);
    const { sections } = await completeSections(p, c, TODAY);
    const etags = { ...portfolio.etags };
    const save = async (section: string, body: unknown) => {
      const res = await writeSection(p, c, portfolio.id, section, etags[section]!, body);
      if (res.status === 200) etags[section] = res.headers['etag'] as string;
      return res;
    };
    // The real content fits comfortably.
    for (const [section, body] of Object.entries(sections)) expect({ section, status: (await save(section, body)).status }).toEqual({ section, status: 200 });

    const big = (section: string) => sized(sections[section], SIZE_LIMITS.maxSectionBytes - 512);
    let total = Object.values(sections).reduce((sum: number, s) => sum + bytes(s), 0);
    const grow = async (section: string) => {
      const body = big(section);
      expect({ section, status: (await save(section, body)).status }).toEqual({ section, status: 200 });
      total += bytes(body) - bytes(sections[section]);
      sections[section] = body;
    };
    await grow('case-1');

    // The attack of issue 18: 19,000-character case fields. A section over the limit: 413, nothing saved.
    const before = await state(c, portfolio.id);
    const patched = await api(p)
      .patch(`/portfolios/${portfolio.id}/sections/case-1`)
      .set(c.auth)
      .set('If-Match', etags['case-1']!)
      .set('Content-Type', 'application/merge-patch+json')
      .send(JSON.stringify({ whyChosen: 'waarom '.repeat(3000).slice(0, 19_000) }));
    expect({ status: patched.status, code: patched.body.code }).toEqual({ status: 413, code: 'SECTION_TOO_LARGE' });
    expect(typeof patched.body.message).toBe('string');
    expect(patched.body.details).toEqual({ section: 'case-1', limit: SIZE_LIMITS.maxSectionBytes, size: expect.any(Number) });
    expect(patched.body.details.size).toBeGreaterThan(SIZE_LIMITS.maxSectionBytes);
    const tooBig = sized(sections['case-2'], SIZE_LIMITS.maxSectionBytes + 2000);
    expect(bytes(tooBig)).toBeGreaterThan(SIZE_LIMITS.maxSectionBytes);
    const replaced = await save('case-2', tooBig);
    expect({ status: replaced.status, code: replaced.body.code, limit: replaced.body.details?.limit }).toEqual({ status: 413, code: 'SECTION_TOO_LARGE', limit: SIZE_LIMITS.maxSectionBytes });
    expect(await state(c, portfolio.id)).toEqual(before);

    // Sections each within their limit, together over the portfolio limit: the save that crosses it is refused.
    let crossed = false;
    for (const section of ['case-2', 'developmentPlan', 'education', 'cvAndMotivation']) {
      const body = big(section);
      const next = total - bytes(sections[section]) + bytes(body);
      if (next <= SIZE_LIMITS.maxPortfolioBytes - 1024) {
        await grow(section);
        continue;
      }
      const at = await state(c, portfolio.id);
      const res = await save(section, body);
      crossed = true;
      expect({ section, status: res.status, code: res.body.code }).toEqual({ section, status: 413, code: 'PORTFOLIO_TOO_LARGE' });
      expect(res.body.details).toEqual({ section, limit: SIZE_LIMITS.maxPortfolioBytes, size: expect.any(Number) });
      expect(res.body.details.size).toBeGreaterThan(SIZE_LIMITS.maxPortfolioBytes);
      expect(await state(c, portfolio.id)).toEqual(at);
      // What is left of the budget may still be used.
      const rest = sized(sections[section], bytes(sections[section]) + SIZE_LIMITS.maxPortfolioBytes - total - 256);
      expect({ section, status: (await save(section, rest)).status }).toEqual({ section, status: 200 });
      total += bytes(rest) - bytes(sections[section]);
      break;
    }
    expect(crossed).toBe(true);
    expect(total).toBeGreaterThan(SIZE_LIMITS.maxPortfolioBytes - 2048);

    // The most the portfolio may now hold renders well within the 30 s timeout (figure for docs/reliability.md).
    const times: number[] = [];
    for (let i = 0; i < 2; i++) {
      const started = performance.now();
      const preview = await api(p).get(`/portfolios/${portfolio.id}/preview.pdf`).set(c.auth).buffer(true).parse(binary);
      times.push(Math.round(performance.now() - started));
      expect(preview.status).toBe(200);
      expect(isPdf(preview.body as Buffer)).toBe(true);
      if (i === 1) process.stdout.write(`preview of a portfolio of ${Math.round(total / 1024)} KiB: ${times.join(' ms (with the browser launch), ')} ms, ${Math.round((preview.body as Buffer).length / 1024)} KiB PDF\n`);
    }
  });
});

/** Waits until `probe` holds, polling; fails after `ms`. */
async function until(probe: () => boolean, what: string, ms = 60_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!probe()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe('one person cannot starve PDF rendering for others (e2e with real Chromium, issue 18)', () => {
  let p: TestPlatform;
  beforeAll(async () => {
    // One render at a time, and a timeout no queue here reaches on a loaded machine: the order is what is measured.
    p = await startTestPlatform({ env: { PDF_MAX_CONCURRENT: '1', PDF_TIMEOUT_MS: '240000' } });
  });
  afterAll(() => p?.close());

  it('renders one PDF per person at a time, refuses a fourth with 429 PDF_BUSY, and serves people in turn, not first come first served', async () => {
    const renderer = p.candidate.get(PdfHost).renderer;
    // The hog: a portfolio near the limits, so each of its previews takes a while.
    const hog = await candidate(p);
    const hogPortfolio = await createPortfolio(p, hog);
    const example = (JSON.parse(readFileSync(join(__dirname, '../docs/examples/complete.json'), 'utf8')) as { cases: Array<Record<string, unknown>> }).cases;
    for (const [i, section] of (['case-1', 'case-2'] as const).entries()) {
      const { id: _id, ...content } = example[i]!;
      const res = await writeSection(p, hog, hogPortfolio.id, section, hogPortfolio.etags[section]!, sized(content, SIZE_LIMITS.maxSectionBytes - 1024));
      expect({ section, status: res.status, body: res.status === 200 ? 'saved' : res.body }).toEqual({ section, status: 200, body: 'saved' });
    }
    const others = await Promise.all(
      ['b', 'c'].map(async (label) => {
        const c = await candidate(p);
        return { label, c, portfolioId: (await createPortfolio(p, c)).id };
      }),
    );
    // A first render launches the browser, so that what follows measures the queue only. Of a
    // portfolio of its own: an unchanged draft's preview is then served from the cache (ADR 0026).
    const warm = await candidate(p);
    const warmPortfolio = await createPortfolio(p, warm);
    await api(p).get(`/portfolios/${warmPortfolio.id}/preview.pdf`).set(warm.auth).buffer(true).parse(binary).expect(200);

    const order: string[] = [];
    const at: string[] = [];
    const started = performance.now();
    const preview = (label: string, c: Candidate, portfolioId: string) =>
      api(p)
        .get(`/portfolios/${portfolioId}/preview.pdf`)
        .set(c.auth)
        .buffer(true)
        .parse(binary)
        .then((res) => {
          order.push(label);
          at.push(`${label} ${Math.round(performance.now() - started)} ms`);
          return { label, res };
        });
    const base = renderer.stats();
    const requests = [preview('a1', hog, hogPortfolio.id)];
    await until(() => renderer.stats().active === 1, 'the first render to start');
    requests.push(preview('a2', hog, hogPortfolio.id), preview('a3', hog, hogPortfolio.id));
    await until(() => renderer.stats().queued === 2, "the hog's next two to wait");
    // A fourth while three are running or waiting: refused at once.
    const busy = await api(p).get(`/portfolios/${hogPortfolio.id}/preview.pdf`).set(hog.auth);
    expect({ status: busy.status, code: busy.body.code, retryAfter: busy.headers['retry-after'] }).toEqual({ status: 429, code: 'PDF_BUSY', retryAfter: '5' });
    expect(typeof busy.body.message).toBe('string');
    for (const [n, other] of others.entries()) {
      requests.push(preview(`${other.label}1`, other.c, other.portfolioId));
      await until(() => renderer.stats().queued === 3 + n, `${other.label} to wait`);
    }
    // Everyone is in line while the hog's first render still runs.
    expect(order).toEqual([]);
    const done = await Promise.all(requests);
    for (const { label, res } of done) {
      expect({ label, status: res.status }).toEqual({ label, status: 200 });
      expect(isPdf(res.body as Buffer)).toBe(true);
    }
    // Whose PDF came back when (the hog's a2 and a3 may overtake each other on their way to the queue).
    // First come, first served would be a a a b c: the others would wait for three of the hog's renders.
    expect(order[0]).toBe('a1');
    expect(order.map((label) => label[0])).toEqual(['a', 'b', 'c', 'a', 'a']);
    const stats = renderer.stats();
    expect({ rendered: stats.rendered - base.rendered, busy: stats.busy - base.busy, peakOpenContexts: stats.peakOpenContexts }).toEqual({ rendered: 5, busy: 1, peakOpenContexts: 1 });
    process.stdout.write(`fair queue, PDF_MAX_CONCURRENT 1: completed ${at.join(', ')}\n`);
  });
});
