import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, RequestId, Roles } from '@rlp/accounts';
import { RulebookCatalog } from '@rlp/portfolio';
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
  list() {
    return this.catalog.list(true);
  }

  @Put('default')
  @ApiOperation({ summary: 'Choose the published rulebook version new portfolios start on' })
  setDefault(@Body() body: DefaultRulebookDto, @CurrentPrincipal() actor: Principal, @RequestId() requestId?: string) {
    return this.catalog.setDefault(body.rulebook, actor.userId, requestId);
  }
}
