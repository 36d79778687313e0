import { auditPortfolioId, type AuditRecord } from './audit.service';

/** The columns of `audit_events` an event is inserted with; the database fills `id` and `occurred_at` (now()). */
const COLUMNS = ['actor_id', 'action', 'subject_type', 'subject_id', 'request_id', 'data', 'portfolio_id'] as const;
const CASTS: Record<(typeof COLUMNS)[number], string> = {
  actor_id: 'uuid',
  action: 'varchar',
  subject_type: 'varchar',
  subject_id: 'varchar',
  request_id: 'varchar',
  data: 'jsonb',
  portfolio_id: 'uuid',
};

export interface AuditInsert {
  /** `"actor_id", "action", …` for `INSERT INTO "audit_events" (…)`. */
  columns: string;
  /** `$n::uuid, $n+1::varchar, …`: a VALUES row or a SELECT list (e.g. `SELECT … FROM upd` in a data-modifying CTE). */
  values: string;
  /** The parameters `values` names, to append to the statement's own (they start at `firstParam`). */
  params: unknown[];
}

/**
 * The row `AuditService.record` inserts for `event`, as SQL, for a statement that writes the event
 * together with the change it records (one round trip instead of two). The event is unchained like
 * every other (ADR 0024); a statement outside a TypeORM transaction is not seen by the AuditChainer's
 * after-commit subscriber, so its caller calls `AuditChainer.nudge()` after it. `portfolio_id`
 * follows `auditPortfolioId`, as in `record`.
 */
export function auditInsert(event: AuditRecord, firstParam: number): AuditInsert {
  const values: Record<(typeof COLUMNS)[number], unknown> = {
    actor_id: event.actorId,
    action: event.action,
    subject_type: event.subjectType,
    subject_id: event.subjectId ?? null,
    request_id: event.requestId ?? null,
    data: JSON.stringify(event.data ?? {}),
    portfolio_id: auditPortfolioId(event),
  };
  return {
    columns: COLUMNS.map((c) => `"${c}"`).join(', '),
    values: COLUMNS.map((c, i) => `$${firstParam + i}::${CASTS[c]}`).join(', '),
    params: COLUMNS.map((c) => values[c]),
  };
}
