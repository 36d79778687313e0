import { DataSource } from 'typeorm';
import { startMailCatcher, type MailCatcher } from '../libs/embedded/src/mail-catcher';
import { composeMail, Outbox, outboxMessageId } from '@rlp/mail';
import { startTestPlatform, TestPlatform } from '@rlp/testing';

/**
 * Issue 15: the SMTP server is down → messages stay pending (with the error), a pg-boss job is
 * queued for the moment the backoff ends, and they arrive once the server is back. Takes ~35 s:
 * the first retry is 30 s after the failure, and the test waits for the real one.
 */
describe('outbox delivery while the SMTP server is down', () => {
  let p: TestPlatform;
  let revived: MailCatcher | null = null;

  beforeAll(async () => {
    p = await startTestPlatform({ mail: true });
  });
  afterAll(async () => {
    await revived?.stop();
    await p.close();
  });

  it('keeps messages pending, retries after the backoff, delivers once the server is back', async () => {
    const port = p.mail!.port;
    await p.mail!.stop();
    const ds = p.candidate.get(DataSource);
    const message = (to: string) =>
      composeMail({ to, kind: 'test.retry', subject: { nl: 'Proef', en: 'Test' }, greeting: { nl: 'Beste,', en: 'Dear,' }, paragraphs: [{ nl: 'Proef.', en: 'Test.' }] });
    const ids = await ds.transaction((m) => p.candidate.get(Outbox).enqueue(m, [message('down-1@test.rlp.local'), message('down-2@test.rlp.local')]));

    // The first attempt fails (connection refused). Each sender (both apps run one) stops at its
    // first failure, so no message burns more than one attempt while the server is down.
    let rows: Array<{ id: string; status: string; attempts: number; last_error: string | null; due_in: number }>;
    const deadline = Date.now() + 20_000;
    for (;;) {
      rows = await p.db.query(
        `SELECT "id", "status", "attempts", "last_error", extract(epoch FROM "next_attempt_at" - now())::float AS due_in FROM "outbox_messages" WHERE "id" = ANY($1) ORDER BY "created_at", "id"`,
        [ids],
      );
      if (rows.some((r) => r.attempts > 0 && r.status === 'pending')) break;
      if (Date.now() > deadline) throw new Error('no delivery attempt');
      await new Promise((r) => setTimeout(r, 100));
    }
    await new Promise((r) => setTimeout(r, 1000));
    rows = await p.db.query(
      `SELECT "id", "status", "attempts", "last_error", extract(epoch FROM "next_attempt_at" - now())::float AS due_in FROM "outbox_messages" WHERE "id" = ANY($1) ORDER BY "created_at", "id"`,
      [ids],
    );
    expect(rows.every((r) => r.status === 'pending' && r.attempts <= 1)).toBe(true);
    const failed = rows.filter((r) => r.attempts === 1);
    for (const f of failed) {
      expect(f.last_error).toMatch(/ECONNREFUSED|connect/i);
      expect(f.due_in).toBeGreaterThan(20);
      expect(f.due_in).toBeLessThanOrEqual(30);
    }
    // pg-boss holds the wake-up for the moment the backoff ends.
    const wake = await p.db.query<{ start_after: Date }>(`SELECT "start_after" FROM pgboss.job WHERE "name" = 'outbox-deliver' AND "state" = 'created' AND "data"->>'trigger' = 'retry'`);
    expect(wake.length).toBeGreaterThanOrEqual(1);

    revived = await startMailCatcher({ port });
    const revivedAt = Date.now();
    const [a, b] = await Promise.all(ids.map((id) => revived!.waitFor((m) => m.messageId === outboxMessageId(id), 60_000)));
    expect(a!.to).toEqual(['down-1@test.rlp.local']);
    expect(b!.to).toEqual(['down-2@test.rlp.local']);
    // Marked sent right after the server accepted.
    let after: Array<{ status: string; last_error: string | null }> = [];
    for (let i = 0; i < 50; i++) {
      after = await p.db.query(`SELECT "status", "last_error" FROM "outbox_messages" WHERE "id" = ANY($1)`, [ids]);
      if (after.every((r) => r.status === 'sent')) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(after.every((r) => r.status === 'sent' && r.last_error === null)).toBe(true);
    expect(revived.messages()).toHaveLength(2);
    // Delivered soon after the backoff ends (30 s after the failure) — by the pg-boss job queued
    // for that moment, or a minute sweep if it comes first — not left for later.
    expect(Date.now() - revivedAt).toBeLessThan(45_000);
  });
});
