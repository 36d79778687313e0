import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
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
  /** Events about this dossier (portfolio), and events that name it in their data. */
  portfolioId?: string;
  /** Events by this person, or about their account. */
  personId?: string;
  from?: Date;
  to?: Date;
  /** Page backwards from this event id (exclusive). */
  beforeId?: string;
  limit: number;
  /**
   * Leave out, in the query itself, the scoring events of these dossiers that someone other than
   * the viewer wrote (blind scoring): a page then holds `limit` events the viewer may see, and
   * `nextBefore` is set only when more of those exist.
   */
  hideScoringOf?: { portfolioIds: string[]; viewerId: string };
}

@Injectable()
export class AuditService {
  constructor(private readonly dataSource: DataSource) {}

  /** Pass the transaction's manager so the event commits (or not) with the change it records. */
  async record(event: AuditRecord, manager: EntityManager = this.dataSource.manager): Promise<void> {
    await manager.insert(AuditEventEntity, {
      actorId: event.actorId,
      action: event.action,
      subjectType: event.subjectType,
      subjectId: event.subjectId ?? null,
      requestId: event.requestId ?? null,
      data: (event.data ?? {}) as never,
    });
  }

  /** Newest first, for the certification office and auditors. */
  async search(filter: AuditFilter): Promise<{ events: AuditEventEntity[]; nextBefore: string | null }> {
    const q = this.dataSource.manager.createQueryBuilder(AuditEventEntity, 'e');
    if (filter.portfolioId) {
      q.andWhere(`((e.subject_type = 'portfolio' AND e.subject_id = :pid) OR e.data->>'portfolioId' = :pid)`, { pid: filter.portfolioId });
    }
    if (filter.personId) q.andWhere(`(e.actor_id = CAST(:person AS uuid) OR (e.subject_type IN ('user', 'account') AND e.subject_id = :personKey))`, { person: filter.personId, personKey: filter.personId });
    if (filter.from) q.andWhere('e.occurred_at >= :from', { from: filter.from });
    if (filter.to) q.andWhere('e.occurred_at < :to', { to: filter.to });
    if (filter.beforeId) q.andWhere('e.id < :before', { before: filter.beforeId });
    if (filter.hideScoringOf && filter.hideScoringOf.portfolioIds.length > 0) {
      q.andWhere(`NOT (e.action LIKE 'scoring.%' AND e.data->>'portfolioId' = ANY(:blind) AND e.actor_id IS DISTINCT FROM CAST(:viewer AS uuid))`, {
        blind: filter.hideScoringOf.portfolioIds,
        viewer: filter.hideScoringOf.viewerId,
      });
    }
    const events = await q.orderBy('e.id', 'DESC').limit(filter.limit + 1).getMany();
    const more = events.length > filter.limit;
    const page = events.slice(0, filter.limit);
    return { events: page, nextBefore: more ? page[page.length - 1]!.id : null };
  }
}
