import { Alert, Button, Heading1, Heading2, Paragraph } from '@utrecht/component-library-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { api, ApiError, must } from '../api/client';
import { useI18n } from '../i18n';
import { usePortfolio, useSubmission } from '../queries';
import { RouterButtonLink } from '@rlp/web-ui/links';
import { ErrorBox, Loading } from '@rlp/web-ui/status';
import { CredentialSection } from './CredentialSection';
import { nextStep, statusLabel } from './HomePage';

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
const PLANNABLE = ['judged', 'interview_planned'];

export default function DossierPage() {
  const { id = '' } = useParams();
  const { t, lang, dateTime, date, message } = useI18n();
  const client = useQueryClient();
  const portfolio = usePortfolio(id);
  const status = portfolio.data?.status;
  const submission = useSubmission(id, status !== undefined && status !== 'draft');
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
  // After a booking, a move or a cancellation (also a refused one: a slot may have gone meanwhile).
  const refresh = () => {
    void client.invalidateQueries({ queryKey: ['interview', id] });
    void client.invalidateQueries({ queryKey: ['portfolio', id] });
    void client.invalidateQueries({ queryKey: ['portfolios'] });
  };
  const book = useMutation({ mutationFn: (slotId: string) => must(api.POST('/portfolios/{id}/interview/booking', { params: { path: { id } }, body: { slotId } })), onSettled: refresh });
  const cancel = useMutation({ mutationFn: () => must(api.POST('/portfolios/{id}/interview/cancel', { params: { path: { id } }, body: {} })), onSettled: refresh });
  if (portfolio.isLoading) return <Loading />;
  if (portfolio.error) return <ErrorBox error={portfolio.error} retry={() => void portfolio.refetch()} />;
  const p = portfolio.data!;
  const plannable = PLANNABLE.includes(p.status);
  const booking = interview.data?.booking?.status === 'booked' ? interview.data.booking : null;
  const others = (interview.data?.slots ?? []).filter((s) => s.id !== booking?.slot.id);
  const actionError = (book.isError ? book.error : cancel.isError ? cancel.error : null) as unknown;
  const where = (s: Slot) => (s.locationKind === 'online' ? `online (${s.location})` : s.location);
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
        <Paragraph className="rlp-actions">
          <a href={`/portfolios/${id}/submission.pdf`} target="_blank" rel="noopener">
            {t('submittedPdf')}
          </a>
        </Paragraph>
      ) : (
        <Paragraph>
          <Link to={`/portfolio/${id}`}>{t('openPortfolio')}</Link>
        </Paragraph>
      )}
      {decision.data ? (
        <section aria-labelledby="decision-title" className="rlp-card" data-testid="decision">
          <Heading2 id="decision-title">{t('decision')}</Heading2>
          <Alert type={decision.data.outcome === 'certified' ? 'ok' : 'warning'}>
            <Paragraph>
              <strong>{OUTCOME[decision.data.outcome][lang === 'nl' ? 0 : 1]}</strong>
            </Paragraph>
            {decision.data.motivation ? <Paragraph>{decision.data.motivation}</Paragraph> : null}
          </Alert>
          <dl className="rlp-facts">
            <dt>{t('decidedOn')}</dt>
            <dd>{date(decision.data.decidedAt)}</dd>
            {decision.data.register?.certificateNumber ? (
              <>
                <dt>{t('certificateNumber')}</dt>
                <dd>{decision.data.register.certificateNumber}</dd>
                <dt>{t('validUntil')}</dt>
                <dd>{date(decision.data.register.validUntil)}</dd>
              </>
            ) : null}
          </dl>
          {decision.data.nextPortfolioId ? <Paragraph>{t('supplementIntro')}</Paragraph> : null}
          <Paragraph className="rlp-actions">
            {decision.data.nextPortfolioId ? <RouterButtonLink to={`/portfolio/${decision.data.nextPortfolioId}`}>{t('supplementPortfolio')}</RouterButtonLink> : null}
            <a className="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--secondary-action" href={`/portfolios/${id}/decision/letter.pdf`} target="_blank" rel="noopener">
              {t('letter')}
            </a>
            {decision.data.outcome === 'certified' ? (
              <a className="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--secondary-action" href={`/portfolios/${id}/decision/certificate.pdf`} target="_blank" rel="noopener">
                {t('certificate')}
              </a>
            ) : null}
          </Paragraph>
        </section>
      ) : decision.error ? (
        <ErrorBox error={decision.error} retry={() => void decision.refetch()} />
      ) : null}
      {decision.data?.outcome === 'certified' ? <CredentialSection portfolioId={id} /> : null}
      {INTERVIEW_STAGES.includes(p.status) ? (
        <section aria-labelledby="interview-title" className="rlp-card">
          <Heading2 id="interview-title">{t('interview')}</Heading2>
          {actionError instanceof ApiError ? (
            <Alert type="error" role="alert">
              <Paragraph>{message(actionError.message)}</Paragraph>
            </Alert>
          ) : null}
          {interview.isLoading ? <Loading /> : null}
          {interview.error ? <ErrorBox error={interview.error} retry={() => void interview.refetch()} /> : null}
          {booking && plannable ? (
            <div data-testid="interview-booking">
              <Alert type="ok">
                <Paragraph>
                  {t('yourBooking')}: <strong>{dateTime(booking.slot.startsAt)}</strong> ({booking.slot.durationMinutes} min) — {where(booking.slot)}
                </Paragraph>
              </Alert>
              <Paragraph className="rlp-actions">
                <a className="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--secondary-action" href={`/portfolios/${id}/interview.ics`} download>
                  {t('invitation')}
                </a>
                {p.status === 'interview_planned' ? (
                  <Button appearance="subtle-button" disabled={cancel.isPending} onClick={() => window.confirm(t('cancelConfirm')) && cancel.mutate()}>
                    {t('cancelBooking')}
                  </Button>
                ) : null}
              </Paragraph>
            </div>
          ) : null}
          {booking && !plannable ? (
            <Paragraph data-testid="interview-booking">
              {t('interviewWas')}: <strong>{dateTime(booking.slot.startsAt)}</strong> ({booking.slot.durationMinutes} min) — {where(booking.slot)}
            </Paragraph>
          ) : null}
          {interview.data && plannable ? (
            others.length === 0 ? (
              booking ? null : <Paragraph>{t('noSlotsYet')}</Paragraph>
            ) : (
              <div data-testid="other-slots">
                <Paragraph>{booking ? `${t('moveBooking')}:` : t('slotsOffered')}</Paragraph>
                <ul className="rlp-slots">
                  {others.map((s) => (
                    <li key={s.id}>
                      <span id={`slot-${s.id}`}>
                        <strong>{dateTime(s.startsAt)}</strong> · {s.durationMinutes} min · {where(s)}
                      </span>
                      <Button appearance="secondary-action-button" aria-describedby={`slot-${s.id}`} disabled={book.isPending || cancel.isPending} onClick={() => book.mutate(s.id)}>
                        {t('bookSlot')}
                      </Button>
                    </li>
                  ))}
                </ul>
              </div>
            )
          ) : null}
        </section>
      ) : null}
    </>
  );
}
