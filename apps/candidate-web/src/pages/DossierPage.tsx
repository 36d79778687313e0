import { Alert, Button, Heading1, Heading2, Paragraph } from '@utrecht/component-library-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { api, ApiError, must } from '../api/client';
import { useI18n } from '../i18n';
import { usePortfolio } from '../queries';
import { ErrorBox, Loading } from '../ui/status';
import { nextStep, statusLabel } from './HomePage';
import type { SubmissionReceipt } from './SubmitPage';

interface Slot {
  id: string;
  startsAt: string;
  endsAt: string;
  durationMinutes: number;
  locationKind: 'online' | 'address';
  location: string;
}
interface Booking {
  id: string;
  slot: Slot;
  status: 'booked' | 'cancelled';
}
interface Decision {
  outcome: 'certified' | 'not_certified' | 'returned_for_supplement';
  motivation: string | null;
  decidedAt: string;
  nextPortfolioId: string | null;
  register: { certificateNumber?: string; validUntil?: string } | null;
}

const OUTCOME: Record<Decision['outcome'], [string, string]> = {
  certified: ['Gecertificeerd', 'Certified'],
  not_certified: ['Niet gecertificeerd', 'Not certified'],
  returned_for_supplement: ['Teruggegeven voor aanvulling', 'Returned for supplement'],
};

const INTERVIEW_STAGES = ['judged', 'interview_planned', 'interview_held', 'decided'];

