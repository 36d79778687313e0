import { ApiProperty, ApiSchema, type OpenAPIObject } from '@nestjs/swagger';
import type { LocalizedText, ScoreableCriterion } from '@rlp/rulebook';
import { PORTFOLIO_STATUSES, type PortfolioStatus } from '../../portfolio/src/portfolio.entities';
import { ABSENT_PARTIES, DECISION_OUTCOMES, MISSED_KINDS, MISSED_NEXT, type AbsentParty, type DecisionOutcome, type InterviewContent, type JudgementContent, type MissedKind, type MissedNext } from './assessment.entities';
import { DOSSIER_STAGES, SCORING_STATES, type AssessorDossier, type AssessorDossierPage, type AssignmentView, type DossierPage, type DossierStage, type ConflictReason, type DossierAssessor, type DossierSummary, type EligibleAssessor, type ScoringProgress, type ScoringState } from './assignment.service';
import type { DecisionService, DecisionView, RegisterEntryView } from './decision.service';
import type { AssessorBookingView, AssessorSlotView, BookingView, InterviewOverview, InterviewService, MissedView, SlotView } from './interview.service';
import type { AgreementView } from './joint-record.service';
import type { AgendaItem, CriterionComparison, CriterionScore, JointVerdict, Problem, Verdict } from './judgement';
import type { PreparationNotes, PreparationView } from './preparation.service';
import type { CriterionVersion, ScoringsComparison, ScoringView } from './scoring.service';

// Answers of the interview, decision and register routes, for OpenAPI only (the services return
// the plain views).

@ApiSchema({ name: 'AmsterdamLocalTime' })
export class AmsterdamLocalTimeSchema {
  @ApiProperty({ format: 'date', example: '2026-12-03' })
  date!: string;

  @ApiProperty({ example: '14:00' })
  time!: string;

  @ApiProperty({ enum: ['Europe/Amsterdam'] })
  timeZone!: 'Europe/Amsterdam';
}

@ApiSchema({ name: 'InterviewSlot', description: 'A time slot for the certification interview' })
export class InterviewSlotSchema implements SlotView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'date-time', description: 'UTC' })
  startsAt!: string;

  @ApiProperty({ format: 'date-time', description: 'UTC' })
  endsAt!: string;

  @ApiProperty({ example: '2026-12-03T14:00:00+01:00', description: 'The same moment in Europe/Amsterdam' })
  startsAtLocal!: string;

  @ApiProperty({ type: () => AmsterdamLocalTimeSchema })
  local!: AmsterdamLocalTimeSchema;

  @ApiProperty({ type: 'integer', example: 90 })
  durationMinutes!: number;

  @ApiProperty({ enum: ['online', 'address'] })
  locationKind!: 'online' | 'address';

  @ApiProperty({ description: 'The https link or the address' })
  location!: string;
}

@ApiSchema({ name: 'InterviewBooking', description: 'A booking of a slot (a reschedule cancels the old one and books anew)' })
export class InterviewBookingSchema implements BookingView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ type: () => InterviewSlotSchema })
  slot!: InterviewSlotSchema;

  @ApiProperty({ enum: ['booked', 'cancelled'] })
  status!: 'booked' | 'cancelled';

  @ApiProperty({ type: 'integer', description: 'SEQUENCE of the calendar invitation' })
  sequence!: number;

  @ApiProperty({ format: 'date-time' })
  bookedAt!: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  cancelledAt!: string | null;

  @ApiProperty({ type: String, nullable: true })
  cancelReason!: string | null;
}

@ApiSchema({ name: 'CandidateInterview', description: 'Slots the candidate can book (future, both assessors free) and the current booking' })
export class CandidateInterviewSchema implements Awaited<ReturnType<InterviewService['forCandidate']>> {
  @ApiProperty({ type: () => [InterviewSlotSchema], description: 'Empty unless the dossier is judged or the interview is planned' })
  slots!: SlotView[];

  @ApiProperty({ type: () => InterviewBookingSchema, nullable: true })
  booking!: BookingView | null;
}

@ApiSchema({ name: 'RegisterEntry', description: "The candidate's entry in the register" })
export class RegisterEntrySchema implements RegisterEntryView {
  @ApiProperty({ example: 'RLP-2026-00001' })
  certificateNumber!: string;

  @ApiProperty()
  holderName!: string;

