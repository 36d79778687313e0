import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Login throttling in PostgreSQL (issue 18), so it holds across app instances: failed logins per
 * key (an e-mail address, a client address, a known device) since the key was last quiet for a
 * whole window, with the time the key may try again,
 * and the devices on which an account has logged in before.
 */
export class LoginThrottle1764600000000 implements MigrationInterface {
  name = 'LoginThrottle1764600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "login_throttles" ("key" character varying(400) NOT NULL, "failures" integer NOT NULL, "last_failure_at" TIMESTAMP WITH TIME ZONE NOT NULL, "blocked_until" TIMESTAMP WITH TIME ZONE, CONSTRAINT "pk_login_throttles" PRIMARY KEY ("key"))`,
    );
    await q.query(`CREATE INDEX "ix_login_throttles_last_failure_at" ON "login_throttles" ("last_failure_at")`);
    await q.query(
      `CREATE TABLE "known_devices" ("token_hash" character(64) NOT NULL, "user_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "last_login_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "pk_known_devices" PRIMARY KEY ("token_hash", "user_id"), CONSTRAINT "fk_known_devices_user" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE)`,
    );
    await q.query(`CREATE INDEX "ix_known_devices_user" ON "known_devices" ("user_id")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "known_devices"`);
    await q.query(`DROP TABLE "login_throttles"`);
  }
}
