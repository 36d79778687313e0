import { Client } from 'pg';
import { installJobs, JOB_QUEUES, JobsService } from '@rlp/jobs';
import { startTestPlatform, TestPlatform } from '@rlp/testing';

/**
 * pg-boss on a database whose app role owns nothing (issue 15 + 18): the owner installed the
 * schema; the apps use it (rows, functions) and cannot change it; every job is scheduled in
 * Europe/Amsterdam; runNow goes through pg-boss and runs with the platform clock.
 */
describe('background jobs: installation and the apps\' role', () => {
  let p: TestPlatform;
  beforeAll(async () => {
    p = await startTestPlatform({ now: new Date('2026-11-23T09:00:00Z') });
  });
  afterAll(() => p.close());

  async function asApp<T>(fn: (c: Client) => Promise<T>): Promise<T> {
    const c = new Client({ connectionString: p.db.appUrl });
    await c.connect();
    try {
      return await fn(c);
    } finally {
      await c.end();
    }
  }

  it('the apps\' role uses pg-boss\'s rows but cannot change its schema', async () => {
    const owner = await p.db.query<{ owner: string }>(`SELECT pg_get_userbyid(nspowner) AS owner FROM pg_namespace WHERE nspname = 'pgboss'`);
    expect(owner[0]!.owner).not.toBe(decodeURIComponent(new URL(p.db.appUrl).username));
    await asApp(async (c) => {
      await expect(c.query(`CREATE TABLE pgboss.intruder (a int)`)).rejects.toThrow(/permission denied/);
      await expect(c.query(`DROP TABLE pgboss.job`)).rejects.toThrow(/must be owner|permission denied/);
      await expect(c.query(`ALTER TABLE pgboss.job ADD COLUMN x int`)).rejects.toThrow(/must be owner|permission denied/);
      const { rows } = await c.query<{ n: number }>(`SELECT count(*)::int AS n FROM pgboss.queue WHERE name = ANY($1)`, [[...JOB_QUEUES]]);
      expect(rows[0]!.n).toBe(JOB_QUEUES.length);
    });
    // An app started alone (docker-compose: the apps' role only) leaves the installed schema alone.
    await expect(installJobs(p.db.appUrl, null)).resolves.toBeUndefined();
  });

  it('schedules every job in Europe/Amsterdam', async () => {
    const schedules = await p.candidate.get(JobsService).schedules();
    const byName = Object.fromEntries(schedules.map((s) => [s.name, s]));
    expect(byName['interview-reminders']).toMatchObject({ cron: '0 8 * * *', timezone: 'Europe/Amsterdam' });
    expect(byName['office-notices']).toMatchObject({ cron: '30 7 * * 1-5', timezone: 'Europe/Amsterdam' });
    expect(byName['outbox-deliver']).toMatchObject({ cron: '* * * * *' });
    for (const name of JOB_QUEUES) expect(byName[name]?.timezone).toBe('Europe/Amsterdam');
  });

  it('runNow queues a pg-boss job, one instance runs it with the platform clock, and it is recorded', async () => {
    p.clock.set(new Date('2027-01-04T06:00:00Z'));
    const run = await p.assessor.get(JobsService).runNow('recertification-notices');
    expect(run.clockNow.toISOString()).toBe('2027-01-04T06:00:00.000Z');
    expect(run.trigger).toBe('manual');
    expect(run.error).toBeNull();
    expect(run.outcome).toEqual({ entries: 0, queued: 0 });
    const job = await p.db.query<{ name: string; state: string }>(`SELECT "name", "state"::text AS state FROM pgboss.job WHERE "id" = $1`, [run.bossJobId]);
    expect(job).toEqual([{ name: 'recertification-notices', state: expect.stringMatching(/active|completed/) }]);
    const runs = await p.db.query(`SELECT 1 FROM "job_runs" WHERE "boss_job_id" = $1`, [run.bossJobId]);
    expect(runs).toHaveLength(1);
  });
});
