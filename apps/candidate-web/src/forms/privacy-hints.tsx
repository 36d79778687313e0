import { Button } from '@utrecht/component-library-react';
import { createContext, useContext } from 'react';
import { KIND_LABELS, replaceHit, type PrivacyWarning } from '../../../../libs/privacy/src/index';
import { useI18n } from '../i18n';
import { fieldId } from './field-id';

/** Warnings of the privacy check (libs/privacy) per field, keyed by the pointer inside the section. */
export type PrivacyMap = ReadonlyMap<string, readonly PrivacyWarning[]>;

export const NO_PRIVACY_WARNINGS: PrivacyMap = new Map();
export const PrivacyContext = createContext<PrivacyMap>(NO_PRIVACY_WARNINGS);

const TEXTS = {
  title: ['Privacy: mogelijk herleidbare gegevens', 'Privacy: possibly identifying data'],
  intro: [
    'Beschrijf cliënten zo dat niemand ze kan herkennen. Dit zijn waarschuwingen: je kunt je portfolio ook zonder aanpassen indienen.',
    'Describe clients so that nobody can recognise them. These are warnings: you can submit your portfolio without changing them.',
  ],
  none: ['Geen herleidbare gegevens gevonden in je casussen en motivatie.', 'No identifying data found in your cases and motivation.'],
  found: ['Privacy: mogelijk herleidbaar (een waarschuwing; indienen kan altijd)', 'Privacy: possibly identifying (a warning; you can always submit)'],
  replace: ['Vervang door', 'Replace with'],
  count: ['waarschuwing(en) over privacy', 'privacy warning(s)'],
} as const;

export function usePrivacyTexts() {
  const { lang } = useI18n();
  return (key: keyof typeof TEXTS) => TEXTS[key][lang === 'nl' ? 0 : 1];
}

/** The id of a field's privacy warnings, for aria-describedby, when there are any. */
export function usePrivacyDescribedBy(pointer: string): string | undefined {
  const warnings = useContext(PrivacyContext).get(pointer);
  return warnings?.length ? `${fieldId(pointer)}-privacy` : undefined;
}

/**
 * The warnings beside one text field, each with a one-click replacement by its placeholder.
 * `text` is the field's current value; `onText` is the form's ordinary change, so the autosave
 * saves the replacement like any typing (and typing the old text again undoes it).
 */
export function PrivacyHints({ pointer, text, onText, readOnly, controlId = fieldId(pointer) }: { pointer: string; text: string; onText: (next: string) => void; readOnly: boolean; controlId?: string }) {
  const warnings = useContext(PrivacyContext).get(pointer);
  const tx = usePrivacyTexts();
  const { lang } = useI18n();
  if (!warnings?.length) return null;
  return (
    <div className="rlp-privacy" id={`${fieldId(pointer)}-privacy`} data-privacy-pointer={pointer}>
      <p className="rlp-privacy__title">{tx('found')}</p>
      <ul className="rlp-privacy__list">
        {warnings.map((w) => (
          <li key={`${w.kind}-${w.start}-${w.text}`} className="rlp-privacy__item" data-kind={w.kind}>
            <span>
              {KIND_LABELS[w.kind][lang === 'nl' ? 'nl' : 'en']}: <q>{w.text}</q>
            </span>
            {!readOnly ? (
              <Button
                appearance="secondary-action-button"
                className="rlp-privacy__replace"
                onClick={() => {
                  onText(replaceHit(text, w));
                  // The button goes away with its warning: focus returns to the field, where typing goes on.
                  document.getElementById(controlId)?.focus();
                }}
              >
                {tx('replace')} {w.placeholder}
                <span className="rlp-visually-hidden"> ({w.text})</span>
              </Button>
            ) : null}
          </li>
        ))}
      </ul>
    </div>
  );
}
