import { Alert, Button, Checkbox, FormField, FormFieldDescription, FormLabel, Heading1, Heading2, Heading3, Paragraph, Textarea } from '@utrecht/component-library-react';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { RouterButtonLink } from '@rlp/web-ui/links';
import { useSession } from '@rlp/web-ui/session';
import { ErrorBox, Loading } from '@rlp/web-ui/status';
import { sameJson, useVersionedAutosave, type AutosaveState, type MergeConflict } from '@rlp/web-ui/versioned-autosave';
import { ApiError, problemOf, raw } from '../api/client';
import { useI18n, type TextKey } from '../i18n';
import { DossierBreadcrumb, DossierNav } from './DossierNav';
import { dossierKey, useDossier, useGuidance, usePortfolio, VERDICTS, type CriterionScore, type Guidance, type Problem, type ScoreableCriterion, type ScoringView, type Verdict } from './model';

/** What the form holds per criterion: also what cannot be sent yet (text before a verdict). */
interface Entry {
  verdict: Verdict | '';
  motivation: string;
  ask: boolean;
  question: string;
}
type Local = Record<string, Entry>;
type Scores = Record<string, CriterionScore>;

const EMPTY: Entry = { verdict: '', motivation: '', ask: false, question: '' };

/** Texts of this page's later states (Dutch first). */
const MORE = {
  wholeCriterion: ['hele criterium', 'whole criterion'],
  noVerdictThere: ['daar geen oordeel', 'no verdict there'],
  keptTitle: ['Niet opgeslagen: je beoordeling is elders ingediend', 'Not saved: your scoring was submitted elsewhere'],
  keptIntro: [
    'Je beoordeling is intussen in een ander venster ingediend en kan niet meer veranderen. Wat je hier nog typte is niet opgeslagen; het staat hieronder, zodat je het kunt kopiëren.',
    'Your scoring has meanwhile been submitted in another window and can no longer change. What you still typed here was not saved; it is below, so you can copy it.',
  ],
  copy: ['Kopieer deze tekst', 'Copy this text'],
  copied: ['Gekopieerd', 'Copied'],
  dismissKept: ['Verberg deze tekst', 'Hide this text'],
  heldNotice: [
    'Er staan nog wijzigingen van een eerder bezoek op dit apparaat. Kies per verschil welke versie je houdt; tot dan wordt niets opgeslagen.',
    'Changes from an earlier visit are still on this device. Choose per difference which version to keep; nothing is saved until then.',
  ],
} as const satisfies Record<string, readonly [string, string]>;

/** Where focus goes for a conflict's field (the field itself, else the criterion's title). */
function fieldId(path: string[]): string {
  const [code = '', field] = path;
  const slug = criterionAnchor(code);
  if (field === 'motivation' || field === 'question' || field === 'ask') return `${slug}-${field}`;
  // The verdict or the whole criterion: the group's radio buttons (name `${slug}-verdict`).
  return `${slug}-verdict`;
}
/** The view with each criterion's own version (PUT …/scoring/criteria/:criterion; ADR 0014 §7). */
type View = ScoringView & { criterionVersions?: Record<string, { version: number; etag: string }> };

function toLocal(scores: Scores): Local {
  return Object.fromEntries(Object.entries(scores).map(([code, s]) => [code, { verdict: s.verdict, motivation: s.motivation ?? '', ask: s.questions.length > 0, question: s.questions.join('\n') }]));
}

function toBody(local: Local): Scores {
  const out: Scores = {};
  for (const [code, e] of Object.entries(local)) {
    if (!e.verdict) continue;
    const questions = e.ask ? e.question.split('\n').map((q) => q.trim()).filter((q) => q !== '') : [];
    out[code] = { verdict: e.verdict, motivation: e.motivation.trim() === '' ? null : e.motivation.trim(), questions };
  }
  return out;
}

export const criterionAnchor = (code: string) => `criterium-${code.replace(/[^A-Za-z0-9]+/g, '-')}`;

/** The criteria grouped as in the toetsingskader: A, B.1, then the tasks, knowledge areas, competences, attitude. */
function groupOf(code: string): TextKey {
  if (code === 'A') return 'criterionGroup_A';
  if (code === 'B1') return 'criterionGroup_B1';
  const kind = code.split('.')[1] ?? '';
  return `criterionGroup_${kind}` as TextKey;
}