  @ApiProperty({ format: 'date' })
  startsOn!: string;

  @ApiProperty({ format: 'date', description: 'Recertification is due every four years' })
  validUntil!: string;
}

@ApiSchema({ name: 'Decision', description: 'The certification decision' })
export class DecisionSchema implements DecisionView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  portfolioId!: string;

  @ApiProperty({ enum: DECISION_OUTCOMES })
  outcome!: DecisionOutcome;

  @ApiProperty({ type: String, nullable: true })
  motivation!: string | null;

  @ApiProperty({ format: 'date-time' })
  decidedAt!: string;

  @ApiProperty({ format: 'uuid', description: 'Account id of the admin who decided' })
  decidedBy!: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'returned_for_supplement: the new draft to supplement' })
  nextPortfolioId!: string | null;

  @ApiProperty({ type: () => RegisterEntrySchema, nullable: true, description: 'When certified' })
  register!: RegisterEntryView | null;
}

@ApiSchema({ name: 'RegisterListing', description: 'One certified professional in the public register' })
export class RegisterListingSchema {
  @ApiProperty()
  name!: string;

  @ApiProperty({ example: 'RLP-2026-00001' })
  certificateNumber!: string;

  @ApiProperty({ format: 'date' })
  validUntil!: string;
}

@ApiSchema({ name: 'RegisterLookup', description: 'Certificates valid today, by name then number' })
export class RegisterLookupSchema implements Awaited<ReturnType<DecisionService['register']>> {
  @ApiProperty({ type: () => [RegisterListingSchema] })
  entries!: RegisterListingSchema[];

  @ApiProperty({ description: 'More entries match than are shown: search with more of the name (there is no paging)' })
  more!: boolean;
}

// ---------------------------------------------------------------- assessor and office views (issue 14)

/** An inline schema (a value of additionalProperties). */
type SchemaObject = NonNullable<NonNullable<OpenAPIObject['components']>['schemas']>[string];

const VERDICT_ENUM = ['aangetoond', 'niet_aangetoond', 'te_bevragen'] as const;

@ApiSchema({ name: 'Bilingual', description: 'A text for people in Dutch (the authority) and English' })
export class BilingualSchema implements LocalizedText {
  @ApiProperty()
  nl!: string;

  @ApiProperty()
  en!: string;
}

@ApiSchema({ name: 'ScoringProgress', description: "How far an assessor's own scoring is, without any of its content" })
export class ScoringProgressSchema implements ScoringProgress {
  @ApiProperty({ enum: SCORING_STATES })
  state!: ScoringState;

  @ApiProperty({ format: 'date-time', description: 'not_started: since the assignment; in_progress: since the first change; submitted: since submitting' })
  since!: string;
}

@ApiSchema({ name: 'DossierAssessor', description: 'An active assessor of a dossier with their scoring progress' })
export class DossierAssessorSchema implements DossierAssessor {
  @ApiProperty({ format: 'uuid' })
  assessorId!: string;

  @ApiProperty()
  assessorName!: string;

  @ApiProperty({ type: () => ScoringProgressSchema, nullable: true, description: 'null: hidden from an admin who assesses this dossier and has not submitted their own scoring (blind)' })
  scoring!: ScoringProgress | null;
}

@ApiSchema({ name: 'DossierSummary', description: 'A submitted dossier in the office list' })
export class DossierSummarySchema implements DossierSummary {
  @ApiProperty({ format: 'uuid' })
  portfolioId!: string;

  @ApiProperty({ format: 'uuid' })
  candidateId!: string;

  @ApiProperty()
  candidateName!: string;

  @ApiProperty({ enum: PORTFOLIO_STATUSES })
  status!: PortfolioStatus;

  @ApiProperty({ type: () => BilingualSchema, description: 'The stage for people' })
  stage!: LocalizedText;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  submittedAt!: string | null;

  @ApiProperty({ type: 'integer' })
  activeAssessors!: number;

  @ApiProperty({ type: () => [DossierAssessorSchema] })
  assessors!: DossierAssessor[];
}

@ApiSchema({ name: 'DossierPage', description: 'One page of the office list (ADR 0027)' })
export class DossierPageSchema implements DossierPage {
  @ApiProperty({ type: () => [DossierSummarySchema] })
  dossiers!: DossierSummarySchema[];

