import { FixedClock } from '../../platform/src/clock';
import { loadConfig } from '../../platform/src/config';
import { DomainError } from '../../platform/src/domain-error';
import { LoginRateLimiter } from './login-rate-limiter';

describe('LoginRateLimiter', () => {
  const auth = { ...loadConfig({}).auth, loginMaxAttempts: 3, loginWindowSeconds: 60 };
  const make = () => {
    const clock = new FixedClock(new Date('2026-01-01T00:00:00Z'));
    return { clock, limiter: new LoginRateLimiter(clock, auth) };
  };

  it('allows the limit and refuses one more, with the seconds to wait', () => {
    const { limiter } = make();
    for (let i = 0; i < 3; i++) limiter.hit(['email:a']);
    try {
      limiter.hit(['email:a']);
      throw new Error('expected a rate-limit error');
    } catch (err) {
      expect(err).toBeInstanceOf(DomainError);
      expect((err as DomainError).code).toBe('LOGIN_RATE_LIMITED');
      expect((err as DomainError).headers).toEqual({ 'Retry-After': '60' });
    }
  });

  it('counts each key on its own, and any exhausted key refuses', () => {
    const { limiter } = make();
    for (let i = 0; i < 3; i++) limiter.hit([`email:user${i}`, 'ip:1.2.3.4']);
    expect(() => limiter.hit(['email:fresh', 'ip:1.2.3.4'])).toThrow(DomainError);
    expect(() => limiter.hit(['email:fresh2', 'ip:5.6.7.8'])).not.toThrow();
  });

  it('opens again when the window has passed', () => {
    const { limiter, clock } = make();
    for (let i = 0; i < 3; i++) limiter.hit(['email:a']);
    expect(() => limiter.hit(['email:a'])).toThrow(DomainError);
    clock.advanceMinutes(1);
    expect(() => limiter.hit(['email:a'])).not.toThrow();
  });
});
