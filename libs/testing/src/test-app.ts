import { randomBytes } from 'node:crypto';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { CreateBucketCommand } from '@aws-sdk/client-s3';
import request from 'supertest';
import { AssessorApiModule, ASSESSOR_API_DOCS } from '../../../apps/assessor-api/src/assessor-api.module';
import { CandidateApiModule, CANDIDATE_API_DOCS } from '../../../apps/candidate-api/src/candidate-api.module';
import { AccountsService, NewAccount } from '../../accounts/src/accounts.service';
import { Clock, FixedClock } from '../../platform/src/clock';
import { AppConfig, loadConfig } from '../../platform/src/config';
import { createApp } from '../../platform/src/configure-app';
import type { Rulebook } from '../../rulebook/src/index';
import { createS3Client } from '../../storage/src/s3-client.factory';
import { createTestDatabase, TestDatabase } from './test-database';
import { requireEnv, TEST_ENV } from './test-env';

export interface TestPlatform {
  candidate: NestExpressApplication;
  assessor: NestExpressApplication;
  config: AppConfig;
  db: TestDatabase;
  clock: FixedClock;
  /** Creates an account directly (no HTTP) and returns a logged-in token for it. */
  account(role: NewAccount['role'], overrides?: Partial<NewAccount>): Promise<{ id: string; email: string; password: string; token: string }>;
  close(): Promise<void>;
}

/** Test configuration: the real config loader with test-friendly overrides. */
export function testConfig(overrides: Record<string, string> = {}): AppConfig {
  return loadConfig({
    LOG_LEVEL: 'silent',
    S3_ENDPOINT: requireEnv(TEST_ENV.s3Endpoint),
    S3_ACCESS_KEY_ID: process.env['TEST_S3_ACCESS_KEY_ID'] ?? 'S3RVER',
    S3_SECRET_ACCESS_KEY: process.env['TEST_S3_SECRET_ACCESS_KEY'] ?? 'S3RVER',
    S3_BUCKET: `rlp-test-${randomBytes(4).toString('hex')}`,
    LOGIN_MAX_ATTEMPTS: '1000',
    ...overrides,
  });
}

/**
 * Both apps built exactly as in production (createApp → configureApp), on this file's own
 * database and bucket, with a clock the test controls.
 */
export async function startTestPlatform(
  options: {
    env?: Record<string, string>;
    now?: Date;
    /** e.g. a dead endpoint, to test outages */
    storageEndpoint?: string;
    /** Rulebook versions instead of the shipped ones (e.g. to test moving to a newer one). */
    rulebooks?: readonly Rulebook[];
  } = {},
): Promise<TestPlatform> {
  const config = testConfig(options.env);
  const db = await createTestDatabase();
  const s3 = createS3Client(config.storage, requireEnv(TEST_ENV.s3Endpoint));
  await s3.send(new CreateBucketCommand({ Bucket: config.storage.bucket }));
  s3.destroy();
  const clock = new FixedClock(options.now ?? new Date('2026-11-23T09:00:00Z'));
  const storageEndpoint = options.storageEndpoint ?? requireEnv(TEST_ENV.s3Endpoint);
  const runtime = { config, databaseUrl: db.appUrl, storageEndpoint, clock: clock as Clock, ...(options.rulebooks ? { rulebooks: options.rulebooks } : {}) };
  const candidate = await createApp(CandidateApiModule.forRoot(runtime), config, CANDIDATE_API_DOCS);
  const assessor = await createApp(AssessorApiModule.forRoot(runtime), config, ASSESSOR_API_DOCS);
  await candidate.init();
  await assessor.init();
  let n = 0;
  return {
    candidate,
    assessor,
    config,
    db,
    clock,
    async account(role, overrides = {}) {
      const email = overrides.email ?? `${role}-${++n}-${randomBytes(3).toString('hex')}@test.rlp.local`;
      const password = overrides.password ?? `correct-horse-${randomBytes(4).toString('hex')}`;
      const created = await assessor.get(AccountsService).createAccount(
        { email, password, displayName: overrides.displayName ?? `Test ${role} ${n}`, role, organisation: overrides.organisation ?? null },
        null,
      );
      const app = role === 'candidate' ? candidate : assessor;
      const res = await request(app.getHttpServer()).post('/auth/login').send({ email, password }).expect(200);
      return { id: created.id, email, password, token: (res.body as { token: string }).token };
    },
    async close() {
      await candidate.close();
      await assessor.close();
      await db.drop();
    },
  };
}

