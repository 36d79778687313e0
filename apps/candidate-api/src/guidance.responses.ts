import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { EVIDENCE_KINDS, LANGS, type Lang, type RulebookGuidance } from '@rlp/rulebook';

/** Lets a class `implements` an indexed type such as `Foo['bar'][number]`. */
type Shape<T> = T;

// The answer of GET /guidance, for OpenAPI only: the rulebook with every `{ nl, en }` replaced by
// the text in one language. `implements` keeps these classes in step with the rulebook's types.

type G = RulebookGuidance;
type Route = G['education']['routes'][number];
type Evidence = Route['evidence'][number];
type Cases = G['cases'];
type Task = Cases['tasks'][number];

@ApiSchema({ name: 'GuidancePart' })
class GuidancePartSchema implements Shape<G['parts']['A']> {
  @ApiProperty()
  title!: string;

  @ApiProperty({ type: [String], description: "The part's introduction" })
  intro!: readonly string[];

  @ApiProperty({ description: 'False for parts that are required for completeness but never scored (B2, D)' })
  scored!: boolean;
}

@ApiSchema({ name: 'GuidanceParts' })
class GuidancePartsSchema implements Shape<G['parts']> {
  @ApiProperty({ type: () => GuidancePartSchema })
  A!: G['parts']['A'];

  @ApiProperty({ type: () => GuidancePartSchema })
  B1!: G['parts']['B1'];

  @ApiProperty({ type: () => GuidancePartSchema })
  B2!: G['parts']['B2'];

  @ApiProperty({ type: () => GuidancePartSchema })
  C!: G['parts']['C'];

  @ApiProperty({ type: () => GuidancePartSchema })
  D!: G['parts']['D'];

  @ApiProperty({ type: () => GuidancePartSchema })
  E!: G['parts']['E'];
}

@ApiSchema({ name: 'GuidanceCondition', description: "A condition a document must meet ('randvoorwaarde'); the fields besides code, label and test depend on test" })
class GuidanceConditionSchema {
  @ApiProperty({ example: 'signedByTrainer' })
  code!: string;

  @ApiProperty()
  label!: string;

  @ApiProperty({ enum: ['uploaded', 'attested', 'oneOf', 'atLeast', 'notOlderThanYears', 'statesStudyLoad'] })
  test!: string;

  @ApiPropertyOptional({ description: "test 'attested': the attestation the candidate gives (`attested.<attestation> === true`)" })
  attestation?: string;

  @ApiPropertyOptional({ enum: ['level', 'bocLevel', 'nlqfLevel'], description: "test 'oneOf' or 'atLeast': the field of the document" })
  field?: string;

  @ApiPropertyOptional({ type: [String], description: "test 'oneOf': the allowed values" })
  values?: string[];

  @ApiPropertyOptional({ description: "test 'atLeast': the minimum" })
  min?: number;

  @ApiPropertyOptional({ type: 'integer', description: "test 'notOlderThanYears': the maximum age" })
  years?: number;
}

@ApiSchema({ name: 'GuidanceEvidenceRequirement', description: "What has to be handed in ('wat aanleveren') and its conditions" })
class GuidanceEvidenceRequirementSchema implements Evidence {
  @ApiProperty({ example: 'A.DIPLOMA' })
  ruleCode!: string;

  @ApiProperty({ enum: EVIDENCE_KINDS })
  kind!: Evidence['kind'];

  @ApiProperty()
  deliverable!: string;

  @ApiPropertyOptional()
  conditionsTitle?: string;

  @ApiProperty({ type: () => [GuidanceConditionSchema] })
  conditions!: Evidence['conditions'];

  @ApiPropertyOptional({ description: 'The study load of all qualifying documents must add up to at least this many hours' })
  minStudyLoadHours?: number;
}

@ApiSchema({ name: 'GuidanceRoute', description: 'A route (criterion) of part A' })
class GuidanceRouteSchema implements Route {
  @ApiProperty({ example: 'A1' })
  id!: string;

  @ApiProperty()
  criterion!: string;

