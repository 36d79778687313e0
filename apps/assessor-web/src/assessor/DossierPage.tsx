import { Alert, Button, FormField, FormFieldDescription, FormFieldErrorMessage, FormLabel, Heading1, Heading2, Paragraph, Textarea } from '@utrecht/component-library-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { RouterButtonLink } from '@rlp/web-ui/links';
import { ErrorBox, Loading } from '@rlp/web-ui/status';
import { ApiError } from '../api/client';
import { useI18n, type TextKey } from '../i18n';
import { DossierBreadcrumb, DossierNav } from './DossierNav';
import { dossierKey, nextStep, nextStepPath, postJson, useDossier, type AssessorDossier } from './model';

function Facts({ d }: { d: AssessorDossier }) {
  const { t, pick, date } = useI18n();
  return (
    <dl className="rlp-facts">
      <dt>{t('candidate')}</dt>
      <dd>{d.candidate.name}</dd>
      <dt>{t('organisation')}</dt>
      <dd>{d.candidate.organisation ?? <span className="rlp-hint">{t('noOrganisation')}</span>}</dd>
      <dt>{t('stage')}</dt>
      <dd>{d.stage ? pick(d.stage) : d.status}</dd>
      <dt>{t('assignedOn')}</dt>
      <dd>{date(d.assignedAt)}</dd>
      {d.submittedAt ? (
        <>
          <dt>{t('submittedOn')}</dt>
          <dd>{date(d.submittedAt)}</dd>
        </>
      ) : null}
      {d.independenceDeclaredAt ? (
        <>
          <dt>{t('independenceDeclared')}</dt>
          <dd>{date(d.independenceDeclaredAt)}</dd>
        </>
      ) : null}
      {d.ownScoringSubmittedAt ? (
        <>
          <dt>{t('myScoringSubmittedOn')}</dt>
          <dd>{date(d.ownScoringSubmittedAt)}</dd>
        </>
      ) : null}
    </dl>
  );
}

