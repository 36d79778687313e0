import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, Equals, IsArray, IsIn, IsInt, IsOptional, IsString, IsUrl, IsUUID, Length, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { PORTFOLIO_STATUSES, type PortfolioStatus } from '../../portfolio/src/portfolio.entities';
import { ABSENT_PARTIES, DECISION_OUTCOMES, MISSED_KINDS, MISSED_NEXT, type AbsentParty, type DecisionOutcome, type MissedKind, type MissedNext } from './assessment.entities';
import { MAX_BATCH_SLOTS } from './interview.service';
import { REGISTER_LOOKUP } from './register-rate-limiter';
import { DOSSIER_STAGES, type DossierStage } from './assignment.service';
import { PAGE } from '../../platform/src/page-cursor';

export class AssignDto {
  @ApiProperty({ description: 'Account id of the assessor (role assessor, or an admin acting as assessor)' })
  @IsUUID()
  assessorId!: string;
}

/** `limit` and `cursor` of a keyset-paged list (ADR 0027). */
export class PageQueryDto {
  @ApiPropertyOptional({ type: 'integer', default: PAGE.default, minimum: 1, maximum: PAGE.max, description: `Rows per page (default ${PAGE.default}, at most ${PAGE.max})` })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(PAGE.max)
  limit?: number;

  @ApiPropertyOptional({ description: 'The nextCursor of the previous page; absent for the first page', maxLength: 200 })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  cursor?: string;
}

export class AssessorDossierQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: ['nl', 'en'], description: 'Error messages in this language only (ADR 0014)' })
  @IsOptional()
  @IsIn(['nl', 'en'])
  lang?: 'nl' | 'en';
}

export class DossierQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: DOSSIER_STAGES, description: 'Only the dossiers in this stage of the office (waiting: for a first or second assessor)' })
  @IsOptional()
  @IsIn(DOSSIER_STAGES)
  stage?: DossierStage;

  @ApiPropertyOptional({ description: 'true: only dossiers still waiting for (a second) assessor' })
  @IsOptional()
  @IsIn(['true', 'false'])
  waiting?: 'true' | 'false';

  @ApiPropertyOptional({ enum: PORTFOLIO_STATUSES })
  @IsOptional()
  @IsIn(PORTFOLIO_STATUSES.filter((s) => s !== 'draft'))
  status?: PortfolioStatus;

  @ApiPropertyOptional({ enum: ['nl', 'en'], description: 'Error messages in this language only (ADR 0014)' })
  @IsOptional()
  @IsIn(['nl', 'en'])
  lang?: 'nl' | 'en';
}

export class IndependenceDto {
  @ApiProperty({ description: 'I have no relation with this candidate that could affect my judgement', enum: [true] })
  @Equals(true, { message: 'independent must be true: declare independence, or decline the dossier' })
  independent!: true;

  @ApiPropertyOptional({ maxLength: 2000 })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  statement?: string;
}

export class ReasonDto {
  @ApiProperty({ maxLength: 2000 })
  @IsString()
  @Length(1, 2000)
  @Matches(/\S/, { message: 'reason must not be blank' })
  reason!: string;
}

export class OptionalReasonDto {
  @ApiPropertyOptional({ maxLength: 2000 })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  reason?: string;
}

export class SlotDto {
  @ApiProperty({ example: '2026-12-03', description: 'Local date in Europe/Amsterdam' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'date must be YYYY-MM-DD' })
  date!: string;

  @ApiProperty({ example: '14:00', description: 'Local time in Europe/Amsterdam' })
  @Matches(/^\d{2}:\d{2}$/, { message: 'time must be HH:mm' })
  time!: string;

  @ApiProperty({ minimum: 15, maximum: 480, example: 90 })
  @IsInt()
  @Min(15)
  @Max(480)
  durationMinutes!: number;

  @ApiPropertyOptional({ example: 'https://meet.example.nl/abc', description: 'An https link (give this or an address)' })
  @IsOptional()
  @IsUrl({ protocols: ['https'], require_protocol: true })
  @MaxLength(500)
  onlineUrl?: string;

  @ApiPropertyOptional({ example: 'Noloc, Stationsplein 1, Utrecht' })
  @IsOptional()
  @IsString()
  @Length(3, 500)
  address?: string;
}

export class SlotBatchDto {
  @ApiProperty({ type: () => [SlotDto], minItems: 1, maxItems: MAX_BATCH_SLOTS, description: `1 to ${MAX_BATCH_SLOTS} slots, offered all or none` })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_BATCH_SLOTS)
  @ValidateNested({ each: true })
  @Type(() => SlotDto)
  slots!: SlotDto[];
}

export class MissedInterviewDto {
  @ApiProperty({ enum: MISSED_KINDS, description: 'no_show: someone did not come; late_cancellation: someone cancelled on the day, too late to cancel before the start' })
  @IsIn(MISSED_KINDS)
  kind!: MissedKind;

  @ApiProperty({ enum: ABSENT_PARTIES, description: 'Who did not come, or who cancelled' })
  @IsIn(ABSENT_PARTIES)
  absentParty!: AbsentParty;

  @ApiPropertyOptional({ format: 'uuid', description: 'With absentParty assessor: which assessor of the dossier' })
  @IsOptional()
  @IsUUID()
  absentAssessorId?: string;

  @ApiProperty({ maxLength: 2000, description: 'Why, as far as known' })
  @IsString()
  @Length(1, 2000)
  @Matches(/\S/, { message: 'reason must not be blank' })
  reason!: string;

  @ApiProperty({ enum: MISSED_NEXT, description: 'new_slots: plan again (back to judged); advise: the interview record with a negative advice follows (only when the candidate was absent)' })
  @IsIn(MISSED_NEXT)
  next!: MissedNext;
}

export class BookDto {
  @ApiProperty()
  @IsUUID()
  slotId!: string;
}

export class DecisionDto {
  @ApiProperty({ enum: DECISION_OUTCOMES })
  @IsIn(DECISION_OUTCOMES)
  outcome!: DecisionOutcome;

  @ApiPropertyOptional({ maxLength: 5000, description: 'Required unless certifying on a positive advice' })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  motivation?: string;
}

export class RegisterQueryDto {
  @ApiPropertyOptional({ description: 'Part of the name, or the exact certificate number: at least 3 characters after trimming', minLength: 3, maxLength: 100 })
  @IsOptional()
  @IsString()
  @MaxLength(REGISTER_LOOKUP.maxQueryLength)
  q?: string;

  @ApiPropertyOptional({ default: 20, maximum: 20, description: 'At most 20 results; there is no paging, a longer search narrows the list' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(REGISTER_LOOKUP.maxResults)
  limit?: number;
}
