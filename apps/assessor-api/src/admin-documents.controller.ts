import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsInt, IsString, Length, Max, Min } from 'class-validator';
import { CurrentPrincipal, Principal, RequestId, Roles } from '@rlp/accounts';
import { DocumentsService, type DocumentView } from '@rlp/documents';
import { UuidPipe } from '@rlp/platform';

export class AdminUploadDto {
  @ApiProperty({ example: 'Gedragscode 2027.pdf' })
  @IsString()
  @Length(1, 255)
  filename!: string;

  @ApiProperty({ enum: ['application/pdf', 'image/jpeg', 'image/png'] })
  @IsString()
  @Length(1, 100)
  contentType!: string;

  @ApiProperty()
  @IsInt()
  @Min(1)
  @Max(Number.MAX_SAFE_INTEGER)
  sizeBytes!: number;
}

/** Uploads of the certification office (e.g. the official PDF of a regulation version), verified like any upload. */
@ApiTags('admin')
@ApiBearerAuth()
@Roles('admin')
@Controller('admin/documents')
export class AdminDocumentsController {
  constructor(private readonly documents: DocumentsService) {}

  @Post()
  @ApiOperation({ summary: 'Request an upload: a presigned PUT URL; PUT the bytes there, then confirm' })
  request(@CurrentPrincipal() me: Principal, @Body() body: AdminUploadDto, @RequestId() requestId?: string) {
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
