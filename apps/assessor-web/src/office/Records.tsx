import { Heading2, Heading3, Paragraph, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import type { DossierDetailView } from './model';
import { useOfficeI18n } from './ui';

/**
 * The joint records the decision rests on, read-only: the agreed judgement per criterion, the
 * interview agenda, the interview and the interview record with the assessors' advice. Never the
 * individual scorings.
 */
export function Records({ dossier: d }: { dossier: DossierDetailView }) {
  const { t, tk, date, dateTime, lang } = useOfficeI18n();
  if (d.status === 'submitted' || d.status === 'in_assessment') return null;
  const judgement = d.judgement?.content;
  const agenda = judgement?.agenda ?? [];
  const labelOf = (criterion: string) => {
    const item = agenda.find((a) => a.criterion === criterion);
    return item ? (lang === 'nl' ? item.label.nl : item.label.en) : null;
  };
  const booking = d.interview?.booking?.status === 'booked' ? d.interview.booking : null;
  const record = d.interviewRecord?.content;
  return (
    <section aria-labelledby="records-title" className="rlp-card" data-testid="records">
      <Heading2 id="records-title">{t('ofRecords')}</Heading2>

      <Heading3>{t('ofAdvice')}</Heading3>
      {record ? (
        <div data-testid="advice">
          <Paragraph>
            <strong>{record.advice ? tk(`ofAdvice_${record.advice}`) : '—'}</strong> ({t('ofFinalOn')} {date(d.interviewRecord?.finalAt)})
          </Paragraph>
          {record.motivation ? <Paragraph className="rlp-quote">{record.motivation}</Paragraph> : null}
        </div>
      ) : (
        <Paragraph>{t('ofInterviewRecordPending')}</Paragraph>
      )}

      <Heading3>{t('ofInterview')}</Heading3>
      {booking ? (
        <Paragraph>
          {t('ofInterviewAt')}: <strong>{dateTime(booking.slot.startsAt)}</strong> ({booking.slot.durationMinutes} min) — {booking.slot.location}
        </Paragraph>
      ) : (
        <Paragraph>{t('ofInterviewNone')}</Paragraph>
      )}
      {record && Object.keys(record.findings).length > 0 ? (
        <>
          <Heading3>{t('ofFindings')}</Heading3>
          <dl className="rlp-facts">
            {Object.entries(record.findings).map(([criterion, finding]) => (
              <div key={criterion} className="rlp-contents">
                <dt>{labelOf(criterion) ? `${criterion} — ${labelOf(criterion)}` : criterion}</dt>
                <dd>{finding}</dd>
              </div>
            ))}
          </dl>
        </>
      ) : null}

      <Heading3>{t('ofJudgement')}</Heading3>
      {judgement ? (
        <>
          <Paragraph className="rlp-hint">
            {t('ofFinalOn')} {date(d.judgement?.finalAt)}
          </Paragraph>
          <Heading3>{t('ofAgenda')}</Heading3>
          {agenda.length === 0 ? (
            <Paragraph>{t('ofAgendaEmpty')}</Paragraph>
          ) : (
            <ul>
              {agenda.map((a) => (
                <li key={a.criterion}>
                  <strong>{a.criterion}</strong> — {lang === 'nl' ? a.label.nl : a.label.en}
                </li>
              ))}
            </ul>
          )}
          <details className="rlp-details">
            <summary>
              {t('ofShowCriteria')} ({Object.keys(judgement.criteria).length})
            </summary>
            <div className="rlp-table-scroll">
              <Table className="rlp-office-table" data-testid="judgement">
                <caption className="rlp-visually-hidden">{t('ofJudgement')}</caption>
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell scope="col">{t('ofCriterion')}</TableHeaderCell>
                    <TableHeaderCell scope="col">{t('ofVerdict')}</TableHeaderCell>
                    <TableHeaderCell scope="col">{t('ofMotivation')}</TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {Object.entries(judgement.criteria).map(([criterion, v]) => (
                    <TableRow key={criterion}>
                      <TableCell>{criterion}</TableCell>
                      <TableCell>{tk(`ofVerdict_${v.verdict}`, v.verdict)}</TableCell>
                      <TableCell>{v.motivation ?? '—'}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </div>
          </details>
        </>
      ) : (
        <Paragraph>{t('ofJudgementPending')}</Paragraph>
      )}
    </section>
  );
}
