import { Alert, Button, ButtonGroup, FormField, FormLabel, Heading2, Heading3, Paragraph, Textarea, Textbox } from '@utrecht/component-library-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useParams } from 'react-router';
import { RouterButtonLink } from '@rlp/web-ui/links';
import { useSession } from '@rlp/web-ui/session';
import { ErrorBox, Loading } from '@rlp/web-ui/status';
import { ApiError } from '../../api/client';
import { useI18n, type TextKey } from '../../i18n';
import { PageTop, ProblemAlert, Section } from './common';
import { keys, refreshDossier, send, useDossier, useRecord, useSlots } from './data';
import type { BookingView, InterviewOverview, SlotView } from './types';
import { amsterdamToday, dayName, dstChange, mondayOf, weekDays } from './week';

const PLANNING = ['judged', 'interview_planned', 'interview_held', 'decided'];
const STATUS_ICON: Record<SlotView['status'], string> = { offered: '○', booked: '●', withdrawn: '–', assessor_busy: '✗' };

function endTime(slot: Pick<SlotView, 'local' | 'durationMinutes' | 'endsAt'>, time: (iso: string) => string): string {
  return time(slot.endsAt);
}

function Where({ slot }: { slot: Pick<SlotView, 'locationKind' | 'location'> }) {
  const { t } = useI18n();
  return slot.locationKind === 'online' ? (
    <>
      {t('online')}: <a href={slot.location}>{slot.location}</a>
    </>
  ) : (
    <>
      {t('atAddress')}: {slot.location}
    </>
  );
}

export function InterviewPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const dossier = useDossier(id);
  const slots = useSlots(id);
  const top = <PageTop id={id} title={t('interviewTitle')} />;
  if (dossier.isPending || slots.isPending) return (<>{top}<Loading /></>);
  if (dossier.error) return (<>{top}<ErrorBox error={dossier.error} retry={() => void dossier.refetch()} /></>);
  if (!PLANNING.includes(dossier.data.status)) return (<>{top}<Alert type="info"><Paragraph>{t('interviewNotYet')}</Paragraph></Alert></>);
  if (slots.error) return (<>{top}<ErrorBox error={slots.error} retry={() => void slots.refetch()} /></>);
  const open = ['judged', 'interview_planned'].includes(dossier.data.status);
  return (
    <>
      {top}
      <div className="rlp-intro">
        <Paragraph>{t('interviewIntro')}</Paragraph>
      </div>
      <Booking id={id} overview={slots.data} open={open} />
      {open ? <Planner id={id} overview={slots.data} /> : <WeekOnly overview={slots.data} />}
      {slots.data.missed && slots.data.missed.length > 0 ? <MissedHistory missed={slots.data.missed} /> : null}
    </>
  );
}

function WeekOnly({ overview }: { overview: InterviewOverview }) {
  const [monday, setMonday] = useState(() => mondayOf(overview.booking?.slot.local.date ?? amsterdamToday()));
  return <Week overview={overview} monday={monday} setMonday={setMonday} chosen={[]} toggle={null} withdraw={null} />;
}