  @ApiProperty({ type: String, nullable: true, description: 'Send as cursor for the next page; null on the last page' })
  nextCursor!: string | null;

  @ApiProperty({
    type: 'object',
    nullable: true,
    properties: Object.fromEntries(DOSSIER_STAGES.map((s) => [s, { type: 'integer' }])),
    required: [...DOSSIER_STAGES],
    description: 'All submitted dossiers per stage (whatever the filter); on the first page only, else null',
  })
  stageCounts!: Record<DossierStage, number> | null;
}

@ApiSchema({ name: 'Assignment', description: 'An assessor assigned to a dossier (declined ones stay as history)' })
export class AssignmentSchema implements AssignmentView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  assessorId!: string;

  @ApiProperty()
  assessorName!: string;

  @ApiProperty({ enum: ['active', 'declined'] })
  status!: 'active' | 'declined';

  @ApiProperty({ format: 'date-time' })
  assignedAt!: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  independenceDeclaredAt!: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  declinedAt!: string | null;

  @ApiProperty({ type: String, nullable: true })
  declineReason!: string | null;

  @ApiProperty({ type: () => ScoringProgressSchema, nullable: true, description: 'null: hidden (blind)' })
  scoring!: ScoringProgress | null;
}

@ApiSchema({ name: 'EligibleAssessor', description: 'An assessor or admin with the conflicts of interest they would have on the dossier' })
export class EligibleAssessorSchema implements EligibleAssessor {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  displayName!: string;

  @ApiProperty({ example: 'assessor' })
  role!: string;

  @ApiProperty({ type: String, nullable: true })
  organisation!: string | null;

  @ApiProperty({ enum: ['CANDIDATE_THEMSELF', 'SAME_ORGANISATION', 'DECLARED_RELATION'], isArray: true })
  conflicts!: ConflictReason[];

  @ApiProperty()
  assigned!: boolean;

  @ApiProperty({ description: 'Declined this dossier earlier; cannot be assigned to it again' })
  declined!: boolean;
}

@ApiSchema({ name: 'AssessorSlot', description: 'An offered slot with its state, for assessors and the office' })
export class AssessorSlotSchema extends InterviewSlotSchema implements AssessorSlotView {
  @ApiProperty({ enum: ['offered', 'booked', 'withdrawn', 'assessor_busy'] })
  status!: AssessorSlotView['status'];
}

@ApiSchema({ name: 'MissedInterview', description: 'A no-show or a same-day cancellation, recorded after the start time' })
export class MissedInterviewSchema implements MissedView {
  @ApiProperty({ enum: MISSED_KINDS })
  kind!: MissedKind;

  @ApiProperty({ enum: ABSENT_PARTIES, description: 'Who did not come, or who cancelled' })
  absentParty!: AbsentParty;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'absentParty assessor: which one' })
  absentAssessorId!: string | null;

  @ApiProperty()
  reason!: string;

  @ApiProperty({ enum: MISSED_NEXT, description: 'new_slots: the dossier went back to planning; advise: the interview record (a negative advice) follows' })
  next!: MissedNext;

  @ApiProperty({ format: 'date-time' })
  recordedAt!: string;

  @ApiProperty({ format: 'uuid' })
  recordedBy!: string;
}

@ApiSchema({ name: 'AssessorInterviewBooking', description: 'A booking as assessors and the office see it: with a recorded no-show or late cancellation' })
export class AssessorBookingSchema extends InterviewBookingSchema implements AssessorBookingView {
  @ApiProperty({ type: () => MissedInterviewSchema, nullable: true })
  missed!: MissedView | null;
}

@ApiSchema({ name: 'InterviewOverview', description: 'Every slot of the dossier with its state, the current booking and missed interviews' })
export class InterviewOverviewSchema implements InterviewOverview {
  @ApiProperty({ type: () => [AssessorSlotSchema] })
  slots!: AssessorSlotView[];

  @ApiProperty({ type: () => AssessorBookingSchema, nullable: true })
  booking!: AssessorBookingView | null;

  @ApiProperty({ type: () => [AssessorBookingSchema], description: 'Earlier bookings recorded as missed (no-show or same-day cancellation), oldest first' })
  missed!: AssessorBookingView[];
}

@ApiSchema({ name: 'AgendaItem', description: 'A point for the certification interview' })
export class AgendaItemSchema implements AgendaItem {
  @ApiProperty({ example: 'C.TASK.3' })
  criterion!: string;

