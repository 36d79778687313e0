import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import {
  EVIDENCE_KINDS,
  PARTS,
  type CountsUntilEntry,
  type CourseProgress,
  type CoverageProgress,
  type EducationProgress,
  type EvidenceKind,
  type EvidenceProgress,
  type Finding,
  type FindingDetails,
  type LocalizedText,
  type Part,
  type PartProgress,
  type Progress,
  type RequirementProgress,
  type Severity,
  type TaskCoverageCell,
  type TaskCoverageRow,
  type TaskStatus,
} from '@rlp/rulebook';
import { PORTFOLIO_STATUSES, type PortfolioStatus, type SubmittedDocument } from './portfolio.entities';
import type { CompletenessView, PortfolioService, PortfolioView, RulebookMovePreview, SectionState, SectionView } from './portfolio.service';
import type { RulebookSummary } from './rulebook-catalog.service';
import { SECTION_KEYS, type JsonObject, type SectionKey } from './sections';
import type { SubmissionView, SubmitResult } from './submission.service';

/** Lets a class `implements` an indexed type such as `Foo['bar'][number]`. */
type Shape<T> = T;

// Answers of the portfolio routes, for OpenAPI only: the services return plain views, these
// classes describe them (and `implements` makes the compiler keep them in step).

/** Free-form JSON content: an object whose keys the rulebook's document schema defines. */
export const FREE_FORM_OBJECT = { type: 'object', additionalProperties: true } as const;

const TASK_STATUSES = ['described', 'not_relevant', 'missing'] as const satisfies readonly TaskStatus[];
const SEVERITIES = ['blocking', 'warning'] as const satisfies readonly Severity[];

@ApiSchema({ name: 'LocalizedText', description: 'A text in Dutch (the authority) and English' })
export class LocalizedTextSchema implements LocalizedText {
  @ApiProperty()
  nl!: string;

  @ApiProperty()
  en!: string;
}

// ---------------------------------------------------------------- portfolio and sections

@ApiSchema({ name: 'SectionState', description: 'The version and ETag of one section' })
export class SectionStateSchema implements SectionState {
  @ApiProperty({ enum: SECTION_KEYS })
  section!: SectionKey;

  @ApiProperty({ enum: PARTS, description: 'The part of the toetsingskader the section belongs to' })
  part!: Part;

  @ApiProperty({ type: 'integer', example: 3 })
  version!: number;

  @ApiProperty({ example: '"education.3"', description: 'Send as If-Match when saving the section' })
  etag!: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt!: string;
}

@ApiSchema({ name: 'Portfolio', description: 'A portfolio: status, revision and the state of every section' })
export class PortfolioSchema implements PortfolioView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ enum: PORTFOLIO_STATUSES })
  status!: PortfolioStatus;

  @ApiProperty({ example: 'toetsingskader-initieel-v1', description: 'The rulebook version the portfolio is judged against' })
  rulebookVersion!: string;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt!: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  submittedAt!: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The decided portfolio this one supplements' })
  previousPortfolioId!: string | null;

  @ApiProperty({ description: 'Changes whenever any section changes; submit names the revision the candidate reviewed' })
  revision!: string;

  @ApiProperty({ type: () => [SectionStateSchema] })
  sections!: SectionState[];
}

@ApiSchema({ name: 'Section', description: 'One section with its content (free-form JSON, see docs/portfolio-document.schema.json)' })
export class SectionSchema extends SectionStateSchema implements SectionView {
  @ApiProperty({ ...FREE_FORM_OBJECT, description: "The section's part of the portfolio document" })
  content!: JsonObject;
}

@ApiSchema({ name: 'SectionRevisionSummary' })
export class SectionRevisionSummarySchema implements Shape<Awaited<ReturnType<PortfolioService['revisions']>>[number]> {
  @ApiProperty({ type: 'integer' })
  version!: number;

  @ApiProperty({ format: 'date-time' })
  savedAt!: string;

