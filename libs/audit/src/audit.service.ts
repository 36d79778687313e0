import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { queryPrepared } from '../../platform/src/prepared';
import { AuditEventEntity } from './audit-event.entity';

export interface AuditRecord {
  actorId: string | null;
  action: string;
  subjectType: string;
  subjectId?: string | null;
  requestId?: string | null;
  data?: Record<string, unknown>;
}

export interface AuditFilter {
  /** Events about this dossier (portfolio), and events that name it in their data (the `portfolio_id` column). */
  portfolioId?: string;
  /** Events by this person, or about their account. */
  personId?: string;
  from?: Date;
  to?: Date;
  /** Page backwards from this event id (exclusive). */
  beforeId?: string;
  limit: number;
  /**
   * The account reading the page, for blind scoring. The same statement finds the dossiers this
   * account assesses with its own scoring not yet submitted (`blind`), and leaves out the scoring
   * events of those dossiers that someone else wrote: a page then holds `limit` events the viewer
   * may see, and `nextBefore` is set only when more of those exist.
   */
  viewerId?: string;
}

/** An event as a page holds it. */
export interface AuditPageEvent {
  id: string;
  occurredAt: Date;
  actorId: string | null;
  action: string;
  subjectType: string;
  subjectId: string | null;
  requestId: string | null;
  data: Record<string, unknown>;
  portfolioId: string | null;
  chainSeq: string | null;
  hash: string | null;
  /**
   * For a scoring event (`scoring.*`): whether the joint judgement of the dossier its data names
   * (`data.portfolioId`) is final. False for every other event.
   */
  judgementFinal: boolean;
}

export interface AuditPage {
  /** Whether the viewer assesses any dossier blind (own scoring not yet submitted); false without a viewer. Known also when the page is empty. */
  blind: boolean;
  events: AuditPageEvent[];
  nextBefore: string | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The dossier an event is about, stored as `portfolio_id` (ADR 0024): its subject when that is a
 * portfolio, otherwise `data.portfolioId`; null when neither is a uuid. The migration backfilled
 * the older events by the same rule.
 */
export function auditPortfolioId(event: Pick<AuditRecord, 'subjectType' | 'subjectId' | 'data'>): string | null {
  if (event.subjectType === 'portfolio' && typeof event.subjectId === 'string' && UUID.test(event.subjectId)) return event.subjectId;
  const fromData = event.data?.['portfolioId'];
  return typeof fromData === 'string' && UUID.test(fromData) ? fromData : null;
}

@Injectable()
export class AuditService {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Pass the transaction's manager so the event commits (or not) with the change it records. The
   * event is written unchained and takes no lock; the AuditChainer chains it right after the commit.
   */
  async record(event: AuditRecord, manager: EntityManager = this.dataSource.manager): Promise<void> {
    await manager.insert(AuditEventEntity, {
      actorId: event.actorId,
      action: event.action,
      subjectType: event.subjectType,
      subjectId: event.subjectId ?? null,
      requestId: event.requestId ?? null,
      data: (event.data ?? {}) as never,
      portfolioId: auditPortfolioId(event),
    });
  }

  /**
   * Newest first, for the certification office and auditors, in ONE statement (issue 17): the
   * viewer's blind dossiers, the page, and per scoring event whether its dossier's joint judgement is
   * final. Each filter is served by an index (ADR 0024): the dossier by (portfolio_id, id), the
   * person by actor_id and (subject_type, subject_id), the period by occurred_at, the page by the
   * primary key.
   */
  async search(filter: AuditFilter): Promise<AuditPage> {
    const { sql, params } = this.searchQuery(filter);
    type Row = Omit<AuditPageEvent, 'id'> & { id: string | null; blind: boolean };
    let rows: Row[];
    if (filter.from || filter.to || filter.personId) {
      rows = await this.dataSource.query(sql, params);
    } else {
      // Planning this statement costs PostgreSQL about twice what running it does. By dossier, by
      // id cursor or unfiltered, its plan does not depend on the values (an equality on the
      // (portfolio_id, id) index, the primary key), so it is prepared once per connection (named by
      // its text) and planned once. A period or a person is planned for its values every time: a
      // generic plan could walk much of the trail for a narrow, old period or a very busy person.
      rows = await queryPrepared<Row>(this.dataSource, sql, params);
    }
    const blind = rows[0]?.blind === true;
    // Without a matching event the statement still answers one row (blind, and nulls).
    const events: AuditPageEvent[] = rows.filter((r) => r.id !== null).map(({ blind: _blind, ...e }) => ({ ...e, id: e.id! }));
    const more = events.length > filter.limit;
    const page = events.slice(0, filter.limit);
    return { blind, events: page, nextBefore: more ? page[page.length - 1]!.id : null };
  }

