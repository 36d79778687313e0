import { randomBytes } from 'node:crypto';
import { DocumentsService, HASH_CONCURRENCY, HASH_MAX_WAITING } from '@rlp/documents';
import { startTestPlatform, TestPlatform } from '@rlp/testing';
import { api, candidate, sha256, type Candidate, type UploadTarget } from './support/candidate-journey';

jest.setTimeout(300_000);

/** A real PDF start (the server sniffs it) followed by `size` bytes in all. */
const pdfOf = (size: number): Buffer => Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(size - 9)]);

async function uploaded(p: TestPlatform, c: Candidate, bytes: Buffer): Promise<string> {
  const req = await api(p).post('/documents').set(c.auth).send({ filename: 'bijlage.pdf', contentType: 'application/pdf', sizeBytes: bytes.length }).expect(201);
  const { upload, document } = req.body as { upload: UploadTarget; document: { id: string } };
  const put = await fetch(upload.url, { method: 'PUT', headers: upload.headers, body: bytes });
  expect(put.status).toBe(200);
  return document.id;
}

/**
 * Issue 17, ADR 0026: confirming an upload streams the stored object to hash it. At most
 * HASH_CONCURRENCY such streams run at once per process; more confirms wait their turn, and when
 * the line is full one more gets 503 DOCUMENT_CHECKS_BUSY with Retry-After. (Memory is measured by
 * scripts/bench/upload-memory.ts, not here.)
 */
describe('confirming uploads hashes a bounded number of objects at once (e2e)', () => {
  let p: TestPlatform;
  let documents: DocumentsService;
  beforeAll(async () => {
    p = await startTestPlatform();
    documents = p.candidate.get(DocumentsService);
  });
  afterAll(() => p?.close());

  it('confirms more uploads at once than the bound: every one is verified with its SHA-256, never more than the bound streamed together', async () => {
    const c = await candidate(p);
    const files = Array.from({ length: HASH_CONCURRENCY * 3 + 1 }, (_, i) => pdfOf(512 * 1024 + i));
    const ids = await Promise.all(files.map((bytes) => uploaded(p, c, bytes)));
    const before = documents.hashing.stats();
    expect(before.active).toBe(0);

    const confirms = await Promise.all(ids.map((id) => api(p).post(`/documents/${id}/confirm`).set(c.auth)));
    for (const [i, res] of confirms.entries()) {
      expect({ i, status: res.status, body: res.body as unknown }).toEqual({
        i,
        status: 200,
        body: expect.objectContaining({ id: ids[i], status: 'verified', sizeBytes: files[i]!.length, sha256: sha256(files[i]!) }),
      });
    }
    const after = documents.hashing.stats();
    expect(after.peakActive).toBe(HASH_CONCURRENCY);
    // Some had to wait: the bound did hold them back.
    expect(after.peakWaiting).toBeGreaterThan(0);
    expect({ active: after.active, waiting: after.waiting, refused: after.refused }).toEqual({ active: 0, waiting: 0, refused: before.refused });
  });

  it('answers 503 DOCUMENT_CHECKS_BUSY with Retry-After when the line is full, keeps the upload, and confirms it once there is room', async () => {
    const c = await candidate(p);
    const bytes = pdfOf(64 * 1024);
    const id = await uploaded(p, c, bytes);
    // Every place taken and the line full (as by HASH_CONCURRENCY + HASH_MAX_WAITING confirms in progress).
    const held = await Promise.all(Array.from({ length: HASH_CONCURRENCY }, () => documents.hashing.acquire()));
    const waiting = Array.from({ length: HASH_MAX_WAITING }, () => documents.hashing.acquire());
    const busy = await api(p).post(`/documents/${id}/confirm`).set(c.auth);
    expect({ status: busy.status, code: busy.body.code, retryAfter: busy.headers['retry-after'] }).toEqual({ status: 503, code: 'DOCUMENT_CHECKS_BUSY', retryAfter: '5' });
    expect(busy.body.message).toMatch(/te veel bestanden/);
    expect(busy.body.details).toEqual({ maxConcurrent: HASH_CONCURRENCY, maxWaiting: HASH_MAX_WAITING });
    // Nothing was decided: the document is still pending and its upload is still there.
    expect((await api(p).get(`/documents/${id}`).set(c.auth).expect(200)).body).toMatchObject({ status: 'pending' });

    // Each holder lets go as soon as it is let in, as finished confirms would.
    const drained = Promise.all(waiting.map((admitted) => admitted.then((release) => release())));
    for (const release of held) release();
    await drained;
    expect(documents.hashing.stats()).toMatchObject({ active: 0, waiting: 0 });
    const ok = await api(p).post(`/documents/${id}/confirm`).set(c.auth);
    expect({ status: ok.status, sha256: ok.body.sha256 }).toEqual({ status: 200, sha256: sha256(bytes) });
  });
});