  @ApiProperty({ example: '"education.3"' })
  etag!: string;
}

@ApiSchema({ name: 'SectionRevision', description: 'One saved version of a section' })
export class SectionRevisionSchema implements Awaited<ReturnType<PortfolioService['revision']>> {
  @ApiProperty({ type: 'integer' })
  version!: number;

  @ApiProperty({ format: 'date-time' })
  savedAt!: string;

  @ApiProperty(FREE_FORM_OBJECT)
  content!: JsonObject;
}

@ApiSchema({
  name: 'PortfolioDocument',
  description: "The rulebook's portfolio document (docs/portfolio-document.schema.json); check it offline with `npm run check`. Parts are free-form JSON here.",
})
export class PortfolioDocumentSchema {
  @ApiProperty({ type: 'integer', enum: [1] })
  schemaVersion!: 1;

  @ApiProperty({ example: 'toetsingskader-initieel-v1' })
  rulebookVersion!: string;

  @ApiPropertyOptional({ ...FREE_FORM_OBJECT, description: 'A. Opleiding' })
  education?: JsonObject;

  @ApiPropertyOptional({ ...FREE_FORM_OBJECT, description: 'B1. Werkervaring' })
  workExperience?: JsonObject;

  @ApiPropertyOptional({ ...FREE_FORM_OBJECT, description: 'B2. Curriculum vitae en motivatie' })
  cvAndMotivation?: JsonObject;

  @ApiPropertyOptional({ type: 'array', items: FREE_FORM_OBJECT, description: 'C. Casusbeschrijvingen' })
  cases?: JsonObject[];

  @ApiPropertyOptional({ ...FREE_FORM_OBJECT, description: 'D. Ontwikkelplan' })
  developmentPlan?: JsonObject;

  @ApiPropertyOptional({ ...FREE_FORM_OBJECT, description: 'E. Verklaring' })
  declarations?: JsonObject;
}

// ---------------------------------------------------------------- completeness report

@ApiSchema({ name: 'Finding', description: 'Something the rulebook finds missing or about to expire' })
export class FindingSchema implements Finding {
  @ApiProperty({ example: 'A.COURSES', description: 'Rule code from the rulebook' })
  code!: string;

  @ApiProperty({ enum: SEVERITIES, description: 'blocking findings prevent submission; warnings never do' })
  severity!: Severity;

  @ApiProperty({ enum: PARTS })
  part!: Part;

  @ApiProperty({ example: '/cases/1/tasks/3', description: 'JSON Pointer into the portfolio document; its parent always exists' })
  path!: string;

  @ApiProperty({ type: () => LocalizedTextSchema })
  message!: LocalizedText;

  @ApiPropertyOptional({ description: 'The message in the requested language (only with ?lang=)' })
  text?: string;

  @ApiProperty({ ...FREE_FORM_OBJECT, example: { hoursCounted: 97.9, hoursRequired: 98 }, description: 'The numbers and facts behind the finding' })
  details!: FindingDetails;
}

@ApiSchema({ name: 'CompletenessFinding', description: 'A finding, pointed at the section to edit' })
export class CompletenessFindingSchema extends FindingSchema {
  @ApiProperty({ enum: SECTION_KEYS, nullable: true, description: 'null: above the sections (e.g. the number of cases)' })
  section!: SectionKey | null;
}

@ApiSchema({ name: 'PartProgress' })
export class PartProgressSchema implements PartProgress {
  @ApiProperty({ type: 'integer' })
  done!: number;

  @ApiProperty({ type: 'integer', description: 'done === total iff the part has no blocking finding' })
  total!: number;
}

@ApiSchema({ name: 'PartsProgress', description: 'Checklist per part' })
export class PartsProgressSchema implements Record<Part, PartProgress> {
  @ApiProperty({ type: () => PartProgressSchema })
  A!: PartProgress;

