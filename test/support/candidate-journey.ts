import { createHash } from 'node:crypto';
import { ListObjectsV2Command } from '@aws-sdk/client-s3';
import { createS3Client } from '../../libs/storage/src/s3-client.factory';
import request from 'supertest';
import type { TestPlatform } from '@rlp/testing';
import { completePortfolio } from '../../libs/rulebook/src/testing/portfolio.factory';

/** Small but real files: the server sniffs their first bytes. */
export const FILES = {
  pdf: (label: string) => Buffer.from(`%PDF-1.4\n% ${label}\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n`),
  png: () => Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 7)]),
  jpeg: () => Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(64, 3)]),
};

export const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

export interface Candidate {
  id: string;
  email: string;
  password: string;
  token: string;
  auth: { Authorization: string };
}

export async function candidate(p: TestPlatform): Promise<Candidate> {
  const a = await p.account('candidate');
  return { id: a.id, email: a.email, password: a.password, token: a.token, auth: { Authorization: `Bearer ${a.token}` } };
}

export const api = (p: TestPlatform) => request(p.candidate.getHttpServer());

/** Where the browser PUTs the bytes: the presigned URL and the headers to send. */
export interface UploadTarget {
  url: string;
  headers: Record<string, string>;
}

/** Request an upload, PUT the bytes to the presigned URL, confirm. Returns the confirm response and the URL used. */
export async function upload(p: TestPlatform, c: Candidate, filename: string, bytes: Buffer, contentType: string, declaredSize = bytes.length) {
  const req = await api(p).post('/documents').set(c.auth).send({ filename, contentType, sizeBytes: declaredSize }).expect(201);
  const { upload: target, document } = req.body as { upload: UploadTarget; document: { id: string } };
  const put = await fetch(target.url, { method: 'PUT', headers: target.headers, body: bytes });
  if (put.status !== 200) throw new Error(`presigned PUT failed: ${put.status} ${await put.text()}`);
  const confirm = await api(p).post(`/documents/${document.id}/confirm`).set(c.auth);
  return { id: document.id, confirm, target };
}

export async function createPortfolio(p: TestPlatform, c: Candidate): Promise<{ id: string; etags: Record<string, string> }> {
  const res = await api(p).post('/portfolios').set(c.auth).expect(201);
  return { id: res.body.id, etags: Object.fromEntries((res.body.sections as Array<{ section: string; etag: string }>).map((s) => [s.section, s.etag])) };
}

/** Drops what the server sets itself (signature dates, case ids). */
function clientSide<T>(value: T): T {
  return JSON.parse(JSON.stringify(value, (k, v: unknown) => (k === 'signedAt' || k === 'acceptedAt' || k === 'id' ? undefined : v))) as T;
}

/** The complete portfolio of the rulebook's factory, for `today`, with real uploaded documents. */
export async function completeSections(p: TestPlatform, c: Candidate, today: string) {
  const doc = completePortfolio(today as never);
  const files: Record<string, Buffer> = {};
  const ids: Record<string, string> = {};
  const targets: Record<string, UploadTarget> = {};
  for (const name of ['doc-diploma', 'doc-cert-1', 'doc-cert-2', 'doc-cv']) {
    files[name] = FILES.pdf(name);
    const { id, confirm, target } = await upload(p, c, `${name}.pdf`, files[name], 'application/pdf');
    if (confirm.status !== 200) throw new Error(`confirm ${name}: ${confirm.status} ${JSON.stringify(confirm.body)}`);
    ids[name] = id;
    targets[name] = target;
  }
  const withIds = JSON.parse(JSON.stringify(doc), (k, v: unknown) => (k === 'documentId' || k === 'cvDocumentId' ? ids[v as string] : v)) as typeof doc;
  const sections: Record<string, unknown> = {
    education: withIds.education,
    workExperience: clientSide(withIds.workExperience),
    cvAndMotivation: withIds.cvAndMotivation,
    'case-1': clientSide(withIds.cases![0]),
    'case-2': clientSide(withIds.cases![1]),
    developmentPlan: withIds.developmentPlan,
    declarations: clientSide(withIds.declarations),
  };
  return { sections, files, ids, targets };
}

export async function writeSection(p: TestPlatform, c: Candidate, portfolioId: string, section: string, etag: string, body: unknown) {
  return api(p).put(`/portfolios/${portfolioId}/sections/${section}`).set(c.auth).set('If-Match', etag).send(body as object);
}

/** A candidate with a portfolio that is complete and ready to submit. */
export async function readyToSubmit(p: TestPlatform, today: string) {
  const c = await candidate(p);
  const portfolio = await createPortfolio(p, c);
  const { sections, files, ids, targets } = await completeSections(p, c, today);
  for (const [section, body] of Object.entries(sections)) {
    const res = await writeSection(p, c, portfolio.id, section, portfolio.etags[section]!, body);
    if (res.status !== 200) throw new Error(`${section}: ${res.status} ${JSON.stringify(res.body)}`);
  }
  const view = await api(p).get(`/portfolios/${portfolio.id}`).set(c.auth).expect(200);
  return { c, portfolioId: portfolio.id, revision: view.body.revision as string, files, ids, targets };
}

/**
 * Whether any stored object of a document still exists in the test bucket: the upload
 * (`incoming/<owner>/<id>`), the verified copy (`verified/<owner>/<id>/…`), or the single key
 * used before ADR 0005's revision (`documents/<owner>/<id>`).
 */
export async function objectExists(p: TestPlatform, ownerId: string, documentId: string): Promise<boolean> {
  const s3 = createS3Client(p.config.storage, process.env['RLP_TEST_S3_ENDPOINT']!);
  try {
    for (const prefix of [`incoming/${ownerId}/${documentId}`, `verified/${ownerId}/${documentId}/`, `documents/${ownerId}/${documentId}`]) {
      const listed = await s3.send(new ListObjectsV2Command({ Bucket: p.config.storage.bucket, Prefix: prefix }));
      if ((listed.Contents ?? []).some((o) => o.Key === prefix || (prefix.endsWith('/') && o.Key?.startsWith(prefix)))) return true;
    }
    return false;
  } finally {
    s3.destroy();
  }
}
