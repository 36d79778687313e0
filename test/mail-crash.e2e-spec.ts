import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { startMailCatcher, type MailCatcher } from '../libs/embedded/src/mail-catcher';
import { Pool } from 'pg';
import { composeMail, Outbox, OutboxDelivery, outboxMessageId } from '@rlp/mail';
import { startTestPlatform, TestPlatform } from '@rlp/testing';

/**
 * Issue 15: "a crash between commit and send loses nothing and sends nothing twice". The outbox is
 * delivered by a sender in a child process that is killed (SIGKILL, no clean-up) in the middle of
 * a batch of 50; a second sender finishes. Every message arrives; none arrives twice, except — the
 * one honest exception, asserted rather than hidden — the single message the killed sender had
 * handed to the server and not yet marked sent: it is delivered again with the same Message-ID and
 * its row says so (recovered_at).
 */
describe('outbox delivery survives a killed sender', () => {
  let p: TestPlatform;
  let catcher: MailCatcher;
  const children: ChildProcess[] = [];

  beforeAll(async () => {
    // Slow acceptance (25 ms a message) so the kill lands mid-batch.
    catcher = await startMailCatcher({ acceptDelayMs: 25 });
    // The apps get no SMTP_URL: only the child processes deliver.
    p = await startTestPlatform();
  });
  afterAll(async () => {
    for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
    await p.close();
    await catcher.stop();
  });

  function startSender(smtpUrl = catcher.smtpUrl): ChildProcess {
    const child = spawn(process.execPath, ['--import', 'tsx', join(__dirname, 'support', 'outbox-sender-child.ts')], {
      env: { ...process.env, DATABASE_URL: p.db.appUrl, SMTP_URL: smtpUrl, LEASE_SECONDS: '2' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let err = '';
    child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
    child.on('exit', (code, signal) => {
      if (code && code !== 0) console.error(`sender child exited ${code} ${signal}: ${err}`);
    });
    children.push(child);
    return child;
  }

  async function stopSenders(): Promise<void> {
    for (const c of children) {
      if (c.exitCode === null && c.signalCode === null) {
        c.kill('SIGKILL');
        await new Promise((r) => c.once('exit', r));
      }
    }
  }

  const countsById = () => {
    const counts = new Map<string, number>();
    for (const m of catcher.messages()) counts.set(m.messageId, (counts.get(m.messageId) ?? 0) + 1);
    return counts;
  };

  async function until(check: () => boolean | Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!(await check())) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  const batch = (kind: string, n: number) =>
    p.candidate.get(DataSource).transaction((m) =>
      p.candidate.get(Outbox).enqueue(
        m,
        Array.from({ length: n }, (_, i) =>
          composeMail({
            to: `${kind}-${i}@test.rlp.local`,
            kind,
            subject: { nl: 'Proefbericht', en: 'Test message' },
            greeting: { nl: 'Beste,', en: 'Dear,' },
            paragraphs: [{ nl: `Bericht ${i}.`, en: `Message ${i}.` }],
          }),
        ),
      ),
    );

  it('SIGKILL mid-batch: all 50 arrive, none twice (but the one in flight, same Message-ID, marked)', async () => {
    const ids = await batch('test.crash', 50);
    expect(ids).toHaveLength(50);

    const first = startSender();
    await until(() => catcher.messages().length >= 12, 60_000, '12 messages from the first sender');
    first.kill('SIGKILL');
    await new Promise((r) => first.once('exit', r));

    const atKill = await p.db.query<{ id: string; status: string }>(`SELECT "id", "status" FROM "outbox_messages" WHERE "kind" = 'test.crash'`);
    const byStatus = (s: string) => atKill.filter((r) => r.status === s).map((r) => r.id);
    // Mid-batch: some delivered, some not yet.
    expect(byStatus('sent').length).toBeGreaterThanOrEqual(11);
    expect(byStatus('pending').length).toBeGreaterThan(0);
    // One message at a time: at most one was in flight when the process died.
    const inFlight = byStatus('sending');
    expect(inFlight.length).toBeLessThanOrEqual(1);
    const arrivedAtKill = catcher.messages().length;

    startSender();
    await until(
      async () => {
        const rows = await p.db.query<{ n: string }>(`SELECT count(*) AS n FROM "outbox_messages" WHERE "kind" = 'test.crash' AND "status" = 'sent'`);
        return Number(rows[0]!.n) === 50;
      },
      60_000,
      'all 50 rows sent',
    );

    // Nothing lost: every row's Message-ID arrived.
    const counts = countsById();
    for (const id of ids) expect(counts.get(outboxMessageId(id)) ?? 0).toBeGreaterThanOrEqual(1);
    // Nothing twice, except a message that was in flight at the kill (and only that one).
    const twice = [...counts.entries()].filter(([, n]) => n > 1).map(([mid]) => mid);
    expect(twice.every((mid) => inFlight.some((id) => outboxMessageId(id) === mid))).toBe(true);
    expect(Math.max(...counts.values())).toBeLessThanOrEqual(2);
    expect(catcher.messages()).toHaveLength(50 + twice.length);
    // The row of the message taken back after the crash says so; no other row does.
    const recovered = await p.db.query<{ id: string }>(`SELECT "id" FROM "outbox_messages" WHERE "kind" = 'test.crash' AND "recovered_at" IS NOT NULL`);
    expect(recovered.map((r) => r.id).sort()).toEqual([...inFlight].sort());
    await stopSenders();
    console.log(
      `crash test: ${arrivedAtKill} of 50 arrived before the kill, ${inFlight.length} in flight, ${twice.length} delivered twice (same Message-ID)`,
    );
  });

  it('the one window no sender can close: killed after the server accepted, before marking sent — delivered again, same Message-ID, marked', async () => {
    let victim: ChildProcess | null = null;
    let killedAfter: string | null = null;
    // The server keeps the 5th message and, before it answers 250, the sender process dies.
    const accepting = await startMailCatcher({
      onAccepted: (mail) => {
        if (accepting.messages().length === 5 && victim && !killedAfter) {
          killedAfter = mail.messageId;
          victim.kill('SIGKILL');
        }
      },
    });
    try {
      const ids = await batch('test.window', 10);
      victim = startSender(accepting.smtpUrl);
      await new Promise((r) => victim!.once('exit', r));
      expect(killedAfter).not.toBeNull();
      const [row] = await p.db.query<{ id: string; status: string }>(`SELECT "id", "status" FROM "outbox_messages" WHERE $1 = '<' || "id" || '@outbox.rlp>'`, [killedAfter]);
      expect(row!.status).toBe('sending');
      startSender(accepting.smtpUrl);
      const deadline = Date.now() + 60_000;
      for (;;) {
        const [{ n }] = (await p.db.query<{ n: string }>(`SELECT count(*) AS n FROM "outbox_messages" WHERE "kind" = 'test.window' AND "status" = 'sent'`)) as [{ n: string }];
        if (Number(n) === 10) break;
        if (Date.now() > deadline) throw new Error('not all sent');
        await new Promise((r) => setTimeout(r, 50));
      }
      const counts = new Map<string, number>();
      for (const m of accepting.messages()) counts.set(m.messageId, (counts.get(m.messageId) ?? 0) + 1);
      for (const id of ids) expect(counts.get(outboxMessageId(id))).toBe(outboxMessageId(id) === killedAfter ? 2 : 1);
      expect(accepting.messages()).toHaveLength(11);
      const recovered = await p.db.query<{ id: string }>(`SELECT "id" FROM "outbox_messages" WHERE "kind" = 'test.window' AND "recovered_at" IS NOT NULL`);
      expect(recovered.map((r) => r.id)).toEqual([row!.id]);
    } finally {
      await stopSenders();
      await accepting.stop();
    }
  });

  it('a message its senders died on 12 times (poison) is marked failed, not retried for ever', async () => {
    const [id] = await batch('test.poison', 1);
    // As if twelve senders had died on it: left `sending`, lease over, 12 attempts.
    await p.db.query(`UPDATE "outbox_messages" SET "status" = 'sending', "attempts" = 12, "lease_until" = now() - interval '1 second', "claimed_by" = 'dead' WHERE "id" = $1`, [id]);
    const pool = new Pool({ connectionString: p.db.appUrl, max: 1 });
    const delivery = new OutboxDelivery({ query: async (sql: string, params?: unknown[]) => (await pool.query(sql, params)).rows }, { smtpUrl: catcher.smtpUrl, from: 'noreply@rlp.local', instance: 'test' });
    try {
      await delivery.drain();
    } finally {
      delivery.close();
      await pool.end();
    }
    const [row] = await p.db.query<{ status: string; last_error: string }>(`SELECT "status", "last_error" FROM "outbox_messages" WHERE "id" = $1`, [id]);
    expect(row).toEqual({ status: 'failed', last_error: 'the sender stopped during delivery 12 times' });
    expect(catcher.messages().filter((m) => m.messageId === outboxMessageId(id!))).toEqual([]);
  });
});
