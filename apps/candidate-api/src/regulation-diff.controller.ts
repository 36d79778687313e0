import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { CurrentPrincipal, Principal, Roles } from '@rlp/accounts';
import { UuidPipe } from '@rlp/platform';
import { PortfolioSectionEntity, PortfolioService, SubmissionEntity } from '@rlp/portfolio';
import { ACCEPTED_REGULATIONS, type AcceptedRegulation, type DiffLine, regulationChanges, RegulationsService } from '@rlp/regulations';

export interface AcceptedRegulationState {
  type: AcceptedRegulation;
  accepted: boolean;
  /** The version accepted in the declarations (or, once submitted, the version submitted with). */
  acceptedVersion: number | null;
  currentVersion: number;
  /** Accepted, but a newer version has become current: accept again before submitting. */
  stale: boolean;
  /** When stale: the current version's summary of changes, each later version's summary, and the line diff. */
  changeSummary?: string | null;
  changes?: Array<{ version: number; title: string; effectiveFrom: string | null; changeSummary: string | null }>;
  diff?: DiffLine[];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

@ApiTags('portfolio')
@ApiBearerAuth()
@Roles('candidate')
@Controller('portfolios')
export class RegulationDiffController {
  constructor(
    private readonly portfolios: PortfolioService,
    private readonly regulations: RegulationsService,
    private readonly dataSource: DataSource,
  ) {}

  @Get(':id/regulations')
  @ApiOperation({ summary: 'Per accepted regulation: the accepted and the current version, and when a newer one applies, what changed' })
  async regulationsOf(@CurrentPrincipal() me: Principal, @Param('id', UuidPipe) id: string) {
    const portfolio = await this.portfolios.own(me.userId, id);
    const today = this.portfolios.today();
    const current = await this.regulations.currentVersions(today);
    const manager = this.dataSource.manager;

    const submission = portfolio.status === 'draft' ? null : await manager.findOneBy(SubmissionEntity, { portfolioId: id });
    if (submission) {
      // Submitted with the versions current at that moment; a later version does not change that.
      return {
        portfolioId: id,
        status: portfolio.status,
        submitted: true,
        regulationVersions: submission.regulationVersions,
        regulations: ACCEPTED_REGULATIONS.map(
          (type): AcceptedRegulationState => ({ type, accepted: true, acceptedVersion: submission.regulationVersions[type] ?? null, currentVersion: current[type], stale: false }),
        ),
      };
    }

    const section = await manager.findOneBy(PortfolioSectionEntity, { portfolioId: id, section: 'declarations' });
    const content: Record<string, unknown> = isRecord(section?.content) ? (section.content as Record<string, unknown>) : {};
    const regulations: AcceptedRegulationState[] = [];
    for (const type of ACCEPTED_REGULATIONS) {
      const entry = content[type];
      const accepted = isRecord(entry) && entry['accepted'] === true;
      const version = isRecord(entry) && Number.isInteger(entry['version']) ? (entry['version'] as number) : null;
      const stale = accepted && version !== null && version !== current[type];
      const state: AcceptedRegulationState = { type, accepted, acceptedVersion: accepted ? version : null, currentVersion: current[type], stale };
      if (stale && version !== null) Object.assign(state, await regulationChanges(manager, type, version, current[type]));
      regulations.push(state);
    }
    return { portfolioId: id, status: portfolio.status, submitted: false, regulationVersions: current, regulations };
  }
}
