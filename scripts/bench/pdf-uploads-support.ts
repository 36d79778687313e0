/**
 * What scripts/bench/pdf-preview.ts and scripts/bench/upload-memory.ts start for themselves, on the
 * embedded defaults the tests use: PostgreSQL (embedded in a temporary directory, or
 * BENCH_DATABASE_URL: a maintenance database on a server where the bench may create databases)
 * and S3 (embedded s3rver, or BENCH_S3_ENDPOINT); a fresh database (migrations, the apps' role,
 * pg-boss's schema) and bucket; the candidate API built as production builds it (createApp).
 *
 * Both scripts are started with tsx (npm run bench does). tsx (esbuild) emits no decorator
 * metadata, which Nest's dependency injection needs, so each script first runs itself again in a
 * Node process that compiles the TypeScript with SWC (scripts/bench/swc-register.cjs).
 */
import 'reflect-metadata';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { CreateBucketCommand } from '@aws-sdk/client-s3';
import { Client } from 'pg';
import { CandidateApiModule, CANDIDATE_API_DOCS } from '../../apps/candidate-api/src/candidate-api.module';
import { AccountsService } from '../../libs/accounts/src/accounts.service';
import { startEmbeddedPostgres } from '../../libs/embedded/src/embedded-postgres';
import { startEmbeddedS3 } from '../../libs/embedded/src/embedded-s3';
import { installJobs } from '../../libs/jobs/src/install';
import { ensureAppRole } from '../../libs/persistence/src/app-role';
import { migrate } from '../../libs/persistence/src/migrate';
import { SystemClock } from '../../libs/platform/src/clock';
import { loadConfig } from '../../libs/platform/src/config';
import { createApp } from '../../libs/platform/src/configure-app';
import { createS3Client } from '../../libs/storage/src/s3-client.factory';

export const log = (line: string): void => {
  process.stdout.write(`${line}\n`);
};

/**
 * Under tsx: runs `file` again in a Node process with the SWC loader, passes its output and exit
 * code on, and returns true (the caller then does nothing more). Under SWC: returns false.
 */
export function runUnderSwc(file: string): boolean {
  if (process.env['RLP_BENCH_SWC'] === '1') return false;
  const register = join(__dirname, 'swc-register.cjs');
  const child = spawn(process.execPath, ['--enable-source-maps', '--expose-gc', '-e', `require(${JSON.stringify(register)}); require(${JSON.stringify(file)});`], {
    stdio: 'inherit',
    env: { ...process.env, RLP_BENCH_SWC: '1' },
  });
  process.on('SIGINT', () => child.kill('SIGINT'));
  process.on('SIGTERM', () => child.kill('SIGTERM'));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
  return true;
}

export interface BenchInfra {
  /** Owner of the bench database. */
  ownerUrl: string;
  /** The apps' role on it (owns nothing, as in production). */
  appUrl: string;
  s3Endpoint: string;
  stop(): Promise<void>;
}

const APP_ROLE = { user: 'rlp_bench_app', password: 'rlp-bench-app' } as const;

