import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { REGULATION_TYPES, type RegulationType } from './regulation-version.entity';
import type { RegulationChanges } from './regulations-admin.service';
import type { RegulationVersionView } from './regulations.service';
import type { DiffLine } from './text-diff';

// Answers of the regulation routes, for OpenAPI only (the services return the plain views).

@ApiSchema({ name: 'RegulationVersion', description: 'A version of the reglement, gedragscode or klachtenreglement' })
export class RegulationVersionSchema implements RegulationVersionView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ enum: REGULATION_TYPES })
  type!: RegulationType;

  @ApiProperty({ type: 'integer', example: 2 })
  version!: number;

  @ApiProperty()
  title!: string;

  @ApiProperty({ description: 'The text (plain text with line breaks)' })
  body!: string;

  @ApiProperty({ type: String, nullable: true, description: 'What changed against the previous version' })
  changeSummary!: string | null;

  @ApiProperty({ type: String, format: 'date', nullable: true, description: 'In effect from this date (Europe/Amsterdam)' })
  effectiveFrom!: string | null;

  @ApiProperty({ enum: ['draft', 'published', 'superseded'], description: 'superseded: a later version is in effect' })
  status!: 'draft' | 'published' | 'superseded';

  @ApiProperty({ description: 'The version in effect today' })
  current!: boolean;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  publishedAt!: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The official PDF, when there is one' })
  pdfDocumentId!: string | null;
}

@ApiSchema({ name: 'RegulationPdfLink', description: 'A short-lived presigned download URL of the official PDF' })
export class RegulationPdfLinkSchema {
  @ApiProperty({ format: 'uri', description: 'GET it directly from storage (served as an attachment)' })
  url!: string;

  @ApiProperty({ format: 'date-time' })
  expiresAt!: string;

  @ApiProperty()
  filename!: string;

  @ApiProperty({ example: 'application/pdf' })
  contentType!: string;
}

@ApiSchema({ name: 'DiffLine', description: 'One line of a line diff between two versions' })
export class DiffLineSchema implements DiffLine {
  @ApiProperty({ enum: ['same', 'added', 'removed'] })
  op!: 'same' | 'added' | 'removed';

  @ApiProperty()
  text!: string;
}

@ApiSchema({ name: 'RegulationChange', description: 'A later version than the accepted one, with its summary of changes' })
export class RegulationChangeSchema implements Readonly<RegulationChanges['changes'][number]> {
  @ApiProperty({ type: 'integer' })
  version!: number;

  @ApiProperty()
  title!: string;

  @ApiProperty({ type: String, format: 'date', nullable: true })
  effectiveFrom!: string | null;

  @ApiProperty({ type: String, nullable: true })
  changeSummary!: string | null;
}
