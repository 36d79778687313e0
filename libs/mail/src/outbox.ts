import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { MailMessage } from './compose';

/**
 * The transactional outbox (issue 15, ADR 0018): a message is a row written in the same
 * transaction as the change that causes it, so a rolled-back change sends nothing and a committed
 * one cannot lose its message. Delivery happens afterwards (see the sender).
 */
@Injectable()
export class Outbox {
  /**
   * Queues messages inside the caller's transaction (`m` must be a transactional EntityManager).
   * A message whose dedupeKey was queued before is dropped. Returns the ids of the rows written.
   */
  async enqueue(m: EntityManager, messages: MailMessage | readonly MailMessage[]): Promise<string[]> {
    const list = Array.isArray(messages) ? (messages as readonly MailMessage[]) : [messages as MailMessage];
    const ids: string[] = [];
    for (const msg of list) {
      const rows = (await m.query(
        `INSERT INTO "outbox_messages" ("recipient", "kind", "subject", "text_body", "html_body", "attachments", "dedupe_key")
         VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7)
         ON CONFLICT ("dedupe_key") WHERE "dedupe_key" IS NOT NULL DO NOTHING
         RETURNING "id"`,
        [msg.to.trim().toLowerCase(), msg.kind, msg.subject, msg.text, msg.html, JSON.stringify(msg.attachments ?? []), msg.dedupeKey ?? null],
      )) as Array<{ id: string }>;
      if (rows[0]) ids.push(rows[0].id);
    }
    // Delivered at COMMIT only: wakes the sender right after the change is durable.
    if (ids.length) await m.query(`SELECT pg_notify('outbox', '')`);
    return ids;
  }
}
