import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../persistence/src/data-source-options';
import { createTestDatabase, TestDatabase } from '../../testing/src/test-database';
import { FixedWindowCounter } from './fixed-window';

/** The shared fixed-window counter (ADR 0029) on a real PostgreSQL, as the apps' role. */
describe('FixedWindowCounter in PostgreSQL', () => {
  let db: TestDatabase;
  let a: DataSource;
  let b: DataSource;
  const t0 = Date.parse('2026-12-01T10:00:00Z');
  const at = (ms: number) => new Date(t0 + ms);

  beforeAll(async () => {
    db = await createTestDatabase();
    // Two pools, as two app instances would have.
    a = await new DataSource({ ...dataSourceOptions(db.appUrl), extra: { max: 10 } }).initialize();
    b = await new DataSource({ ...dataSourceOptions(db.appUrl), extra: { max: 10 } }).initialize();
  });
  afterAll(async () => {
    await a.destroy();
    await b.destroy();
    await db.drop();
  });

  it('counts per key within a window and starts again after it', async () => {
    const c = new FixedWindowCounter(a, 'unit', 60);
    expect(await c.hit('a', at(0))).toEqual({ count: 1, retryAfterSeconds: 60 });
    expect(await c.hit('a', at(15_500))).toEqual({ count: 2, retryAfterSeconds: 45 });
    expect(await c.hit('b', at(15_500))).toEqual({ count: 1, retryAfterSeconds: 60 });
    expect(await c.hit('a', at(59_999))).toEqual({ count: 3, retryAfterSeconds: 1 });
    expect(await c.hit('a', at(60_000))).toEqual({ count: 1, retryAfterSeconds: 60 });
  });

  it('keeps scopes apart: the same key in two limiters is two counts', async () => {
    const x = new FixedWindowCounter(a, 'scope-x', 60);
    const y = new FixedWindowCounter(a, 'scope-y', 60);
    await x.hit('1.2.3.4', at(0));
    await x.hit('1.2.3.4', at(0));
    expect((await y.hit('1.2.3.4', at(0))).count).toBe(1);
    expect((await x.hit('1.2.3.4', at(0))).count).toBe(3);
  });

  it('counts hits from two instances (two pools, two counters) in one window, concurrently without losing one', async () => {
    const onA = new FixedWindowCounter(a, 'shared', 60);
    const onB = new FixedWindowCounter(b, 'shared', 60);
    const counts = await Promise.all(Array.from({ length: 40 }, (_, i) => (i % 2 === 0 ? onA : onB).hit('10.0.0.1', at(1000 + i))));
    expect(counts.map((c) => c.count).sort((x, y) => x - y)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    const rows = await db.query<{ hits: number }>(`SELECT "hits" FROM "rate_limit_windows" WHERE "key" = 'shared:10.0.0.1'`);
    expect(rows).toEqual([{ hits: 40 }]);
  });

  it('answers a Retry-After between 1 s and one window even when instances disagree about the time', async () => {
    const c = new FixedWindowCounter(a, 'skew', 60);
    await c.hit('k', at(10_000));
    // An instance whose clock is 5 s behind sees 65 s to the end: capped at the window.
    expect(await c.hit('k', at(5_000))).toEqual({ count: 2, retryAfterSeconds: 60 });
  });

  it('sweeps windows that ended more than a minute ago when a new window starts', async () => {
    const c = new FixedWindowCounter(b, 'sweep', 60);
    await c.hit('old', at(0));
    // 10 minutes later: a new key starts a window and the old row goes.
    await c.hit('new', at(600_000));
    const keys = (await db.query<{ key: string }>(`SELECT "key" FROM "rate_limit_windows" WHERE "key" LIKE 'sweep:%'`)).map((r) => r.key);
    expect(keys).toEqual(['sweep:new']);
  });

  it('hitWith: counts like hit and returns a query\'s value from the same statement, its parameters bound after the counter\'s', async () => {
    const c = new FixedWindowCounter(a, 'with', 60);
    const also = (param: (value: unknown) => string) => `SELECT json_build_object('text', ${param('a$1b')}::text, 'n', ${param(7)}::int + ${param(35)}::int)`;
    expect(await c.hitWith(`k`, at(0), 3, also)).toEqual({ count: 1, retryAfterSeconds: 60, value: { text: 'a$1b', n: 42 } });
    // The same key as `hit` counts: the two methods share one window.
    expect(await c.hit('k', at(10_000))).toEqual({ count: 2, retryAfterSeconds: 50 });
    expect(await c.hitWith('k', at(20_000), 3, () => `SELECT '[]'::json`)).toEqual({ count: 3, retryAfterSeconds: 40, value: [] });
    // Over the limit the query is not run (here it would fail: division by zero) and the value is null.
    const failing = () => `SELECT 1 / (min("hits") - min("hits")) FROM "rate_limit_windows"`;
    expect(await c.hitWith('k', at(30_000), 3, failing)).toEqual({ count: 4, retryAfterSeconds: 30, value: null });
    await expect(c.hitWith('fresh', at(30_000), 3, failing)).rejects.toThrow(/division by zero/);
    // The failed statement rolled back its own count, but the hit is counted all the same; once
    // over the limit a failing statement answers as over the limit.
    expect(await c.hit('fresh', at(31_000))).toEqual({ count: 2, retryAfterSeconds: 59 });
    await expect(c.hitWith('fresh', at(32_000), 3, failing)).rejects.toThrow(/division by zero/);
    expect(await c.hitWith('fresh', at(33_000), 3, failing)).toEqual({ count: 4, retryAfterSeconds: 57, value: null });
    expect(await c.hitWith('k', at(60_000), 3, () => `SELECT 1`)).toEqual({ count: 1, retryAfterSeconds: 60, value: 1 });
    await expect(c.hitWith('k', at(0), -1, () => `SELECT 1`)).rejects.toThrow(RangeError);
  });

  it('hitWith: concurrent hits from two instances are counted exactly, and a new window sweeps old ones', async () => {
    const onA = new FixedWindowCounter(a, 'with-shared', 60);
    const onB = new FixedWindowCounter(b, 'with-shared', 60);
    const results = await Promise.all(Array.from({ length: 40 }, (_, i) => (i % 2 === 0 ? onA : onB).hitWith<number>('10.0.0.2', at(1000 + i), 30, (p) => `SELECT ${p(i)}::int`)));
    expect(results.map((r) => r.count).sort((x, y) => x - y)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    // Each hit got its own value while within the limit, null beyond it.
    for (const [i, r] of results.entries()) expect(r.value).toBe(r.count <= 30 ? i : null);
    const sweeper = new FixedWindowCounter(b, 'with-shared', 60);
    await sweeper.hitWith('10.0.0.3', at(600_000), 30, () => `SELECT 1`);
    const keys = (await db.query<{ key: string }>(`SELECT "key" FROM "rate_limit_windows" WHERE "key" LIKE 'with-shared:%'`)).map((r) => r.key);
    expect(keys).toEqual(['with-shared:10.0.0.3']);
  });

  it('refuses a bad scope or window at construction', () => {
    expect(() => new FixedWindowCounter(a, 'Bad Scope', 60)).toThrow(RangeError);
    expect(() => new FixedWindowCounter(a, 'ok', 0)).toThrow(RangeError);
  });
});
