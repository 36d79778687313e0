import { join } from 'node:path';
import { Client } from 'pg';
import type { AppConfig } from '../../platform/src/config';
import { startEmbeddedPostgres } from './embedded-postgres';
import { startEmbeddedS3 } from './embedded-s3';
import { startMailCatcher, type MailCatcher } from './mail-catcher';
import { startMailViewer, type MailViewer } from './mail-viewer';

export interface Infrastructure {
  /** What the apps connect with: a role that owns nothing (issue 18). */
  databaseUrl: string;
  /** The owner of the tables, for migrations and granting the apps' role; null: databaseUrl does both. */
  ownerUrl: string | null;
  storageEndpoint: string;
  /** Where the apps deliver mail: SMTP_URL, or the embedded mail catcher started here. */
  smtpUrl: string;
  /** The local page listing the caught mail (embedded catcher only; null with SMTP_URL). */
  mailViewerUrl: string | null;
  /** What was started here (for the start-up banner). */
  embedded: { postgres: boolean; s3: boolean; mail: boolean };
  /** Stops whatever was started here, S3 first, PostgreSQL last. Idempotent. */
  stop(): Promise<void>;
}

const APP_DATABASE = 'rlp';
/** The embedded cluster's role for the apps (created by ensureAppRole after the migrations); local only. */
const EMBEDDED_APP_ROLE = 'rlp_app';
const EMBEDDED_APP_PASSWORD = 'rlp-app-embedded';

async function ensureDatabase(adminUrl: string, name: string): Promise<void> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!rowCount) await client.query(`CREATE DATABASE "${name}"`);
  } finally {
    await client.end();
  }
}

/** Starts on the configured port; when another process holds it (a second checkout), on any free one. */
async function onPortOrAny<T extends MailCatcher | MailViewer>(start: (port: number) => Promise<T>, port: number, log: (line: string) => void, what: string): Promise<T> {
  try {
    return await start(port);
  } catch (err) {
    if ((err as { code?: string }).code !== 'EADDRINUSE' || port === 0) throw err;
    log(`port ${port} for the ${what} is in use: using a free port`);
    return start(0);
  }
}

/**
 * Embedded defaults: with no DATABASE_URL an embedded PostgreSQL runs with its data under
 * `<DATA_DIR>/postgres`; with no S3_ENDPOINT an s3rver stores under `<DATA_DIR>/s3`; with no
 * SMTP_URL a mail catcher takes every message (`<DATA_DIR>/mail`, .eml files) and a local page
 * lists them (MAIL_CATCHER_PORT, MAIL_CATCHER_WEB_PORT). All survive restarts. With the variables
 * set, nothing is started and those servers are used.
 */
export async function resolveInfrastructure(config: AppConfig, log: (line: string) => void = () => undefined): Promise<Infrastructure> {
  const stops: Array<() => Promise<void>> = [];
  const stop = async () => {
    while (stops.length) await stops.pop()!().catch(() => undefined);
  };
  try {
    let databaseUrl = config.database.url;
    let ownerUrl = config.database.url ? (config.database.ownerUrl ?? null) : null;
    if (!databaseUrl) {
      log(`starting embedded PostgreSQL in ${join(config.dataDir, 'postgres')}`);
      const pg = await startEmbeddedPostgres({ dataDir: join(config.dataDir, 'postgres'), persistent: true });
      stops.push(() => pg.stop());
      await ensureDatabase(pg.adminUrl, APP_DATABASE);
      ownerUrl = pg.urlFor(APP_DATABASE);
      const app = new URL(ownerUrl);
      app.username = EMBEDDED_APP_ROLE;
      app.password = EMBEDDED_APP_PASSWORD;
      databaseUrl = app.toString();
    }
    let storageEndpoint = config.storage.endpoint;
    if (!storageEndpoint) {
      log(`starting embedded S3 server in ${join(config.dataDir, 's3')}`);
      const s3 = await startEmbeddedS3({ directory: join(config.dataDir, 's3'), buckets: [config.storage.bucket] });
      stops.push(() => s3.stop());
      storageEndpoint = s3.endpoint;
    }
    let smtpUrl = config.mail.smtpUrl;
    let mailViewerUrl: string | null = null;
    if (!smtpUrl) {
      const directory = join(config.dataDir, 'mail');
      log(`starting the embedded mail catcher (SMTP), every message kept in ${directory}`);
      const catcher = await onPortOrAny((port) => startMailCatcher({ port, directory }), config.mail.catcherPort, log, 'mail catcher (SMTP)');
      stops.push(() => catcher.stop());
      const viewer = await onPortOrAny((port) => startMailViewer(() => catcher.messages(), { port }), config.mail.catcherWebPort, log, 'mail page (HTTP)');
      stops.push(() => viewer.stop());
      smtpUrl = catcher.smtpUrl;
      mailViewerUrl = viewer.url;
    }
    return {
      databaseUrl,
      ownerUrl,
      storageEndpoint,
      smtpUrl,
      mailViewerUrl,
      embedded: { postgres: !config.database.url, s3: !config.storage.endpoint, mail: !config.mail.smtpUrl },
      stop,
    };
  } catch (err) {
    await stop();
    throw err;
  }
}
