import request from 'supertest';
import { startTestPlatform, TestPlatform } from '@rlp/testing';
import { api, candidate, completeSections, createPortfolio, FILES, objectExists, readyToSubmit, sha256, upload, writeSection } from './support/candidate-journey';

const TODAY = '2026-11-23';

describe('candidate portal: from registration to a frozen submission (e2e)', () => {
  let p: TestPlatform;

  beforeAll(async () => {
    p = await startTestPlatform({ now: new Date(`${TODAY}T10:00:00Z`), mail: true });
  });
  afterAll(() => p.close());

  it('registers, builds every part with real uploads, previews, turns complete, submits and is frozen', async () => {
    await api(p).post('/auth/register').send({ email: 'sanne@example.nl', password: 'een-lang-wachtwoord', displayName: 'Sanne de Vries' }).expect(202);
    const login = await api(p).post('/auth/login').send({ email: 'sanne@example.nl', password: 'een-lang-wachtwoord' }).expect(200);
    const account = await api(p).get('/account').set({ Authorization: `Bearer ${login.body.token}` }).expect(200);
    const c = { id: account.body.id as string, email: 'sanne@example.nl', password: 'een-lang-wachtwoord', token: login.body.token as string, auth: { Authorization: `Bearer ${login.body.token}` } };

    const created = await createPortfolio(p, c);
    const id = created.id;
    const initial = await api(p).get(`/portfolios/${id}/completeness`).set(c.auth).expect(200);
    expect(initial.body.complete).toBe(false);
    const blockingParts = new Set((initial.body.findings as Array<{ severity: string; code: string }>).filter((f) => f.severity === 'blocking').map((f) => f.code.split('.')[0]));
    expect([...blockingParts].sort()).toEqual(['A', 'B1', 'B2', 'C', 'D', 'E']);

    const { sections, files, ids } = await completeSections(p, c, TODAY);
    const order = ['education', 'workExperience', 'cvAndMotivation', 'case-1', 'case-2', 'developmentPlan', 'declarations'];
    let lastBlocking = Infinity;
    for (const section of order) {
      const res = await writeSection(p, c, id, section, created.etags[section]!, sections[section]);
      expect({ section, status: res.status, body: res.status === 200 ? undefined : res.body }).toEqual({ section, status: 200, body: undefined });
      expect(res.headers['etag']).toBe(`"${section}.2"`);
      const report = await api(p).get(`/portfolios/${id}/completeness`).set(c.auth).expect(200);
      const blocking = (report.body.findings as Array<{ severity: string }>).filter((f) => f.severity === 'blocking').length;
      expect(blocking).toBeLessThan(lastBlocking);
      lastBlocking = blocking;
    }
    const report = await api(p).get(`/portfolios/${id}/completeness?lang=nl`).set(c.auth).expect(200);
    expect(report.body).toMatchObject({ complete: true, referenceDate: TODAY, regulationVersions: { gedragscode: 1, klachtenreglement: 1 } });
    for (const part of ['A', 'B1', 'B2', 'C', 'D', 'E']) {
      const { done, total } = report.body.progress.parts[part] as { done: number; total: number };
      expect({ part, done }).toEqual({ part, done: total });
    }

    // The server stamped the signatures and recorded the acceptances.
    const decl = await api(p).get(`/portfolios/${id}/sections/declarations`).set(c.auth).expect(200);
    expect(decl.body.content.gedragscode).toEqual({ accepted: true, version: 1, acceptedAt: TODAY });
    const acceptances = await p.db.query<{ type: string; version: number }>(
      `SELECT v."type", v."version" FROM "regulation_acceptances" a JOIN "regulation_versions" v ON v."id" = a."regulation_version_id" WHERE a."portfolio_id" = $1 ORDER BY 1`,
      [id],
    );
    expect(acceptances).toEqual([{ type: 'gedragscode', version: 1 }, { type: 'klachtenreglement', version: 1 }]);

    // The exported document passes the offline checker's engine as it is.
    const doc = await api(p).get(`/portfolios/${id}/document?download=true`).set(c.auth).expect(200);
    expect(doc.headers['content-disposition']).toContain('attachment');
    expect(doc.body.cases).toHaveLength(2);

    const preview = await api(p).get(`/portfolios/${id}/preview.pdf`).set(c.auth).buffer(true).parse(binary).expect(200);
    expect(preview.headers['content-type']).toBe('application/pdf');
    expect((preview.body as Buffer).subarray(0, 5).toString()).toBe('%PDF-');

    const view = await api(p).get(`/portfolios/${id}`).set(c.auth).expect(200);
    // The address is confirmed through the link in the mail that arrived (ADR 0020); submitting needs it.
    const confirmMail = await p.mail!.waitFor((m) => m.to.includes('sanne@example.nl'));
    const token = /\/e-mailadres-bevestigen\?token=([A-Za-z0-9_-]+)/.exec(confirmMail.text)![1];
    await api(p).post('/auth/email-verification/confirm').send({ token }).expect(200);
    const submitted = await api(p).post(`/portfolios/${id}/submit`).set(c.auth).set('Idempotency-Key', 'submit-sanne-0001').send({ revision: view.body.revision }).expect(201);
    const submission = submitted.body.submission;
    expect(submission).toMatchObject({ portfolioId: id, rulebookVersion: view.body.rulebookVersion, regulationVersions: { reglement: 1, gedragscode: 1, klachtenreglement: 1 }, contentHashValid: true });
    expect(submission.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(Object.fromEntries((submission.documents as Array<{ id: string; sha256: string }>).map((d) => [d.id, d.sha256]))).toEqual(
      Object.fromEntries(Object.entries(ids).map(([name, docId]) => [docId, sha256(files[name]!)])),
    );

    // A retry returns the same submission; the same key with another body is refused.
    const retry = await api(p).post(`/portfolios/${id}/submit`).set(c.auth).set('Idempotency-Key', 'submit-sanne-0001').send({ revision: view.body.revision }).expect(201);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.body.submission.id).toBe(submission.id);
    const reused = await api(p).post(`/portfolios/${id}/submit`).set(c.auth).set('Idempotency-Key', 'submit-sanne-0001').send({ revision: 'something-else' }).expect(422);
    expect(reused.body.code).toBe('IDEMPOTENCY_KEY_REUSED');

    // Frozen: every edit is refused, the documents it names cannot be deleted.
    const after = await api(p).get(`/portfolios/${id}`).set(c.auth).expect(200);
    expect(after.body.status).toBe('submitted');
    for (const s of after.body.sections as Array<{ section: string; etag: string }>) {
      const put = await writeSection(p, c, id, s.section, s.etag, {});
      expect({ section: s.section, status: put.status, code: put.body.code }).toEqual({ section: s.section, status: 409, code: 'PORTFOLIO_NOT_EDITABLE' });
    }
    const del = await api(p).delete(`/documents/${ids['doc-cv']}`).set(c.auth).expect(409);
    expect(del.body.code).toBe('DOCUMENT_IN_USE');
    const again = await api(p).post(`/portfolios/${id}/submit`).set(c.auth).set('Idempotency-Key', 'submit-sanne-0002').send({ revision: view.body.revision }).expect(409);
    expect(again.body.code).toBe('PORTFOLIO_ALREADY_SUBMITTED');

    const frozen = await api(p).get(`/portfolios/${id}/submission`).set(c.auth).expect(200);
    expect(frozen.body).toMatchObject({ id: submission.id, contentHash: submission.contentHash, contentHashValid: true });
    expect(frozen.body.document.declarations.gedragscode.version).toBe(1);
    const pdf = await api(p).get(`/portfolios/${id}/submission.pdf`).set(c.auth).buffer(true).parse(binary).expect(200);
    expect((pdf.body as Buffer).subarray(0, 5).toString()).toBe('%PDF-');

    // The database itself refuses to change the snapshot.
    await expect(p.db.query(`UPDATE "submissions" SET "content_hash" = repeat('0', 64) WHERE "id" = $1`, [submission.id])).rejects.toThrow(/append-only/);
    const events = await p.db.query<{ action: string }>(`SELECT "action" FROM "audit_events" WHERE "subject_id" = $1 AND "action" = 'portfolio.submitted'`, [id]);
    expect(events).toHaveLength(1);

    // Everything stored about the candidate, with the files (AVG/GDPR).
    const zip = await api(p).get('/me/export').set(c.auth).buffer(true).parse(binary).expect(200);
    expect(zip.headers['content-type']).toBe('application/zip');
    const bytes = zip.body as Buffer;
    expect(bytes.subarray(0, 2).toString()).toBe('PK');
    expect(bytes.includes('gegevens.json')).toBe(true);
    for (const docId of Object.values(ids)) expect(bytes.includes(`bestanden/${docId}-`)).toBe(true);
    expect(bytes.includes('password_hash')).toBe(false);
  });

  it('never loses an edit: concurrent writers with the same ETag get one 200 and 412s, and every save stays retrievable', async () => {
    const c = await candidate(p);
    const { id, etags } = await createPortfolio(p, c);
    const writers = Array.from({ length: 8 }, (_, i) =>
      api(p).patch(`/portfolios/${id}/sections/cvAndMotivation`).set(c.auth).set('If-Match', etags['cvAndMotivation']!).set('Content-Type', 'application/merge-patch+json').send(JSON.stringify({ motivation: `versie ${i}` })),
    );
    const results = await Promise.all(writers);
    const ok = results.filter((r) => r.status === 200);
    expect(ok).toHaveLength(1);
    expect(results.filter((r) => r.status === 412).every((r) => r.body.code === 'STALE_SECTION')).toBe(true);
    expect(results.filter((r) => r.status !== 200 && r.status !== 412)).toEqual([]);
    const final = await api(p).get(`/portfolios/${id}/sections/cvAndMotivation`).set(c.auth).expect(200);
    expect(final.body.content).toEqual(ok[0]!.body.content);
    expect(final.headers['etag']).toBe('"cvAndMotivation.2"');

    // 428 without If-Match, 412 with a stale one; nothing changes.
    expect((await api(p).put(`/portfolios/${id}/sections/cvAndMotivation`).set(c.auth).send({ motivation: 'x' }).expect(428)).body.code).toBe('IF_MATCH_REQUIRED');
    expect((await writeSection(p, c, id, 'cvAndMotivation', etags['cvAndMotivation']!, { motivation: 'x' }).then((r) => r)).status).toBe(412);
    expect((await writeSection(p, c, id, 'cvAndMotivation', '"education.2"', { motivation: 'x' })).status).toBe(412);

    // A merge patch changes only what it names; the same patch again changes nothing (same version).
    const patched = await api(p).patch(`/portfolios/${id}/sections/cvAndMotivation`).set(c.auth).set('If-Match', final.headers['etag']!).send({ motivation: 'definitief' }).expect(200);
    const noop = await api(p).patch(`/portfolios/${id}/sections/cvAndMotivation`).set(c.auth).set('If-Match', patched.headers['etag']!).send({ motivation: 'definitief' }).expect(200);
    expect(noop.headers['etag']).toBe(patched.headers['etag']);
    const revisions = await api(p).get(`/portfolios/${id}/sections/cvAndMotivation/revisions`).set(c.auth).expect(200);
    expect((revisions.body as Array<{ version: number }>).map((r) => r.version)).toEqual([3, 2, 1]);
    const first = await api(p).get(`/portfolios/${id}/sections/cvAndMotivation/revisions/2`).set(c.auth).expect(200);
    expect(first.body.content).toEqual(ok[0]!.body.content);
    // Other sections were never touched.
    const other = await api(p).get(`/portfolios/${id}/sections/education`).set(c.auth).expect(200);
    expect(other.body.version).toBe(1);
  });

  it('gives a clear 4xx for bad input and changes nothing', async () => {
    const c = await candidate(p);
    const { id, etags } = await createPortfolio(p, c);
    const put = (section: string, body: unknown) => writeSection(p, c, id, section, etags[section] ?? `"${section}.1"`, body);
    const cases: Array<[string, Promise<request.Response>, number, string]> = [
      ['non-uuid id', api(p).get('/portfolios/nope').set(c.auth), 400, 'INVALID_ID'],
      ['unknown section', api(p).get(`/portfolios/${id}/sections/secrets`).set(c.auth), 404, 'SECTION_NOT_FOUND'],
      ['wrong type', put('workExperience', { experienceDeclaration: { hours: 'veel' } }), 400, 'INVALID_SECTION'],
      ['unknown property', put('education', { route: 'A2', owner: 'me' }), 400, 'INVALID_SECTION'],
      ['array body', put('education', [1, 2]), 400, 'INVALID_SECTION'],
      ['huge string', put('cvAndMotivation', { motivation: 'x'.repeat(25_000) }), 400, 'INVALID_SECTION'],
      ['NUL character', put('cvAndMotivation', { motivation: 'a\u0000b' }), 400, 'INVALID_SECTION'],
      ['invented signature date', put('workExperience', { activeDeclaration: { signed: true, signedAt: '2020-01-01' } }), 400, 'SERVER_MANAGED_FIELD'],
      ['superseded or unknown version', put('declarations', { gedragscode: { accepted: true, version: 7 } }), 409, 'REGULATION_VERSION_NOT_CURRENT'],
      ['acceptance without version', put('declarations', { gedragscode: { accepted: true } }), 400, 'REGULATION_VERSION_REQUIRED'],
      ['unknown document', put('cvAndMotivation', { cvDocumentId: '00000000-0000-4000-8000-000000000000' }), 400, 'UNKNOWN_DOCUMENT'],
      // The example document's ids are not document ids: refused before a lookup (they reached the uuid column, a 500).
      ['document reference that is not an id', put('cvAndMotivation', { cvDocumentId: 'doc-4e7a1c90' }), 400, 'INVALID_SECTION'],
      ['evidence reference that is not an id', put('education', { evidence: [{ kind: 'diploma', documentId: 'doc-7d1f3a02' }] }), 400, 'INVALID_SECTION'],
      ['case id chosen by client', put('case-1', { id: 'case-2' }), 400, 'INVALID_SECTION'],
      ['malformed JSON', api(p).put(`/portfolios/${id}/sections/education`).set(c.auth).set('If-Match', etags['education']!).set('Content-Type', 'application/json').send('{"route":'), 400, 'MALFORMED_JSON'],
      ['submit without key', api(p).post(`/portfolios/${id}/submit`).set(c.auth).send({ revision: 'x' }), 428, 'IDEMPOTENCY_KEY_REQUIRED'],
      ['submit with a short key', api(p).post(`/portfolios/${id}/submit`).set(c.auth).set('Idempotency-Key', 'k').send({ revision: 'x' }), 400, 'INVALID_IDEMPOTENCY_KEY'],
      ['submit without revision', api(p).post(`/portfolios/${id}/submit`).set(c.auth).set('Idempotency-Key', 'key-00000001').send({}), 400, 'VALIDATION_FAILED'],
      ['submit a stale revision', api(p).post(`/portfolios/${id}/submit`).set(c.auth).set('Idempotency-Key', 'key-00000002').send({ revision: 'old' }), 412, 'PORTFOLIO_CHANGED'],
      ['upload of a forbidden type', api(p).post('/documents').set(c.auth).send({ filename: 'x.svg', contentType: 'image/svg+xml', sizeBytes: 10 }), 400, 'UPLOAD_TYPE_NOT_ALLOWED'],
      ['upload too large', api(p).post('/documents').set(c.auth).send({ filename: 'x.pdf', contentType: 'application/pdf', sizeBytes: 20 * 1024 * 1024 + 1 }), 413, 'UPLOAD_TOO_LARGE'],
      ['upload negative size', api(p).post('/documents').set(c.auth).send({ filename: 'x.pdf', contentType: 'application/pdf', sizeBytes: -1 }), 400, 'VALIDATION_FAILED'],
      ['upload extra field', api(p).post('/documents').set(c.auth).send({ filename: 'x.pdf', contentType: 'application/pdf', sizeBytes: 1, ownerId: c.id }), 400, 'VALIDATION_FAILED'],
      ['revision that is not a number', api(p).get(`/portfolios/${id}/sections/education/revisions/abc`).set(c.auth), 400, 'INVALID_VERSION'],
      ['revision that does not exist', api(p).get(`/portfolios/${id}/sections/education/revisions/99`).set(c.auth), 404, 'REVISION_NOT_FOUND'],
      ['revision above the integer range', api(p).get(`/portfolios/${id}/sections/education/revisions/99999999999`).set(c.auth), 400, 'INVALID_VERSION'],
      ['regulation version above the integer range', api(p).get('/regulations/gedragscode/versions/3000000000').set(c.auth), 400, 'INVALID_VERSION'],
      ['guidance of an unknown rulebook', api(p).get('/guidance?rulebook=nope').set(c.auth), 404, 'RULEBOOK_NOT_FOUND'],
      ['guidance in an unknown language', api(p).get('/guidance?lang=fr').set(c.auth), 400, 'VALIDATION_FAILED'],
      ['unknown regulation', api(p).get('/regulations/huisregels/versions/1').set(c.auth), 404, 'REGULATION_VERSION_NOT_FOUND'],
      ['second open portfolio', api(p).post('/portfolios').set(c.auth), 409, 'PORTFOLIO_EXISTS'],
    ];
    for (const [name, pending, status, code] of cases) {
      const res = await pending;
      expect({ name, status: res.status, code: res.body.code }).toEqual({ name, status, code });
      expect(typeof res.body.message).toBe('string');
    }
    const incomplete = await api(p).post(`/portfolios/${id}/submit`).set(c.auth).set('Idempotency-Key', 'key-00000003').send({ revision: (await api(p).get(`/portfolios/${id}`).set(c.auth)).body.revision }).expect(422);
    expect(incomplete.body.code).toBe('PORTFOLIO_INCOMPLETE');
    expect(incomplete.body.details.blocking.length).toBeGreaterThan(5);
    const state = await api(p).get(`/portfolios/${id}`).set(c.auth).expect(200);
    expect((state.body.sections as Array<{ version: number }>).every((s) => s.version === 1)).toBe(true);
    expect(state.body.status).toBe('draft');
  });

  it('verifies uploads on the stored bytes, deletes what fails, and serves downloads as attachments', async () => {
    const c = await candidate(p);
    const disguised = await upload(p, c, 'foto.png', FILES.pdf('pdf as png'), 'image/png');
    expect(disguised.confirm.status).toBe(400);
    expect(disguised.confirm.body.code).toBe('UPLOAD_TYPE_MISMATCH');
    const html = await upload(p, c, 'page.pdf', Buffer.from('<html><script>alert(1)</script></html>'), 'application/pdf');
    expect(html.confirm.body.code).toBe('UPLOAD_TYPE_NOT_ALLOWED');
    const empty = await upload(p, c, 'leeg.pdf', Buffer.alloc(0), 'application/pdf', 1);
    expect(empty.confirm.body.code).toBe('UPLOAD_EMPTY');
    const liar = await upload(p, c, 'groot.pdf', Buffer.concat([FILES.pdf('big'), Buffer.alloc(20 * 1024 * 1024)]), 'application/pdf', 100);
    expect(liar.confirm.status).toBe(413);
    expect(liar.confirm.body.code).toBe('UPLOAD_TOO_LARGE');
    for (const rejected of [disguised, html, empty, liar]) {
      expect(await objectExists(p, c.id, rejected.id)).toBe(false);
      const row = await api(p).get(`/documents/${rejected.id}`).set(c.auth).expect(200);
      expect(row.body.status).toBe('rejected');
    }

    const pending = await api(p).post('/documents').set(c.auth).send({ filename: 'nog-niet.pdf', contentType: 'application/pdf', sizeBytes: 10 }).expect(201);
    expect((await api(p).post(`/documents/${pending.body.document.id}/confirm`).set(c.auth).expect(409)).body.code).toBe('UPLOAD_NOT_RECEIVED');

    const png = FILES.png();
    const good = await upload(p, c, '../../etc/\u202Egnp.exe', png, 'image/png');
    expect(good.confirm.status).toBe(200);
    expect(good.confirm.body).toMatchObject({ status: 'verified', contentType: 'image/png', sizeBytes: png.length, sha256: sha256(png), filename: 'gnp.exe.png' });
    const link = await api(p).get(`/documents/${good.id}/download`).set(c.auth).expect(200);
    const got = await fetch(link.body.url);
    expect(got.status).toBe(200);
    expect(got.headers.get('content-type')).toBe('image/png');
    expect(got.headers.get('content-disposition')).toMatch(/^attachment; filename="gnp\.exe\.png"/);
    expect(sha256(Buffer.from(await got.arrayBuffer()))).toBe(sha256(png));
    const again = await api(p).post(`/documents/${good.id}/confirm`).set(c.auth).expect(200);
    expect(again.body.sha256).toBe(sha256(png));

    // Referenced by a draft section: deleting is refused; once unreferenced it goes, object and all.
    const { id, etags } = await createPortfolio(p, c);
    const jpeg = await upload(p, c, 'cv.jpg', FILES.jpeg(), 'image/jpeg');
    await writeSection(p, c, id, 'cvAndMotivation', etags['cvAndMotivation']!, { cvDocumentId: jpeg.id }).then((r) => expect(r.status).toBe(200));
    const refused = await api(p).delete(`/documents/${jpeg.id}`).set(c.auth).expect(409);
    expect(refused.body).toMatchObject({ code: 'DOCUMENT_IN_USE', details: { references: [{ where: `portfolio/${id}/sections/cvAndMotivation` }] } });
    await writeSection(p, c, id, 'cvAndMotivation', '"cvAndMotivation.2"', {}).then((r) => expect(r.status).toBe(200));
    await api(p).delete(`/documents/${jpeg.id}`).set(c.auth).expect(204);
    expect(await objectExists(p, c.id, jpeg.id)).toBe(false);
    await api(p).get(`/documents/${jpeg.id}`).set(c.auth).expect(404);
  });

  it('submits exactly once under concurrent retries and double clicks', async () => {
    const same = await readyToSubmit(p, TODAY);
    const sameKey = await Promise.all(
      Array.from({ length: 6 }, () => api(p).post(`/portfolios/${same.portfolioId}/submit`).set(same.c.auth).set('Idempotency-Key', 'double-click-0001').send({ revision: same.revision })),
    );
    expect(sameKey.filter((r) => r.status === 201 && r.headers['idempotent-replayed'] !== 'true')).toHaveLength(1);
    expect(sameKey.every((r) => r.status === 201 || (r.status === 409 && r.body.code === 'IDEMPOTENCY_IN_PROGRESS'))).toBe(true);
    const ids = new Set(sameKey.filter((r) => r.status === 201).map((r) => r.body.submission.id as string));
    expect(ids.size).toBe(1);

    const other = await readyToSubmit(p, TODAY);
    const differentKeys = await Promise.all(
      Array.from({ length: 6 }, (_, i) => api(p).post(`/portfolios/${other.portfolioId}/submit`).set(other.c.auth).set('Idempotency-Key', `tab-${i}-000000`).send({ revision: other.revision })),
    );
    expect(differentKeys.filter((r) => r.status === 201)).toHaveLength(1);
    expect(differentKeys.filter((r) => r.status !== 201).every((r) => r.status === 409 && r.body.code === 'PORTFOLIO_ALREADY_SUBMITTED')).toBe(true);
    const rows = await p.db.query<{ n: string }>(`SELECT count(*) AS n FROM "submissions" WHERE "portfolio_id" IN ($1, $2)`, [same.portfolioId, other.portfolioId]);
    expect(Number(rows[0]!.n)).toBe(2);
  });

  it('serves guidance and the current regulations in Dutch and English', async () => {
    const c = await candidate(p);
    const both = await api(p).get('/guidance').set(c.auth).expect(200);
    expect(Object.keys(both.body).sort()).toEqual(['en', 'nl']);
    const nl = await api(p).get('/guidance?lang=nl').set(c.auth).expect(200);
    expect(JSON.stringify(nl.body)).toContain('handreiking'.slice(0, 4));
    const regs = await api(p).get('/regulations').set(c.auth).expect(200);
    expect((regs.body as Array<{ type: string; version: number; current: boolean }>).map((r) => [r.type, r.version, r.current])).toEqual([
      ['reglement', 1, true],
      ['gedragscode', 1, true],
      ['klachtenreglement', 1, true],
    ]);
  });
});

function binary(res: request.Response, cb: (err: Error | null, body: Buffer) => void): void {
  const stream = res as unknown as NodeJS.ReadableStream;
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c));
  stream.on('end', () => cb(null, Buffer.concat(chunks)));
}
