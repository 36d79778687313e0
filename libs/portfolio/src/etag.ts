import { bilingual } from '../../platform/src/bilingual';
import { DomainError } from '../../platform/src/domain-error';
import type { SectionKey } from './sections';

export function sectionEtag(section: SectionKey, version: number): string {
  return `"${section}.${version}"`;
}

/**
 * The version an If-Match header names for this section. Missing → 428; anything that is not an
 * ETag of this section (another section's, `*`, a list, garbage) → 412, since it cannot match.
 */
export function expectedVersion(section: SectionKey, ifMatch: string | undefined): number {
  if (ifMatch === undefined || ifMatch.trim() === '') {
    throw new DomainError('precondition_required', 'IF_MATCH_REQUIRED', bilingual('Stuur de ETag van het onderdeel mee in If-Match', 'Send the section ETag in If-Match'));
  }
  const match = /^(?:W\/)?"([A-Za-z0-9-]+)\.(\d{1,9})"$/.exec(ifMatch.trim());
  if (!match || match[1] !== section) {
    throw new DomainError('precondition_failed', 'STALE_SECTION', bilingual('Dit onderdeel is intussen gewijzigd; laad het opnieuw', 'This section has changed meanwhile; reload it'), {
      reason: 'etag_does_not_match_section',
    });
  }
  return Number(match[2]);
}
