import Ajv, { type ValidateFunction } from 'ajv';
import request, { type Response } from 'supertest';
import { AuditChainer } from '@rlp/audit';
import { startTestPlatform, TestPlatform } from '@rlp/testing';
import { totpCode } from '@rlp/accounts';
import { assign, office, person, submittedDossier, type Person } from './support/assessment-journey';
import { FILES, readyToSubmit } from './support/candidate-journey';

/**
 * The assessor app's OpenAPI document (as served at /docs-json) is what a typed client
 * (openapi-typescript + openapi-fetch) is generated from, so it must say what each route really
 * answers. For a representative call of each route of the office, sign-in, health, regulations and
 * the register (the assessment and dossier routes are exercised by their own tests), the real
 * answer's body is validated against the schema the document gives for that status, with no
 * property the schema does not name; and every route of the document, those included, has a
 * success answer with a schema (or is a file or a 204).
 */
const TODAY = '2026-11-23';
/** The routes this file calls one by one: the office's, sign-in, health, regulations and the register. */
const CALLED_HERE = /^\/(admin\/(accounts|audit-events|documents|regulations|rulebooks)|auth|health|regulations|register)(\/|$)/;
const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;
type Method = (typeof METHODS)[number];

type Schema = Record<string, unknown>;
interface MediaType {
  schema?: Schema;
}
interface Operation {
  responses: Record<string, { content?: Record<string, MediaType> }>;
}
interface OpenApiDocument {
  paths: Record<string, Partial<Record<Method, Operation>>>;
  components: { schemas: Record<string, Schema> };
}

/**
 * OpenAPI 3.0 schema → JSON Schema for Ajv: `nullable` becomes a `null` type, `$ref`s point into
 * the document registered as `api`, and an object that lists its properties allows no others (so
 * an answer with a property the document does not name fails, too).
 */
function toJsonSchema(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(toJsonSchema);
  if (node === null || typeof node !== 'object') return node;
  const out: Schema = {};
  for (const [key, value] of Object.entries(node as Schema)) {
    if (key === '$ref' && typeof value === 'string') out[key] = `api${value}`;
    else if (key === 'properties' && value && typeof value === 'object') out[key] = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toJsonSchema(v)]));
    else if (key !== 'nullable' && key !== 'example') out[key] = toJsonSchema(value);
  }
  if (out['properties'] && out['additionalProperties'] === undefined) out['additionalProperties'] = false;
  // As openapi-typescript reads it (`X | null`), also beside `allOf: [{ $ref }]`.
  return (node as Schema)['nullable'] === true ? { anyOf: [out, { type: 'null' }] } : out;
}

