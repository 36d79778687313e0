import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { asAppRole, assertTestDatabaseName, replaceDatabase, requireEnv, TEST_ENV } from './test-env';

export interface TestDatabase {
  name: string;
  /** As the owner of the tables (migrations; tests that look behind the API or tamper). */
  url: string;
  /** As the apps' role, which owns nothing (what the apps connect with). */
  appUrl: string;
  /** Runs one statement on this database (to look behind the API, or to tamper in a test). */
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  drop(): Promise<void>;
}

async function withAdmin<T>(fn: (c: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: requireEnv(TEST_ENV.adminUrl) });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** A fresh, migrated database for one test file: a copy of the template the global setup made. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const template = requireEnv(TEST_ENV.template);
  const name = `rlp_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  assertTestDatabaseName(name);
  await withAdmin(async (c) => {
    for (let attempt = 0; ; attempt++) {
      try {
        await c.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`);
        return;
      } catch (err) {
        // Two files copying the template at the same instant: wait and try again.
        if (attempt < 20 && /being accessed by other users/.test((err as Error).message)) {
          await new Promise((r) => setTimeout(r, 100 + Math.random() * 200));
          continue;
        }
        throw err;
      }
    }
  });
  const url = replaceDatabase(requireEnv(TEST_ENV.adminUrl), name);
  return {
    name,
    url,
    appUrl: asAppRole(url),
    async query<T>(sql: string, params: unknown[] = []): Promise<T[]> {
      const client = new Client({ connectionString: url });
      await client.connect();
      try {
        return (await client.query(sql, params)).rows as T[];
      } finally {
        await client.end();
      }
    },
    drop: () => withAdmin(async (c) => void (await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`))),
  };
}
