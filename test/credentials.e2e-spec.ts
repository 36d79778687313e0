/**
 * Issue 16: every register entry is also a W3C Verifiable Credential (Open Badges 3.0, secured as
 * VC-JWT with Ed25519), with a Bitstring Status List for revocation and a public check. The
 * credential and the status list are verified here with `jose` itself and a status-list decoder
 * written in this file — not with the platform's own verification code.
 */
import { generateKeyPairSync } from 'node:crypto';
import { gunzipSync } from 'node:zlib';
import { CompactSign, compactVerify, createLocalJWKSet, jwtVerify, type JSONWebKeySet } from 'jose';
import QRCode from 'qrcode';
import request from 'supertest';
import type { TestPlatform } from '@rlp/testing';
import { startTestPlatform } from '@rlp/testing';
import { DecisionDocumentsService } from '../libs/assessment/src/decision-documents.service';
import { certificateHtml } from '../libs/pdf/src/decision-pdf';
import { office, person } from './support/assessment-journey';
import { api, type Candidate } from './support/candidate-journey';
import { certifiedDossier } from './support/certified-dossier';

jest.setTimeout(180_000);

const BROWSER_ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';
const isPdf = (body: Buffer) => body.subarray(0, 5).toString('latin1') === '%PDF-';
const binary = (res: request.Response, cb: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
};

let p: TestPlatform;
let c: Candidate;
let portfolioId: string;
let certificateNumber: string;
let holderName: string;
let adminAuth: { Authorization: string };
let jwks: JSONWebKeySet;
let jwt: string;
let credentialId: string;
let statusIndex: number;
let verificationUrl: string;

/** The bit of a W3C Bitstring Status List, decoded here from the spec (multibase u + base64url + GZIP; bit 0 = MSB of byte 0). */
function independentBit(encodedList: string, index: number): boolean {
  expect(encodedList[0]).toBe('u');
  const bytes = gunzipSync(Buffer.from(encodedList.slice(1), 'base64url'));
  expect(bytes.length * 8).toBeGreaterThanOrEqual(131072);
  return ((bytes[Math.floor(index / 8)]! >> (7 - (index % 8))) & 1) === 1;
}

async function statusList(agent: request.Agent | ReturnType<typeof request>): Promise<{ bit: boolean; payload: Record<string, unknown> }> {
  const res = await agent.get('/credentials/status/1').buffer(true).parse(binary).expect(200);
  expect(res.headers['content-type']).toMatch(/^application\/vc\+jwt/);
  expect(res.headers['cache-control']).toBe('public, max-age=300');
  const { payload, protectedHeader } = await jwtVerify((res.body as Buffer).toString('utf8'), createLocalJWKSet(jwks), { algorithms: ['EdDSA'] });
  expect(protectedHeader.typ).toBe('vc+jwt');
  expect(payload['type']).toEqual(['VerifiableCredential', 'BitstringStatusListCredential']);
  const subject = payload['credentialSubject'] as { type: string; statusPurpose: string; encodedList: string };
  expect(subject).toMatchObject({ type: 'BitstringStatusList', statusPurpose: 'revocation' });
  return { bit: independentBit(subject.encodedList, statusIndex), payload };
}

const verify = (body: unknown) => api(p).post('/verify').set('Accept', 'application/json').send(body as object);

beforeAll(async () => {
  // The clock jumps weeks (the interview) and years (expiry): sessions outlive that.
  const long = String(60 * 24 * 365 * 5);
  p = await startTestPlatform({ now: new Date('2026-11-23T09:00:00Z'), env: { SESSION_TTL_MINUTES: long, SESSION_IDLE_MINUTES: long } });
  const d = await certifiedDossier(p, '2026-11-23', '2026-12-10');
  ({ c, portfolioId, certificateNumber, holderName } = d);
  adminAuth = d.admin.auth;
});
afterAll(() => p?.close());
beforeEach(() => p.clock.advanceMinutes(2)); // a fresh rate-limit window for each test

