import { clearDrafts } from './drafts';

/** A Storage-like map (the unit project runs in Node). */
function storage(entries: Record<string, string>) {
  const map = new Map(Object.entries(entries));
  return {
    map,
    get length() {
      return map.size;
    },
    key: (i: number) => [...map.keys()][i] ?? null,
    removeItem: (k: string) => void map.delete(k),
  };
}

describe('clearing local drafts on logout', () => {
  it("removes this account's scoring and joint drafts and the candidate's drafts, and keeps the language and others' drafts", () => {
    const s = storage({
      'rlp.lang': 'en',
      'rlp.scoring.d1.acc-a': '{}',
      'rlp.scoring.d1.acc-b': '{}',
      'rlp.joint.d1.judgement.acc-a': '{}',
      'rlp.joint.d1.interview.acc-a': '{}',
      'rlp.joint.d1.preparation.acc-a': '{}',
      'rlp.joint.d1.judgement.acc-b': '{}',
      'rlp.joint.d2.judgement': '{}',
      'rlp.draft.p1.practice': '{}',
      'other.thing': 'x',
    });
    clearDrafts(s, 'acc-a');
    expect([...s.map.keys()].sort()).toEqual(['other.thing', 'rlp.joint.d1.judgement.acc-b', 'rlp.lang', 'rlp.scoring.d1.acc-b']);
  });

  it('without a known account removes only drafts that name no account', () => {
    const s = storage({ 'rlp.lang': 'nl', 'rlp.scoring.d1.acc-a': '{}', 'rlp.draft.p1.x': '{}', 'rlp.joint.d2.interview': '{}' });
    clearDrafts(s, null);
    expect([...s.map.keys()].sort()).toEqual(['rlp.lang', 'rlp.scoring.d1.acc-a']);
    expect(() => clearDrafts(undefined, 'x')).not.toThrow();
  });
});
