import type { IncomingMessage } from 'node:http';
import { ListObjectsV2Command, PutObjectCommand } from '@aws-sdk/client-s3';
import request from 'supertest';
import { startTestPlatform, TestPlatform } from '@rlp/testing';
import { createS3Client } from '../libs/storage/src/s3-client.factory';
import { StorageService } from '../libs/storage/src/storage.service';
import { api, candidate, FILES, objectExists, readyToSubmit, sha256, upload, type Candidate, type UploadTarget } from './support/candidate-journey';
import { assign, declare, office, person, type Person } from './support/assessment-journey';
import { unzip } from './support/zip';

const TODAY = '2026-11-23';
const LIMIT = 64 * 1024;
const LONG_SESSIONS = { SESSION_TTL_MINUTES: String(60 * 24 * 60), SESSION_IDLE_MINUTES: String(60 * 24 * 60) };

/** Other bytes that pass every check the server makes at confirm: a PDF of exactly `length` bytes. */
function forged(length: number, label = 'vervalst'): Buffer {
  const head = Buffer.from(`%PDF-1.4\n% ${label}\n`);
  return Buffer.concat([head, Buffer.alloc(Math.max(0, length - head.length), 0x20)]).subarray(0, length);
}

/** The response body as bytes. An answer cut off halfway fails the request (superagent reports the socket's error). */
const binary = (response: request.Response, cb: (err: Error | null, body: Buffer) => void) => {
  const res = response as unknown as IncomingMessage; // what superagent hands a custom parser
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(res.complete ? null : new Error('response cut off'), Buffer.concat(chunks)));
};

/**
 * The attack of issue 18: the presigned PUT URL stays valid for its whole lifetime, so after
 * `confirm` — and after submission — it accepts other bytes, of any size. What anyone downloads
 * must still be the bytes that were verified (ADR 0005, docs/reliability.md).
 */
