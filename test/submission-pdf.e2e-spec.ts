import type { IncomingMessage } from 'node:http';
import { DeleteObjectCommand, GetObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import request from 'supertest';
import { isPdf } from '@rlp/pdf';
import { startTestPlatform, TestPlatform } from '@rlp/testing';
import { PdfHost } from '../libs/portfolio/src/pdf.host';
import { createS3Client } from '../libs/storage/src/s3-client.factory';
import { api, readyToSubmit, sha256 } from './support/candidate-journey';
import { assign, declare, office, person, type Person } from './support/assessment-journey';

jest.setTimeout(300_000);

const TODAY = '2026-11-23';

const binary = (response: request.Response, cb: (err: Error | null, body: Buffer) => void) => {
  const res = response as unknown as IncomingMessage;
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
};

interface PdfColumns {
  id: string;
  pdf_storage_key: string | null;
  pdf_sha256: string | null;
  pdf_size_bytes: string | null;
}

/**
 * Issue 18: the frozen submission's PDF is an immutable record. It is rendered once, kept in
 * object storage with its SHA-256 in the submission row, and every later download (candidate,
 * assessor) is that file, checked against the hash.
 */
describe('the submission PDF is rendered once, kept, and served from storage (e2e)', () => {
  let p: TestPlatform;
  let admin: Person;

  beforeAll(async () => {
    p = await startTestPlatform();
    admin = await person(p, 'admin', 'Noloc');
  });
  afterAll(() => p?.close());

  /** Renders by both apps' renderers (each app has its own Chromium). */
  const renders = () => p.candidate.get(PdfHost).renderer.stats().rendered + p.assessor.get(PdfHost).renderer.stats().rendered;
  const row = async (portfolioId: string) => (await p.db.query<PdfColumns>(`SELECT id, pdf_storage_key, pdf_sha256, pdf_size_bytes FROM submissions WHERE portfolio_id = $1`, [portfolioId]))[0]!;
  const audited = async (portfolioId: string, action: string) =>
    Number((await p.db.query<{ n: string }>(`SELECT count(*) AS n FROM audit_events WHERE subject_type = 'portfolio' AND subject_id = $1 AND action = $2`, [portfolioId, action]))[0]!.n);
  const s3 = <T>(work: (client: ReturnType<typeof createS3Client>) => Promise<T>) => {
    const client = createS3Client(p.config.storage, process.env['RLP_TEST_S3_ENDPOINT']!);
    return work(client).finally(() => client.destroy());
  };

  const dossier = async (assessorName: string) => {
    const ready = await readyToSubmit(p, TODAY);
    const submitted = await api(p).post(`/portfolios/${ready.portfolioId}/submit`).set(ready.c.auth).set('Idempotency-Key', `submit-${ready.portfolioId}`).send({ revision: ready.revision }).expect(201);
    const assessor = await person(p, 'assessor', assessorName);
    expect((await assign(p, admin, ready.portfolioId, assessor)).status).toBe(201);
    await declare(p, assessor, ready.portfolioId);
    const portfolioId = ready.portfolioId;
    return {
      portfolioId,
      submissionId: submitted.body.submission.id as string,
      candidatePdf: () => api(p).get(`/portfolios/${portfolioId}/submission.pdf`).set(ready.c.auth).buffer(true).parse(binary),
      candidatePreview: () => api(p).get(`/portfolios/${portfolioId}/preview.pdf`).set(ready.c.auth).buffer(true).parse(binary),
      assessorPdf: () => office(p).get(`/assessments/${portfolioId}/portfolio.pdf`).set(assessor.auth).buffer(true).parse(binary),
    };
  };

  it('renders once on the first request, stores it under a key from the submission id with its SHA-256, and every download is that file', async () => {
    const d = await dossier('Bureau Een');
    // Submitting renders nothing (it stays fast); nothing is stored yet.
    expect(await row(d.portfolioId)).toMatchObject({ pdf_storage_key: null, pdf_sha256: null, pdf_size_bytes: null });
    const before = renders();

    // Three first requests at once share one render.
    const first = await Promise.all([d.candidatePdf(), d.candidatePdf(), d.candidatePdf()]);
    expect(renders() - before).toBe(1);
    const stored = await row(d.portfolioId);
    expect(stored.pdf_storage_key).toBe(`submissions/${stored.id}/${stored.pdf_sha256}.pdf`);
    expect(stored.id).toBe(d.submissionId);

    const later = [await d.candidatePdf(), await d.candidatePreview(), await d.assessorPdf(), await d.assessorPdf()];
    for (const [i, res] of [...first, ...later].entries()) {
      expect({ i, status: res.status, type: res.headers['content-type'] }).toEqual({ i, status: 200, type: 'application/pdf' });
      const body = res.body as Buffer;
      expect(isPdf(body)).toBe(true);
      expect({ i, sha256: sha256(body), size: String(body.length) }).toEqual({ i, sha256: stored.pdf_sha256, size: stored.pdf_size_bytes });
    }
    // Byte-identical for the candidate and the assessor, and no render after the first.
    expect(Buffer.compare(first[0]!.body as Buffer, later[3]!.body as Buffer)).toBe(0);
    expect(renders() - before).toBe(1);
    expect(await audited(d.portfolioId, 'submission.pdf_stored')).toBe(1);

    // The object in storage is exactly that file.
    const object = await s3(async (client) => Buffer.from(await (await client.send(new GetObjectCommand({ Bucket: p.config.storage.bucket, Key: stored.pdf_storage_key! }))).Body!.transformToByteArray()));
    expect(sha256(object)).toBe(stored.pdf_sha256);

    // The database keeps the record: the PDF columns are filled once, the rest never changes.
    for (const sql of [
      `UPDATE submissions SET pdf_sha256 = repeat('0', 64) WHERE id = $1`,
      `UPDATE submissions SET pdf_storage_key = NULL, pdf_sha256 = NULL, pdf_size_bytes = NULL, pdf_rendered_at = NULL WHERE id = $1`,
      `UPDATE submissions SET content_hash = repeat('0', 64) WHERE id = $1`,
      `DELETE FROM submissions WHERE id = $1`,
    ]) {
      await expect(p.db.query(sql, [stored.id])).rejects.toThrow(/append-only/);
    }
    expect(await row(d.portfolioId)).toEqual(stored);
  });

  it('refuses a stored PDF that was changed or removed behind the platform\'s back (409 PDF_INTEGRITY_FAILED, audited), and does not render it again', async () => {
    const d = await dossier('Bureau Twee');
    const original = (await d.assessorPdf()).body as Buffer;
    const stored = await row(d.portfolioId);
    expect(sha256(original)).toBe(stored.pdf_sha256);
    const before = renders();

    const attacks: Array<{ label: string; attack: () => Promise<unknown> }> = [
      { label: 'other bytes, same length', attack: () => s3((c) => c.send(new PutObjectCommand({ Bucket: p.config.storage.bucket, Key: stored.pdf_storage_key!, Body: Buffer.concat([Buffer.from('%PDF-1.4\n% vervalst\n'), original.subarray(20)]), ContentType: 'application/pdf' }))) },
      { label: 'one byte more', attack: () => s3((c) => c.send(new PutObjectCommand({ Bucket: p.config.storage.bucket, Key: stored.pdf_storage_key!, Body: Buffer.concat([original, Buffer.from(' ')]), ContentType: 'application/pdf' }))) },
      { label: 'removed', attack: () => s3((c) => c.send(new DeleteObjectCommand({ Bucket: p.config.storage.bucket, Key: stored.pdf_storage_key! }))) },
    ];
    for (const { label, attack } of attacks) {
      await attack();
      for (const [who, res] of [
        ['candidate', await d.candidatePdf()],
        ['assessor', await d.assessorPdf()],
      ] as const) {
        const body = JSON.parse((res.body as Buffer).toString('utf8')) as { code?: string; message?: string };
        expect({ label, who, status: res.status, code: body.code }).toEqual({ label, who, status: 409, code: 'PDF_INTEGRITY_FAILED' });
        expect(typeof body.message).toBe('string');
      }
    }
    // Refused, not rendered again: the record stays what it was.
    expect(renders()).toBe(before);
    expect(await row(d.portfolioId)).toEqual(stored);
    expect(await audited(d.portfolioId, 'submission.pdf_integrity_failed')).toBe(6);
  });
});
