import type { IncomingMessage } from 'node:http';
import request from 'supertest';
import { isPdf } from '@rlp/pdf';
import { startTestPlatform, TestPlatform } from '@rlp/testing';
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
