import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { bilingual } from '../../platform/src/bilingual';
import { DomainError } from '../../platform/src/domain-error';
import { REGULATION_TYPES, RegulationType, RegulationVersionEntity } from './regulation-version.entity';
import { RegulationAcceptanceEntity } from './regulation-acceptance.entity';

export type CurrentRegulationVersions = Record<RegulationType, number>;

export interface RegulationVersionView {
  id: string;
  type: RegulationType;
  version: number;
  title: string;
  body: string;
  changeSummary: string | null;
  effectiveFrom: string | null;
  status: 'draft' | 'published' | 'superseded';
  current: boolean;
  publishedAt: string | null;
  pdfDocumentId: string | null;
}

/**
 * The current version of every type on the date in `dateParam` (a bind parameter such as `$3`), as
 * a scalar subquery yielding a JSON object `{ type: version }`: callers fold it into a statement they
 * run anyway (a section save, a completeness report) instead of asking in a round trip of its own.
 * Always read in the statement's snapshot, so a version published on another instance counts the
 * moment it is committed (ADR 0025). The table holds a handful of rows per type.
 */
export function currentRegulationVersionsSql(dateParam: string): string {
  return `(SELECT COALESCE(jsonb_object_agg(c."type", c."version"), '{}'::jsonb) FROM (
      SELECT DISTINCT ON ("type") "type", "version" FROM "regulation_versions"
       WHERE "status" = 'published' AND "effective_from" <= ${dateParam}::date ORDER BY "type", "version" DESC) c)`;
}

/** The result of currentRegulationVersionsSql, with every type required (503 when one has none). */
export function toCurrentVersions(found: Record<string, number>): CurrentRegulationVersions {
  const result = {} as CurrentRegulationVersions;
  for (const type of REGULATION_TYPES) {
    const version = found[type];
    if (version === undefined) {
      throw new DomainError('unavailable', 'NO_CURRENT_REGULATION', bilingual(`Er is geen geldende versie van het ${type}`, `No version of the ${type} is in effect`), { type });
    }
    result[type] = Number(version);
  }
  return result;
}

/** Reads regulation versions and records acceptances. Admin editing builds on this. */
@Injectable()
export class RegulationsService {
  constructor(private readonly dataSource: DataSource) {}

  /** The current version of every type on a calendar date: the highest published one in effect. */
  async currentVersions(today: string, manager: EntityManager = this.dataSource.manager): Promise<CurrentRegulationVersions> {
    const rows: Array<{ versions: Record<string, number> }> = await manager.query(`SELECT ${currentRegulationVersionsSql('$1')} AS "versions"`, [today]);
    return toCurrentVersions(rows[0]?.versions ?? {});
  }

  async current(type: RegulationType, today: string): Promise<RegulationVersionView> {
    const versions = await this.currentVersions(today);
    return this.published(type, versions[type], today);
  }

  /** A published version (drafts are for admins only). */
  async published(type: RegulationType, version: number, today: string): Promise<RegulationVersionView> {
    const row = await this.dataSource.manager.findOneBy(RegulationVersionEntity, { type, version, status: 'published' });
    if (!row) {
      throw new DomainError('not_found', 'REGULATION_VERSION_NOT_FOUND', bilingual('Deze versie bestaat niet', 'This version does not exist'), { type, version });
    }
    return this.view(row, (await this.currentVersions(today))[type]);
  }

  async listPublished(type: RegulationType, today: string): Promise<RegulationVersionView[]> {
    const rows = await this.dataSource.manager.find(RegulationVersionEntity, { where: { type, status: 'published' }, order: { version: 'DESC' } });
    const current = (await this.currentVersions(today))[type];
    return rows.map((r) => this.view(r, current));
  }

  /** Records who accepted which version on which portfolio, in the caller's transaction. */
  async recordAcceptance(
    manager: EntityManager,
    acceptance: { userId: string; portfolioId: string; type: RegulationType; version: number; acceptedAt: Date },
  ): Promise<void> {
    const row = await manager.findOneBy(RegulationVersionEntity, { type: acceptance.type, version: acceptance.version, status: 'published' });
    if (!row) throw new Error(`published ${acceptance.type} v${acceptance.version} not found`);
    await manager.insert(RegulationAcceptanceEntity, {
      userId: acceptance.userId,
      portfolioId: acceptance.portfolioId,
      regulationVersionId: row.id,
      acceptedAt: acceptance.acceptedAt,
    });
  }

  view(row: RegulationVersionEntity, currentVersion: number | undefined): RegulationVersionView {
    const status = row.status === 'draft' ? 'draft' : currentVersion !== undefined && row.version < currentVersion ? 'superseded' : 'published';
    return {
      id: row.id,
      type: row.type,
      version: row.version,
      title: row.title,
      body: row.body,
      changeSummary: row.changeSummary,
      effectiveFrom: row.effectiveFrom,
      status,
      current: row.status === 'published' && row.version === currentVersion,
      publishedAt: row.publishedAt?.toISOString() ?? null,
      pdfDocumentId: row.pdfDocumentId,
    };
  }
}
