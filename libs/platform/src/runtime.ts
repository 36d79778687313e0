import type { NestExpressApplication } from '@nestjs/platform-express';
import { resolveInfrastructure, Infrastructure } from '../../embedded/src/infrastructure';
import { installJobs } from '../../jobs/src/install';
import { ensureAppRole } from '../../persistence/src/app-role';
import { migrate } from '../../persistence/src/migrate';
import { createS3Client } from '../../storage/src/s3-client.factory';
import { StorageService } from '../../storage/src/storage.service';
import { allowBrowserAccess } from '../../storage/src/bucket-cors';
import type { AppConfig } from './config';

export type Log = (line: string) => void;

/**
 * Everything before the apps start: embedded servers (when no URLs are configured), migrations
 * and the document bucket. Idempotent: safe on every start.
 */
export async function prepareInfrastructure(config: AppConfig, log: Log): Promise<Infrastructure> {
  const infra = await resolveInfrastructure(config, log);
  try {
    const applied = await migrate(infra.ownerUrl ?? infra.databaseUrl);
    log(applied.length ? `migrations applied: ${applied.join(', ')}` : 'database schema up to date');
    if (infra.ownerUrl) {
      const role = await ensureAppRole(infra.ownerUrl, infra.databaseUrl);
      if (role) log(`the apps connect as the database role ${role.role}, which owns nothing${role.created ? ' (created)' : ''}`);
    } else {
      log('the apps connect as the owner of the tables: set DATABASE_OWNER_URL (the owner, for migrations) and give DATABASE_URL a role of its own');
    }
    // Background jobs (pg-boss): its schema is created and upgraded here, by the owner, never by the apps.
    await installJobs(infra.ownerUrl ?? infra.databaseUrl, infra.ownerUrl ? infra.databaseUrl : null);
    const s3 = createS3Client(config.storage, infra.storageEndpoint);
    try {
      await new StorageService(s3, config.storage.bucket).ensureBucket();
      // The embedded S3 server is ours to configure: let the web front ends upload to it.
      if (infra.embedded.s3) await allowBrowserAccess(s3, config.storage.bucket, ['*']);
    } finally {
      s3.destroy();
    }
    return infra;
  } catch (err) {
    await infra.stop();
    throw err;
  }
}

export async function listen(app: NestExpressApplication, port: number): Promise<string> {
  await app.listen(port, '0.0.0.0');
  const address = app.getHttpServer().address() as { port: number };
  return `http://localhost:${address.port}`;
}

/**
 * Graceful shutdown on SIGINT/SIGTERM: stop accepting connections, let in-flight requests finish
 * (Nest's app.close()), then stop embedded servers, then exit. A second signal, or 20 seconds,
 * forces the exit.
 */
export async function runClosers(closers: Array<() => Promise<void>>, log: Log): Promise<void> {
  for (const close of closers) {
    try {
      await close();
    } catch (err) {
      log(`shutdown step failed: ${(err as Error).message}`);
    }
  }
}

/**
 * `closers` is read when the signal arrives, so steps added after installation (apps created
 * later) are included. Install it right after the first thing that must be stopped has started.
 */
export function installGracefulShutdown(closers: Array<() => Promise<void>>, log: Log): void {
  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) {
      log(`${signal} again: exiting now`);
      process.exit(1);
    }
    stopping = true;
    log(`${signal} received: shutting down`);
    // Ctrl-C in a terminal signals the whole process group, so an embedded PostgreSQL stops at the
    // same moment and ends its connections ("terminating connection due to administrator command",
    // 57P01) while the apps are still closing. pg-boss's LISTEN client can then emit that error with
    // no listener left. During shutdown that is expected: say so once and go on closing; anything
    // else still ends the process as Node would.
    let told = false;
    process.on('uncaughtException', (err: Error & { code?: string }) => {
      if (err.code === '57P01') {
        if (!told) log('the database ended its connections (it was stopped too): closing on');
        told = true;
        return;
      }
      console.error(err);
      process.exit(1);
    });
    const force = setTimeout(() => {
      log('shutdown took too long: exiting');
      process.exit(1);
    }, 20_000);
    force.unref();
    void (async () => {
      await runClosers(closers, log);
      log('stopped');
      process.exit(0);
    })();
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}
