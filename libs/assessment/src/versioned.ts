import { bilingual } from '../../platform/src/bilingual';
import { DomainError } from '../../platform/src/domain-error';

export const etagOf = (kind: string, version: number): string => `"${kind}.${version}"`;

export const stale = (kind: string, currentVersion: number) =>
  new DomainError('precondition_failed', 'STALE_VERSION', bilingual('Dit is intussen gewijzigd; laad het opnieuw', 'This has changed meanwhile; reload it'), { currentVersion, etag: etagOf(kind, currentVersion) });

/** The version an If-Match header names: missing → 428, not an ETag of this kind → 412. */
export function ifMatchVersion(kind: string, ifMatch: string | undefined): number {
  if (ifMatch === undefined || ifMatch.trim() === '') {
    throw new DomainError('precondition_required', 'IF_MATCH_REQUIRED', bilingual('Stuur de ETag mee in If-Match', 'Send the ETag in If-Match'));
  }
  const match = /^(?:W\/)?"([a-z]+)\.(\d{1,9})"$/.exec(ifMatch.trim());
  if (!match || match[1] !== kind) throw stale(kind, -1);
  return Number(match[2]);
}
