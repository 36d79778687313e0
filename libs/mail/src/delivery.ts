import { createTransport, type Transporter } from 'nodemailer';

/** Anything that runs SQL with $n parameters (a pg Client/Pool or a TypeORM DataSource). */
export interface SqlRunner {
  query(sql: string, params?: unknown[]): Promise<unknown>;
}

interface ClaimedMessage {
  id: string;
  recipient: string;
  subject: string;
  text_body: string;
  html_body: string;
  attachments: Array<{ filename: string; contentType: string; content: string }>;
  attempts: number;
  recovered: boolean;
}

/** The Message-ID of an outbox row: stable across retries, so a receiver can tell a repeat. */
export function outboxMessageId(id: string): string {
  return `<${id}@outbox.rlp>`;
}

/** After this many failed attempts a message is `failed` (kept, shown to support, never retried). */
export const MAX_ATTEMPTS = 12;

export interface DeliveryOptions {
  smtpUrl: string;
  from: string;
  /** Who claims rows (job_runs/outbox_messages.claimed_by): app, host, process. */
  instance: string;
  /**
   * How long a claimed (`sending`) row belongs to this sender. Longer than any SMTP conversation
   * (the transport gives up after 60 s); a row still `sending` after it was left by a sender that
   * died, and is delivered again.
   */
  leaseSeconds?: number;
}

export interface DrainResult {
  sent: number;
  failed: number;
  /** When the earliest message put back for a retry is due (null: none). */
  retryAt: Date | null;
}

/**
 * Crash-safe delivery of the outbox (issue 15, ADR 0018), without Nest: the apps' OutboxSender
 * and the crash test's child process both use it.
 *
 * One message at a time: (1) claim it in its own committed transaction (`pending` → `sending`,
 * with a lease and this sender's name), (2) hand it to the SMTP server, (3) mark it `sent`. A
 * crash before (1) commits leaves it `pending`; between (1) and the server's acceptance nothing
 * was delivered and the lease brings it back; only a crash after the server accepted and before
 * (3) commits can deliver it a second time (same Message-ID, `recovered_at` set): no sender can
 * know whether a server it lost contact with kept a message.
 */
export class OutboxDelivery {
  private readonly transport: Transporter;
  private readonly leaseSeconds: number;

  constructor(
    private readonly db: SqlRunner,
    private readonly options: DeliveryOptions,
  ) {
    this.transport = createTransport(options.smtpUrl, { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 60_000 } as never);
    this.leaseSeconds = options.leaseSeconds ?? 300;
  }

  close(): void {
    this.transport.close();
  }

  /** Delivers what is due until nothing is, or the server fails (then the rest waits for the retry). */
  async drain(shouldStop: () => boolean = () => false): Promise<DrainResult> {
    const result: DrainResult = { sent: 0, failed: 0, retryAt: null };
    // A message whose sender died on it MAX_ATTEMPTS times (a poison message) stops being retried.
    await this.db.query(
      `UPDATE "outbox_messages" SET "status" = 'failed', "lease_until" = NULL,
              "last_error" = coalesce("last_error" || ' / ', '') || 'the sender stopped during delivery ' || "attempts" || ' times'
        WHERE "status" = 'sending' AND "lease_until" < now() AND "attempts" >= $1`,
      [MAX_ATTEMPTS],
    );
    while (!shouldStop()) {
      const msg = await this.claim();
      if (!msg) break;
      const error = await this.sendOne(msg);
      if (!error) {
        result.sent++;
        continue;
      }
      result.failed++;
      const retryAt = await this.putBack(msg, error);
      if (retryAt && (!result.retryAt || retryAt < result.retryAt)) result.retryAt = retryAt;
      // The server (or the network) is failing: the other messages keep their attempts and wait.
      break;
    }
    return result;
  }

  private async claim(): Promise<ClaimedMessage | null> {
    const rows = (await this.db.query(
      `UPDATE "outbox_messages" o
          SET "status" = 'sending', "lease_until" = now() + make_interval(secs => $2), "claimed_by" = $1,
              "attempts" = o."attempts" + 1,
              "recovered_at" = CASE WHEN o."status" = 'sending' THEN now() ELSE o."recovered_at" END
        WHERE o."id" = (
          SELECT "id" FROM "outbox_messages"
           WHERE ("status" = 'pending' AND "next_attempt_at" <= now()) OR ("status" = 'sending' AND "lease_until" < now() AND "attempts" < $3)
           ORDER BY "next_attempt_at", "created_at" LIMIT 1 FOR UPDATE SKIP LOCKED)
        RETURNING o."id", o."recipient", o."subject", o."text_body", o."html_body", o."attachments", o."attempts", (o."recovered_at" IS NOT NULL) AS "recovered"`,
      [this.options.instance.slice(0, 120), this.leaseSeconds, MAX_ATTEMPTS],
    )) as ClaimedMessage[] | [ClaimedMessage[], number];
    // pg returns rows; TypeORM's query() on an UPDATE … RETURNING returns [rows, count].
    const list = Array.isArray(rows[0]) ? (rows[0] as ClaimedMessage[]) : (rows as ClaimedMessage[]);
    return list[0] ?? null;
  }

  private async sendOne(msg: ClaimedMessage): Promise<Error | null> {
    try {
      await this.transport.sendMail({
        from: this.options.from,
        to: msg.recipient,
        subject: msg.subject,
        text: msg.text_body,
        html: msg.html_body,
        messageId: outboxMessageId(msg.id),
        attachments: msg.attachments.map((a) => ({ filename: a.filename, contentType: a.contentType, content: a.content })),
      });
    } catch (err) {
      return err as Error;
    }
    await this.db.query(
      `UPDATE "outbox_messages" SET "status" = 'sent', "sent_at" = now(), "lease_until" = NULL, "last_error" = NULL
        WHERE "id" = $1 AND "status" = 'sending' AND "claimed_by" = $2`,
      [msg.id, this.options.instance.slice(0, 120)],
    );
    return null;
  }

  /** Backoff: 30 s, 1, 2, 4 … minutes, at most an hour; after MAX_ATTEMPTS it is `failed`. */
  private async putBack(msg: ClaimedMessage, error: Error): Promise<Date | null> {
    const rows = (await this.db.query(
      `UPDATE "outbox_messages" SET "last_error" = $2, "lease_until" = NULL,
              "status" = CASE WHEN "attempts" >= $3 THEN 'failed' ELSE 'pending' END,
              "next_attempt_at" = now() + least(interval '1 hour', interval '30 seconds' * power(2, "attempts" - 1))
        WHERE "id" = $1 AND "status" = 'sending' AND "claimed_by" = $4
        RETURNING "status", "next_attempt_at"`,
      [msg.id, error.message.slice(0, 2000), MAX_ATTEMPTS, this.options.instance.slice(0, 120)],
    )) as Array<{ status: string; next_attempt_at: Date }> | [Array<{ status: string; next_attempt_at: Date }>, number];
    const list = Array.isArray(rows[0]) ? (rows[0] as Array<{ status: string; next_attempt_at: Date }>) : (rows as Array<{ status: string; next_attempt_at: Date }>);
    const row = list[0];
    return row && row.status === 'pending' ? new Date(row.next_attempt_at) : null;
  }
}
