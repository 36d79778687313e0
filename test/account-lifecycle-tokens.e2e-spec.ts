import { DataSource } from 'typeorm';
import { accountTokenHash, consumeToken, inspectToken, issueToken, revokeTokens } from '../libs/accounts/src/account-tokens';
import { DomainError } from '@rlp/platform';
import { startTestPlatform, TestPlatform } from '@rlp/testing';

/** Account tokens (issue 15, ADR 0020): hashed, single use, short-lived, one purpose, newest only. */
describe('account tokens', () => {
  let p: TestPlatform;
  let ds: DataSource;
  beforeAll(async () => {
    p = await startTestPlatform();
    ds = p.candidate.get(DataSource);
  });
  afterAll(() => p.close());

  const code = async (promise: Promise<unknown>): Promise<string> => {
    try {
      await promise;
      return 'none';
    } catch (err) {
      if (err instanceof DomainError) return err.code;
      throw err;
    }
  };

  it('stores only the hash, and a token works once', async () => {
    const user = await p.account('candidate');
    const raw = await ds.transaction((m) => issueToken(m, user.id, 'password-reset', 30, { now: p.clock.now(), payload: { a: 1 } }));
    expect(raw).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const rows = await p.db.query<{ token_hash: string }>(`SELECT "token_hash" FROM "account_tokens" WHERE "user_id" = $1`, [user.id]);
    expect(rows.map((r) => r.token_hash)).toEqual([accountTokenHash(raw)]);
    expect(JSON.stringify(rows)).not.toContain(raw);
    const row = await ds.transaction((m) => consumeToken(m, raw, 'password-reset', p.clock.now()));
    expect(row.userId).toBe(user.id);
    expect(row.payload).toEqual({ a: 1 });
    expect(await code(ds.transaction((m) => consumeToken(m, raw, 'password-reset', p.clock.now())))).toBe('TOKEN_USED');
  });

  it('refuses another purpose, a malformed or unknown token, an expired one, and a replaced one', async () => {
    const user = await p.account('candidate');
    const now = () => p.clock.now();
    const raw = await ds.transaction((m) => issueToken(m, user.id, 'email-verification', 60, { now: now() }));
    expect(await code(ds.transaction((m) => consumeToken(m, raw, 'password-reset', now())))).toBe('TOKEN_INVALID');
    expect(await code(ds.transaction((m) => consumeToken(m, 'short', 'email-verification', now())))).toBe('TOKEN_INVALID');
    expect(await code(ds.transaction((m) => consumeToken(m, 'x'.repeat(43), 'email-verification', now())))).toBe('TOKEN_INVALID');
    expect(await code(ds.transaction((m) => consumeToken(m, 42, 'email-verification', now())))).toBe('TOKEN_INVALID');
    // Still usable after the failed attempts; a rolled-back use leaves it usable.
    await expect(
      ds.transaction(async (m) => {
        await consumeToken(m, raw, 'email-verification', now());
        throw new Error('rollback');
      }),
    ).rejects.toThrow('rollback');
    expect((await ds.transaction((m) => inspectToken(m, raw, 'email-verification', now()))).usedAt).toBeNull();
    // A newer token replaces it.
    const newer = await ds.transaction((m) => issueToken(m, user.id, 'email-verification', 60, { now: now() }));
    expect(await code(ds.transaction((m) => consumeToken(m, raw, 'email-verification', now())))).toBe('TOKEN_INVALID');
    // Expiry follows the injected clock.
    p.clock.advanceMinutes(61);
    expect(await code(ds.transaction((m) => consumeToken(m, newer, 'email-verification', now())))).toBe('TOKEN_EXPIRED');
    const fresh = await ds.transaction((m) => issueToken(m, user.id, 'email-verification', 60, { now: now() }));
    await ds.transaction((m) => revokeTokens(m, user.id, now()));
    expect(await code(ds.transaction((m) => consumeToken(m, fresh, 'email-verification', now())))).toBe('TOKEN_INVALID');
  });

  it('a user’s tokens that expired more than 30 days ago are removed when a new one is issued', async () => {
    const user = await p.account('candidate');
    const old = await ds.transaction((m) => issueToken(m, user.id, 'email-change', 60, { now: new Date(p.clock.now().getTime() - 31 * 24 * 60 * 60_000) }));
    const recent = await ds.transaction((m) => issueToken(m, user.id, 'password-reset', 60, { now: new Date(p.clock.now().getTime() - 2 * 60 * 60_000) }));
    await ds.transaction((m) => issueToken(m, user.id, 'email-verification', 60, { now: p.clock.now() }));
    const hashes = (await p.db.query<{ token_hash: string }>(`SELECT "token_hash" FROM "account_tokens" WHERE "user_id" = $1`, [user.id])).map((r) => r.token_hash);
    expect(hashes).not.toContain(accountTokenHash(old));
    expect(hashes).toContain(accountTokenHash(recent));
    expect(hashes).toHaveLength(2);
  });

  it('two concurrent uses: exactly one wins', async () => {
    const user = await p.account('candidate');
    const raw = await ds.transaction((m) => issueToken(m, user.id, 'password-reset', 30, { now: p.clock.now() }));
    const results = await Promise.all([1, 2, 3].map(() => code(ds.transaction((m) => consumeToken(m, raw, 'password-reset', p.clock.now())))));
    expect(results.sort()).toEqual(['TOKEN_USED', 'TOKEN_USED', 'none']);
  });
});
