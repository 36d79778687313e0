/** Thrown by BoundedGate.acquire when `maxWaiting` are already waiting. */
export class GateFull extends Error {
  constructor() {
    super('too many waiting');
    this.name = 'GateFull';
  }
}

export interface GateStats {
  active: number;
  waiting: number;
  peakActive: number;
  peakWaiting: number;
  refused: number;
}

/**
 * A counting semaphore with a bounded line: at most `concurrency` holders at once, at most
 * `maxWaiting` waiting behind them in arrival order, and one more is refused at once (GateFull)
 * rather than held in memory. A waiter whose signal aborts leaves the line. Per process.
 */
export class BoundedGate {
  private active = 0;
  private readonly line: Array<() => void> = [];
  private readonly counters = { peakActive: 0, peakWaiting: 0, refused: 0 };

  constructor(
    readonly concurrency: number,
    readonly maxWaiting: number,
  ) {
    if (!(concurrency >= 1) || !(maxWaiting >= 0)) throw new RangeError('BoundedGate: concurrency >= 1 and maxWaiting >= 0');
  }

  /** Resolves with the release function once a place is free; call it exactly once (further calls do nothing). */
  acquire(signal?: AbortSignal): Promise<() => void> {
    if (signal?.aborted) return Promise.reject(signal.reason);
    if (this.active < this.concurrency) return Promise.resolve(this.enter());
    if (this.line.length >= this.maxWaiting) {
      this.counters.refused++;
      return Promise.reject(new GateFull());
    }
    return new Promise((resolve, reject) => {
      const onAbort = (): void => {
        const at = this.line.indexOf(admit);
        if (at >= 0) this.line.splice(at, 1);
        reject(signal!.reason);
      };
      const admit = (): void => {
        signal?.removeEventListener('abort', onAbort);
        resolve(this.enter());
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.line.push(admit);
      this.counters.peakWaiting = Math.max(this.counters.peakWaiting, this.line.length);
    });
  }

  stats(): GateStats {
    return { active: this.active, waiting: this.line.length, ...this.counters };
  }

  private enter(): () => void {
    this.active++;
    this.counters.peakActive = Math.max(this.counters.peakActive, this.active);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.active--;
      // The place goes straight (synchronously) to the next in line: a newcomer cannot slip in between.
      this.line.shift()?.();
    };
  }
}
