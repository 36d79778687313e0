import { Client } from 'pg';
import { DataSource } from 'typeorm';
import request from 'supertest';
import { ensureAppRole } from '@rlp/persistence';
import { startTestPlatform, type TestPlatform } from '@rlp/testing';

/**
 * Issue 18: the apps connected to PostgreSQL as the owner of the tables, which could
 * `ALTER TABLE audit_events DISABLE TRIGGER` and so change the audit trail unseen until the next
 * verification. Now the owner runs the migrations and the apps connect as a role that owns nothing
 * and has only row rights (ensureAppRole): here that role is tried directly.
 */
describe("the apps' database role (e2e)", () => {
  let p: TestPlatform;
  let app: Client;
  beforeAll(async () => {
    p = await startTestPlatform();
    app = new Client({ connectionString: p.db.appUrl });
    await app.connect();
  });
  afterAll(async () => {
    await app?.end();
    await p?.close();
  });

  const refused = async (sql: string, message: RegExp) => {
    await expect(app.query(sql)).rejects.toThrow(message);
  };

  it('is what the apps use, and owns nothing', async () => {
    const user = await p.candidate.get(DataSource).query(`SELECT current_user AS u`);
    expect(user[0].u).toBe(new URL(p.db.appUrl).username);
    const owned = await app.query(`SELECT count(*)::int AS n FROM pg_class c JOIN pg_roles r ON r.oid = c.relowner WHERE r.rolname = current_user`);
    expect(owned.rows[0].n).toBe(0);
    const role = await app.query(`SELECT rolsuper, rolcreaterole, rolcreatedb FROM pg_roles WHERE rolname = current_user`);
    expect(role.rows[0]).toEqual({ rolsuper: false, rolcreaterole: false, rolcreatedb: false });
    // The platform works on it: an account, a login, an audited action.
    const a = await p.account('candidate');
    await request(p.candidate.getHttpServer()).get('/auth/me').set('Authorization', `Bearer ${a.token}`).expect(200);
  });

  it('cannot disable the audit trail’s triggers, nor change, delete or empty the trail', async () => {
    await p.account('candidate'); // at least one event
    await refused(`ALTER TABLE audit_events DISABLE TRIGGER ALL`, /must be owner/);
    await refused(`ALTER TABLE audit_events DISABLE TRIGGER USER`, /must be owner/);
    await refused(`DROP TRIGGER tr_audit_events_append_only ON audit_events`, /must be owner/);
    await refused(`UPDATE audit_events SET data = '{}'::jsonb`, /permission denied/);
    // The chain columns too: the apps chain only through audit_chain_pending, which they cannot replace (ADR 0024).
    await refused(`UPDATE audit_events SET chain_seq = NULL, prev_hash = NULL, hash = NULL`, /permission denied/);
    await refused(`CREATE OR REPLACE FUNCTION audit_chain_pending(max_events integer) RETURNS integer LANGUAGE sql AS 'SELECT 0'`, /must be owner|permission denied/);
    await refused(`DELETE FROM audit_events`, /permission denied/);
    await refused(`TRUNCATE audit_events`, /permission denied/);
    await refused(`SET session_replication_role = replica`, /permission denied/);
  });

  it('cannot change the schema or the record of migrations', async () => {
    await refused(`DROP TABLE users`, /must be owner/);
    await refused(`ALTER TABLE users ADD COLUMN x int`, /must be owner/);
    await refused(`CREATE TABLE sneaky (id int)`, /permission denied/);
    await refused(`DELETE FROM migrations`, /permission denied/);
    await refused(`INSERT INTO migrations (timestamp, name) VALUES (1, 'x')`, /permission denied/);
  });

  it('is refused when it is a superuser or owns tables, and left alone when it is the owner itself', async () => {
    const owner = p.db.url;
    expect(await ensureAppRole(owner, owner)).toBeNull();
    const superuser = new URL(p.db.appUrl);
    const current = (await p.db.query<{ u: string; s: boolean }>(`SELECT current_user AS u, rolsuper AS s FROM pg_roles WHERE rolname = current_user`))[0]!;
    if (current.s) {
      superuser.username = current.u;
      // The owner's URL with another role name that is a superuser: refused, not granted.
      const other = new URL(owner);
      other.username = 'rlp_nobody_owner';
      await p.db.query(`DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'rlp_test_superuser') THEN CREATE ROLE rlp_test_superuser SUPERUSER; END IF; END $$`);
      const su = new URL(p.db.appUrl);
      su.username = 'rlp_test_superuser';
      await expect(ensureAppRole(owner, su.toString())).rejects.toThrow(/is a superuser/);
    }
    // Granting again changes nothing and refuses nothing (idempotent, on every start).
    expect(await ensureAppRole(owner, p.db.appUrl)).toEqual({ role: new URL(p.db.appUrl).username, created: false });
    await refused(`ALTER TABLE audit_events DISABLE TRIGGER ALL`, /must be owner/);
  });
});
