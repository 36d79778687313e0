import { Alert, Heading1, Heading2, Paragraph, Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { Link, Navigate, useParams } from 'react-router';
import type { Completeness } from '../api/types';
import { useI18n } from '../i18n';
import { useCompleteness, usePortfolio } from '../queries';
import { SECTIONS } from '../sections';
import { RouterButtonLink } from '@rlp/web-ui/links';
import { FindingList, PartProgressList } from '../ui/progress';
import { ErrorBox, Loading } from '@rlp/web-ui/status';
import { PrivacySummary } from '../privacy';

export default function PortfolioPage() {
  const { id = '' } = useParams();
  const { t, lang } = useI18n();
  const portfolio = usePortfolio(id);
  const report = useCompleteness(id);
  if (portfolio.isLoading) return <Loading />;
  if (portfolio.error) return <ErrorBox error={portfolio.error} retry={() => void portfolio.refetch()} />;
  if (portfolio.data && portfolio.data.status !== 'draft') return <Navigate to={`/dossier/${id}`} replace />;
  const blocking = report.data?.findings.filter((f) => f.severity === 'blocking') ?? [];
  const warnings = report.data?.findings.filter((f) => f.severity === 'warning') ?? [];
  return (
    <>
      <Heading1>{lang === 'nl' ? 'Je portfolio' : 'Your portfolio'}</Heading1>
      <div className="rlp-columns">
        <div>
          <nav aria-label={t('partsNav')}>
            <Heading2>{t('parts')}</Heading2>
            <ol className="rlp-section-list">
              {SECTIONS.map((s) => (
                <li key={s.key}>
                  <Link to={`/portfolio/${id}/${s.slug}`}>{sectionTitle(s.key, lang)}</Link>
                </li>
              ))}
            </ol>
          </nav>
          <Paragraph className="rlp-actions">
            <a className="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--secondary-action" href={`/portfolios/${id}/preview.pdf`} target="_blank" rel="noopener">
              {t('previewPdf')}
            </a>{' '}
            <RouterButtonLink to={`/portfolio/${id}/indienen`}>{t('submitTitle')}</RouterButtonLink>
          </Paragraph>
          <PrivacySummary portfolioId={id} sectionTitle={(key) => sectionTitle(key, lang)} />
        </div>
        <div>
          <Heading2>{t('progress')}</Heading2>
          {report.isLoading ? <Loading /> : null}
          {report.error ? <ErrorBox error={report.error} retry={() => void report.refetch()} /> : null}
          {report.data ? (
            <>
              <PartProgressList report={report.data} portfolioId={id} />
              <Heading2>{t('checklist')}</Heading2>
              {blocking.length === 0 ? (
                <Alert type="ok">
                  <Paragraph>{t('nothingMissing')}</Paragraph>
                </Alert>
              ) : (
                <FindingList findings={blocking} portfolioId={id} />
              )}
              {warnings.length > 0 ? (
                <>
                  <Heading2>{t('warnings')}</Heading2>
                  <FindingList findings={warnings} portfolioId={id} />
                </>
              ) : null}
              <TaskMatrix report={report.data} portfolioId={id} />
            </>
          ) : null}
        </div>
      </div>
    </>
  );
}

export function sectionTitle(key: string, lang: 'nl' | 'en'): string {
  const titles: Record<string, [string, string]> = {
    education: ['A. Opleiding', 'A. Education'],
    workExperience: ['B.1 Werkervaring', 'B.1 Work experience'],
    cvAndMotivation: ['B.2 Curriculum vitae en motivatie', 'B.2 CV and motivation'],
    'case-1': ['C. Casus 1', 'C. Case 1'],
    'case-2': ['C. Casus 2', 'C. Case 2'],
    developmentPlan: ['D. Ontwikkelplan', 'D. Development plan'],
    declarations: ['E. Verklaringen', 'E. Declarations'],
  };
  return titles[key]?.[lang === 'nl' ? 0 : 1] ?? key;
}

export function TaskMatrix({ report, portfolioId }: { report: Completeness; portfolioId: string }) {
  const { t } = useI18n();
  const label = (status: string) => (status === 'described' ? t('described') : status === 'not_relevant' ? t('notRelevant') : t('missing'));
  return (
    <Table className="rlp-matrix">
      <TableCaption>{t('taskMatrix')}</TableCaption>
      <TableHeader>
        <TableRow>
          <TableHeaderCell scope="col">{t('task')}</TableHeaderCell>
          <TableHeaderCell scope="col">{t('case1')}</TableHeaderCell>
          <TableHeaderCell scope="col">{t('case2')}</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {report.progress.taskCoverage.map((row) => (
          <TableRow key={row.task}>
            <TableHeaderCell scope="row">{row.task}</TableHeaderCell>
            {[0, 1].map((i) => {
              const cell = row.cells.find((c) => c.caseIndex === i);
              const status = cell?.status ?? 'missing';
              return (
                <TableCell key={i} className={`rlp-cell rlp-cell--${status}`}>
                  <Link to={`/portfolio/${portfolioId}/casus-${i + 1}#veld-tasks-${row.task}`}>{label(status)}</Link>
                </TableCell>
              );
            })}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
