import { JobsService } from '@rlp/jobs';
import { currentRulebook } from '@rlp/rulebook';
import { startTestPlatform, TestPlatform } from '@rlp/testing';

/**
 * Issue 15: "every job runs exactly once even with several app instances". Two platforms (four
 * app instances: two candidate, two assessor APIs, each with pg-boss workers and a cron
 * timekeeper) on the SAME database. A job scheduled every minute runs once per minute, taken by
 * one instance, and the message it queues is delivered once. Takes two to three minutes: cron has
 * minute resolution and the test waits for two real occurrences.
 */
describe('jobs with several app instances', () => {
  let p1: TestPlatform;
  let p2: TestPlatform;
  beforeAll(async () => {
    p1 = await startTestPlatform({ mail: true, now: new Date('2026-12-01T06:30:00Z') });
    p2 = await startTestPlatform({ database: p1.db, env: { SMTP_URL: p1.mail!.smtpUrl }, now: new Date('2026-12-01T06:30:00Z') });
  });
  afterAll(async () => {
    await p2?.close();
    await p1?.close();
  });

  it('a scheduled job runs once per occurrence across four instances, and its message is sent once', async () => {
    // A dossier that has waited 10 days for its assessors: the office notice job has something to say.
    const c = await p1.account('candidate');
    const [row] = await p1.db.query<{ id: string }>(
      `INSERT INTO "portfolios" ("candidate_id", "status", "rulebook_version", "created_at", "updated_at", "submitted_at") VALUES ($1, 'submitted', $2, now(), now(), '2026-11-21T10:00:00Z') RETURNING "id"`,
      [c.id, currentRulebook.id],
    );
    const instances = [p1.candidate, p1.assessor, p2.candidate, p2.assessor].map((app) => app.get(JobsService));
    expect(new Set(instances.map((j) => j.instance)).size).toBe(4);
    // Every minute instead of weekdays at 07:30 (the stored schedule is shared by all instances).
    await instances[3]!.reschedule('office-notices', '* * * * *');
    const schedules = await instances[0]!.schedules();
    expect(schedules.find((s) => s.name === 'office-notices')).toMatchObject({ cron: '* * * * *', timezone: 'Europe/Amsterdam' });
    const started = new Date();

    type Run = { boss_job_id: string; instance: string; minute: string; outcome: Record<string, number> | null };
    let runs: Run[];
    const deadline = Date.now() + 200_000;
    while (Date.now() < deadline) {
      runs = await p1.db.query<Run>(
        `SELECT "boss_job_id", "instance", to_char(date_trunc('minute', "started_at"), 'HH24:MI') AS minute, "outcome" FROM "job_runs"
          WHERE "job" = 'office-notices' AND "trigger" = 'cron' AND "finished_at" IS NOT NULL AND "started_at" >= $1 ORDER BY "started_at"`,
        [started],
      );
      if (runs.length >= 2) break;
      await new Promise((r) => setTimeout(r, 1000));
    }
    // Let any late duplicate of the last occurrence show up.
    await new Promise((r) => setTimeout(r, 8000));
    runs = await p1.db.query<Run>(
      `SELECT "boss_job_id", "instance", to_char(date_trunc('minute', "started_at"), 'HH24:MI') AS minute, "outcome" FROM "job_runs"
        WHERE "job" = 'office-notices' AND "trigger" = 'cron' AND "started_at" >= $1 ORDER BY "started_at"`,
      [started],
    );
    expect(runs.length).toBeGreaterThanOrEqual(2);
    // Each pg-boss job ran once (no job id twice in job_runs) …
    expect(new Set(runs.map((r) => r.boss_job_id)).size).toBe(runs.length);
    // … and there was one job per occurrence: the cron passes of four timekeepers filed each
    // minute's occurrence once (pg-boss's forwarding queue, one row per minute slot).
    const slots = await p1.db.query<{ slot: string }>(`SELECT "data"->>'slot' AS slot FROM pgboss.job WHERE "name" = '__pgboss__send-it' AND "data"->>'name' = 'office-notices' AND "created_on" >= $1`, [started]);
    expect(new Set(slots.map((s) => s.slot)).size).toBe(slots.length);
    const jobsCreated = await p1.db.query<{ id: string }>(`SELECT "id" FROM pgboss.job WHERE "name" = 'office-notices' AND "data"->>'trigger' = 'cron' AND "created_on" >= $1`, [started]);
    expect(jobsCreated.length).toBe(slots.length);
    expect(runs.length).toBe(jobsCreated.length);
    const minutes = (Date.now() - started.getTime()) / 60_000;
    expect(runs.length).toBeLessThanOrEqual(Math.ceil(minutes) + 1);
    // Every run was by one of the four instances, with the platform clock's "now".
    for (const r of runs) expect(instances.map((j) => j.instance)).toContain(r.instance);
    // The first run queued the notice; the later ones found it queued already.
    expect(runs[0]!.outcome).toMatchObject({ waitingForAssessors: 1, queued: 1 });
    for (const r of runs.slice(1)) expect(r.outcome).toMatchObject({ waitingForAssessors: 1, queued: 0 });
    const office = p1.config.mail.officeEmail;
    await p1.mail!.waitFor((m) => m.to.includes(office) && m.text.includes(`/bureau/dossiers/${row!.id}`));
    await new Promise((r) => setTimeout(r, 1000));
    expect(p1.mail!.messages().filter((m) => m.to.includes(office))).toHaveLength(1);
    // pg-boss saw four live instances.
    const live = await p1.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM pgboss.instance WHERE "stopped_on" IS NULL`).catch(() => [{ n: -1 }]);
    console.log(`instances test: ${runs.length} cron runs (${runs.map((r) => `${r.minute} by ${r.instance.split('@')[0]}`).join(', ')}); pg-boss instance rows live: ${live[0]!.n}`);
  }, 240_000);
});
