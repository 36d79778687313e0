import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import type { DocumentsService, DocumentView } from '@rlp/documents';

// Answers of the document routes, for OpenAPI only (the service returns plain views).

type UploadTicket = Awaited<ReturnType<DocumentsService['requestUpload']>>;
/** Lets a class `implements` an indexed type such as `Foo['bar']`. */
type Shape<T> = T;

@ApiSchema({ name: 'Document', description: 'An uploaded document: pending until confirmed, then verified (or rejected and deleted)' })
export class DocumentSchema implements DocumentView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ enum: ['pending', 'verified', 'rejected'] })
  status!: DocumentView['status'];

  @ApiProperty({ example: 'Diploma HBO Toegepaste Psychologie.pdf', description: 'A safe file name derived from the one given' })
  filename!: string;

  @ApiProperty({ enum: ['application/pdf', 'image/jpeg', 'image/png'], description: 'Declared while pending; found from the first bytes once verified' })
  contentType!: string;

  @ApiProperty({ type: 'integer', description: 'Declared while pending; measured once verified' })
  sizeBytes!: number;

  @ApiProperty({ type: String, nullable: true, description: 'SHA-256 of the bytes, hex (once verified)' })
  sha256!: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'UPLOAD_TYPE_MISMATCH' })
  rejectionCode!: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  verifiedAt!: string | null;
}

@ApiSchema({ name: 'UploadRequestHeaders', description: 'Send exactly these headers with the PUT' })
export class UploadRequestHeadersSchema implements Shape<UploadTicket['upload']['headers']> {
  @ApiProperty({ name: 'Content-Type', enum: ['application/pdf', 'image/jpeg', 'image/png'], description: 'The declared type' })
  'Content-Type'!: UploadTicket['upload']['headers']['Content-Type'];
}

@ApiSchema({ name: 'UploadInstructions', description: 'How to upload the bytes: straight to storage, before expiresAt' })
export class UploadInstructionsSchema implements Shape<UploadTicket['upload']> {
  @ApiProperty({ enum: ['PUT'] })
  method!: 'PUT';

  @ApiProperty({ format: 'uri', description: 'Presigned URL of the storage object' })
  url!: string;

  @ApiProperty({ type: () => UploadRequestHeadersSchema })
  headers!: UploadRequestHeadersSchema;

  @ApiProperty({ format: 'date-time' })
  expiresAt!: string;

  @ApiProperty({ type: 'integer', description: 'Larger objects are rejected on confirm' })
  maxBytes!: number;
}

@ApiSchema({ name: 'UploadTicket', description: 'The pending document and where to PUT its bytes; then POST /documents/{id}/confirm' })
export class UploadTicketSchema implements UploadTicket {
  @ApiProperty({ type: () => DocumentSchema })
  document!: DocumentView;

  @ApiProperty({ type: () => UploadInstructionsSchema })
  upload!: UploadInstructionsSchema;
}

@ApiSchema({ name: 'DocumentDownloadLink', description: 'A short-lived presigned download URL (always served as an attachment)' })
export class DocumentDownloadLinkSchema implements Awaited<ReturnType<DocumentsService['download']>> {
  @ApiProperty({ format: 'uri' })
  url!: string;

  @ApiProperty({ format: 'date-time' })
  expiresAt!: string;

  @ApiProperty()
  filename!: string;

  @ApiProperty({ example: 'application/pdf' })
  contentType!: string;
}
