import { AuditChainer } from '@rlp/audit';
import { startTestPlatform, TestPlatform } from '@rlp/testing';
import { assign, declare, judgedDossier, office, person, submittedDossier, type Person } from './support/assessment-journey';
import { statementRecorder } from './support/statement-recorder';

const TODAY = '2026-11-23';

/** The session lookup (and its once-a-minute refresh) of the request's bearer token. */
const isSession = (sql: string) => /\bsessions\b/.test(sql);
/** The audit trail's background chainer (ADR 0024): not part of the request. */
const isAuditChainer = (sql: string) => /audit_chain/.test(sql);

type Event = { id: string; action: string; actorId: string | null; data: Record<string, unknown>; chainSeq: string | null; hash: string | null };

/**
 * Issue 17: `GET /admin/audit-events` is one statement after the session lookup, for an admin who
 * assesses a dossier blind as for one who does not: the blind dossiers, the page (blind scoring
 * events left out) and whether each scoring event's joint judgement is final come together.
 * Blind scoring, sealed cursors and the redaction of verdicts stay as they were.
 */
describe('audit trail: one statement per page (e2e)', () => {
  let p: TestPlatform;
  let seer: Person; // an admin who assesses nothing
  let blind: Person; // an admin assessing `open` with their own scoring not submitted
  let a1: Person;
  let open: string; // in assessment: a1 has saved scorings
  let judged: string; // the joint judgement is final
  let recorder: ReturnType<typeof statementRecorder>;

  beforeAll(async () => {
    p = await startTestPlatform({ now: new Date(`${TODAY}T09:00:00Z`) });
    recorder = statementRecorder(p.assessor);
    seer = await person(p, 'admin', 'Noloc');
    a1 = await person(p, 'assessor', 'Bureau Een');
    blind = await person(p, 'admin', 'Bureau Twee');
    open = (await submittedDossier(p, TODAY)).portfolioId;
    for (const a of [a1, blind]) {
      expect((await assign(p, seer, open, a)).status).toBe(201);
      await declare(p, a, open);
    }
    const current = await office(p).get(`/assessments/${open}/scoring`).set(a1.auth).expect(200);
    const scores = Object.fromEntries((current.body.criteria as Array<{ code: string }>).map((c, n) => [c.code, n === 0 ? { verdict: 'niet_aangetoond', motivation: 'Geheime motivering' } : { verdict: 'aangetoond' }]));
    await office(p).put(`/assessments/${open}/scoring`).set(a1.auth).set('If-Match', current.headers['etag']!).send({ scores }).expect(200);
    judged = (await judgedDossier(p, TODAY, seer, [await person(p, 'assessor', 'X'), await person(p, 'assessor', 'Y')])).portfolioId;
    await p.assessor.get(AuditChainer).chainPending();
  });
  afterAll(() => p.close());

  /** One GET, and the statements it sent besides the session lookup (and the background chainer). */
  const read = async (reader: Person, query: string, status = 200) => {
    const { result, statements } = await recorder.during(() => office(p).get(`/admin/audit-events?${query}`).set(reader.auth).expect(status));
    expect(statements.some(isSession)).toBe(true);
    return { body: result.body as { events: Event[]; nextBefore: string | null; code?: string }, statements: statements.filter((s) => !isSession(s) && !isAuditChainer(s)) };
  };

  it('an admin who is not blind: one statement, verdicts redacted until the joint judgement is final', async () => {
    const page = await read(seer, `portfolioId=${open}&limit=500`);
    expect(page.statements).toHaveLength(1);
    expect(page.statements[0]).toMatch(/FROM audit_events e/);
    const scoring = page.body.events.filter((e) => e.action.startsWith('scoring.'));
    expect(scoring.length).toBeGreaterThan(0);
    expect(scoring.every((e) => e.actorId === a1.id && typeof e.data['redacted'] === 'string' && e.data['after'] === undefined)).toBe(true);
    expect(JSON.stringify(page.body)).not.toContain('Geheime motivering');
    expect(page.body.events.every((e) => /^\d+$/.test(e.id) && /^\d+$/.test(e.chainSeq!) && /^[0-9a-f]{64}$/.test(e.hash!))).toBe(true);

    // Judgement final: the scoring events show their verdicts, from the same single statement.
    const final = await read(seer, `portfolioId=${judged}&limit=500`);
    expect(final.statements).toHaveLength(1);
    const judgedScoring = final.body.events.filter((e) => e.action === 'scoring.saved');
    expect(judgedScoring.length).toBeGreaterThanOrEqual(2);
    expect(judgedScoring.every((e) => e.data['redacted'] === undefined && e.data['after'] !== undefined)).toBe(true);

    // The next page (plain cursor), an empty page, a person and a period: one statement each.
    const first = await read(seer, `portfolioId=${judged}&limit=2`);
    expect(first.body.nextBefore).toMatch(/^\d+$/);
    const next = await read(seer, `portfolioId=${judged}&limit=2&before=${first.body.nextBefore}`);
    expect(next.statements).toHaveLength(1);
    expect(Number(next.body.events[0]!.id)).toBeLessThan(Number(first.body.nextBefore));
    for (const query of [`portfolioId=00000000-0000-4000-8000-000000000000`, `personId=${a1.id}&from=${TODAY}T00:00:00Z&to=2099-01-01T00:00:00Z`]) {
      expect((await read(seer, query)).statements).toHaveLength(1);
    }
  });

  it('an admin assessing blind: one statement, the co-assessor hidden, ids and cursors sealed', async () => {
    // The first sealing of an app instance loads the key (platform_settings) once; not per request.
    await read(blind, `portfolioId=${open}&limit=1`);

    const page = await read(blind, `portfolioId=${open}&limit=2`);
    expect(page.statements).toHaveLength(1);
    expect(page.statements[0]).toMatch(/FROM audit_events e/);
    expect(page.body.events).toHaveLength(2);
    for (const e of page.body.events) {
      expect(e.id).toMatch(/^s\./);
      expect(e.chainSeq).toBeNull();
      expect(e.hash).toBeNull();
    }
    expect(page.body.nextBefore).toMatch(/^s\./);

    // Page to the end with sealed cursors: one statement a page, never a scoring event of a1.
    const seen = [...page.body.events];
    let before = page.body.nextBefore;
    while (before) {
      const next = await read(blind, `portfolioId=${open}&limit=2&before=${before}`);
      expect(next.statements).toHaveLength(1);
      seen.push(...next.body.events);
      before = next.body.nextBefore;
    }
    expect(seen.some((e) => e.action.startsWith('scoring.') && e.actorId === a1.id)).toBe(false);
    const all = (await read(seer, `portfolioId=${open}&limit=500`)).body.events;
    expect(seen.length).toBe(all.filter((e) => !(e.action.startsWith('scoring.') && e.actorId === a1.id)).length);
  });

  it('knows the admin is blind even when the page is empty: a plain cursor is refused, a sealed one only taken from a blind admin', async () => {
    const empty = `portfolioId=00000000-0000-4000-8000-000000000000`;
    expect((await read(blind, empty)).body).toEqual({ events: [], nextBefore: null });
    expect((await read(blind, `${empty}&before=5`, 400)).body.code).toBe('INVALID_CURSOR');
    expect((await read(seer, `${empty}&before=5`)).body).toEqual({ events: [], nextBefore: null });

    const sealed = (await read(blind, `portfolioId=${open}&limit=1`)).body.nextBefore!;
    expect(sealed).toMatch(/^s\./);
    const refused = await read(seer, `portfolioId=${open}&before=${sealed}`, 400);
    expect(refused.body.code).toBe('INVALID_CURSOR');
    expect(refused.statements.length).toBeLessThanOrEqual(1);
    // A cursor that does not open is refused before any query.
    const bent = await read(blind, `portfolioId=${open}&before=${sealed.slice(0, -4)}${sealed.endsWith('AAAA') ? 'BBBB' : 'AAAA'}`, 400);
    expect(bent.body.code).toBe('INVALID_CURSOR');
    expect(bent.statements).toEqual([]);
  });
});