describe('credentials: issuing (e2e)', () => {
  it('issues one credential per register entry, once, even when asked for at the same moment from both apps', async () => {
    const [a, b, cand] = await Promise.all([
      office(p).get(`/admin/dossiers/${portfolioId}/credential`).set(adminAuth).expect(200),
      office(p).get(`/admin/dossiers/${portfolioId}/credential`).set(adminAuth).expect(200),
      api(p).get(`/portfolios/${portfolioId}/decision/credential`).set(c.auth).expect(200),
    ]);
    expect(b.body.credentialId).toBe(a.body.credentialId);
    expect(cand.body.credentialId).toBe(a.body.credentialId);
    credentialId = a.body.credentialId as string;
    statusIndex = a.body.statusListIndex as number;
    verificationUrl = a.body.verificationUrl as string;
    expect(a.body).toMatchObject({ certificateNumber, holderName, validUntil: '2030-12-09', expired: false, revocation: null });
    expect(verificationUrl).toBe(`${p.config.publicUrls.candidate}/verify?id=${credentialId}`);
    expect(statusIndex).toBeGreaterThanOrEqual(0);
    expect(statusIndex).toBeLessThan(131072);
    expect(await p.db.query(`SELECT id FROM credentials`)).toHaveLength(1);
    const issued = await p.db.query<{ actor_id: string | null; data: Record<string, unknown> }>(`SELECT actor_id, data FROM audit_events WHERE action = 'credential.issued'`);
    expect(issued).toHaveLength(1);
    expect(issued[0]!.data).toMatchObject({ portfolioId, certificateNumber, credentialId, statusListIndex: statusIndex });
    // Credentials are never changed or removed.
    await expect(p.db.query(`UPDATE credentials SET status_index = 0`)).rejects.toThrow(/append-only/);
    // One signing key, made once, the same on both apps.
    expect(await p.db.query(`SELECT 1 FROM platform_settings WHERE key = 'credentials.signingKey'`)).toHaveLength(1);
    const [k1, k2] = await Promise.all([api(p).get('/.well-known/jwks.json').expect(200), office(p).get('/.well-known/jwks.json').expect(200)]);
    expect(k1.body).toEqual(k2.body);
    jwks = k1.body as JSONWebKeySet;
    expect(jwks.keys).toHaveLength(1);
    expect(jwks.keys[0]).toMatchObject({ kty: 'OKP', crv: 'Ed25519', alg: 'EdDSA', use: 'sig' });
    expect(jwks.keys[0]).not.toHaveProperty('d');
    // Verifiers elsewhere (a web wallet) may read the key, the issuer and the status list from their own origin.
    for (const path of ['/.well-known/jwks.json', '/credentials/issuer', '/credentials/status/1']) {
      const res = await api(p).get(path).set('Origin', 'https://wallet.example').expect(200);
      expect([path, res.headers['access-control-allow-origin'], res.headers['cross-origin-resource-policy'], res.headers['access-control-allow-credentials']]).toEqual([path, '*', 'cross-origin', undefined]);
    }
  });

  it('the candidate downloads an Open Badges 3.0 credential that jose verifies with the published key', async () => {
    const res = await api(p).get(`/portfolios/${portfolioId}/decision/credential.json`).set(c.auth).expect(200);
    expect(res.headers['content-disposition']).toBe(`attachment; filename="certificaat-${certificateNumber}.json"`);
    expect(res.headers['cache-control']).toBe('no-store');
    const file = JSON.parse(res.text) as { '@context': string[]; type: string; id: string };
    expect(file['@context']).toEqual(['https://www.w3.org/ns/credentials/v2']);
    expect(file.type).toBe('EnvelopedVerifiableCredential');
    expect(file.id.startsWith('data:application/vc+jwt,')).toBe(true);
    jwt = file.id.slice('data:application/vc+jwt,'.length);

    // The independent check: jose's own verification with the key from /.well-known/jwks.json.
    const { payload, protectedHeader } = await jwtVerify(jwt, createLocalJWKSet(jwks), { algorithms: ['EdDSA'] });
    expect(protectedHeader).toMatchObject({ alg: 'EdDSA', typ: 'vc+jwt', cty: 'vc', kid: jwks.keys[0]!.kid });
    const base = p.config.publicUrls.candidate;
    expect(payload).toMatchObject({
      '@context': ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'],
      id: `urn:uuid:${credentialId}`,
      type: ['VerifiableCredential', 'OpenBadgeCredential'],
      issuer: { id: `${base}/credentials/issuer`, type: ['Profile'] },
      // 10 December 2026 00:00 in Amsterdam, through 9 December 2030 23:59:59 in Amsterdam.
      validFrom: '2026-12-09T23:00:00.000Z',
      validUntil: '2030-12-09T22:59:59Z',
      credentialSubject: {
        type: ['AchievementSubject'],
        identifier: [{ type: 'IdentityObject', identityHash: holderName, identityType: 'name', hashed: false }],
        licenseNumber: certificateNumber,
        achievement: { type: ['Achievement'], name: 'Register Loopbaanprofessional', achievementType: 'Certification' },
      },
      credentialStatus: { type: 'BitstringStatusListEntry', statusPurpose: 'revocation', statusListIndex: String(statusIndex), statusListCredential: `${base}/credentials/status/1` },
    });
    // The issuer's profile names the key set.
    expect((await api(p).get('/credentials/issuer').expect(200)).body).toMatchObject({ id: `${base}/credentials/issuer`, type: ['Profile'], jwks: `${base}/.well-known/jwks.json` });
    // Downloading again hands out the same signed credential.
    const again = JSON.parse((await api(p).get(`/portfolios/${portfolioId}/decision/credential.json`).set(c.auth).expect(200)).text) as { id: string };
    expect(again.id).toBe(file.id);
  });

  it('only the holder downloads it; an uncertified dossier has none', async () => {
    const stranger = await p.account('candidate');
    expect((await api(p).get(`/portfolios/${portfolioId}/decision/credential.json`).set({ Authorization: `Bearer ${stranger.token}` }).expect(404)).body.code).toBe('PORTFOLIO_NOT_FOUND');
    await api(p).get(`/portfolios/${portfolioId}/decision/credential.json`).expect(401);
    expect((await api(p).get(`/portfolios/not-a-uuid/decision/credential.json`).set(c.auth).expect(400)).body.code).toBe('INVALID_ID');
    expect((await office(p).get(`/admin/dossiers/${'0'.repeat(8)}-0000-4000-8000-${'0'.repeat(12)}/credential`).set(adminAuth).expect(404)).body.code).toBe('NOT_CERTIFIED');
  });
});