  @ApiProperty({ type: () => PartProgressSchema })
  B1!: PartProgress;

  @ApiProperty({ type: () => PartProgressSchema })
  B2!: PartProgress;

  @ApiProperty({ type: () => PartProgressSchema })
  C!: PartProgress;

  @ApiProperty({ type: () => PartProgressSchema })
  D!: PartProgress;

  @ApiProperty({ type: () => PartProgressSchema })
  E!: PartProgress;
}

@ApiSchema({ name: 'EvidenceReason', description: 'A condition the document does not meet' })
export class EvidenceReasonSchema {
  @ApiProperty({ example: 'signedByTrainer' })
  code!: string;

  @ApiProperty({ type: () => LocalizedTextSchema })
  label!: LocalizedText;
}

@ApiSchema({ name: 'EvidenceProgress', description: 'One document of part A and whether it counts' })
export class EvidenceProgressSchema implements EvidenceProgress {
  @ApiProperty({ example: '/education/evidence/0' })
  path!: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  documentId!: string | null;

  @ApiProperty({ type: String, nullable: true })
  title!: string | null;

  @ApiProperty()
  counts!: boolean;

  @ApiProperty({ type: () => [EvidenceReasonSchema] })
  reasons!: EvidenceReasonSchema[];

  @ApiProperty({ type: Number, nullable: true, description: 'Study load in hours as counted (kinds with a study load)' })
  studyLoadHours!: number | null;

  @ApiProperty({ type: String, format: 'date', nullable: true, description: 'The last reference date on which it counts (documents with a maximum age)' })
  countsUntil!: string | null;
}

@ApiSchema({ name: 'RequirementProgress' })
export class RequirementProgressSchema implements RequirementProgress {
  @ApiProperty({ example: 'A.DIPLOMA' })
  ruleCode!: string;

  @ApiProperty({ enum: EVIDENCE_KINDS })
  kind!: EvidenceKind;

  @ApiProperty()
  satisfied!: boolean;

  @ApiProperty({ type: String, format: 'date', nullable: true, description: 'The last reference date on which it is still met, when dated documents limit it' })
  satisfiedUntil!: string | null;

  @ApiProperty({ type: () => [EvidenceProgressSchema] })
  documents!: EvidenceProgress[];
}

@ApiSchema({ name: 'EducationProgress' })
export class EducationProgressSchema implements EducationProgress {
  @ApiProperty({ type: String, nullable: true, example: 'A2', description: 'The chosen route; null when none (or an unknown one) is chosen' })
  route!: string | null;

  @ApiProperty({ type: () => [RequirementProgressSchema] })
  requirements!: RequirementProgress[];
}

@ApiSchema({ name: 'CourseCertificateProgress' })
export class CourseCertificateProgressSchema extends EvidenceProgressSchema implements Shape<CourseProgress['certificates'][number]> {
  @ApiProperty({ type: Number, nullable: true })
  hoursStated!: number | null;

  @ApiProperty({ type: Number, nullable: true })
  ectsStated!: number | null;
}

@ApiSchema({ name: 'CourseProgress', description: 'The course-hours requirement of the chosen route' })
export class CourseProgressSchema implements CourseProgress {
  @ApiProperty({ example: 'A.COURSES' })
  ruleCode!: string;

  @ApiProperty()
  hoursCounted!: number;

  @ApiProperty()
  hoursRequired!: number;

  @ApiProperty()
  hoursPerEcts!: number;

  @ApiProperty({ type: () => [CourseCertificateProgressSchema] })
  certificates!: CourseProgress['certificates'];
}

@ApiSchema({ name: 'TaskCoverageCell' })
export class TaskCoverageCellSchema implements TaskCoverageCell {
  @ApiProperty({ type: 'integer' })
  caseIndex!: number;

  @ApiProperty({ type: String, nullable: true })
  caseId!: string | null;

  @ApiProperty({ enum: TASK_STATUSES })
  status!: TaskStatus;

