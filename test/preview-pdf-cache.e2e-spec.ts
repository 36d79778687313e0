import type { IncomingMessage } from 'node:http';
import type request from 'supertest';
import { JobsService } from '@rlp/jobs';
import { isPdf } from '@rlp/pdf';
import { currentRulebook } from '@rlp/rulebook';
import { startTestPlatform, TestPlatform } from '@rlp/testing';
import { PdfHost } from '../libs/portfolio/src/pdf.host';
import { api, candidate, createPortfolio, readyToSubmit, sha256, writeSection, type Candidate } from './support/candidate-journey';

jest.setTimeout(300_000);

const TODAY = '2026-11-23';

const binary = (response: request.Response, cb: (err: Error | null, body: Buffer) => void) => {
  const res = response as unknown as IncomingMessage;
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
};

/**
 * Issue 17, ADR 0026: the draft preview is rendered once per revision of everything it shows and
 * kept in PostgreSQL, where every app instance finds it. Two platforms (two candidate APIs, each
 * with its own Chromium) on one database.
 */
describe('the draft preview is cached per revision and shared by every instance (e2e)', () => {
  let p1: TestPlatform;
  let p2: TestPlatform;
  beforeAll(async () => {
    p1 = await startTestPlatform();
    p2 = await startTestPlatform({ database: p1.db });
  });
  afterAll(async () => {
    await p2?.close();
    await p1?.close();
  });

  const rendered = (p: TestPlatform) => p.candidate.get(PdfHost).renderer.stats().rendered;
  const preview = async (p: TestPlatform, c: Candidate, portfolioId: string): Promise<Buffer> => {
    const res = await api(p).get(`/portfolios/${portfolioId}/preview.pdf`).set(c.auth).buffer(true).parse(binary);
    expect({ status: res.status, type: res.headers['content-type'] }).toEqual({ status: 200, type: 'application/pdf' });
    expect(isPdf(res.body as Buffer)).toBe(true);
    return res.body as Buffer;
  };
  const cached = async (portfolioId: string) => p1.db.query<{ fingerprint: string; bytes: number }>(`SELECT "fingerprint", length("pdf") AS "bytes" FROM "portfolio_preview_pdfs" WHERE "portfolio_id" = $1`, [portfolioId]);

  it('serves an unchanged draft from the cache on both instances; any change renders afresh and replaces the one cached', async () => {
    const c = await candidate(p1);
    const portfolio = await createPortfolio(p1, c);
    const [base1, base2] = [rendered(p1), rendered(p2)];

    const first = await preview(p1, c, portfolio.id);
    expect(rendered(p1) - base1).toBe(1);
    const [row] = await cached(portfolio.id);
    expect(row).toEqual({ fingerprint: expect.stringMatching(/^[0-9a-f]{64}$/), bytes: first.length });

    // Later, on the same instance and on the other one: the same file, nothing rendered.
    p1.clock.advanceMinutes(5);
    p2.clock.advanceMinutes(5);
    expect((await preview(p1, c, portfolio.id)).equals(first)).toBe(true);
    expect((await preview(p2, c, portfolio.id)).equals(first)).toBe(true);
    expect([rendered(p1) - base1, rendered(p2) - base2]).toEqual([1, 0]);
    expect(p2.candidate.get(PdfHost).previewCacheStats().hits).toBeGreaterThanOrEqual(1);

    // A saved section (on the other instance) changes what the PDF shows: the next preview is new.
    const saved = await writeSection(p2, c, portfolio.id, 'developmentPlan', portfolio.etags['developmentPlan']!, {
      answers: { [currentRulebook.developmentPlan.questions[0]!.id]: 'Ik wil mij verder bekwamen in loopbaancoaching van jongeren.' },
    });
    expect(saved.status).toBe(200);
    const changed = await preview(p1, c, portfolio.id);
    expect(rendered(p1) - base1).toBe(2);
    expect(changed.equals(first)).toBe(false);
    const rows = await cached(portfolio.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.fingerprint).not.toBe(row!.fingerprint);
    // ...and that one is what the other instance now serves, without rendering.
    expect((await preview(p2, c, portfolio.id)).equals(changed)).toBe(true);
    expect(rendered(p2) - base2).toBe(0);

    // Not only the portfolio: the candidate's name is on every page, so a new name renders afresh too.
    await p1.db.query(`UPDATE "users" SET "display_name" = 'Anna de Vries-Jansen' WHERE "id" = $1`, [c.id]);
    const renamed = await preview(p2, c, portfolio.id);
    expect(rendered(p2) - base2).toBe(1);
    expect(renamed.equals(changed)).toBe(false);
    expect(await cached(portfolio.id)).toHaveLength(1);
    expect((await preview(p1, c, portfolio.id)).equals(renamed)).toBe(true);
    expect(rendered(p1) - base1).toBe(2);
  });

  it('a submitted portfolio previews as its frozen PDF: rendered once, stored, the same file every time; the purge drops its draft preview', async () => {
    const ready = await readyToSubmit(p1, TODAY);
    const before = rendered(p1);
    await preview(p1, ready.c, ready.portfolioId);
    expect(await cached(ready.portfolioId)).toHaveLength(1);
    await api(p1).post(`/portfolios/${ready.portfolioId}/submit`).set(ready.c.auth).set('Idempotency-Key', `submit-${ready.portfolioId}`).send({ revision: ready.revision }).expect(201);
    expect(rendered(p1) - before).toBe(1); // submitting renders nothing
    // The hourly purge drops the draft preview of a portfolio that is no longer a draft.
    expect(await cached(ready.portfolioId)).toHaveLength(1);
    const purge = await p1.assessor.get(JobsService).runNow('purge-uploads');
    expect(purge.outcome).toMatchObject({ previews: 1 });
    expect(await cached(ready.portfolioId)).toHaveLength(0);

    const frozen = await preview(p1, ready.c, ready.portfolioId);
    expect(rendered(p1) - before).toBe(2);
    const [submission] = await p1.db.query<{ pdf_sha256: string; pdf_size_bytes: string }>(`SELECT "pdf_sha256", "pdf_size_bytes" FROM "submissions" WHERE "portfolio_id" = $1`, [ready.portfolioId]);
    expect(submission).toEqual({ pdf_sha256: sha256(frozen), pdf_size_bytes: String(frozen.length) });
    expect(await cached(ready.portfolioId)).toHaveLength(0);

    for (let i = 0; i < 3; i++) expect((await preview(p1, ready.c, ready.portfolioId)).equals(frozen)).toBe(true);
    const download = await api(p1).get(`/portfolios/${ready.portfolioId}/submission.pdf`).set(ready.c.auth).buffer(true).parse(binary).expect(200);
    expect((download.body as Buffer).equals(frozen)).toBe(true);
    p1.clock.advanceMinutes(10);
    expect((await preview(p1, ready.c, ready.portfolioId)).equals(frozen)).toBe(true);
    expect(rendered(p1) - before).toBe(2);
  });
});

