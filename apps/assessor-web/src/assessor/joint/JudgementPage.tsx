import { Alert, Button, ButtonGroup, FormField, FormLabel, Heading2, Paragraph, Textarea } from '@utrecht/component-library-react';
import { useMemo, useState } from 'react';
import { useParams } from 'react-router';
import { RouterButtonLink } from '@rlp/web-ui/links';
import { useSession } from '@rlp/web-ui/session';
import { ErrorBox, Loading } from '@rlp/web-ui/status';
import { useI18n, type TextKey } from '../../i18n';
import { AgendaList } from './ComparisonPage';
import { Agreements, ConflictPanel, Label, PageTop, ProblemAlert, SaveState, Section, useFocusAfter, VerdictBadge } from './common';
import { isCode, useComparison } from './data';
import { useJointEditor } from './editor';
import { segments, type JsonObject } from './merge';
import { VERDICTS, type AgendaItem, type Comparison, type JointVerdict, type Verdict } from './types';

type Criteria = Record<string, Partial<JointVerdict>>;

/** The agenda as the current (unsaved) verdicts make it: the scorings' agenda plus every joint "te bevragen". */
function agendaOf(cmp: Comparison, criteria: Criteria): AgendaItem[] {
  const base = cmp.agenda ?? [];
  const out: AgendaItem[] = [];
  for (const c of cmp.comparison ?? []) {
    const known = base.find((a) => a.criterion === c.criterion);
    const joint = criteria[c.criterion]?.verdict === 'te_bevragen';
    if (known) out.push(joint && !known.reasons.includes('te_bevragen') ? { ...known, reasons: [...known.reasons, 'te_bevragen'] } : known);
    else if (joint) out.push({ criterion: c.criterion, label: c.label, reasons: ['te_bevragen'], verdicts: c.verdicts, questions: [] });
  }
  return out;
}

export function JudgementPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const cmp = useComparison(id);
  const top = <PageTop id={id} title={t('judgementTitle')} />;
  if (cmp.isPending) return (<>{top}<Loading /></>);
  if (cmp.error) {
    return (
      <>
        {top}
        {isCode(cmp.error, 'OWN_SCORING_NOT_SUBMITTED') ? (
          <Alert type="info"><Paragraph>{t('ownNotSubmitted')}</Paragraph></Alert>
        ) : (
          <ErrorBox error={cmp.error} retry={() => void cmp.refetch()} />
        )}
      </>
    );
  }
  if (!cmp.data.other) {
    return (<>{top}<Alert type="info"><Paragraph>{t('otherNotSubmitted')}</Paragraph></Alert></>);
  }
  return (
    <>
      {top}
      <JudgementEditor id={id} cmp={cmp.data} />
    </>
  );
}

