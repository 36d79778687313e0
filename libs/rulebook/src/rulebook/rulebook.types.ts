import type { EvidenceKind } from '../document/portfolio-document.types';
import type { LocalizedText } from '../text/localized-text.util';

/**
 * A rulebook version as data: every number and every list the engine needs. The engine reads only
 * this; a new version of the toetsingskader is a new object of this type, not a code change.
 */
export interface Rulebook {
  /** Stable id, stored on every portfolio document (`rulebookVersion`). */
  readonly id: string;
  /** 'published': usable for real portfolios. 'test': exists to exercise the engine only. */
  readonly status: 'published' | 'test';
  readonly title: LocalizedText;
  /** Where the content comes from. */
  readonly source: LocalizedText;
  readonly parts: Readonly<Record<Part, PartDescription>>;
  readonly education: EducationRules;
  readonly workExperience: WorkExperienceRules;
  readonly cvAndMotivation: CvAndMotivationRules;
  readonly cases: CaseRules;
  readonly developmentPlan: DevelopmentPlanRules;
  readonly declarations: readonly DeclarationDefinition[];
  /** Abbreviations: NVAO, CROHO and BOC from the toetsingskader's footnotes; EVC and NLQF added for readers. */
  readonly glossary: readonly { readonly term: string; readonly text: LocalizedText }[];
}

export type Part = 'A' | 'B1' | 'B2' | 'C' | 'D' | 'E';
export const PARTS: readonly Part[] = ['A', 'B1', 'B2', 'C', 'D', 'E'];

export interface PartDescription {
  readonly title: LocalizedText;
  /** The part's introduction (Deel II of the toetsingskader). */
  readonly intro: readonly LocalizedText[];
  /** False for parts that are required for completeness but never scored (B2, D). */
  readonly scored: boolean;
}

// ---------------------------------------------------------------- A

export interface EducationRules {
  readonly intro: readonly LocalizedText[];
  /** A certificate may state ECTS instead of hours: hours = ECTS × hoursPerEcts. */
  readonly hoursPerEcts: number;
  /** The candidate shows exactly one of these. */
  readonly routes: readonly RouteDefinition[];
}

export interface RouteDefinition {
  /** e.g. 'A1'. */
  readonly id: string;
  /** 'Criterium' column. */
  readonly criterion: LocalizedText;
  /** What has to be handed in ('wat aanleveren'), each with its conditions ('randvoorwaarden'). */
  readonly evidence: readonly EvidenceRequirement[];
}

export interface EvidenceRequirement {
  /** Rule code of findings about this requirement, e.g. 'A.DIPLOMA', 'A.COURSES'. */
  readonly ruleCode: string;
  readonly kind: EvidenceKind;
  /** 'Wat aanleveren'. */
  readonly deliverable: LocalizedText;
  /** Heading of the conditions, e.g. 'Vereisten EVC-rapportage'. */
  readonly conditionsTitle?: LocalizedText;
  /** Every condition must hold for a document to count ('randvoorwaarden'). */
  readonly conditions: readonly EvidenceCondition[];
  /**
   * Absent: at least one qualifying document is needed.
   * Present: the study load of all qualifying documents must add up to at least this many hours.
   */
  readonly minStudyLoadHours?: number;
}

interface ConditionBase {
  /** Stable code, reported in findings (e.g. 'signedByTrainer'). */
  readonly code: string;
  readonly label: LocalizedText;
}

/** The document has an uploaded file (`documentId`). */
export interface UploadedCondition extends ConditionBase {
  readonly test: 'uploaded';
}

/** The candidate attests a property of the document (`attested.<attestation> === true`). */
export interface AttestedCondition extends ConditionBase {
  readonly test: 'attested';
  readonly attestation: string;
}

/** A field of the document holds one of the listed values. */
export interface OneOfCondition extends ConditionBase {
  readonly test: 'oneOf';
  readonly field: 'level';
  readonly values: readonly string[];
}

/** A numeric field of the document is at least `min`. */
export interface AtLeastCondition extends ConditionBase {
  readonly test: 'atLeast';
  readonly field: 'bocLevel' | 'nlqfLevel';
  readonly min: number;
}

/** The document's date is on or before the reference date and at most `years` old (date + years ≥ reference date). */
export interface NotOlderThanCondition extends ConditionBase {
  readonly test: 'notOlderThanYears';
  readonly years: number;
}

/** The document states its study load (hours or ECTS, greater than zero). */
export interface StatesStudyLoadCondition extends ConditionBase {
  readonly test: 'statesStudyLoad';
}

export type EvidenceCondition =
  | UploadedCondition
  | AttestedCondition
  | OneOfCondition
  | AtLeastCondition
  | NotOlderThanCondition
  | StatesStudyLoadCondition;

