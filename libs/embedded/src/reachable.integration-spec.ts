import { chmodSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedPostgres } from './embedded-postgres';
import { assertReachableByPostgres, firstBlockedDirectory, systemUser, type SystemUser } from './reachable';

/**
 * The quick start in a directory the `postgres` system user cannot enter (issue 18): as root,
 * embedded PostgreSQL runs as that user, and used to die with an unhandled EACCES and a stack trace.
 */
describe('embedded PostgreSQL in a private directory', () => {
  const stranger: SystemUser = { name: 'stranger', uid: 54_321, gids: [54_321] };
  let base: string;

  beforeEach(() => {
    base = mkdtempSync(join(tmpdir(), 'rlp-private-'));
  });
  afterEach(() => {
    chmodSync(base, 0o755);
    rmSync(base, { recursive: true, force: true });
  });

  it('finds the first directory on the way that another user may not enter', () => {
    mkdirSync(join(base, 'project', 'node_modules'), { recursive: true });
    chmodSync(base, 0o700);
    expect(firstBlockedDirectory(join(base, 'project', 'node_modules', 'initdb'), stranger)).toEqual({ dir: base, mode: '700' });
    // A user that does not exist yet is a stranger too; root enters everything.
    expect(firstBlockedDirectory(join(base, 'project', 'x'), null)).toEqual({ dir: base, mode: '700' });
    expect(firstBlockedDirectory(join(base, 'project', 'x'), { name: 'root', uid: 0, gids: [0] })).toBeNull();
    chmodSync(base, 0o711);
    expect(firstBlockedDirectory(join(base, 'project', 'node_modules', 'initdb'), stranger)).toBeNull();
    // Not created yet further down: nothing blocks.
    expect(firstBlockedDirectory(join(base, 'not', 'there', 'yet'), stranger)).toBeNull();
  });

  it('says in one sentence what to do, naming the directory', () => {
    chmodSync(base, 0o700);
    expect(() => assertReachableByPostgres([join(base, 'data')], stranger)).toThrow(
      new RegExp(`^Embedded PostgreSQL runs as the system user "postgres", which cannot enter ${base} \\(mode 700\\): .*DATABASE_URL`),
    );
  });

  it('stops at once with that sentence when the data directory is out of reach (as root)', async () => {
    const dataDir = join(base, 'private', 'postgres');
    chmodSync(base, 0o700);
    const asRoot = process.getuid?.() === 0;
    const postgresUser = systemUser('postgres');
    const started = startEmbeddedPostgres({ dataDir, persistent: false });
    if (asRoot && postgresUser?.uid !== 0) {
      await expect(started).rejects.toThrow(`which cannot enter ${base} (mode 700)`);
    } else {
      // Not root: PostgreSQL runs as the user who owns the directory, so it starts.
      const pg = await started;
      await pg.stop();
    }
  });
});