function JudgementEditor({ id, cmp }: { id: string; cmp: Comparison }) {
  const { t, pick, message } = useI18n();
  const { account } = useSession();
  const editor = useJointEditor(id, 'judgement');
  const [choices, setChoices] = useState<Record<string, 'mine' | 'theirs'>>({});
  const [localProblem, setLocalProblem] = useState<string | null>(null);
  const focusAfter = useFocusAfter(!editor.conflict);
  const criteria = (editor.value?.['criteria'] ?? {}) as Criteria;
  const agenda = useMemo(() => agendaOf(cmp, criteria), [cmp, criteria]);
  const otherName = cmp.other?.assessorName ?? t('coAssessor');
  const labelOf = (code: string) => pick(cmp.comparison?.find((c) => c.criterion === code)?.label ?? code);

  if (editor.query.isPending) return <Loading />;
  if (editor.query.error) return isCode(editor.query.error, 'JUDGEMENT_NOT_OPEN') ? <Alert type="info"><Paragraph>{t('judgementNotOpen')}</Paragraph></Alert> : <ErrorBox error={editor.query.error} retry={() => void editor.query.refetch()} />;
  const server = editor.server!;

  const fieldLabel = (pointer: string) => {
    const [, code, field] = segments(pointer);
    return `${labelOf(code ?? '')} — ${field === 'verdict' ? t('fieldVerdict') : t('fieldMotivation')}`;
  };

  if (server.finalAt) {
    return (
      <>
        <Alert type="ok" role="status">
          <Paragraph>
            <span aria-hidden="true">✓ </span>
            {t('finalJudgement')} {server.version}.
          </Paragraph>
        </Alert>
        <dl className="rlp-jlist">
          {(cmp.comparison ?? []).map((c) => (
            <div key={c.criterion} className="rlp-jlist__row">
              <dt><Label text={c.label} /></dt>
              <dd>
                <VerdictBadge verdict={server.content.criteria[c.criterion]?.verdict} />
                {server.content.criteria[c.criterion]?.motivation ? <p className="rlp-cell-text">{server.content.criteria[c.criterion]!.motivation}</p> : null}
              </dd>
            </div>
          ))}
        </dl>
        <Section id="agenda-title" title={t('agendaPreview')}>
          <AgendaList items={server.content.agenda} />
        </Section>
        <div className="rlp-actions">
          <RouterButtonLink to={`/dossiers/${id}/gesprek`}>{t('toInterview')}</RouterButtonLink>
        </div>
      </>
    );
  }

  const update = (code: string, patch: Partial<JointVerdict>) => {
    const current = { ...(criteria[code] ?? {}), ...patch };
    if (current.motivation === '') current.motivation = null;
    const next = { ...criteria } as Criteria;
    if (!current.verdict && !current.motivation) delete next[code];
    else next[code] = current.motivation === null || current.motivation === undefined ? { verdict: current.verdict } : current;
    setLocalProblem(null);
    editor.setValue({ criteria: next } as unknown as JsonObject);
  };

  const save = () => {
    const noVerdict = Object.entries(criteria).filter(([, v]) => !v.verdict).map(([code]) => labelOf(code));
    if (noVerdict.length > 0) {
      setLocalProblem(`${t('verdictMissingFor')}: ${noVerdict.join(', ')}`);
      return;
    }
    void editor.save();
  };

  const mine = server.agreements.find((a) => a.assessorId === account?.id);
  const canAgree = !editor.dirty && server.version > 0 && server.missing.length === 0 && !mine?.complete;
  const prefilled = new Set(server.prefilled);

  // The scorings' agenda decides the grouping (stable while typing), not the joint verdicts.
  const onAgenda = new Set((cmp.agenda ?? []).map((a) => a.criterion));
  const renderCriterion = (c: NonNullable<Comparison['comparison']>[number]) => {
    const v = criteria[c.criterion];
    const own = cmp.own.scores[c.criterion]?.verdict;
    const theirs = cmp.other?.scores[c.criterion]?.verdict;
    const name = `verdict-${c.criterion}`;
    const hintId = `hint-${c.criterion}`;
    return (
      <fieldset key={c.criterion} className="rlp-fieldset rlp-jcriterion" aria-describedby={hintId} disabled={Boolean(editor.conflict)}>
        <legend>
          <Label text={c.label} />
        </legend>
        <p className="rlp-hint" id={hintId}>
          {t('scoredAs')}: {t('you')} <VerdictBadge verdict={own} /> · {otherName} <VerdictBadge verdict={theirs} />
          {prefilled.has(c.criterion) ? <span className="rlp-tag rlp-tag--agree rlp-tag--small"> {t('prefilledTag')}</span> : null}
        </p>
        <div className="rlp-radios" role="radiogroup" aria-label={`${t('jointVerdict')}: ${pick(c.label)}`}>
          {VERDICTS.map((verdict: Verdict) => (
            <label key={verdict} className="rlp-radio">
              <input type="radio" name={name} value={verdict} checked={v?.verdict === verdict} onChange={() => update(c.criterion, { verdict })} />
              <span>{t(`verdict_${verdict}` as TextKey)}</span>
            </label>
          ))}
        </div>
        <FormField input={<Textarea id={`motivation-${c.criterion}`} value={v?.motivation ?? ''} rows={v?.motivation ? 4 : 2} onChange={(e) => update(c.criterion, { motivation: e.target.value })} />} label={<FormLabel htmlFor={`motivation-${c.criterion}`}>{t('motivation')}</FormLabel>} />
      </fieldset>
    );
  };

  return (
    <>
      <div className="rlp-intro">
        <Paragraph>{t('judgementIntro')}</Paragraph>
        {server.version === 0 && prefilled.size > 0 ? <Paragraph>{t('prefilledNote')}</Paragraph> : null}
      </div>
      {editor.conflict ? (
        <ConflictPanel
          conflict={editor.conflict}
          fieldLabel={fieldLabel}
          choices={choices}
          setChoice={(p, c) => setChoices((old) => ({ ...old, [p]: c }))}
          onResolve={() => {
            const [, code = '', field] = segments(editor.conflict!.fields[0]!.pointer);
            editor.resolveConflict((f) => choices[f.pointer] ?? 'mine');
            setChoices({});
            focusAfter(field === 'verdict' ? [`input[name="verdict-${code}"]:checked`, `input[name="verdict-${code}"]`] : [`[id="motivation-${code}"]`]);
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
        aria-label={t('judgementTitle')}
        onSubmit={(e) => {
          e.preventDefault();
          save();
        }}
      >
        <Heading2>{t('groupDiscuss')}</Heading2>
        <Paragraph className="rlp-hint rlp-jgroup-intro">{t('groupDiscussIntro')}</Paragraph>
        {(cmp.comparison ?? []).filter((c) => onAgenda.has(c.criterion)).map(renderCriterion)}
        <Heading2>{t('groupAgreed')}</Heading2>
        <Paragraph className="rlp-hint rlp-jgroup-intro">{t('groupAgreedIntro')}</Paragraph>
        {(cmp.comparison ?? []).filter((c) => !onAgenda.has(c.criterion)).map(renderCriterion)}
        {localProblem ? (
          <Alert type="error" role="alert">
            <Paragraph>{localProblem}</Paragraph>
          </Alert>
        ) : null}
        <ProblemAlert error={editor.state === 'error' ? editor.error : null} />
        <div className="rlp-actions rlp-sticky-actions">
          <Button type="submit" appearance="primary-action-button" disabled={(!editor.dirty && server.version > 0) || editor.state === 'saving' || Boolean(editor.conflict)}>
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
      <Section id="agenda-title" title={t('agendaPreview')}>
        <Paragraph className="rlp-hint">{t('agendaPreviewIntro')}</Paragraph>
        <AgendaList items={agenda} />
      </Section>
      <Section id="agreement-title" title={t('agreementsTitle')}>
        <Agreements agreements={server.agreements} version={server.version} me={account?.id} otherName={otherName} partLabel={labelOf} />
        {!editor.dirty && server.missing.length > 0 && server.version > 0 ? (
          <>
            <p className="rlp-cell-label">{t('stillMissing')}</p>
            <ul className="rlp-findings">
              {server.missing.map((m) => (
                <li key={m.path}>{message(m.message)}</li>
              ))}
            </ul>
          </>
        ) : null}
        {editor.dirty ? <Paragraph>{t('agreeFirstSave')}</Paragraph> : server.version === 0 ? <Paragraph>{t('agreeFirstProposal')}</Paragraph> : null}
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
