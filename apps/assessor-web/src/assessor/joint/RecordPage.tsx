import { Alert, Button, ButtonGroup, FormField, FormLabel, Heading3, Paragraph, Textarea } from '@utrecht/component-library-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useParams } from 'react-router';
import { useSession } from '@rlp/web-ui/session';
import { ErrorBox, Loading } from '@rlp/web-ui/status';
import { ApiError, problemOf, raw } from '../../api/client';
import { useI18n, type TextKey } from '../../i18n';
import { Agreements, ConflictPanel, Label, PageTop, ProblemAlert, SaveState, Section } from './common';
import { keys, useComparison, useDossier, usePreparation, useRecord, useSlots } from './data';
import { useJointEditor } from './editor';
import { segments, type JsonObject } from './merge';
import type { AgendaItem, InterviewContent, PreparationView } from './types';

export function RecordPage() {
  const { id = '' } = useParams();
  const { t, dateTime } = useI18n();
  const dossier = useDossier(id);
  const slots = useSlots(id);
  const judgement = useRecord(id, 'judgement');
  const top = <PageTop id={id} title={t('recordTitle')} />;
  if (dossier.isPending || slots.isPending || judgement.isPending) return (<>{top}<Loading /></>);
  const error = dossier.error ?? slots.error ?? judgement.error;
  if (error || !judgement.data || !slots.data || !dossier.data) return (<>{top}<ErrorBox error={error} /></>);
  const agenda = judgement.data.content.agenda;
  const booking = slots.data.booking;
  const status = dossier.data.status;
  const held = ['interview_held', 'decided'].includes(status);
  const started = held || (booking !== null && Date.parse(booking.slot.startsAt) <= Date.now());
  return (
    <>
      {top}
      <div className="rlp-intro">
        <Paragraph>{t('recordIntro')}</Paragraph>
      </div>
      {!started ? (
        <>
          <Alert type="info">
            <Paragraph>{booking ? `${t('recordNotYet')} ${t('startsAt')}: ${dateTime(booking.slot.startsAt)}.` : t('recordNoBooking')}</Paragraph>
          </Alert>
          <Preparation id={id} agenda={agenda} />
        </>
      ) : (
        <>
          {booking?.missed?.next === 'advise' ? (
            <Alert type="info">
              <Paragraph>{t('missedAdvice')}</Paragraph>
            </Alert>
          ) : null}
          <RecordEditor id={id} agenda={agenda} />
          <Preparation id={id} agenda={agenda} />
        </>
      )}
    </>
  );
}

