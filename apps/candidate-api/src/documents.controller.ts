import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, RequestId, Roles } from '@rlp/accounts';
import { DocumentsService, RequestUploadDto, type DocumentView } from '@rlp/documents';
import { ApiErrors, ERRORS, UuidPipe } from '@rlp/platform';
import { PortfolioService } from '@rlp/portfolio';
import { DocumentDownloadLinkSchema, DocumentSchema, UploadTicketSchema } from './documents.responses';

@ApiTags('documents')
@ApiBearerAuth()
@Roles('candidate')
@Controller('documents')
export class DocumentsController {
  constructor(private readonly documents: DocumentsService) {}

  @Post()
  @ApiOperation({ summary: 'Request an upload: returns a presigned PUT URL; PUT the bytes there, then confirm' })
  @ApiCreatedResponse({ type: UploadTicketSchema })
  @ApiErrors(ERRORS.signedIn, ERRORS.role, ERRORS.csrf, ERRORS.jsonBody, ERRORS.storage, { 400: ['UPLOAD_TYPE_NOT_ALLOWED'], 413: ['UPLOAD_TOO_LARGE'], 429: ['TOO_MANY_PENDING_UPLOADS'] })
  request(@CurrentPrincipal() me: Principal, @Body() body: RequestUploadDto, @RequestId() requestId?: string) {
    return this.documents.requestUpload(me.userId, body, requestId);
  }

  @Post(':id/confirm')
  @HttpCode(200)
  @ApiOperation({ summary: 'Verify the uploaded object (size, type by its first bytes, SHA-256); a failing one is deleted' })
  @ApiOkResponse({ type: DocumentSchema, description: 'Verified (confirming a verified document again returns it)' })
  @ApiErrors(ERRORS.signedIn, ERRORS.role, ERRORS.csrf, ERRORS.noBody, ERRORS.uuid, ERRORS.storage, {
    400: ['UPLOAD_EMPTY', 'UPLOAD_TYPE_NOT_ALLOWED', 'UPLOAD_TYPE_MISMATCH', 'UPLOAD_SIZE_MISMATCH', 'UPLOAD_REJECTED'],
    404: ['DOCUMENT_NOT_FOUND'],
    409: ['UPLOAD_NOT_RECEIVED', 'UPLOAD_CHANGED'],
    413: ['UPLOAD_TOO_LARGE'],
    503: ['DOCUMENT_CHECKS_BUSY'],
  })
  confirm(@CurrentPrincipal() me: Principal, @Param('id', UuidPipe) id: string, @RequestId() requestId?: string): Promise<DocumentView> {
    return this.documents.confirm(me.userId, id, requestId);
  }

  @Get()
  @ApiOperation({ summary: 'My documents (pending and verified)' })
  @ApiOkResponse({ type: [DocumentSchema] })
  @ApiErrors(ERRORS.signedIn, ERRORS.role)
  list(@CurrentPrincipal() me: Principal): Promise<DocumentView[]> {
    return this.documents.list(me.userId);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One of my documents' })
  @ApiOkResponse({ type: DocumentSchema })
  @ApiErrors(ERRORS.signedIn, ERRORS.role, ERRORS.uuid, { 404: ['DOCUMENT_NOT_FOUND'] })
  get(@CurrentPrincipal() me: Principal, @Param('id', UuidPipe) id: string): Promise<DocumentView> {
    return this.documents.get(me.userId, id);
  }

  @Get(':id/download')
  @ApiOperation({ summary: 'A short-lived presigned download URL (always served as an attachment)' })
  @ApiOkResponse({ type: DocumentDownloadLinkSchema })
  @ApiErrors(ERRORS.signedIn, ERRORS.role, ERRORS.uuid, ERRORS.storage, { 404: ['DOCUMENT_NOT_FOUND'], 409: ['DOCUMENT_NOT_VERIFIED', 'DOCUMENT_INTEGRITY_FAILED'], 503: ['DOCUMENT_CHECKS_BUSY'] })
  download(@CurrentPrincipal() me: Principal, @Param('id', UuidPipe) id: string) {
    return this.documents.download(me.userId, id);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a document; refused (409 DOCUMENT_IN_USE) while a section or a submission refers to it' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiErrors(ERRORS.signedIn, ERRORS.role, ERRORS.csrf, ERRORS.noBody, ERRORS.uuid, { 404: ['DOCUMENT_NOT_FOUND'], 409: ['DOCUMENT_IN_USE'] })
  async delete(@CurrentPrincipal() me: Principal, @Param('id', UuidPipe) id: string, @RequestId() requestId?: string): Promise<void> {
    await this.documents.delete(me.userId, id, PortfolioService.documentReferences, requestId);
  }
}