export default function DossierPage() {
  const { id = '' } = useParams();
  const { t, lang, dateTime, date, message } = useI18n();
  const client = useQueryClient();
  const portfolio = usePortfolio(id);
  const status = portfolio.data?.status;
  const submission = useQuery({
    queryKey: ['submission', id],
    enabled: status !== undefined && status !== 'draft',
    queryFn: async () => (await must(api.GET('/portfolios/{id}/submission', { params: { path: { id } } }))) as unknown as SubmissionReceipt,
  });
  const interview = useQuery({
    queryKey: ['interview', id],
    enabled: status !== undefined && INTERVIEW_STAGES.includes(status),
    queryFn: async () => (await must(api.GET('/portfolios/{id}/interview', { params: { path: { id } } }))) as unknown as { slots: Slot[]; booking: Booking | null },
  });
  const decision = useQuery({
    queryKey: ['decision', id],
    enabled: status === 'decided',
    queryFn: async () => (await must(api.GET('/portfolios/{id}/decision', { params: { path: { id } } }))) as unknown as Decision,
  });
  const refresh = () => {
    void client.invalidateQueries({ queryKey: ['interview', id] });
    void client.invalidateQueries({ queryKey: ['portfolio', id] });
    void client.invalidateQueries({ queryKey: ['portfolios'] });
  };
  const book = useMutation({ mutationFn: (slotId: string) => must(api.POST('/portfolios/{id}/interview/booking', { params: { path: { id } }, body: { slotId } })), onSuccess: refresh });
  const cancel = useMutation({ mutationFn: () => must(api.POST('/portfolios/{id}/interview/cancel', { params: { path: { id } }, body: {} })), onSuccess: refresh });
  if (portfolio.isLoading) return <Loading />;
  if (portfolio.error) return <ErrorBox error={portfolio.error} />;
  const p = portfolio.data!;
  const booking = interview.data?.booking?.status === 'booked' ? interview.data.booking : null;
  const actionError = (book.error ?? cancel.error) as unknown;
  return (
    <>
      <Heading1>{lang === 'nl' ? 'Je dossier' : 'Your dossier'}</Heading1>
      <dl className="rlp-facts">
        <dt>{t('status')}</dt>
        <dd>
          <strong data-testid="dossier-status">{statusLabel(p.status, lang)}</strong>
        </dd>
        {submission.data ? (
          <>
            <dt>{t('submittedAt')}</dt>
            <dd>{dateTime(submission.data.submittedAt)}</dd>
            <dt>{t('snapshotHash')}</dt>
            <dd>
              <code className="rlp-hash">{submission.data.contentHash}</code>
            </dd>
          </>
        ) : null}
      </dl>
      {nextStep(p.status, lang) ? (
        <Alert type="info">
          <Paragraph>{nextStep(p.status, lang)}</Paragraph>
        </Alert>
      ) : null}
      {p.status !== 'draft' ? (
        <Paragraph>
          <a href={`/portfolios/${id}/submission.pdf`} target="_blank" rel="noopener">
            {t('submittedPdf')}
          </a>
        </Paragraph>
      ) : (
        <Paragraph>
          <Link to={`/portfolio/${id}`}>{t('openPortfolio')}</Link>
        </Paragraph>
      )}
      {INTERVIEW_STAGES.includes(p.status) ? (
        <section aria-labelledby="interview-title" className="rlp-card">
          <Heading2 id="interview-title">{t('interview')}</Heading2>
          {actionError instanceof ApiError ? (
            <Alert type="error" role="alert">
              <Paragraph>{message(actionError.message)}</Paragraph>
            </Alert>
          ) : null}
          {interview.isLoading ? <Loading /> : null}
          {booking ? (
            <>
              <Alert type="ok">
                <Paragraph>
                  {t('yourBooking')}: <strong>{dateTime(booking.slot.startsAt)}</strong> ({booking.slot.durationMinutes} min) — {booking.slot.location}
                </Paragraph>
              </Alert>
              <Paragraph className="rlp-actions">
                <a className="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--secondary-action" href={`/portfolios/${id}/interview.ics`}>
                  {t('invitation')}
                </a>{' '}
                {p.status === 'interview_planned' ? (
                  <Button appearance="subtle-button" disabled={cancel.isPending} onClick={() => window.confirm(t('cancelBooking') + '?') && cancel.mutate()}>
                    {t('cancelBooking')}
                  </Button>
                ) : null}
              </Paragraph>
            </>
          ) : null}
          {interview.data && (p.status === 'judged' || p.status === 'interview_planned') ? (
            interview.data.slots.filter((s) => s.id !== booking?.slot.id).length === 0 ? (
              booking ? null : <Paragraph>{t('noSlotsYet')}</Paragraph>
            ) : (
              <>
                {booking ? <Paragraph>{t('moveBooking')}:</Paragraph> : null}
                <ul className="rlp-slots">
                  {interview.data.slots
                    .filter((s) => s.id !== booking?.slot.id)
                    .map((s) => (
                      <li key={s.id}>
                        <span>
                          <strong>{dateTime(s.startsAt)}</strong> · {s.durationMinutes} min · {s.locationKind === 'online' ? 'online' : s.location}
                        </span>
                        <Button appearance="secondary-action-button" disabled={book.isPending} onClick={() => book.mutate(s.id)}>
                          {t('bookSlot')}
                        </Button>
                      </li>
                    ))}
                </ul>
              </>
            )
          ) : null}
        </section>
      ) : null}
      {decision.data ? (
        <section aria-labelledby="decision-title" className="rlp-card">
          <Heading2 id="decision-title">{t('decision')}</Heading2>
          <Paragraph>
            <strong>{OUTCOME[decision.data.outcome][lang === 'nl' ? 0 : 1]}</strong> — {date(decision.data.decidedAt)}
          </Paragraph>
          {decision.data.motivation ? <Paragraph>{decision.data.motivation}</Paragraph> : null}
          {decision.data.register ? (
            <Paragraph>
              {decision.data.register.certificateNumber} · {lang === 'nl' ? 'geldig tot en met' : 'valid until'} {date(decision.data.register.validUntil)}
            </Paragraph>
          ) : null}
          <Paragraph className="rlp-actions">
            <a href={`/portfolios/${id}/decision/letter.pdf`} target="_blank" rel="noopener">
              {t('letter')}
            </a>
            {decision.data.outcome === 'certified' ? (
              <>
                {' · '}
                <a href={`/portfolios/${id}/decision/certificate.pdf`} target="_blank" rel="noopener">
                  {t('certificate')}
                </a>
              </>
            ) : null}
            {decision.data.nextPortfolioId ? (
              <>
                {' · '}
                <Link to={`/portfolio/${decision.data.nextPortfolioId}`}>{t('openPortfolio')}</Link>
              </>
            ) : null}
          </Paragraph>
        </section>
      ) : null}
    </>
  );
}
