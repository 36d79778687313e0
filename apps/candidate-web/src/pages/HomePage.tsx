import { Alert, Button, Heading1, Heading2, Paragraph } from '@utrecht/component-library-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router';
import { api, must } from '../api/client';
import { PARTS, type Portfolio } from '../api/types';
import { useI18n, type Lang } from '../i18n';
import { useCompleteness, usePortfolios } from '../queries';
import { useSession } from '../session';
import { ErrorBox, Loading } from '@rlp/web-ui/status';
import { PartProgressList } from '../ui/progress';
import { RouterButtonLink } from '@rlp/web-ui/links';

const STATUS: Record<string, [string, string]> = {
  draft: ['In bewerking', 'Draft'],
  submitted: ['Ingediend, wacht op assessoren', 'Submitted, waiting for assessors'],
  in_assessment: ['In beoordeling', 'Being assessed'],
  judged: ['Beoordeeld, plan je gesprek', 'Judged, book your interview'],
  interview_planned: ['Gesprek gepland', 'Interview planned'],
  interview_held: ['Gesprek gehouden, wacht op besluit', 'Interview held, awaiting decision'],
  decided: ['Besluit genomen', 'Decision taken'],
};

export function statusLabel(status: string, lang: Lang): string {
  return STATUS[status]?.[lang === 'nl' ? 0 : 1] ?? status;
}

const NEXT: Record<string, [string, string]> = {
  submitted: ['Je hoeft nu niets te doen. De certificeringsorganisatie wijst twee assessoren toe.', 'Nothing to do now. The certification office assigns two assessors.'],
  in_assessment: ['Je hoeft nu niets te doen. Twee assessoren beoordelen je portfolio onafhankelijk van elkaar.', 'Nothing to do now. Two assessors judge your portfolio independently.'],
  judged: ['Kies een moment voor je certificeringsgesprek.', 'Choose a time for your certification interview.'],
  interview_planned: ['Je gesprek is gepland. Je kunt de uitnodiging downloaden of een ander moment kiezen.', 'Your interview is planned. You can download the invitation or choose another time.'],
  interview_held: ['Je hoeft nu niets te doen. De certificeringsorganisatie neemt een besluit.', 'Nothing to do now. The certification office takes a decision.'],
  decided: ['Het besluit is genomen. Lees het besluit en download je brief.', 'The decision has been taken. Read it and download your letter.'],
};

export function nextStep(status: string, lang: Lang): string | undefined {
  return NEXT[status]?.[lang === 'nl' ? 0 : 1];
}

export function HomePage() {
  const { t, lang } = useI18n();
  const { account } = useSession();
  const portfolios = usePortfolios();
  const client = useQueryClient();
  const navigate = useNavigate();
  const start = useMutation({
    mutationFn: async () => (await must(api.POST('/portfolios'))) as unknown as Portfolio,
    onSuccess: async (p) => {
      await client.invalidateQueries({ queryKey: ['portfolios'] });
      navigate(`/portfolio/${p.id}`);
    },
  });
  if (portfolios.isLoading) return <Loading />;
  if (portfolios.error) return <ErrorBox error={portfolios.error} retry={() => void portfolios.refetch()} />;
  const current = portfolios.data?.[0];
  return (
    <>
      <Heading1>
        {t('home')}
        {account ? <span className="rlp-subtitle">{account.displayName}</span> : null}
      </Heading1>
      {!current ? (
        <section className="rlp-card" aria-labelledby="start">
          <Heading2 id="start">{t('startPortfolio')}</Heading2>
          <Paragraph>{t('noPortfolio')}</Paragraph>
          {start.error ? <ErrorBox error={start.error} /> : null}
          <Button appearance="primary-action-button" busy={start.isPending} disabled={start.isPending} onClick={() => start.mutate()}>
            {t('startPortfolio')}
          </Button>
        </section>
      ) : current.status === 'draft' ? (
        <DraftSummary portfolio={current} />
      ) : (
        <section className="rlp-card" aria-labelledby="dossier">
          <Heading2 id="dossier">{statusLabel(current.status, lang)}</Heading2>
          <Paragraph>{NEXT[current.status]?.[lang === 'nl' ? 0 : 1]}</Paragraph>
          <RouterButtonLink to={`/dossier/${current.id}`}>{lang === 'nl' ? 'Naar je dossier' : 'Go to your dossier'}</RouterButtonLink>
        </section>
      )}
      {portfolios.data && portfolios.data.length > 1 ? (
        <section aria-labelledby="earlier">
          <Heading2 id="earlier">{lang === 'nl' ? 'Eerdere portfolio’s' : 'Earlier portfolios'}</Heading2>
          <ul>
            {portfolios.data.slice(1).map((p) => (
              <li key={p.id}>
                <Link to={`/dossier/${p.id}`}>{statusLabel(p.status, lang)}</Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}

function DraftSummary({ portfolio }: { portfolio: Portfolio }) {
  const { t } = useI18n();
  const report = useCompleteness(portfolio.id);
  const blocking = report.data?.findings.filter((f) => f.severity === 'blocking').length ?? 0;
  const done = report.data ? PARTS.filter((p) => report.data!.progress.parts[p].done === report.data!.progress.parts[p].total).length : 0;
  return (
    <section className="rlp-card" aria-labelledby="draft">
      <Heading2 id="draft">{t('nextStep')}</Heading2>
      {report.data ? (
        report.data.complete ? (
          <Alert type="ok">
            <Paragraph>{t('nothingMissing')}</Paragraph>
          </Alert>
        ) : (
          <Paragraph>
            {done} / {PARTS.length} {t('parts').toLowerCase()} · {blocking} × {t('missing')}
          </Paragraph>
        )
      ) : (
        <Loading />
      )}
      {report.data ? <PartProgressList report={report.data} portfolioId={portfolio.id} /> : null}
      <RouterButtonLink to={`/portfolio/${portfolio.id}`}>{t('openPortfolio')}</RouterButtonLink>
    </section>
  );
}