function ajvFor(document: OpenApiDocument): Ajv {
  const ajv = new Ajv({ strict: false, allErrors: true });
  ajv.addFormat('uuid', /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
  ajv.addFormat('date', /^\d{4}-\d{2}-\d{2}$/);
  ajv.addFormat('date-time', { type: 'string', validate: (s: string) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(s) && !Number.isNaN(Date.parse(s)) });
  ajv.addFormat('uri', { type: 'string', validate: (s: string) => URL.canParse(s) });
  ajv.addFormat('binary', true);
  ajv.addFormat('email', true);
  ajv.addSchema({ $id: 'api', components: { schemas: toJsonSchema(document.components.schemas) } });
  return ajv;
}

/** `/admin/accounts/{id}/relations` → a pattern for the concrete path. */
const templatePattern = (template: string) => new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`);

let p: TestPlatform;
let document: OpenApiDocument;
let ajv: Ajv;
const validators = new Map<string, ValidateFunction>();
/** `POST /admin/accounts` … : the document's routes a test has called. */
const called = new Set<string>();

function operationOf(method: Method, path: string): { key: string; operation: Operation } {
  const pathname = path.split('?')[0]!;
  const candidates = Object.keys(document.paths).filter((t) => document.paths[t]![method] && templatePattern(t).test(pathname));
  // The most literal template wins (/admin/audit-events/verify over a parameter).
  candidates.sort((a, b) => (a.match(/\{/g)?.length ?? 0) - (b.match(/\{/g)?.length ?? 0));
  const template = candidates[0];
  if (!template) throw new Error(`${method.toUpperCase()} ${pathname} is not in the OpenAPI document`);
  return { key: `${method.toUpperCase()} ${template}`, operation: document.paths[template]![method]! };
}

/** Checks a real answer against what the document says about that route and status. */
function expectDocumented(method: Method, path: string, res: Response): void {
  const { key, operation } = operationOf(method, path);
  called.add(key);
  const documented = operation.responses[String(res.status)];
  if (!documented) throw new Error(`${key} answered ${res.status}, which the document does not list (${Object.keys(operation.responses).join(', ')})`);
  if (res.status === 204) {
    expect(res.text ?? '').toBe('');
    return;
  }
  const type = String(res.headers['content-type'] ?? '').split(';')[0]!;
  const schema = documented.content?.[type]?.schema;
  if (!schema) throw new Error(`${key} ${res.status}: answered ${type}, for which the document has no schema`);
  const id = `${key} ${res.status} ${type}`;
  let validate = validators.get(id);
  if (!validate) {
    validate = ajv.compile(toJsonSchema(schema) as Schema);
    validators.set(id, validate);
  }
  if (!validate(type === 'application/json' ? res.body : res.text)) {
    throw new Error(`${key} ${res.status}: the answer does not match its schema:\n${JSON.stringify(validate.errors, null, 2)}\n${JSON.stringify(res.body, null, 2).slice(0, 2000)}`);
  }
}

interface CallOptions {
  auth?: Record<string, string>;
  body?: object;
  headers?: Record<string, string>;
}

/** A call to the assessor app, its status, and its body checked against the document. */
async function call(method: Method, path: string, status: number, options: CallOptions = {}): Promise<Response> {
  let req = request(p.assessor.getHttpServer())[method](path);
  for (const [name, value] of Object.entries({ ...options.auth, ...options.headers })) req = req.set(name, value);
  const res = await (options.body !== undefined ? req.send(options.body) : req);
  if (res.status !== status) throw new Error(`${method.toUpperCase()} ${path}: expected ${status}, got ${res.status} ${JSON.stringify(res.body)}`);
  expectDocumented(method, path, res);
  return res;
}

beforeAll(async () => {
  p = await startTestPlatform({ now: new Date(`${TODAY}T10:00:00Z`) });
  document = (await request(p.assessor.getHttpServer()).get('/docs-json').expect(200)).body as OpenApiDocument;
  ajv = ajvFor(document);
});
afterAll(() => p?.close());

describe('assessor API: every answer matches its OpenAPI schema (e2e)', () => {
  let admin: Person;
  let otherAdmin: Person;
  let assessor: Person;
  /** Submitted while gedragscode 1 is current (a test below publishes 2). */
  let dossierId: string;

  beforeAll(async () => {
    admin = await person(p, 'admin');
    otherAdmin = await person(p, 'admin');
    assessor = await person(p, 'assessor');
    dossierId = (await submittedDossier(p, TODAY)).portfolioId;
  });

  it('the checker itself: a body with an undocumented or missing property, or a wrong type, fails', () => {
    const account = { id: '4b0c5e3e-9d8e-4a43-9b8e-7e0f4ad8e4b1', email: 'a@b.nl', displayName: 'A', role: 'admin', organisation: null, active: true, createdAt: '2026-11-23T10:00:00.000Z' };
    const validate = ajv.compile({ $ref: 'api#/components/schemas/Account' });
    expect(validate(account)).toBe(true);
    expect(validate({ ...account, passwordHash: 'x' })).toBe(false);
    expect(validate({ ...account, organisation: undefined })).toBe(false);
    expect(validate({ ...account, active: 'yes' })).toBe(false);
    expect(validate({ ...account, createdAt: 'gisteren' })).toBe(false);
  });

  it('health, login, browser session, me and logout', async () => {
    await call('get', '/health', 200);
    await call('get', '/health/live', 200);
    await call('get', '/health/ready', 200);
    await call('post', '/auth/login', 401, { body: { email: assessor.email, password: assessor.password } }); // TOTP_REQUIRED
    const login = await call('post', '/auth/login', 200, { body: { email: assessor.email, password: assessor.password, totpCode: await p.totpCode(assessor) } });
    await call('post', '/auth/login', 401, { body: { email: assessor.email, password: 'wrong password!' } });
    await call('post', '/auth/session', 200, { body: { email: assessor.email, password: assessor.password, totpCode: await p.totpCode(assessor) } });
    const bearer = { Authorization: `Bearer ${(login.body as { token: string }).token}` };
    await call('get', '/auth/me', 200, { auth: bearer });
    await call('post', '/auth/logout', 204, { auth: bearer });
    await call('get', '/auth/me', 401, { auth: bearer });
  });

  it('accounts, profiles and declared relations', async () => {
    const poolEmail = `pool-${Date.now()}@test.rlp.local`;
    const created = await call('post', '/admin/accounts', 201, {
      auth: admin.auth,
      body: { email: poolEmail, displayName: 'Petra Pool', role: 'assessor', organisation: 'Pool BV' },
    });
    const id = (created.body as { id: string }).id;
    await call('post', '/admin/accounts', 409, { auth: admin.auth, body: { email: assessor.email, displayName: 'Dubbel', role: 'assessor' } });
    // The invitation (ADR 0021): resent, checked, accepted once.
    await call('post', `/admin/accounts/${id}/invitation`, 200, { auth: admin.auth });
    await call('post', '/admin/accounts/00000000-0000-4000-8000-000000000000/invitation', 404, { auth: admin.auth });
    const [mail] = await p.db.query<{ text_body: string }>(`SELECT "text_body" FROM "outbox_messages" WHERE "recipient" = $1 ORDER BY "created_at" DESC, "id" DESC LIMIT 1`, [poolEmail]);
    const token = decodeURIComponent(/uitnodiging\?token=([^\s]+)/.exec(mail!.text_body)![1]!);
    await call('post', '/auth/invitation/check', 200, { body: { token } });
    await call('post', '/auth/invitation/check', 400, { body: { token: 'A'.repeat(43) } });
    await call('post', '/auth/invitation/accept', 400, { body: { token, password: 'wachtwoord' } });
    await call('post', '/auth/invitation/accept', 204, { body: { token, password: 'petra kiest zelf een lange zin' } });
    await call('post', '/auth/invitation/accept', 409, { body: { token, password: 'petra kiest zelf een lange zin' } });
    await call('post', `/admin/accounts/${id}/invitation`, 409, { auth: admin.auth });
    await call('post', `/admin/accounts/${id}/two-factor/reset`, 200, { auth: admin.auth });
    await call('post', '/admin/accounts/00000000-0000-4000-8000-000000000000/two-factor/reset', 404, { auth: admin.auth });
    const listed = await call('get', '/admin/accounts?role=assessor', 200, { auth: admin.auth });
    expect((listed.body as unknown[]).length).toBeGreaterThanOrEqual(2);
    await call('get', '/admin/accounts', 403, { auth: assessor.auth });
    await call('patch', `/admin/accounts/${id}`, 200, { auth: admin.auth, body: { organisation: null } });
    const relation = await call('post', `/admin/accounts/${id}/relations`, 201, {
      auth: admin.auth,
      body: { relatedUserId: assessor.id, relatedName: 'A. Ssessor', relatedOrganisation: 'Praktijk', description: 'oud-collega' },
    });
    await call('post', `/admin/accounts/${id}/relations`, 201, { auth: admin.auth, body: { relatedName: 'Zonder account' } });
    const relations = await call('get', `/admin/accounts/${id}/relations`, 200, { auth: admin.auth });
    expect(relations.body).toHaveLength(2);
    await call('delete', `/admin/accounts/${id}/relations/${(relation.body as { id: string }).id}`, 204, { auth: admin.auth });
    await call('delete', `/admin/accounts/${id}/relations/${(relation.body as { id: string }).id}`, 404, { auth: admin.auth });
    const deactivated = await call('post', `/admin/accounts/${id}/deactivate`, 200, { auth: admin.auth });
    expect(deactivated.body).toMatchObject({ id, active: false });
    await call('post', `/admin/accounts/${admin.id}/deactivate`, 409, { auth: admin.auth });
  });

  it('password reset and the e-mail change link (ADR 0020): the answers to an unknown address and an unknown link', async () => {
    await call('post', '/auth/password-reset/request', 202, { body: { email: 'niemand@test.rlp.local' } });
    const token = 'A'.repeat(43);
    await call('post', '/auth/password-reset/check', 400, { body: { token } });
    await call('post', '/auth/password-reset', 400, { body: { token, password: 'nieuwe zin met paarse olifanten' } });
    await call('post', '/auth/email-change/confirm', 400, { body: { token } });
  });

  it('two-factor enrolment, status and (refused) disabling', async () => {
    const fresh = await p.account('assessor', {}, { twoFactor: false });
    const auth = { Authorization: `Bearer ${fresh.token}` };
    await call('get', '/auth/two-factor', 200, { auth });
    await call('get', '/auth/me', 200, { auth });
    const start = await call('post', '/auth/two-factor/enrolment', 200, { auth });
    await call('post', '/auth/two-factor/enrolment/confirm', 400, { auth, body: { code: '000000' } });
    await call('post', '/auth/two-factor/enrolment/confirm', 200, { auth, body: { code: totpCode((start.body as { secret: string }).secret, p.clock.now()) } });
    await call('post', '/auth/two-factor/enrolment', 409, { auth });
    await call('post', '/auth/two-factor/recovery-codes', 400, { auth, body: { code: '000000' } });
    await call('post', '/auth/two-factor/recovery-codes', 200, { auth, body: { code: await p.totpCode({ id: fresh.id, totpSecret: (start.body as { secret: string }).secret }) } });
    await call('post', '/auth/two-factor/disable', 403, { auth, body: { password: fresh.password, code: '123456' } });
  });

  it('rulebooks and the default', async () => {
    const list = await call('get', '/admin/rulebooks', 200, { auth: admin.auth });
    const current = (list.body as Array<{ id: string; isDefault: boolean }>).find((r) => r.isDefault)!;
    await call('put', '/admin/rulebooks/default', 200, { auth: admin.auth, body: { rulebook: current.id } });
    await call('put', '/admin/rulebooks/default', 404, { auth: admin.auth, body: { rulebook: 'no-such-rulebook' } });
  });

  it("the office's uploads, regulation versions (with the official PDF from the start), acceptances and the public reading", async () => {
    // Who accepted gedragscode 1: the submitted dossier; a draft that accepted it must renew once 2 is current.
    await readyToSubmit(p, TODAY);

    const pdf = FILES.pdf('gedragscode 2');
    const ticket = await call('post', '/admin/documents', 201, { auth: admin.auth, body: { filename: 'gedragscode-2.pdf', contentType: 'application/pdf', sizeBytes: pdf.length } });
    const { document: doc, upload } = ticket.body as { document: { id: string }; upload: { url: string; headers: Record<string, string> } };
    expect((await fetch(upload.url, { method: 'PUT', headers: upload.headers, body: pdf })).status).toBe(200);
    await call('post', `/admin/documents/${doc.id}/confirm`, 200, { auth: admin.auth });
    await call('get', `/admin/documents/${doc.id}`, 200, { auth: admin.auth });
    await call('get', `/admin/documents/${doc.id}`, 404, { auth: otherAdmin.auth });

    await call('get', '/admin/regulations/gedragscode/versions', 200, { auth: admin.auth });
    await call('get', '/admin/regulations/huisregels/versions', 404, { auth: admin.auth });
    const draft = await call('post', '/admin/regulations/gedragscode/versions', 201, {
      auth: admin.auth,
      body: { title: 'Gedragscode 2027', body: 'Nieuwe tekst.', changeSummary: 'Artikel 4', pdfDocumentId: doc.id },
    });
    const version = (draft.body as { version: number; pdfDocumentId: string }).version;
    expect(draft.body).toMatchObject({ status: 'draft', pdfDocumentId: doc.id });
    await call('get', `/admin/regulations/gedragscode/versions/${version}`, 200, { auth: admin.auth });
    await call('get', '/admin/regulations/gedragscode/versions/abc', 400, { auth: admin.auth });
    await call('patch', `/admin/regulations/gedragscode/versions/${version}`, 200, { auth: admin.auth, body: { effectiveFrom: TODAY } });
    await call('post', `/admin/regulations/gedragscode/versions/${version}/publish`, 422, { auth: admin.auth, body: { effectiveFrom: '2026-01-01' } });
    const published = await call('post', `/admin/regulations/gedragscode/versions/${version}/publish`, 200, { auth: admin.auth, body: { effectiveFrom: TODAY } });
    expect(published.body).toMatchObject({ status: 'published', current: true, publishedBy: admin.id });
    await call('patch', `/admin/regulations/gedragscode/versions/${version}`, 409, { auth: admin.auth, body: { title: 'te laat' } });

    const acceptances = await call('get', '/admin/regulations/gedragscode/versions/1/acceptances', 200, { auth: admin.auth });
    expect((acceptances.body as { acceptedBy: unknown[] }).acceptedBy.length).toBeGreaterThan(0);
    const renewals = await call('get', '/admin/regulations/gedragscode/versions/1/renewals', 200, { auth: admin.auth });
    expect((renewals.body as { draftsNeedingRenewal: unknown[] }).draftsNeedingRenewal.length).toBeGreaterThan(0);

    const scrap = await call('post', '/admin/regulations/klachtenreglement/versions', 201, { auth: admin.auth, body: {} });
    await call('delete', `/admin/regulations/klachtenreglement/versions/${(scrap.body as { version: number }).version}`, 204, { auth: admin.auth });

    await call('get', '/regulations', 200, { auth: assessor.auth });
    await call('get', '/regulations', 401);
    await call('get', '/regulations/gedragscode/versions', 200, { auth: assessor.auth });
    await call('get', `/regulations/gedragscode/versions/${version}`, 200, { auth: assessor.auth });
    await call('get', `/regulations/gedragscode/versions/${version}/pdf`, 200, { auth: assessor.auth });
    await call('get', '/regulations/gedragscode/versions/1/pdf', 404, { auth: assessor.auth });
  });

  it('the public register', async () => {
    await p.db.query(
      `BEGIN;
       SET LOCAL session_replication_role = replica;
       INSERT INTO register_entries (certificate_number, candidate_id, portfolio_id, decision_id, holder_name, starts_on, valid_until, created_at)
         VALUES ('RLP-2026-0042', gen_random_uuid(), gen_random_uuid(), gen_random_uuid(), 'Schema Schouten', '2026-01-01', '2030-01-01', now());
       COMMIT;`,
    );
    const found = await call('get', '/register?q=schouten', 200, { headers: { Accept: 'application/json' } });
    expect((found.body as { entries: unknown[] }).entries).toHaveLength(1);
    await call('get', '/register?q=sc', 400);
    await call('get', '/register/register.css', 200);
  });

  it('the audit trail and its verification, open and while the admin assesses a dossier blind', async () => {
    const page = await call('get', '/admin/audit-events?limit=3', 200, { auth: admin.auth });
    expect((page.body as { events: unknown[]; nextBefore: string | null }).events).toHaveLength(3);
    expect((page.body as { nextBefore: string | null }).nextBefore).not.toBeNull();
    await call('get', '/admin/audit-events?from=2026-11-24T00:00:00Z&to=2026-11-23T00:00:00Z', 400, { auth: admin.auth });
    await p.assessor.get(AuditChainer).chainPending();
    const open = await call('get', '/admin/audit-events/verify', 200, { auth: admin.auth });
    expect(open.body).toMatchObject({ ok: true, events: expect.any(Number), pending: 0 });

    // An admin assigned as assessor, own scoring not submitted: only ok and the kinds of problems.
    const blindAdmin = await person(p, 'admin');
    expect((await assign(p, otherAdmin, dossierId, blindAdmin)).status).toBe(201);
    const blind = await call('get', '/admin/audit-events/verify', 200, { auth: blindAdmin.auth });
    expect(blind.body).toMatchObject({ ok: true, events: null, pending: null, head: null, withheld: expect.any(String) });
    expect((await office(p).get('/admin/audit-events/verify').set(assessor.auth)).status).toBe(403);
  });
});

describe('assessor API: the document types every route (e2e)', () => {
  it('every route has a success answer with a schema, a file, or a 204', () => {
    const problems: string[] = [];
    for (const [path, item] of Object.entries(document.paths)) {
      for (const method of METHODS) {
        const operation = item[method];
        if (!operation) continue;
        const success = Object.entries(operation.responses).filter(([status]) => /^2\d\d$/.test(status));
        if (success.length === 0) problems.push(`${method.toUpperCase()} ${path}: no 2xx answer`);
        for (const [status, response] of success) {
          if (status === '204') continue;
          const media = Object.values(response.content ?? {});
          if (media.length === 0 || media.some((m) => !m.schema)) problems.push(`${method.toUpperCase()} ${path}: ${status} has no schema`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('each route of the office, sign-in, health, regulations and the register was called above and its answer checked', () => {
    const all = Object.entries(document.paths).flatMap(([path, item]) => METHODS.filter((m) => item[m]).map((m) => `${m.toUpperCase()} ${path}`));
    const mine = all.filter((key) => CALLED_HERE.test(key.split(' ')[1]!));
    expect(mine.length).toBeGreaterThan(25);
    expect(mine.filter((key) => !called.has(key))).toEqual([]);
  });
});
