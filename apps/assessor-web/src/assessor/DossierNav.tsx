import { Link, useLocation } from 'react-router';
import { useI18n, type TextKey } from '../i18n';
import { useDossier, type AssessorDossier, type Stage } from './model';

const AFTER_JUDGEMENT: readonly Stage[] = ['judged', 'interview_planned', 'interview_held', 'decided'];
const AFTER_PLANNING: readonly Stage[] = ['interview_planned', 'interview_held', 'decided'];

/** The pages of a dossier the assessor may open now: only what the stage (and the own state) allows. */
export function dossierPages(id: string, d: AssessorDossier | undefined): Array<{ to: string; label: TextKey }> {
  const base = `/dossiers/${id}`;
  const pages: Array<{ to: string; label: TextKey }> = [{ to: base, label: 'navOverview' }];
  if (!d?.independenceDeclaredAt) return pages;
  pages.push({ to: `${base}/portfolio`, label: 'navPortfolio' }, { to: `${base}/beoordeling`, label: 'navScoring' });
  // Blind: nothing about the co-assessor decides what shows here, only my own submission and the stage.
  if (d.ownScoringSubmittedAt) pages.push({ to: `${base}/vergelijking`, label: 'navComparison' }, { to: `${base}/oordeel`, label: 'navJudgement' });
  if (AFTER_JUDGEMENT.includes(d.status)) pages.push({ to: `${base}/gesprek`, label: 'navInterview' });
  if (AFTER_PLANNING.includes(d.status)) pages.push({ to: `${base}/verslag`, label: 'navRecord' });
  return pages;
}

/**
 * The local navigation of one dossier (overview, portfolio, my scoring, and — when the stage allows —
 * comparison, joint judgement, interview and record). Reusable by every page of a dossier: it
 * fetches the dossier itself (`GET /assessments/:id`).
 */
export function DossierNav({ id }: { id: string }) {
  const { t } = useI18n();
  const { pathname } = useLocation();
  const dossier = useDossier(id);
  const pages = dossierPages(id, dossier.data);
  return (
    <nav className="rlp-subnav" aria-label={t('dossierNav')}>
      <ul>
        {pages.map((p) => {
          const current = pathname === p.to || pathname === `${p.to}/`;
          return (
            <li key={p.to}>
              <Link to={p.to} className={current ? 'active' : undefined} aria-current={current ? 'page' : undefined}>
                {t(p.label)}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

/** "Mijn dossiers › Dossier van <name>" above a dossier page's heading. */
export function DossierBreadcrumb({ id, here }: { id: string; here?: string }) {
  const { t } = useI18n();
  const dossier = useDossier(id);
  const name = dossier.data?.candidate.name;
  return (
    <p className="rlp-breadcrumb">
      <Link to="/dossiers">{t('backToDossiers')}</Link>
      {name ? (
        <>
          {' › '}
          {here ? <Link to={`/dossiers/${id}`}>{`${t('dossierOf')} ${name}`}</Link> : `${t('dossierOf')} ${name}`}
        </>
      ) : null}
      {here ? ` › ${here}` : null}
    </p>
  );
}
