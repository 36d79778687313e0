import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { createTestDatabase, TestDatabase } from '../../testing/src/test-database';
import { dataSourceOptions } from './data-source-options';
import { MIGRATIONS } from './migrations';

describe('migrations', () => {
  let db: TestDatabase;
  let ds: DataSource;

  beforeAll(async () => {
    db = await createTestDatabase();
    ds = await new DataSource(dataSourceOptions(db.url)).initialize();
  });
  afterAll(async () => {
    await ds.destroy();
    await db.drop();
  });

  it('leave nothing for the entities to change: generating a migration yields no SQL', async () => {
    const log = await ds.driver.createSchemaBuilder().log();
    expect(log.upQueries.map((q) => q.query)).toEqual([]);
  });

  it('have all been applied to the template, in order', async () => {
    const rows: Array<{ name: string }> = await ds.query('SELECT name FROM migrations ORDER BY id');
    expect(rows.map((r) => r.name)).toEqual(MIGRATIONS.map((m) => m.name));
  });

  it('never synchronize', () => {
    expect(dataSourceOptions(db.url).synchronize).toBe(false);
  });

  it('can be reverted and re-applied', async () => {
    for (let i = 0; i < MIGRATIONS.length; i++) await ds.undoLastMigration();
    const tables: Array<{ n: string }> = await ds.query(
      `SELECT count(*)::text AS n FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> 'migrations'`,
    );
    expect(tables[0]?.n).toBe('0');
    await ds.runMigrations();
    const log = await ds.driver.createSchemaBuilder().log();
    expect(log.upQueries).toHaveLength(0);
  });

  it('make the audit trail append-only in the database itself', async () => {
    await ds.query(`INSERT INTO audit_events (action, subject_type) VALUES ('test.event', 'test')`);
    await expect(ds.query(`UPDATE audit_events SET action = 'changed'`)).rejects.toThrow(/append-only/);
    await expect(ds.query(`DELETE FROM audit_events`)).rejects.toThrow(/append-only/);
    await expect(ds.query(`TRUNCATE audit_events`)).rejects.toThrow(/append-only/);
    const rows: Array<{ action: string }> = await ds.query(`SELECT action FROM audit_events WHERE subject_type = 'test'`);
    expect(rows).toEqual([{ action: 'test.event' }]);
  });
});
