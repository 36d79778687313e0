import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AssessorPoolService, CurrentPrincipal, DeclareRelationDto, Principal, PublicAccount, RequestId, Roles, UpdateProfileDto } from '@rlp/accounts';
import { UuidPipe } from '@rlp/platform';

@ApiTags('admin')
@ApiBearerAuth()
@Controller('admin/accounts/:id')
@Roles('admin')
export class AdminAssessorPoolController {
  constructor(private readonly pool: AssessorPoolService) {}

  @Patch()
  @ApiOperation({ summary: "Change an account's organisation or name (used by the conflict-of-interest check)" })
  update(@Param('id', UuidPipe) id: string, @Body() body: UpdateProfileDto, @CurrentPrincipal() actor: Principal, @RequestId() requestId?: string): Promise<PublicAccount> {
    return this.pool.updateProfile(id, body, actor.userId, requestId);
  }

  @Get('relations')
  @ApiOperation({ summary: 'Relations this person has declared' })
  relations(@Param('id', UuidPipe) id: string) {
    return this.pool.relations(id);
  }

  @Post('relations')
  @ApiOperation({ summary: 'Record a declared relation (a person or organisation)' })
  add(@Param('id', UuidPipe) id: string, @Body() body: DeclareRelationDto, @CurrentPrincipal() actor: Principal, @RequestId() requestId?: string) {
    return this.pool.addRelation(id, body, actor.userId, requestId);
  }

  @Delete('relations/:relationId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove a declared relation (the audit trail keeps it)' })
  async remove(@Param('id', UuidPipe) id: string, @Param('relationId', UuidPipe) relationId: string, @CurrentPrincipal() actor: Principal, @RequestId() requestId?: string): Promise<void> {
    await this.pool.removeRelation(id, relationId, actor.userId, requestId);
  }
}
