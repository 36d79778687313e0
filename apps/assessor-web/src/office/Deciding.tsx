import {
  Alert,
  Button,
  Fieldset,
  FieldsetLegend,
  FormField,
  FormFieldDescription,
  FormFieldErrorMessage,
  FormLabel,
  Heading2,
  Heading3,
  Paragraph,
  RadioButton,
  Textarea,
} from '@utrecht/component-library-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Fragment, useRef, useState, type FormEvent } from 'react';
import { useSession } from '@rlp/web-ui/session';
import { ApiError, api, must } from '../api/client';
import { ErrorBox, Loading } from '@rlp/web-ui/status';
import { CredentialPanel } from './CredentialPanel';
import { useEligible, type DecisionView, type DossierDetailView, type Outcome } from './model';
import { useOfficeI18n } from './ui';

const OUTCOMES: readonly Outcome[] = ['certified', 'not_certified', 'returned_for_supplement'];

/**
 * The decision on the assessors' advice: the form once the interview is held (never for an admin
 * who assessed the dossier or has a conflict of interest with the candidate: the page says why),
 * and after the decision the letter and certificate, previewed in the page and downloadable.
 */
export function DecisionPanel({ dossier: d }: { dossier: DossierDetailView }) {
  const { t } = useOfficeI18n();
  return (
    <section aria-labelledby="decision-title" className="rlp-card" data-testid="decision">
      <Heading2 id="decision-title">{t('ofDecision')}</Heading2>
      {d.decision ? <Decided id={d.portfolioId} decision={d.decision} /> : d.status === 'interview_held' ? <MayDecide dossier={d} /> : <Paragraph>{t('ofDecisionNotYet')}</Paragraph>}
    </section>
  );
}

/** Whether the logged-in admin may decide, and if so, the form. */
function MayDecide({ dossier: d }: { dossier: DossierDetailView }) {
  const { t, tk } = useOfficeI18n();
  const { account } = useSession();
  // The API refuses whoever was ever assigned (declined too); the eligible list names one's own conflicts.
  const assessed = d.assignments.some((a) => a.assessorId === account?.id);
  const eligible = useEligible(d.portfolioId, !assessed);
  if (assessed) {
    return (
      <Alert type="info" data-testid="decision-refused">
        <Paragraph>{t('ofAssessedSelf')}</Paragraph>
      </Alert>
    );
  }
  if (eligible.isLoading) return <Loading />;
  const conflicts = eligible.data?.find((e) => e.id === account?.id)?.conflicts ?? [];
  if (conflicts.length > 0) {
    return (
      <Alert type="info" data-testid="decision-refused">
        <Paragraph>
          {t('ofDeciderConflict')} ({conflicts.map((c) => tk(`ofConflict_${c}`)).join('; ')}): {t('ofDeciderConflictTail')}
        </Paragraph>
      </Alert>
    );
  }
  return <DecisionForm dossier={d} />;
}

