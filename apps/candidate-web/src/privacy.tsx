import { Heading2, Paragraph } from '@utrecht/component-library-react';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState } from 'react';
import { Link } from 'react-router';
import { checkPortfolio, checkValue, KIND_LABELS, type PrivacyOptions, type PrivacyScope, type PrivacyWarning } from '../../../libs/privacy/src/index';
import { api, must } from './api/client';
import type { SectionStore } from './autosave';
import { fieldId } from './forms/field-id';
import { NO_PRIVACY_WARNINGS, usePrivacyTexts, type PrivacyMap } from './forms/privacy-hints';
import { useI18n } from './i18n';
import { localPointer } from './sections';
import { useSession } from './session';
import './privacy.css';

/**
 * The privacy check (AVG, docs/privacy-check.md) in the kandidaatportaal. The check is the same
 * pure code the API runs (libs/privacy); the portal runs it itself, live while the candidate
 * types, so the warnings need no round trip and follow every keystroke (ADR 0022).
 */

/** The candidate's own name and organisation are not a client's data (the API passes the same). */
export function usePrivacyOptions(): PrivacyOptions {
  const { account } = useSession();
  const displayName = account?.displayName ?? '';
  const organisation = account?.organisation ?? '';
  return useMemo(() => ({ referenceYear: new Date().getFullYear(), allow: [displayName, organisation].filter(Boolean) }), [displayName, organisation]);
}

/** The sections the check reads: the cases, and the motivation of B2. */
export function checksPrivacy(section: string): boolean {
  return section === 'case-1' || section === 'case-2' || section === 'cvAndMotivation';
}

function warningsOf(section: string, value: unknown, options: PrivacyOptions): PrivacyWarning[] {
  if (section === 'cvAndMotivation') {
    const motivation = value && typeof value === 'object' ? (value as { motivation?: unknown }).motivation : undefined;
    return typeof motivation === 'string' ? checkValue(motivation, '/motivation', options) : [];
  }
  return checkValue(value, '', options);
}

/** Checked again this long after the last change: the check takes about a millisecond, but typing should not wait for it. */
const CHECK_DELAY_MS = 250;

/** Live warnings of one section, keyed by the field's pointer inside the section. */
export function useLivePrivacy(store: SectionStore, section: string, enabled: boolean): PrivacyMap {
  const options = usePrivacyOptions();
  const [map, setMap] = useState<PrivacyMap>(NO_PRIVACY_WARNINGS);
  const signature = useRef('');
  useEffect(() => {
    if (!enabled || !checksPrivacy(section)) return;
    let timer: number | undefined;
    const run = () => {
      const warnings = warningsOf(section, store.get(), options);
      const next = JSON.stringify(warnings.map((w) => [w.pointer, w.kind, w.start, w.text]));
      if (next === signature.current) return;
      signature.current = next;
      const grouped = new Map<string, PrivacyWarning[]>();
      for (const w of warnings) grouped.set(w.pointer, [...(grouped.get(w.pointer) ?? []), w]);
      setMap(grouped);
    };
    run();
    const unsubscribe = store.subscribe(() => {
      window.clearTimeout(timer);
      timer = window.setTimeout(run, CHECK_DELAY_MS);
    });
    return () => {
      window.clearTimeout(timer);
      unsubscribe();
    };
  }, [store, section, enabled, options]);
  return map;
}

/** The overview's summary: the portfolio document checked in the browser, each warning linked to its field. */
export function PrivacySummary({ portfolioId, sectionTitle }: { portfolioId: string; sectionTitle: (key: string) => string }) {
  const tx = usePrivacyTexts();
  const { lang } = useI18n();
  const options = usePrivacyOptions();
  const document = useQuery({
    queryKey: ['document', portfolioId],
    queryFn: async () => (await must(api.GET('/portfolios/{id}/document', { params: { path: { id: portfolioId }, query: {} } }))) as unknown as PrivacyScope,
  });
  const warnings = useMemo(() => (document.data ? checkPortfolio(document.data, options) : []), [document.data, options]);
  if (!document.data) return null;
  return (
    <section className="rlp-privacy-summary" aria-labelledby="privacy-summary" data-privacy-total={warnings.length}>
      <Heading2 id="privacy-summary">{tx('title')}</Heading2>
      {warnings.length === 0 ? (
        <Paragraph>{tx('none')}</Paragraph>
      ) : (
        <>
          <Paragraph>
            <strong>
              {warnings.length} {tx('count')}.
            </strong>{' '}
            {tx('intro')}
          </Paragraph>
          <ul className="rlp-findings">
            {warnings.map((w, i) => {
              const local = localPointer(w.pointer);
              const href = local ? `/portfolio/${portfolioId}/${local.section.slug}#${fieldId(local.pointer).replace(/-notRelevantMotivation$/, '-motivation')}` : `/portfolio/${portfolioId}`;
              return (
                <li key={`${w.pointer}-${w.start}-${i}`} className="rlp-findings__warning">
                  {local ? `${sectionTitle(local.section.key)}: ` : ''}
                  <Link to={href}>
                    {KIND_LABELS[w.kind][lang === 'nl' ? 'nl' : 'en']} <q>{w.text}</q>
                  </Link>
                </li>
              );
            })}
          </ul>
        </>
      )}
    </section>
  );
}
