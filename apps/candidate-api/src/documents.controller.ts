import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, RequestId, Roles } from '@rlp/accounts';
import { DocumentsService, RequestUploadDto, type DocumentView } from '@rlp/documents';
import { UuidPipe } from '@rlp/platform';
import { PortfolioService } from '@rlp/portfolio';

@ApiTags('documents')
@ApiBearerAuth()
@Roles('candidate')
@Controller('documents')
export class DocumentsController {
  constructor(private readonly documents: DocumentsService) {}

  @Post()
  @ApiOperation({ summary: 'Request an upload: returns a presigned PUT URL; PUT the bytes there, then confirm' })
  request(@CurrentPrincipal() me: Principal, @Body() body: RequestUploadDto, @RequestId() requestId?: string) {
    return this.documents.requestUpload(me.userId, body, requestId);
  }

  @Post(':id/confirm')
  @HttpCode(200)
  @ApiOperation({ summary: 'Verify the uploaded object (size, type by its first bytes, SHA-256); a failing one is deleted' })
  confirm(@CurrentPrincipal() me: Principal, @Param('id', UuidPipe) id: string, @RequestId() requestId?: string): Promise<DocumentView> {
    return this.documents.confirm(me.userId, id, requestId);
  }

  @Get()
  @ApiOperation({ summary: 'My documents (pending and verified)' })
  list(@CurrentPrincipal() me: Principal): Promise<DocumentView[]> {
    return this.documents.list(me.userId);
  }

  @Get(':id')
  get(@CurrentPrincipal() me: Principal, @Param('id', UuidPipe) id: string): Promise<DocumentView> {
    return this.documents.get(me.userId, id);
  }

  @Get(':id/download')
  @ApiOperation({ summary: 'A short-lived presigned download URL (always served as an attachment)' })
  download(@CurrentPrincipal() me: Principal, @Param('id', UuidPipe) id: string) {
    return this.documents.download(me.userId, id);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a document; refused (409 DOCUMENT_IN_USE) while a section or a submission refers to it' })
  async delete(@CurrentPrincipal() me: Principal, @Param('id', UuidPipe) id: string, @RequestId() requestId?: string): Promise<void> {
    await this.documents.delete(me.userId, id, PortfolioService.documentReferences, requestId);
  }
}