/** The rulebook's guidance for a criterion, shown beside it. */
function guidanceFor(code: string, g: Guidance | undefined): { items: readonly string[]; extra?: string } | null {
  if (!g) return null;
  if (code === 'A' || code === 'B1') return { items: g.parts[code]?.intro ?? [] };
  const [, kind, id] = code.split('.');
  if (kind === 'TASK') {
    const task = g.cases.tasks.find((x) => x.id === id);
    return task ? { items: task.indicators } : null;
  }
  if (kind === 'KNOWLEDGE') {
    const area = g.cases.knowledge.items.find((x) => x.id === id);
    return area ? { items: area.indicators } : null;
  }
  if (kind === 'COMPETENCE') {
    const comp = g.cases.competences.items.find((x) => x.id === id);
    return comp ? { items: comp.indicators, extra: comp.definition } : null;
  }
  if (kind === 'ATTITUDE') {
    const crit = g.cases.attitude.criteria.find((x) => x.id === id);
    return crit ? { items: [crit.question], extra: crit.description } : null;
  }
  return null;
}

/** Where in the portfolio a criterion is described. */
function portfolioAnchor(code: string): string {
  if (code === 'A') return '#deel-A';
  if (code === 'B1') return '#deel-B1';
  return '#deel-C1';
}

function SaveState({ state }: { state: AutosaveState }) {
  const { t } = useI18n();
  return (
    <p className={`rlp-save rlp-save--${state}`} role="status" aria-live="polite" data-save-state={state}>
      <span className="rlp-visually-hidden">{t('saveStateLabel')}: </span>
      {t(`save_${state}` as TextKey)}
    </p>
  );
}

function CriterionForm(props: { c: ScoreableCriterion; entry: Entry; onChange: (e: Entry) => void; readOnly: boolean; guidance: Guidance | undefined; missing: Problem[]; dossierId: string }) {
  const { c, entry, onChange, readOnly, missing } = props;
  const { t, pick } = useI18n();
  const slug = criterionAnchor(c.code);
  const label = pick(c.label);
  const g = guidanceFor(c.code, props.guidance);
  const motivationRequired = entry.verdict !== '' && entry.verdict !== 'aangetoond';
  const unsent = entry.verdict === '' && (entry.motivation.trim() !== '' || entry.question.trim() !== '');
  const isMissing = missing.length > 0;
  const set = (patch: Partial<Entry>) => onChange({ ...entry, ...patch });
  return (
    <section id={slug} className={`rlp-criterion${isMissing ? ' rlp-criterion--missing' : ''}`} aria-labelledby={`${slug}-title`}>
      <div className="rlp-with-aside">
        <div>
          <Heading3 id={`${slug}-title`}>{label}</Heading3>
          {isMissing ? (
            <p className="rlp-finding rlp-finding--warning" id={`${slug}-missing`}>
              {missing.map((m) => (m.code === 'VERDICT_MISSING' ? t('missingVerdict') : t('missingMotivation'))).join(', ')}
            </p>
          ) : null}
          <fieldset aria-describedby={isMissing ? `${slug}-missing` : undefined}>
            <legend>{t('verdict')}</legend>
            <div className="rlp-verdicts">
              {VERDICTS.map((v) => (
                <label key={v} htmlFor={`${slug}-${v}`}>
                  <input type="radio" className="utrecht-radio-button utrecht-radio-button--html-input" id={`${slug}-${v}`} name={`${slug}-verdict`} value={v} checked={entry.verdict === v} disabled={readOnly} onChange={() => set({ verdict: v, ...(v === 'te_bevragen' ? { ask: true } : {}) })} />
                  {t(`verdict_${v}` as TextKey)}
                </label>
              ))}
            </div>
          </fieldset>
          <FormField type="text">
            <FormLabel htmlFor={`${slug}-motivation`}>{t('motivation')}</FormLabel>
            <FormFieldDescription id={`${slug}-motivation-hint`}>{motivationRequired ? t('motivationRequired') : t('motivationOptional')}</FormFieldDescription>
            <Textarea id={`${slug}-motivation`} rows={3} maxLength={5000} readOnly={readOnly} aria-describedby={`${slug}-motivation-hint`} aria-required={motivationRequired || undefined} value={entry.motivation} onChange={(e) => set({ motivation: e.target.value })} />
          </FormField>
          <FormField
            type="checkbox"
            input={<Checkbox id={`${slug}-ask`} checked={entry.ask} disabled={readOnly} onChange={(e) => set({ ask: e.target.checked })} />}
            label={
              <FormLabel htmlFor={`${slug}-ask`} type="checkbox">
                {t('askInInterview')}
              </FormLabel>
            }
          />
          {entry.ask ? (
            <FormField type="text">
              <FormLabel htmlFor={`${slug}-question`}>{t('interviewQuestion')}</FormLabel>
              <Textarea id={`${slug}-question`} rows={2} maxLength={1000} readOnly={readOnly} value={entry.question} onChange={(e) => set({ question: e.target.value })} />
            </FormField>
          ) : null}
          {unsent && !readOnly ? <p className="rlp-hint">{t('notStoredYet')}</p> : null}
          <p>
            <Link to={`/dossiers/${props.dossierId}/portfolio${portfolioAnchor(c.code)}`}>{t('readInPortfolio')}</Link>
          </p>
        </div>
        {g && g.items.length > 0 ? (
          <aside className="rlp-aside" aria-label={`${t('indicatorsFor')} ${label}`}>
            <p className="rlp-aside__title">{c.code.includes('ATTITUDE') ? t('question') : t('indicators')}</p>
            <ul>
              {g.items.map((i) => (
                <li key={i}>{i}</li>
              ))}
            </ul>
            {g.extra ? <p className="rlp-hint">{g.extra}</p> : null}
          </aside>
        ) : (
          <div />
        )}
      </div>
    </section>
  );
}