function Booking({ id, overview, open }: { id: string; overview: InterviewOverview; open: boolean }) {
  const { t, dateTime, time } = useI18n();
  const client = useQueryClient();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState(false);
  const booking = overview.booking;
  const started = booking ? Date.parse(booking.slot.startsAt) <= Date.now() : false;
  const cancel = async () => {
    setError(null);
    try {
      await send(`/assessments/${id}/interview/cancel`, 'POST', reason.trim() ? { reason: reason.trim() } : {});
      setDone(true);
      setReason('');
      await refreshDossier(client, id);
    } catch (err) {
      setError(err);
    }
  };
  return (
    <Section id="booking-title" title={t('bookingTitle')}>
      {done && !booking ? (
        <Alert type="ok" role="status">
          <Paragraph>{t('cancelled')}</Paragraph>
        </Alert>
      ) : null}
      {!booking ? (
        <Paragraph>{t('noBooking')}</Paragraph>
      ) : (
        <>
          <Paragraph>
            <strong>{t('bookedFor')}:</strong>
          </Paragraph>
          <dl className="rlp-facts" data-testid="booking">
            <dt>{t('when')}</dt>
            <dd>
              {dateTime(booking.slot.startsAt)} – {endTime(booking.slot, time)}
            </dd>
            <dt>{t('duration')}</dt>
            <dd>
              {booking.slot.durationMinutes} {t('minutes')}
            </dd>
            <dt>{t('where')}</dt>
            <dd>
              <Where slot={booking.slot} />
            </dd>
          </dl>
          <div className="rlp-actions">
            <a className="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--secondary-action" href={`/assessments/${id}/interview.ics`} download>
              {t('downloadIcs')}
            </a>
            {started ? <RouterButtonLink to={`/dossiers/${id}/verslag`}>{t('toRecord')}</RouterButtonLink> : null}
          </div>
          {started ? (
            <>
              <Paragraph>{t('interviewStarted')}</Paragraph>
              {!booking.missed ? <MissedForm id={id} booking={booking} /> : null}
            </>
          ) : open ? (
            <div className="rlp-subsection">
              <Heading3>{t('cancelTitle')}</Heading3>
              <Paragraph className="rlp-hint">{t('cancelIntro')}</Paragraph>
              <form
                className="rlp-form"
                onSubmit={(e) => {
                  e.preventDefault();
                  void cancel();
                }}
              >
                <FormField input={<Textarea id="cancel-reason" value={reason} rows={2} onChange={(e) => setReason(e.target.value)} />} label={<FormLabel htmlFor="cancel-reason">{t('cancelReason')}</FormLabel>} />
                <ProblemAlert error={error} />
                <Button type="submit" appearance="secondary-action-button">
                  {t('cancelButton')}
                </Button>
              </form>
            </div>
          ) : null}
        </>
      )}
    </Section>
  );
}

