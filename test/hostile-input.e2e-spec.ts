import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import fc from 'fast-check';
import request from 'supertest';
import { AuditChainer } from '@rlp/audit';
import { listRoutes } from '@rlp/platform';
import { documentReferencesOf, isSectionKey, type JsonObject } from '@rlp/portfolio';
import { startTestPlatform, TestPlatform } from '@rlp/testing';
import { api, candidate, createPortfolio, FILES, upload, type Candidate } from './support/candidate-journey';
import { assign, declare, judgedDossier, office, person, scoreAndSubmit, submittedDossier, type Person } from './support/assessment-journey';

/**
 * Hostile input on every write route of both apps, sent by an actor who may use the route, on an
 * object in a stage where a well-formed request would be accepted, so that what is tested is the
 * input handling. Property-based (fast-check, fixed seed): every generated bad input gets a 4xx
 * with the error shape, never a 5xx, and the database is exactly as before (every table but the
 * sessions). A second sweep sends each write route its well-formed body plus one field the
 * client must never set (status, owner, scores, version, timestamps…): 400, nothing applied.
 * A third sweep puts out-of-range integers and malformed ids into every path parameter of every
 * route of both apps (read with `listRoutes`, GETs included), the other parameters naming real
 * objects the caller may use: a 4xx, never a database error.
 */
const SEED = 20261123;
const RUNS_PER_ROUTE = Number(process.env['HOSTILE_RUNS_PER_ROUTE'] ?? 30);
// A small body limit keeps the over-the-limit cases cheap; the limit itself is what is tested.
const BODY_LIMIT_BYTES = 64 * 1024;
const ENV = { SESSION_TTL_MINUTES: String(60 * 24 * 60), SESSION_IDLE_MINUTES: String(60 * 24 * 60), BODY_LIMIT: `${BODY_LIMIT_BYTES}b` };
const NO_SUCH_ID = '00000000-0000-4000-8000-0000000000ee';

type Kind =
  | { t: 'text'; max: number; required?: boolean; nonBlank?: boolean }
  | { t: 'uuid'; required?: boolean }
  | { t: 'date'; required?: boolean }
  | { t: 'time'; required?: boolean }
  | { t: 'int'; min: number; max: number; required?: boolean }
  | { t: 'nonnegative'; required?: boolean }
  | { t: 'enum'; values: readonly string[]; required?: boolean }
  | { t: 'email' }
  | { t: 'https'; required?: boolean }
  | { t: 'true' }
  | { t: 'object'; required?: boolean }
  | { t: 'array'; item: Record<string, unknown>; max: number };

interface WriteRoute {
  app: 'candidate' | 'assessor';
  method: 'post' | 'put' | 'patch' | 'delete';
  path: string;
  url: string;
  auth?: { Authorization: string };
  headers?: () => Promise<Record<string, string>>;
  /** A well-formed body; `undefined` for routes that take none. */
  body?: Record<string, unknown>;
  fields?: Record<string, Kind>;
}

/** Values that are wrong for any field of the given kind. */
function badValue(kind: Kind): fc.Arbitrary<unknown> {
  const deep = fc.integer({ min: 200, max: 5000 }).map((depth) => {
    let v: unknown = 'x';
    for (let i = 0; i < depth; i++) v = i % 2 ? [v] : { a: v };
    return v;
  });
  const hugeArray = fc.integer({ min: 1000, max: 20000 }).map((n) => Array.from({ length: n }, (_, i) => i));
  const sql = fc.constantFrom("'; DROP TABLE users; --", "1' OR '1'='1", 'x); DELETE FROM audit_events; --', '$1::text', "\\'; SELECT pg_sleep(10); --");
  const script = fc.constantFrom('<script>alert(1)</script>', '<img src=x onerror=alert(1)>', 'javascript:alert(1)', '{{constructor.constructor("alert(1)")()}}', '${7*7}');
  const unicode = fc.constantFrom('\u202Egnp.exe', '\u0000', 'a\u0000b', '\uFEFF', '\u200B\u200B', '𝔘𝔫𝔦𝔠𝔬𝔡𝔢', 'Ｃｅｒｔｉｆｉｅｄ', 'e\u0301', '٣٣٣', '\u0085\u2028\u2029');
  const junkString = fc.oneof(sql, script, unicode, fc.constant(''), fc.string({ maxLength: 40 }));
  const notString = fc.oneof(fc.integer(), fc.double(), fc.boolean(), fc.constant([]), fc.constant({}), hugeArray, deep, fc.constant({ $gt: '' }));
  const notNumber = fc.oneof(fc.string({ maxLength: 10 }), fc.boolean(), fc.constant([]), fc.constant({}), deep, fc.constant('60'));
  switch (kind.t) {
    case 'text':
      return fc.oneof(
        notString,
        fc.integer({ min: 1, max: 2000 }).map((n) => 'x'.repeat(kind.max + n)),
        fc.constantFrom('\u0000', `geldig\u0000tekst`),
        ...(kind.nonBlank ? [fc.constantFrom('', '   ', '\n\t')] : []),
      );
    case 'uuid':
      return fc.oneof(notString, junkString, fc.constantFrom('00000000-0000-0000-0000-00000000000', 'g0000000-0000-4000-8000-000000000000', `${NO_SUCH_ID} `));
    case 'date':
      return fc.oneof(notString, junkString, fc.constantFrom('2026-02-30', '2026-13-01', '31-12-2026', '2026-1-1', '2026-12-01T10:00:00Z', '0000-00-00', '+275760-09-13', 'yesterday'));
    case 'time':
      return fc.oneof(notString, junkString, fc.constantFrom('25:00', '10:60', '1000', '9:00', '10:00:00', '-1:00'));
    case 'int':
      return fc.oneof(notNumber, fc.constantFrom(kind.min - 1, kind.max + 1, -1, 0.5, 1e308, -1e308, Number.MAX_SAFE_INTEGER + 2).filter((n) => n < kind.min || n > kind.max || !Number.isInteger(n)));
    case 'nonnegative':
      return fc.oneof(notNumber, fc.constantFrom(-1, -0.5, -1200, -1e9, -Number.MIN_VALUE));
    case 'enum':
      return fc.oneof(notString, junkString.filter((s) => !kind.values.includes(s)), fc.constantFrom(...kind.values.map((v) => v.toUpperCase()), ...kind.values.map((v) => ` ${v}`)));
    case 'email':
      return fc.oneof(notString, junkString, fc.constantFrom('geen-email', 'a@', '@b.nl', 'a@b', `${'x'.repeat(250)}@example.nl`, 'a\u202E@b.nl'));
    case 'https':
      return fc.oneof(notString, fc.constantFrom('http://meet.example.nl', 'javascript:alert(1)', 'ftp://x.nl', 'https://', 'file:///etc/passwd', `https://${'x'.repeat(600)}.nl`));
    case 'true':
      return fc.oneof(fc.constantFrom(false, 'true', 1, 'yes', null), notNumber.filter((v) => v !== true));
    case 'object':
      return fc.oneof(fc.integer(), fc.string({ maxLength: 20 }), fc.boolean(), hugeArray, fc.constant([]), fc.constant([{}]));
    case 'array':
      // An array of objects (slots in a batch). Bad as a whole: not an array, empty, one item over the
      // maximum (all items well-formed, so only the length is wrong), huge. Bad inside: a well-formed
      // item followed by one that is not an object, empty, or has an unknown field — all or nothing, so
      // the good first item must not be applied either. A bad value of one field of an item is
      // generated by the route's dotted fields (`slots.0.date`), with the other items well-formed.
      return fc.oneof(
        notString,
        fc.constant(null),
        fc.constant([]),
        fc.constant(Array.from({ length: kind.max + 1 }, () => structuredClone(kind.item))),
        hugeArray,
        fc.constantFrom<unknown>(null, 'x', 7, [], {}, [kind.item], { ...kind.item, extra: 'x' }).map((junk) => [structuredClone(kind.item), junk]),
      );
  }
}

