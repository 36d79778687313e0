import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Fixed-window request limits in PostgreSQL (issue 17, ADR 0029), so that they hold across app
 * instances: the public register lookup, the certificate check and registrations per client
 * address. One row per limiter key (`register:<address>`, `verify:<address>`,
 * `login-limit:register-ip:<address>`): hits in the current window and when that window ends.
 * Rows of windows long over are swept by the limiter itself (indexed on the end).
 *
 * UNLOGGED: a hit writes no WAL, so its commit does not wait for a WAL flush (measured on this
 * machine, sequential upserts: about 3 ms unlogged against 6–8 ms logged while shared with other
 * work). The price: after a PostgreSQL crash, or on a promoted standby, the counters start afresh —
 * at worst one extra window's allowance for a client, which a rate limit may cost.
 */
export class SharedLimits1765900000000 implements MigrationInterface {
  name = 'SharedLimits1765900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE UNLOGGED TABLE "rate_limit_windows" ("key" character varying(400) NOT NULL, "hits" integer NOT NULL, "window_ends_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "pk_rate_limit_windows" PRIMARY KEY ("key"), CONSTRAINT "ck_rate_limit_windows_hits" CHECK ("hits" >= 1))`,
    );
    await q.query(`CREATE INDEX "ix_rate_limit_windows_window_ends_at" ON "rate_limit_windows" ("window_ends_at")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "rate_limit_windows"`);
  }
}