/** The week calendar with the offer form: tick days, choose time, duration and place, offer all at once. */
function Planner({ id, overview }: { id: string; overview: InterviewOverview }) {
  const { t, lang } = useI18n();
  const client = useQueryClient();
  const upcoming = overview.slots.find((s) => s.status === 'offered' || s.status === 'booked');
  const [monday, setMonday] = useState(() => mondayOf(upcoming?.local.date ?? amsterdamToday()));
  const [chosen, setChosen] = useState<string[]>([]);
  const [startTime, setStartTime] = useState('10:00');
  const [duration, setDuration] = useState('90');
  const [kind, setKind] = useState<'online' | 'address'>('online');
  const [location, setLocation] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [result, setResult] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const toggle = (date: string) => setChosen((old) => (old.includes(date) ? old.filter((d) => d !== date) : [...old, date].sort()));
  const withdraw = async (slot: SlotView) => {
    setError(null);
    try {
      await send(`/assessments/${id}/slots/${slot.id}`, 'DELETE');
      await client.invalidateQueries({ queryKey: keys.slots(id) });
    } catch (err) {
      setError(err);
    }
  };

  const offer = async () => {
    setError(null);
    setResult(null);
    const body = chosen.map((date) => ({ date, time: startTime, durationMinutes: Number(duration), ...(kind === 'online' ? { onlineUrl: location.trim() } : { address: location.trim() }) }));
    setBusy(true);
    try {
      try {
        await send(`/assessments/${id}/slots/batch`, 'POST', { slots: body });
      } catch (err) {
        // Before the batch route existed: one by one (kept for an older server).
        if (!(err instanceof ApiError && err.status === 404 && err.code !== 'DOSSIER_NOT_FOUND')) throw err;
        for (const slot of body) await send(`/assessments/${id}/slots`, 'POST', slot);
      }
      setResult(`${body.length} ${t('slotsOffered')}: ${chosen.map((d) => dayName(d, lang)).join(', ')} ${startTime}`);
      setChosen([]);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
      await client.invalidateQueries({ queryKey: keys.slots(id) });
    }
  };

  const slotProblems = error instanceof ApiError && error.code === 'INVALID_SLOTS' ? ((error.problem.details as { problems?: Array<{ index: number; message: string }> } | undefined)?.problems ?? []) : [];
  return (
    <>
      <Week overview={overview} monday={monday} setMonday={setMonday} chosen={chosen} toggle={toggle} withdraw={(s) => void withdraw(s)} />
      <Section id="offer-title" title={t('offerTitle')}>
        <Paragraph className="rlp-hint">{t('offerIntro')}</Paragraph>
        <form
          className="rlp-form"
          onSubmit={(e) => {
            e.preventDefault();
            void offer();
          }}
        >
          <p className="rlp-cell-label" id="chosen-label">
            {t('chosenDays')}
          </p>
          {chosen.length === 0 ? (
            <Paragraph className="rlp-hint">{t('noDaysChosen')}</Paragraph>
          ) : (
            <ul aria-labelledby="chosen-label" className="rlp-chosen">
              {chosen.map((d) => (
                <li key={d}>{dayName(d, lang)}</li>
              ))}
            </ul>
          )}
          <div className="rlp-offer-grid">
            <FormField input={<Textbox id="slot-time" type="time" className="rlp-short" value={startTime} required onChange={(e) => setStartTime(e.target.value)} />} label={<FormLabel htmlFor="slot-time">{t('startTime')}</FormLabel>} />
            <FormField input={<Textbox id="slot-duration" type="number" className="rlp-short" min={15} max={480} step={15} value={duration} required onChange={(e) => setDuration(e.target.value)} />} label={<FormLabel htmlFor="slot-duration">{t('durationMinutes')}</FormLabel>} />
          </div>
          <fieldset className="rlp-fieldset">
            <legend>{t('locationKind')}</legend>
            <div className="rlp-radios">
              {(['online', 'address'] as const).map((k) => (
                <label key={k} className="rlp-radio">
                  <input type="radio" name="slot-kind" value={k} checked={kind === k} onChange={() => setKind(k)} />
                  <span>{k === 'online' ? t('online') : t('atAddress')}</span>
                </label>
              ))}
            </div>
            <FormField
              input={<Textbox id="slot-location" type={kind === 'online' ? 'url' : 'text'} value={location} required onChange={(e) => setLocation(e.target.value)} />}
              label={<FormLabel htmlFor="slot-location">{kind === 'online' ? t('onlineLink') : t('address')}</FormLabel>}
            />
          </fieldset>
          {slotProblems.length > 0 ? (
            <Alert type="error" role="alert">
              <Paragraph>{t('nothingOffered')}</Paragraph>
              <ul>
                {slotProblems.map((p) => (
                  <SlotProblem key={p.index} date={chosen[p.index]} message={p.message} />
                ))}
              </ul>
            </Alert>
          ) : (
            <ProblemAlert error={error} />
          )}
          {result ? (
            <Alert type="ok" role="status">
              <Paragraph>{result}</Paragraph>
            </Alert>
          ) : null}
          <ButtonGroup>
            <Button type="submit" appearance="primary-action-button" disabled={chosen.length === 0 || busy}>
              {t('offerButton')}
            </Button>
          </ButtonGroup>
        </form>
      </Section>
    </>
  );
}

function SlotProblem({ date, message: text }: { date: string | undefined; message: string }) {
  const { lang, message } = useI18n();
  return (
    <li>
      {date ? `${dayName(date, lang)}: ` : ''}
      {message(text)}
    </li>
  );
}