  @ApiProperty({ type: () => [GuidanceEvidenceRequirementSchema] })
  evidence!: Route['evidence'];
}

@ApiSchema({ name: 'GuidanceEducation' })
class GuidanceEducationSchema implements Shape<G['education']> {
  @ApiProperty({ type: [String] })
  intro!: readonly string[];

  @ApiProperty({ description: 'A certificate may state ECTS instead of hours: hours = ECTS × hoursPerEcts' })
  hoursPerEcts!: number;

  @ApiProperty({ type: () => [GuidanceRouteSchema], description: 'The candidate shows exactly one of these' })
  routes!: G['education']['routes'];
}

@ApiSchema({ name: 'GuidanceCriterion' })
class GuidanceCriterionSchema implements Shape<G['workExperience']['active']> {
  @ApiProperty()
  criterion!: string;

  @ApiProperty()
  deliverable!: string;
}

@ApiSchema({ name: 'GuidanceExperience' })
class GuidanceExperienceSchema extends GuidanceCriterionSchema implements Shape<G['workExperience']['experience']> {
  @ApiProperty({ type: [String], description: 'What counts as professional experience (and what does not)' })
  conditions!: readonly string[];

  @ApiProperty({ type: 'integer', nullable: true, description: 'Active in the field for at least this many years (null: no such rule)' })
  minYearsActive!: number | null;

  @ApiProperty()
  minHours!: number;

  @ApiProperty({ type: 'integer', nullable: true, description: 'The hours must lie within this many years (null: any time)' })
  hoursWithinYears!: number | null;
}

@ApiSchema({ name: 'GuidanceWorkExperience' })
class GuidanceWorkExperienceSchema implements Shape<G['workExperience']> {
  @ApiProperty({ type: [String] })
  intro!: readonly string[];

  @ApiProperty({ type: () => GuidanceExperienceSchema })
  experience!: G['workExperience']['experience'];

  @ApiProperty({ type: () => GuidanceCriterionSchema })
  active!: G['workExperience']['active'];
}

@ApiSchema({ name: 'GuidanceCriterionWithHandreiking' })
class GuidanceCriterionWithHandreikingSchema extends GuidanceCriterionSchema implements Shape<G['cvAndMotivation']['cv']> {
  @ApiProperty()
  handreiking!: string;
}

@ApiSchema({ name: 'GuidanceCvAndMotivation' })
class GuidanceCvAndMotivationSchema implements Shape<G['cvAndMotivation']> {
  @ApiProperty({ type: [String] })
  intro!: readonly string[];

  @ApiProperty({ type: () => GuidanceCriterionWithHandreikingSchema })
  cv!: G['cvAndMotivation']['cv'];

  @ApiProperty({ type: () => GuidanceCriterionWithHandreikingSchema })
  motivation!: G['cvAndMotivation']['motivation'];
}

@ApiSchema({ name: 'GuidanceLinkedItem' })
class GuidanceLinkedItemSchema {
  @ApiProperty()
  id!: string;

  @ApiProperty()
  title!: string;
}

@ApiSchema({ name: 'GuidanceKoppeling', description: "Suggested links to other parts of the profile ('koppeling'): suggestions, not rules" })
class GuidanceKoppelingSchema implements Shape<Task['koppeling']> {
  @ApiProperty({ type: () => [GuidanceLinkedItemSchema] })
  knowledgeAreas!: Task['koppeling']['knowledgeAreas'];

  @ApiProperty({ type: () => [GuidanceLinkedItemSchema] })
  competences!: Task['koppeling']['competences'];

  @ApiProperty({ type: () => [GuidanceLinkedItemSchema] })
  attitude!: Task['koppeling']['attitude'];
}

@ApiSchema({ name: 'GuidanceTask', description: 'A task of the profile, to describe in every case' })
class GuidanceTaskSchema implements Task {
  @ApiProperty({ example: '3' })
  id!: string;

  @ApiProperty()
  title!: string;

  @ApiProperty({ type: [String] })
  indicators!: readonly string[];