  @ApiProperty({ type: () => BilingualSchema })
  label!: LocalizedText;

  @ApiProperty({ enum: ['disagreement', 'te_bevragen'], isArray: true })
  reasons!: Array<'disagreement' | 'te_bevragen'>;

  @ApiProperty({ enum: VERDICT_ENUM, isArray: true })
  verdicts!: Verdict[];

  @ApiProperty({ type: [String] })
  questions!: string[];
}

const JOINT_VERDICT_SCHEMA: SchemaObject = {
  type: 'object',
  required: ['verdict', 'motivation'],
  properties: { verdict: { type: 'string', enum: [...VERDICT_ENUM] }, motivation: { type: 'string', nullable: true } },
};

const CRITERION_SCORE_SCHEMA: SchemaObject = {
  type: 'object',
  required: ['verdict', 'motivation', 'questions'],
  properties: { verdict: { type: 'string', enum: [...VERDICT_ENUM] }, motivation: { type: 'string', nullable: true }, questions: { type: 'array', items: { type: 'string' } } },
};

@ApiSchema({ name: 'JudgementContent', description: 'The joint judgement: per criterion the agreed verdict, and the interview agenda' })
export class JudgementContentSchema implements JudgementContent {
  @ApiProperty({ type: 'object', additionalProperties: JOINT_VERDICT_SCHEMA, description: 'By criterion code' })
  criteria!: Record<string, JointVerdict>;

  @ApiProperty({ type: () => [AgendaItemSchema] })
  agenda!: AgendaItem[];
}

@ApiSchema({ name: 'InterviewContent', description: 'The interview record: findings per agenda item and the joint advice' })
export class InterviewContentSchema implements InterviewContent {
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' }, description: 'By agenda criterion code' })
  findings!: Record<string, string>;

  @ApiProperty({ enum: ['positive', 'negative'], nullable: true })
  advice!: 'positive' | 'negative' | null;

  @ApiProperty({ type: String, nullable: true })
  motivation!: string | null;
}

@ApiSchema({ name: 'FinalJudgement' })
export class FinalJudgementSchema {
  @ApiProperty({ type: () => JudgementContentSchema })
  content!: JudgementContent;

  @ApiProperty({ format: 'date-time' })
  finalAt!: string;
}

@ApiSchema({ name: 'FinalInterviewRecord' })
export class FinalInterviewRecordSchema {
  @ApiProperty({ type: () => InterviewContentSchema })
  content!: InterviewContent;

  @ApiProperty({ format: 'date-time' })
  finalAt!: string;
}

@ApiSchema({ name: 'AdminDossier', description: 'One dossier for the office: never the individual scorings, only their progress' })
export class AdminDossierSchema extends DossierSummarySchema {
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The dossier this one supplements' })
  previousPortfolioId!: string | null;

  @ApiProperty({ type: () => [AssignmentSchema] })
  assignments!: AssignmentView[];

  @ApiProperty({ type: () => FinalJudgementSchema, nullable: true, description: 'Once final' })
  judgement!: FinalJudgementSchema | null;

  @ApiProperty({ type: () => InterviewOverviewSchema })
  interview!: InterviewOverview;

  @ApiProperty({ type: () => FinalInterviewRecordSchema, nullable: true, description: 'Once final' })
  interviewRecord!: FinalInterviewRecordSchema | null;

  @ApiProperty({ type: () => DecisionSchema, nullable: true })
  decision!: DecisionView | null;
}

@ApiSchema({ name: 'AssessorDossier', description: "An assigned dossier as its assessor sees it: never anything of the co-assessor's scoring" })
export class AssessorDossierSchema implements AssessorDossier {
  @ApiProperty({ format: 'uuid' })
  portfolioId!: string;

  @ApiProperty({ enum: PORTFOLIO_STATUSES })
  status!: PortfolioStatus;

  @ApiProperty({ type: () => BilingualSchema, description: 'The stage for people' })
  stage!: LocalizedText;

  @ApiProperty({ type: 'object', required: ['name', 'organisation'], properties: { name: { type: 'string' }, organisation: { type: 'string', nullable: true } } })
  candidate!: { name: string; organisation: string | null };

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  submittedAt!: string | null;

