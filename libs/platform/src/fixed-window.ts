import type { DataSource } from 'typeorm';
import { queryPrepared } from './prepared';

type HitRow = { hits: number; window_ends_at: Date };

/** The hit: $1 the key, $2 now, $3 the window in seconds. A new window when none or the old one is over, else one more. */
const OVER = `w."window_ends_at" <= $2::timestamptz`;
const UPSERT = `INSERT INTO "rate_limit_windows" AS w ("key", "hits", "window_ends_at")
       VALUES ($1, 1, $2::timestamptz + make_interval(secs => $3::int))
       ON CONFLICT ("key") DO UPDATE SET
         "hits" = CASE WHEN ${OVER} THEN 1 ELSE w."hits" + 1 END,
         "window_ends_at" = CASE WHEN ${OVER} THEN $2::timestamptz + make_interval(secs => $3::int) ELSE w."window_ends_at" END`;

/**
 * Fixed-window counting per key, in PostgreSQL (`rate_limit_windows`, ADR 0029), so that every
 * app instance counts against the same window: two instances behind a load balancer do not double
 * a limit. The register lookup's, the certificate check's and the registration limiters share it.
 *
 * One statement per hit: an upsert that starts a new window when the key has none or its window
 * is over, and otherwise adds one, returning the count and the window's end. `hitWith` runs a
 * caller's query in that same statement (the register lookup: one round trip per lookup). Rows of
 * windows long over are swept now and then (when a hit starts a new window, at most once a minute
 * per process, an indexed DELETE). The table is UNLOGGED (no WAL, no flush wait per hit;
 * counters start afresh after a database crash).
 */
export class FixedWindowCounter {
  private lastSweepMs = Number.NEGATIVE_INFINITY;

  /**
   * @param scope the limiter's name, prefixed to every key (`register`, `verify`, …)
   * @param windowSeconds the window's length
   */
  constructor(
    private readonly dataSource: DataSource,
    private readonly scope: string,
    private readonly windowSeconds: number,
  ) {
    if (!/^[a-z][a-z0-9-]*$/.test(scope)) throw new RangeError(`scope must be a lower-case name, got ${scope}`);
    if (!Number.isInteger(windowSeconds) || windowSeconds < 1) throw new RangeError(`windowSeconds must be an integer >= 1, got ${windowSeconds}`);
  }

  /** Counts one hit for `key` at `now`; returns the count in its window and the seconds until it ends. */
  async hit(key: string, now: Date): Promise<{ count: number; retryAfterSeconds: number }> {
    const rows = await queryPrepared<HitRow>(this.dataSource, `${UPSERT} RETURNING "hits", "window_ends_at"`, [this.keyOf(key), now, this.windowSeconds]);
    return this.counted(rows[0]!, now);
  }

  /**
   * Counts one hit for `key` at `now` and, in the same statement, evaluates `also`: one SQL value
   * (a scalar subquery, e.g. rows aggregated into json) whose parameters are bound through `param`.
   * The upsert is a data-modifying CTE and the value is computed beside its result only when the
   * count is at most `maxHits` (`value` is null otherwise: an over-limit hit does not run the
   * work). One round trip where `hit` and a separate query were two (issue 17). When the statement
   * fails, the hit is counted by itself: over the limit that answers as any hit over it (value
   * null), else the error is passed on. `also` must yield the same
   * text for every call (values only through `param`): the statement is prepared per text.
   */
  async hitWith<T>(key: string, now: Date, maxHits: number, also: (param: (value: unknown) => string) => string): Promise<{ count: number; retryAfterSeconds: number; value: T | null }> {
    if (!Number.isInteger(maxHits) || maxHits < 0) throw new RangeError(`maxHits must be an integer >= 0, got ${maxHits}`);
    const params: unknown[] = [this.keyOf(key), now, this.windowSeconds, maxHits];
    const param = (value: unknown): string => `$${params.push(value)}`;
    const value = also(param);
    // Prepared (libs/platform/src/prepared.ts): planning the lookup cost more than running it. Its
    // text is the same for every lookup (values are parameters), so it is planned once per connection.
    let rows: Array<HitRow & { value: T | null }>;
    try {
      rows = await queryPrepared<HitRow & { value: T | null }>(
        this.dataSource,
        `WITH "hit" AS (${UPSERT} RETURNING "hits", "window_ends_at")
         SELECT "hits", "window_ends_at", CASE WHEN "hits" <= $4::int THEN (${value}) END AS "value" FROM "hit"`,
        params,
      );
    } catch (err) {
      // A statement that fails (a value PostgreSQL refuses, such as a NUL byte; a timeout) rolls
      // back its own count: count the hit on its own, so failing requests are limited too, and
      // answer as over the limit once they are.
      const counted = await this.hit(key, now).catch(() => null);
      if (counted && counted.count > maxHits) return { ...counted, value: null };
      throw err;
    }
    const row = rows[0]!;
    return { ...(await this.counted(row, now)), value: row.value ?? null };
  }

  private keyOf(key: string): string {
    return `${this.scope}:${key}`.slice(0, 400);
  }

  /** The count and Retry-After of an upserted row; sweeps old windows when a new one started. */
  private async counted(row: HitRow, now: Date): Promise<{ count: number; retryAfterSeconds: number }> {
    const count = Number(row.hits);
    if (count === 1) await this.sweep(now);
    // Instances' clocks may differ a little: never less than 1 s, never more than one window.
    const seconds = Math.ceil((new Date(row.window_ends_at).getTime() - now.getTime()) / 1000);
    return { count, retryAfterSeconds: Math.min(this.windowSeconds, Math.max(1, seconds)) };
  }

  /** Forgets windows that ended more than a minute ago, at most once a minute per process (any scope: they are over). */
  private async sweep(now: Date): Promise<void> {
    if (now.getTime() - this.lastSweepMs < 60_000 && now.getTime() >= this.lastSweepMs) return;
    this.lastSweepMs = now.getTime();
    await this.dataSource.query(`DELETE FROM "rate_limit_windows" WHERE "window_ends_at" < $1::timestamptz - interval '1 minute'`, [now]);
  }
}
