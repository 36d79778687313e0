import { Paragraph } from '@utrecht/component-library-react';
import { useDeferredValue, useMemo } from 'react';
import { diffStats, lineDiff, type DiffLine } from '@rlp/web-ui/line-diff';
import { useI18n } from '../../i18n';

/** Unchanged lines shown around each change, so a change is read in its place. */
const CONTEXT = 2;

type Row = DiffLine | { op: 'gap'; skipped: number };

/** The changed lines with a little context; long unchanged stretches fold into one "… n lines" row. */
function withContext(diff: DiffLine[]): Row[] {
  const near = diff.map(() => false);
  diff.forEach((line, i) => {
    if (line.op === 'same') return;
    for (let j = Math.max(0, i - CONTEXT); j <= Math.min(diff.length - 1, i + CONTEXT); j++) near[j] = true;
  });
  const rows: Row[] = [];
  let skipped = 0;
  diff.forEach((line, i) => {
    if (near[i]) {
      if (skipped > 0) rows.push({ op: 'gap', skipped });
      skipped = 0;
      rows.push(line);
    } else skipped++;
  });
  if (skipped > 0 && rows.length > 0) rows.push({ op: 'gap', skipped });
  return rows;
}

/**
 * A line diff between two texts. Added and removed lines are told apart by a sign and a word
 * (read by screen readers), a removed line is also struck through: never by colour alone.
 */
export function DiffView({ before, after, id }: { before: string; after: string; id: string }) {
  const { t } = useI18n();
  // Typing in a long text stays fluid: the diff follows a moment later.
  const deferredAfter = useDeferredValue(after);
  const diff = useMemo(() => lineDiff(before, deferredAfter), [before, deferredAfter]);
  const stats = diffStats(diff);
  if (stats.added === 0 && stats.removed === 0) {
    return (
      <Paragraph id={id} className="rlp-beheer-diff-none">
        {t('bh_diffNone')}
      </Paragraph>
    );
  }
  const rows = withContext(diff);
  return (
    <div id={id}>
      <Paragraph>
        <strong>
          {stats.added} {stats.added === 1 ? t('bh_diffLineAdded') : t('bh_diffLinesAdded')}, {stats.removed} {stats.removed === 1 ? t('bh_diffLineRemoved') : t('bh_diffLinesRemoved')}
        </strong>
        <span className="rlp-beheer-legend" aria-hidden="true">
          <span className="rlp-beheer-sign rlp-beheer-sign--added">+</span> {t('bh_diffAdded')} <span className="rlp-beheer-sign rlp-beheer-sign--removed">−</span> {t('bh_diffRemoved')}
        </span>
      </Paragraph>
      <ol className="rlp-beheer-diff" aria-label={t('bh_diffListLabel')}>
        {rows.map((row, i) =>
          row.op === 'gap' ? (
            <li key={i} className="rlp-beheer-diff__gap">
              … {row.skipped} {row.skipped === 1 ? t('bh_diffLineUnchanged') : t('bh_diffLinesUnchanged')}
            </li>
          ) : (
            <li key={i} className={`rlp-beheer-diff__${row.op}`}>
              <span className="rlp-beheer-diff__sign" aria-hidden="true">
                {row.op === 'added' ? '+' : row.op === 'removed' ? '−' : ' '}
              </span>
              {row.op === 'same' ? null : <span className="rlp-visually-hidden">{row.op === 'added' ? t('bh_diffAdded') : t('bh_diffRemoved')}: </span>}
              {row.op === 'removed' ? <del>{row.text || ' '}</del> : row.op === 'added' ? <ins>{row.text || ' '}</ins> : <span>{row.text || ' '}</span>}
            </li>
          ),
        )}
      </ol>
    </div>
  );
}