  @ApiProperty({ type: Boolean, nullable: true, description: "For 'not_relevant': whether a motivation is given" })
  motivated!: boolean | null;
}

@ApiSchema({ name: 'TaskCoverageRow', description: 'One task across the cases' })
export class TaskCoverageRowSchema implements TaskCoverageRow {
  @ApiProperty({ example: '3' })
  task!: string;

  @ApiProperty({ type: () => [TaskCoverageCellSchema] })
  cells!: TaskCoverageCell[];

  @ApiProperty({ description: 'Described in at least one case' })
  described!: boolean;
}

@ApiSchema({ name: 'CoverageItem' })
export class CoverageItemSchema {
  @ApiProperty()
  id!: string;

  @ApiProperty({ type: 'integer', isArray: true, description: 'The cases (indexes) that claim it' })
  caseIndexes!: number[];
}

@ApiSchema({ name: 'CoverageProgress', description: 'Knowledge areas or competences claimed across all cases' })
export class CoverageProgressSchema implements CoverageProgress {
  @ApiProperty({ type: 'integer' })
  minCovered!: number;

  @ApiProperty({ type: [String] })
  mandatory!: string[];

  @ApiProperty({ type: [String], description: 'Ids claimed in at least one case, in rulebook order' })
  covered!: string[];

  @ApiProperty({ type: [String] })
  missingMandatory!: string[];

  @ApiProperty()
  satisfied!: boolean;

  @ApiProperty({ type: () => [CoverageItemSchema] })
  items!: CoverageItemSchema[];
}

@ApiSchema({ name: 'CountsUntilEntry', description: 'A dated thing that stops counting after some day' })
export class CountsUntilEntrySchema implements CountsUntilEntry {
  @ApiProperty()
  path!: string;

  @ApiProperty()
  ruleCode!: string;

  @ApiProperty({ enum: ['evidence', 'case'] })
  subject!: 'evidence' | 'case';

  @ApiProperty({ format: 'date' })
  date!: string;

  @ApiProperty({ format: 'date' })
  countsUntil!: string;

  @ApiProperty()
  countsOnReferenceDate!: boolean;

  @ApiProperty({ type: 'integer', description: 'Days after the reference date on which it still counts (negative: expired that many days ago)' })
  daysLeft!: number;
}

@ApiSchema({ name: 'Progress' })
export class ProgressSchema implements Progress {
  @ApiProperty({ type: () => PartsProgressSchema })
  parts!: Progress['parts'];

  @ApiProperty({ type: () => EducationProgressSchema })
  education!: EducationProgress;

  @ApiProperty({ type: () => CourseProgressSchema, nullable: true, description: 'null when the chosen route has no course-hours requirement' })
  courses!: CourseProgress | null;

  @ApiProperty({ type: () => [TaskCoverageRowSchema], description: 'Task × case' })
  taskCoverage!: TaskCoverageRow[];

  @ApiProperty({ type: () => CoverageProgressSchema })
  knowledgeAreas!: CoverageProgress;

  @ApiProperty({ type: () => CoverageProgressSchema })
  competences!: CoverageProgress;

  @ApiProperty({ type: () => [CountsUntilEntrySchema] })
  countsUntil!: CountsUntilEntry[];
}

const REGULATION_VERSIONS = {
  type: 'object',
  additionalProperties: { type: 'integer' },
  example: { reglement: 1, gedragscode: 2, klachtenreglement: 1 },
} as const;

@ApiSchema({ name: 'CompletenessReport', description: "The rulebook's report on a portfolio, today, against the current regulations" })
export class CompletenessReportSchema implements CompletenessView {
  @ApiProperty({ description: 'True iff there is no blocking finding' })
  complete!: boolean;

  @ApiProperty()
  rulebookVersion!: string;

  @ApiProperty({ format: 'date' })
  referenceDate!: string;