describe('the bytes that were verified are the bytes that are kept (e2e)', () => {
  let p: TestPlatform;
  let admin: Person;

  beforeAll(async () => {
    p = await startTestPlatform({ env: { ...LONG_SESSIONS, UPLOAD_MAX_BYTES: String(LIMIT) } });
    admin = await person(p, 'admin', 'Noloc');
  });
  afterAll(() => p.close());

  /** PUTs to a URL the platform handed out (again, for the attack). The embedded s3rver accepts it, as AWS S3 would within the URL's lifetime. */
  const put = async (target: UploadTarget, bytes: Buffer) => (await fetch(target.url, { method: 'PUT', headers: target.headers, body: bytes })).status;
  const fetchLink = async (res: request.Response): Promise<Buffer> => {
    expect({ status: res.status, body: res.status === 200 ? 'link' : res.body }).toEqual({ status: 200, body: 'link' });
    const got = await fetch(res.body.url as string);
    expect(got.status).toBe(200);
    return Buffer.from(await got.arrayBuffer());
  };
  const candidateDownload = async (c: Candidate, id: string) => fetchLink(await api(p).get(`/documents/${id}/download`).set(c.auth));
  /** The files of the personal-data export by document id, or why there are none. */
  const exportAttempt = async (c: Candidate): Promise<Map<string, Buffer> | 'cut off' | 'incomplete archive'> => {
    let body: Buffer;
    try {
      const res = await api(p).get('/me/export').set(c.auth).buffer(true).parse(binary);
      expect(res.status).toBe(200);
      body = res.body as Buffer;
    } catch {
      return 'cut off';
    }
    let entries: Map<string, Buffer>;
    try {
      entries = unzip(body);
    } catch {
      return 'incomplete archive';
    }
    const files = new Map<string, Buffer>();
    for (const [name, bytes] of entries) {
      const match = /^bestanden\/([0-9a-f-]{36})-/.exec(name);
      if (match) files.set(match[1]!, bytes);
    }
    return files;
  };
  const exported = async (c: Candidate): Promise<Map<string, Buffer>> => {
    const files = await exportAttempt(c);
    if (!(files instanceof Map)) throw new Error(`export: ${files}`);
    return files;
  };
  /** Every object stored for a document: its upload and its verified copies. */
  const storedKeys = async (ownerId: string, id: string): Promise<string[]> => {
    const s3 = createS3Client(p.config.storage, process.env['RLP_TEST_S3_ENDPOINT']!);
    try {
      const keys: string[] = [];
      for (const prefix of [`incoming/${ownerId}/${id}`, `verified/${ownerId}/${id}/`]) {
        const listed = await s3.send(new ListObjectsV2Command({ Bucket: p.config.storage.bucket, Prefix: prefix }));
        keys.push(...(listed.Contents ?? []).map((o) => o.Key!));
      }
      return keys.sort();
    } finally {
      s3.destroy();
    }
  };
  const storageKey = async (id: string) => (await p.db.query<{ storage_key: string }>(`SELECT storage_key FROM documents WHERE id = $1`, [id]))[0]!.storage_key;
  const auditActions = async (documentId: string) =>
    (await p.db.query<{ action: string }>(`SELECT action FROM audit_events WHERE subject_type = 'document' AND subject_id = $1 ORDER BY id`, [documentId])).map((e) => e.action);

  it('a re-PUT to the upload URL after confirm changes nothing the candidate downloads or exports', async () => {
    const c = await candidate(p);
    const original = FILES.pdf('origineel diploma');
    const { id, confirm, target } = await upload(p, c, 'diploma.pdf', original, 'application/pdf');
    expect(confirm.body).toMatchObject({ status: 'verified', sha256: sha256(original), sizeBytes: original.length });
    // The row names the verified copy; the upload itself is gone.
    const kept = await storageKey(id);
    expect(kept).toMatch(new RegExp(`^verified/${c.id}/${id}/[0-9a-f-]{36}$`));
    expect(await storedKeys(c.id, id)).toEqual([kept]);
    const attacks = [
      { label: 'same length, other bytes', bytes: forged(original.length) },
      { label: 'longer than declared', bytes: forged(original.length + 1000) },
      { label: 'over UPLOAD_MAX_BYTES', bytes: forged(LIMIT + 4096) },
    ];
    for (const attack of attacks) {
      // The old URL still accepts bytes: the attack reaches the storage.
      expect({ attack: attack.label, put: await put(target, attack.bytes) }).toEqual({ attack: attack.label, put: 200 });
      expect({ attack: attack.label, download: sha256(await candidateDownload(c, id)) }).toEqual({ attack: attack.label, download: sha256(original) });
      expect({ attack: attack.label, exported: sha256((await exported(c)).get(id) ?? Buffer.alloc(0)) }).toEqual({ attack: attack.label, exported: sha256(original) });
      // Confirming again does not verify the new bytes.
      const again = await api(p).post(`/documents/${id}/confirm`).set(c.auth).expect(200);
      expect(again.body).toMatchObject({ status: 'verified', sha256: sha256(original), sizeBytes: original.length });
    }
    expect(await auditActions(id)).toEqual(['document.upload_requested', 'document.verified']);
  });

  it('a re-PUT to the upload URLs after submission changes nothing the assessor, the candidate or the export delivers', async () => {
    const ready = await readyToSubmit(p, TODAY);
    const { c, portfolioId } = ready;
    await api(p).post(`/portfolios/${portfolioId}/submit`).set(c.auth).set('Idempotency-Key', `submit-${portfolioId}`).send({ revision: ready.revision }).expect(201);
    const assessor = await person(p, 'assessor', 'Bureau Een');
    expect((await assign(p, admin, portfolioId, assessor)).status).toBe(201);
    await declare(p, assessor, portfolioId);
    const frozen = (await office(p).get(`/assessments/${portfolioId}/portfolio`).set(assessor.auth).expect(200)).body.documents as Array<{ id: string; sha256: string; sizeBytes: number }>;
    const names = Object.keys(ready.ids);
    expect(frozen.map((d) => d.id).sort()).toEqual(names.map((n) => ready.ids[n]).sort());

    for (const name of names) {
      expect(await put(ready.targets[name]!, forged(ready.files[name]!.length, `vervalst ${name}`))).toBe(200);
    }
    const archive = await exported(c);
    for (const name of names) {
      const id = ready.ids[name]!;
      const recorded = frozen.find((d) => d.id === id)!;
      expect(recorded.sha256).toBe(sha256(ready.files[name]!));
      const byAssessor = await fetchLink(await office(p).get(`/assessments/${portfolioId}/documents/${id}`).set(assessor.auth));
      const byCandidate = await candidateDownload(c, id);
      expect({ name, assessor: sha256(byAssessor), candidate: sha256(byCandidate), exported: sha256(archive.get(id) ?? Buffer.alloc(0)) }).toEqual({
        name,
        assessor: recorded.sha256,
        candidate: recorded.sha256,
        exported: recorded.sha256,
      });
    }
  });

  it('an upload of other than the declared number of bytes never becomes verified; the URL signs the declared length', async () => {
    const c = await candidate(p);
    const cases = [
      { label: 'more bytes than declared', declared: 1000, sent: forged(1500), status: 400, code: 'UPLOAD_SIZE_MISMATCH' },
      { label: 'fewer bytes than declared', declared: 1000, sent: forged(600), status: 400, code: 'UPLOAD_SIZE_MISMATCH' },
      { label: 'more than UPLOAD_MAX_BYTES', declared: LIMIT, sent: forged(LIMIT + 1), status: 413, code: 'UPLOAD_TOO_LARGE' },
    ];
    for (const k of cases) {
      const req = await api(p).post('/documents').set(c.auth).send({ filename: 'groot.pdf', contentType: 'application/pdf', sizeBytes: k.declared }).expect(201);
      const target = req.body.upload as UploadTarget;
      // A strict endpoint (AWS S3, MinIO) refuses a body of another length with 403 SignatureDoesNotMatch;
      // s3rver does not check signatures, so here the server's own check has to catch it.
      expect(new URL(target.url).searchParams.get('X-Amz-SignedHeaders')?.split(';')).toEqual(expect.arrayContaining(['content-length', 'host']));
      expect(Object.keys(target.headers).map((h) => h.toLowerCase())).not.toContain('content-length');
      expect(await put(target, k.sent)).toBe(200);
      const id = req.body.document.id as string;
      const res = await api(p).post(`/documents/${id}/confirm`).set(c.auth);
      expect({ label: k.label, status: res.status, code: res.body.code }).toEqual({ label: k.label, status: k.status, code: k.code });
      expect(typeof res.body.message).toBe('string');
      expect((await api(p).get(`/documents/${id}`).set(c.auth).expect(200)).body).toMatchObject({ status: 'rejected', rejectionCode: k.code, sha256: null });
      expect(await objectExists(p, c.id, id)).toBe(false);
    }
  });

  it('a PUT that lands between the confirm\'s read and its copy is caught: nothing is verified until a confirm sees one object throughout', async () => {
    const c = await candidate(p);
    const original = FILES.pdf('origineel certificaat');
    const req = await api(p).post('/documents').set(c.auth).send({ filename: 'certificaat.pdf', contentType: 'application/pdf', sizeBytes: original.length }).expect(201);
    const target = req.body.upload as UploadTarget;
    const id = req.body.document.id as string;
    expect(await put(target, original)).toBe(200);

    // The other bytes arrive the moment the confirm, having read and hashed the upload, asks for the copy.
    const storage = p.candidate.get(StorageService);
    const copy = storage.copy.bind(storage);
    const swapped = forged(original.length);
    const spy = jest.spyOn(storage, 'copy').mockImplementationOnce(async (...args: Parameters<StorageService['copy']>) => {
      expect(await put(target, swapped)).toBe(200);
      return copy(...args);
    });
    try {
      const raced = await api(p).post(`/documents/${id}/confirm`).set(c.auth);
      expect({ status: raced.status, code: raced.body.code }).toEqual({ status: 409, code: 'UPLOAD_CHANGED' });
      expect(typeof raced.body.message).toBe('string');
    } finally {
      spy.mockRestore();
    }
    expect((await api(p).get(`/documents/${id}`).set(c.auth).expect(200)).body).toMatchObject({ status: 'pending', sha256: null });
    const keys = await p.db.query<{ storage_key: string }>(`SELECT storage_key FROM documents WHERE id = $1`, [id]);
    expect(keys).toEqual([{ storage_key: `incoming/${c.id}/${id}` }]);
    // The copy of the raced attempt was removed again.
    expect(await storedKeys(c.id, id)).toEqual([`incoming/${c.id}/${id}`]);

    // Confirming again verifies what is there now, and that is exactly what is served.
    const again = await api(p).post(`/documents/${id}/confirm`).set(c.auth).expect(200);
    expect(again.body).toMatchObject({ status: 'verified', sha256: sha256(swapped) });
    expect(sha256(await candidateDownload(c, id))).toBe(sha256(swapped));
    expect(await storedKeys(c.id, id)).toEqual([await storageKey(id)]);
    expect(await auditActions(id)).toEqual(['document.upload_requested', 'document.verified']);
  });

  it('bytes written to the stored object behind the platform\'s back are never handed out (s3rver does not check signatures)', async () => {
    const ready = await readyToSubmit(p, TODAY);
    const { c, portfolioId } = ready;
    await api(p).post(`/portfolios/${portfolioId}/submit`).set(c.auth).set('Idempotency-Key', `submit-${portfolioId}`).send({ revision: ready.revision }).expect(201);
    const assessor = await person(p, 'assessor', 'Bureau Twee');
    expect((await assign(p, admin, portfolioId, assessor)).status).toBe(201);
    await declare(p, assessor, portfolioId);

    // Whatever key the row names now, overwrite it directly: what a bent URL can do on an endpoint
    // that does not check signatures, or anyone with write access to the bucket.
    const id = ready.ids['doc-cv']!;
    const key = await storageKey(id);
    const s3 = createS3Client(p.config.storage, process.env['RLP_TEST_S3_ENDPOINT']!);
    try {
      await s3.send(new PutObjectCommand({ Bucket: p.config.storage.bucket, Key: key, Body: forged(ready.files['doc-cv']!.length), ContentType: 'application/pdf' }));
    } finally {
      s3.destroy();
    }

    for (const [who, res] of [
      ['candidate', await api(p).get(`/documents/${id}/download`).set(c.auth)],
      ['assessor', await office(p).get(`/assessments/${portfolioId}/documents/${id}`).set(assessor.auth)],
    ] as const) {
      expect({ who, status: res.status, code: res.body.code, url: res.body.url }).toEqual({ who, status: 409, code: 'DOCUMENT_INTEGRITY_FAILED', url: undefined });
      expect(typeof res.body.message).toBe('string');
    }
    // The export does not deliver a complete archive with the other bytes: it breaks off.
    const attempt = await exportAttempt(c);
    expect(attempt instanceof Map ? `complete, with ${sha256(attempt.get(id) ?? Buffer.alloc(0)) === sha256(ready.files['doc-cv']!) ? 'the verified' : 'other'} bytes` : 'broken off').toBe('broken off');
    // The office can see it happened; the other documents are still served.
    expect((await auditActions(id)).filter((a) => a === 'document.integrity_failed').length).toBeGreaterThanOrEqual(3);
    const other = ready.ids['doc-diploma']!;
    expect(sha256(await fetchLink(await office(p).get(`/assessments/${portfolioId}/documents/${other}`).set(assessor.auth)))).toBe(sha256(ready.files['doc-diploma']!));
  });

  it('a re-PUT after confirm changes nothing in a published regulation\'s official PDF (the office\'s uploads)', async () => {
    const original = FILES.pdf('gedragscode 2027');
    const req = await office(p).post('/admin/documents').set(admin.auth).send({ filename: 'gedragscode.pdf', contentType: 'application/pdf', sizeBytes: original.length }).expect(201);
    const target = req.body.upload as UploadTarget;
    expect(await put(target, original)).toBe(200);
    const pdfId = req.body.document.id as string;
    await office(p).post(`/admin/documents/${pdfId}/confirm`).set(admin.auth).expect(200);
    const draft = await office(p).post('/admin/regulations/gedragscode/versions').set(admin.auth).send({ title: 'Gedragscode 2027', body: '# Gedragscode\n\nNieuwe tekst.', changeSummary: 'Nieuw artikel 4' }).expect(201);
    const version = draft.body.version as number;
    await office(p).patch(`/admin/regulations/gedragscode/versions/${version}`).set(admin.auth).send({ pdfDocumentId: pdfId }).expect(200);
    await office(p).post(`/admin/regulations/gedragscode/versions/${version}/publish`).set(admin.auth).send({ effectiveFrom: TODAY }).expect(200);

    expect(await put(target, forged(original.length))).toBe(200);
    const c = await candidate(p);
    const got = await fetchLink(await api(p).get(`/regulations/gedragscode/versions/${version}/pdf`).set(c.auth));
    expect(sha256(got)).toBe(sha256(original));
  });
});
