import { bilingual } from './bilingual';
import { DomainError } from './domain-error';

/**
 * Keyset paging of the lists that grow with the number of candidates (ADR 0027). A page is at
 * most `PAGE.max` rows, `PAGE.default` when the client does not ask; the cursor is the sort key of
 * the last row given (a timestamp to the microsecond and the row's id), base64url-encoded JSON.
 * It is opaque to clients but not secret: it holds nothing the row itself does not show.
 */
export const PAGE = { default: 50, max: 200 } as const;

/** What a caller asks of a keyset-paged list: `limit` and the `cursor` of the previous page. */
export interface PageRequest {
  limit?: number | undefined;
  cursor?: string | undefined;
}

export interface PageKey {
  /** The sort timestamp in UTC with microseconds, as SQL's `to_char(…, PAGE_KEY_FORMAT)` writes it. */
  at: string;
  id: string;
}

/** How SQL writes a sort timestamp into a cursor (microseconds, so no two rows collide by rounding). */
export const PAGE_KEY_SQL = (column: string): string => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

const AT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function encodeCursor(key: PageKey): string {
  return Buffer.from(JSON.stringify([key.at, key.id]), 'utf8').toString('base64url');
}

export function invalidCursor(): DomainError {
  return new DomainError(
    'validation',
    'INVALID_CURSOR',
    bilingual('Deze cursor hoort niet bij deze lijst; begin opnieuw zonder cursor', 'This cursor does not belong to this list; start again without a cursor'),
    { field: 'cursor' },
  );
}

/** The key inside a cursor; 400 INVALID_CURSOR for anything that is not one of ours. */
export function decodeCursor(cursor: string | undefined): PageKey | null {
  if (cursor === undefined) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalidCursor();
  }
  if (!Array.isArray(parsed) || parsed.length !== 2) throw invalidCursor();
  const [at, id] = parsed as unknown[];
  if (typeof at !== 'string' || typeof id !== 'string' || !AT.test(at) || !UUID.test(id) || Number.isNaN(Date.parse(at))) throw invalidCursor();
  return { at, id };
}

/** The page size asked for, within the limits. */
export function pageSize(limit: number | undefined): number {
  return Math.min(Math.max(1, limit ?? PAGE.default), PAGE.max);
}
