import request from 'supertest';
import type { TestPlatform } from '@rlp/testing';
import { api, readyToSubmit, type Candidate } from './candidate-journey';

export interface Person {
  id: string;
  email: string;
  password: string;
  auth: { Authorization: string };
  /** Assessors and admins: their TOTP secret (ADR 0021), for `p.totpCode(person)` at a later login. */
  totpSecret: string | null;
}

export const office = (p: TestPlatform) => request(p.assessor.getHttpServer());

export async function person(p: TestPlatform, role: 'assessor' | 'admin' | 'candidate', organisation?: string, displayName?: string): Promise<Person> {
  const a = await p.account(role, { ...(organisation ? { organisation } : {}), ...(displayName ? { displayName } : {}) });
  return { id: a.id, email: a.email, password: a.password, auth: { Authorization: `Bearer ${a.token}` }, totpSecret: a.totpSecret };
}

/** A complete portfolio, submitted. */
export async function submittedDossier(p: TestPlatform, today: string): Promise<{ c: Candidate; portfolioId: string; ids: Record<string, string> }> {
  const ready = await readyToSubmit(p, today);
  await api(p).post(`/portfolios/${ready.portfolioId}/submit`).set(ready.c.auth).set('Idempotency-Key', `submit-${ready.portfolioId}`).send({ revision: ready.revision }).expect(201);
  return { c: ready.c, portfolioId: ready.portfolioId, ids: ready.ids };
}

export async function assign(p: TestPlatform, admin: Person, portfolioId: string, assessor: Person) {
  return office(p).post(`/admin/dossiers/${portfolioId}/assignments`).set(admin.auth).send({ assessorId: assessor.id });
}

export async function declare(p: TestPlatform, a: Person, portfolioId: string) {
  await office(p).post(`/assessments/${portfolioId}/independence`).set(a.auth).send({ independent: true }).expect(200);
}

type Verdicts = Record<string, { verdict: string; motivation?: string; questions?: string[] }>;

/** Every criterion aangetoond, except the overrides; saved and submitted. */
export async function scoreAndSubmit(p: TestPlatform, a: Person, portfolioId: string, overrides: Verdicts = {}) {
  const current = await office(p).get(`/assessments/${portfolioId}/scoring`).set(a.auth).expect(200);
  const scores: Verdicts = Object.fromEntries((current.body.criteria as Array<{ code: string }>).map((c) => [c.code, { verdict: 'aangetoond' }]));
  Object.assign(scores, overrides);
  const saved = await office(p).put(`/assessments/${portfolioId}/scoring`).set(a.auth).set('If-Match', current.headers['etag']!).send({ scores }).expect(200);
  await office(p).post(`/assessments/${portfolioId}/scoring/submit`).set(a.auth).set('If-Match', saved.headers['etag']!).expect(200);
  return current.body.criteria as Array<{ code: string }>;
}

/** One assessor writes the joint judgement, both agree: the dossier is judged. */
export async function judge(p: TestPlatform, [a1, a2]: [Person, Person], portfolioId: string, overrides: Verdicts = {}) {
  const current = await office(p).get(`/assessments/${portfolioId}/judgement`).set(a1.auth).expect(200);
  const criteria = (await office(p).get(`/assessments/${portfolioId}/scoring`).set(a1.auth).expect(200)).body.criteria as Array<{ code: string }>;
  const verdicts: Verdicts = Object.fromEntries(criteria.map((c) => [c.code, { verdict: 'aangetoond' }]));
  Object.assign(verdicts, overrides);
  const saved = await office(p).put(`/assessments/${portfolioId}/judgement`).set(a1.auth).set('If-Match', current.headers['etag']!).send({ criteria: verdicts }).expect(200);
  for (const a of [a1, a2]) await office(p).post(`/assessments/${portfolioId}/judgement/agree`).set(a.auth).set('If-Match', saved.headers['etag']!).expect(200);
  return saved.body;
}

/** Submitted, two assessors assigned and independent, both scored, judged. */
export async function judgedDossier(p: TestPlatform, today: string, admin: Person, assessors: [Person, Person]) {
  const d = await submittedDossier(p, today);
  for (const a of assessors) {
    const res = await assign(p, admin, d.portfolioId, a);
    if (res.status !== 201) throw new Error(`assign: ${res.status} ${JSON.stringify(res.body)}`);
    await declare(p, a, d.portfolioId);
    await scoreAndSubmit(p, a, d.portfolioId);
  }
  await judge(p, assessors, d.portfolioId);
  return d;
}