  @ApiProperty({ format: 'date-time' })
  assignedAt!: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  independenceDeclaredAt!: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  ownScoringSubmittedAt!: string | null;
}

@ApiSchema({ name: 'AssessorDossierPage', description: 'One page of my assigned dossiers, in the order they were assigned (ADR 0027)' })
export class AssessorDossierPageSchema implements AssessorDossierPage {
  @ApiProperty({ type: () => [AssessorDossierSchema] })
  dossiers!: AssessorDossierSchema[];

  @ApiProperty({ type: String, nullable: true, description: 'Send as cursor for the next page; null on the last page' })
  nextCursor!: string | null;
}

@ApiSchema({ name: 'ScoreableCriterion', description: 'A criterion the assessors judge' })
export class ScoreableCriterionSchema {
  @ApiProperty({ example: 'C.TASK.3' })
  code!: string;

  @ApiProperty({ example: 'C' })
  part!: string;

  @ApiProperty({ type: () => BilingualSchema })
  label!: LocalizedText;
}

@ApiSchema({ name: 'Problem', description: 'What stops a step, pointed at its place' })
export class ProblemSchema implements Problem {
  @ApiProperty({ example: '/scores/A/motivation' })
  path!: string;

  @ApiProperty({ example: 'MOTIVATION_REQUIRED' })
  code!: string;

  @ApiProperty({ description: 'For people: Dutch / English joined' })
  message!: string;

  @ApiProperty({ type: () => BilingualSchema, description: 'The same text, each language on its own' })
  text!: LocalizedText;
}

@ApiSchema({ name: 'Scoring', description: "An assessor's own scoring (draft or submitted)" })
export class ScoringSchema implements ScoringView {
  @ApiProperty({ type: 'integer', description: 'The whole scoring: every save, of the map or of one criterion, raises it' })
  version!: number;

  @ApiProperty({ example: '"scoring.2"', description: 'If-Match of the whole-map save and of submit' })
  etag!: string;

  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'object', required: ['version', 'etag'], properties: { version: { type: 'integer', minimum: 0 }, etag: { type: 'string', example: '"criterion.2"' } }, additionalProperties: false },
    description: "By scoreable criterion code: the scoring's version at which it last changed (0: never) and its ETag, the If-Match of PUT …/scoring/criteria/{criterion}",
  })
  criterionVersions!: Record<string, CriterionVersion>;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  submittedAt!: string | null;

  @ApiProperty({ type: 'object', additionalProperties: CRITERION_SCORE_SCHEMA, description: 'By criterion code' })
  scores!: Record<string, CriterionScore>;

  @ApiProperty({ type: () => [ScoreableCriterionSchema] })
  criteria!: ScoreableCriterion[];

  @ApiProperty({ type: () => [ProblemSchema], description: 'What still stops submitting' })
  missing!: Problem[];
}

@ApiSchema({ name: 'OwnScoring' })
export class OwnScoringSchema {
  @ApiProperty({ format: 'date-time' })
  submittedAt!: string;

  @ApiProperty({ type: 'object', additionalProperties: CRITERION_SCORE_SCHEMA })
  scores!: Record<string, CriterionScore>;
}

@ApiSchema({ name: 'OtherScoring' })
export class OtherScoringSchema extends OwnScoringSchema {
  @ApiProperty()
  assessorName!: string;
}

@ApiSchema({ name: 'CriterionComparison' })
export class CriterionComparisonSchema implements CriterionComparison {
  @ApiProperty()
  criterion!: string;

  @ApiProperty({ type: () => BilingualSchema })
  label!: LocalizedText;

  @ApiProperty({ enum: VERDICT_ENUM, isArray: true })
  verdicts!: Verdict[];

  @ApiProperty()
  agree!: boolean;
}

@ApiSchema({ name: 'ScoringsComparison', description: 'After submitting the own scoring: the other one (once submitted), agreement per criterion, the proposed agenda' })
export class ScoringsComparisonSchema implements ScoringsComparison {
  @ApiProperty({ type: () => OwnScoringSchema })
  own!: OwnScoringSchema;

  @ApiProperty({ type: () => OtherScoringSchema, nullable: true, description: 'null while the co-assessor has not submitted' })
  other!: OtherScoringSchema | null;

  @ApiProperty({ type: () => [CriterionComparisonSchema], nullable: true })
  comparison!: CriterionComparison[] | null;