// ---------------------------------------------------------------- B1, B2

export interface WorkExperienceRules {
  readonly intro: readonly LocalizedText[];
  readonly experience: {
    readonly criterion: LocalizedText;
    readonly deliverable: LocalizedText;
    /** What counts as professional experience (and what does not). */
    readonly conditions: readonly LocalizedText[];
    /** Active in the field for at least this many years: activeSince + years ≤ reference date (null: no such rule). */
    readonly minYearsActive: number | null;
    readonly minHours: number;
    /** The hours must lie within this many years: counted from a date + years ≥ reference date (null: any time). */
    readonly hoursWithinYears: number | null;
  };
  readonly active: {
    readonly criterion: LocalizedText;
    readonly deliverable: LocalizedText;
  };
}

export interface CvAndMotivationRules {
  readonly intro: readonly LocalizedText[];
  readonly cv: { readonly criterion: LocalizedText; readonly deliverable: LocalizedText; readonly handreiking: LocalizedText };
  readonly motivation: {
    readonly criterion: LocalizedText;
    readonly deliverable: LocalizedText;
    readonly handreiking: LocalizedText;
  };
}

// ---------------------------------------------------------------- C

export interface CaseRules {
  readonly intro: readonly LocalizedText[];
  /** Exactly this many cases. */
  readonly count: number;
  /** A case counts while its end date + this many years is not before the reference date. */
  readonly recencyYears: number;
  /** The bullet points of C.1 (complete trajectories, all tasks, not relevant, diversity, recency). */
  readonly processIntro: readonly LocalizedText[];
  readonly tasks: readonly TaskDefinition[];
  /** What makes a case a guidance trajectory at all (C.TRAJECTORY). */
  readonly trajectory: TrajectoryRules;
  readonly knowledge: CoverageRules<KnowledgeAreaDefinition>;
  readonly competences: CoverageRules<CompetenceDefinition>;
  readonly attitude: {
    readonly intro: readonly LocalizedText[];
    /** Each case answers the question of every criterion listed here. */
    readonly criteria: readonly AttitudeCriterionDefinition[];
  };
}

export interface TaskDefinition {
  /** "0".."7". */
  readonly id: string;
  readonly title: LocalizedText;
  readonly indicators: readonly LocalizedText[];
  /** 'Handreiking voor casusbeschrijving'. */
  readonly handreiking: readonly LocalizedText[];
  /** 'Koppeling met andere onderdelen profiel': suggestions, not rules. */
  readonly koppeling: {
    readonly knowledgeAreas: readonly string[];
    readonly competences: readonly string[];
    readonly attitude: readonly string[];
  };
}

/**
 * A case describes one complete trajectory, so "not relevant" is for some tasks, never all: a case
 * must describe at least one task, and every core task (never marked not relevant).
 */
export interface TrajectoryRules {
  /** Ids of tasks every trajectory has: described in every case. Empty: only "at least one task described". */
  readonly coreTasks: readonly string[];
  /** Why these tasks, for the candidate (shown beside the tasks). */
  readonly explanation: LocalizedText;
}

/** Items claimed across all cases together: at least `minCovered`, always including `mandatory`. */
export interface CoverageRules<Item> {
  readonly intro: readonly LocalizedText[];
  readonly minCovered: number;
  readonly mandatory: readonly string[];
  readonly items: readonly Item[];
}

export interface KnowledgeAreaDefinition {
  /** "1".."5". */
  readonly id: string;
  readonly title: LocalizedText;
  readonly indicators: readonly LocalizedText[];
  /** 'Enkele voorbeelden als handreiking'. */
  readonly examples: readonly LocalizedText[];
}

export interface CompetenceDefinition {
  /** e.g. 'methodisch-werken'. */
  readonly id: string;
  readonly title: LocalizedText;
  readonly definition: LocalizedText;
  readonly indicators: readonly LocalizedText[];
}

export interface AttitudeCriterionDefinition {
  /** e.g. 'zelfreflectie'. */
  readonly id: string;
  readonly title: LocalizedText;
  readonly description: LocalizedText;
  /** 'Vraag in casusbeschrijving'. */
  readonly question: LocalizedText;
}

// ---------------------------------------------------------------- D, E

export interface DevelopmentPlanRules {
  readonly intro: readonly LocalizedText[];
  /** The plan looks this many years ahead. */
  readonly horizonYears: number;
  /** Every question must be answered. */
  readonly questions: readonly { readonly id: string; readonly text: LocalizedText }[];
}

export interface DeclarationDefinition {
  /** Key in the document's `declarations` object, e.g. 'gedragscode'. */
  readonly key: string;
  readonly ruleCode: string;
  readonly text: LocalizedText;
  /** True when the acceptance is bound to a published version of a regulation. */
  readonly versioned: boolean;
}