  @ApiProperty({ type: () => [CompletenessFindingSchema] })
  findings!: CompletenessView['findings'];

  @ApiProperty({ type: () => ProgressSchema })
  progress!: Progress;

  @ApiProperty({ ...REGULATION_VERSIONS, description: 'The regulation versions in effect, by type' })
  regulationVersions!: Record<string, number>;
}

@ApiSchema({ name: 'RulebookMoveSide' })
export class RulebookMoveSideSchema {
  @ApiProperty()
  complete!: boolean;

  @ApiProperty({ type: 'integer', description: 'Number of blocking findings' })
  blocking!: number;

  @ApiProperty({ type: () => PartsProgressSchema })
  parts!: Progress['parts'];
}

@ApiSchema({ name: 'RulebookMovePreview', description: 'What moving a draft to another rulebook version would change (changes nothing)' })
export class RulebookMovePreviewSchema implements RulebookMovePreview {
  @ApiProperty()
  from!: string;

  @ApiProperty()
  to!: string;

  @ApiProperty({ type: () => RulebookMoveSideSchema })
  before!: RulebookMoveSideSchema;

  @ApiProperty({ type: () => RulebookMoveSideSchema })
  after!: RulebookMoveSideSchema;

  @ApiProperty({ type: () => [FindingSchema], description: 'Findings the move would add' })
  newFindings!: Finding[];

  @ApiProperty({ type: () => [FindingSchema], description: 'Findings the move would make disappear' })
  resolvedFindings!: Finding[];
}

@ApiSchema({ name: 'RulebookSummary', description: 'A rulebook version this platform ships' })
export class RulebookSummarySchema implements RulebookSummary {
  @ApiProperty({ example: 'toetsingskader-initieel-v1' })
  id!: string;

  @ApiProperty({ type: () => LocalizedTextSchema })
  title!: LocalizedText;

  @ApiProperty({ enum: ['published', 'test'] })
  status!: RulebookSummary['status'];

  @ApiProperty({ description: 'New portfolios start on this one' })
  isDefault!: boolean;
}

// ---------------------------------------------------------------- submission

@ApiSchema({ name: 'SubmittedDocument', description: 'An uploaded file frozen with the submission' })
export class SubmittedDocumentSchema implements SubmittedDocument {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  filename!: string;

  @ApiProperty({ example: 'application/pdf' })
  contentType!: string;

  @ApiProperty({ type: 'integer' })
  sizeBytes!: number;

  @ApiProperty({ description: 'SHA-256 of the bytes, hex' })
  sha256!: string;
}

@ApiSchema({ name: 'Submission', description: 'The frozen snapshot of a submitted portfolio' })
export class SubmissionSchema implements SubmissionView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  portfolioId!: string;

  @ApiProperty({ format: 'date-time' })
  submittedAt!: string;

  @ApiProperty()
  rulebookVersion!: string;

  @ApiProperty({ ...REGULATION_VERSIONS, description: 'The regulation versions submitted with, by type' })
  regulationVersions!: Record<string, number>;

  @ApiProperty({ type: () => [SubmittedDocumentSchema] })
  documents!: SubmittedDocument[];

  @ApiProperty({ description: 'SHA-256 of the canonical snapshot, hex' })
  contentHash!: string;

  @ApiProperty({ description: 'Recomputed from the stored snapshot on every read' })
  contentHashValid!: boolean;
}

@ApiSchema({ name: 'SubmitResult' })
export class SubmitResultSchema implements Shape<SubmitResult['body']> {
  @ApiProperty({ type: () => SubmissionSchema })
  submission!: SubmissionView;
}

@ApiSchema({ name: 'SubmissionWithDocument', description: 'The frozen submission with its portfolio document' })
export class SubmissionWithDocumentSchema extends SubmissionSchema {
  @ApiProperty({ type: () => PortfolioDocumentSchema })
  document!: PortfolioDocumentSchema;
}
