import { Alert, Button, ButtonGroup, Heading1, Heading2, Heading3, Paragraph } from '@utrecht/component-library-react';
import { useEffect, useState, type ReactNode } from 'react';
import { ApiError } from '../../api/client';
import { useI18n, type TextKey } from '../../i18n';
import { DossierBreadcrumb, DossierNav } from '../DossierNav';
import type { EditorState } from './editor';
import type { FieldConflict, Json } from './merge';
import type { AgreementView, LocalizedText, Problem, Verdict } from './types';

/** The dossier's breadcrumb, the page's heading and the dossier's own navigation (as on every dossier page). */
export function PageTop({ id, title }: { id: string; title: string }) {
  return (
    <>
      <DossierBreadcrumb id={id} here={title} />
      <Heading1>{title}</Heading1>
      <DossierNav id={id} />
    </>
  );
}

const VERDICT_ICON: Record<Verdict, string> = { aangetoond: '✓', niet_aangetoond: '✗', te_bevragen: '?' };

/** A verdict in words with an icon (never colour alone). */
export function VerdictBadge({ verdict }: { verdict: Verdict | null | undefined }) {
  const { t } = useI18n();
  if (!verdict) return <span className="rlp-verdict rlp-verdict--none">{t('noVerdict')}</span>;
  return (
    <span className={`rlp-verdict rlp-verdict--${verdict}`}>
      <span aria-hidden="true">{VERDICT_ICON[verdict]} </span>
      {t(`verdict_${verdict}` as TextKey)}
    </span>
  );
}

/** Agree or differ, as an icon and a word. */
export function AgreeBadge({ agree }: { agree: boolean }) {
  const { t } = useI18n();
  return (
    <span className={`rlp-tag ${agree ? 'rlp-tag--agree' : 'rlp-tag--differ'}`}>
      <span aria-hidden="true">{agree ? '= ' : '≠ '}</span>
      {agree ? t('agree') : t('differ')}
    </span>
  );
}

export function Label({ text }: { text: LocalizedText | undefined | null }) {
  const { pick } = useI18n();
  return <>{pick(text ?? '')}</>;
}

/** An API error, with the problems it names. */
export function ProblemAlert({ error }: { error: unknown }) {
  const { t, message } = useI18n();
  if (!error) return null;
  const problems = error instanceof ApiError ? (((error.problem.details as { problems?: Problem[] } | undefined)?.problems ?? []) as Problem[]) : [];
  return (
    <Alert type="error" role="alert">
      <Paragraph>{error instanceof ApiError ? message(error.message) : t('error')}</Paragraph>
      {problems.length > 0 ? (
        <ul>
          {problems.map((p) => (
            <li key={`${p.path}-${p.code}`}>{message(p.message)}</li>
          ))}
        </ul>
      ) : null}
    </Alert>
  );
}

