import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length } from 'class-validator';

export class SubmitDto {
  @ApiProperty({ description: 'The `revision` of the portfolio the candidate reviewed (GET /portfolios/:id)' })
  @IsString()
  @Length(1, 100)
  revision!: string;
}

export class LangQueryDto {
  @ApiPropertyOptional({ enum: ['nl', 'en'] })
  @IsOptional()
  @IsIn(['nl', 'en'])
  lang?: 'nl' | 'en';
}

export class GuidanceQueryDto extends LangQueryDto {
  @ApiPropertyOptional({ description: 'Rulebook version id; default the one new portfolios start on' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  rulebook?: string;
}

export class DocumentQueryDto {
  @ApiPropertyOptional({ description: 'true: served as a file download (portfolio.json)' })
  @IsOptional()
  @IsIn(['true', 'false'])
  download?: 'true' | 'false';
}

export class RulebookMoveDto {
  @ApiProperty({ description: 'Id of the rulebook version to move the draft to' })
  @IsString()
  @Length(1, 100)
  to!: string;
}
