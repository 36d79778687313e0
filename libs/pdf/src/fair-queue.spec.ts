import { FairQueue, FairQueueFull } from './fair-queue';
import type { Release } from './fair-queue';

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('FairQueue', () => {
  /** Acquires for `owner` and records the label when the slot is granted. */
  const take = (queue: FairQueue, order: string[], owner: string | undefined, label: string) => queue.acquire(owner, undefined).then((release) => (order.push(label), release));

  it('serves waiting owners in turn, not in arrival order: the owner just served goes to the back', async () => {
    const queue = new FairQueue(1, 5);
    const order: string[] = [];
    const a1 = await take(queue, order, 'a', 'a1');
    const labels = ['a2', 'a3', 'b1', 'c1', 'b2'];
    const pending = new Map(labels.map((label) => [label, take(queue, order, label[0], label)]));
    expect(queue.waiting).toBe(5);
    let release: Release = a1;
    for (let i = 0; i < labels.length; i++) {
      release();
      await tick();
      release = await pending.get(order[order.length - 1]!)!;
    }
    release();
    // FIFO would be a1 a2 a3 b1 c1 b2.
    expect(order).toEqual(['a1', 'b1', 'c1', 'a2', 'b2', 'a3']);
    expect(queue.inUse).toBe(0);
    expect(queue.waiting).toBe(0);
  });

  it('runs at most one per owner, even with a free slot', async () => {
    const queue = new FairQueue(2, 2);
    const order: string[] = [];
    const a1 = await take(queue, order, 'a', 'a1');
    const a2 = take(queue, order, 'a', 'a2');
    await tick();
    expect({ inUse: queue.inUse, waiting: queue.waiting, order }).toEqual({ inUse: 1, waiting: 1, order: ['a1'] });
    const b1 = await take(queue, order, 'b', 'b1');
    expect(queue.inUse).toBe(2);
    a1();
    (await a2)();
    b1();
    expect(order).toEqual(['a1', 'b1', 'a2']);
    expect(queue.inUse).toBe(0);
  });

  it('refuses an owner more than maxWaitingPerOwner waiting requests; others are not affected', async () => {
    const queue = new FairQueue(1, 2);
    const a1 = await queue.acquire('a');
    const waiting = [queue.acquire('a'), queue.acquire('a')];
    await expect(queue.acquire('a')).rejects.toBeInstanceOf(FairQueueFull);
    const b = queue.acquire('b');
    expect(queue.waiting).toBe(3);
    a1();
    (await b)();
    for (const w of waiting) (await w)();
    expect(queue.inUse).toBe(0);
  });

  it('requests without an owner are each their own (FIFO among themselves)', async () => {
    const queue = new FairQueue(1, 0);
    const order: string[] = [];
    const first = await take(queue, order, undefined, '1');
    const rest = [take(queue, order, undefined, '2'), take(queue, order, undefined, '3')];
    first();
    (await rest[0]!)();
    (await rest[1]!)();
    expect(order).toEqual(['1', '2', '3']);
  });

  it('drops a waiter whose signal aborts, and rejects the rest on rejectAll', async () => {
    const queue = new FairQueue(1, 3);
    const held = await queue.acquire('a');
    const abort = new AbortController();
    const aborted = queue.acquire('b', abort.signal);
    const other = queue.acquire('c');
    abort.abort(new Error('gave up'));
    await expect(aborted).rejects.toThrow('gave up');
    expect(queue.waiting).toBe(1);
    queue.rejectAll(new Error('closed'));
    await expect(other).rejects.toThrow('closed');
    held();
    expect({ inUse: queue.inUse, waiting: queue.waiting }).toEqual({ inUse: 0, waiting: 0 });
  });
});
