import { Client } from 'pg';
import { startTestPlatform, TestPlatform } from '@rlp/testing';
import { portfolioRevision } from '../libs/portfolio/src/portfolio.service';
import { api, readyToSubmit } from './support/candidate-journey';

jest.setTimeout(120_000);

const TODAY = '2026-11-23';

/**
 * A section save (one statement without an explicit transaction, ADR 0025) racing a submission of
 * the same portfolio: the save lands before the submission's freeze (and the submission freezes it,
 * or refuses a revision that no longer matches), or it gets 409 and changes nothing. Never a save
 * after the freeze. The interleavings are forced with a second connection that holds a row lock
 * the one request needs while the other one starts.
 */
describe('section save racing a submission (e2e)', () => {
  let p: TestPlatform;
  beforeAll(async () => {
    p = await startTestPlatform({ now: new Date(`${TODAY}T10:00:00Z`) });
  });
  afterAll(() => p.close());

  /** Waits until a backend of this database waits for a lock while running a statement that matches every pattern. */
  const waitingOn = async (...patterns: string[]) => {
    const deadline = Date.now() + 20_000;
    for (;;) {
      const rows = await p.db.query<{ query: string }>(`SELECT "query" FROM pg_stat_activity WHERE "datname" = current_database() AND "wait_event_type" = 'Lock'`);
      if (rows.some((r) => patterns.every((pattern) => r.query.includes(pattern)))) return;
      if (Date.now() > deadline) throw new Error(`no statement waits for a lock with ${patterns.join(' … ')}; waiting: ${JSON.stringify(rows.map((r) => r.query.slice(0, 80)))}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  };
  const holder = async () => {
    const client = new Client({ connectionString: p.db.url });
    await client.connect();
    return client;
  };
  const stateOf = async (portfolioId: string) => {
    const [section] = await p.db.query<{ version: number; content: { answers: Record<string, string> } }>(
      `SELECT "version", "content" FROM "portfolio_sections" WHERE "portfolio_id" = $1 AND "section" = 'developmentPlan'`,
      [portfolioId],
    );
    const revisions = await p.db.query<{ version: number }>(`SELECT "version" FROM "portfolio_section_revisions" WHERE "portfolio_id" = $1 AND "section" = 'developmentPlan' ORDER BY 1`, [portfolioId]);
    const events = await p.db.query<{ data: { version: number } }>(`SELECT "data" FROM "audit_events" WHERE "action" = 'portfolio.section_saved' AND "subject_id" = $1 AND "data" ->> 'section' = 'developmentPlan' ORDER BY "id"`, [
      portfolioId,
    ]);
    const [portfolio] = await p.db.query<{ status: string }>(`SELECT "status" FROM "portfolios" WHERE "id" = $1`, [portfolioId]);
    return { version: section!.version, content: section!.content, revisions: revisions.map((r) => r.version), events: events.map((e) => e.data.version), status: portfolio!.status };
  };
  /** A complete portfolio, its development plan as stored, and a merge patch that changes it (still complete). */
  const prepared = async () => {
    const ready = await readyToSubmit(p, TODAY);
    const before = await stateOf(ready.portfolioId);
    const patch = { answers: { '1': `${before.content.answers['1']} (bijgewerkt vlak voor het indienen)` } };
    const save = () =>
      api(p)
        .patch(`/portfolios/${ready.portfolioId}/sections/developmentPlan`)
        .set(ready.c.auth)
        .set('If-Match', `"developmentPlan.${before.version}"`)
        .send(patch)
        .then((r) => r);
    const submit = (revision: string, key: string) =>
      api(p)
        .post(`/portfolios/${ready.portfolioId}/submit`)
        .set(ready.c.auth)
        .set('Idempotency-Key', key)
        .send({ revision })
        .then((r) => r);
    return { ready, before, patch, save, submit };
  };

  it('a save that arrives while a submission holds the portfolio waits, then gets 409 and changes nothing', async () => {
    const { ready, before, save, submit } = await prepared();
    const blocker = await holder();
    try {
      // The submission locks the portfolio, then waits for a document's share lock (held here).
      await blocker.query('BEGIN');
      await blocker.query(`SELECT 1 FROM "documents" WHERE "id" = $1 FOR UPDATE`, [ready.ids['doc-cv']]);
      const submitting = submit(ready.revision, `race-first-${ready.portfolioId}`);
      await waitingOn('"documents"', 'FOR SHARE');
      // The save reads (a draft, its version) and its write waits for the submission's lock.
      const saving = save();
      await waitingOn('WITH lck AS');
      await blocker.query('COMMIT');
      const [submitted, saved] = await Promise.all([submitting, saving]);
      expect(submitted.status).toBe(201);
      expect(saved.status).toBe(409);
      expect(saved.body).toMatchObject({ code: 'PORTFOLIO_NOT_EDITABLE', details: { status: 'submitted' } });
    } finally {
      await blocker.end();
    }
    const after = await stateOf(ready.portfolioId);
    expect(after).toEqual({ ...before, status: 'submitted' });
    const frozen = await api(p).get(`/portfolios/${ready.portfolioId}/submission`).set(ready.c.auth).expect(200);
    expect(frozen.body.document.developmentPlan).toEqual(before.content);
  });

  it('a submission that arrives while a save holds the portfolio waits for it, and freezes what it saved', async () => {
    const { ready, before, patch, save, submit } = await prepared();
    // The revision the candidate reviews after the save (the submission checks it under its lock).
    const view = await api(p).get(`/portfolios/${ready.portfolioId}`).set(ready.c.auth).expect(200);
    const sections = (view.body.sections as Array<{ section: string; version: number }>).map((s) => (s.section === 'developmentPlan' ? { ...s, version: s.version + 1 } : s));
    const blocker = await holder();
    try {
      // The save's statement takes the portfolio's key-share lock, then waits for the section row (held here).
      await blocker.query('BEGIN');
      await blocker.query(`SELECT 1 FROM "portfolio_sections" WHERE "portfolio_id" = $1 AND "section" = 'developmentPlan' FOR UPDATE`, [ready.portfolioId]);
      const saving = save();
      await waitingOn('WITH lck AS');
      const submitting = submit(portfolioRevision(sections), `race-second-${ready.portfolioId}`);
      await waitingOn('"portfolios"', 'FOR UPDATE');
      await blocker.query('COMMIT');
      const [saved, submitted] = await Promise.all([saving, submitting]);
      expect(saved.status).toBe(200);
      expect(saved.headers['etag']).toBe(`"developmentPlan.${before.version + 1}"`);
      expect(submitted.status).toBe(201);
    } finally {
      await blocker.end();
    }
    const after = await stateOf(ready.portfolioId);
    const content = { ...before.content, answers: { ...before.content.answers, ...patch.answers } };
    expect(after).toEqual({ version: before.version + 1, content, revisions: [...before.revisions, before.version + 1], events: [...before.events, before.version + 1], status: 'submitted' });
    const frozen = await api(p).get(`/portfolios/${ready.portfolioId}/submission`).set(ready.c.auth).expect(200);
    expect(frozen.body.document.developmentPlan).toEqual(content);
  });

  it('at the same moment, without help: exactly one of the two succeeds, and the frozen document is what is stored', async () => {
    for (let round = 0; round < 3; round++) {
      const { ready, before, save, submit } = await prepared();
      const [saved, submitted] = await Promise.all([save(), submit(ready.revision, `race-free-${round}-${ready.portfolioId}`)]);
      const outcome = { save: saved.status, submit: submitted.status, code: saved.status === 200 ? submitted.body.code : saved.body.code };
      // Save first: the submission sees another revision (412). Submission first: the save gets 409.
      expect([JSON.stringify({ save: 200, submit: 412, code: 'PORTFOLIO_CHANGED' }), JSON.stringify({ save: 409, submit: 201, code: 'PORTFOLIO_NOT_EDITABLE' })]).toContain(JSON.stringify(outcome));
      const after = await stateOf(ready.portfolioId);
      if (saved.status === 200) {
        expect(after).toMatchObject({ version: before.version + 1, revisions: [...before.revisions, before.version + 1], events: [...before.events, before.version + 1], status: 'draft' });
      } else {
        expect(after).toEqual({ ...before, status: 'submitted' });
        const frozen = await api(p).get(`/portfolios/${ready.portfolioId}/submission`).set(ready.c.auth).expect(200);
        expect(frozen.body.document.developmentPlan).toEqual(after.content);
      }
    }
  });
});
