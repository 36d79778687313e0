import request from 'supertest';
import { startTestPlatform, TestPlatform } from '@rlp/testing';
import { FILES, sha256 } from './support/candidate-journey';

const TODAY = '2026-11-23';

describe('official PDF of a regulation version, readable by everyone logged in (e2e)', () => {
  let p: TestPlatform;
  const office = () => request(p.assessor.getHttpServer());

  beforeAll(async () => {
    p = await startTestPlatform({ now: new Date(`${TODAY}T10:00:00Z`) });
  });
  afterAll(() => p.close());

  async function adminUpload(token: string, bytes: Buffer, contentType: string): Promise<string> {
    const auth = { Authorization: `Bearer ${token}` };
    const req = await office().post('/admin/documents').set(auth).send({ filename: 'gedragscode.pdf', contentType, sizeBytes: bytes.length }).expect(201);
    const put = await fetch(req.body.upload.url, { method: 'PUT', headers: req.body.upload.headers, body: bytes });
    expect(put.status).toBe(200);
    await office().post(`/admin/documents/${req.body.document.id}/confirm`).set(auth).expect(200);
    return req.body.document.id as string;
  }

  it('attaches a verified PDF to a draft, publishes it, and serves it to candidates and assessors as an attachment', async () => {
    const admin = await p.account('admin');
    const other = await p.account('admin');
    const auth = { Authorization: `Bearer ${admin.token}` };
    const pdf = FILES.pdf('gedragscode versie 2');
    const pdfId = await adminUpload(admin.token, pdf, 'application/pdf');
    const pngId = await adminUpload(admin.token, FILES.png(), 'image/png');
    const othersPdf = await adminUpload(other.token, FILES.pdf('other'), 'application/pdf');

    const draft = await office().post('/admin/regulations/gedragscode/versions').set(auth).send({ title: 'Gedragscode 2027', body: '# Gedragscode\n\nNieuwe tekst.', changeSummary: 'Nieuw artikel 4' }).expect(201);
    const version = draft.body.version as number;
    for (const id of [pngId, othersPdf, '00000000-0000-4000-8000-000000000000']) {
      const res = await office().patch(`/admin/regulations/gedragscode/versions/${version}`).set(auth).send({ pdfDocumentId: id }).expect(400);
      expect(res.body.code).toBe('INVALID_REGULATION_PDF');
    }
    const attached = await office().patch(`/admin/regulations/gedragscode/versions/${version}`).set(auth).send({ pdfDocumentId: pdfId }).expect(200);
    expect(attached.body.pdfDocumentId).toBe(pdfId);
    await office().post(`/admin/regulations/gedragscode/versions/${version}/publish`).set(auth).send({ effectiveFrom: TODAY }).expect(200);
    const refused = await office().patch(`/admin/regulations/gedragscode/versions/${version}`).set(auth).send({ pdfDocumentId: null }).expect(409);
    expect(refused.body.code).toBe('REGULATION_VERSION_PUBLISHED');

    const candidate = await p.account('candidate');
    const assessor = await p.account('assessor');
    const link = await request(p.candidate.getHttpServer()).get(`/regulations/gedragscode/versions/${version}/pdf`).set('Authorization', `Bearer ${candidate.token}`).expect(200);
    const got = await fetch(link.body.url);
    expect(got.headers.get('content-type')).toBe('application/pdf');
    expect(got.headers.get('content-disposition')).toMatch(/^attachment;/);
    expect(sha256(Buffer.from(await got.arrayBuffer()))).toBe(sha256(pdf));

    const current = await office().get('/regulations').set('Authorization', `Bearer ${assessor.token}`).expect(200);
    expect((current.body as Array<{ type: string; version: number }>).find((r) => r.type === 'gedragscode')?.version).toBe(version);
    const history = await office().get('/regulations/gedragscode/versions').set('Authorization', `Bearer ${assessor.token}`).expect(200);
    expect((history.body as Array<{ version: number; status: string }>).map((v) => [v.version, v.status])).toEqual([
      [version, 'published'],
      [1, 'superseded'],
    ]);
    const none = await office().get('/regulations/gedragscode/versions/1/pdf').set('Authorization', `Bearer ${assessor.token}`).expect(404);
    expect(none.body.code).toBe('REGULATION_PDF_NOT_FOUND');
    await request(p.candidate.getHttpServer()).get('/regulations').expect(401);
  });

  it('takes the official PDF when the draft is created, with the same checks as a change, and refuses a wrong one without creating anything', async () => {
    const admin = await p.account('admin');
    const other = await p.account('admin');
    const auth = { Authorization: `Bearer ${admin.token}` };
    const pdfId = await adminUpload(admin.token, FILES.pdf('klachtenreglement versie 2'), 'application/pdf');
    const pngId = await adminUpload(admin.token, FILES.png(), 'image/png');
    const othersPdf = await adminUpload(other.token, FILES.pdf('other'), 'application/pdf');
    const versions = async () => ((await office().get('/admin/regulations/klachtenreglement/versions').set(auth).expect(200)).body as Array<{ version: number }>).map((v) => v.version);
    const before = await versions();

    for (const id of [pngId, othersPdf, '00000000-0000-4000-8000-000000000000']) {
      const res = await office().post('/admin/regulations/klachtenreglement/versions').set(auth).send({ title: 'Klachtenreglement 2027', pdfDocumentId: id }).expect(400);
      expect(res.body).toMatchObject({ code: 'INVALID_REGULATION_PDF', details: { documentId: id } });
    }
    expect((await office().post('/admin/regulations/klachtenreglement/versions').set(auth).send({ pdfDocumentId: 'geen-uuid' }).expect(400)).body.code).toBe('VALIDATION_FAILED');
    expect(await versions()).toEqual(before);

    const created = await office().post('/admin/regulations/klachtenreglement/versions').set(auth).send({ title: 'Klachtenreglement 2027', pdfDocumentId: pdfId }).expect(201);
    expect(created.body).toMatchObject({ status: 'draft', pdfDocumentId: pdfId });
    const read = await office().get(`/admin/regulations/klachtenreglement/versions/${created.body.version}`).set(auth).expect(200);
    expect(read.body.pdfDocumentId).toBe(pdfId);
    const audit = await office().get(`/admin/audit-events?personId=${admin.id}&limit=50`).set(auth).expect(200);
    const event = (audit.body.events as Array<{ action: string; data: { version?: number; fields?: string[] } }>).find((e) => e.action === 'regulation.draft_created' && e.data.version === created.body.version);
    expect(event?.data.fields).toEqual(expect.arrayContaining(['title', 'pdfDocumentId']));

    // Without pdfDocumentId (or with null) the draft has none, as before.
    const plain = await office().post('/admin/regulations/klachtenreglement/versions').set(auth).send({ pdfDocumentId: null }).expect(201);
    expect(plain.body.pdfDocumentId).toBeNull();
  });
});