function RecordEditor({ id, agenda }: { id: string; agenda: AgendaItem[] }) {
  const { t, pick, message } = useI18n();
  const { account } = useSession();
  const cmp = useComparison(id);
  const editor = useJointEditor(id, 'interview');
  const [choices, setChoices] = useState<Record<string, 'mine' | 'theirs'>>({});
  if (editor.query.isPending) return <Loading />;
  if (editor.query.error) return <ErrorBox error={editor.query.error} retry={() => void editor.query.refetch()} />;
  const server = editor.server!;
  const value = (editor.value ?? {}) as unknown as InterviewContent;
  const otherName = cmp.data?.other?.assessorName ?? t('coAssessor');
  const labelOf = (code: string) => pick(agenda.find((a) => a.criterion === code)?.label ?? code);
  const partLabel = (part: string) => (part === 'advice' ? t('adviceTitle') : labelOf(part.replace(/^findings\//, '')));
  const fieldLabel = (pointer: string) => {
    const [head, code] = segments(pointer);
    if (head === 'findings') return `${labelOf(code ?? '')} — ${t('fieldFinding')}`;
    return head === 'advice' ? t('fieldAdvice') : t('fieldAdviceMotivation');
  };
  const set = (patch: Partial<InterviewContent>) => {
    const next = { findings: { ...value.findings }, advice: value.advice ?? null, motivation: value.motivation ?? null, ...patch };
    next.findings = Object.fromEntries(Object.entries(next.findings).filter(([, v]) => v !== ''));
    if (next.motivation === '') next.motivation = null;
    editor.setValue(next as unknown as JsonObject);
  };

  if (server.finalAt) {
    return (
      <>
        <Alert type="ok" role="status">
          <Paragraph>
            <span aria-hidden="true">✓ </span>
            {t('finalRecord')} {server.version}.
          </Paragraph>
        </Alert>
        <Section id="findings-title" title={t('findings')}>
          <dl className="rlp-jlist">
            {agenda.map((item) => (
              <div key={item.criterion} className="rlp-jlist__row">
                <dt><Label text={item.label} /></dt>
                <dd>{server.content.findings[item.criterion] ?? '—'}</dd>
              </div>
            ))}
          </dl>
        </Section>
        <Section id="advice-title" title={t('adviceTitle')}>
          <Paragraph>
            <strong>{server.content.advice ? t(`advice_${server.content.advice}` as TextKey) : '—'}</strong>
          </Paragraph>
          <Paragraph>{server.content.motivation}</Paragraph>
        </Section>
      </>
    );
  }

  const mine = server.agreements.find((a) => a.assessorId === account?.id);
  const canAgree = !editor.dirty && server.version > 0 && server.missing.length === 0 && !mine?.complete;
  return (
    <>
      {editor.conflict ? (
        <ConflictPanel
          conflict={editor.conflict}
          fieldLabel={fieldLabel}
          choices={choices}
          setChoice={(p, c) => setChoices((old) => ({ ...old, [p]: c }))}
          onResolve={() => {
            editor.resolveConflict((f) => choices[f.pointer] ?? 'mine');
            setChoices({});
          }}
        />
      ) : null}
      {editor.behind && !editor.conflict ? (
        <Alert type="warning">
          <Paragraph>{t('behind')}</Paragraph>
        </Alert>
      ) : null}
      <form
        className="rlp-form"
        aria-label={t('recordTitle')}
        onSubmit={(e) => {
          e.preventDefault();
          void editor.save();
        }}
      >
        <Section id="findings-title" title={t('findings')}>
          {agenda.map((item) => (
            <div key={item.criterion} className="rlp-item">
              <FormField
                input={<Textarea id={`finding-${item.criterion}`} value={value.findings?.[item.criterion] ?? ''} rows={3} disabled={Boolean(editor.conflict)} onChange={(e) => set({ findings: { ...value.findings, [item.criterion]: e.target.value } })} aria-describedby={`finding-hint-${item.criterion}`} />}
                label={
                  <FormLabel htmlFor={`finding-${item.criterion}`}>
                    {t('finding')}: <Label text={item.label} />
                  </FormLabel>
                }
              />
              <p className="rlp-hint" id={`finding-hint-${item.criterion}`}>
                {item.reasons.map((r) => t(`reason_${r}` as TextKey)).join(' · ')}
                {item.questions.length > 0 ? ` — ${t('questions')}: ${item.questions.join(' · ')}` : ''}
              </p>
            </div>
          ))}
        </Section>
        <Section id="advice-title" title={t('adviceTitle')}>
          <fieldset className="rlp-fieldset" disabled={Boolean(editor.conflict)}>
            <legend>{t('advice')}</legend>
            <div className="rlp-radios">
              {(['positive', 'negative'] as const).map((a) => (
                <label key={a} className="rlp-radio">
                  <input type="radio" name="advice" value={a} checked={value.advice === a} onChange={() => set({ advice: a })} />
                  <span>{t(`advice_${a}`)}</span>
                </label>
              ))}
            </div>
          </fieldset>
          <FormField input={<Textarea id="advice-motivation" value={value.motivation ?? ''} rows={4} disabled={Boolean(editor.conflict)} onChange={(e) => set({ motivation: e.target.value })} />} label={<FormLabel htmlFor="advice-motivation">{t('adviceMotivation')}</FormLabel>} />
        </Section>
        <ProblemAlert error={editor.state === 'error' ? editor.error : null} />
        <div className="rlp-actions">
          <Button type="submit" appearance="primary-action-button" disabled={!editor.dirty || editor.state === 'saving' || Boolean(editor.conflict)}>
            {t('save')}
          </Button>
          {editor.dirty && !editor.conflict ? (
            <Button appearance="subtle-button" onClick={editor.discard}>
              {t('discard')}
            </Button>
          ) : null}
          <SaveState state={editor.state} dirty={editor.dirty} version={server.version} />
        </div>
      </form>
      <Section id="agreement-title" title={t('agreementsTitle')}>
        <Agreements agreements={server.agreements} version={server.version} me={account?.id} otherName={otherName} partLabel={partLabel} />
        {!editor.dirty && server.version > 0 && server.missing.length > 0 ? (
          <>
            <p className="rlp-cell-label">{t('stillMissing')}</p>
            <ul className="rlp-findings">
              {server.missing.map((m) => (
                <li key={m.path}>{message(m.message)}</li>
              ))}
            </ul>
          </>
        ) : null}
        {editor.dirty ? <Paragraph>{t('agreeFirstSave')}</Paragraph> : null}
        {mine?.complete ? <Paragraph>{t('youAgreed')}</Paragraph> : null}
        <ButtonGroup>
          <Button appearance="primary-action-button" disabled={!canAgree || editor.state === 'agreeing'} onClick={() => void editor.agree()}>
            {t('agreeButton')} {server.version}
          </Button>
        </ButtonGroup>
      </Section>
    </>
  );
}

/** My own notes per agenda item, where the API offers them (left out when it does not). */
function Preparation({ id, agenda }: { id: string; agenda: AgendaItem[] }) {
  const prep = usePreparation(id, true);
  if (prep.isPending || prep.error || !prep.data) return null;
  return <PreparationForm id={id} agenda={agenda} view={prep.data} />;
}

function PreparationForm({ id, agenda, view }: { id: string; agenda: AgendaItem[]; view: PreparationView }) {
  const { t } = useI18n();
  const client = useQueryClient();
  const [notes, setNotes] = useState<Record<string, string>>(view.notes);
  const [etag, setEtag] = useState(view.etag);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const save = async () => {
    setError(null);
    setSaved(false);
    const body = { notes: Object.fromEntries(Object.entries(notes).filter(([, v]) => v.trim() !== '')) };
    const res = await raw(`/assessments/${id}/preparation`, { method: 'PUT', headers: { 'If-Match': etag }, json: body });
    if (res.ok) {
      const next = (await res.json()) as PreparationView;
      setEtag(next.etag);
      setSaved(true);
      client.setQueryData(keys.preparation(id), next);
      return;
    }
    const problem = await problemOf(res);
    // Saved in another tab meanwhile: what is typed here stays; saving again keeps it.
    if (res.status === 412) {
      const fresh = await client.fetchQuery({ queryKey: keys.preparation(id), queryFn: async () => (await (await raw(`/assessments/${id}/preparation`)).json()) as PreparationView });
      setEtag(fresh.etag);
    }
    setError(problem instanceof ApiError ? problem : null);
  };
  return (
    <Section id="preparation-title" title={t('preparationTitle')}>
      <Paragraph className="rlp-hint">{t('preparationIntro')}</Paragraph>
      <form
        className="rlp-form"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        {agenda.map((item) => (
          <FormField
            key={item.criterion}
            input={<Textarea id={`prep-${item.criterion}`} rows={2} value={notes[item.criterion] ?? ''} onChange={(e) => setNotes((old) => ({ ...old, [item.criterion]: e.target.value }))} />}
            label={
              <FormLabel htmlFor={`prep-${item.criterion}`}>
                {t('notesFor')}: <Label text={item.label} />
              </FormLabel>
            }
          />
        ))}
        <ProblemAlert error={error} />
        {saved ? (
          <p className="rlp-save rlp-save--saved" role="status">
            {t('preparationSaved')}
          </p>
        ) : null}
        <Button type="submit" appearance="secondary-action-button">
          {t('preparationSave')}
        </Button>
      </form>
      {view.shared && view.other ? (
        <>
          <Heading3>
            {t('preparationOther')} {view.other.assessorName}
          </Heading3>
          <dl className="rlp-jlist">
            {agenda.map((item) => (
              <div key={item.criterion} className="rlp-jlist__row">
                <dt><Label text={item.label} /></dt>
                <dd>{view.other!.notes[item.criterion] ?? '—'}</dd>
              </div>
            ))}
          </dl>
        </>
      ) : null}
    </Section>
  );
}
