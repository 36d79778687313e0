/** Gives the slot back. */
export type Release = () => void;

/**
 * A counting semaphore that is fair between owners (issue 18):
 *
 * - at most `capacity` holders at once, and **at most one per owner**: an owner's second request
 *   waits behind its first, even when a slot is free;
 * - an owner may have at most `maxWaitingPerOwner` requests waiting; one more is refused at once
 *   with `FairQueueFull` (the renderer turns it into PDF_BUSY, the app into 429);
 * - a free slot goes to the owners with waiting requests **in turn (round-robin)**, not in arrival
 *   order: an owner whose render just ended, or who was just given a slot, goes to the back of the
 *   line, so one owner's many requests delay another owner by at most the one of theirs running;
 * - requests without an owner are each their own owner (FIFO among themselves, as before).
 *
 * A waiter whose AbortSignal fires leaves the queue and rejects with the signal's reason;
 * `rejectAll` empties the queue (used when the owner shuts down).
 */
export class FairQueueFull extends Error {
  override readonly name = 'FairQueueFull';

  constructor(
    readonly owner: string,
    readonly limit: number,
  ) {
    super(`${owner} already has ${limit} request(s) waiting`);
  }
}

interface Waiter {
  readonly grant: (release: Release) => void;
  readonly reject: (reason: unknown) => void;
}

let anonymous = 0;

export class FairQueue {
  private active = 0;
  /** Owners holding a slot now. */
  private readonly holding = new Set<string>();
  /** Waiters per owner, in arrival order. */
  private readonly queues = new Map<string, Waiter[]>();
  /** Owners with waiters, in the order they get their turn. */
  private readonly turns: string[] = [];

  constructor(
    private readonly capacity: number,
    private readonly maxWaitingPerOwner = 2,
  ) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError(`capacity must be an integer >= 1, got ${capacity}`);
    if (!Number.isInteger(maxWaitingPerOwner) || maxWaitingPerOwner < 0) throw new RangeError(`maxWaitingPerOwner must be an integer >= 0, got ${maxWaitingPerOwner}`);
  }

  /** Slots in use. */
  get inUse(): number {
    return this.active;
  }

  /** Requests waiting for a slot. */
  get waiting(): number {
    let n = 0;
    for (const queue of this.queues.values()) n += queue.length;
    return n;
  }

  /** Whether `owner` holds a slot now. */
  holds(owner: string): boolean {
    return this.holding.has(owner);
  }

  acquire(owner: string | undefined, signal?: AbortSignal): Promise<Release> {
    if (signal?.aborted) return Promise.reject(signal.reason);
    const key = owner ?? `\u0000anonymous-${++anonymous}`;
    if (this.active < this.capacity && !this.holding.has(key) && !this.queues.has(key)) {
      this.take(key);
      return Promise.resolve(this.releaser(key));
    }
    const queue = this.queues.get(key) ?? [];
    if (owner !== undefined && queue.length >= this.maxWaitingPerOwner) return Promise.reject(new FairQueueFull(key, this.maxWaitingPerOwner));
    return new Promise<Release>((resolve, reject) => {
      const onAbort = (): void => {
        this.remove(key, waiter);
        reject(signal?.reason);
      };
      const waiter: Waiter = {
        grant: (release) => {
          signal?.removeEventListener('abort', onAbort);
          resolve(release);
        },
        reject: (reason) => {
          signal?.removeEventListener('abort', onAbort);
          reject(reason);
        },
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      queue.push(waiter);
      if (!this.queues.has(key)) {
        this.queues.set(key, queue);
        this.turns.push(key);
      }
      // A slot may be free (the owner's own render is what blocks it): nothing to dispatch then.
    });
  }

  /** Rejects every queued waiter with `reason`; slots already held stay held until released. */
  rejectAll(reason: unknown): void {
    const waiters = [...this.queues.values()].flat();
    this.queues.clear();
    this.turns.length = 0;
    for (const waiter of waiters) waiter.reject(reason);
  }

  private take(key: string): void {
    this.active++;
    this.holding.add(key);
  }

  private remove(key: string, waiter: Waiter): void {
    const queue = this.queues.get(key);
    if (queue === undefined) return;
    const at = queue.indexOf(waiter);
    if (at >= 0) queue.splice(at, 1);
    if (queue.length === 0) this.forgetQueue(key);
  }

  private forgetQueue(key: string): void {
    this.queues.delete(key);
    const at = this.turns.indexOf(key);
    if (at >= 0) this.turns.splice(at, 1);
  }

  /** Hands free slots to waiting owners in turn; an owner that holds a slot is passed over. */
  private dispatch(): void {
    while (this.active < this.capacity) {
      const at = this.turns.findIndex((key) => !this.holding.has(key));
      if (at < 0) return;
      const key = this.turns[at]!;
      const queue = this.queues.get(key)!;
      const waiter = queue.shift()!;
      this.turns.splice(at, 1);
      if (queue.length === 0) this.queues.delete(key);
      else this.turns.push(key); // served: to the back of the line
      this.take(key);
      waiter.grant(this.releaser(key));
    }
  }

  /** A release function that works once. */
  private releaser(key: string): Release {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.active--;
      this.holding.delete(key);
      // Its next request waits behind everyone who is waiting now: it was just served.
      const at = this.turns.indexOf(key);
      if (at >= 0) this.turns.push(...this.turns.splice(at, 1));
      this.dispatch();
    };
  }
}
