import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { DataSource, type EntitySubscriberInterface, type InsertEvent, type TransactionCommitEvent, type TransactionRollbackEvent } from 'typeorm';
import { AuditEventEntity } from './audit-event.entity';

/** Events chained per transaction of the chainer (one call of `audit_chain_pending`). */
export const AUDIT_CHAIN_BATCH = 1000;
/** How often every instance looks for events nobody chained (a process that died right after its commit). */
export const AUDIT_CHAIN_SWEEP_MS = 2000;
/**
 * After-commit chaining starts at most one pass per this interval (ADR 0024): under a stream of
 * audited writes the commits of one interval share a pass, instead of one pass (a transaction and
 * its WAL flush) per commit competing with the writes.
 */
export const AUDIT_CHAIN_COALESCE_MS = 100;

/** Set on a transaction's QueryRunner when it inserted an audit event; read at its commit. */
const WROTE_AUDIT = 'rlp.auditWritten';

/**
 * Chains the audit trail in the background (ADR 0024). A request inserts its events unchained and
 * takes no lock; right after the commit of a transaction that wrote one (a TypeORM subscriber on
 * this instance's DataSource), and every AUDIT_CHAIN_SWEEP_MS on every instance, this calls the
 * database's `audit_chain_pending`, which chains the committed events in one transaction under the
 * chain's advisory lock: one chainer at a time across all instances, `chain_seq` without gaps.
 *
 * No LISTEN/NOTIFY: a NOTIFY in the request's transaction would take PostgreSQL's database-wide
 * notify lock at every commit (held through the commit's WAL flush) — the very queue this removes.
 * The instance that wrote an event chains it; the sweep covers the rest.
 *
 * After-commit chaining is coalesced: a commit starts a pass at once when none started in the last
 * AUDIT_CHAIN_COALESCE_MS, otherwise one pass is scheduled for the end of that interval and every
 * commit meanwhile joins it. An event therefore waits at most that long (plus a running pass) for
 * its chaining. Writers that insert events with SQL outside a TypeORM transaction (a single
 * data-modifying statement, `auditInsert`) are invisible to the subscriber and call `nudge()` after
 * their statement. `chainPending()` is not coalesced.
 */
@Injectable()
export class AuditChainer implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly log = new Logger('AuditChainer');
  private running: Promise<number> | null = null;
  private stopped = false;
  private timer: NodeJS.Timeout | null = null;
  private subscriber: EntitySubscriberInterface | null = null;
  /** The coalesced after-commit pass, when one is scheduled. */
  private scheduled: NodeJS.Timeout | null = null;
  /** When the last coalesced pass was started (ms since the epoch); 0 before the first. */
  private lastStartedAt = 0;
  private coalesceMs = AUDIT_CHAIN_COALESCE_MS;

  constructor(private readonly dataSource: DataSource) {}

  onApplicationBootstrap(): void {
    this.start();
  }

  /** Before the HTTP server and the pool close: stop the sweep and chain what is committed. */
  async beforeApplicationShutdown(): Promise<void> {
    await this.stop();
  }

  /**
   * Chains after commits that wrote an event (at most one pass per `coalesceMs`), and sweeps every
   * `sweepMs`.
   */
  start(sweepMs = AUDIT_CHAIN_SWEEP_MS, coalesceMs = AUDIT_CHAIN_COALESCE_MS): void {
    if (this.timer) return;
    this.stopped = false;
    this.coalesceMs = coalesceMs;
    const flags = (qr: { data?: unknown }): Record<string, unknown> => {
      if (typeof qr.data !== 'object' || qr.data === null) qr.data = {};
      return qr.data as Record<string, unknown>;
    };
    this.subscriber = {
      afterInsert: (event: InsertEvent<unknown>) => {
        if (event.metadata.target !== AuditEventEntity) return;
        if (event.queryRunner.isTransactionActive) flags(event.queryRunner)[WROTE_AUDIT] = true;
        else this.nudge();
      },
      afterTransactionCommit: (event: TransactionCommitEvent) => {
        const data = flags(event.queryRunner);
        if (!data[WROTE_AUDIT]) return;
        delete data[WROTE_AUDIT];
        this.nudge();
      },
      afterTransactionRollback: (event: TransactionRollbackEvent) => {
        delete flags(event.queryRunner)[WROTE_AUDIT];
      },
    };
    this.dataSource.subscribers.push(this.subscriber);
    this.timer = setInterval(() => void this.kick(), sweepMs);
    this.timer.unref();
    void this.kick();
  }

  /**
   * An event was committed on this instance: chain it soon. Coalesced (see the class comment); a
   * no-op while the chainer is not started. Call it after a statement that inserted an event
   * outside a TypeORM transaction (`auditInsert`); the subscriber covers `AuditService.record`.
   */
  nudge(): void {
    if (!this.timer || this.stopped || this.scheduled) return;
    const wait = Math.max(0, this.lastStartedAt + this.coalesceMs - Date.now());
    this.scheduled = setTimeout(() => {
      this.scheduled = null;
      this.lastStartedAt = Date.now();
      void this.kick();
    }, wait);
    this.scheduled.unref();
  }

  /** Stops the sweep and the after-commit chaining; waits for a running pass, then chains once more. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    if (this.scheduled) clearTimeout(this.scheduled);
    this.scheduled = null;
    if (this.subscriber) {
      const at = this.dataSource.subscribers.indexOf(this.subscriber);
      if (at >= 0) this.dataSource.subscribers.splice(at, 1);
      this.subscriber = null;
    }
    await this.kick();
    this.stopped = true;
    await this.running?.catch(() => undefined);
  }

  /**
   * Chains every event committed before this call (by any instance) and resolves with the number
   * this pass chained. Tests call it before they read `chain_seq` or `hash`.
   */
  async chainPending(): Promise<number> {
    // A pass that is running may have read before this call: wait for it, then run (or join) the next one.
    if (this.running) await this.running.catch(() => 0);
    return this.pass();
  }

  /** One pass at a time per instance; callers that arrive meanwhile share the next one. */
  private pass(): Promise<number> {
    this.running ??= (async () => {
      let total = 0;
      for (;;) {
        const rows: Array<{ n: number }> = await this.dataSource.query(`SELECT "audit_chain_pending"($1) AS n`, [AUDIT_CHAIN_BATCH]);
        total += rows[0]!.n;
        if (rows[0]!.n < AUDIT_CHAIN_BATCH) return total;
      }
    })().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  /** In the background: never rejects; a failed pass is logged and retried by the next sweep. */
  private kick(): Promise<void> {
    if (this.stopped || !this.dataSource.isInitialized) return Promise.resolve();
    return this.chainPending().then(
      () => undefined,
      (err: Error) => {
        if (this.dataSource.isInitialized) this.log.warn(`audit chaining paused: ${err.message}`);
      },
    );
  }
}
