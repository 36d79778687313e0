import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../../audit/src/audit.service';
import { bilingual } from '../../platform/src/bilingual';
import { amsterdamDate, Clock } from '../../platform/src/clock';
import { DomainError } from '../../platform/src/domain-error';
import { decodeCursor, encodeCursor, PAGE_KEY_SQL, pageSize, type PageRequest } from '../../platform/src/page-cursor';
import { NotificationService } from '../../notifications/src/notification.service';
import { ACCEPTED_REGULATIONS, REGULATION_TYPES, RegulationType, RegulationVersionEntity } from './regulation-version.entity';
import { RegulationsService, RegulationVersionView } from './regulations.service';
import { DiffLine, lineDiff } from './text-diff';

export interface RegulationDraftInput {
  title?: string | null;
  body?: string | null;
  changeSummary?: string | null;
  /** A planned date; the date that counts is the one given when publishing. */
  effectiveFrom?: string | null;
  /** The official PDF: a verified PDF the acting admin uploaded; null removes it. */
  pdfDocumentId?: string | null;
}

export interface RegulationAdminView extends RegulationVersionView {
  publishedBy: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface RegulationAcceptor {
  userId: string;
  displayName: string;
  email: string;
  portfolioId: string;
  acceptedAt: string;
}

export interface PortfolioNeedingRenewal {
  portfolioId: string;
  candidateId: string;
  displayName: string;
  email: string;
  acceptedVersion: number;
  acceptedAt: string | null;
}

export interface RegulationAcceptancesView {
  type: RegulationType;
  version: number;
  status: RegulationVersionView['status'];
  current: boolean;
  currentVersion: number;
  /** A page of acceptances, oldest first. */
  acceptedBy: RegulationAcceptor[];
  /** The cursor of the next page; null on the last page. */
  nextCursor: string | null;
}

/** Draft portfolios whose declarations accept this version while it is no longer the current one. */
export interface RegulationRenewalsView {
  type: RegulationType;
  version: number;
  currentVersion: number;
  /** A page of them, oldest draft first. */
  draftsNeedingRenewal: PortfolioNeedingRenewal[];
  /** The cursor of the next page; null on the last page. */
  nextCursor: string | null;
}

/** What changed between the version a candidate accepted and the current one. */
export interface RegulationChanges {
  changeSummary: string | null;
  /** Every version after the accepted one up to the current one, with its summary. */
  changes: Array<{ version: number; title: string; effectiveFrom: string | null; changeSummary: string | null }>;
  diff: DiffLine[];
}

export function isRegulationType(type: string): type is RegulationType {
  return (REGULATION_TYPES as readonly string[]).includes(type);
}

export function regulationTypeNotFound(type: string): DomainError {
  return new DomainError('not_found', 'REGULATION_TYPE_NOT_FOUND', bilingual('Dit soort reglement bestaat niet', 'This kind of regulation does not exist'), {
    type: type.slice(0, 50),
    allowed: REGULATION_TYPES,
  });
}

function versionNotFound(type: RegulationType, version: number): DomainError {
  return new DomainError('not_found', 'REGULATION_VERSION_NOT_FOUND', bilingual('Deze versie bestaat niet', 'This version does not exist'), { type, version });
}

function versionPublished(type: RegulationType, version: number): DomainError {
  return new DomainError(
    'conflict',
    'REGULATION_VERSION_PUBLISHED',
    bilingual('Een gepubliceerde versie kan niet meer worden gewijzigd of verwijderd', 'A published version can no longer be changed or deleted'),
    { type, version },
  );
}

/** The line diff between two published versions of a type, with the summaries of what came after `from`. */
export async function regulationChanges(manager: EntityManager, type: RegulationType, from: number, to: number): Promise<RegulationChanges> {
  const rows = await manager
    .createQueryBuilder(RegulationVersionEntity, 'v')
    .where('v.type = :type', { type })
    .andWhere(`v.status = 'published'`)
    .andWhere('v.version >= :low AND v.version <= :high', { low: Math.min(from, to), high: Math.max(from, to) })
    .orderBy('v.version', 'ASC')
    .getMany();
  const before = rows.find((r) => r.version === from);
  const after = rows.find((r) => r.version === to);
  return {
    changeSummary: after?.changeSummary ?? null,
    changes: rows
      .filter((r) => r.version > from && r.version <= to)
      .map((r) => ({ version: r.version, title: r.title, effectiveFrom: r.effectiveFrom, changeSummary: r.changeSummary })),
    diff: lineDiff(before?.body ?? '', after?.body ?? ''),
  };
}

/**
 * The certificeringsbureau's editing of regulation versions: drafts, publication with an
 * effective date, and who accepted which version. Every change is audited in its transaction;
 * changes to one type are serialised by a transaction-scoped advisory lock.
 */
@Injectable()
export class RegulationsAdminService {
  private readonly regulations: RegulationsService;

  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly notifications: NotificationService,
  ) {
    this.regulations = new RegulationsService(dataSource);
  }