describe('credentials: POST /verify and the status list (e2e)', () => {
  it('a genuine credential is geldig, in every form it may be pasted', async () => {
    for (const body of [{ credential: jwt }, { credential: `data:application/vc+jwt,${jwt}` }, { credential: { '@context': ['https://www.w3.org/ns/credentials/v2'], id: `data:application/vc+jwt,${jwt}`, type: 'EnvelopedVerifiableCredential' } }]) {
      const res = await verify(body).expect(200);
      expect(res.body).toMatchObject({ status: 'geldig', valid: true, credential: { holderName, certificateNumber, validFrom: '2026-12-10', validUntil: '2030-12-09', revokedOn: null } });
      expect((res.body.reasons as Array<{ code: string; ok: boolean }>).map((r) => [r.code, r.ok])).toEqual([
        ['SIGNATURE_VALID', true],
        ['NOT_REVOKED', true],
        ['WITHIN_VALIDITY', true],
      ]);
    }
    // The QR code's link: the same check by id, on both apps.
    for (const agent of [api(p), office(p)]) {
      expect((await agent.get(`/verify?id=${credentialId}`).set('Accept', 'application/json').expect(200)).body.status).toBe('geldig');
    }
    expect((await statusList(api(p))).bit).toBe(false);
  });

  it('a tampered credential is vervalst, for jose as for the platform', async () => {
    const [h, body, sig] = jwt.split('.') as [string, string, string];
    const claims = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as { validUntil: string; credentialSubject: { identifier: Array<{ identityHash: string }> } };
    const changed = (f: (x: typeof claims) => void) => {
      const copy = structuredClone(claims);
      f(copy);
      return `${h}.${Buffer.from(JSON.stringify(copy)).toString('base64url')}.${sig}`;
    };
    const otherName = changed((x) => (x.credentialSubject.identifier[0]!.identityHash = 'Iemand Anders'));
    const longer = changed((x) => (x.validUntil = '2099-12-31T22:59:59Z'));
    // A credential made with a key of one's own, claiming to be the register's.
    const { privateKey } = generateKeyPairSync('ed25519');
    const ownKey = await new CompactSign(Buffer.from(body, 'base64url')).setProtectedHeader({ alg: 'EdDSA', typ: 'vc+jwt', kid: jwks.keys[0]!.kid }).sign(privateKey);
    const none = `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'vc+jwt' })).toString('base64url')}.${body}.${sig}`;
    for (const [forged, code] of [
      [otherName, 'SIGNATURE_INVALID'],
      [longer, 'SIGNATURE_INVALID'],
      [ownKey, 'SIGNATURE_INVALID'],
      [none, 'ALGORITHM_NOT_ACCEPTED'],
    ] as const) {
      await expect(compactVerify(forged, createLocalJWKSet(jwks))).rejects.toThrow();
      const res = await verify({ credential: forged }).expect(200);
      expect(res.body).toMatchObject({ status: 'vervalst', valid: false, credential: null, reasons: [{ code, ok: false }] });
    }
  });

  it('refuses what is no credential with a clear 4xx, never a 500, and changes nothing', async () => {
    const signedStatusList = (await api(p).get('/credentials/status/1').buffer(true).parse(binary).expect(200)).body.toString('utf8') as string;
    const before = await p.db.query(`SELECT count(*)::int AS n FROM audit_events`);
    const cases: Array<[unknown, number, string]> = [
      [{}, 400, 'CREDENTIAL_MISSING'],
      [{ credential: '   ' }, 400, 'CREDENTIAL_MISSING'],
      [{ credential: 'hallo' }, 400, 'CREDENTIAL_UNREADABLE'],
      [{ credential: 'a.b.c' }, 400, 'CREDENTIAL_UNREADABLE'],
      [{ credential: '{not json' }, 400, 'CREDENTIAL_UNREADABLE'],
      [{ credential: 42 }, 400, 'CREDENTIAL_UNREADABLE'],
      [{ credential: [jwt] }, 400, 'CREDENTIAL_UNREADABLE'],
      [{ credential: { type: ['VerifiableCredential', 'OpenBadgeCredential'], name: 'zonder handtekening' } }, 400, 'CREDENTIAL_NOT_SECURED'],
      [{ credential: 'x'.repeat(20_001) }, 400, 'CREDENTIAL_UNREADABLE'],
      [{ credential: jwt, extra: 1 }, 400, 'VALIDATION_FAILED'],
      [{ credential: signedStatusList }, 422, 'NOT_A_CERTIFICATE'],
    ];
    for (const [body, status, code] of cases) {
      const res = await verify(body);
      expect({ body: JSON.stringify(body).slice(0, 60), status: res.status, code: res.body.code }).toEqual({ body: JSON.stringify(body).slice(0, 60), status, code });
      expect(typeof res.body.message).toBe('string');
    }
    const malformed = await api(p).post('/verify').set('Content-Type', 'application/json').send('{"credential":');
    expect([malformed.status, malformed.body.code]).toEqual([400, 'MALFORMED_JSON']);
    expect((await api(p).get('/verify?id=nope').set('Accept', 'application/json').expect(400)).body.code).toBe('VALIDATION_FAILED');
    expect((await api(p).get('/verify').set('Accept', 'application/json').expect(400)).body.code).toBe('CREDENTIAL_MISSING');
    expect((await api(p).get(`/verify?id=${'0'.repeat(8)}-0000-4000-8000-${'0'.repeat(12)}`).set('Accept', 'application/json').expect(404)).body.code).toBe('CREDENTIAL_NOT_FOUND');
    expect((await api(p).get('/credentials/status/2').expect(404)).body.code).toBe('STATUS_LIST_NOT_FOUND');
    expect((await api(p).get('/credentials/status/x').expect(400)).body.code).toBe('INVALID_VERSION');
    expect(await p.db.query(`SELECT count(*)::int AS n FROM audit_events`)).toEqual(before);
  });

  it('is rate-limited per client address like the register lookup', async () => {
    const took: number[] = [];
    for (let i = 0; i < 30; i++) {
      const t0 = performance.now();
      await verify({ credential: jwt }).expect(200);
      took.push(performance.now() - t0);
    }
    took.sort((a, b) => a - b);
    console.log(`[credentials] POST /verify over HTTP (supertest, real PostgreSQL): median ${took[15]!.toFixed(1)} ms, max ${took[29]!.toFixed(1)} ms of 30`);
    const refused = await verify({ credential: jwt }).expect(429);
    expect(refused.body.code).toBe('VERIFY_RATE_LIMITED');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect((await api(p).get(`/verify?id=${credentialId}`).set('Accept', 'application/json').expect(429)).body.code).toBe('VERIFY_RATE_LIMITED');
    // The page without a check is not counted.
    await api(p).get('/verify').set('Accept', BROWSER_ACCEPT).expect(200);
    p.clock.advanceMinutes(2);
    await verify({ credential: jwt }).expect(200);
  });

  it('verlopen once validUntil has passed (the clock), geldig on its last evening', async () => {
    p.clock.set(new Date('2030-12-09T22:30:00Z')); // 23:30 in Amsterdam on the last day
    expect((await verify({ credential: jwt }).expect(200)).body.status).toBe('geldig');
    p.clock.set(new Date('2030-12-09T23:00:01Z')); // just after midnight
    const res = await verify({ credential: jwt }).expect(200);
    expect(res.body).toMatchObject({ status: 'verlopen', valid: false, credential: { certificateNumber } });
    expect((res.body.reasons as Array<{ code: string }>).map((r) => r.code)).toEqual(['SIGNATURE_VALID', 'NOT_REVOKED', 'EXPIRED']);
    expect((await office(p).get(`/admin/dossiers/${portfolioId}/credential`).set(adminAuth).expect(200)).body.expired).toBe(true);
    p.clock.set(new Date('2026-12-11T09:00:00Z'));
  });
});

