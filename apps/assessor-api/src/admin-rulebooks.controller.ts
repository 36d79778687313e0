import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, RequestId, Roles } from '@rlp/accounts';
import { ApiErrors, ERRORS } from '@rlp/platform';
import { RulebookCatalog, RulebookSummarySchema, type RulebookSummary } from '@rlp/portfolio';
import { IsString, Length } from 'class-validator';

export class DefaultRulebookDto {
  @ApiProperty({ example: 'toetsingskader-initieel-v1' })
  @IsString()
  @Length(1, 100)
  rulebook!: string;
}

@ApiTags('admin')
@ApiBearerAuth()
@Controller('admin/rulebooks')
@Roles('admin')
export class AdminRulebooksController {
  constructor(private readonly catalog: RulebookCatalog) {}

  @Get()
  @ApiOperation({ summary: 'Rulebook versions shipped with this build (test-only ones included, marked), and the default' })
  @ApiOkResponse({ type: [RulebookSummarySchema] })
  @ApiErrors(ERRORS.signedIn, ERRORS.role)
  list(): Promise<RulebookSummary[]> {
    return this.catalog.list(true);
  }

  @Put('default')
  @ApiOperation({ summary: 'Choose the published rulebook version new portfolios start on' })
  @ApiOkResponse({ type: [RulebookSummarySchema], description: 'The published versions, the chosen one marked as default' })
  @ApiErrors(ERRORS.signedIn, ERRORS.role, ERRORS.csrf, ERRORS.jsonBody, { 404: ['RULEBOOK_NOT_FOUND'] })
  setDefault(@Body() body: DefaultRulebookDto, @CurrentPrincipal() actor: Principal, @RequestId() requestId?: string): Promise<RulebookSummary[]> {
    return this.catalog.setDefault(body.rulebook, actor.userId, requestId);
  }
}
