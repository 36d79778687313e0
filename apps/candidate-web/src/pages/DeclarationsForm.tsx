import { Alert, Checkbox, Fieldset, FieldsetLegend, FormField, FormLabel, Paragraph } from '@utrecht/component-library-react';
import { useQuery } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { api, must } from '../api/client';
import type { components } from '../api/candidate-api';
import type { Guidance, RegulationState } from '../api/types';
import { useI18n } from '../i18n';
import { isObject, type JsonObject } from '../json';
import { usePortfolioRegulations } from '../queries';
import { ErrorBox, Loading } from '@rlp/web-ui/status';

type RegulationType = components['schemas']['RegulationVersion']['type'];
type RegulationVersion = components['schemas']['RegulationVersion'];

/** E. Verklaringen: accept the current gedragscode and klachtenreglement (with what changed), and the truthfulness declaration. */
export function DeclarationsForm({ portfolioId, value, onChange, readOnly, guidance }: { portfolioId: string; value: JsonObject; onChange: (v: JsonObject) => void; readOnly: boolean; guidance: Guidance | undefined }) {
  const { t, lang, date } = useI18n();
  const regulations = usePortfolioRegulations(portfolioId);
  const states = new Map<string, RegulationState>((regulations.data?.regulations ?? []).map((r) => [r.type, r]));
  const declarations = guidance?.declarations ?? [];
  const versionWord = lang === 'nl' ? 'versie' : 'version';
  return (
    <>
      <Paragraph>{t('regulationsIntro')}</Paragraph>
      {declarations.map((d) => {
        const current = isObject(value[d.key]) ? (value[d.key] as JsonObject) : {};
        const state = states.get(d.key);
        // What this form holds now (it may be newer than the server's last answer about it).
        const acceptedVersion = current['accepted'] === true && typeof current['version'] === 'number' ? current['version'] : null;
        const accepted = current['accepted'] === true && (!d.versioned || readOnly || acceptedVersion === state?.currentVersion);
        const stale = !readOnly && d.versioned && state !== undefined && acceptedVersion !== null && acceptedVersion !== state.currentVersion;
        const id = `veld-${d.key}`;
        return (
          <Fieldset key={d.key} className="rlp-fieldset" id={id}>
            <FieldsetLegend>{d.text}</FieldsetLegend>
            {d.versioned && state ? (
              <>
                <Paragraph>
                  {t('currentVersion')}: {state.currentVersion}
                  {' · '}
                  {t('acceptedVersion')}: {acceptedVersion ?? t('notAccepted')}
                </Paragraph>
                {stale ? (
                  <Alert type="warning">
                    <Paragraph>{t('newerVersion')}</Paragraph>
                    {state.changeSummary ? <Paragraph>{state.changeSummary}</Paragraph> : null}
                    {state.diff && state.acceptedVersion === acceptedVersion ? (
                      <details open>
                        <summary>
                          {t('changes')} ({versionWord} {acceptedVersion} → {state.currentVersion})
                        </summary>
                        <pre className="rlp-diff">
                          {state.diff
                            // A blank line more or less changes nothing to read.
                            .filter((l) => l.op !== 'same' && l.text.trim() !== '')
                            .map((l, i) => (
                              <span key={i} className={`rlp-diff__${l.op}`}>
                                <span className="rlp-visually-hidden">{l.op === 'added' ? t('lineAdded') : t('lineRemoved')} </span>
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
                <RegulationReader type={d.key as RegulationType} version={state.currentVersion} />
              </>
            ) : null}
            <FormField
              type="checkbox"
              input={
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
              }
              label={
                <FormLabel htmlFor={`${id}-accept`} type="checkbox">
                  {d.versioned && state ? `${t('acceptCurrent')} (${versionWord} ${state.currentVersion})` : t('accept')}
                </FormLabel>
              }
            />
            {accepted && typeof current['acceptedAt'] === 'string' ? (
              <Paragraph className="rlp-stamp">
                {t('acceptedOn')} {date(current['acceptedAt'])}
              </Paragraph>
            ) : null}
          </Fieldset>
        );
      })}
    </>
  );
}

/** The text of a published version, read in the page; fetched when the candidate opens it. */
function RegulationReader({ type, version }: { type: RegulationType; version: number }) {
  const { t, lang, date } = useI18n();
  const [open, setOpen] = useState(false);
  const text = useQuery({
    queryKey: ['regulation', type, version],
    enabled: open,
    staleTime: Infinity,
    queryFn: async () => (await must(api.GET('/regulations/{type}/versions/{version}', { params: { path: { type, version } } }))) as unknown as RegulationVersion,
  });
  return (
    <details className="rlp-reader" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>
        {t('readText')} ({lang === 'nl' ? 'versie' : 'version'} {version})
      </summary>
      <div data-testid="regulation-text" className="rlp-intro">
        {text.isLoading ? <Loading /> : null}
        {text.error ? <ErrorBox error={text.error} retry={() => void text.refetch()} /> : null}
        {text.data ? (
          <>
            <Paragraph>
              <strong>{text.data.title}</strong>
              {text.data.effectiveFrom ? (
                <>
                  <br />
                  {t('inForceFrom')} {date(text.data.effectiveFrom)}
                </>
              ) : null}
            </Paragraph>
            {plainText(text.data.body)}
          </>
        ) : null}
      </div>
    </details>
  );
}

/** The regulation's text (plain text with line breaks, `#` headings, `*emphasis*`) as paragraphs. */
function plainText(body: string): ReactNode[] {
  return body
    .split(/\n\s*\n/)
    .map((block) => block.trim())
    .filter((block) => block.length > 0)
    .map((block, i) => {
      const heading = /^#+\s+/.exec(block);
      const lines = (heading ? block.slice(heading[0].length) : block).split('\n');
      const content = lines.flatMap((line, j) => [j > 0 ? <br key={`br${j}`} /> : null, inline(line, j)]);
      return heading ? (
        <Paragraph key={i}>
          <strong>{content}</strong>
        </Paragraph>
      ) : (
        <Paragraph key={i}>{content}</Paragraph>
      );
    });
}

function inline(line: string, key: number): ReactNode {
  const m = /^\*(.+)\*$/.exec(line.trim());
  return m ? <em key={key}>{m[1]}</em> : <span key={key}>{line}</span>;
}
