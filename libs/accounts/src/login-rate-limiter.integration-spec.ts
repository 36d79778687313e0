import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../persistence/src/data-source-options';
import { FixedClock } from '../../platform/src/clock';
import { loadConfig } from '../../platform/src/config';
import { DomainError } from '../../platform/src/domain-error';
import { createTestDatabase, TestDatabase } from '../../testing/src/test-database';
import { LoginRateLimiter } from './login-rate-limiter';

describe('LoginRateLimiter (registrations per address, in PostgreSQL)', () => {
  const auth = { ...loadConfig({}).auth, loginMaxAttempts: 3, loginWindowSeconds: 60 };
  let db: TestDatabase;
  let ds: DataSource;
  let ds2: DataSource;
  let n = 0;
  beforeAll(async () => {
    db = await createTestDatabase();
    ds = await new DataSource(dataSourceOptions(db.appUrl)).initialize();
    ds2 = await new DataSource(dataSourceOptions(db.appUrl)).initialize();
  });
  afterAll(async () => {
    await ds.destroy();
    await ds2.destroy();
    await db.drop();
  });
  const make = () => {
    // Each test its own moment, so their windows do not meet.
    const clock = new FixedClock(new Date(Date.parse('2026-01-01T00:00:00Z') + ++n * 3_600_000));
    return { clock, limiter: new LoginRateLimiter(clock, auth, ds), other: new LoginRateLimiter(clock, auth, ds2) };
  };

  it('allows the limit and refuses one more, with the seconds to wait', async () => {
    const { limiter } = make();
    for (let i = 0; i < 3; i++) await limiter.hit(['email:a']);
    const err = await limiter.hit(['email:a']).then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(DomainError);
    expect((err as DomainError).code).toBe('LOGIN_RATE_LIMITED');
    expect((err as DomainError).headers).toEqual({ 'Retry-After': '60' });
  });

  it('counts each key on its own, and any exhausted key refuses', async () => {
    const { limiter } = make();
    for (let i = 0; i < 3; i++) await limiter.hit([`email:user${i}`, 'ip:1.2.3.4']);
    await expect(limiter.hit(['email:fresh', 'ip:1.2.3.4'])).rejects.toBeInstanceOf(DomainError);
    await expect(limiter.hit(['email:fresh2', 'ip:5.6.7.8'])).resolves.toBeUndefined();
  });

  it('opens again when the window has passed', async () => {
    const { limiter, clock } = make();
    for (let i = 0; i < 3; i++) await limiter.hit(['email:b']);
    await expect(limiter.hit(['email:b'])).rejects.toBeInstanceOf(DomainError);
    clock.advanceMinutes(1);
    await expect(limiter.hit(['email:b'])).resolves.toBeUndefined();
  });

  it('counts attempts at two instances together', async () => {
    const { limiter, other } = make();
    await limiter.hit(['ip:9.9.9.9']);
    await other.hit(['ip:9.9.9.9']);
    await limiter.hit(['ip:9.9.9.9']);
    await expect(other.hit(['ip:9.9.9.9'])).rejects.toMatchObject({ code: 'LOGIN_RATE_LIMITED' });
  });
});
