import { Alert, Heading1, Heading2, Paragraph } from '@utrecht/component-library-react';
import { Link, useParams } from 'react-router';
import { ErrorBox, Loading } from '@rlp/web-ui/status';
import { AssignPanel, AssignmentsTable } from './Assigning';
import { DecisionPanel } from './Deciding';
import { Records } from './Records';
import { daysSince, stageOf, useDossier } from './model';
import { useDays, useOfficeI18n } from './ui';

/**
 * One dossier for the office (/bureau/dossiers/:id): its stage, the assessors and their progress,
 * assigning (conflicts of interest refused, declines with their reasons and a replacement), the
 * joint records and advice, and the decision with its letter and certificate.
 */
export function DossierDetail() {
  const { id = '' } = useParams();
  const { t, tk, date } = useOfficeI18n();
  const days = useDays();
  const dossier = useDossier(id);
  if (dossier.isLoading) return <Loading />;
  if (dossier.error) return <ErrorBox error={dossier.error} retry={() => void dossier.refetch()} />;
  const d = dossier.data!;
  const stage = stageOf(d);
  const declines = d.assignments.filter((a) => a.status === 'declined');
  const active = d.assignments.filter((a) => a.status === 'active');
  return (
    <>
      <Paragraph className="rlp-breadcrumb">
        <Link to="/bureau">{t('ofBack')}</Link>
      </Paragraph>
      <Heading1>
        {t('ofDossierOf')} {d.candidateName}
      </Heading1>
      <dl className="rlp-facts" data-testid="dossier-facts">
        <dt>{t('ofStage')}</dt>
        <dd>
          <strong data-testid="dossier-stage">{tk(`ofStage_${stage}`)}</strong>
          {tk(`ofStatus_${d.status}`, d.status) !== tk(`ofStage_${stage}`) ? <> — {tk(`ofStatus_${d.status}`, d.status)}</> : null}
        </dd>
        <dt>{t('ofSubmitted')}</dt>
        <dd>{date(d.submittedAt)}</dd>
        {d.status !== 'decided' ? (
          <>
            <dt>{t('ofWaited')}</dt>
            <dd>{days(daysSince(d.submittedAt))}</dd>
          </>
        ) : null}
        {d.previousPortfolioId ? (
          <>
            <dt>{t('ofPrevious')}</dt>
            <dd>
              <Link to={`/bureau/dossiers/${d.previousPortfolioId}`}>{t('ofDossierOf')} {d.candidateName}</Link>
            </dd>
          </>
        ) : null}
      </dl>

      <section aria-labelledby="assignments-title" className="rlp-card">
        <Heading2 id="assignments-title">{t('ofAssignments')}</Heading2>
        {d.assignments.length === 0 ? <Paragraph>{t('ofNoAssignments')}</Paragraph> : <AssignmentsTable assignments={d.assignments} />}
        {declines.length > 0 && active.length < 2 && d.status !== 'decided' ? (
          <Alert type="warning" data-testid="declines">
            {declines.map((a) => (
              <Paragraph key={a.id}>
                <strong>{a.assessorName}</strong> {t('ofDeclinedBy')} ({date(a.declinedAt)}). {t('ofReason')}: “{a.declineReason}”
              </Paragraph>
            ))}
            <Paragraph>{t('ofReplaceHint')}</Paragraph>
          </Alert>
        ) : null}
      </section>

      <AssignPanel dossier={d} />
      <Records dossier={d} />
      <DecisionPanel dossier={d} />
    </>
  );
}