/** PostgreSQL with a fresh, migrated database, and S3. */
export async function startBenchInfra(name: string): Promise<BenchInfra> {
  const stops: Array<() => Promise<void>> = [];
  const stop = async (): Promise<void> => {
    while (stops.length) await stops.pop()!().catch(() => undefined);
  };
  try {
    let adminUrl: string | undefined = process.env['BENCH_DATABASE_URL'];
    if (adminUrl === undefined) {
      const dir = mkdtempSync(join(tmpdir(), 'rlp-bench-pg-'));
      const pg = await startEmbeddedPostgres({ dataDir: join(dir, 'data'), persistent: false });
      stops.push(async () => {
        await pg.stop();
        rmSync(dir, { recursive: true, force: true });
      });
      adminUrl = pg.adminUrl;
    }
    const maintenance: string = adminUrl;
    const database = `rlp_bench_${name}_${randomBytes(3).toString('hex')}`;
    const admin = new Client({ connectionString: maintenance });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${database}"`);
    await admin.end();
    stops.push(async () => {
      const c = new Client({ connectionString: maintenance });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
      await c.end();
    });
    const ownerUrl = withDatabase(maintenance, database);
    const app = new URL(ownerUrl);
    app.username = APP_ROLE.user;
    app.password = APP_ROLE.password;
    const appUrl = app.toString();
    await migrate(ownerUrl);
    await ensureAppRole(ownerUrl, appUrl);
    await installJobs(ownerUrl, appUrl);

    let s3Endpoint: string | undefined = process.env['BENCH_S3_ENDPOINT'];
    if (s3Endpoint === undefined) {
      const dir = mkdtempSync(join(tmpdir(), 'rlp-bench-s3-'));
      const s3 = await startEmbeddedS3({ directory: dir, buckets: [] });
      stops.push(async () => {
        await s3.stop();
        rmSync(dir, { recursive: true, force: true });
      });
      s3Endpoint = s3.endpoint;
    }
    return { ownerUrl, appUrl, s3Endpoint, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/** The configuration the benches run the API with (quiet logs, a fresh bucket, the embedded S3's keys). */
export function benchConfig(s3Endpoint: string, overrides: Record<string, string> = {}) {
  return loadConfig({
    LOG_LEVEL: 'silent',
    S3_ENDPOINT: s3Endpoint,
    S3_ACCESS_KEY_ID: process.env['BENCH_S3_ACCESS_KEY_ID'] ?? 'S3RVER',
    S3_SECRET_ACCESS_KEY: process.env['BENCH_S3_SECRET_ACCESS_KEY'] ?? 'S3RVER',
    S3_BUCKET: `rlp-bench-${randomBytes(4).toString('hex')}`,
    LOGIN_MAX_ATTEMPTS: '100000',
    ...overrides,
  });
}

/**
 * The candidate API as production builds it, listening on a free port, with a candidate account
 * and its bearer token (created through the real AccountsService, logged in over HTTP).
 */
export async function startCandidateApi(infra: { appUrl: string; s3Endpoint: string }, env: Record<string, string> = {}) {
  const config = benchConfig(infra.s3Endpoint, env);
  const s3 = createS3Client(config.storage, infra.s3Endpoint);
  await s3.send(new CreateBucketCommand({ Bucket: config.storage.bucket }));
  s3.destroy();
  const app = await createApp(CandidateApiModule.forRoot({ config, databaseUrl: infra.appUrl, storageEndpoint: infra.s3Endpoint, clock: new SystemClock() }), config, CANDIDATE_API_DOCS);
  await app.listen(0, '127.0.0.1');
  const base = `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}`;
  const email = `bench-${randomBytes(4).toString('hex')}@bench.rlp.local`;
  const password = `correct-horse-${randomBytes(6).toString('hex')}`;
  await app.get(AccountsService).createAccount({ email, password, displayName: 'Bench Kandidaat', role: 'candidate', organisation: null }, null);
  const login = await fetch(`${base}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
  if (login.status !== 200) throw new Error(`login failed: ${login.status} ${await login.text()}`);
  const token = ((await login.json()) as { token: string }).token;
  return { app, base, config, auth: { Authorization: `Bearer ${token}` }, bucket: config.storage.bucket };
}

/** Resident set size of a process in bytes, and its peak since start or since `resetPeak` (Linux /proc). */
export function rssOf(pid: number): { rss: number; hwm: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string): number => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN) * 1024;
  return { rss: kb('VmRSS'), hwm: kb('VmHWM') };
}

/** Resets the kernel's peak RSS (VmHWM) of a process to its current RSS; false where not allowed. */
export function resetPeak(pid: number): boolean {
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5');
    return true;
  } catch {
    return false;
  }
}

export const MB = 1024 * 1024;
export const round1 = (n: number): number => Math.round(n * 10) / 10;

export function machine() {
  const cpu = cpus();
  return { cpu: cpu[0]?.model ?? 'unknown', cores: cpu.length, memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version };
}
