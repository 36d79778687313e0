import { randomBytes } from 'node:crypto';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { CreateBucketCommand } from '@aws-sdk/client-s3';
import request from 'supertest';
import { AssessorApiModule, ASSESSOR_API_DOCS } from '../../../apps/assessor-api/src/assessor-api.module';
import { CandidateApiModule, CANDIDATE_API_DOCS } from '../../../apps/candidate-api/src/candidate-api.module';
import { AccountsService, NewAccount } from '../../accounts/src/accounts.service';
import { newTotpSecret, totpCode, TOTP_PERIOD_SECONDS, TwoFactorService, TWO_FACTOR_REQUIRED_ROLES } from '../../accounts/src/two-factor.service';
import { DataSource } from 'typeorm';
import { Clock, FixedClock } from '../../platform/src/clock';
import { AppConfig, loadConfig } from '../../platform/src/config';
import { createApp } from '../../platform/src/configure-app';
import type { Rulebook } from '../../rulebook/src/index';
import { startMailCatcher, type MailCatcher } from '../../embedded/src/mail-catcher';
import { createS3Client } from '../../storage/src/s3-client.factory';
import { createTestDatabase, TestDatabase } from './test-database';
import { requireEnv, TEST_ENV } from './test-env';

export interface TestPlatform {
  candidate: NestExpressApplication;
  assessor: NestExpressApplication;
  config: AppConfig;
  db: TestDatabase;
  clock: FixedClock;
  /** With `mail: true`: the real SMTP server both apps deliver to (SMTP_URL); null otherwise. */
  mail: MailCatcher | null;
  /**
   * Creates an account directly (no HTTP) and returns a logged-in token for it. Assessors and admins
   * are enrolled in two-factor authentication (ADR 0021) through the real service with a generated
   * secret and log in with a real code (`twoFactor: false`: not enrolled; the token is then one that
   * may only enrol). `totpSecret` lets a test compute codes; use `p.totpCode(account)` for the next one.
   */
  account(role: NewAccount['role'], overrides?: Partial<NewAccount>, options?: { twoFactor?: boolean }): Promise<TestAccount>;
  /**
   * A code for this account's secret that it has not used yet: one of the three the server accepts
   * at the test clock's time (a step either side); when all three are used, the clock moves on 30 s.
   */
  totpCode(account: { id: string; totpSecret: string | null }): Promise<string>;
  close(): Promise<void>;
}

export interface TestAccount {
  id: string;
  email: string;
  password: string;
  token: string;
  /** Base32 TOTP secret (assessors and admins), null when not enrolled. */
  totpSecret: string | null;
  /** The ten recovery codes of the enrolment (empty when not enrolled). */
  recoveryCodes: string[];
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
    /** Start a mail catcher and let both apps deliver the outbox to it over SMTP. */
    mail?: boolean;
    /**
     * Run on this database (another platform's `db`) instead of a fresh one: a second pair of app
     * instances on the same data, as several instances run in production. close() leaves it.
     */
    database?: TestDatabase;
    /**
     * Use this bucket (another platform's `config.storage.bucket`) instead of a fresh one, so that a
     * second pair of instances also shares the object storage. It is not created; close() leaves it.
     */
    bucket?: string;
  } = {},
): Promise<TestPlatform> {
  const mail = options.mail ? await startMailCatcher() : null;
  const config = testConfig({ ...(mail ? { SMTP_URL: mail.smtpUrl } : {}), ...options.env, ...(options.bucket ? { S3_BUCKET: options.bucket } : {}) });
  const db = options.database ?? (await createTestDatabase());
  if (!options.bucket) {
    const s3 = createS3Client(config.storage, requireEnv(TEST_ENV.s3Endpoint));
    await s3.send(new CreateBucketCommand({ Bucket: config.storage.bucket }));
    s3.destroy();
  }
  const clock = new FixedClock(options.now ?? new Date('2026-11-23T09:00:00Z'));
  const storageEndpoint = options.storageEndpoint ?? requireEnv(TEST_ENV.s3Endpoint);
  const runtime = { config, databaseUrl: db.appUrl, storageEndpoint, clock: clock as Clock, ...(options.rulebooks ? { rulebooks: options.rulebooks } : {}) };
  const candidate = await createApp(CandidateApiModule.forRoot(runtime), config, CANDIDATE_API_DOCS);
  const assessor = await createApp(AssessorApiModule.forRoot(runtime), config, ASSESSOR_API_DOCS);
  await candidate.init();
  await assessor.init();
  async function nextTotpCode(account: { id: string; totpSecret: string | null }): Promise<string> {
    if (!account.totpSecret) throw new Error('totpCode: this account has no two-factor secret');
    const rows: Array<{ last: string }> = await assessor.get(DataSource).query(`SELECT "last_used_step" AS "last" FROM "two_factor" WHERE "user_id" = $1`, [account.id]);
    const last = Number(rows[0]?.last ?? 0);
    for (;;) {
      const step = Math.floor(clock.now().getTime() / 1000 / TOTP_PERIOD_SECONDS);
      const free = [step - 1, step, step + 1].find((s) => s > last);
      if (free !== undefined) return totpCode(account.totpSecret, new Date(free * TOTP_PERIOD_SECONDS * 1000));
      clock.advanceMinutes(TOTP_PERIOD_SECONDS / 60);
    }
  }
  let n = 0;
  return {
    candidate,
    assessor,
    config,
    db,
    clock,
    mail,
    async account(role, overrides = {}, accountOptions = {}) {
      const email = overrides.email ?? `${role}-${++n}-${randomBytes(3).toString('hex')}@test.rlp.local`;
      const password = overrides.password ?? `correct-horse-${randomBytes(4).toString('hex')}`;
      const created = await assessor.get(AccountsService).createAccount(
        { email, password, displayName: overrides.displayName ?? `Test ${role} ${n}`, role, organisation: overrides.organisation ?? null },
        null,
      );
      const app = role === 'candidate' ? candidate : assessor;
      const enrol = accountOptions.twoFactor ?? TWO_FACTOR_REQUIRED_ROLES.includes(role);
      const totpSecret = enrol ? newTotpSecret() : null;
      const recoveryCodes = totpSecret ? await assessor.get(TwoFactorService).enrolWithSecret(created.id, totpSecret) : [];
      const login = totpSecret ? { email, password, totpCode: await nextTotpCode({ id: created.id, totpSecret }) } : { email, password };
      const res = await request(app.getHttpServer()).post('/auth/login').send(login).expect(200);
      return { id: created.id, email, password, token: (res.body as { token: string }).token, totpSecret, recoveryCodes };
    },
    totpCode: (account) => nextTotpCode(account),
    async close() {
      await candidate.close();
      await assessor.close();
      await mail?.stop();
      if (!options.database) await db.drop();
    },
  };
}

