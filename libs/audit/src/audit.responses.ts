import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import type { ChainProblem } from './audit-chain';

// Answers of the office's audit routes (/admin/audit-events), for OpenAPI only.

@ApiSchema({ name: 'AuditEvent', description: 'One event of the append-only audit trail' })
export class AuditEventSchema {
  @ApiProperty({ example: '1042', description: 'Ascending; pass it as `before` to page on. Sealed (`s.…`, says nothing) for an admin who assesses a dossier blind' })
  id!: string;

  @ApiProperty({ format: 'date-time' })
  occurredAt!: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'Null for anonymous or system actions' })
  actorId!: string | null;

  @ApiProperty({ example: 'regulation.published' })
  action!: string;

  @ApiProperty({ example: 'regulation_version' })
  subjectType!: string;

  @ApiProperty({ type: String, nullable: true })
  subjectId!: string | null;

  @ApiProperty({ type: String, nullable: true })
  requestId!: string | null;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'What happened; scoring events of a dossier whose joint judgement is not final show only their ids and `redacted`',
  })
  data!: Record<string, unknown>;

  @ApiProperty({
    type: String,
    nullable: true,
    example: '1042',
    description: 'Position in the hash chain (ADR 0009); null for an event committed moments ago and not chained yet (ADR 0024), and for an admin who assesses a dossier blind (positions would count hidden events)',
  })
  chainSeq!: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855', description: 'SHA-256, hex; null when chainSeq is' })
  hash!: string | null;
}

@ApiSchema({ name: 'AuditEventPage', description: 'A page of the audit trail, newest first' })
export class AuditEventPageSchema {
  @ApiProperty({ type: () => [AuditEventSchema] })
  events!: AuditEventSchema[];

  @ApiProperty({ type: String, nullable: true, description: 'Pass as `before` for the next page; null when no more events follow' })
  nextBefore!: string | null;
}

@ApiSchema({ name: 'AuditChainHead', description: 'The newest event: record it elsewhere to anchor the chain' })
export class AuditChainHeadSchema {
  @ApiProperty({ example: '1042' })
  chainSeq!: string;

  @ApiProperty({ description: 'SHA-256, hex' })
  hash!: string;
}

@ApiSchema({ name: 'AuditChainProblem', description: 'A place where the chain does not hold' })
export class AuditChainProblemSchema implements Partial<ChainProblem> {
  @ApiProperty({ enum: ['HASH_MISMATCH', 'BROKEN_LINK', 'SEQUENCE_GAP', 'UNCHAINED'], description: 'UNCHAINED: an event still not chained well after its commit (ADR 0024)' })
  problem!: ChainProblem['problem'];

  @ApiPropertyOptional({ description: "The event's id; left out while the admin assesses a dossier blind" })
  id?: string;

  @ApiPropertyOptional({ type: String, nullable: true, description: "The event's position (null for an UNCHAINED event); left out while the admin assesses a dossier blind" })
  chainSeq?: string | null;
}

@ApiSchema({ name: 'AuditChainReport', description: 'The hash chain recomputed over the whole audit trail (ADR 0009)' })
export class AuditChainReportSchema {
  @ApiProperty({ description: 'true: every hash, link and position holds' })
  ok!: boolean;

  @ApiProperty({ type: 'integer', nullable: true, description: 'Number of chained events; null while the admin assesses a dossier blind' })
  events!: number | null;

  @ApiProperty({
    type: 'integer',
    nullable: true,
    description: 'Events committed moments ago that the background chainer has not chained yet (ADR 0024): not a problem; null while the admin assesses a dossier blind',
  })
  pending!: number | null;

  @ApiProperty({ type: () => AuditChainHeadSchema, nullable: true, description: 'Null for an empty trail, and while the admin assesses a dossier blind' })
  head!: AuditChainHeadSchema | null;

  @ApiProperty({ type: () => [AuditChainProblemSchema], description: 'The first problems (at most 100); only their kinds while the admin assesses a dossier blind' })
  problems!: AuditChainProblemSchema[];

  @ApiPropertyOptional({ description: 'Present while the admin assesses a dossier blind: what is withheld and why' })
  withheld?: string;
}