  /**
   * The statement `search` runs (one event more than `limit`, to know whether a next page exists);
   * tests EXPLAIN it. Its shape: the viewer's blind dossiers (a CTE, as an array), one row with
   * `blind`, and the page joined LATERAL to it, so that row comes back even when no event matches.
   */
  searchQuery(filter: AuditFilter): { sql: string; params: unknown[] } {
    const params: unknown[] = [];
    const p = (value: unknown): string => {
      params.push(value);
      return `$${params.length}`;
    };
    const where: string[] = [];
    if (filter.portfolioId) where.push(`e.portfolio_id = ${p(filter.portfolioId)}::uuid`);
    if (filter.personId) {
      where.push(`(e.actor_id = ${p(filter.personId)}::uuid OR (e.subject_type IN ('user', 'account') AND e.subject_id = ${p(filter.personId)}))`);
    }
    if (filter.from) where.push(`e.occurred_at >= ${p(filter.from)}::timestamptz`);
    if (filter.to) where.push(`e.occurred_at < ${p(filter.to)}::timestamptz`);
    if (filter.beforeId) where.push(`e.id < ${p(filter.beforeId)}::bigint`);
    let blindDossiers = `SELECT NULL::text AS id WHERE false`;
    if (filter.viewerId) {
      const viewer = p(filter.viewerId);
      // Blind scoring (as on the assessor routes): active assignments of the viewer whose scoring is
      // not submitted. There the scoring events someone else wrote are left out (a NULL
      // data.portfolioId among blind dossiers leaves the event out too: hidden when in doubt).
      blindDossiers = `SELECT a.portfolio_id::text AS id FROM assignments a LEFT JOIN scorings s ON s.assignment_id = a.id
                        WHERE a.assessor_id = ${viewer}::uuid AND a.status = 'active' AND s.submitted_at IS NULL`;
      where.push(`NOT (e.action LIKE 'scoring.%' AND e.data->>'portfolioId' = ANY(f.blind_ids) AND e.actor_id IS DISTINCT FROM ${viewer}::uuid)`);
    }
    const limit = p(filter.limit + 1);
    // Final joint judgement of the dossier named in data.portfolioId (the text compared exactly, as a
    // canonical uuid; anything else is never final), found by the primary key of joint_records.
    const judged = `CASE WHEN e.action LIKE 'scoring.%' AND e.data->>'portfolioId' ~ '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
                      THEN COALESCE((SELECT j.final_at IS NOT NULL FROM joint_records j WHERE j.portfolio_id = (e.data->>'portfolioId')::uuid AND j.kind = 'judgement'), false)
                      ELSE false END`;
    const sql = `WITH f AS MATERIALIZED (SELECT ARRAY(SELECT DISTINCT d.id FROM (${blindDossiers}) d) AS blind_ids)
SELECT cardinality(f.blind_ids) > 0 AS blind, e.* FROM f
LEFT JOIN LATERAL (
  SELECT e.id, e.occurred_at AS "occurredAt", e.actor_id AS "actorId", e.action, e.subject_type AS "subjectType", e.subject_id AS "subjectId",
         e.request_id AS "requestId", e.data, e.portfolio_id AS "portfolioId", e.chain_seq AS "chainSeq", e.hash, ${judged} AS "judgementFinal"
    FROM audit_events e
   ${where.length > 0 ? `WHERE ${where.join('\n     AND ')}` : ''}
   ORDER BY e.id DESC
   LIMIT ${limit}
) e ON true
ORDER BY e.id DESC`;
    return { sql, params };
  }
}
