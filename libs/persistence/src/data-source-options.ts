import type { DataSourceOptions } from 'typeorm';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';

/**
 * The one data-source definition shared by the apps, the migration CLI and the tests.
 * Schema changes only through migrations: `synchronize` is off everywhere.
 */
export function dataSourceOptions(url: string, extra: { applicationName?: string; poolSize?: number } = {}): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    synchronize: false,
    migrationsRun: false,
    uuidExtension: 'pgcrypto',
    migrationsTransactionMode: 'each',
    logging: false,
    applicationName: extra.applicationName ?? 'rlp',
    poolSize: extra.poolSize ?? 10,
    extra: {
      // Fail fast instead of hanging when the database is unreachable; 10 s (as pg-boss's pool)
      // because a busy 2-core machine was seen to take over 5 s for a healthy connection.
      connectionTimeoutMillis: 10_000,
      statement_timeout: 30000,
    },
  };
}
