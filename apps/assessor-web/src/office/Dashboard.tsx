import { Button, ButtonGroup, Heading1, Paragraph, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { Link, useSearchParams } from 'react-router';
import { ErrorBox, Loading } from '@rlp/web-ui/status';
import { daysSince, STAGES, stageOf, useDossiers, type Stage } from './model';
import { ScoringProgressText, useDays, useOfficeI18n } from './ui';

const isStage = (s: string | null): s is Stage => s !== null && (STAGES as readonly string[]).includes(s);

/**
 * The office's dashboard (/bureau): every submitted dossier by stage, with the count per stage and
 * how long each has waited since submission; `?fase=` shows one stage. Per dossier the assessors'
 * progress (not started / in progress / submitted, since when), never what they scored. The API
 * pages the list (ADR 0027): the first page and "Meer tonen" for the next.
 */
export function Dashboard() {
  const { t, tk, date } = useOfficeI18n();
  const days = useDays();
  const [params] = useSearchParams();
  const fase = params.get('fase');
  const stage = isStage(fase) ? fase : null;
  const dossiers = useDossiers(stage);
  if (dossiers.isLoading) return <Loading />;
  if (dossiers.error) return <ErrorBox error={dossiers.error} retry={() => void dossiers.refetch()} />;
  // The server filters, sorts (longest waiting first) and pages; counts per stage come with the first page.
  const shown = (dossiers.data?.pages ?? []).flatMap((page) => page.dossiers).map((d) => ({ ...d, stage: stageOf(d), waited: d.status === 'decided' ? null : daysSince(d.submittedAt) }));
  const counts = dossiers.data?.pages[0]?.stageCounts ?? null;
  const count = (s: Stage) => counts?.[s] ?? 0;
  const total = STAGES.reduce((n, s) => n + count(s), 0);
  const inStage = stage ? count(stage) : total;
  return (
    <>
      <Heading1>{t('dashboardTitle')}</Heading1>
      <Paragraph>{t('ofDashIntro')}</Paragraph>
      <nav aria-label={t('ofStages')}>
        <ul className="rlp-stages">
          <li>
            <Link to="/bureau" className="rlp-stage" aria-current={stage === null ? 'page' : undefined} data-testid="stage-all">
              <span className="rlp-stage__count">{total}</span>
              <span className="rlp-stage__label">{t('ofAllStages')}</span>
            </Link>
          </li>
          {STAGES.map((s) => (
            <li key={s}>
              <Link to={`/bureau?fase=${s}`} className="rlp-stage" aria-current={stage === s ? 'page' : undefined} data-testid={`stage-${s}`}>
                <span className="rlp-stage__count">{count(s)}</span>
                <span className="rlp-stage__label">{tk(`ofStage_${s}`)}</span>
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <Paragraph className="rlp-hint" aria-live="polite">
        {t('ofShown')}: {stage ? tk(`ofStage_${stage}`) : t('ofAllStages')} ({shown.length < inStage ? `${shown.length} ${t('ofShownOf')} ${inStage}` : shown.length})
      </Paragraph>
      {shown.length === 0 ? (
        <Paragraph>{t('ofNoDossiers')}</Paragraph>
      ) : (
        <div className="rlp-table-scroll">
          <Table className="rlp-office-table" data-testid="dossier-table">
            <caption className="rlp-visually-hidden">{t('ofDossierTable')}</caption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t('ofCandidate')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('ofStage')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('ofSubmitted')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('ofWaited')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('ofAssessors')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {shown.map((d) => (
                <TableRow key={d.portfolioId} data-testid="dossier-row">
                  <TableCell>
                    <Link to={`/bureau/dossiers/${d.portfolioId}`}>{d.candidateName}</Link>
                  </TableCell>
                  <TableCell>
                    <span className="rlp-stage-name">{tk(`ofStage_${d.stage}`)}</span>
                    <span className="rlp-hint rlp-block">{tk(`ofStatus_${d.status}`, d.status)}</span>
                  </TableCell>
                  <TableCell>{date(d.submittedAt)}</TableCell>
                  <TableCell className="rlp-num" data-testid="waited">
                    {days(d.waited)}
                  </TableCell>
                  <TableCell>
                    {d.assessors && d.assessors.length > 0 ? (
                      <ul className="rlp-plain-list">
                        {d.assessors.map((a) => (
                          <li key={a.assessorId}>
                            <strong>{a.assessorName}</strong> <ScoringProgressText scoring={a.scoring} />
                          </li>
                        ))}
                      </ul>
                    ) : (
                      <span>
                        {d.activeAssessors === 0 ? t('ofNoAssessorsYet') : `${d.activeAssessors} / 2`}
                      </span>
                    )}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
      {dossiers.hasNextPage ? (
        <ButtonGroup>
          <Button appearance="secondary-action-button" busy={dossiers.isFetchingNextPage} disabled={dossiers.isFetchingNextPage} onClick={() => void dossiers.fetchNextPage()} data-testid="dossiers-more">
            {`${t('ofMore')} (${shown.length} / ${inStage})`}
          </Button>
        </ButtonGroup>
      ) : null}
    </>
  );
}
