import { Inject, Injectable } from '@nestjs/common';
import type { Rulebook } from '@rlp/rulebook';
import { DataSource } from 'typeorm';
import { AuditService } from '../../audit/src/audit.service';
import { bilingual } from '../../platform/src/bilingual';
import { Clock } from '../../platform/src/clock';
import { DomainError } from '../../platform/src/domain-error';
import { RULEBOOKS } from '../../platform/src/platform.tokens';
import { PlatformSettingEntity } from './platform-setting.entity';

const DEFAULT_KEY = 'rulebook.default';

export interface RulebookSummary {
  id: string;
  title: { nl: string; en: string };
  status: Rulebook['status'];
  /** New portfolios start on this one. */
  isDefault: boolean;
}

/** The shipped rulebook versions and the one new portfolios start on (chosen by an admin). */
@Injectable()
export class RulebookCatalog {
  constructor(
    @Inject(RULEBOOKS) private readonly shipped: readonly Rulebook[],
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** Any shipped version (a portfolio keeps working on the version it started on). */
  get(id: string): Rulebook {
    const rulebook = this.shipped.find((r) => r.id === id);
    if (!rulebook) throw new DomainError('not_found', 'RULEBOOK_NOT_FOUND', bilingual('Deze versie van het toetsingskader bestaat niet', 'This rulebook version does not exist'), { rulebook: id });
    return rulebook;
  }

  /** A version real portfolios may use (not a test-only one). */
  published(id: string): Rulebook {
    const rulebook = this.get(id);
    if (rulebook.status !== 'published') throw new DomainError('not_found', 'RULEBOOK_NOT_FOUND', bilingual('Deze versie van het toetsingskader bestaat niet', 'This rulebook version does not exist'), { rulebook: id });
    return rulebook;
  }

  async default(): Promise<Rulebook> {
    const row = await this.dataSource.manager.findOneBy(PlatformSettingEntity, { key: DEFAULT_KEY });
    const chosen = typeof row?.value === 'string' ? this.shipped.find((r) => r.id === row.value && r.status === 'published') : undefined;
    // Without a choice: the newest published version shipped.
    return chosen ?? [...this.shipped].reverse().find((r) => r.status === 'published')!;
  }

  async list(includeTest = false): Promise<RulebookSummary[]> {
    const current = await this.default();
    return this.shipped
      .filter((r) => includeTest || r.status === 'published')
      .map((r) => ({ id: r.id, title: { nl: r.title.nl, en: r.title.en }, status: r.status, isDefault: r.id === current.id }));
  }

  async setDefault(id: string, actorId: string, requestId?: string): Promise<RulebookSummary[]> {
    const rulebook = this.published(id);
    const before = (await this.default()).id;
    await this.dataSource.transaction(async (m) => {
      await m.upsert(PlatformSettingEntity, { key: DEFAULT_KEY, value: rulebook.id as never, updatedAt: this.clock.now(), updatedBy: actorId }, ['key']);
      await this.audit.record({ actorId, action: 'rulebook.default_changed', subjectType: 'rulebook', subjectId: rulebook.id, requestId, data: { before, after: rulebook.id } }, m);
    });
    return this.list();
  }
}
