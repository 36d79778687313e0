import { Alert, Paragraph, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { useParams } from 'react-router';
import { RouterButtonLink } from '@rlp/web-ui/links';
import { ErrorBox, Loading } from '@rlp/web-ui/status';
import { useI18n, type TextKey } from '../../i18n';
import { AgreeBadge, Label, PageTop, Section, VerdictBadge } from './common';
import { isCode, useComparison } from './data';
import type { AgendaItem, CriterionScore } from './types';

function Score({ score }: { score: CriterionScore | undefined }) {
  const { t } = useI18n();
  return (
    <>
      <VerdictBadge verdict={score?.verdict} />
      {score?.motivation ? <p className="rlp-cell-text">{score.motivation}</p> : score && score.verdict !== 'aangetoond' ? <p className="rlp-hint">{t('noMotivation')}</p> : null}
      {score && score.questions.length > 0 ? (
        <>
          <p className="rlp-cell-label">{t('questions')}</p>
          <ul className="rlp-cell-list">
            {score.questions.map((q) => (
              <li key={q}>{q}</li>
            ))}
          </ul>
        </>
      ) : null}
    </>
  );
}

/** The agenda the differences and the "te bevragen" marks make. */
export function AgendaList({ items }: { items: AgendaItem[] }) {
  const { t } = useI18n();
  if (items.length === 0) return <Paragraph>{t('agendaEmpty')}</Paragraph>;
  return (
    <ol className="rlp-agenda">
      {items.map((item) => (
        <li key={item.criterion}>
          <p className="rlp-agenda__title">
            <Label text={item.label} />
          </p>
          <p className="rlp-agenda__reasons">{item.reasons.map((r) => t(`reason_${r}` as TextKey)).join(' · ')}</p>
          {item.questions.length > 0 ? (
            <ul className="rlp-cell-list">
              {item.questions.map((q) => (
                <li key={q}>{q}</li>
              ))}
            </ul>
          ) : null}
        </li>
      ))}
    </ol>
  );
}

/** After my own scoring is in: mine beside my co-assessor's, per criterion, and the proposed agenda. */
export function ComparisonPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const cmp = useComparison(id);
  const top = <PageTop id={id} title={t('comparisonTitle')} />;
  if (cmp.isPending) return (<>{top}<Loading /></>);
  if (cmp.error) {
    if (isCode(cmp.error, 'OWN_SCORING_NOT_SUBMITTED')) {
      return (
        <>
          {top}
          <Alert type="info">
            <Paragraph>{t('ownNotSubmitted')}</Paragraph>
          </Alert>
          <div className="rlp-actions">
            <RouterButtonLink to={`/dossiers/${id}/beoordeling`}>{t('toScoring')}</RouterButtonLink>
          </div>
        </>
      );
    }
    return (<>{top}<ErrorBox error={cmp.error} retry={() => void cmp.refetch()} /></>);
  }
  const data = cmp.data;
  if (!data.other || !data.comparison) {
    return (
      <>
        {top}
        <Alert type="info">
          <Paragraph>{t('otherNotSubmitted')}</Paragraph>
        </Alert>
      </>
    );
  }
  const other = data.other;
  const agreeCount = data.comparison.filter((c) => c.agree).length;
  const differCount = data.comparison.length - agreeCount;
  return (
    <>
      {top}
      <div className="rlp-intro">
        <Paragraph>{t('comparisonIntro')}</Paragraph>
      </div>
      <p className="rlp-summary">
        <AgreeBadge agree /> {agreeCount} {t('summaryAgree')} <span aria-hidden="true">·</span> <AgreeBadge agree={false} /> {differCount} {t('summaryDiffer')}
      </p>
      <div className="rlp-table-scroll">
        <Table className="rlp-compare">
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{t('criterion')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('myVerdict')}</TableHeaderCell>
              <TableHeaderCell scope="col">
                {t('verdictOf')} {other.assessorName}
              </TableHeaderCell>
              <TableHeaderCell scope="col">{t('agreement')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {data.comparison.map((c) => (
              <TableRow key={c.criterion} className={c.agree ? 'rlp-compare__agree' : 'rlp-compare__differ'}>
                <TableHeaderCell scope="row">
                  <Label text={c.label} />
                </TableHeaderCell>
                <TableCell>
                  <Score score={data.own.scores[c.criterion]} />
                </TableCell>
                <TableCell>
                  <Score score={other.scores[c.criterion]} />
                </TableCell>
                <TableCell>
                  <AgreeBadge agree={c.agree} />
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
      <Section id="agenda-title" title={t('agendaTitle')}>
        <Paragraph className="rlp-hint">{t('agendaIntro')}</Paragraph>
        <AgendaList items={data.agenda ?? []} />
      </Section>
      <div className="rlp-actions">
        <RouterButtonLink to={`/dossiers/${id}/oordeel`}>{t('toJudgement')}</RouterButtonLink>
      </div>
    </>
  );
}
