import { execFileSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

/** A system user as the kernel checks it: its uid and every group it is in. */
export interface SystemUser {
  name: string;
  uid: number;
  gids: number[];
}

/** The user `name` (uid and groups), or null when it does not exist (yet). */
export function systemUser(name: string): SystemUser | null {
  try {
    const uid = Number(execFileSync('id', ['-u', name], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim());
    const gids = execFileSync('id', ['-G', name], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim().split(/\s+/).map(Number);
    return Number.isInteger(uid) ? { name, uid, gids } : null;
  } catch {
    return null;
  }
}

/**
 * The first existing directory on the way to `target` (its ancestors, from `/` down) that `user`
 * may not enter (no search permission), or null when every one of them lets it through. A user
 * that does not exist yet is checked as a stranger (the "others" bits). Root enters everything.
 */
export function firstBlockedDirectory(target: string, user: SystemUser | null): { dir: string; mode: string } | null {
  if (user?.uid === 0) return null;
  const chain: string[] = [];
  for (let dir = dirname(resolve(target)); ; dir = dirname(dir)) {
    chain.unshift(dir);
    if (dirname(dir) === dir) break;
  }
  for (const dir of chain) {
    let st;
    try {
      st = statSync(dir);
    } catch {
      return null; // not there yet: it will be created, traversable (mkdir's default mode)
    }
    const bit = user && st.uid === user.uid ? 0o100 : user && user.gids.includes(st.gid) ? 0o010 : 0o001;
    if ((st.mode & bit) === 0) return { dir, mode: (st.mode & 0o777).toString(8).padStart(3, '0') };
  }
  return null;
}

/**
 * Run as root, embedded PostgreSQL starts its binaries and keeps its data as the system user
 * `postgres`. When that user cannot reach them (the project sits in a private directory such as
 * /root or a `mktemp -d` folder), initdb would fail with an unhandled EACCES and a stack trace:
 * this says, in one sentence, what to do instead.
 */
export function assertReachableByPostgres(paths: readonly string[], user: SystemUser | null): void {
  for (const path of paths) {
    const blocked = firstBlockedDirectory(path, user);
    if (blocked) {
      throw new Error(
        `Embedded PostgreSQL runs as the system user "postgres", which cannot enter ${blocked.dir} (mode ${blocked.mode}): ` +
          `put the project (or DATA_DIR) in a directory that user can enter, e.g. under /srv or /tmp, or set DATABASE_URL to a PostgreSQL server of your own.`,
      );
    }
  }
}
