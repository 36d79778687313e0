import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  AccountSchema,
  AssessorPoolService,
  CurrentPrincipal,
  DeclareRelationDto,
  Principal,
  PublicAccount,
  RequestId,
  Roles,
  UpdateProfileDto,
  type RelationView,
} from '@rlp/accounts';
import { ApiErrors, ERRORS, UuidPipe } from '@rlp/platform';
import { DeclaredRelationSchema } from '../../../libs/accounts/src/accounts.responses';

const ACCOUNT_NOT_FOUND = { 404: ['ACCOUNT_NOT_FOUND'] } as const;

@ApiTags('admin')
@ApiBearerAuth()
@Controller('admin/accounts/:id')
@Roles('admin')
export class AdminAssessorPoolController {
  constructor(private readonly pool: AssessorPoolService) {}

  @Patch()
  @ApiOperation({ summary: "Change an account's organisation or name (used by the conflict-of-interest check)" })
  @ApiOkResponse({ type: AccountSchema })
  @ApiErrors(ERRORS.signedIn, ERRORS.role, ERRORS.csrf, ERRORS.jsonBody, ERRORS.uuid, ACCOUNT_NOT_FOUND)
  update(@Param('id', UuidPipe) id: string, @Body() body: UpdateProfileDto, @CurrentPrincipal() actor: Principal, @RequestId() requestId?: string): Promise<PublicAccount> {
    return this.pool.updateProfile(id, body, actor.userId, requestId);
  }

  @Get('relations')
  @ApiOperation({ summary: 'Relations this person has declared' })
  @ApiOkResponse({ type: [DeclaredRelationSchema] })
  @ApiErrors(ERRORS.signedIn, ERRORS.role, ERRORS.uuid, ACCOUNT_NOT_FOUND)
  relations(@Param('id', UuidPipe) id: string): Promise<RelationView[]> {
    return this.pool.relations(id);
  }

  @Post('relations')
  @ApiOperation({ summary: 'Record a declared relation (a person or organisation)' })
  @ApiCreatedResponse({ type: DeclaredRelationSchema })
  @ApiErrors(ERRORS.signedIn, ERRORS.role, ERRORS.csrf, ERRORS.jsonBody, ERRORS.uuid, ACCOUNT_NOT_FOUND, { 400: ['RELATION_TO_SELF', 'RELATED_ACCOUNT_NOT_FOUND'] })
  add(@Param('id', UuidPipe) id: string, @Body() body: DeclareRelationDto, @CurrentPrincipal() actor: Principal, @RequestId() requestId?: string): Promise<RelationView> {
    return this.pool.addRelation(id, body, actor.userId, requestId);
  }

  @Delete('relations/:relationId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove a declared relation (the audit trail keeps it)' })
  @ApiNoContentResponse({ description: 'Removed' })
  @ApiErrors(ERRORS.signedIn, ERRORS.role, ERRORS.csrf, ERRORS.noBody, ERRORS.uuid, { 404: ['RELATION_NOT_FOUND'] })
  async remove(@Param('id', UuidPipe) id: string, @Param('relationId', UuidPipe) relationId: string, @CurrentPrincipal() actor: Principal, @RequestId() requestId?: string): Promise<void> {
    await this.pool.removeRelation(id, relationId, actor.userId, requestId);
  }
}