  today(): string {
    return amsterdamDate(this.clock.now());
  }

  async list(type: RegulationType): Promise<RegulationAdminView[]> {
    const rows = await this.dataSource.manager.find(RegulationVersionEntity, { where: { type }, order: { version: 'DESC' } });
    const current = await this.currentOf(type);
    return rows.map((r) => this.adminView(r, current));
  }

  async get(type: RegulationType, version: number): Promise<RegulationAdminView> {
    const row = await this.dataSource.manager.findOneBy(RegulationVersionEntity, { type, version });
    if (!row) throw versionNotFound(type, version);
    return this.adminView(row, await this.currentOf(type));
  }

  async createDraft(type: RegulationType, input: RegulationDraftInput, actorId: string, requestId?: string): Promise<RegulationAdminView> {
    const version = await this.dataSource.transaction(async (m) => {
      await this.lockType(m, type);
      const latest = await m.findOne(RegulationVersionEntity, { where: { type }, order: { version: 'DESC' } });
      const next = (latest?.version ?? 0) + 1;
      // A new draft starts from the latest text unless the admin gives one.
      const latestPublished = await m.findOne(RegulationVersionEntity, { where: { type, status: 'published' }, order: { version: 'DESC' } });
      // The official PDF passes the same checks as when a draft is changed (PATCH).
      if (input.pdfDocumentId) await this.lockOfficialPdf(m, input.pdfDocumentId, actorId);
      const row = {
        type,
        version: next,
        title: input.title ?? latestPublished?.title ?? '',
        body: input.body ?? latestPublished?.body ?? '',
        changeSummary: input.changeSummary ?? null,
        effectiveFrom: input.effectiveFrom ?? null,
        status: 'draft' as const,
        publishedAt: null,
        publishedBy: null,
        pdfDocumentId: input.pdfDocumentId ?? null,
      };
      const inserted = await m.insert(RegulationVersionEntity, row);
      const id = (inserted.identifiers[0] as { id: string }).id;
      await this.audit.record(
        { actorId, action: 'regulation.draft_created', subjectType: 'regulation_version', subjectId: id, requestId, data: { type, version: next, fields: Object.keys(input).filter((k) => input[k as keyof RegulationDraftInput] !== undefined) } },
        m,
      );
      return next;
    });
    return this.get(type, version);
  }

  async updateDraft(type: RegulationType, version: number, input: RegulationDraftInput, actorId: string, requestId?: string): Promise<RegulationAdminView> {
    await this.dataSource
      .transaction(async (m) => {
        const row = await this.draftForChange(m, type, version);
        const changes: Partial<RegulationVersionEntity> = {};
        if (typeof input.title === 'string') changes.title = input.title;
        if (typeof input.body === 'string') changes.body = input.body;
        if (input.changeSummary !== undefined) changes.changeSummary = input.changeSummary;
        if (input.effectiveFrom !== undefined) changes.effectiveFrom = input.effectiveFrom;
        if (input.pdfDocumentId !== undefined) {
          if (input.pdfDocumentId !== null) await this.lockOfficialPdf(m, input.pdfDocumentId, actorId);
          changes.pdfDocumentId = input.pdfDocumentId;
        }
        if (Object.keys(changes).length === 0) return;
        await m.update(RegulationVersionEntity, { id: row.id, status: 'draft' }, changes);
        await this.audit.record({ actorId, action: 'regulation.draft_updated', subjectType: 'regulation_version', subjectId: row.id, requestId, data: { type, version, fields: Object.keys(changes) } }, m);
      })
      .catch((err: unknown) => this.backstop(err, type, version));
    return this.get(type, version);
  }

  async deleteDraft(type: RegulationType, version: number, actorId: string, requestId?: string): Promise<void> {
    await this.dataSource
      .transaction(async (m) => {
        const row = await this.draftForChange(m, type, version);
        await m.delete(RegulationVersionEntity, { id: row.id, status: 'draft' });
        await this.audit.record({ actorId, action: 'regulation.draft_deleted', subjectType: 'regulation_version', subjectId: row.id, requestId, data: { type, version, title: row.title } }, m);
      })
      .catch((err: unknown) => this.backstop(err, type, version));
  }