/** The template with `value` at a dotted path (`experienceDeclaration.hours`). */
function withValue(template: Record<string, unknown>, path: string, value: unknown): Record<string, unknown> {
  const body = structuredClone(template);
  const keys = path.split('.');
  let target = body;
  for (const key of keys.slice(0, -1)) target = target[key] as Record<string, unknown>;
  target[keys[keys.length - 1]!] = value;
  return body;
}

const required = (k: Kind) => !('required' in k) || k.required !== false;

/** One bad request body for a route. */
function badBody(route: WriteRoute): fc.Arbitrary<{ label: string; body: unknown }> {
  const template = route.body ?? {};
  const fields = Object.entries(route.fields ?? {});
  const options: Array<fc.Arbitrary<{ label: string; body: unknown }>> = [
    fc.oneof(fc.integer(), fc.string({ maxLength: 20 }), fc.boolean(), fc.constant([]), fc.constant([template])).map((body) => ({ label: 'not an object', body })),
    fc.integer({ min: 1, max: 1000 }).map((n) => ({ label: 'over the size limit', body: { ...template, padding: 'x'.repeat(BODY_LIMIT_BYTES + n) } })),
    fc
      .tuple(fc.constantFrom('status', 'ownerId', 'candidateId', 'scores_', 'version', 'createdAt', '__proto__x', 'constructor'), fc.anything())
      .map(([key, value]) => ({ label: `extra field ${key}`, body: { ...template, [key]: value ?? 'x' } })),
    fc.integer({ min: 500, max: 3000 }).map((depth) => {
      let v: unknown = template;
      for (let i = 0; i < depth; i++) v = { nested: v };
      return { label: `nested ${depth} deep`, body: v };
    }),
  ];
  if (fields.length > 0) {
    options.push(
      fc.constantFrom(...fields).chain(([name, kind]) => badValue(kind).map((value) => ({ label: `${name}: bad ${kind.t}`, body: withValue(template, name, value) }))),
    );
    const requiredFields = fields.filter(([, k]) => required(k));
    if (requiredFields.length > 0) {
      options.push(fc.constantFrom(...requiredFields).map(([name]) => ({ label: `${name} missing`, body: Object.fromEntries(Object.entries(template).filter(([k]) => k !== name)) })));
    }
  }
  return fc.oneof(...options);
}

let fingerprintSql: string | undefined;

/**
 * Per table (all but the sessions, the rate limiters' request counters, which count a request
 * whatever its body — ADR 0029, and job_runs, where scheduled jobs that fire on the real clock
 * during this long test note their runs — ADR 0018): row count and a hash of every row. The table
 * list is read once.
 * Audit events are chained in the background after their commit (ADR 0024), so the chainer runs
 * first: chaining the setup's events is not a change made by the request under test.
 */
