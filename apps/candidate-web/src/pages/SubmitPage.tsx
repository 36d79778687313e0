import { Alert, Button, Heading1, Heading2, Paragraph } from '@utrecht/component-library-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { ApiError, problemOf, raw } from '../api/client';
import { useI18n } from '../i18n';
import type { SubmissionReceipt } from '../api/types';
import { useCompleteness, usePortfolio, useSubmission } from '../queries';
import { SECTIONS } from '../sections';
import { FindingList } from '../ui/progress';
import { ErrorBox, Loading } from '@rlp/web-ui/status';
import { sectionTitle } from './PortfolioPage';


/** One key per reviewed revision: a double click or a retry after a lost answer submits once. */
function idempotencyKey(portfolioId: string, revision: string): string {
  const storageKey = `rlp.submit.${portfolioId}.${revision}`;
  let key = sessionStorage.getItem(storageKey);
  if (!key) {
    key = crypto.randomUUID();
    sessionStorage.setItem(storageKey, key);
  }
  return key;
}

export default function SubmitPage() {
  const { id = '' } = useParams();
  const { t, lang, dateTime, message } = useI18n();
  const portfolio = usePortfolio(id);
  const report = useCompleteness(id, portfolio.data?.status === 'draft');
  const client = useQueryClient();
  const [receipt, setReceipt] = useState<SubmissionReceipt | null>(null);
  const frozen = useSubmission(id, portfolio.data !== undefined && portfolio.data.status !== 'draft' && !receipt);
  const submit = useMutation({
    mutationFn: async () => {
      const revision = portfolio.data!.revision;
      const res = await raw(`/portfolios/${id}/submit`, { method: 'POST', headers: { 'Idempotency-Key': idempotencyKey(id, revision) }, json: { revision } });
      if (!res.ok) throw await problemOf(res);
      return ((await res.json()) as { submission: SubmissionReceipt }).submission;
    },
    onSuccess: (body) => {
      setReceipt(body);
      void client.invalidateQueries({ queryKey: ['portfolios'] });
      void client.invalidateQueries({ queryKey: ['portfolio', id] });
    },
  });
  if (portfolio.isLoading) return <Loading />;
  if (portfolio.error) return <ErrorBox error={portfolio.error} />;
  const p = portfolio.data!;
  if (receipt || p.status !== 'draft') {
    const shown = receipt ?? frozen.data;
    return (
      <>
        <Heading1>{t('submittedTitle')}</Heading1>
        <Alert type="ok" role="status">
          <Paragraph>{t('submittedIntro')}</Paragraph>
        </Alert>
        <dl className="rlp-facts">
          <dt>{t('submittedAt')}</dt>
          <dd>{dateTime(shown?.submittedAt ?? p.submittedAt)}</dd>
          {shown ? (
            <>
              <dt>{t('snapshotHash')}</dt>
              <dd>
                <code className="rlp-hash" data-testid="snapshot-hash">
                  {shown.contentHash}
                </code>
              </dd>
            </>
          ) : null}
        </dl>
        <Paragraph>
          <a href={`/portfolios/${id}/submission.pdf`} target="_blank" rel="noopener">
            {t('submittedPdf')}
          </a>
          {' · '}
          <Link to={`/dossier/${id}`}>{lang === 'nl' ? 'Naar je dossier' : 'Go to your dossier'}</Link>
        </Paragraph>
      </>
    );
  }
  const blocking = report.data?.findings.filter((f) => f.severity === 'blocking') ?? [];
  const error = submit.error instanceof ApiError ? submit.error : null;
  return (
    <>
      <p className="rlp-breadcrumb">
        <Link to={`/portfolio/${id}`}>{t('overview')}</Link> › {t('submitTitle')}
      </p>
      <Heading1>{t('submitTitle')}</Heading1>
      <Paragraph lead>{t('submitIntro')}</Paragraph>
      {report.isLoading ? <Loading /> : null}
      {report.data && !report.data.complete ? (
        <Alert type="warning">
          <Paragraph>{t('notReady')}</Paragraph>
          <FindingList findings={blocking} portfolioId={id} />
        </Alert>
      ) : null}
      <Heading2>{t('submitWhatFrozen')}</Heading2>
      <ul>
        {SECTIONS.map((s) => (
          <li key={s.key}>
            <Link to={`/portfolio/${id}/${s.slug}`}>{sectionTitle(s.key, lang)}</Link>
          </li>
        ))}
        <li>{lang === 'nl' ? 'De gebruikte documenten, met hun controlegetal' : 'The documents used, with their checksums'}</li>
        <li>{lang === 'nl' ? 'De versies van de gedragscode en het klachtenreglement die je accepteerde' : 'The versions of the code of conduct and complaints procedure you accepted'}</li>
      </ul>
      <Paragraph>
        <a href={`/portfolios/${id}/preview.pdf`} target="_blank" rel="noopener">
          {t('previewPdf')}
        </a>
      </Paragraph>
      {error ? (
        <Alert type="error" role="alert">
          <Paragraph>{message(error.message)}</Paragraph>
        </Alert>
      ) : null}
      <Button appearance="primary-action-button" disabled={!report.data?.complete || submit.isPending} busy={submit.isPending} onClick={() => submit.mutate()}>
        {submit.isPending ? t('submitting') : t('submitButton')}
      </Button>
    </>
  );
}