  async publish(type: RegulationType, version: number, effectiveFrom: string, actorId: string, requestId?: string): Promise<RegulationAdminView> {
    const today = this.today();
    await this.dataSource
      .transaction(async (m) => {
        const row = await this.draftForChange(m, type, version);
        if (row.title.trim() === '' || row.body.trim() === '') {
          throw new DomainError(
            'unprocessable',
            'REGULATION_VERSION_INCOMPLETE',
            bilingual('Een versie heeft een titel en een tekst nodig om te worden gepubliceerd', 'A version needs a title and a text to be published'),
            { type, version, missing: [...(row.title.trim() === '' ? ['title'] : []), ...(row.body.trim() === '' ? ['body'] : [])] },
          );
        }
        if (effectiveFrom < today) {
          throw new DomainError('unprocessable', 'REGULATION_EFFECTIVE_DATE_IN_PAST', bilingual('De ingangsdatum mag niet in het verleden liggen', 'The effective date cannot be in the past'), {
            effectiveFrom,
            today,
          });
        }
        const latest = await m.findOne(RegulationVersionEntity, { where: { type, status: 'published' }, order: { version: 'DESC' } });
        if (latest && latest.version > version) {
          throw new DomainError(
            'conflict',
            'REGULATION_VERSION_OUTDATED',
            bilingual('Er is al een hogere versie gepubliceerd; maak een nieuw concept', 'A higher version has already been published; create a new draft'),
            { type, version, latestPublished: latest.version },
          );
        }
        if (latest?.effectiveFrom && effectiveFrom < latest.effectiveFrom) {
          throw new DomainError(
            'conflict',
            'REGULATION_EFFECTIVE_DATE_TOO_EARLY',
            bilingual('De ingangsdatum ligt voor die van de laatst gepubliceerde versie', 'The effective date is before that of the latest published version'),
            { type, version, effectiveFrom, latestPublished: { version: latest.version, effectiveFrom: latest.effectiveFrom } },
          );
        }
        await m.update(RegulationVersionEntity, { id: row.id, status: 'draft' }, { status: 'published', effectiveFrom, publishedAt: this.clock.now(), publishedBy: actorId });
        await this.audit.record({ actorId, action: 'regulation.published', subjectType: 'regulation_version', subjectId: row.id, requestId, data: { type, version, effectiveFrom } }, m);
        await this.notifications.regulationPublished(m, { type, version, effectiveFrom });
      })
      .catch((err: unknown) => this.backstop(err, type, version));
    return this.get(type, version);
  }

  /**
   * Who accepted this version, oldest first, a page at a time (ADR 0027: keyset on
   * `(accepted_at, id)`, index `ix_regulation_acceptances_version_accepted`).
   */
  async acceptances(type: RegulationType, version: number, paging: PageRequest = {}): Promise<RegulationAcceptancesView> {
    const limit = pageSize(paging.limit);
    const after = decodeCursor(paging.cursor);
    const row = await this.dataSource.manager.findOneBy(RegulationVersionEntity, { type, version });
    if (!row) throw versionNotFound(type, version);
    const current = await this.currentOf(type);
    const view = this.regulations.view(row, current);
    const params: unknown[] = [row.id, limit + 1];
    if (after) params.push(after.at, after.id);
    const accepted: Array<{ id: string; user_id: string; display_name: string; email: string; portfolio_id: string; accepted_at: Date; key: string }> = await this.dataSource.query(
      `SELECT a."id", a."user_id", u."display_name", u."email", a."portfolio_id", a."accepted_at", ${PAGE_KEY_SQL('a."accepted_at"')} AS key
         FROM "regulation_acceptances" a JOIN "users" u ON u."id" = a."user_id"
        WHERE a."regulation_version_id" = $1${after ? ` AND (a."accepted_at", a."id") > ($3::timestamptz, $4::uuid)` : ''}
        ORDER BY a."accepted_at", a."id"
        LIMIT $2`,
      params,
    );
    const page = accepted.slice(0, limit);
    const last = page.at(-1);
    return {
      type,
      version,
      status: view.status,
      current: view.current,
      currentVersion: current,
      acceptedBy: page.map((a) => ({ userId: a.user_id, displayName: a.display_name, email: a.email, portfolioId: a.portfolio_id, acceptedAt: new Date(a.accepted_at).toISOString() })),
      nextCursor: accepted.length > limit && last ? encodeCursor({ at: last.key, id: last.id }) : null,
    };
  }