/** Independence first: declare it (with an optional statement), or decline with a reason. */
function Independence({ d, onDeclined }: { d: AssessorDossier; onDeclined: () => void }) {
  const { t } = useI18n();
  const client = useQueryClient();
  const id = d.portfolioId;
  const [statement, setStatement] = useState('');
  const [reason, setReason] = useState('');
  const [reasonMissing, setReasonMissing] = useState(false);
  const declare = useMutation({
    mutationFn: () => postJson(`/assessments/${id}/independence`, { independent: true, ...(statement.trim() ? { statement: statement.trim() } : {}) }),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: dossierKey(id) });
      await client.invalidateQueries({ queryKey: ['assessor-dossiers'] });
    },
  });
  const decline = useMutation({
    mutationFn: () => postJson(`/assessments/${id}/decline`, { reason: reason.trim() }),
    onSuccess: () => {
      onDeclined();
      client.removeQueries({ queryKey: dossierKey(id) });
      void client.invalidateQueries({ queryKey: ['assessor-dossiers'] });
    },
  });
  const submitDecline = (e: FormEvent) => {
    e.preventDefault();
    if (!reason.trim()) {
      setReasonMissing(true);
      document.getElementById('decline-reason')?.focus();
      return;
    }
    setReasonMissing(false);
    decline.mutate();
  };
  const serverReasonProblem = decline.error instanceof ApiError && decline.error.status === 400;
  const reasonInvalid = reasonMissing || serverReasonProblem;
  return (
    <>
      <section className="rlp-card" aria-labelledby="independence-title">
        <Heading2 id="independence-title">{t('independenceTitle')}</Heading2>
        <Paragraph>{t('independenceIntro')}</Paragraph>
        <Paragraph>{t('independenceMeans')}</Paragraph>
        <ul>
          <li>{t('independence1')}</li>
          <li>{t('independence2')}</li>
          <li>{t('independence3')}</li>
          <li>{t('independence4')}</li>
        </ul>
        <Paragraph>{t('independenceDoubt')}</Paragraph>
        <Alert type="info">
          <Paragraph>{t('portfolioLocked')}</Paragraph>
        </Alert>
        <form
          className="rlp-form"
          onSubmit={(e) => {
            e.preventDefault();
            declare.mutate();
          }}
        >
          <FormField type="text">
            <FormLabel htmlFor="independence-statement">{t('statementLabel')}</FormLabel>
            <FormFieldDescription id="independence-statement-hint">{t('statementHint')}</FormFieldDescription>
            <Textarea id="independence-statement" rows={3} maxLength={2000} value={statement} aria-describedby="independence-statement-hint" onChange={(e) => setStatement(e.target.value)} />
          </FormField>
          {declare.error ? <ErrorBox error={declare.error} /> : null}
          <div className="rlp-actions">
            <Button type="submit" appearance="primary-action-button" disabled={declare.isPending}>
              {t('declare')}
            </Button>
          </div>
        </form>
      </section>
      <section className="rlp-card" aria-labelledby="decline-title">
        <Heading2 id="decline-title">{t('declineTitle')}</Heading2>
        <Paragraph>{t('declineIntro')}</Paragraph>
        <form className="rlp-form" onSubmit={submitDecline} noValidate>
          <FormField type="text" invalid={reasonInvalid}>
            <FormLabel htmlFor="decline-reason">{t('declineReason')}</FormLabel>
            {reasonInvalid ? (
              <FormFieldErrorMessage id="decline-reason-error" role="alert">
                {t('declineReasonRequired')}
              </FormFieldErrorMessage>
            ) : null}
            <Textarea id="decline-reason" rows={3} maxLength={2000} required invalid={reasonInvalid} aria-invalid={reasonInvalid || undefined} aria-describedby={reasonInvalid ? 'decline-reason-error' : undefined} value={reason} onChange={(e) => setReason(e.target.value)} />
          </FormField>
          {decline.error && !serverReasonProblem ? <ErrorBox error={decline.error} /> : null}
          <div className="rlp-actions">
            <Button type="submit" appearance="secondary-action-button" disabled={decline.isPending}>
              {t('decline')}
            </Button>
          </div>
        </form>
      </section>
    </>
  );
}

/** One assigned dossier: the independence declaration first, then its overview and sub-navigation. */
export function DossierPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const [declined, setDeclined] = useState(false);
  const dossier = useDossier(id);
  if (declined) {
    return (
      <>
        <Heading1>{t('declineTitle')}</Heading1>
        <Alert type="ok" role="status">
          <Paragraph>{t('declined')}</Paragraph>
        </Alert>
        <Paragraph>
          <Link to="/dossiers">{t('backToDossiers')}</Link>
        </Paragraph>
      </>
    );
  }
  if (dossier.isLoading) return <Loading />;
  if (!dossier.data) return <ErrorBox error={dossier.error} retry={() => void dossier.refetch()} />;
  const d = dossier.data;
  const step = nextStep(d);
  return (
    <>
      <DossierBreadcrumb id={id} />
      <Heading1>{`${t('dossierOf')} ${d.candidate.name}`}</Heading1>
      <DossierNav id={id} />
      <Facts d={d} />
      {d.independenceDeclaredAt ? (
        <section className="rlp-card" aria-labelledby="next-title">
          <Heading2 id="next-title">{t('nextStep')}</Heading2>
          <Paragraph>{t(`next_${step}` as TextKey)}</Paragraph>
          <div className="rlp-actions">
            {step !== 'none' ? <RouterButtonLink to={nextStepPath(id, step)}>{t(`next_${step}` as TextKey)}</RouterButtonLink> : null}
            <RouterButtonLink to={`/dossiers/${id}/portfolio`} appearance="secondary">
              {t('toPortfolio')}
            </RouterButtonLink>
          </div>
        </section>
      ) : (
        <Independence d={d} onDeclined={() => setDeclined(true)} />
      )}
    </>
  );
}
