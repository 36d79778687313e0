/**
 * Applies pending migrations as the owner of the tables (DATABASE_OWNER_URL, else DATABASE_URL),
 * then grants the apps' role (DATABASE_URL's user) what it needs, and installs pg-boss's schema
 * (background jobs) the same way. The Docker stack runs it once
 * before the apps start.
 */
import 'reflect-metadata';
import { installJobs } from '@rlp/jobs';
import { ensureAppRole, migrate } from '@rlp/persistence';

async function main(): Promise<void> {
  const url = process.env['DATABASE_URL'];
  if (!url) {
    console.error('DATABASE_URL is required');
    process.exit(2);
  }
  const owner = process.env['DATABASE_OWNER_URL'] || url;
  const applied = await migrate(owner);
  console.log(applied.length ? `applied: ${applied.join(', ')}` : 'schema up to date');
  const role = await ensureAppRole(owner, url);
  console.log(role ? `the apps' role ${role.role} is granted what it needs${role.created ? ' (created)' : ''}` : 'the apps connect as the owner (set DATABASE_OWNER_URL to separate them)');
  // Background jobs: pg-boss's schema and queues, as the owner; the apps' role gets rows only.
  await installJobs(owner, owner === url ? null : url);
  console.log('background jobs (pg-boss) installed');
}

main().catch((err: unknown) => {
  console.error('migration failed:', err instanceof Error ? err.message : err);
  process.exit(1);
});
