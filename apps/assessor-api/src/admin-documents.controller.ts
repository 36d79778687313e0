import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, RequestId, Roles } from '@rlp/accounts';
import { DocumentsService, RequestUploadDto, type DocumentView } from '@rlp/documents';
import { ApiErrors, ERRORS, UuidPipe } from '@rlp/platform';
// The same answers as the candidate's own upload routes (one schema per shape across both apps).
import { DocumentSchema, UploadTicketSchema } from '../../candidate-api/src/documents.responses';

/** Uploads of the certification office (e.g. the official PDF of a regulation version), verified like any upload. */
@ApiTags('admin')
@ApiBearerAuth()
@Roles('admin')
@Controller('admin/documents')
export class AdminDocumentsController {
  constructor(private readonly documents: DocumentsService) {}

  @Post()
  @ApiOperation({ summary: 'Request an upload: a presigned PUT URL; PUT the bytes there, then confirm' })
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
  })
  confirm(@CurrentPrincipal() me: Principal, @Param('id', UuidPipe) id: string, @RequestId() requestId?: string): Promise<DocumentView> {
    return this.documents.confirm(me.userId, id, requestId);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One of my uploads' })
  @ApiOkResponse({ type: DocumentSchema })
  @ApiErrors(ERRORS.signedIn, ERRORS.role, ERRORS.uuid, { 404: ['DOCUMENT_NOT_FOUND'] })
  get(@CurrentPrincipal() me: Principal, @Param('id', UuidPipe) id: string): Promise<DocumentView> {
    return this.documents.get(me.userId, id);
  }
}
