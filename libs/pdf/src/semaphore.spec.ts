import { Semaphore } from './semaphore';

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('Semaphore', () => {
  it('lets at most `capacity` holders in and hands slots over in FIFO order', async () => {
    const semaphore = new Semaphore(2);
    const order: number[] = [];
    const holders = [1, 2, 3, 4].map((n) => semaphore.acquire().then((release) => (order.push(n), release)));
    await tick();
    expect(order).toEqual([1, 2]);
    expect(semaphore.inUse).toBe(2);
    expect(semaphore.waiting).toBe(2);
    const [first, second] = await Promise.all(holders.slice(0, 2));
    first?.();
    first?.(); // a second release of the same slot does nothing
    await tick();
    expect(order).toEqual([1, 2, 3]);
    expect(semaphore.inUse).toBe(2);
    second?.();
    await tick();
    expect(order).toEqual([1, 2, 3, 4]);
    for (const release of await Promise.all(holders.slice(2))) release();
    expect(semaphore.inUse).toBe(0);
    expect(semaphore.waiting).toBe(0);
  });

  it('drops a waiter whose signal aborts, and rejects it with the reason', async () => {
    const semaphore = new Semaphore(1);
    const release = await semaphore.acquire();
    const abort = new AbortController();
    const waiting = semaphore.acquire(abort.signal);
    expect(semaphore.waiting).toBe(1);
    abort.abort(new Error('gave up'));
    await expect(waiting).rejects.toThrow('gave up');
    expect(semaphore.waiting).toBe(0);
    release();
    expect(semaphore.inUse).toBe(0);
    await expect(semaphore.acquire(abort.signal)).rejects.toThrow('gave up');
  });

  it('rejects every waiter on rejectAll, leaving held slots alone', async () => {
    const semaphore = new Semaphore(1);
    const release = await semaphore.acquire();
    const waiters = [semaphore.acquire(), semaphore.acquire()];
    semaphore.rejectAll(new Error('closed'));
    for (const waiter of waiters) await expect(waiter).rejects.toThrow('closed');
    expect(semaphore.inUse).toBe(1);
    release();
    expect(semaphore.inUse).toBe(0);
  });

  it('refuses a capacity below 1', () => {
    expect(() => new Semaphore(0)).toThrow(RangeError);
  });
});