function DecisionForm({ dossier: d }: { dossier: DossierDetailView }) {
  const { t, tk, message } = useOfficeI18n();
  const client = useQueryClient();
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [tried, setTried] = useState(false);
  const motivationRef = useRef<HTMLTextAreaElement>(null);
  const firstRadio = useRef<HTMLInputElement>(null);
  const [motivation, setMotivation] = useState('');
  const decide = useMutation({
    mutationFn: (body: { outcome: Outcome; motivation: string }) => must(api.POST('/admin/dossiers/{id}/decision', { params: { path: { id: d.portfolioId } }, body })),
    onSettled: () => void client.invalidateQueries({ queryKey: ['office'] }),
  });
  const outcomeMissing = tried && outcome === null;
  const motivationMissing = tried && motivation.trim() === '';
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (outcome === null) return firstRadio.current?.focus();
    if (motivation.trim() === '') return motivationRef.current?.focus();
    if (!window.confirm(t('ofDecideConfirm'))) return;
    decide.mutate({ outcome, motivation: motivation.trim() });
  };
  const error = decide.error;
  return (
    <form className="rlp-form rlp-office-form" onSubmit={submit} noValidate data-testid="decision-form">
      {error ? error instanceof ApiError ? (
        <Alert type="error" role="alert">
          <Paragraph>{message(error.message)}</Paragraph>
        </Alert>
      ) : <ErrorBox error={error} /> : null}
      <Fieldset className="rlp-fieldset" aria-describedby={outcomeMissing ? 'outcome-error' : undefined} invalid={outcomeMissing}>
        <FieldsetLegend>{t('ofOutcome')}</FieldsetLegend>
        {outcomeMissing ? (
          <FormFieldErrorMessage id="outcome-error" role="alert">
            {t('ofOutcomeRequired')}
          </FormFieldErrorMessage>
        ) : null}
        <div className="rlp-radio-list">
          {OUTCOMES.map((o, i) => (
            <span className="rlp-radio" key={o}>
              <RadioButton ref={i === 0 ? firstRadio : undefined} id={`outcome-${o}`} name="outcome" value={o} checked={outcome === o} onChange={() => setOutcome(o)} />
              <FormLabel htmlFor={`outcome-${o}`} type="radio">
                {tk(`ofOutcome_${o}`)}
              </FormLabel>
            </span>
          ))}
        </div>
      </Fieldset>
      <FormField type="text" invalid={motivationMissing}>
        <FormLabel htmlFor="decision-motivation">{t('ofMotivation')}</FormLabel>
        <FormFieldDescription id="decision-motivation-hint">{t('ofDecisionMotivationHint')}</FormFieldDescription>
        {motivationMissing ? (
          <FormFieldErrorMessage id="decision-motivation-error" role="alert">
            {t('ofMotivationRequired')}
          </FormFieldErrorMessage>
        ) : null}
        <Textarea
          ref={motivationRef}
          id="decision-motivation"
          required
          invalid={motivationMissing}
          aria-invalid={motivationMissing || undefined}
          aria-describedby={motivationMissing ? 'decision-motivation-hint decision-motivation-error' : 'decision-motivation-hint'}
          value={motivation}
          onChange={(e) => setMotivation(e.target.value)}
        />
      </FormField>
      <Button type="submit" appearance="primary-action-button" busy={decide.isPending} disabled={decide.isPending}>
        {t('ofDecide')}
      </Button>
    </form>
  );
}

/** The decision taken, its letter and (when certified) the certificate: previewed here, or downloaded. */
function Decided({ id, decision }: { id: string; decision: DecisionView }) {
  const { t, tk, date } = useOfficeI18n();
  const [preview, setPreview] = useState<'letter' | 'certificate' | null>(null);
  const files = [
    { kind: 'letter' as const, href: `/admin/dossiers/${id}/decision/letter.pdf`, label: t('ofLetter'), view: t('ofPreviewLetter'), download: t('ofLetterDownload'), name: `besluit-${id}.pdf` },
    ...(decision.outcome === 'certified'
      ? [{ kind: 'certificate' as const, href: `/admin/dossiers/${id}/decision/certificate.pdf`, label: t('ofCertificate'), view: t('ofPreviewCertificate'), download: t('ofCertificateDownload'), name: `certificaat-${id}.pdf` }]
      : []),
  ];
  const shown = files.find((f) => f.kind === preview);
  return (
    <>
      <Alert type={decision.outcome === 'certified' ? 'ok' : 'warning'}>
        <Paragraph>
          <strong data-testid="decision-outcome">{tk(`ofOutcome_${decision.outcome}`)}</strong>
        </Paragraph>
        {decision.motivation ? <Paragraph className="rlp-quote">{decision.motivation}</Paragraph> : null}
      </Alert>
      <dl className="rlp-facts">
        <dt>{t('ofDecidedOn')}</dt>
        <dd>{date(decision.decidedAt)}</dd>
        {decision.register ? (
          <>
            <dt>{t('ofCertificateNumber')}</dt>
            <dd data-testid="certificate-number">{decision.register.certificateNumber}</dd>
            <dt>{t('ofValidUntil')}</dt>
            <dd>{date(decision.register.validUntil)}</dd>
          </>
        ) : null}
      </dl>
      {decision.nextPortfolioId ? <Paragraph>{t('ofNextPortfolio')}</Paragraph> : null}
      <Heading3>{t('ofDocuments')}</Heading3>
      <div className="rlp-actions">
        {files.map((f) => (
          <Fragment key={f.kind}>
            <Button appearance="secondary-action-button" aria-expanded={preview === f.kind} aria-controls="decision-preview" onClick={() => setPreview(preview === f.kind ? null : f.kind)}>
              {preview === f.kind ? t('ofPreviewClose') : f.view}
            </Button>
            <a className="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--secondary-action" href={f.href} download={f.name}>
              {f.download}
            </a>
          </Fragment>
        ))}
      </div>
      <div id="decision-preview">
        {shown ? <iframe className="rlp-pdf-preview" src={shown.href} title={`${t('ofPreviewOf')}: ${shown.label}`} /> : null}
      </div>
      {decision.register ? <CredentialPanel portfolioId={id} /> : null}
    </>
  );
}