function Conflicts({ conflicts, labelOf, take, dismiss, held }: { conflicts: MergeConflict[]; labelOf: (code: string) => string; take: (c: MergeConflict) => void; dismiss: (c: MergeConflict) => void; held: boolean }) {
  const { t, lang } = useI18n();
  const more = (k: keyof typeof MORE) => MORE[k][lang === 'en' ? 1 : 0];
  if (conflicts.length === 0) return null;
  const fieldName = (f: string | undefined) => (f === 'motivation' ? t('motivation') : f === 'question' ? t('interviewQuestion') : f === 'verdict' ? t('verdict') : f === 'ask' ? t('askInInterview') : f === undefined ? more('wholeCriterion') : f);
  const verdictText = (v: unknown) => (typeof v === 'string' && v !== '' ? t(`verdict_${v}` as TextKey) : '—');
  const show = (v: unknown, field: string | undefined): string => {
    if (field === 'verdict') return verdictText(v);
    if (typeof v === 'string') return v === '' ? '—' : v;
    if (v === undefined || v === null) return field === undefined ? more('noVerdictThere') : '—';
    if (typeof v === 'boolean') return v ? t('yes') : t('no');
    if (typeof v === 'object' && !Array.isArray(v)) {
      // A whole criterion (scored or removed only there): its fields in words, never "[object Object]".
      const e = { ...EMPTY, ...(v as Partial<Entry>) };
      return [`${t('verdict')}: ${verdictText(e.verdict)}`, `${t('motivation')}: ${e.motivation || '—'}`, ...(e.ask ? [`${t('interviewQuestion')}: ${e.question || '—'}`] : [])].join('\n');
    }
    return JSON.stringify(v);
  };
  return (
    <section className="rlp-conflict" aria-labelledby="conflict-title" role="alert">
      <Heading2 id="conflict-title">{t('conflictTitle')}</Heading2>
      <Paragraph>{t('conflictIntro')}</Paragraph>
      {held ? <Paragraph>{more('heldNotice')}</Paragraph> : null}
      {conflicts.map((c) => (
        <div key={c.path.join('/')} className="rlp-conflict__field">
          <Heading3 id={`conflict-${c.path.join('-').replace(/[^A-Za-z0-9-]+/g, '-')}`} tabIndex={-1}>{`${labelOf(c.path[0] ?? '')} — ${fieldName(c.path[1])}`}</Heading3>
          <p className="rlp-conflict__label">{t('otherVersion')}</p>
          <pre className="rlp-conflict__text">{show(c.theirs, c.path[1])}</pre>
          <div className="rlp-actions">
            <Button appearance="secondary-action-button" onClick={() => take(c)}>
              {t('takeOther')}
            </Button>
            <Button appearance="subtle-button" onClick={() => dismiss(c)}>
              {t('keepMine')}
            </Button>
          </div>
        </div>
      ))}
    </section>
  );
}