  /**
   * Draft portfolios whose declarations accept this version while it is no longer the current
   * one: they must accept the current version before they can be submitted. Oldest draft first,
   * a page at a time (keyset on the portfolio's `(created_at, id)`); found through the expression
   * index on the accepted version of this type in the declarations section. Empty for the current
   * version, a draft version, and a type the declarations do not accept (the reglement).
   */
  async renewals(type: RegulationType, version: number, paging: PageRequest = {}): Promise<RegulationRenewalsView> {
    const limit = pageSize(paging.limit);
    const after = decodeCursor(paging.cursor);
    const row = await this.dataSource.manager.findOneBy(RegulationVersionEntity, { type, version });
    if (!row) throw versionNotFound(type, version);
    const current = await this.currentOf(type);
    const accepted = ACCEPTED_REGULATIONS.find((t) => t === type);
    if (!accepted || row.status !== 'published' || row.version === current) return { type, version, currentVersion: current, draftsNeedingRenewal: [], nextCursor: null };
    // The key is one of ACCEPTED_REGULATIONS, written as a literal so the expression index applies.
    const field = `s."content" -> '${accepted}'`;
    const params: unknown[] = [String(version), limit + 1];
    if (after) params.push(after.at, after.id);
    const drafts: Array<{ portfolio_id: string; candidate_id: string; display_name: string; email: string; accepted_at: string | null; key: string }> = await this.dataSource.query(
      `SELECT p."id" AS "portfolio_id", p."candidate_id", u."display_name", u."email", ${field} ->> 'acceptedAt' AS "accepted_at", ${PAGE_KEY_SQL('p."created_at"')} AS key
         FROM "portfolio_sections" s
         JOIN "portfolios" p ON p."id" = s."portfolio_id"
         JOIN "users" u ON u."id" = p."candidate_id"
        WHERE s."section" = 'declarations' AND (${field} ->> 'version') = $1 AND ${field} ->> 'accepted' = 'true'
          AND p."status" = 'draft'${after ? ` AND (p."created_at", p."id") > ($3::timestamptz, $4::uuid)` : ''}
        ORDER BY p."created_at", p."id"
        LIMIT $2`,
      params,
    );
    const page = drafts.slice(0, limit);
    const last = page.at(-1);
    return {
      type,
      version,
      currentVersion: current,
      draftsNeedingRenewal: page.map((d) => ({
        portfolioId: d.portfolio_id,
        candidateId: d.candidate_id,
        displayName: d.display_name,
        email: d.email,
        acceptedVersion: version,
        acceptedAt: d.accepted_at,
      })),
      nextCursor: drafts.length > limit && last ? encodeCursor({ at: last.key, id: last.portfolio_id }) : null,
    };
  }

  private async currentOf(type: RegulationType, manager: EntityManager = this.dataSource.manager): Promise<number> {
    return (await this.regulations.currentVersions(this.today(), manager))[type];
  }

  private adminView(row: RegulationVersionEntity, current: number): RegulationAdminView {
    return { ...this.regulations.view(row, current), publishedBy: row.publishedBy, createdAt: row.createdAt.toISOString(), updatedAt: row.updatedAt.toISOString() };
  }

  /** The official PDF must be a verified PDF uploaded by this admin; it is locked against deletion. */
  private async lockOfficialPdf(m: EntityManager, documentId: string, actorId: string): Promise<void> {
    const [doc] = await m.query(`SELECT "content_type" FROM "documents" WHERE "id" = $1 AND "owner_id" = $2 AND "status" = 'verified' FOR SHARE`, [documentId, actorId]) as Array<{ content_type: string }>;
    if (!doc || doc.content_type !== 'application/pdf') {
      throw new DomainError('validation', 'INVALID_REGULATION_PDF', bilingual('Kies een gecontroleerde PDF die je zelf hebt geüpload', 'Choose a verified PDF you uploaded yourself'), { documentId });
    }
  }

  /** Serialises every change to the versions of one type (numbering, publication order). */
  private async lockType(m: EntityManager, type: RegulationType): Promise<void> {
    await m.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`regulation_versions:${type}`]);
  }

  private async draftForChange(m: EntityManager, type: RegulationType, version: number): Promise<RegulationVersionEntity> {
    await this.lockType(m, type);
    const row = await m.findOneBy(RegulationVersionEntity, { type, version });
    if (!row) throw versionNotFound(type, version);
    if (row.status !== 'draft') throw versionPublished(type, version);
    return row;
  }

  /** The database trigger refuses changes to a published row (insufficient_privilege). */
  private backstop(err: unknown, type: RegulationType, version: number): never {
    if ((err as { code?: string }).code === '42501') throw versionPublished(type, version);
    throw err;
  }
}
