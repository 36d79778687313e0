import { diffStats, lineDiff } from './text-diff';

describe('lineDiff', () => {
  it('reports identical texts as unchanged lines', () => {
    expect(lineDiff('a\nb\n', 'a\nb\n')).toEqual([
      { op: 'same', text: 'a' },
      { op: 'same', text: 'b' },
    ]);
  });

  it('handles empty texts', () => {
    expect(lineDiff('', '')).toEqual([]);
    expect(lineDiff('', 'x\ny')).toEqual([
      { op: 'added', text: 'x' },
      { op: 'added', text: 'y' },
    ]);
    expect(lineDiff('x', '')).toEqual([{ op: 'removed', text: 'x' }]);
  });

  it('shows a changed line as removed then added, in place', () => {
    expect(lineDiff('# Gedragscode\n\nArtikel 1\nArtikel 2\nArtikel 3', '# Gedragscode\n\nArtikel 1\nArtikel 2 (gewijzigd)\nArtikel 3')).toEqual([
      { op: 'same', text: '# Gedragscode' },
      { op: 'same', text: '' },
      { op: 'same', text: 'Artikel 1' },
      { op: 'removed', text: 'Artikel 2' },
      { op: 'added', text: 'Artikel 2 (gewijzigd)' },
      { op: 'same', text: 'Artikel 3' },
    ]);
  });

  it('finds the longest common subsequence for insertions and deletions in the middle', () => {
    const diff = lineDiff('a\nb\nc\nd\ne\nf', 'a\nx\nc\nd\ny\nf\ng');
    expect(diff.filter((l) => l.op === 'same').map((l) => l.text)).toEqual(['a', 'c', 'd', 'f']);
    expect(diffStats(diff)).toEqual({ same: 4, removed: 2, added: 3 });
    // Replaying the diff gives back both texts.
    expect(diff.filter((l) => l.op !== 'added').map((l) => l.text)).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
    expect(diff.filter((l) => l.op !== 'removed').map((l) => l.text)).toEqual(['a', 'x', 'c', 'd', 'y', 'f', 'g']);
  });

  it('treats CRLF and LF alike and ignores a final newline', () => {
    expect(lineDiff('a\r\nb\r\n', 'a\nb')).toEqual([
      { op: 'same', text: 'a' },
      { op: 'same', text: 'b' },
    ]);
  });

  it('stays within bounds on large texts', () => {
    const before = Array.from({ length: 5000 }, (_, i) => `regel ${i}`).join('\n');
    const after = Array.from({ length: 5000 }, (_, i) => (i % 2 === 0 ? `regel ${i}` : `nieuw ${i}`)).join('\n');
    const diff = lineDiff(before, after);
    expect(diff.filter((l) => l.op !== 'added')).toHaveLength(5000);
    expect(diff.filter((l) => l.op !== 'removed')).toHaveLength(5000);
  });
});
