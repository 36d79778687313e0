import { BoundedGate, GateFull } from './bounded-gate';

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('BoundedGate', () => {
  it('lets `concurrency` in at once, the rest wait in arrival order, and every release admits the next', async () => {
    const gate = new BoundedGate(2, 10);
    const admitted: number[] = [];
    const releases = new Map<number, () => void>();
    for (let i = 0; i < 5; i++) {
      void gate.acquire().then((release) => {
        admitted.push(i);
        releases.set(i, release);
      });
    }
    await tick();
    expect(admitted).toEqual([0, 1]);
    expect(gate.stats()).toMatchObject({ active: 2, waiting: 3 });
    releases.get(1)!();
    releases.get(1)!(); // a second call releases nothing more
    await tick();
    expect(admitted).toEqual([0, 1, 2]);
    expect(gate.stats()).toMatchObject({ active: 2, waiting: 2 });
    releases.get(0)!();
    releases.get(2)!();
    await tick();
    expect(admitted).toEqual([0, 1, 2, 3, 4]);
    releases.get(3)!();
    releases.get(4)!();
    expect(gate.stats()).toEqual({ active: 0, waiting: 0, peakActive: 2, peakWaiting: 3, refused: 0 });
  });

  it('refuses at once when the line is full, and counts it', async () => {
    const gate = new BoundedGate(1, 2);
    const first = await gate.acquire();
    const waiting = [gate.acquire(), gate.acquire()];
    await expect(gate.acquire()).rejects.toBeInstanceOf(GateFull);
    expect(gate.stats()).toMatchObject({ active: 1, waiting: 2, refused: 1 });
    first();
    (await waiting[0]!)();
    (await waiting[1]!)();
    expect(gate.stats()).toMatchObject({ active: 0, waiting: 0 });
  });

  it('drops a waiter whose signal aborts, without taking a place', async () => {
    const gate = new BoundedGate(1, 5);
    const first = await gate.acquire();
    const controller = new AbortController();
    const aborted = gate.acquire(controller.signal);
    const next = gate.acquire();
    controller.abort(new Error('timed out'));
    await expect(aborted).rejects.toThrow('timed out');
    expect(gate.stats()).toMatchObject({ active: 1, waiting: 1 });
    first();
    (await next)();
    expect(gate.stats()).toMatchObject({ active: 0, waiting: 0 });
    await expect(gate.acquire(AbortSignal.abort(new Error('already')))).rejects.toThrow('already');
  });
});