  @ApiProperty({ type: [String], description: "'Handreiking voor casusbeschrijving'" })
  handreiking!: readonly string[];

  @ApiProperty({ type: () => GuidanceKoppelingSchema })
  koppeling!: Task['koppeling'];
}

@ApiSchema({ name: 'GuidanceTrajectory', description: 'What makes a case a guidance trajectory at all (C.TRAJECTORY)' })
class GuidanceTrajectorySchema {
  @ApiProperty({ type: [String], description: 'Ids of tasks every trajectory has: described in every case (empty: at least one task described)' })
  coreTasks!: readonly string[];

  @ApiProperty({ description: 'Why these tasks, for the candidate (shown beside the tasks)' })
  explanation!: string;
}

@ApiSchema({ name: 'GuidanceKnowledgeArea' })
class GuidanceKnowledgeAreaSchema implements Shape<Cases['knowledge']['items'][number]> {
  @ApiProperty({ example: '1' })
  id!: string;

  @ApiProperty()
  title!: string;

  @ApiProperty({ type: [String] })
  indicators!: readonly string[];

  @ApiProperty({ type: [String], description: "'Enkele voorbeelden als handreiking'" })
  examples!: readonly string[];
}

@ApiSchema({ name: 'GuidanceCompetence' })
class GuidanceCompetenceSchema implements Shape<Cases['competences']['items'][number]> {
  @ApiProperty({ example: 'methodisch-werken' })
  id!: string;

  @ApiProperty()
  title!: string;

  @ApiProperty()
  definition!: string;

  @ApiProperty({ type: [String] })
  indicators!: readonly string[];
}

@ApiSchema({ name: 'GuidanceCoverageRules', description: 'Items claimed across all cases together: at least minCovered, always including the mandatory ones' })
class GuidanceCoverageRulesSchema {
  @ApiProperty({ type: [String] })
  intro!: readonly string[];

  @ApiProperty({ type: 'integer' })
  minCovered!: number;

  @ApiProperty({ type: [String] })
  mandatory!: readonly string[];
}

@ApiSchema({ name: 'GuidanceKnowledge' })
class GuidanceKnowledgeSchema extends GuidanceCoverageRulesSchema implements Shape<Cases['knowledge']> {
  @ApiProperty({ type: () => [GuidanceKnowledgeAreaSchema] })
  items!: Cases['knowledge']['items'];
}

@ApiSchema({ name: 'GuidanceCompetences' })
class GuidanceCompetencesSchema extends GuidanceCoverageRulesSchema implements Shape<Cases['competences']> {
  @ApiProperty({ type: () => [GuidanceCompetenceSchema] })
  items!: Cases['competences']['items'];
}

@ApiSchema({ name: 'GuidanceAttitudeCriterion' })
class GuidanceAttitudeCriterionSchema implements Shape<Cases['attitude']['criteria'][number]> {
  @ApiProperty({ example: 'zelfreflectie' })
  id!: string;

  @ApiProperty()
  title!: string;

  @ApiProperty()
  description!: string;

  @ApiProperty({ description: "'Vraag in casusbeschrijving': every case answers it" })
  question!: string;
}

@ApiSchema({ name: 'GuidanceAttitude' })
class GuidanceAttitudeSchema implements Shape<Cases['attitude']> {
  @ApiProperty({ type: [String] })
  intro!: readonly string[];

  @ApiProperty({ type: () => [GuidanceAttitudeCriterionSchema] })
  criteria!: Cases['attitude']['criteria'];
}

@ApiSchema({ name: 'GuidanceCases' })
class GuidanceCasesSchema implements Cases {
  @ApiProperty({ type: [String] })
  intro!: readonly string[];

  @ApiProperty({ type: 'integer', description: 'Exactly this many cases' })
  count!: number;

  @ApiProperty({ type: 'integer', description: 'A case counts while its end date is at most this many years old' })
  recencyYears!: number;

  @ApiProperty({ type: [String] })
  processIntro!: readonly string[];

  @ApiProperty({ type: () => [GuidanceTaskSchema] })
  tasks!: Cases['tasks'];

