import { checkText } from './check-text';
import { PRIVACY_KINDS, type PrivacyHit, type PrivacyKind } from './privacy.types';

/** One annotated text of the corpus (libs/privacy/corpus/case-texts.json). */
export interface CorpusEntry {
  readonly id: string;
  readonly text: string;
  /** The identifying spans, in order of appearance; located in the text by their exact wording. */
  readonly spans: ReadonlyArray<{ readonly kind: PrivacyKind; readonly text: string }>;
  readonly allow?: readonly string[];
}

export interface KindScore {
  /** Annotated spans of this kind. */
  readonly expected: number;
  /** Hits of this kind the check reported. */
  readonly reported: number;
  /** Reported hits that overlap an annotated span of the same kind. */
  readonly truePositives: number;
  /** … of which with exactly the annotated start and end. */
  readonly exact: number;
  /** Annotated spans found (overlapped by a hit of the same kind). */
  readonly found: number;
  /** truePositives / reported (1 when nothing was reported). */
  readonly precision: number;
  /** found / expected (1 when nothing was expected). */
  readonly recall: number;
}

export interface CorpusScore {
  readonly perKind: Readonly<Record<PrivacyKind, KindScore>>;
  readonly total: KindScore;
  /** What went wrong, for reading: hits nobody annotated and annotations nothing found. */
  readonly falsePositives: ReadonlyArray<{ id: string; kind: PrivacyKind; text: string }>;
  readonly falseNegatives: ReadonlyArray<{ id: string; kind: PrivacyKind; text: string }>;
}

interface Located {
  kind: PrivacyKind;
  start: number;
  end: number;
  text: string;
}

function locate(entry: CorpusEntry): Located[] {
  let from = 0;
  return entry.spans.map((s) => {
    const start = entry.text.indexOf(s.text, from);
    if (start < 0) throw new Error(`corpus entry ${entry.id}: "${s.text}" is not in the text (after offset ${from})`);
    from = start + s.text.length;
    return { kind: s.kind, start, end: start + s.text.length, text: s.text };
  });
}

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && b.start < a.end;

/** Precision and recall per kind of the privacy check over an annotated corpus. */
export function scoreCorpus(entries: readonly CorpusEntry[], referenceYear: number): CorpusScore {
  const counts = Object.fromEntries(PRIVACY_KINDS.map((k) => [k, { expected: 0, reported: 0, truePositives: 0, exact: 0, found: 0 }])) as Record<PrivacyKind, { expected: number; reported: number; truePositives: number; exact: number; found: number }>;
  const falsePositives: Array<{ id: string; kind: PrivacyKind; text: string }> = [];
  const falseNegatives: Array<{ id: string; kind: PrivacyKind; text: string }> = [];
  for (const entry of entries) {
    const expected = locate(entry);
    const hits: PrivacyHit[] = checkText(entry.text, { referenceYear, allow: entry.allow ?? [] });
    for (const e of expected) {
      counts[e.kind].expected++;
      if (hits.some((h) => h.kind === e.kind && overlaps(h, e))) counts[e.kind].found++;
      else falseNegatives.push({ id: entry.id, kind: e.kind, text: e.text });
    }
    for (const h of hits) {
      counts[h.kind].reported++;
      const match = expected.find((e) => e.kind === h.kind && overlaps(h, e));
      if (match) {
        counts[h.kind].truePositives++;
        if (match.start === h.start && match.end === h.end) counts[h.kind].exact++;
      } else falsePositives.push({ id: entry.id, kind: h.kind, text: h.text });
    }
  }
  const score = (c: { expected: number; reported: number; truePositives: number; exact: number; found: number }): KindScore => ({
    ...c,
    precision: c.reported === 0 ? 1 : c.truePositives / c.reported,
    recall: c.expected === 0 ? 1 : c.found / c.expected,
  });
  const sum = PRIVACY_KINDS.reduce(
    (acc, k) => ({
      expected: acc.expected + counts[k].expected,
      reported: acc.reported + counts[k].reported,
      truePositives: acc.truePositives + counts[k].truePositives,
      exact: acc.exact + counts[k].exact,
      found: acc.found + counts[k].found,
    }),
    { expected: 0, reported: 0, truePositives: 0, exact: 0, found: 0 },
  );
  return {
    perKind: Object.fromEntries(PRIVACY_KINDS.map((k) => [k, score(counts[k])])) as Record<PrivacyKind, KindScore>,
    total: score(sum),
    falsePositives,
    falseNegatives,
  };
}

/** The scores as a Markdown table (for docs/privacy-check.md and the benchmark's output). */
export function scoreTable(score: CorpusScore): string {
  const pct = (x: number) => `${(x * 100).toFixed(0)} %`;
  const row = (name: string, s: KindScore) => `| ${name} | ${s.expected} | ${s.reported} | ${s.truePositives} (${s.exact} exact) | ${pct(s.precision)} | ${pct(s.recall)} |`;
  return [
    '| kind | annotated | reported | correct | precision | recall |',
    '|---|---:|---:|---:|---:|---:|',
    ...PRIVACY_KINDS.map((k) => row(k, score.perKind[k])),
    row('**all**', score.total),
  ].join('\n');
}