  @ApiProperty({ type: () => [AgendaItemSchema], nullable: true })
  agenda!: AgendaItem[] | null;
}

@ApiSchema({ name: 'AssessorAgreement', description: "One assessor's agreement: which parts of the current version they agreed to, and which not yet" })
export class AgreementSchema implements AgreementView {
  @ApiProperty({ format: 'uuid' })
  assessorId!: string;

  @ApiProperty({ description: 'Agreed to the whole current version' })
  complete!: boolean;

  @ApiProperty({ type: [String], description: 'Parts (criterion codes; for the record `findings/<code>` and `advice`) agreed to as they are now' })
  agreed!: string[];

  @ApiProperty({ type: [String], description: 'Parts still to agree to (changed since, or never agreed)' })
  pending!: string[];
}

class JointRecordBaseSchema {
  @ApiProperty({ type: 'integer', description: '0: nothing saved yet (the judgement then shows its pre-filled proposal)' })
  version!: number;

  @ApiProperty({ example: '"judgement.1"' })
  etag!: string;

  @ApiProperty({ type: 'string', format: 'uuid', isArray: true, description: 'Assessors who agreed to the whole current version' })
  agreedBy!: string[];

  @ApiProperty({ type: () => [AgreementSchema] })
  agreements!: AgreementView[];

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  finalAt!: string | null;

  @ApiProperty({ type: () => [ProblemSchema], description: 'What still stops agreeing' })
  missing!: Problem[];
}

@ApiSchema({ name: 'JointJudgement', description: 'The joint judgement (draft or final)' })
export class JointJudgementSchema extends JointRecordBaseSchema {
  @ApiProperty({ enum: ['judgement'] })
  kind!: 'judgement';

  @ApiProperty({ type: () => JudgementContentSchema })
  content!: JudgementContent;

  @ApiProperty({ type: 'string', isArray: true, description: 'Version 0 only: the criteria pre-filled because both scorings gave the same verdict' })
  prefilled!: string[];
}

@ApiSchema({ name: 'InterviewRecord', description: 'The interview record (draft or final)' })
export class InterviewRecordSchema extends JointRecordBaseSchema {
  @ApiProperty({ enum: ['interview'] })
  kind!: 'interview';

  @ApiProperty({ type: () => InterviewContentSchema })
  content!: InterviewContent;

  @ApiProperty({ type: 'string', isArray: true, description: 'Always empty for the record' })
  prefilled!: string[];
}

@ApiSchema({ name: 'SubmissionDocumentLink', description: 'A short-lived presigned download URL of a document of the submission' })
export class SubmissionDocumentLinkSchema {
  @ApiProperty({ format: 'uri' })
  url!: string;

  @ApiProperty({ format: 'date-time' })
  expiresAt!: string;

  @ApiProperty()
  filename!: string;

  @ApiProperty({ example: 'application/pdf' })
  contentType!: string;
}

@ApiSchema({ name: 'PreparationNotes', description: "The co-assessor's preparation notes, once shared" })
export class PreparationNotesSchema implements PreparationNotes {
  @ApiProperty({ format: 'uuid' })
  assessorId!: string;

  @ApiProperty()
  assessorName!: string;

  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' }, description: 'By agenda criterion code' })
  notes!: Record<string, string>;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  updatedAt!: string | null;
}

@ApiSchema({ name: 'Preparation', description: "My own preparation notes per agenda item; the co-assessor's once the interview time has come" })
export class PreparationSchema implements PreparationView {
  @ApiProperty({ type: 'integer' })
  version!: number;

  @ApiProperty({ example: '"preparation.1"' })
  etag!: string;

  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' }, description: 'By agenda criterion code' })
  notes!: Record<string, string>;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  updatedAt!: string | null;

  @ApiProperty({ type: () => [AgendaItemSchema] })
  agenda!: AgendaItem[];

  @ApiProperty({ description: 'From the interview start time on, both assessors see each other\'s notes' })
  shared!: boolean;

  @ApiProperty({ type: () => PreparationNotesSchema, nullable: true })
  other!: PreparationNotes | null;
}

@ApiSchema({ name: 'SlotBatchResult', description: 'The slots offered in one batch, in the order given' })
export class SlotBatchResultSchema {
  @ApiProperty({ type: () => [AssessorSlotSchema] })
  slots!: AssessorSlotView[];
}