/** Who has agreed to which version, and whether a change asks for agreement again. */
export function Agreements({ agreements, version, me, otherName, partLabel }: { agreements: AgreementView[]; version: number; me: string | undefined; otherName: string; partLabel: (part: string) => string }) {
  const { t } = useI18n();
  if (version === 0) return null;
  return (
    <ul className="rlp-agreements">
      {agreements.map((a) => {
        const who = a.assessorId === me ? t('you') : otherName;
        const again = !a.complete && a.agreed.length > 0;
        return (
          <li key={a.assessorId} className={a.complete ? 'rlp-agreements__done' : 'rlp-agreements__pending'}>
            <span aria-hidden="true">{a.complete ? '✓ ' : '○ '}</span>
            <strong>{who[0]!.toUpperCase() + who.slice(1)}</strong>: {a.complete ? t('agreedTo') : t('notAgreed')} {version}
            {again ? (
              <>
                . {a.assessorId === me ? t('agreeAgainMe') : null} {t('agreeAgain')}: {a.pending.map(partLabel).join(', ')}
              </>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}

/** Saved / unsaved, in words (role=status so it is announced). */
export function SaveState({ state, dirty, version }: { state: EditorState; dirty: boolean; version: number }) {
  const { t } = useI18n();
  const text = state === 'saving' ? t('saving') : dirty ? t('stateDirty') : `${state === 'saved' ? t('stateSaved') : t('stateClean')} (${version === 0 ? t('notSavedYet') : `${t('version')} ${version}`})`;
  return (
    <p className={`rlp-save rlp-save--${state === 'saving' ? 'saving' : dirty ? 'dirty' : 'saved'}`} role="status">
      {text}
    </p>
  );
}

function show(v: Json | undefined, t: (k: TextKey) => string): string {
  if (v === undefined || v === null || v === '') return t('jEmpty');
  if (typeof v === 'string' && Object.hasOwn({ aangetoond: 1, niet_aangetoond: 1, te_bevragen: 1 }, v)) return t(`verdict_${v}` as TextKey);
  if (v === 'positive' || v === 'negative') return t(`advice_${v}`);
  return String(v);
}

/** Both versions of every field both sides changed; the assessor chooses per field. */
export function ConflictPanel({ conflict, fieldLabel, onResolve, choices, setChoice, intro = 'jConflictIntro', theirsLabel = 'conflictTheirs', idPrefix = 'conflict' }: { conflict: { fields: FieldConflict[] }; fieldLabel: (pointer: string) => string; onResolve: () => void; choices: Record<string, 'mine' | 'theirs'>; setChoice: (pointer: string, c: 'mine' | 'theirs') => void; intro?: TextKey; theirsLabel?: TextKey; idPrefix?: string }) {
  const { t } = useI18n();
  return (
    <section className="rlp-conflict" aria-labelledby={`${idPrefix}-title`} role="alert">
      <Heading2 id={`${idPrefix}-title`}>{t('jConflictTitle')}</Heading2>
      <Paragraph>{t(intro)}</Paragraph>
      {conflict.fields.map((f: FieldConflict, i) => (
        <fieldset className="rlp-conflict__field rlp-fieldset" key={f.pointer}>
          <legend>
            <Heading3 id={`${idPrefix}-${i}`}>{fieldLabel(f.pointer)}</Heading3>
          </legend>
          <div className="rlp-conflict__versions">
            {(['mine', 'theirs'] as const).map((side) => (
              <label key={side} className="rlp-conflict__choice">
                <span className="rlp-radio">
                  <input type="radio" name={`${idPrefix}-${i}`} value={side} checked={(choices[f.pointer] ?? 'mine') === side} onChange={() => setChoice(f.pointer, side)} />
                  <span className="rlp-conflict__label">{side === 'mine' ? t('conflictMine') : t(theirsLabel)}</span>
                </span>
                <span className="rlp-conflict__text" data-version={side}>
                  {show(side === 'mine' ? f.mine : f.theirs, t)}
                </span>
              </label>
            ))}
          </div>
        </fieldset>
      ))}
      <ButtonGroup>
        <Button appearance="primary-action-button" onClick={onResolve}>
          {t('applyChoice')}
        </Button>
      </ButtonGroup>
    </section>
  );
}

export function Section({ title, id, children }: { title: string; id: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="rlp-card">
      <Heading2 id={id}>{title}</Heading2>
      {children}
    </section>
  );
}

/**
 * Focus after the conflict panel is gone (its button disappears with it): to the field of the
 * first conflict once the form is editable again, so keyboard and screen reader users are not left
 * at the top of the page. `focusAfter(selectors)`: the first selector that matches gets focus.
 */
export function useFocusAfter(ready: boolean): (selectors: string[]) => void {
  const [target, setTarget] = useState<string[] | null>(null);
  useEffect(() => {
    if (!target || !ready) return;
    const el = target.map((sel) => document.querySelector<HTMLElement>(sel)).find((x) => x !== null);
    if (el) el.focus();
    setTarget(null);
  }, [target, ready]);
  return setTarget;
}
