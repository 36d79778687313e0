import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, RequestId, Roles } from '@rlp/accounts';
import { DocumentsService, RequestUploadDto, type DocumentView } from '@rlp/documents';
import { UuidPipe } from '@rlp/platform';

/** Uploads of the certification office (e.g. the official PDF of a regulation version), verified like any upload. */
@ApiTags('admin')
@ApiBearerAuth()
@Roles('admin')
@Controller('admin/documents')
export class AdminDocumentsController {
  constructor(private readonly documents: DocumentsService) {}

  @Post()
  @ApiOperation({ summary: 'Request an upload: a presigned PUT URL; PUT the bytes there, then confirm' })
  request(@CurrentPrincipal() me: Principal, @Body() body: RequestUploadDto, @RequestId() requestId?: string) {
    return this.documents.requestUpload(me.userId, body, requestId);
  }

  @Post(':id/confirm')
  @HttpCode(200)
  @ApiOperation({ summary: 'Verify the uploaded object (size, type by its first bytes, SHA-256)' })
  confirm(@CurrentPrincipal() me: Principal, @Param('id', UuidPipe) id: string, @RequestId() requestId?: string): Promise<DocumentView> {
    return this.documents.confirm(me.userId, id, requestId);
  }

  @Get(':id')
  get(@CurrentPrincipal() me: Principal, @Param('id', UuidPipe) id: string): Promise<DocumentView> {
    return this.documents.get(me.userId, id);
  }
}
