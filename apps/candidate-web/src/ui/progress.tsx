import { Link } from 'react-router';
import { PARTS, type Completeness, type Finding, type Part } from '../api/types';
import { useI18n } from '../i18n';
import { fieldId } from '../forms/SchemaForm';
import { localPointer, SECTIONS } from '../sections';

const PART_TITLES: Record<Part, [string, string]> = {
  A: ['A. Opleiding', 'A. Education'],
  B1: ['B.1 Werkervaring', 'B.1 Work experience'],
  B2: ['B.2 Curriculum vitae en motivatie', 'B.2 CV and motivation'],
  C: ['C. Casusbeschrijvingen', 'C. Case descriptions'],
  D: ['D. Ontwikkelplan', 'D. Development plan'],
  E: ['E. Verklaringen', 'E. Declarations'],
};

export function partTitle(part: Part, lang: 'nl' | 'en'): string {
  return PART_TITLES[part][lang === 'nl' ? 0 : 1];
}

/** Where a finding sends the candidate: the section's page, scrolled to the field. */
export function findingHref(portfolioId: string, f: Finding): string {
  const local = localPointer(f.path);
  const section = local?.section ?? SECTIONS.find((s) => s.key === f.section) ?? SECTIONS.find((s) => s.part === f.part);
  if (!section) return `/portfolio/${portfolioId}`;
  return `/portfolio/${portfolioId}/${section.slug}${local && local.pointer ? `#${fieldId(local.pointer)}` : ''}`;
}

export function PartProgressList({ report, portfolioId }: { report: Completeness; portfolioId: string }) {
  const { lang } = useI18n();
  return (
    <ul className="rlp-parts">
      {PARTS.map((part) => {
        const p = report.progress.parts[part];
        const complete = p.done === p.total;
        const first = SECTIONS.find((s) => s.part === part)!;
        return (
          <li key={part} className={complete ? 'rlp-parts__item rlp-parts__item--done' : 'rlp-parts__item'}>
            <Link to={`/portfolio/${portfolioId}/${first.slug}`}>{partTitle(part, lang)}</Link>
            <span className="rlp-meter" role="img" aria-label={`${p.done} / ${p.total}`}>
              <span className="rlp-meter__bar" style={{ width: `${p.total ? Math.round((100 * p.done) / p.total) : 100}%` }} />
            </span>
            <span className="rlp-parts__count">
              {complete ? '✓ ' : ''}
              {p.done} / {p.total}
            </span>
          </li>
        );
      })}
    </ul>
  );
}

export function FindingList({ findings, portfolioId }: { findings: Finding[]; portfolioId: string }) {
  const { pick } = useI18n();
  return (
    <ul className="rlp-findings">
      {findings.map((f, i) => (
        <li key={`${f.code}-${f.path}-${i}`} className={f.severity === 'warning' ? 'rlp-findings__warning' : undefined}>
          <Link to={findingHref(portfolioId, f)}>{f.text ?? pick(f.message)}</Link>
        </li>
      ))}
    </ul>
  );
}
