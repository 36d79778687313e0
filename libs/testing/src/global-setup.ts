/**
 * Jest global setup for the integration and e2e projects (jest runs it only when at least one
 * test of those projects runs). Starts one PostgreSQL and one S3 endpoint for the whole run (or
 * uses TEST_DATABASE_URL / TEST_S3_ENDPOINT), migrates a template database once, and hands the
 * coordinates to the test files through environment variables. Each test file then copies the
 * template into its own database (see test-database.ts), so files run in parallel.
 */
import 'reflect-metadata';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { startEmbeddedPostgres } from '../../embedded/src/embedded-postgres';
import { startEmbeddedS3 } from '../../embedded/src/embedded-s3';
import { installJobs } from '../../jobs/src/install';
import { ensureAppRole } from '../../persistence/src/app-role';
import { migrate } from '../../persistence/src/migrate';
import { asAppRole, assertTestDatabaseName, replaceDatabase, TEST_ENV } from './test-env';

interface Infra {
  refs: number;
  stops: Array<() => Promise<void>>;
}
const g = globalThis as unknown as { __rlpTestInfra?: Infra };

export default async function globalSetup(): Promise<void> {
  process.env.TZ = 'UTC';
  if (g.__rlpTestInfra) {
    g.__rlpTestInfra.refs++;
    return;
  }
  const infra: Infra = { refs: 1, stops: [] };
  g.__rlpTestInfra = infra;
  const started = Date.now();

  let adminUrl = process.env['TEST_DATABASE_URL'];
  if (adminUrl) {
    assertTestDatabaseName(new URL(adminUrl).pathname.slice(1));
  } else {
    const dir = mkdtempSync(join(tmpdir(), 'rlp-test-pg-'));
    const pg = await startEmbeddedPostgres({ dataDir: join(dir, 'data'), persistent: false });
    infra.stops.push(() => pg.stop());
    adminUrl = pg.adminUrl;
  }
  const templateName = `rlp_test_template_${process.pid}`;
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${templateName}"`);
    await admin.query(`CREATE DATABASE "${templateName}"`);
  } finally {
    await admin.end();
  }
  const templateUrl = replaceDatabase(adminUrl, templateName);
  await migrate(templateUrl);
  // The apps connect as a role that owns nothing; its grants are copied with the template.
  await ensureAppRole(templateUrl, asAppRole(templateUrl));
  // pg-boss's schema and queues, as the owner; the apps' role gets rows and functions only.
  await installJobs(templateUrl, asAppRole(templateUrl));
  infra.stops.push(async () => {
    const c = new Client({ connectionString: adminUrl });
    await c.connect();
    await c.query(`DROP DATABASE IF EXISTS "${templateName}" WITH (FORCE)`).catch(() => undefined);
    await c.end();
  });

  let s3Endpoint = process.env['TEST_S3_ENDPOINT'];
  if (!s3Endpoint) {
    const s3 = await startEmbeddedS3({ directory: mkdtempSync(join(tmpdir(), 'rlp-test-s3-')), buckets: [] });
    infra.stops.push(() => s3.stop());
    s3Endpoint = s3.endpoint;
  }

  process.env[TEST_ENV.adminUrl] = adminUrl;
  process.env[TEST_ENV.template] = templateName;
  process.env[TEST_ENV.s3Endpoint] = s3Endpoint;
  if (process.env['CI'] || process.env['RLP_TEST_VERBOSE']) {
    console.log(`\n[test] PostgreSQL and S3 ready in ${Date.now() - started} ms`);
  }
}

export async function stopInfra(): Promise<void> {
  const infra = g.__rlpTestInfra;
  if (!infra || --infra.refs > 0) return;
  g.__rlpTestInfra = undefined;
  while (infra.stops.length) await infra.stops.pop()!().catch(() => undefined);
}