describe('credentials: the QR code on the certificate (e2e)', () => {
  it('links to the public verification page of this credential', async () => {
    const input = await p.candidate.get(DecisionDocumentsService).certificateInput(portfolioId);
    expect(input.verificationUrl).toBe(verificationUrl);
    const html = certificateHtml(input);
    const svg = /<svg[^>]*viewBox="-2 -2 (\d+) \1"[^>]*id="verification-qr"[^>]*>[\s\S]*?<path fill="#000" d="([^"]+)"\/><\/svg>/.exec(html);
    expect(svg).not.toBeNull();
    // The modules drawn in the SVG, read back, are the QR code of the verification URL.
    const size = Number(svg![1]) - 4;
    const dark = new Set([...svg![2]!.matchAll(/M(\d+) (\d+)h1v1h-1z/g)].map((m) => `${m[1]},${m[2]}`));
    const expected = QRCode.create(verificationUrl, { errorCorrectionLevel: 'M' }).modules;
    expect(size).toBe(expected.size);
    for (let y = 0; y < size; y++) for (let x = 0; x < size; x++) expect([x, y, dark.has(`${x},${y}`)]).toEqual([x, y, Boolean(expected.get(y, x))]);
    expect(html).toContain(`id="verification-url">${verificationUrl.replace('=', '&#x3D;')}</span>`);
    // The printed certificate renders with it.
    const pdf = await api(p).get(`/portfolios/${portfolioId}/decision/certificate.pdf`).set(c.auth).buffer(true).parse(binary).expect(200);
    expect(isPdf(pdf.body as Buffer)).toBe(true);
    // Opening the link in a browser shows the verdict.
    const page = await request(p.candidate.getHttpServer()).get(new URL(verificationUrl).pathname + new URL(verificationUrl).search).set('Accept', BROWSER_ACCEPT).expect(200);
    expect(page.text).toContain('data-status="geldig"');
    expect(page.text).toContain(certificateNumber);
  });
});

