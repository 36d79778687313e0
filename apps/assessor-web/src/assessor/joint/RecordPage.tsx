import { Alert, Button, ButtonGroup, FormField, FormLabel, Heading3, Paragraph, Textarea } from '@utrecht/component-library-react';
import { useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useParams } from 'react-router';
import { useSession } from '@rlp/web-ui/session';
import { ErrorBox, Loading } from '@rlp/web-ui/status';
import { ApiError, problemOf, raw } from '../../api/client';
import { useI18n, type TextKey } from '../../i18n';
import { Agreements, ConflictPanel, Label, PageTop, ProblemAlert, SaveState, Section, useFocusAfter } from './common';
import { keys, useComparison, useDossier, usePreparation, useRecord, useSlots } from './data';
import { draftKey, readDraft, useJointEditor } from './editor';
import { deepEqual, resolve, segments, threeWay, type FieldConflict, type JsonObject } from './merge';
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
  const focusAfter = useFocusAfter(!editor.conflict);
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
            const [head, code = ''] = segments(editor.conflict!.fields[0]!.pointer);
            editor.resolveConflict((f) => choices[f.pointer] ?? 'mine');
            setChoices({});
            focusAfter(head === 'findings' ? [`[id="finding-${code}"]`] : head === 'advice' ? ['input[name="advice"]:checked', 'input[name="advice"]'] : ['[id="advice-motivation"]']);
          }}
        />
      ) : null}
      <div role="status">
        {editor.behind && !editor.conflict ? (
          <Alert type="warning">
            <Paragraph>{t('behind')}</Paragraph>
          </Alert>
        ) : null}
      </div>
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

type Notes = Record<string, string>;
const cleanNotes = (notes: Notes): Notes => Object.fromEntries(Object.entries(notes).filter(([, v]) => v.trim() !== ''));
interface PrepState {
  etag: string;
  /** The saved notes the typing started from (the base of a three-way merge). */
  base: Notes;
  notes: Notes;
}

/**
 * My notes with a local draft (as the judgement: a reload loses nothing) and, when another tab
 * saved meanwhile (412, or a draft from an older version), a three-way merge per agenda item:
 * only items both changed differently are put to the assessor; a save never drops the other
 * tab's notes.
 */
function PreparationForm({ id, agenda, view }: { id: string; agenda: AgendaItem[]; view: PreparationView }) {
  const { t, pick } = useI18n();
  const { account } = useSession();
  const client = useQueryClient();
  const key = draftKey(id, 'preparation', account?.id ?? '');
  const [initial] = useState(() => {
    const d = readDraft(key) as { etag: string; base: Notes; local: Notes } | null;
    if (!d) return { s: { etag: view.etag, base: view.notes, notes: view.notes }, conflict: null };
    if (d.etag === view.etag) return { s: { etag: d.etag, base: d.base, notes: d.local }, conflict: null };
    const m = threeWay(cleanNotes(d.base) as JsonObject, cleanNotes(d.local) as JsonObject, view.notes as JsonObject);
    return { s: { etag: view.etag, base: view.notes, notes: m.merged as Notes }, conflict: m.conflicts.length > 0 ? { merged: m.merged as Notes, fields: m.conflicts } : null };
  });
  const [state, setStateRaw] = useState<PrepState>(initial.s);
  const current = useRef<PrepState>(initial.s);
  const [conflict, setConflict] = useState<{ merged: Notes; fields: FieldConflict[] } | null>(initial.conflict);
  const [choices, setChoices] = useState<Record<string, 'mine' | 'theirs'>>({});
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  const focusAfter = useFocusAfter(!conflict);
  const dirty = !deepEqual(cleanNotes(state.notes), cleanNotes(state.base));

  const put = (next: PrepState) => {
    current.current = next;
    setStateRaw(next);
    if (deepEqual(cleanNotes(next.notes), cleanNotes(next.base))) localStorage.removeItem(key);
    else localStorage.setItem(key, JSON.stringify({ etag: next.etag, base: next.base, local: next.notes }));
  };

  const save = async (): Promise<void> => {
    setError(null);
    setSaved(false);
    setBusy(true);
    const sent = current.current;
    const body = { notes: cleanNotes(sent.notes) };
    try {
      const res = await raw(`/assessments/${id}/preparation`, { method: 'PUT', headers: { 'If-Match': sent.etag }, json: body });
      if (res.ok) {
        const next = (await res.json()) as PreparationView;
        client.setQueryData(keys.preparation(id), next);
        // Typed while saving: stays as unsaved notes on top of the version just made.
        put({ etag: next.etag, base: next.notes, notes: deepEqual(cleanNotes(current.current.notes), body.notes) ? next.notes : current.current.notes });
        setSaved(true);
        return;
      }
      if (res.status === 412) {
        const fresh = await client.fetchQuery({ queryKey: keys.preparation(id), queryFn: async () => (await (await raw(`/assessments/${id}/preparation`)).json()) as PreparationView, staleTime: 0 });
        const mine = current.current;
        const m = threeWay(cleanNotes(mine.base) as JsonObject, cleanNotes(mine.notes) as JsonObject, fresh.notes as JsonObject);
        put({ etag: fresh.etag, base: fresh.notes, notes: m.merged as Notes });
        if (m.conflicts.length > 0) {
          setConflict({ merged: m.merged as Notes, fields: m.conflicts });
          return;
        }
        // Nothing needed a choice: the merge goes out at once.
        setBusy(false);
        return void (await save());
      }
      const problem = await problemOf(res);
      setError(problem instanceof ApiError ? problem : null);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const onResolve = () => {
    if (!conflict) return;
    const notes = resolve(conflict.merged as JsonObject, conflict.fields, (f) => choices[f.pointer] ?? 'mine') as Notes;
    const first = segments(conflict.fields[0]!.pointer)[0] ?? '';
    put({ ...current.current, notes });
    setConflict(null);
    setChoices({});
    focusAfter([`[id="prep-${first}"]`]);
    void save();
  };
  const notes = state.notes;
  const labelOf = (code: string) => `${t('notesFor')}: ${pick(agenda.find((a) => a.criterion === code)?.label ?? code)}`;
  return (
    <Section id="preparation-title" title={t('preparationTitle')}>
      <Paragraph className="rlp-hint">{t('preparationIntro')}</Paragraph>
      {conflict ? (
        <ConflictPanel
          conflict={conflict}
          fieldLabel={(pointer) => labelOf(segments(pointer)[0] ?? '')}
          choices={choices}
          setChoice={(p, c) => setChoices((old) => ({ ...old, [p]: c }))}
          onResolve={onResolve}
          intro="prepConflictIntro"
          theirsLabel="conflictTheirsTab"
          idPrefix="prep-conflict"
        />
      ) : null}
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
            input={<Textarea id={`prep-${item.criterion}`} rows={2} value={notes[item.criterion] ?? ''} disabled={Boolean(conflict)} onChange={(e) => put({ ...current.current, notes: { ...current.current.notes, [item.criterion]: e.target.value } })} />}
            label={
              <FormLabel htmlFor={`prep-${item.criterion}`}>
                {t('notesFor')}: <Label text={item.label} />
              </FormLabel>
            }
          />
        ))}
        <ProblemAlert error={error} />
        <div role="status">
          {busy || dirty || saved ? <p className={`rlp-save rlp-save--${busy ? 'saving' : dirty ? 'dirty' : 'saved'}`}>{busy ? t('saving') : dirty ? t('preparationUnsaved') : t('preparationSaved')}</p> : null}
        </div>
        <Button type="submit" appearance="secondary-action-button" disabled={busy || Boolean(conflict)}>
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
