import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { JobsService } from '../../jobs/src/jobs.service';
import type { AppConfig } from '../../platform/src/config';
import { APP_CONFIG } from '../../platform/src/platform.tokens';
import { OutboxDelivery, type DrainResult } from './delivery';

export { outboxMessageId } from './delivery';

/**
 * Delivers the outbox over SMTP (nodemailer) when SMTP_URL is set (issue 15, ADR 0018).
 *
 * - Woken at once by the NOTIFY of a committed enqueue (LISTEN on its own connection).
 * - A pg-boss job `outbox-deliver` does the rest: it is sent, delayed, for the moment a failed
 *   message is due again (backoff), and it sweeps every minute (exactly one instance per minute),
 *   which also takes back messages whose sender died mid-delivery (their lease ran out).
 * Several instances may drain at once: rows are claimed with SKIP LOCKED, one at a time.
 */
@Injectable()
export class OutboxSender implements OnModuleInit, OnApplicationBootstrap, OnApplicationShutdown {
  private readonly log = new Logger('OutboxSender');
  private delivery: OutboxDelivery | null = null;
  private listener: Client | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = false;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly jobs: JobsService,
  ) {}

  onModuleInit(): void {
    this.jobs.register({
      name: 'outbox-deliver',
      cron: '* * * * *',
      quiet: true,
      run: async () => {
        await this.kick();
      },
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.mail.smtpUrl) return;
    this.delivery = new OutboxDelivery(this.dataSource, { smtpUrl: this.config.mail.smtpUrl, from: this.config.mail.from, instance: this.jobs.instance });
    const options = this.dataSource.options as { url?: string };
    this.listener = new Client({ connectionString: options.url });
    this.listener.on('error', () => undefined);
    this.listener.on('notification', () => void this.kick());
    await this.listener.connect();
    await this.listener.query('LISTEN outbox');
    void this.kick();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    await this.running?.catch(() => undefined);
    await this.listener?.end().catch(() => undefined);
    this.delivery?.close();
  }

  /** Sends what is due now; resolves when the outbox has nothing due (for tests and shutdown). */
  kick(): Promise<void> {
    if (this.stopped || !this.delivery) return Promise.resolve();
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      do {
        this.again = false;
        const result = await this.delivery!.drain(() => this.stopped);
        if (result.retryAt) await this.wakeAt(result);
      } while (this.again && !this.stopped);
    })()
      .catch((err: Error) => this.log.warn(`outbox delivery paused: ${err.message}`))
      .finally(() => {
        this.running = null;
      });
    return this.running;
  }

  /** A pg-boss job at the moment the first failed message is due again (one per moment). */
  private async wakeAt(result: DrainResult): Promise<void> {
    const at = result.retryAt!;
    this.log.warn(`outbox: delivery failed, next attempt at ${at.toISOString()}`);
    await this.jobs.send('outbox-deliver', { trigger: 'retry' }, { startAfter: at, singletonKey: `retry:${at.toISOString().slice(0, 19)}` }).catch(() => null);
  }
}
