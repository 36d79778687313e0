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
      // Fail fast instead of hanging when the database is unreachable.
      connectionTimeoutMillis: 5000,
      statement_timeout: 30000,
    },
  };
}
