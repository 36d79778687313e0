import { Client } from 'pg';
import { PgBoss } from 'pg-boss';

/** The schema pg-boss keeps its queues, jobs and schedules in (next to the platform's `public`). */
export const JOBS_SCHEMA = 'pgboss';

/**
 * The platform's queues, created by the owner at install time so the apps (a role that owns
 * nothing) never need DDL. A job queued on a queue missing here fails loudly in pg-boss.
 */
export const JOB_QUEUES = [
  'outbox-deliver',
  'interview-reminders',
  'office-notices',
  'expiry-notices',
  'recertification-notices',
  'purge-uploads',
  'purge-orphan-objects',
] as const;
export type JobName = (typeof JOB_QUEUES)[number];

/**
 * Creates or upgrades pg-boss's schema as the OWNER of the database (prepareInfrastructure and
 * the test template run it after the TypeORM migrations), creates the platform's queues, and, when
 * the apps have a role of their own, grants it what pg-boss needs at run time: rows (DML) and the
 * schema's functions, never DDL. Idempotent.
 */
export async function installJobs(ownerUrl: string, appUrl?: string | null): Promise<void> {
  // An app started on its own (docker-compose: DATABASE_URL is the apps' role) finds the schema
  // installed by the migrate service, as its owner; it must not (and cannot) touch it.
  if (await installedBySomeoneElse(ownerUrl)) return;
  const boss = new PgBoss({
    connectionString: ownerUrl,
    schema: JOBS_SCHEMA,
    migrate: true,
    createSchema: true,
    schedule: false,
    supervise: false,
    registerInstance: false,
    max: 2,
  });
  boss.on('error', () => undefined);
  await boss.start();
  try {
    // The cron pass's own queue: pg-boss creates it on start when scheduling is on; here, as the owner.
    for (const name of ['__pgboss__send-it', ...JOB_QUEUES]) {
      if (!(await boss.getQueue(name))) await boss.createQueue(name, queueOptions(name));
    }
  } finally {
    await boss.stop({ graceful: false, close: true });
  }
  if (appUrl) await grantJobs(ownerUrl, appUrl);
}

/** Retries of a failed job: the handlers are idempotent (dedupe keys), so a retry repeats nothing. */
export function queueOptions(name: string): { retryLimit: number; retryDelay: number; retryBackoff: boolean; expireInSeconds: number; notify: boolean; policy?: 'singleton' } {
  if (name === 'outbox-deliver') return { retryLimit: 3, retryDelay: 5, retryBackoff: true, expireInSeconds: 600, notify: true };
  // A scheduled job: at most one runs at a time, whatever the number of app instances.
  return { retryLimit: 3, retryDelay: 60, retryBackoff: true, expireInSeconds: 900, notify: true, ...(name.startsWith('__') ? {} : { policy: 'singleton' as const }) };
}

async function installedBySomeoneElse(url: string): Promise<boolean> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ mine: boolean }>(`SELECT pg_get_userbyid(nspowner) = current_user AS mine FROM pg_namespace WHERE nspname = $1`, [JOBS_SCHEMA]);
    return rows.length > 0 && !rows[0]!.mine;
  } finally {
    await client.end();
  }
}

async function grantJobs(ownerUrl: string, appUrl: string): Promise<void> {
  const role = decodeURIComponent(new URL(appUrl).username);
  if (!role || role === decodeURIComponent(new URL(ownerUrl).username)) return;
  const client = new Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    const exists = await client.query(`SELECT 1 FROM pg_roles WHERE rolname = $1`, [role]);
    if (!exists.rowCount) return; // ensureAppRole creates it and calls back here.
    const ident = (await client.query<{ id: string }>(`SELECT quote_ident($1) AS id`, [role])).rows[0]!.id;
    await client.query(`GRANT USAGE ON SCHEMA ${JOBS_SCHEMA} TO ${ident}`);
    await client.query(`REVOKE CREATE ON SCHEMA ${JOBS_SCHEMA} FROM ${ident}`);
    await client.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ${JOBS_SCHEMA} TO ${ident}`);
    await client.query(`GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA ${JOBS_SCHEMA} TO ${ident}`);
    await client.query(`GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA ${JOBS_SCHEMA} TO ${ident}`);
  } finally {
    await client.end();
  }
}