async function fingerprint(p: TestPlatform): Promise<Record<string, string>> {
  await p.assessor.get(AuditChainer).chainPending();
  if (!fingerprintSql) {
    const tables = await p.db.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name NOT IN ('sessions', 'migrations', 'rate_limit_windows', 'job_runs') ORDER BY 1`,
    );
    fingerprintSql = tables.map((t) => `SELECT '${t.table_name}' AS t, count(*)::text || ':' || coalesce(md5(string_agg(x::text, '|' ORDER BY x::text)), '') AS h FROM "${t.table_name}" x`).join(' UNION ALL ');
  }
  const rows = await p.db.query<{ t: string; h: string }>(fingerprintSql);
  return Object.fromEntries(rows.map((r) => [r.t, r.h]));
}

function reportFailure<T>(run: fc.RunDetails<T>): void {
  if (!run.failed) return;
  const error = run.errorInstance;
  throw new Error(`failed after ${run.numRuns} run(s) (seed ${run.seed}, path ${run.counterexamplePath ?? '-'}): ${error instanceof Error ? error.message : String(error)}`);
}

describe('hostile input on every write route (e2e)', () => {
  let p: TestPlatform;
  let routes: WriteRoute[];
  let admin: Person;
  /** Per app and path prefix: who calls, and a well-formed value of each path parameter. */
  let paramContext: (app: 'candidate' | 'assessor', path: string) => { auth: { Authorization: string }; values: Record<string, string> };

  beforeAll(async () => {
    p = await startTestPlatform({ env: ENV });
    admin = await person(p, 'admin', 'Certificeringsbureau');
    const [a1, a2, a3, a4] = [await person(p, 'assessor', 'Een'), await person(p, 'assessor', 'Twee'), await person(p, 'assessor', 'Drie'), await person(p, 'assessor', 'Vier')];
    const c: Candidate = await candidate(p);
    const draft = await createPortfolio(p, c);
    const evidence = await upload(p, c, 'diploma.pdf', FILES.pdf('diploma'), 'application/pdf');
    expect(evidence.confirm.status).toBe(200);
    const throwaway = await p.account('assessor', { organisation: 'Vijf' });
    // S1: assigned, independence declared, nobody scored yet.
    const s1 = await submittedDossier(p, '2026-11-23');
    for (const a of [a1, a2]) {
      expect((await assign(p, admin, s1.portfolioId, a)).status).toBe(201);
      await declare(p, a, s1.portfolioId);
    }
    // S2: both scored, the joint judgement still open.
    const s2 = await submittedDossier(p, '2026-11-23');
    for (const a of [a3, a4]) {
      expect((await assign(p, admin, s2.portfolioId, a)).status).toBe(201);
      await declare(p, a, s2.portfolioId);
      await scoreAndSubmit(p, a, s2.portfolioId);
    }
    // H: judged, interview booked and held, the record open. J: judged, slots offered, nothing booked.
    const h = await judgedDossier(p, '2026-11-23', admin, [a1, a3]);
    const j = await judgedDossier(p, '2026-11-23', admin, [a2, a4]);
    const slot = (await office(p).post(`/assessments/${h.portfolioId}/slots`).set(a1.auth).send({ date: '2026-12-03', time: '14:00', durationMinutes: 60, address: 'Utrecht' }).expect(201)).body.id as string;
    const jSlot = (await office(p).post(`/assessments/${j.portfolioId}/slots`).set(a2.auth).send({ date: '2026-12-10', time: '14:00', durationMinutes: 60, address: 'Utrecht' }).expect(201)).body.id as string;
    await api(p).post(`/portfolios/${h.portfolioId}/interview/booking`).set(h.c.auth).send({ slotId: slot }).expect(201);
    // A draft regulation version to edit and publish.
    const draftVersion = (await office(p).post('/admin/regulations/gedragscode/versions').set(admin.auth).send({ title: 'Concept' }).expect(201)).body.version as number;
    p.clock.set(new Date('2026-12-03T15:00:00Z'));
    paramContext = (app, path) => {
      const values: Record<string, string> = { section: 'education', type: 'gedragscode', version: '1', slotId: NO_SUCH_ID, relationId: NO_SUCH_ID, criterion: 'A', documentId: NO_SUCH_ID, id: NO_SUCH_ID, list: '1' };
      if (app === 'candidate') {
        if (path.startsWith('/portfolios/')) values['id'] = draft.id;
        if (path.startsWith('/documents/')) values['id'] = evidence.id;
        return { auth: c.auth, values };
      }
      if (path.startsWith('/assessments/')) return { auth: a1.auth, values: { ...values, id: s1.portfolioId } };
      if (path.startsWith('/admin/dossiers/')) values['id'] = h.portfolioId;
      if (path.startsWith('/admin/accounts/')) values['id'] = throwaway.id;
      if (path.startsWith('/admin/portfolios/')) values['id'] = draft.id;
      return { auth: admin.auth, values };
    };

    const etag = async (app: NestExpressApplication, url: string, auth: { Authorization: string }) => {
      const res = await request(app.getHttpServer()).get(url).set(auth).expect(200);
      return { 'If-Match': res.headers['etag'] as string };
    };
    const sectionEtag = (section: string) => () => etag(p.candidate, `/portfolios/${draft.id}/sections/${section}`, c.auth);
    const text = (max: number, extra: Partial<{ required: boolean; nonBlank: boolean }> = {}): Kind => ({ t: 'text', max, ...extra });
    const batchSlot = { date: '2026-12-21', time: '10:00', durationMinutes: 60, address: 'Utrecht' };
    const regulationFields: Record<string, Kind> = { title: text(300, { required: false }), text: text(200_000, { required: false }), changeSummary: text(5000, { required: false }), effectiveFrom: { t: 'date', required: false }, pdfDocumentId: { t: 'uuid', required: false } };
    routes = [
      { app: 'candidate', method: 'post', path: '/auth/login', url: '/auth/login', body: { email: c.email, password: c.password }, fields: { email: text(254), password: text(1024), totpCode: text(16, { required: false }), recoveryCode: text(32, { required: false }) } },
      { app: 'candidate', method: 'post', path: '/auth/session', url: '/auth/session', body: { email: c.email, password: c.password }, fields: { email: text(254), password: text(1024), totpCode: text(16, { required: false }), recoveryCode: text(32, { required: false }) } },
      { app: 'candidate', method: 'post', path: '/auth/register', url: '/auth/register', body: { email: 'nieuw@test.rlp.local', password: 'een-lang-genoeg-wachtwoord', displayName: 'Nieuw' }, fields: { email: { t: 'email' }, password: text(1024), displayName: text(200, { nonBlank: true }), organisation: text(200, { required: false }) } },
      { app: 'candidate', method: 'post', path: '/auth/logout', url: '/auth/logout', auth: c.auth },
      // The account life cycle (ADR 0020): token routes, reset, change of password and address.
      ...(['candidate', 'assessor'] as const).flatMap((app): WriteRoute[] => {
        const who = app === 'candidate' ? { auth: c.auth, password: c.password } : { auth: admin.auth, password: admin.password };
        const token = { token: 'A'.repeat(43) };
        return [
          { app, method: 'post', path: '/auth/password-reset/request', url: '/auth/password-reset/request', body: { email: 'niemand@test.rlp.local' }, fields: { email: { t: 'email' } } },
          { app, method: 'post', path: '/auth/password-reset/check', url: '/auth/password-reset/check', body: token, fields: { token: text(200, { nonBlank: true }) } },
          { app, method: 'post', path: '/auth/password-reset', url: '/auth/password-reset', body: { ...token, password: 'nieuwe zin met paarse olifanten' }, fields: { token: text(200, { nonBlank: true }), password: text(1024) } },
          { app, method: 'post', path: '/auth/email-change/confirm', url: '/auth/email-change/confirm', body: token, fields: { token: text(200, { nonBlank: true }) } },
          // Two-factor authentication (ADR 0021): the account is enrolled already, or not.
          { app, method: 'post', path: '/auth/two-factor/enrolment', url: '/auth/two-factor/enrolment', auth: who.auth },
          { app, method: 'post', path: '/auth/two-factor/enrolment/confirm', url: '/auth/two-factor/enrolment/confirm', auth: who.auth, body: { code: '123456', password: who.password }, fields: { code: text(16), password: text(1024) } },
          { app, method: 'post', path: '/auth/two-factor/disable', url: '/auth/two-factor/disable', auth: who.auth, body: { password: who.password, code: '123456' }, fields: { password: text(1024), code: text(32) } },
          { app, method: 'post', path: '/auth/two-factor/recovery-codes', url: '/auth/two-factor/recovery-codes', auth: who.auth, body: { code: '123456' }, fields: { code: text(16) } },
          { app, method: 'post', path: '/account/password', url: '/account/password', auth: who.auth, body: { currentPassword: who.password, newPassword: 'nieuwe zin met paarse olifanten' }, fields: { currentPassword: text(1024), newPassword: text(1024) } },
          { app, method: 'post', path: '/account/email', url: '/account/email', auth: who.auth, body: { currentPassword: who.password, newEmail: 'ander-adres@test.rlp.local' }, fields: { currentPassword: text(1024), newEmail: { t: 'email' } } },
        ];
      }),
      { app: 'candidate', method: 'post', path: '/auth/email-verification/confirm', url: '/auth/email-verification/confirm', body: { token: 'A'.repeat(43) }, fields: { token: text(200, { nonBlank: true }) } },
      { app: 'candidate', method: 'post', path: '/account/email-verification', url: '/account/email-verification', auth: c.auth },
      { app: 'candidate', method: 'post', path: '/documents', url: '/documents', auth: c.auth, body: { filename: 'bewijs.pdf', contentType: 'application/pdf', sizeBytes: 100 }, fields: { filename: text(255), contentType: { t: 'enum', values: ['application/pdf', 'image/png', 'image/jpeg'] }, sizeBytes: { t: 'int', min: 1, max: 20 * 1024 * 1024 } } },
      { app: 'candidate', method: 'delete', path: '/documents/:id', url: `/documents/${NO_SUCH_ID}`, auth: c.auth },
      { app: 'candidate', method: 'post', path: '/documents/:id/confirm', url: `/documents/${NO_SUCH_ID}/confirm`, auth: c.auth },
      { app: 'candidate', method: 'post', path: '/portfolios', url: '/portfolios', auth: c.auth },
      // Negative hours and impossible dates inside a section (its schema is checked on every draft save).
      ...(['put', 'patch'] as const).map(
        (method): WriteRoute => ({
          app: 'candidate',
          method,
          path: '/portfolios/:id/sections/:section',
          url: `/portfolios/${draft.id}/sections/workExperience`,
          auth: c.auth,
          headers: sectionEtag('workExperience'),
          body: { experienceDeclaration: { activeSince: '2020-01-01', hours: 1500 } },
          fields: { 'experienceDeclaration.hours': { t: 'nonnegative', required: false }, 'experienceDeclaration.activeSince': { t: 'date', required: false } },
        }),
      ),
      // Malformed ids, numbers and objects where a section refers to an uploaded document (before the fix a
      // non-UUID such as the example document's "doc-7d1f3a02" reached the uuid column: a 500).
      ...(['put', 'patch'] as const).flatMap((method): WriteRoute[] => [
        {
          app: 'candidate',
          method,
          path: '/portfolios/:id/sections/:section',
          url: `/portfolios/${draft.id}/sections/education`,
          auth: c.auth,
          headers: sectionEtag('education'),
          body: { evidence: [{ kind: 'diploma', documentId: evidence.id }] },
          fields: { 'evidence.0.documentId': { t: 'uuid', required: false } },
        },
        {
          app: 'candidate',
          method,
          path: '/portfolios/:id/sections/:section',
          url: `/portfolios/${draft.id}/sections/cvAndMotivation`,
          auth: c.auth,
          headers: sectionEtag('cvAndMotivation'),
          body: { cvDocumentId: evidence.id },
          fields: { cvDocumentId: { t: 'uuid', required: false } },
        },
      ]),
      ...(['education', 'workExperience', 'cvAndMotivation', 'case-1', 'developmentPlan', 'declarations'] as const).flatMap((section): WriteRoute[] => [
        { app: 'candidate', method: 'put', path: '/portfolios/:id/sections/:section', url: `/portfolios/${draft.id}/sections/${section}`, auth: c.auth, headers: sectionEtag(section), body: {}, fields: {} },
        { app: 'candidate', method: 'patch', path: '/portfolios/:id/sections/:section', url: `/portfolios/${draft.id}/sections/${section}`, auth: c.auth, headers: sectionEtag(section), body: {}, fields: {} },
      ]),
      { app: 'candidate', method: 'post', path: '/portfolios/:id/submit', url: `/portfolios/${draft.id}/submit`, auth: c.auth, headers: async () => ({ 'Idempotency-Key': `hostile-${Math.random()}` }), body: { revision: 'r1' }, fields: { revision: text(100) } },
      { app: 'candidate', method: 'post', path: '/portfolios/:id/rulebook-move', url: `/portfolios/${draft.id}/rulebook-move`, auth: c.auth, body: { to: 'toetsingskader-initieel-v1' }, fields: { to: text(100) } },
      { app: 'candidate', method: 'post', path: '/portfolios/:id/interview/booking', url: `/portfolios/${j.portfolioId}/interview/booking`, auth: j.c.auth, body: { slotId: jSlot }, fields: { slotId: { t: 'uuid' } } },
      { app: 'candidate', method: 'post', path: '/portfolios/:id/interview/cancel', url: `/portfolios/${h.portfolioId}/interview/cancel`, auth: h.c.auth, body: {}, fields: { reason: text(2000, { required: false }) } },
      { app: 'assessor', method: 'post', path: '/auth/login', url: '/auth/login', body: { email: admin.email, password: admin.password }, fields: { email: text(254), password: text(1024), totpCode: text(16, { required: false }), recoveryCode: text(32, { required: false }) } },
      { app: 'assessor', method: 'post', path: '/auth/session', url: '/auth/session', body: { email: admin.email, password: admin.password }, fields: { email: text(254), password: text(1024), totpCode: text(16, { required: false }), recoveryCode: text(32, { required: false }) } },
      { app: 'assessor', method: 'post', path: '/auth/logout', url: '/auth/logout', auth: admin.auth },
      { app: 'assessor', method: 'post', path: '/admin/accounts', url: '/admin/accounts', auth: admin.auth, body: { email: 'b@test.rlp.local', displayName: 'B', role: 'assessor' }, fields: { email: { t: 'email' }, displayName: text(200, { nonBlank: true }), organisation: text(200, { required: false }), role: { t: 'enum', values: ['assessor', 'admin'] } } },
      // Invitations and the office's 2FA reset (ADR 0021).
      { app: 'assessor', method: 'post', path: '/admin/accounts/:id/invitation', url: `/admin/accounts/${NO_SUCH_ID}/invitation`, auth: admin.auth },
      { app: 'assessor', method: 'post', path: '/admin/accounts/:id/two-factor/reset', url: `/admin/accounts/${NO_SUCH_ID}/two-factor/reset`, auth: admin.auth },
      { app: 'assessor', method: 'post', path: '/auth/invitation/check', url: '/auth/invitation/check', body: { token: 'A'.repeat(43) }, fields: { token: text(200) } },
      { app: 'assessor', method: 'post', path: '/auth/invitation/accept', url: '/auth/invitation/accept', body: { token: 'A'.repeat(43), password: 'nieuwe zin met paarse olifanten' }, fields: { token: text(200), password: text(1024) } },
      { app: 'assessor', method: 'patch', path: '/admin/accounts/:id', url: `/admin/accounts/${throwaway.id}`, auth: admin.auth, body: { organisation: 'Zes' }, fields: { organisation: text(200, { required: false }), displayName: text(200, { required: false }) } },
      { app: 'assessor', method: 'post', path: '/admin/accounts/:id/deactivate', url: `/admin/accounts/${NO_SUCH_ID}/deactivate`, auth: admin.auth },
      { app: 'assessor', method: 'post', path: '/admin/accounts/:id/relations', url: `/admin/accounts/${throwaway.id}/relations`, auth: admin.auth, body: { relatedName: 'Buur' }, fields: { relatedUserId: { t: 'uuid', required: false }, relatedName: text(200), relatedOrganisation: text(200, { required: false }), description: text(1000, { required: false }) } },
      { app: 'assessor', method: 'delete', path: '/admin/accounts/:id/relations/:relationId', url: `/admin/accounts/${throwaway.id}/relations/${NO_SUCH_ID}`, auth: admin.auth },
      { app: 'assessor', method: 'post', path: '/admin/documents', url: '/admin/documents', auth: admin.auth, body: { filename: 'r.pdf', contentType: 'application/pdf', sizeBytes: 100 }, fields: { filename: text(255), contentType: { t: 'enum', values: ['application/pdf', 'image/png', 'image/jpeg'] }, sizeBytes: { t: 'int', min: 1, max: 20 * 1024 * 1024 } } },
      { app: 'assessor', method: 'post', path: '/admin/documents/:id/confirm', url: `/admin/documents/${NO_SUCH_ID}/confirm`, auth: admin.auth },
      { app: 'assessor', method: 'post', path: '/admin/dossiers/:id/assignments', url: `/admin/dossiers/${NO_SUCH_ID}/assignments`, auth: admin.auth, body: { assessorId: a1.id }, fields: { assessorId: { t: 'uuid' } } },
      { app: 'assessor', method: 'post', path: '/admin/dossiers/:id/decision', url: `/admin/dossiers/${h.portfolioId}/decision`, auth: admin.auth, body: { outcome: 'certified' }, fields: { outcome: { t: 'enum', values: ['certified', 'not_certified'] }, motivation: text(5000, { required: false }) } },
      { app: 'assessor', method: 'post', path: '/admin/regulations/:type/versions', url: '/admin/regulations/gedragscode/versions', auth: admin.auth, body: { title: 'Nieuw' }, fields: regulationFields },
      { app: 'assessor', method: 'patch', path: '/admin/regulations/:type/versions/:version', url: `/admin/regulations/gedragscode/versions/${draftVersion}`, auth: admin.auth, body: { title: 'Herzien' }, fields: regulationFields },
      { app: 'assessor', method: 'delete', path: '/admin/regulations/:type/versions/:version', url: '/admin/regulations/gedragscode/versions/999', auth: admin.auth },
      { app: 'assessor', method: 'post', path: '/admin/regulations/:type/versions/:version/publish', url: `/admin/regulations/gedragscode/versions/${draftVersion}/publish`, auth: admin.auth, body: { effectiveFrom: '2027-01-01' }, fields: { effectiveFrom: { t: 'date' } } },
      { app: 'assessor', method: 'put', path: '/admin/rulebooks/default', url: '/admin/rulebooks/default', auth: admin.auth, body: { rulebook: 'toetsingskader-initieel-v1' }, fields: { rulebook: text(100) } },
      { app: 'assessor', method: 'post', path: '/assessments/:id/decline', url: `/assessments/${s1.portfolioId}/decline`, auth: a1.auth, body: { reason: 'Ik ken de kandidaat' }, fields: { reason: text(2000, { nonBlank: true }) } },
      { app: 'assessor', method: 'post', path: '/assessments/:id/independence', url: `/assessments/${s1.portfolioId}/independence`, auth: a1.auth, body: { independent: true }, fields: { independent: { t: 'true' }, note: text(2000, { required: false }) } },
      { app: 'assessor', method: 'put', path: '/assessments/:id/scoring', url: `/assessments/${s1.portfolioId}/scoring`, auth: a1.auth, headers: () => etag(p.assessor, `/assessments/${s1.portfolioId}/scoring`, a1.auth), body: { scores: {} }, fields: { scores: { t: 'object' } } },
      // One criterion with that criterion's own ETag; its questions through the first one (an empty list is valid).
      {
        app: 'assessor',
        method: 'put',
        path: '/assessments/:id/scoring/criteria/:criterion',
        url: `/assessments/${s1.portfolioId}/scoring/criteria/A`,
        auth: a1.auth,
        headers: async () => ({ 'If-Match': (await request(p.assessor.getHttpServer()).get(`/assessments/${s1.portfolioId}/scoring`).set(a1.auth).expect(200)).body.criterionVersions['A'].etag as string }),
        body: { verdict: 'te_bevragen', motivation: 'Onduidelijk', questions: ['Waarom?'] },
        fields: { verdict: { t: 'enum', values: ['aangetoond', 'niet_aangetoond', 'te_bevragen'] }, motivation: text(5000, { required: false }), 'questions.0': text(1000, { required: false }) },
      },
      { app: 'assessor', method: 'post', path: '/assessments/:id/scoring/submit', url: `/assessments/${s1.portfolioId}/scoring/submit`, auth: a1.auth, headers: () => etag(p.assessor, `/assessments/${s1.portfolioId}/scoring`, a1.auth) },
      { app: 'assessor', method: 'put', path: '/assessments/:id/judgement', url: `/assessments/${s2.portfolioId}/judgement`, auth: a3.auth, headers: () => etag(p.assessor, `/assessments/${s2.portfolioId}/judgement`, a3.auth), body: { criteria: {} }, fields: { criteria: { t: 'object' } } },
      { app: 'assessor', method: 'post', path: '/assessments/:id/judgement/agree', url: `/assessments/${s2.portfolioId}/judgement/agree`, auth: a3.auth, headers: async () => ({ 'If-Match': '"judgement.99"' }) },
      { app: 'assessor', method: 'put', path: '/assessments/:id/interview-record', url: `/assessments/${h.portfolioId}/interview-record`, auth: a1.auth, headers: () => etag(p.assessor, `/assessments/${h.portfolioId}/interview-record`, a1.auth), body: { advice: 'positive' }, fields: { advice: { t: 'enum', values: ['positive', 'negative'], required: false }, motivation: text(5000, { required: false }), findings: { t: 'object', required: false } } },
      { app: 'assessor', method: 'post', path: '/assessments/:id/interview-record/agree', url: `/assessments/${h.portfolioId}/interview-record/agree`, auth: a1.auth, headers: async () => ({ 'If-Match': '"interview.99"' }) },
      { app: 'assessor', method: 'post', path: '/assessments/:id/interview/cancel', url: `/assessments/${h.portfolioId}/interview/cancel`, auth: a1.auth, body: {}, fields: { reason: text(2000, { required: false }) } },
      { app: 'assessor', method: 'post', path: '/assessments/:id/slots', url: `/assessments/${j.portfolioId}/slots`, auth: a2.auth, body: { date: '2026-12-20', time: '10:00', durationMinutes: 60, address: 'Utrecht' }, fields: { date: { t: 'date' }, time: { t: 'time' }, durationMinutes: { t: 'int', min: 15, max: 480 }, onlineUrl: { t: 'https', required: false }, address: text(500, { required: false }) } },
      { app: 'assessor', method: 'delete', path: '/assessments/:id/slots/:slotId', url: `/assessments/${j.portfolioId}/slots/${NO_SUCH_ID}`, auth: a2.auth },
      // A series of slots on J: the array itself and each field of its first item (the dotted paths; not
      // "missing", which the sweep only does for top-level fields — a missing date is a bad date here).
      {
        app: 'assessor',
        method: 'post',
        path: '/assessments/:id/slots/batch',
        url: `/assessments/${j.portfolioId}/slots/batch`,
        auth: a2.auth,
        body: { slots: [{ ...batchSlot }, { ...batchSlot, time: '11:00' }] },
        fields: {
          slots: { t: 'array', item: batchSlot, max: 20 },
          'slots.0.date': { t: 'date', required: false },
          'slots.0.time': { t: 'time', required: false },
          'slots.0.durationMinutes': { t: 'int', min: 15, max: 480, required: false },
          'slots.0.onlineUrl': { t: 'https', required: false },
          'slots.0.address': text(500, { required: false }),
        },
      },
      // H: the interview's start has passed, nothing recorded yet: a no-show could be recorded.
      {
        app: 'assessor',
        method: 'post',
        path: '/assessments/:id/interview/missed',
        url: `/assessments/${h.portfolioId}/interview/missed`,
        auth: a1.auth,
        body: { kind: 'no_show', absentParty: 'candidate', reason: 'Niet verschenen', next: 'new_slots' },
        fields: {
          kind: { t: 'enum', values: ['no_show', 'late_cancellation'] },
          absentParty: { t: 'enum', values: ['candidate', 'assessor'] },
          absentAssessorId: { t: 'uuid', required: false },
          reason: text(2000, { nonBlank: true }),
          next: { t: 'enum', values: ['new_slots', 'advise'] },
        },
      },
      // J is judged: preparation notes are open, with their own ETag.
      { app: 'assessor', method: 'put', path: '/assessments/:id/preparation', url: `/assessments/${j.portfolioId}/preparation`, auth: a2.auth, headers: () => etag(p.assessor, `/assessments/${j.portfolioId}/preparation`, a2.auth), body: { notes: {} }, fields: { notes: { t: 'object' } } },
      { app: 'assessor', method: 'post', path: '/admin/portfolios/:id/rulebook-move', url: `/admin/portfolios/${draft.id}/rulebook-move`, auth: admin.auth, body: { to: 'toetsingskader-initieel-v1' }, fields: { to: text(100) } },
      // Issue 16: the public check of a credential (bad input is a 4xx; the runs also meet its rate limit, 429) and
      // revoking one (H is not certified: at best 404 NOT_CERTIFIED, nothing issued or revoked).
      ...(['candidate', 'assessor'] as const).map((app): WriteRoute => ({ app, method: 'post', path: '/verify', url: '/verify', body: { credential: 'eyJhbGciOiJFZERTQSJ9.e30.c2ln' }, fields: { credential: text(20_000, { nonBlank: true }) } })),
      { app: 'assessor', method: 'post', path: '/admin/dossiers/:id/credential/revoke', url: `/admin/dossiers/${h.portfolioId}/credential/revoke`, auth: admin.auth, body: { reason: 'Fraude vastgesteld' }, fields: { reason: text(1000) } },
    ];
  }, 180_000);
  afterAll(() => p.close());

  const send = async (route: WriteRoute, body: unknown) => {
    const app = route.app === 'candidate' ? p.candidate : p.assessor;
    let r = request(app.getHttpServer())[route.method](route.url);
    if (route.auth) r = r.set(route.auth);
    if (route.headers) for (const [k, v] of Object.entries(await route.headers())) r = r.set(k, v);
    r = r.set('Content-Type', route.method === 'patch' && route.path.includes('/sections/') ? 'application/merge-patch+json' : 'application/json');
    return r.send(JSON.stringify(body));
  };

  it('covers every write route of both apps', () => {
    const covered = new Set(routes.map((r) => `${r.app} ${r.method.toUpperCase()} ${r.path}`));
    const writes = [
      ...listRoutes(p.candidate).map((r) => ({ ...r, app: 'candidate' })),
      ...listRoutes(p.assessor).map((r) => ({ ...r, app: 'assessor' })),
    ].filter((r) => r.method !== 'GET');
    expect(writes.map((r) => `${r.app} ${r.method} ${r.path}`).filter((k) => !covered.has(k))).toEqual([]);
  });

  it('generated bad input: always a 4xx with the error shape, never a 5xx, nothing changed', async () => {
    let tried = 0;
    const byStatus: Record<string, number> = {};
    const before = await fingerprint(p);
    const auditSize = async () => (await p.db.query<{ n: string }>(`SELECT count(*)::text AS n FROM audit_events`))[0]!.n;
    const auditBefore = await auditSize();
    for (const route of routes) {
      await fc.assert(
        fc.asyncProperty(badBody(route), async ({ label, body }) => {
          const res = await send(route, body);
          tried++;
          byStatus[res.status] = (byStatus[res.status] ?? 0) + 1;
          const where = `${route.app} ${route.method.toUpperCase()} ${route.url} — ${label}`;
          expect({ where, status: res.status >= 400 && res.status < 500 ? '4xx' : res.status }).toEqual({ where, status: '4xx' });
          expect({ where, body: res.body }).toEqual({ where, body: expect.objectContaining({ code: expect.stringMatching(/^[A-Z][A-Z0-9_]+$/), message: expect.any(String) }) });
          // Every change the platform makes is audited: the trail did not grow.
          expect({ where, audit: await auditSize() }).toEqual({ where, audit: auditBefore });
        }),
        // Report the failed expectation itself: fast-check's own report prints the counterexample,
        // and the deeply nested bodies among them overflow its printer's stack.
        { seed: SEED, numRuns: RUNS_PER_ROUTE, endOnFailure: true, reporter: reportFailure },
      );
      // And every table (but the sessions) is byte for byte what it was, after all of this route's cases.
      const after = await fingerprint(p);
      const where = `${route.app} ${route.method.toUpperCase()} ${route.url}`;
      expect({ where, changed: Object.keys(after).filter((t) => after[t] !== before[t]) }).toEqual({ where, changed: [] });
    }
    // The sessions used above are still valid: no bad request logged anyone out on the way.
    await api(p).get('/auth/me').set(routes[0]!.app === 'candidate' ? routes.find((r) => r.path === '/documents')!.auth! : {}).expect(200);
    await office(p).get('/auth/me').set(admin.auth).expect(200);
    console.log(`[hostile-input] seed=${SEED}: ${tried} bad requests on ${new Set(routes.map((r) => `${r.app} ${r.method} ${r.path}`)).size} write routes (${routes.length} targets); statuses ${JSON.stringify(byStatus)}`);
    expect(tried).toBe(routes.length * RUNS_PER_ROUTE);
  }, 900_000);

  it('fields the client must never set are refused on every write route, never applied', async () => {
    const FORBIDDEN = ['status', 'ownerId', 'candidateId', 'scores', 'version', 'createdAt', 'updatedAt', 'submittedAt', 'decidedAt', 'id', 'role', 'certificateNumber'];
    const before = await fingerprint(p);
    let tried = 0;
    for (const route of routes) {
      for (const field of FORBIDDEN) {
        if (route.body && field in route.body) continue;
        if (route.fields && field in route.fields) continue;
        const value = field.endsWith('At') ? '2020-01-01T00:00:00Z' : field === 'version' ? 99 : field === 'scores' ? { A: { verdict: 'aangetoond' } } : 'decided';
        const res = await send(route, { ...(route.body ?? {}), [field]: value });
        tried++;
        const where = `${route.app} ${route.method.toUpperCase()} ${route.url} + ${field}`;
        expect({ where, status: res.status }).toEqual({ where, status: 400 });
        expect(res.body.code).toMatch(/^[A-Z][A-Z0-9_]+$/);
      }
    }
    expect(await fingerprint(p)).toEqual(before);
    console.log(`[hostile-input] ${tried} requests with a field the client must never set: all 400`);
  }, 300_000);

  it('every document reference inside a section gets malformed ids in the sweep above', () => {
    // The references the example document has (docs/examples/complete.json), by pointer with array indexes as 0.
    const example = JSON.parse(readFileSync(join(__dirname, '..', 'docs', 'examples', 'complete.json'), 'utf8')) as JsonObject;
    const inExample = new Set(
      Object.entries(example)
        .filter(([key]) => isSectionKey(key))
        .flatMap(([key, content]) => documentReferencesOf(key as never, content as JsonObject).map((r) => `${key}${r.path.replace(/\/\d+\//g, '/0/')}`)),
    );
    const covered = new Set(
      routes
        .filter((r) => r.path === '/portfolios/:id/sections/:section')
        .flatMap((r) => Object.entries(r.fields ?? {}).filter(([, k]) => k.t === 'uuid').map(([name]) => `${r.url.split('/').pop()}/${name.replaceAll('.', '/')}`)),
    );
    expect(inExample.size).toBeGreaterThan(0);
    expect([...inExample].filter((ref) => !covered.has(ref))).toEqual([]);
  });

  it('out-of-range integers and malformed ids in every path parameter of every route: a 4xx, never a database error', async () => {
    const OUT_OF_RANGE = ['2147483648', '3000000000', '99999999999', '9'.repeat(40), '-1', '-2147483649', '1.5', '1e3', '0x1F', '+1', ' 1', 'Infinity', 'NaN'];
    const MALFORMED_IDS = ['doc-diploma', 'doc-7d1f3a02', '00000000-0000-0000-0000-00000000000', 'g0000000-0000-4000-8000-000000000000', `${NO_SUCH_ID}0`, "1' OR '1'='1", '\u0000', '\u202E', 'null', '__proto__', 'x'.repeat(300), '../..', 'é'];
    const all = [
      ...listRoutes(p.candidate).map((r) => ({ ...r, app: 'candidate' as const })),
      ...listRoutes(p.assessor).map((r) => ({ ...r, app: 'assessor' as const })),
    ];
    const before = await fingerprint(p);
    let tried = 0;
    const routesWithParams = new Set<string>();
    const byStatus: Record<string, number> = {};
    for (const route of all) {
      const params = [...route.path.matchAll(/:(\w+)/g)].map((m) => m[1]!);
      const { auth, values } = paramContext(route.app, route.path);
      for (const param of params) {
        expect({ route: route.path, param, known: param in values }).toEqual({ route: route.path, param, known: true });
        routesWithParams.add(`${route.app} ${route.method} ${route.path}`);
        for (const bad of [...OUT_OF_RANGE, ...MALFORMED_IDS]) {
          const url = route.path.replace(/:(\w+)/g, (_, name: string) => encodeURIComponent(name === param ? bad : values[name]!));
          const app = route.app === 'candidate' ? p.candidate : p.assessor;
          const res = await request(app.getHttpServer())[route.method.toLowerCase() as 'get'](url).set(auth);
          tried++;
          byStatus[res.status] = (byStatus[res.status] ?? 0) + 1;
          const where = `${route.app} ${route.method} ${route.path} with :${param} = ${JSON.stringify(bad.slice(0, 40))}`;
          expect({ where, status: res.status >= 400 && res.status < 500 ? '4xx' : res.status }).toEqual({ where, status: '4xx' });
          expect({ where, body: res.body }).toEqual({ where, body: expect.objectContaining({ code: expect.stringMatching(/^[A-Z][A-Z0-9_]+$/), message: expect.any(String) }) });
          // A number out of range is refused as such, whichever route takes it.
          if (param === 'version' && OUT_OF_RANGE.includes(bad)) expect({ where, code: res.body.code }).toEqual({ where, code: 'INVALID_VERSION' });
        }
      }
    }
    expect(await fingerprint(p)).toEqual(before);
    console.log(`[hostile-input] ${tried} requests with an out-of-range integer or a malformed id in a path parameter, on ${routesWithParams.size} routes with parameters; statuses ${JSON.stringify(byStatus)}`);
    expect(routesWithParams.size).toBeGreaterThan(50);
  }, 300_000);
});
