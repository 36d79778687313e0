import { hashed, RECLAIM_EVERY } from './reclaim';

describe('reclaim: a young-generation collection after every RECLAIM_EVERY bytes hashed', () => {
  const g = globalThis as { gc?: unknown };
  const before = g.gc;
  afterAll(() => {
    g.gc = before;
  });

  it('collects once per RECLAIM_EVERY bytes, counted over all calls, and only the young generation', () => {
    const collect = jest.fn();
    g.gc = collect;
    hashed(RECLAIM_EVERY - 1);
    expect(collect).not.toHaveBeenCalled();
    hashed(1);
    expect(collect).toHaveBeenCalledTimes(1);
    expect(collect).toHaveBeenCalledWith({ type: 'minor' });
    for (let i = 0; i < 7; i++) hashed(RECLAIM_EVERY / 8);
    expect(collect).toHaveBeenCalledTimes(1);
    hashed(RECLAIM_EVERY / 8);
    expect(collect).toHaveBeenCalledTimes(2);
  });
});
