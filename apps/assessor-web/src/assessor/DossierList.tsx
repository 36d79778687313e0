import { Button, ButtonGroup, Heading1, Paragraph, Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { ErrorBox, Loading } from '@rlp/web-ui/status';
import { useI18n, type TextKey } from '../i18n';
import { getJson, nextStep, nextStepPath, useMyDossiers, type AssessorDossier } from './model';

/** The booked interview's start, for a dossier whose interview is planned. */
function InterviewDate({ id }: { id: string }) {
  const { t, dateTime } = useI18n();
  const slots = useQuery({ queryKey: ['assessor-slots', id], queryFn: () => getJson<{ booking: { startsAt: string } | null }>(`/assessments/${id}/slots`) });
  const at = slots.data?.booking?.startsAt;
  return at ? (
    <li>
      <strong>{t('interviewOn')}:</strong> {dateTime(at)}
    </li>
  ) : null;
}

function Row({ d }: { d: AssessorDossier }) {
  const { t, pick, date } = useI18n();
  const step = nextStep(d);
  return (
    <TableRow>
      <TableHeaderCell scope="row">
        <Link to={`/dossiers/${d.portfolioId}`} aria-label={`${t('openDossierOf')} ${d.candidate.name}`}>
          {d.candidate.name}
        </Link>
        {d.candidate.organisation ? <div className="rlp-hint">{d.candidate.organisation}</div> : null}
      </TableHeaderCell>
      <TableCell>{d.stage ? pick(d.stage) : d.status}</TableCell>
      <TableCell>
        <ul className="rlp-plain-list">
          <li>
            <strong>{t('assignedOn')}:</strong> {date(d.assignedAt)}
          </li>
          {d.submittedAt ? (
            <li>
              <strong>{t('submittedOn')}:</strong> {date(d.submittedAt)}
            </li>
          ) : null}
          {d.ownScoringSubmittedAt ? (
            <li>
              <strong>{t('myScoringSubmittedOn')}:</strong> {date(d.ownScoringSubmittedAt)}
            </li>
          ) : null}
          {d.status === 'interview_planned' && d.independenceDeclaredAt ? <InterviewDate id={d.portfolioId} /> : null}
        </ul>
      </TableCell>
      <TableCell>{step === 'none' ? t('next_none') : <Link to={nextStepPath(d.portfolioId, step)}>{t(`next_${step}` as TextKey)}</Link>}</TableCell>
    </TableRow>
  );
}

/** My dossiers: every dossier assigned to me, its stage, its dates and what I must do next; paged ("Meer tonen"). */
export function DossierList() {
  const { t } = useI18n();
  const dossiers = useMyDossiers();
  const rows = dossiers.data?.pages.flatMap((page) => page.dossiers);
  return (
    <>
      <Heading1>{t('dossiersTitle')}</Heading1>
      <Paragraph>{t('dossiersIntro')}</Paragraph>
      {dossiers.isLoading ? <Loading /> : null}
      {dossiers.error ? <ErrorBox error={dossiers.error} retry={() => void dossiers.refetch()} /> : null}
      {rows && rows.length === 0 ? <Paragraph>{t('dossiersEmpty')}</Paragraph> : null}
      {rows && rows.length > 0 ? (
        <div className="rlp-table-scroll">
          <Table className="rlp-office-table">
            <TableCaption className="rlp-visually-hidden">{t('dossiersCaption')}</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t('colCandidate')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('colStage')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('colDates')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('colNext')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {rows.map((d) => (
                <Row key={d.portfolioId} d={d} />
              ))}
            </TableBody>
          </Table>
        </div>
      ) : null}
      {dossiers.hasNextPage ? (
        <ButtonGroup>
          <Button appearance="secondary-action-button" busy={dossiers.isFetchingNextPage} disabled={dossiers.isFetchingNextPage} onClick={() => void dossiers.fetchNextPage()} data-testid="my-dossiers-more">
            {`${t('dossiersMore')} (${rows?.length ?? 0})`}
          </Button>
        </ButtonGroup>
      ) : null}
    </>
  );
}