function Scoring({ id, accountId }: { id: string; accountId: string }) {
  const { t, lang, pick, message, dateTime } = useI18n();
  const more = (k: keyof typeof MORE) => MORE[k][lang === 'en' ? 1 : 0];
  const client = useQueryClient();
  const [view, setView] = useState<ScoringView | null>(null);
  const viewRef = useRef<ScoringView | null>(null);
  const [refused, setRefused] = useState<{ error: ApiError; problems: Problem[] } | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const refusedRef = useRef<HTMLDivElement>(null);
  const submittedRef = useRef<HTMLDivElement>(null);
  const [justSubmitted, setJustSubmitted] = useState(false);
  const [copied, setCopied] = useState<string | null>(null);
  const [nextFocus, setNextFocus] = useState<string | null>(null);
  // After submitting, the button's section is gone: focus goes to the confirmation.
  useEffect(() => {
    if (justSubmitted) submittedRef.current?.focus();
  }, [justSubmitted]);
  // After resolving a conflict: focus to the next one, else to the field it was about.
  useEffect(() => {
    if (nextFocus) {
      const target = document.getElementById(nextFocus) ?? document.querySelector<HTMLElement>(`input[name="${nextFocus}"]:checked`) ?? document.querySelector<HTMLElement>(`input[name="${nextFocus}"]`);
      target?.focus();
      setNextFocus(null);
    }
  }, [nextFocus]);
  const read = useCallback((json: unknown) => {
    const v = json as ScoringView;
    viewRef.current = v;
    setView(v);
    // The whole scoring's ETag (submit names it); a criterion's save answers that criterion's in the header.
    return { body: v.scores, etag: v.etag };
  }, []);
  /** Saves each changed criterion with its own If-Match, so another tab's criteria are no conflict. */
  const save = useCallback(
    async (scores: Scores, etag: string): Promise<Response> => {
      const whole = () => raw(`/assessments/${id}/scoring`, { method: 'PUT', headers: { 'If-Match': etag }, json: { scores } });
      const v = viewRef.current as View | null;
      const base = v?.scores ?? {};
      const versions = v?.criterionVersions;
      // A removed verdict has no per-criterion save: the whole map then.
      if (!versions || Object.keys(base).some((code) => !(code in scores))) return whole();
      let res: Response | undefined;
      for (const code of Object.keys(scores).filter((c) => !sameJson(scores[c], base[c]))) {
        if (res) {
          if (!res.ok) return res;
          viewRef.current = (await res.json()) as ScoringView;
        }
        const current = (viewRef.current as View | null)?.criterionVersions?.[code]?.etag ?? '"criterion.0"';
        res = await raw(`/assessments/${id}/scoring/criteria/${encodeURIComponent(code)}`, { method: 'PUT', headers: { 'If-Match': current }, json: scores[code] });
      }
      return res ?? whole();
    },
    [id],
  );
  const editor = useVersionedAutosave<Local, Scores>({
    storageKey: `rlp.scoring.${id}.${accountId}`,
    load: () => raw(`/assessments/${id}/scoring`),
    save,
    read,
    mergeSaved: true,
    toLocal,
    toBody,
    isReadOnly: () => Boolean(viewRef.current?.submittedAt),
  });
  // The guidance of the rulebook version the portfolio was submitted under.
  const portfolio = usePortfolio(id);
  const guidance = useGuidance(lang, portfolio.data?.rulebookVersion);
  const local = editor.local;
  const criteria = view?.criteria ?? [];
  const readOnly = editor.state === 'readonly';

  const setEntry = (code: string, e: Entry) => {
    if (!local) return;
    editor.setLocal({ ...local, [code]: e });
  };

  const submit = async () => {
    setSubmitting(true);
    setRefused(null);
    try {
      // The ETag after the last save (this render's may be older: submitting right after typing).
      const etag = await editor.flush();
      if (etag === null) {
        setRefused({ error: editor.problem ?? new ApiError(0, { code: 'NOT_SAVED', message: t('save_dirty') }), problems: [] });
        setTimeout(() => refusedRef.current?.focus(), 0);
        return;
      }
      const res = await raw(`/assessments/${id}/scoring/submit`, { method: 'POST', headers: { 'If-Match': etag } });
      if (res.ok) {
        const v = (await res.json()) as ScoringView;
        viewRef.current = v;
        setView(v);
        editor.replace({ body: v.scores, etag: v.etag });
        setJustSubmitted(true);
        await client.invalidateQueries({ queryKey: dossierKey(id) });
        await client.invalidateQueries({ queryKey: ['assessor-dossiers'] });
        return;
      }
      const err = await problemOf(res);
      const details = err.problem.details as { problems?: Problem[] } | undefined;
      setRefused({ error: err, problems: details?.problems ?? [] });
      setTimeout(() => refusedRef.current?.focus(), 0);
    } finally {
      setSubmitting(false);
    }
  };

  if (editor.loadError) return <ErrorBox error={editor.loadError} />;
  if (!local || !view) return <Loading />;
  const labelOf = (code: string) => {
    const c = criteria.find((x) => x.code === code);
    return c ? pick(c.label) : code;
  };
  // Which criteria still stop submitting: the server's refusal if there is one, else its last `missing` list.
  const problems = refused?.problems.length ? refused.problems : [];
  const problemsOf = (code: string) => problems.filter((p) => p.path === `/scores/${code}` || p.path.startsWith(`/scores/${code}/`));
  const scored = criteria.filter((c) => local[c.code]?.verdict).length;
  /** A conflict resolved: focus to the next conflict, else to the field it was about. */
  const resolved = (c: MergeConflict) => {
    const rest = editor.conflicts.filter((x) => x.path.join('/') !== c.path.join('/'));
    editor.dismissConflict(c.path);
    const next = rest[0];
    setNextFocus(next ? `conflict-${next.path.join('-').replace(/[^A-Za-z0-9-]+/g, '-')}` : fieldId(c.path));
  };
  const groups: Array<{ key: TextKey; items: ScoreableCriterion[] }> = [];
  for (const c of criteria) {
    const key = groupOf(c.code);
    const group = groups.find((g) => g.key === key);
    if (group) group.items.push(c);
    else groups.push({ key, items: [c] });
  }
  return (
    <>
      <div className="rlp-sticky-status">
        <SaveState state={editor.state} />
        <span>
          {scored} {t('of')} {criteria.length} {t('progressScored')}
        </span>
      </div>
      {editor.state === 'offline' ? (
        <Alert type="warning">
          <Paragraph>{t('offlineKept')}</Paragraph>
        </Alert>
      ) : null}
      {editor.state === 'error' && editor.problem ? <ErrorBox error={editor.problem} retry={() => void editor.saveNow()} /> : null}
      <Conflicts
        conflicts={editor.conflicts}
        labelOf={labelOf}
        held={editor.held}
        take={(c) => {
          const [code, field] = c.path;
          if (code && field) setEntry(code, { ...EMPTY, ...local[code], [field]: c.theirs ?? (field === 'ask' ? false : '') });
          // A whole criterion: theirs as it is (none there: no verdict here either).
          else if (code) setEntry(code, { ...EMPTY, ...(c.theirs && typeof c.theirs === 'object' ? (c.theirs as Partial<Entry>) : {}) });
          resolved(c);
        }}
        dismiss={resolved}
      />
      {editor.kept ? (
        <section className="rlp-conflict" aria-labelledby="kept-title" role="alert">
          <Heading2 id="kept-title">{more('keptTitle')}</Heading2>
          <Paragraph>{more('keptIntro')}</Paragraph>
          {Object.entries(editor.kept)
            .filter(([code, e]) => !sameJson(e, local[code] ?? EMPTY) && (e.motivation.trim() !== '' || e.question.trim() !== '' || e.verdict !== ''))
            .map(([code, e]) => {
              const text = [e.verdict ? `${t('verdict')}: ${t(`verdict_${e.verdict}` as TextKey)}` : '', e.motivation.trim() ? `${t('motivation')}: ${e.motivation}` : '', e.ask && e.question.trim() ? `${t('interviewQuestion')}: ${e.question}` : ''].filter((x) => x !== '').join('\n');
              return (
                <div key={code} className="rlp-conflict__field" data-kept={code}>
                  <Heading3>{labelOf(code)}</Heading3>
                  <pre className="rlp-conflict__text">{text}</pre>
                  <div className="rlp-actions">
                    <Button
                      appearance="secondary-action-button"
                      onClick={() => {
                        void navigator.clipboard?.writeText(text).then(
                          () => setCopied(code),
                          () => undefined,
                        );
                      }}
                    >
                      {copied === code ? more('copied') : more('copy')}
                    </Button>
                  </div>
                </div>
              );
            })}
          <div className="rlp-actions">
            <Button appearance="subtle-button" onClick={editor.dismissKept}>
              {more('dismissKept')}
            </Button>
          </div>
        </section>
      ) : null}
      {view.submittedAt ? (
        // The Utrecht Alert of type "ok" announces its message itself (role="status"); this wrapper takes the focus.
        <div ref={submittedRef} tabIndex={-1} className="rlp-submitted">
          <Alert type="ok">
          <Paragraph>
            {t('submitted')} {dateTime(view.submittedAt)}. {t('submittedNext')}
          </Paragraph>
          <RouterButtonLink to={`/dossiers/${id}/vergelijking`}>{t('toComparison')}</RouterButtonLink>
          </Alert>
        </div>
      ) : (
        <>
          <Paragraph>{t('scoringIntro')}</Paragraph>
          <p className="rlp-hint">{t('scoringBlind')}</p>
        </>
      )}
      {groups.map((g) => (
        <section key={g.key} aria-labelledby={`groep-${g.key}`}>
          <Heading2 id={`groep-${g.key}`}>{t(g.key)}</Heading2>
          {g.items.map((c) => (
            <CriterionForm key={c.code} c={c} entry={local[c.code] ?? EMPTY} onChange={(e) => setEntry(c.code, e)} readOnly={readOnly} guidance={guidance.data} missing={problemsOf(c.code)} dossierId={id} />
          ))}
        </section>
      ))}
      {!view.submittedAt ? (
        <section className="rlp-card" aria-labelledby="submit-title">
          <Heading2 id="submit-title">{t('submitTitle')}</Heading2>
          <Paragraph>{t('submitIntro')}</Paragraph>
          {refused ? (
            <div ref={refusedRef} tabIndex={-1}>
              <Alert type="error" role="alert">
                {refused.problems.length > 0 ? (
                  <>
                    <Paragraph>{t('submitRefused')}</Paragraph>
                    <ul>
                      {refused.problems.map((p) => {
                        const code = p.path.split('/')[2] ?? '';
                        return (
                          <li key={p.path}>
                            <a href={`#${criterionAnchor(code)}`}>{labelOf(code)}</a>: {p.code === 'VERDICT_MISSING' ? t('missingVerdict') : t('missingMotivation')}
                          </li>
                        );
                      })}
                    </ul>
                  </>
                ) : (
                  <Paragraph>{message(refused.error.message)}</Paragraph>
                )}
              </Alert>
            </div>
          ) : null}
          <div className="rlp-actions">
            <Button appearance="primary-action-button" onClick={() => void submit()} disabled={submitting}>
              {submitting ? t('submitting') : t('submitScoring')}
            </Button>
          </div>
        </section>
      ) : null}
    </>
  );
}

/** My own, blind scoring of the dossier: a form per scoreable criterion, autosaved with If-Match. */
export function ScoringPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const { account } = useSession();
  const dossier = useDossier(id);
  let body: ReactNode;
  if (dossier.isLoading || !account) body = <Loading />;
  else if (!dossier.data) body = <ErrorBox error={dossier.error} />;
  else if (!dossier.data.independenceDeclaredAt)
    body = (
      <Alert type="warning">
        <Paragraph>{t('portfolioLocked')}</Paragraph>
        <Paragraph>
          <Link to={`/dossiers/${id}`}>{t('independenceTitle')}</Link>
        </Paragraph>
      </Alert>
    );
  else body = <Scoring id={id} accountId={account.id} />;
  return (
    <>
      <DossierBreadcrumb id={id} here={t('scoringTitle')} />
      <Heading1>{t('scoringTitle')}</Heading1>
      <DossierNav id={id} />
      {body}
    </>
  );
}
