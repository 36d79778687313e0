import { merge3 } from './versioned-autosave';

/** The merge of a local draft into the server's newer version (review of the scoring autosave). */
describe('merge3', () => {
  const entry = (verdict: string, motivation: string) => ({ verdict, motivation, ask: false, question: '' });

  it('with a known base takes what only the other side changed and keeps a criterion scored only there', () => {
    const base = { A: entry('aangetoond', 'oud') };
    const mine = { A: entry('aangetoond', 'oud'), B1: entry('niet_aangetoond', 'hier getypt') };
    const theirs = { A: entry('aangetoond', 'elders verbeterd'), 'C.TASK.0': entry('aangetoond', 'elders gescoord') };
    const { merged, conflicts } = merge3(base, mine, theirs);
    expect(merged).toEqual({ A: entry('aangetoond', 'elders verbeterd'), B1: entry('niet_aangetoond', 'hier getypt'), 'C.TASK.0': entry('aangetoond', 'elders gescoord') });
    expect(conflicts).toEqual([]);
  });

  it('without a base never drops a key only the other side has, and keeps a key only here', () => {
    const mine = { A: entry('aangetoond', 'oude draft') };
    const theirs = { A: entry('aangetoond', 'nieuwer op de server'), 'C.TASK.0': entry('te_bevragen', 'alleen op de server') };
    const { merged, conflicts } = merge3(null, mine, theirs);
    expect(merged).toEqual({ A: entry('aangetoond', 'oude draft'), 'C.TASK.0': entry('te_bevragen', 'alleen op de server') });
    expect(conflicts).toEqual([{ path: ['A', 'motivation'], theirs: 'nieuwer op de server' }]);
    const only = merge3(null, { B1: entry('aangetoond', 'offline') }, {});
    expect(only).toEqual({ merged: { B1: entry('aangetoond', 'offline') }, conflicts: [] });
  });

  it('reports a criterion removed elsewhere but changed here as a conflict on the whole criterion', () => {
    const base = { A: entry('aangetoond', 'x') };
    const { merged, conflicts } = merge3(base, { A: entry('aangetoond', 'y') }, {});
    expect(merged).toEqual({ A: entry('aangetoond', 'y') });
    expect(conflicts).toEqual([{ path: ['A'], theirs: undefined }]);
  });
});