function Week({ overview, monday, setMonday, chosen, toggle, withdraw }: { overview: InterviewOverview; monday: string; setMonday: (d: string) => void; chosen: string[]; toggle: ((d: string) => void) | null; withdraw: ((s: SlotView) => void) | null }) {
  const { t, lang, time } = useI18n();
  const [jump, setJump] = useState('');
  const days = weekDays(monday);
  const today = amsterdamToday();
  const change = dstChange(monday);
  return (
    <section aria-labelledby="week-title" className="rlp-card">
      <div className="rlp-title-row">
        <Heading2 id="week-title">
          {t('weekOf')} {dayName(monday, lang)}
        </Heading2>
        <ButtonGroup>
          <Button appearance="secondary-action-button" onClick={() => setMonday(mondayOf(addWeek(monday, -1)))}>
            <span aria-hidden="true">← </span>
            {t('previousWeek')}
          </Button>
          <Button appearance="secondary-action-button" onClick={() => setMonday(mondayOf(addWeek(monday, 1)))}>
            {t('nextWeek')}
            <span aria-hidden="true"> →</span>
          </Button>
        </ButtonGroup>
      </div>
      <form
        className="rlp-week-jump"
        onSubmit={(e) => {
          e.preventDefault();
          if (/^\d{4}-\d{2}-\d{2}$/.test(jump)) setMonday(mondayOf(jump));
        }}
      >
        <FormLabel htmlFor="week-jump">{t('goToDate')}</FormLabel>
        <Textbox id="week-jump" type="date" className="rlp-short" value={jump} onChange={(e) => setJump(e.target.value)} />
        <Button type="submit" appearance="subtle-button">
          {t('show')}
        </Button>
      </form>
      {change ? (
        <Alert type="info">
          <Paragraph>{change === 'starts' ? t('dstStarts') : t('dstEnds')}</Paragraph>
        </Alert>
      ) : null}
      <ol className="rlp-week">
        {days.map((date) => {
          const daySlots = overview.slots.filter((s) => s.local.date === date && s.status !== 'withdrawn');
          const past = date < today;
          return (
            <li key={date} className={`rlp-week__day${chosen.includes(date) ? ' rlp-week__day--chosen' : ''}${past ? ' rlp-week__day--past' : ''}`} data-date={date}>
              <Heading3 className="rlp-week__head">
                <span className="rlp-visually-hidden">{dayName(date, lang)}</span>
                <span aria-hidden="true">{dayName(date, lang, 'short')}</span>
              </Heading3>
              {toggle && !past ? (
                <label className="rlp-checkbox rlp-week__choose">
                  <input type="checkbox" checked={chosen.includes(date)} onChange={() => toggle(date)} aria-label={`${t('chooseDay')}: ${dayName(date, lang)}`} />
                  <span aria-hidden="true">{t('chooseDay')}</span>
                </label>
              ) : null}
              {daySlots.length === 0 ? (
                <p className="rlp-week__empty">{t('noSlotsThisDay')}</p>
              ) : (
                <ul className="rlp-week__slots">
                  {daySlots.map((s) => (
                    <li key={s.id} className={`rlp-slot rlp-slot--${s.status}`}>
                      <span className="rlp-slot__time">
                        {time(s.startsAt)}–{time(s.endsAt)}
                      </span>
                      <span className="rlp-slot__status">
                        <span aria-hidden="true">{STATUS_ICON[s.status]} </span>
                        {t(`slot_${s.status}` as TextKey)}
                      </span>
                      <span className="rlp-slot__where">{s.locationKind === 'online' ? t('online') : s.location}</span>
                      {withdraw && s.status === 'offered' ? (
                        <Button appearance="subtle-button" className="rlp-slot__withdraw" onClick={() => withdraw(s)} aria-label={`${t('withdraw')}: ${dayName(date, lang)} ${time(s.startsAt)}`}>
                          {t('withdraw')}
                        </Button>
                      ) : null}
                    </li>
                  ))}
                </ul>
              )}
            </li>
          );
        })}
      </ol>
    </section>
  );
}

