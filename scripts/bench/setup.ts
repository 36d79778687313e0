/**
 * The bench's infrastructure, as `npm start` and the tests have it: PostgreSQL (embedded in a
 * temporary directory, or BENCH_DATABASE_URL: a maintenance database on a server where the bench
 * may create databases, e.g. postgres://postgres@127.0.0.1:5432/test) and S3 (embedded s3rver,
 * or BENCH_S3_ENDPOINT). Per dataset a fresh database: migrations, the apps' role, pg-boss's
 * schema, the seed. Then the apps, in this process, as production builds them (createApp).
 */
import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateBucketCommand } from '@aws-sdk/client-s3';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Client } from 'pg';
import { ASSESSOR_API_DOCS, AssessorApiModule } from '../../apps/assessor-api/src/assessor-api.module';
import { CANDIDATE_API_DOCS, CandidateApiModule } from '../../apps/candidate-api/src/candidate-api.module';
import { startEmbeddedPostgres } from '../../libs/embedded/src/embedded-postgres';
import { startEmbeddedS3 } from '../../libs/embedded/src/embedded-s3';
import { installJobs } from '../../libs/jobs/src/install';
import { ensureAppRole } from '../../libs/persistence/src/app-role';
import { migrate } from '../../libs/persistence/src/migrate';
import { loadConfig, type AppConfig } from '../../libs/platform/src/config';
import { createApp } from '../../libs/platform/src/configure-app';
import { createS3Client } from '../../libs/storage/src/s3-client.factory';
import { seed, type SeedResult } from './seed';

export interface Infra {
  adminUrl: string;
  s3Endpoint: string;
  stop(): Promise<void>;
}

export async function startInfra(log: (line: string) => void): Promise<Infra> {
  const stops: Array<() => Promise<void>> = [];
  const stop = async () => {
    while (stops.length) await stops.pop()!().catch(() => undefined);
  };
  try {
    let adminUrl = process.env['BENCH_DATABASE_URL'];
    if (!adminUrl) {
      const dir = mkdtempSync(join(tmpdir(), 'rlp-bench-pg-'));
      log(`starting embedded PostgreSQL in ${dir}`);
      const pg = await startEmbeddedPostgres({ dataDir: join(dir, 'data'), persistent: false });
      stops.push(async () => {
        await pg.stop();
        rmSync(dir, { recursive: true, force: true });
      });
      adminUrl = pg.adminUrl;
    }
    let s3Endpoint = process.env['BENCH_S3_ENDPOINT'];
    if (!s3Endpoint) {
      const dir = mkdtempSync(join(tmpdir(), 'rlp-bench-s3-'));
      const s3 = await startEmbeddedS3({ directory: dir, buckets: [] });
      stops.push(async () => {
        await s3.stop();
        rmSync(dir, { recursive: true, force: true });
      });
      s3Endpoint = s3.endpoint;
    }
    return { adminUrl, s3Endpoint, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}

export interface Dataset {
  name: string;
  ownerUrl: string;
  appUrl: string;
  seeded: SeedResult;
  drop(): Promise<void>;
}

const BENCH_APP_ROLE = { user: 'rlp_bench_app', password: 'rlp-bench-app' };

function withDatabase(url: string, database: string, role?: { user: string; password: string }): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  if (role) {
    u.username = role.user;
    u.password = role.password;
  }
  return u.toString();
}

async function admin<T>(adminUrl: string, fn: (c: Client) => Promise<T>): Promise<T> {
  const c = new Client({ connectionString: adminUrl });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

/** A fresh database named rlp_bench_<label>_<pid>: migrated, the apps' role, pg-boss, seeded. */
export async function createDataset(infra: Infra, label: string, candidates: number, assessors: number, log: (line: string) => void): Promise<Dataset> {
  const name = `rlp_bench_${label}_${process.pid}`;
  await admin(infra.adminUrl, async (c) => {
    await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await c.query(`CREATE DATABASE "${name}"`);
  });
  const ownerUrl = withDatabase(infra.adminUrl, name);
  const appUrl = withDatabase(infra.adminUrl, name, BENCH_APP_ROLE);
  const drop = () => admin(infra.adminUrl, async (c) => void (await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)));
  try {
    await migrate(ownerUrl);
    await ensureAppRole(ownerUrl, appUrl);
    await installJobs(ownerUrl, appUrl);
    log(`seeding ${candidates} candidates into ${name}`);
    const seeded = await seed(ownerUrl, { candidates, assessors });
    log(`seeded ${seeded.candidates} candidates, ${seeded.dossiers} dossiers, ${seeded.auditEvents} audit events in ${Math.round(seeded.ms / 1000)} s`);
    return { name, ownerUrl, appUrl, seeded, drop };
  } catch (err) {
    await drop().catch(() => undefined);
    throw err;
  }
}

export interface Apps {
  candidate: NestExpressApplication | null;
  assessor: NestExpressApplication;
  candidateUrl: string | null;
  assessorUrl: string;
  config: AppConfig;
  close(): Promise<void>;
}

async function listenLocal(app: NestExpressApplication): Promise<string> {
  await app.listen(0, '127.0.0.1');
  return `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}`;
}

/**
 * Both apps (or only the assessor app) on the dataset, with the real clock, silent logs, high
 * login limits, and client addresses taken from X-Forwarded-For sent over loopback (the bench
 * plays many register visitors, as a load balancer would pass them on).
 */
export async function startApps(infra: Infra, dataset: Dataset, which: 'both' | 'assessor'): Promise<Apps> {
  const config = loadConfig({
    LOG_LEVEL: 'silent',
    S3_ENDPOINT: infra.s3Endpoint,
    S3_ACCESS_KEY_ID: process.env['BENCH_S3_ACCESS_KEY_ID'] ?? 'S3RVER',
    S3_SECRET_ACCESS_KEY: process.env['BENCH_S3_SECRET_ACCESS_KEY'] ?? 'S3RVER',
    S3_BUCKET: `rlp-bench-${dataset.name.replace(/_/g, '-')}`,
    LOGIN_MAX_ATTEMPTS: '100000',
    TRUST_PROXY: 'loopback',
    SESSION_IDLE_MINUTES: String(24 * 60),
    SESSION_TTL_MINUTES: String(30 * 24 * 60),
    CANDIDATE_API_PORT: '0',
    ASSESSOR_API_PORT: '0',
  });
  const s3 = createS3Client(config.storage, infra.s3Endpoint);
  await s3.send(new CreateBucketCommand({ Bucket: config.storage.bucket })).catch((err: { name?: string }) => {
    if (err.name !== 'BucketAlreadyOwnedByYou' && err.name !== 'BucketAlreadyExists') throw err;
  });
  s3.destroy();
  const runtime = { config, databaseUrl: dataset.appUrl, storageEndpoint: infra.s3Endpoint };
  const opened: NestExpressApplication[] = [];
  const close = async () => {
    while (opened.length) await opened.pop()!.close().catch(() => undefined);
  };
  try {
    const assessor = await createApp(AssessorApiModule.forRoot(runtime), config, ASSESSOR_API_DOCS);
    opened.push(assessor);
    const assessorUrl = await listenLocal(assessor);
    let candidate: NestExpressApplication | null = null;
    let candidateUrl: string | null = null;
    if (which === 'both') {
      candidate = await createApp(CandidateApiModule.forRoot(runtime), config, CANDIDATE_API_DOCS);
      opened.push(candidate);
      candidateUrl = await listenLocal(candidate);
    }
    return { candidate, assessor, candidateUrl, assessorUrl, config, close };
  } catch (err) {
    await close();
    throw err;
  }
}
