import { Client } from 'pg';

/**
 * The apps connect as a role that owns nothing (issue 18): the owner of the tables runs the
 * migrations, then grants the app's role exactly what it needs — read and write rows, use the
 * sequences — and no more. The audit trail is append-only for it (no UPDATE, DELETE, TRUNCATE)
 * and the migrations table read-only; owning nothing, it cannot ALTER a table, so it cannot
 * disable the audit trail's triggers or drop anything.
 *
 * The role is named by the apps' connection URL (its user and password) and created when missing;
 * idempotent, run after every migration. When the apps' URL names the owner itself, nothing is done
 * (a single-role deployment, as before; not recommended).
 */
export async function ensureAppRole(ownerUrl: string, appUrl: string): Promise<{ role: string; created: boolean } | null> {
  const app = new URL(appUrl);
  const role = decodeURIComponent(app.username);
  const password = decodeURIComponent(app.password);
  if (!role || role === decodeURIComponent(new URL(ownerUrl).username)) return null;
  const client = new Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    const existing = await client.query<{ rolsuper: boolean }>(`SELECT rolsuper FROM pg_roles WHERE rolname = $1`, [role]);
    if (existing.rows[0]?.rolsuper) throw new Error(`The apps' database role "${role}" is a superuser; it must be an ordinary role that owns nothing.`);
    const created = existing.rows.length === 0;
    if (created) {
      const { rows } = await client.query<{ sql: string }>(`SELECT format('CREATE ROLE %I LOGIN PASSWORD %L NOSUPERUSER NOCREATEDB NOCREATEROLE NOINHERIT', $1::text, $2::text) AS sql`, [role, password]);
      try {
        await client.query(rows[0]!.sql);
      } catch (err) {
        // Another process created it at the same moment (roles are shared by the whole cluster).
        if (!['42710', '23505'].includes((err as { code?: string }).code ?? '')) throw err;
      }
    }
    const ident = (await client.query<{ id: string }>(`SELECT quote_ident($1) AS id`, [role])).rows[0]!.id;
    const database = (await client.query<{ db: string }>(`SELECT quote_ident(current_database()) AS db`)).rows[0]!.db;
    const owned = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM pg_class c JOIN pg_roles r ON r.oid = c.relowner WHERE r.rolname = $1`, [role]);
    if (owned.rows[0]!.n > 0) throw new Error(`The apps' database role "${role}" owns tables; give them to the owner that runs the migrations.`);
    await client.query(`GRANT CONNECT ON DATABASE ${database} TO ${ident}`);
    await client.query(`GRANT USAGE ON SCHEMA public TO ${ident}`);
    await client.query(`REVOKE CREATE ON SCHEMA public FROM ${ident}`);
    await client.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${ident}`);
    await client.query(`GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO ${ident}`);
    await client.query(`REVOKE UPDATE, DELETE, TRUNCATE ON "audit_events" FROM ${ident}`);
    await client.query(`REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON "migrations" FROM ${ident}`);
    return { role, created };
  } finally {
    await client.end();
  }
}