describe('credentials: the verification page (e2e)', () => {
  const expectPage = (res: request.Response) => {
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("default-src 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(res.text).not.toMatch(/<script|\sstyle=|<style|\son[a-z]+=/i);
  };

  it('checks a pasted or uploaded credential without script, Dutch first, English with lang=en', async () => {
    const start = await api(p).get('/verify').set('Accept', BROWSER_ACCEPT).expect(200);
    expectPage(start);
    expect(start.text).toContain('<form class="rlp-search" method="post" action="/verify" enctype="multipart/form-data" novalidate>');
    const pasted = await api(p).post('/verify').set('Accept', BROWSER_ACCEPT).field('credential', jwt).expect(200);
    expectPage(pasted);
    expect(pasted.text).toContain('<p class="rlp-verdict__word" id="verdict">Geldig</p>');
    expect(pasted.text).toContain(holderName.replace(/'/g, '&#x27;'));
    const file = JSON.parse((await api(p).get(`/portfolios/${portfolioId}/decision/credential.json`).set(c.auth).expect(200)).text);
    const uploaded = await api(p)
      .post('/verify?lang=en')
      .set('Accept', BROWSER_ACCEPT)
      .field('credential', '')
      .attach('file', Buffer.from(JSON.stringify(file)), { filename: 'certificaat.json', contentType: 'application/json' })
      .expect(200);
    expect(uploaded.text).toContain('<html lang="en">');
    expect(uploaded.text).toContain('<p class="rlp-verdict__word" id="verdict">Valid</p>');
    const [h, body, sig] = jwt.split('.') as [string, string, string];
    const forged = `${h}.${Buffer.from(Buffer.from(body, 'base64url').toString('utf8').replace(certificateNumber, 'RLP-2020-99999')).toString('base64url')}.${sig}`;
    const bad = await api(p).post('/verify').set('Accept', BROWSER_ACCEPT).field('credential', forged).expect(200);
    expect(bad.text).toContain('<p class="rlp-verdict__word" id="verdict">Vervalst</p>');
    expect(bad.text).not.toContain('RLP-2020-99999');
    // Errors come back as the page, with the API's status.
    const empty = await api(p).post('/verify').set('Accept', BROWSER_ACCEPT).field('credential', '').expect(400);
    expectPage(empty);
    expect(empty.text).toContain('aria-invalid="true"');
    expect(empty.text).toContain('Plak een digitaal certificaat of kies een bestand');
    const big = await api(p).post('/verify').set('Accept', BROWSER_ACCEPT).attach('file', Buffer.alloc(70_000, 'a'), { filename: 'groot.json', contentType: 'application/json' }).expect(413);
    expect(big.text).toContain('te groot');
    const unknown = await api(p).get(`/verify?id=${'0'.repeat(8)}-0000-4000-8000-${'0'.repeat(12)}`).set('Accept', BROWSER_ACCEPT).expect(404);
    expect(unknown.text).toContain('Bij deze link hoort geen certificaat');
    await api(p).get('/verify/verify.css').expect(200).expect('Content-Type', /text\/css/);
  });
});

describe('credentials: revocation (e2e)', () => {
  it('only an admin revokes, with a reason; it is audited, flips the status bit, and the register stops listing it', async () => {
    p.clock.set(new Date('2026-12-11T09:00:00Z'));
    const assessor = await person(p, 'assessor', 'Elders');
    expect((await office(p).post(`/admin/dossiers/${portfolioId}/credential/revoke`).set(assessor.auth).send({ reason: 'Fraude met het portfolio' }).expect(403)).body.code).toBe('ROLE_FORBIDDEN');
    expect((await office(p).post(`/admin/dossiers/${portfolioId}/credential/revoke`).set(adminAuth).send({ reason: '  ' }).expect(400)).body.code).toBe('REVOCATION_REASON_REQUIRED');
    expect((await office(p).post(`/admin/dossiers/${portfolioId}/credential/revoke`).set(adminAuth).send({}).expect(400)).body.code).toBe('VALIDATION_FAILED');
    expect((await statusList(office(p))).bit).toBe(false);
    expect((await api(p).get(`/register?q=${certificateNumber}`).expect(200)).body.entries).toHaveLength(1);

    const revoked = await office(p).post(`/admin/dossiers/${portfolioId}/credential/revoke`).set(adminAuth).send({ reason: 'Fraude met het portfolio vastgesteld' }).expect(200);
    expect(revoked.body).toMatchObject({ credentialId, revocation: { reason: 'Fraude met het portfolio vastgesteld', revokedAt: '2026-12-11T09:00:00.000Z' } });
    expect((await office(p).post(`/admin/dossiers/${portfolioId}/credential/revoke`).set(adminAuth).send({ reason: 'Nog een keer' }).expect(409)).body.code).toBe('CREDENTIAL_ALREADY_REVOKED');
    const events = await p.db.query(`SELECT subject_id, data FROM audit_events WHERE action = 'credential.revoked'`);
    expect(events).toEqual([{ subject_id: portfolioId, data: expect.objectContaining({ portfolioId, certificateNumber, credentialId, statusListIndex: statusIndex, reason: 'Fraude met het portfolio vastgesteld' }) }]);

    // The holder is told, by e-mail queued with the revocation (no personal data in the subject).
    const mails = await p.db.query<{ recipient: string; subject: string; text_body: string }>(`SELECT recipient, subject, text_body FROM outbox_messages WHERE kind = 'credential.revoked'`);
    const mail = mails[0]!;
    expect(mails).toHaveLength(1);
    expect(mail.recipient).toBe(c.email.toLowerCase());
    expect(mail.subject).not.toContain(holderName);
    expect(mail.text_body).toContain('Reden: Fraude met het portfolio vastgesteld');
    expect(mail.text_body).toContain(certificateNumber);
    expect(mail.text_body.indexOf('Reden:')).toBeLessThan(mail.text_body.indexOf('Reason:'));

    // The bit, decoded independently from the signed list.
    const list = await statusList(api(p));
    expect(list.bit).toBe(true);
    const res = await verify({ credential: jwt }).expect(200);
    expect(res.body).toMatchObject({ status: 'ingetrokken', valid: false, credential: { revokedOn: '2026-12-11' } });
    // The public register no longer lists it (as an expired one); the holder sees why.
    expect((await api(p).get(`/register?q=${certificateNumber}`).expect(200)).body.entries).toEqual([]);
    expect((await api(p).get(`/portfolios/${portfolioId}/decision/credential`).set(c.auth).expect(200)).body).toMatchObject({ revokedAt: '2026-12-11T09:00:00.000Z', revocationReason: 'Fraude met het portfolio vastgesteld' });
    const page = await api(p).get(`/verify?id=${credentialId}`).set('Accept', BROWSER_ACCEPT).expect(200);
    expect(page.text).toContain('<p class="rlp-verdict__word" id="verdict">Ingetrokken</p>');
    // A revocation is final.
    await expect(p.db.query(`DELETE FROM credential_revocations`)).rejects.toThrow(/append-only/);
  });
});

describe('credentials: a second certificate (e2e)', () => {
  it('is issued by its first certificate PDF; two admins revoking at once: one revocation, one 409', async () => {
    const second = await certifiedDossier(p, '2026-12-11', '2026-12-17');
    expect(await p.db.query(`SELECT 1 FROM credentials c JOIN register_entries r ON r.id = c.register_entry_id WHERE r.portfolio_id = $1`, [second.portfolioId])).toHaveLength(0);
    const pdf = await office(p).get(`/admin/dossiers/${second.portfolioId}/decision/certificate.pdf`).set(second.admin.auth).buffer(true).parse(binary).expect(200);
    expect(isPdf(pdf.body as Buffer)).toBe(true);
    const issued = await p.db.query<{ status_index: number; actor_id: string | null }>(
      `SELECT c.status_index, e.actor_id FROM credentials c JOIN register_entries r ON r.id = c.register_entry_id JOIN audit_events e ON e.action = 'credential.issued' AND e.subject_id = r.portfolio_id::text WHERE r.portfolio_id = $1`,
      [second.portfolioId],
    );
    expect(issued).toHaveLength(1);
    // Issued by the system (the PDF), not by a person; a different random place in the list than the first.
    expect(issued[0]!.actor_id).toBeNull();
    expect(issued[0]!.status_index).not.toBe(statusIndex);

    const other = await person(p, 'admin', 'Noloc');
    const answers = await Promise.all(
      [second.admin, other].map((a) => office(p).post(`/admin/dossiers/${second.portfolioId}/credential/revoke`).set(a.auth).send({ reason: `Ingetrokken door ${a.id.slice(0, 8)}` })),
    );
    expect(answers.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(answers.find((r) => r.status === 409)!.body.code).toBe('CREDENTIAL_ALREADY_REVOKED');
    const rows = await p.db.query(`SELECT r.reason FROM credential_revocations r JOIN credentials c ON c.id = r.credential_id JOIN register_entries e ON e.id = c.register_entry_id WHERE e.portfolio_id = $1`, [second.portfolioId]);
    expect(rows).toHaveLength(1);
    expect(await p.db.query(`SELECT 1 FROM audit_events WHERE action = 'credential.revoked' AND subject_id = $1`, [second.portfolioId])).toHaveLength(1);
    expect(await p.db.query(`SELECT 1 FROM outbox_messages WHERE kind = 'credential.revoked' AND recipient = $1`, [second.c.email.toLowerCase()])).toHaveLength(1);
    // Both bits are set in the one list now.
    const res = await api(p).get('/credentials/status/1').buffer(true).parse(binary).expect(200);
    const { payload } = await jwtVerify((res.body as Buffer).toString('utf8'), createLocalJWKSet(jwks));
    const encoded = (payload['credentialSubject'] as { encodedList: string }).encodedList;
    expect([independentBit(encoded, statusIndex), independentBit(encoded, issued[0]!.status_index)]).toEqual([true, true]);
  });
});
