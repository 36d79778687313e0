import { applyMergePatch, conflicts, getAt, mergePatch, resolve, setAt, type Json } from './json';

describe('candidate-web JSON helpers', () => {
  it('makes the smallest merge patch and applying it gives the target', () => {
    const from: Json = { title: 'A', tasks: { '1': { text: 'x' }, '2': { text: 'y' } }, old: 1 };
    const to: Json = { title: 'A', tasks: { '1': { text: 'x2' }, '2': { text: 'y' } }, added: [1, 2] };
    const patch = mergePatch(from, to);
    expect(patch).toEqual({ tasks: { '1': { text: 'x2' } }, added: [1, 2], old: null });
    expect(applyMergePatch(from, patch!)).toEqual(to);
    expect(mergePatch(to, to)).toBeUndefined();
  });

  it('says a merge patch cannot express a literal null (the caller then replaces)', () => {
    expect(mergePatch({ period: { end: '2026-01-01' } }, { period: { end: null } })).toBeNull();
    expect(mergePatch({ period: { end: null }, t: 'a' }, { period: { end: null }, t: 'b' })).toEqual({ t: 'b' });
  });

  it('lists conflicting fields and resolves per field without losing either side', () => {
    const mine: Json = { title: 'mine', whyChosen: 'same', tasks: { '1': { text: 'my text' } } };
    const theirs: Json = { title: 'theirs', whyChosen: 'same', tasks: { '1': { text: 'their text' }, '2': { text: 'only theirs' } } };
    const list = conflicts(mine, theirs);
    expect(list.map((c) => c.pointer)).toEqual(['/tasks/1/text', '/tasks/2/text', '/title']);
    const merged = resolve(theirs, list, (c) => (c.pointer === '/title' ? 'mine' : 'theirs'));
    expect(merged).toEqual({ title: 'mine', whyChosen: 'same', tasks: { '1': { text: 'their text' }, '2': { text: 'only theirs' } } });
    const keepMine = resolve(theirs, list, () => 'mine');
    expect(conflicts(keepMine, mine)).toEqual([]);
    expect(getAt(keepMine, '/tasks/2/text')).toBeUndefined();
  });

  it('reads and writes by JSON pointer, also inside arrays', () => {
    const v: Json = { evidence: [{ kind: 'diploma' }, { kind: 'evcReport' }] };
    expect(getAt(v, '/evidence/1/kind')).toBe('evcReport');
    expect(setAt(v, '/evidence/0/title', 'Bachelor')).toEqual({ evidence: [{ kind: 'diploma', title: 'Bachelor' }, { kind: 'evcReport' }] });
    expect(setAt(v, '/evidence/0', undefined)).toEqual({ evidence: [{ kind: 'evcReport' }] });
    expect(getAt(v, '/a~1b')).toBeUndefined();
    expect(setAt({}, '/a~1b/c', 1)).toEqual({ 'a/b': { c: 1 } });
  });
});