  @ApiProperty({ type: () => GuidanceTrajectorySchema })
  trajectory!: GuidanceTrajectorySchema;

  @ApiProperty({ type: () => GuidanceKnowledgeSchema })
  knowledge!: Cases['knowledge'];

  @ApiProperty({ type: () => GuidanceCompetencesSchema })
  competences!: Cases['competences'];

  @ApiProperty({ type: () => GuidanceAttitudeSchema })
  attitude!: Cases['attitude'];
}

@ApiSchema({ name: 'GuidanceQuestion' })
class GuidanceQuestionSchema implements Shape<G['developmentPlan']['questions'][number]> {
  @ApiProperty()
  id!: string;

  @ApiProperty()
  text!: string;
}

@ApiSchema({ name: 'GuidanceDevelopmentPlan' })
class GuidanceDevelopmentPlanSchema implements Shape<G['developmentPlan']> {
  @ApiProperty({ type: [String] })
  intro!: readonly string[];

  @ApiProperty({ type: 'integer', description: 'The plan looks this many years ahead' })
  horizonYears!: number;

  @ApiProperty({ type: () => [GuidanceQuestionSchema], description: 'Every question must be answered' })
  questions!: G['developmentPlan']['questions'];
}

@ApiSchema({ name: 'GuidanceDeclaration' })
class GuidanceDeclarationSchema implements Shape<G['declarations'][number]> {
  @ApiProperty({ example: 'gedragscode', description: "Key in the document's `declarations` object" })
  key!: string;

  @ApiProperty()
  ruleCode!: string;

  @ApiProperty()
  text!: string;

  @ApiProperty({ description: 'True when the acceptance is bound to a published version of a regulation' })
  versioned!: boolean;
}

@ApiSchema({ name: 'GuidanceGlossaryEntry' })
class GuidanceGlossaryEntrySchema implements Shape<G['glossary'][number]> {
  @ApiProperty({ example: 'NVAO' })
  term!: string;

  @ApiProperty()
  text!: string;
}

@ApiSchema({ name: 'Guidance', description: "The rulebook's guidance per field, in one language" })
export class GuidanceSchema implements G {
  @ApiProperty({ example: 'toetsingskader-initieel-v1' })
  id!: string;

  @ApiProperty({ enum: ['published', 'test'] })
  status!: G['status'];

  @ApiProperty({ enum: LANGS })
  lang!: Lang;

  @ApiProperty()
  title!: string;

  @ApiProperty({ description: 'Where the content comes from' })
  source!: string;

  @ApiProperty({ type: () => GuidancePartsSchema })
  parts!: G['parts'];

  @ApiProperty({ type: () => GuidanceEducationSchema, description: 'A. Opleiding' })
  education!: G['education'];

  @ApiProperty({ type: () => GuidanceWorkExperienceSchema, description: 'B1. Werkervaring' })
  workExperience!: G['workExperience'];

  @ApiProperty({ type: () => GuidanceCvAndMotivationSchema, description: 'B2. Curriculum vitae en motivatie' })
  cvAndMotivation!: G['cvAndMotivation'];

  @ApiProperty({ type: () => GuidanceCasesSchema, description: 'C. Casusbeschrijvingen' })
  cases!: Cases;

  @ApiProperty({ type: () => GuidanceDevelopmentPlanSchema, description: 'D. Ontwikkelplan' })
  developmentPlan!: G['developmentPlan'];

  @ApiProperty({ type: () => [GuidanceDeclarationSchema], description: 'E. Verklaring' })
  declarations!: G['declarations'];

  @ApiProperty({ type: () => [GuidanceGlossaryEntrySchema] })
  glossary!: G['glossary'];
}

@ApiSchema({ name: 'GuidanceBothLanguages', description: 'Without ?lang=: the guidance in Dutch and in English' })
export class GuidanceBothLanguagesSchema implements Record<Lang, G> {
  @ApiProperty({ type: () => GuidanceSchema })
  nl!: G;

  @ApiProperty({ type: () => GuidanceSchema })
  en!: G;
}
