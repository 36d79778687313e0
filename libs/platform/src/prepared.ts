import { createHash } from 'node:crypto';
import type { Pool, QueryResultRow } from 'pg';
import type { DataSource } from 'typeorm';

const NAMES = new Map<string, string>();

/**
 * Runs a statement as a named prepared statement on the app's pool, outside any transaction:
 * PostgreSQL parses and plans it once per pooled connection instead of on every request (issue 17;
 * on the hot routes planning cost as much as running). Only for statements whose plan does not
 * depend on the values (primary-key and unique-index lookups, equality on an indexed column):
 * after five executions PostgreSQL may keep a generic plan. The name is derived from the text, so
 * two texts never share a name, and the same text on every connection uses the same one.
 */
export async function queryPrepared<T extends QueryResultRow>(dataSource: DataSource, sql: string, params: unknown[]): Promise<T[]> {
  let name = NAMES.get(sql);
  if (!name) {
    name = `rlp_${createHash('sha256').update(sql).digest('hex').slice(0, 24)}`;
    NAMES.set(sql, name);
  }
  const pool = (dataSource.driver as unknown as { master: Pool }).master;
  return (await pool.query<T>({ name, text: sql, values: params })).rows;
}
