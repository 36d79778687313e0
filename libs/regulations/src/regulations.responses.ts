import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { REGULATION_TYPES, type RegulationType } from './regulation-version.entity';
import type { PortfolioNeedingRenewal, RegulationAcceptancesView, RegulationAcceptor, RegulationAdminView, RegulationChanges, RegulationRenewalsView } from './regulations-admin.service';
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

// ---------------------------------------------------------------- the office's routes (/admin/regulations)

@ApiSchema({ name: 'RegulationAdminVersion', description: 'A version as the certification office sees it: drafts too, with who published it and when it changed' })
export class RegulationAdminVersionSchema extends RegulationVersionSchema implements RegulationAdminView {
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The admin who published it' })
  publishedBy!: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt!: string;
}

@ApiSchema({ name: 'RegulationAcceptor', description: 'A candidate who accepted this version on a portfolio' })
export class RegulationAcceptorSchema implements RegulationAcceptor {
  @ApiProperty({ format: 'uuid' })
  userId!: string;

  @ApiProperty()
  displayName!: string;

  @ApiProperty()
  email!: string;

  @ApiProperty({ format: 'uuid' })
  portfolioId!: string;

  @ApiProperty({ format: 'date-time' })
  acceptedAt!: string;
}

@ApiSchema({ name: 'PortfolioNeedingRenewal', description: 'A draft portfolio whose declarations accept this version while it is no longer the current one' })
export class PortfolioNeedingRenewalSchema implements PortfolioNeedingRenewal {
  @ApiProperty({ format: 'uuid' })
  portfolioId!: string;

  @ApiProperty({ format: 'uuid' })
  candidateId!: string;

  @ApiProperty()
  displayName!: string;

  @ApiProperty()
  email!: string;

  @ApiProperty({ type: 'integer' })
  acceptedVersion!: number;

  @ApiProperty({ type: String, nullable: true, description: 'When the candidate accepted it (as saved in the declarations section)' })
  acceptedAt!: string | null;
}

@ApiSchema({ name: 'RegulationAcceptances', description: 'Who accepted a version: a page of acceptances, oldest first' })
export class RegulationAcceptancesSchema implements RegulationAcceptancesView {
  @ApiProperty({ enum: REGULATION_TYPES })
  type!: RegulationType;

  @ApiProperty({ type: 'integer' })
  version!: number;

  @ApiProperty({ enum: ['draft', 'published', 'superseded'] })
  status!: 'draft' | 'published' | 'superseded';

  @ApiProperty({ description: 'The version in effect today' })
  current!: boolean;

  @ApiProperty({ type: 'integer', description: 'The version of this type in effect today' })
  currentVersion!: number;

  @ApiProperty({ type: () => [RegulationAcceptorSchema], description: 'At most `limit` acceptances, oldest first' })
  acceptedBy!: RegulationAcceptor[];

  @ApiProperty({ type: String, nullable: true, description: 'Pass as `cursor` for the next page; null on the last page' })
  nextCursor!: string | null;
}

@ApiSchema({ name: 'RegulationRenewals', description: 'Draft portfolios that accepted this version while it is no longer the current one: a page, oldest draft first' })
export class RegulationRenewalsSchema implements RegulationRenewalsView {
  @ApiProperty({ enum: REGULATION_TYPES })
  type!: RegulationType;

  @ApiProperty({ type: 'integer' })
  version!: number;

  @ApiProperty({ type: 'integer', description: 'The version of this type in effect today' })
  currentVersion!: number;

  @ApiProperty({ type: () => [PortfolioNeedingRenewalSchema], description: 'Empty for the current version, a draft, and a type the declarations do not accept (the reglement)' })
  draftsNeedingRenewal!: PortfolioNeedingRenewal[];

  @ApiProperty({ type: String, nullable: true, description: 'Pass as `cursor` for the next page; null on the last page' })
  nextCursor!: string | null;
}
