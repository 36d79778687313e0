import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiSchema, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { CurrentPrincipal, Principal, Roles } from '@rlp/accounts';
import { ApiErrors, ERRORS, UuidPipe } from '@rlp/platform';
import { PORTFOLIO_STATUSES, PortfolioSectionEntity, PortfolioService, SubmissionEntity, type PortfolioStatus } from '@rlp/portfolio';
import {
  ACCEPTED_REGULATIONS,
  type AcceptedRegulation,
  type DiffLine,
  DiffLineSchema,
  RegulationChangeSchema,
  regulationChanges,
  RegulationsService,
} from '@rlp/regulations';

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

@ApiSchema({ name: 'AcceptedRegulationState', description: 'A regulation the candidate accepts in part E: the accepted and the current version' })
class AcceptedRegulationStateSchema implements AcceptedRegulationState {
  @ApiProperty({ enum: ACCEPTED_REGULATIONS })
  type!: AcceptedRegulation;

  @ApiProperty()
  accepted!: boolean;

  @ApiProperty({ type: 'integer', nullable: true, description: 'Accepted in the declarations (or, once submitted, submitted with)' })
  acceptedVersion!: number | null;

  @ApiProperty({ type: 'integer' })
  currentVersion!: number;

  @ApiProperty({ description: 'Accepted, but a newer version has become current: accept again before submitting' })
  stale!: boolean;

  @ApiPropertyOptional({ type: String, nullable: true, description: "When stale: the current version's summary of changes" })
  changeSummary?: string | null;

  @ApiPropertyOptional({ type: () => [RegulationChangeSchema], description: 'When stale: every later version, with its summary' })
  changes?: AcceptedRegulationState['changes'];

  @ApiPropertyOptional({ type: () => [DiffLineSchema], description: 'When stale: the line diff from the accepted to the current version' })
  diff?: DiffLine[];
}

@ApiSchema({ name: 'PortfolioRegulations' })
class PortfolioRegulationsSchema {
  @ApiProperty({ format: 'uuid' })
  portfolioId!: string;

  @ApiProperty({ enum: PORTFOLIO_STATUSES })
  status!: PortfolioStatus;

  @ApiProperty({ description: 'Submitted: the versions are those submitted with, whatever is current now' })
  submitted!: boolean;

  @ApiProperty({ type: 'object', additionalProperties: { type: 'integer' }, example: { reglement: 1, gedragscode: 2, klachtenreglement: 1 } })
  regulationVersions!: Record<string, number>;

  @ApiProperty({ type: () => [AcceptedRegulationStateSchema] })
  regulations!: AcceptedRegulationState[];
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
  @ApiOkResponse({ type: PortfolioRegulationsSchema })
  @ApiErrors(ERRORS.signedIn, ERRORS.role, ERRORS.uuid, { 404: ['PORTFOLIO_NOT_FOUND'], 503: ['NO_CURRENT_REGULATION'] })
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
