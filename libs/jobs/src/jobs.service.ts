import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { PgBoss, type Job } from 'pg-boss';
import { DataSource } from 'typeorm';
import { Clock } from '../../platform/src/clock';
import { APP_NAME } from '../../platform/src/platform.tokens';
import { JOBS_SCHEMA, type JobName } from './install';

/** The platform's time zone: every schedule is read in it (a "daily at 07:00" is Dutch time). */
export const JOBS_TIME_ZONE = 'Europe/Amsterdam';

export interface JobContext {
  /** "Now" from the platform's Clock (a FixedClock in tests), never the wall clock. */
  now: Date;
  /** pg-boss's id of this job. */
  jobId: string;
  data: Record<string, unknown>;
}

/** What a run did, kept in job_runs (counts, never personal data). */
export type JobOutcome = Record<string, number | string | boolean | null>;

export interface JobDefinition {
  name: JobName;
  /** Cron expression (5 fields) read in Europe/Amsterdam; absent: only sent (e.g. the outbox). */
  cron?: string;
  run(ctx: JobContext): Promise<JobOutcome | void>;
  /** Not recorded in job_runs (the outbox delivery runs very often and has its own table). */
  quiet?: boolean;
}

export interface JobRun {
  id: string;
  job: string;
  bossJobId: string;
  trigger: string;
  instance: string;
  clockNow: Date;
  outcome: JobOutcome | null;
  error: string | null;
}

interface RunRow {
  id: string;
  job: string;
  boss_job_id: string;
  trigger: string;
  instance: string;
  clock_now: Date;
  outcome: JobOutcome | null;
  error: string | null;
  finished_at: Date | null;
}

/**
 * Background jobs on PostgreSQL with pg-boss (issue 15, ADR 0018). Both apps start it; pg-boss
 * makes a scheduled occurrence one job (the cron pass is claimed by one instance and the job is
 * filed under a singleton key per minute), and each job is fetched by exactly one worker (SKIP
 * LOCKED). The apps never migrate pg-boss's schema (they own nothing): installJobs does that as
 * the owner, before the apps start.
 *
 * Job handlers register in their onModuleInit; the workers and schedules start on bootstrap.
 */