function addWeek(monday: string, n: number): string {
  const d = new Date(`${monday}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 7 * n);
  return d.toISOString().slice(0, 10);
}

/** After the start time: the interview did not take place (no-show or a too-late cancellation). */
function MissedForm({ id, booking }: { id: string; booking: BookingView }) {
  const { t } = useI18n();
  const { account } = useSession();
  const client = useQueryClient();
  const judgement = useRecord(id, 'judgement');
  const otherId = judgement.data?.agreements.map((a) => a.assessorId).find((a) => a !== account?.id);
  const [kind, setKind] = useState<'no_show' | 'late_cancellation'>('no_show');
  const [who, setWho] = useState<'candidate' | 'me' | 'other'>('candidate');
  const [reason, setReason] = useState('');
  const [next, setNext] = useState<'new_slots' | 'advise'>('new_slots');
  const [error, setError] = useState<unknown>(null);
  const submit = async () => {
    setError(null);
    try {
      const absentAssessorId = who === 'me' ? account?.id : who === 'other' ? otherId : undefined;
      await send(`/assessments/${id}/interview/missed`, 'POST', { kind, absentParty: who === 'candidate' ? 'candidate' : 'assessor', ...(absentAssessorId ? { absentAssessorId } : {}), reason: reason.trim(), next: who === 'candidate' ? next : 'new_slots' });
      await refreshDossier(client, id);
    } catch (err) {
      setError(err);
    }
  };
  const radios = <T extends string>(name: string, value: T, set: (v: T) => void, options: Array<[T, TextKey]>) => (
    <div className="rlp-radios">
      {options.map(([v, label]) => (
        <label key={v} className="rlp-radio">
          <input type="radio" name={name} value={v} checked={value === v} onChange={() => set(v)} />
          <span>{t(label)}</span>
        </label>
      ))}
    </div>
  );
  return (
    <div className="rlp-subsection" data-booking={booking.id}>
      <Heading3>{t('afterStartTitle')}</Heading3>
      <Paragraph className="rlp-hint">{t('afterStartIntro')}</Paragraph>
      <form
        className="rlp-form"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <fieldset className="rlp-fieldset">
          <legend>{t('missedKind')}</legend>
          {radios('missed-kind', kind, setKind, [['no_show', 'missed_no_show'], ['late_cancellation', 'missed_late_cancellation']])}
        </fieldset>
        <fieldset className="rlp-fieldset">
          <legend>{t('absentParty')}</legend>
          {radios('missed-who', who, setWho, [['candidate', 'absent_candidate'], ['me', 'absent_me'], ['other', 'absent_other']])}
        </fieldset>
        <FormField input={<Textarea id="missed-reason" value={reason} rows={2} required onChange={(e) => setReason(e.target.value)} />} label={<FormLabel htmlFor="missed-reason">{t('missedReason')}</FormLabel>} />
        {who === 'candidate' ? (
          <fieldset className="rlp-fieldset">
            <legend>{t('missedNext')}</legend>
            {radios('missed-next', next, setNext, [['new_slots', 'next_new_slots'], ['advise', 'next_advise']])}
          </fieldset>
        ) : null}
        <ProblemAlert error={error} />
        <Button type="submit" appearance="secondary-action-button">
          {t('recordMissed')}
        </Button>
      </form>
    </div>
  );
}

function MissedHistory({ missed }: { missed: BookingView[] }) {
  const { t, dateTime, message } = useI18n();
  return (
    <Section id="missed-title" title={t('missedHistory')}>
      <ul className="rlp-findings">
        {missed.map((b) => (
          <li key={b.id}>
            {dateTime(b.slot.startsAt)}: {b.missed ? `${t(`missed_${b.missed.kind}` as TextKey)} — ${t(b.missed.absentParty === 'candidate' ? 'absent_candidate' : 'absent_assessor')}. ${message(b.missed.reason)}` : null}
          </li>
        ))}
      </ul>
    </Section>
  );
}
