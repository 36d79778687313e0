import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { scoreCorpus, scoreTable, type CorpusEntry } from './corpus-metrics';
import { PRIVACY_KINDS } from './privacy.types';

beforeEach(() => expect.hasAssertions());

/**
 * Precision and recall of the check on the annotated corpus (libs/privacy/corpus). The floors
 * are below today's figures (docs/privacy-check.md) so that a change that makes the check worse
 * fails here; they are not the figures themselves.
 */
function load(name: string): { entries: CorpusEntry[]; referenceYear: number } {
  return JSON.parse(readFileSync(join(__dirname, '../corpus', name), 'utf8')) as { entries: CorpusEntry[]; referenceYear: number };
}

describe('the annotated corpus', () => {
  const tuning = load('case-texts.json');
  const heldOut = load('case-texts-heldout.json');

  it('holds every kind, hard negatives, and only spans that are in their text', () => {
    for (const corpus of [tuning, heldOut]) expect(() => scoreCorpus(corpus.entries, corpus.referenceYear)).not.toThrow();
    const kinds = new Set(tuning.entries.flatMap((e) => e.spans.map((s) => s.kind)));
    expect([...kinds].sort()).toEqual([...PRIVACY_KINDS].sort());
    expect(tuning.entries.filter((e) => e.spans.length === 0).length).toBeGreaterThanOrEqual(20);
    expect(new Set([...tuning.entries, ...heldOut.entries].map((e) => e.id)).size).toBe(tuning.entries.length + heldOut.entries.length);
  });

  it('the tuning part: every kind at least 90 % precision and recall', () => {
    const score = scoreCorpus(tuning.entries, tuning.referenceYear);
    for (const kind of PRIVACY_KINDS) {
      expect({ kind, precision: score.perKind[kind].precision >= 0.9, recall: score.perKind[kind].recall >= 0.9 }).toEqual({ kind, precision: true, recall: true });
    }
  });

  it('the held-out part: at least 80 % precision and recall over all kinds', () => {
    const score = scoreCorpus(heldOut.entries, heldOut.referenceYear);
    expect(score.total.precision).toBeGreaterThanOrEqual(0.8);
    expect(score.total.recall).toBeGreaterThanOrEqual(0.8);
  });

  it('scores what it should: a missed span lowers recall, an extra hit lowers precision', () => {
    const score = scoreCorpus(
      [
        { id: 'x1', text: 'Bel 06-12345678 of mail a@b.nl.', spans: [{ kind: 'phone', text: '06-12345678' }] },
        { id: 'x2', text: 'Cliënt Sanne (gefingeerd).', spans: [{ kind: 'personName', text: 'Sanne' }] },
      ],
      2026,
    );
    expect(score.perKind.phone).toMatchObject({ expected: 1, reported: 1, truePositives: 1, exact: 1, precision: 1, recall: 1 });
    expect(score.perKind.email).toMatchObject({ expected: 0, reported: 1, truePositives: 0, precision: 0, recall: 1 });
    expect(score.perKind.personName).toMatchObject({ expected: 1, found: 0, recall: 0 });
    expect(score.falseNegatives).toEqual([{ id: 'x2', kind: 'personName', text: 'Sanne' }]);
    expect(scoreTable(score)).toContain('| email | 0 | 1 | 0 (0 exact) | 0 % | 100 % |');
  });
});
