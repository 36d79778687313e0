/**
 * Prints the SQL that would bring a database in line with the entities (empty when entities
 * and migrations agree). Use it to write a new migration:
 *   DATABASE_URL=postgres://…/scratch_test npx tsx scripts/schema-diff.ts
 * The integration spec libs/persistence/src/migrations.integration-spec.ts runs the same check.
 */
import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../libs/persistence/src/data-source-options';

async function main(): Promise<void> {
  const url = process.env['DATABASE_URL'];
  if (!url) throw new Error('DATABASE_URL is required');
  const ds = new DataSource(dataSourceOptions(url));
  await ds.initialize();
  await ds.runMigrations();
  const log = await ds.driver.createSchemaBuilder().log();
  for (const q of log.upQueries) console.log(`${q.query};`);
  await ds.destroy();
}

void main();
