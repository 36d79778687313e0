import { Client } from 'pg';
import { rulebooks, type Rulebook } from '@rlp/rulebook';
import { startTestPlatform, TestPlatform } from '@rlp/testing';
import { beroepsprofielVariant } from '../libs/rulebook/src/testing/beroepsprofiel-variant.rulebook';
import { api, readyToSubmit } from './support/candidate-journey';
import { statementRecorder } from './support/statement-recorder';

jest.setTimeout(120_000);

const TODAY = '2026-11-23';
const v2: Rulebook = { ...beroepsprofielVariant, id: 'toetsingskader-test-v2', status: 'published' };

/**
 * A section save reads and validates without a lock, then writes in one statement (ADR 0025). When
 * the portfolio moves to another rulebook between the two, the content was validated against the
 * old one: the write must match nothing, and the save starts over and validates against the new one.
 */
describe('section save racing a move to another rulebook (e2e)', () => {
  let p: TestPlatform;
  beforeAll(async () => {
    p = await startTestPlatform({ now: new Date(`${TODAY}T10:00:00Z`), rulebooks: [...rulebooks, v2] });
  });
  afterAll(() => p.close());

  it('a save whose portfolio moved between its read and its write reads again and validates against the new rulebook', async () => {
    const ready = await readyToSubmit(p, TODAY);
    const [section] = await p.db.query<{ version: number; rulebook: string }>(
      `SELECT s."version", p."rulebook_version" AS rulebook FROM "portfolio_sections" s JOIN "portfolios" p ON p."id" = s."portfolio_id" WHERE s."portfolio_id" = $1 AND s."section" = 'developmentPlan'`,
      [ready.portfolioId],
    );
    // The other published rulebook than the one the draft is on.
    const target = [rulebooks[0]!.id, v2.id].find((id) => id !== section!.rulebook)!;
    const recorder = statementRecorder(p.candidate);
    // The move in progress: the portfolio row locked for update on a second connection.
    const mover = new Client({ connectionString: p.db.url });
    await mover.connect();
    try {
      await mover.query('BEGIN');
      await mover.query(`SELECT 1 FROM "portfolios" WHERE "id" = $1 FOR UPDATE`, [ready.portfolioId]);
      const saving = recorder.during(() =>
        api(p)
          .patch(`/portfolios/${ready.portfolioId}/sections/developmentPlan`)
          .set(ready.c.auth)
          .set('If-Match', `"developmentPlan.${section!.version}"`)
          .send({ answers: { '1': 'Meer coachen van teams, ook na de verhuizing' } })
          .then((r) => r),
      );
      // The save has read (rulebook 1) and its write waits for the portfolio's key-share lock.
      const deadline = Date.now() + 20_000;
      for (;;) {
        const waiting = await p.db.query(`SELECT 1 FROM pg_stat_activity WHERE "datname" = current_database() AND "wait_event_type" = 'Lock' AND "query" LIKE '%WITH lck AS%'`);
        if (waiting.length > 0) break;
        if (Date.now() > deadline) throw new Error('the save never waited for the portfolio');
        await new Promise((r) => setTimeout(r, 20));
      }
      await mover.query(`UPDATE "portfolios" SET "rulebook_version" = $2 WHERE "id" = $1`, [ready.portfolioId, target]);
      await mover.query('COMMIT');
      const { result, statements } = await saving;
      expect(result.status).toBe(200);
      expect(result.body.version).toBe(section!.version + 1);
      // Read, write (matched nothing), read again, write.
      const reads = statements.filter((s) => /AS "others"/.test(s));
      const writes = statements.filter((s) => /WITH lck AS/.test(s));
      expect({ reads: reads.length, writes: writes.length }).toEqual({ reads: 2, writes: 2 });
    } finally {
      await mover.end();
    }
    const [after] = await p.db.query<{ version: number; rulebook: string; revisions: number; events: number }>(
      `SELECT s."version", p."rulebook_version" AS rulebook,
              (SELECT count(*)::int FROM "portfolio_section_revisions" r WHERE r."portfolio_id" = p."id" AND r."section" = 'developmentPlan' AND r."version" = s."version") AS revisions,
              (SELECT count(*)::int FROM "audit_events" e WHERE e."action" = 'portfolio.section_saved' AND e."subject_id" = p."id"::text AND e."data" ->> 'version' = s."version"::text AND e."data" ->> 'section' = 'developmentPlan') AS events
         FROM "portfolios" p JOIN "portfolio_sections" s ON s."portfolio_id" = p."id" AND s."section" = 'developmentPlan' WHERE p."id" = $1`,
      [ready.portfolioId],
    );
    expect(after).toEqual({ version: section!.version + 1, rulebook: target, revisions: 1, events: 1 });
  });
});