@Injectable()
export class JobsService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly log = new Logger('Jobs');
  private readonly definitions = new Map<JobName, JobDefinition>();
  private boss: PgBoss | null = null;
  private started: Promise<PgBoss> | null = null;
  private stopped = false;
  /** This process and app, for job_runs ("which instance ran it"). */
  readonly instance: string;

  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    @Inject(APP_NAME) appName: string,
  ) {
    this.instance = `${appName}@${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
  }

  register(definition: JobDefinition): void {
    if (this.definitions.has(definition.name)) throw new Error(`job ${definition.name} registered twice`);
    this.definitions.set(definition.name, definition);
  }

  definition(name: JobName): JobDefinition | undefined {
    return this.definitions.get(name);
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.start();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    await this.started?.catch(() => undefined);
    const boss = this.boss;
    this.boss = null;
    this.started = null;
    // Graceful: a running job finishes (or, after the timeout, is retried by another instance).
    await boss?.stop({ graceful: true, timeout: 10_000, close: true }).catch(() => undefined);
  }

  private start(): Promise<PgBoss> {
    // Never again after shutdown (a late send from a closing service must not start a new pool).
    if (this.stopped) return Promise.reject(new Error('jobs are stopped: the app is shutting down'));
    this.started ??= (async () => {
      const url = (this.dataSource.options as { url?: string }).url;
      const boss = new PgBoss({
        connectionString: url,
        schema: JOBS_SCHEMA,
        application_name: `${this.instance.split('@')[0]}-jobs`,
        // The apps own nothing: the owner installs and migrates the schema (installJobs).
        migrate: false,
        createSchema: false,
        // Rebuilding indexes needs ownership; the owner's maintenance does that, not the apps.
        reindex: false,
        useListenNotify: true,
        instanceName: this.instance,
        // Small: the jobs are light, and every app instance (and every test platform) holds this pool.
        max: 3,
      });
      boss.on('error', (err: Error) => this.log.warn(`pg-boss: ${err.message}`));
      await boss.start();
      for (const def of this.definitions.values()) {
        await boss.work<Record<string, unknown>>(def.name, {
            batchSize: 1,
            // A notify queue wakes its worker when a job is queued; a delayed job (a retry) is found
            // by polling, so the outbox polls often.
            pollingIntervalSeconds: def.name === 'outbox-deliver' ? 2 : 10,
            notifyPollingIntervalSeconds: def.name === 'outbox-deliver' ? 2 : 15,
          }, async ([job]: Job<Record<string, unknown>>[]) => {
          if (job) await this.execute(def, job);
        });
        if (def.cron) await boss.schedule(def.name, def.cron, { trigger: 'cron' }, { tz: JOBS_TIME_ZONE });
      }
      this.boss = boss;
      return boss;
    })();
    return this.started;
  }

  /** Changes a job's schedule (the office can run a job more often; tests run one every minute). */
  async reschedule(name: JobName, cron: string): Promise<void> {
    const boss = await this.start();
    await boss.schedule(name, cron, { trigger: 'cron' }, { tz: JOBS_TIME_ZONE });
  }

  /** The stored schedules (name, cron, time zone), for operators and tests. */
  async schedules(): Promise<Array<{ name: string; cron: string; timezone: string }>> {
    const boss = await this.start();
    return (await boss.getSchedules()).map((s) => ({ name: s.name, cron: s.cron, timezone: s.timezone }));
  }

  /**
   * Queues a job through pg-boss (any instance's worker may take it). A `singletonKey` makes a
   * second send with the same key, while the first is queued, a no-op (returns null).
   */
  async send(name: JobName, data: Record<string, unknown> = {}, options: { singletonKey?: string; startAfter?: Date | number } = {}): Promise<string | null> {
    const boss = await this.start();
    return boss.send(name, data, {
      ...(options.singletonKey ? { singletonKey: options.singletonKey } : {}),
      ...(options.startAfter !== undefined ? { startAfter: options.startAfter } : {}),
    });
  }

  /**
   * Runs a scheduled job now, through pg-boss (queued, taken by whichever worker, recorded in
   * job_runs like a scheduled run), and waits for it to finish. For tests and operators.
   */
  async runNow(name: JobName, timeoutMs = 60_000): Promise<JobRun> {
    const id = await this.send(name, { trigger: 'manual' });
    if (!id) throw new Error(`job ${name} was not queued`);
    return this.waitForRun(id, timeoutMs);
  }

  /** Waits until the job with this pg-boss id has run (by any instance) and returns its run. */
  async waitForRun(bossJobId: string, timeoutMs = 60_000): Promise<JobRun> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const rows = (await this.dataSource.query(
        `SELECT "id", "job", "boss_job_id", "trigger", "instance", "clock_now", "outcome", "error", "finished_at"
           FROM "job_runs" WHERE "boss_job_id" = $1 AND "finished_at" IS NOT NULL ORDER BY "started_at" DESC LIMIT 1`,
        [bossJobId],
      )) as RunRow[];
      const row = rows[0];
      if (row) {
        return { id: row.id, job: row.job, bossJobId: row.boss_job_id, trigger: row.trigger, instance: row.instance, clockNow: row.clock_now, outcome: row.outcome, error: row.error };
      }
      if (Date.now() > deadline) throw new Error(`job ${bossJobId} did not run within ${timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  private async execute(def: JobDefinition, job: Job<Record<string, unknown>>): Promise<void> {
    const now = this.clock.now();
    const data = job.data ?? {};
    // A scheduled occurrence arrives as { trigger: 'cron' } from the schedule's data.
    const trigger = typeof data['trigger'] === 'string' ? data['trigger'] : 'sent';
    if (def.quiet) {
      await def.run({ now, jobId: job.id, data });
      return;
    }
    const [row] = (await this.dataSource.query(
      `INSERT INTO "job_runs" ("job", "boss_job_id", "trigger", "instance", "clock_now") VALUES ($1, $2, $3, $4, $5) RETURNING "id"`,
      [def.name, job.id, trigger.slice(0, 16), this.instance.slice(0, 120), now],
    )) as Array<{ id: string }>;
    try {
      const outcome = (await def.run({ now, jobId: job.id, data })) ?? {};
      await this.dataSource.query(`UPDATE "job_runs" SET "finished_at" = now(), "outcome" = $2::jsonb WHERE "id" = $1`, [row!.id, JSON.stringify(outcome)]);
      this.log.log(`${def.name} (${trigger}) done: ${JSON.stringify(outcome)}`);
    } catch (err) {
      await this.dataSource.query(`UPDATE "job_runs" SET "finished_at" = now(), "error" = $2 WHERE "id" = $1`, [row!.id, (err as Error).message.slice(0, 2000)]);
      this.log.warn(`${def.name} (${trigger}) failed: ${(err as Error).message}`);
      // pg-boss retries it (retryLimit, backoff): the handlers are idempotent.
      throw err;
    }
  }
}
