import { Alert, Checkbox, Fieldset, FieldsetLegend, FormField, FormLabel, Paragraph } from '@utrecht/component-library-react';
import type { Guidance, RegulationState } from '../api/types';
import { useI18n } from '../i18n';
import { isObject, type JsonObject } from '../json';
import { usePortfolioRegulations } from '../queries';

/** E. Verklaringen: accept the current gedragscode and klachtenreglement (with what changed), and the truthfulness declaration. */
export function DeclarationsForm({ portfolioId, value, onChange, readOnly, guidance }: { portfolioId: string; value: JsonObject; onChange: (v: JsonObject) => void; readOnly: boolean; guidance: Guidance | undefined }) {
  const { t, lang, date } = useI18n();
  const regulations = usePortfolioRegulations(portfolioId);
  const states = new Map<string, RegulationState>((regulations.data?.regulations ?? []).map((r) => [r.type, r]));
  const declarations = guidance?.declarations ?? [];
  return (
    <>
      <Paragraph>{t('regulationsIntro')}</Paragraph>
      {declarations.map((d) => {
        const current = isObject(value[d.key]) ? (value[d.key] as JsonObject) : {};
        const state = states.get(d.key);
        const accepted = current['accepted'] === true && (!d.versioned || current['version'] === state?.currentVersion);
        const id = `veld-${d.key}`;
        return (
          <Fieldset key={d.key} className="rlp-fieldset" id={id}>
            <FieldsetLegend>{d.text}</FieldsetLegend>
            {d.versioned && state ? (
              <>
                <Paragraph>
                  {t('currentVersion')}: {state.currentVersion}
                  {' · '}
                  {t('acceptedVersion')}: {state.acceptedVersion ?? t('notAccepted')}
                  {' · '}
                  <a href={`/regulations/${d.key}/versions/${state.currentVersion}`} target="_blank" rel="noopener">
                    {t('readText')}
                  </a>
                </Paragraph>
                {state.stale ? (
                  <Alert type="warning">
                    <Paragraph>{t('newerVersion')}</Paragraph>
                    {state.changeSummary ? <Paragraph>{state.changeSummary}</Paragraph> : null}
                    {state.diff ? (
                      <details open>
                        <summary>{t('changes')}</summary>
                        <pre className="rlp-diff">
                          {state.diff
                            .filter((l) => l.op !== 'same')
                            .map((l, i) => (
                              <span key={i} className={`rlp-diff__${l.op}`}>
                                {l.op === 'added' ? '+ ' : '− '}
                                {l.text}
                                {'\n'}
                              </span>
                            ))}
                        </pre>
                      </details>
                    ) : null}
                  </Alert>
                ) : null}
              </>
            ) : null}
            <FormField type="checkbox">
              <div className="rlp-checkbox">
                <Checkbox
                  id={`${id}-accept`}
                  checked={accepted}
                  disabled={readOnly || (d.versioned && !state)}
                  onChange={(e) => {
                    const next = { ...value };
                    if (e.target.checked) next[d.key] = d.versioned && state ? { accepted: true, version: state.currentVersion } : { accepted: true };
                    else delete next[d.key];
                    onChange(next);
                  }}
                />
                <FormLabel htmlFor={`${id}-accept`} type="checkbox">
                  {d.versioned && state ? `${t('acceptCurrent')} (${lang === 'nl' ? 'versie' : 'version'} ${state.currentVersion})` : t('accept')}
                </FormLabel>
              </div>
            </FormField>
            {typeof current['acceptedAt'] === 'string' ? <Paragraph className="rlp-stamp">{date(current['acceptedAt'])}</Paragraph> : null}
          </Fieldset>
        );
      })}
    </>
  );
}
