import type { IsoDate } from '../dates/calendar-date.util';
import type { EvidenceKind, TaskStatus } from '../document/portfolio-document.types';
import type { Part } from '../rulebook/rulebook.types';
import type { Lang, LocalizedText } from '../text/localized-text.util';

export type Severity = 'blocking' | 'warning';

export type JsonValue = string | number | boolean | null | readonly JsonValue[] | { readonly [key: string]: JsonValue };

/** The numbers and facts behind a finding, e.g. `{ hoursCounted: 97.9, hoursRequired: 98 }`. */
export type FindingDetails = { readonly [key: string]: JsonValue };

export interface Finding {
  /** Rule code from the rulebook, e.g. 'A.COURSES', 'C.TASKS'. */
  readonly code: string;
  readonly severity: Severity;
  readonly part: Part;
  /** JSON Pointer into the portfolio document, e.g. '/cases/1/tasks/3'. Its parent always exists. */
  readonly path: string;
  readonly message: LocalizedText;
  /** The message in the requested language (only when `lang` was given). */
  readonly text?: string;
  readonly details: FindingDetails;
}

export interface EvaluateOptions {
  /** The date the portfolio is judged on ('YYYY-MM-DD'): the submission date, or today while drafting. */
  readonly referenceDate: IsoDate;
  /** Adds `text` in this language to every finding. */
  readonly lang?: Lang;
  /**
   * The currently published version of each regulation, keyed by declaration
   * ('gedragscode', 'klachtenreglement'). An acceptance of another version is blocking.
   */
  readonly currentRegulationVersions?: { readonly gedragscode?: number; readonly klachtenreglement?: number } & {
    readonly [declaration: string]: number | undefined;
  };
  /** Warn when a report or case stops counting within this many days. Default 60. */
  readonly warnWithinDays?: number;
}

export const DEFAULT_WARN_WITHIN_DAYS = 60;

export interface EvaluationReport {
  /** True iff there is no blocking finding. Warnings never block. */
  readonly complete: boolean;
  readonly rulebookVersion: string;
  readonly referenceDate: IsoDate;
  readonly findings: readonly Finding[];
  readonly progress: Progress;
}

// ---------------------------------------------------------------- progress

export interface PartProgress {
  readonly done: number;
  readonly total: number;
}

export interface Progress {
  /** Checklist per part; done === total iff the part has no blocking finding. */
  readonly parts: Readonly<Record<Part, PartProgress>>;
  readonly education: EducationProgress;
  /** The course-hours requirement of the chosen route; null when the route has none. */
  readonly courses: CourseProgress | null;
  /** Task × case. */
  readonly taskCoverage: readonly TaskCoverageRow[];
  /** Knowledge areas claimed across all cases. */
  readonly knowledgeAreas: CoverageProgress;
  /** Competences claimed across all cases. */
  readonly competences: CoverageProgress;
  /** Dated things that stop counting after some day: reports with a maximum age, and cases. */
  readonly countsUntil: readonly CountsUntilEntry[];
}

export interface EducationProgress {
  /** The chosen route, or null when none (or an unknown one) is chosen. */
  readonly route: string | null;
  readonly requirements: readonly RequirementProgress[];
}

export interface RequirementProgress {
  readonly ruleCode: string;
  readonly kind: EvidenceKind;
  readonly satisfied: boolean;
  /** The last reference date on which the requirement is still met, when dated documents limit it. */
  readonly satisfiedUntil: IsoDate | null;
  readonly documents: readonly EvidenceProgress[];
}

export interface EvidenceProgress {
  readonly path: string;
  readonly documentId: string | null;
  readonly title: string | null;
  readonly counts: boolean;
  /** The conditions this document does not meet. */
  readonly reasons: readonly { readonly code: string; readonly label: LocalizedText }[];
  /** Study load in hours as counted (only for kinds with a study load). */
  readonly studyLoadHours: number | null;
  /** The last reference date on which it counts (only for documents with a maximum age). */
  readonly countsUntil: IsoDate | null;
}

export interface CourseProgress {
  readonly ruleCode: string;
  readonly hoursCounted: number;
  readonly hoursRequired: number;
  readonly hoursPerEcts: number;
  readonly certificates: readonly (EvidenceProgress & {
    readonly hoursStated: number | null;
    readonly ectsStated: number | null;
  })[];
}

export interface TaskCoverageCell {
  readonly caseIndex: number;
  readonly caseId: string | null;
  readonly status: TaskStatus;
  /** For 'not_relevant': whether a motivation is given. */
  readonly motivated: boolean | null;
}

export interface TaskCoverageRow {
  readonly task: string;
  readonly cells: readonly TaskCoverageCell[];
  /** Described in at least one case. */
  readonly described: boolean;
}

export interface CoverageProgress {
  readonly minCovered: number;
  readonly mandatory: readonly string[];
  /** Ids claimed in at least one case, in rulebook order. */
  readonly covered: readonly string[];
  readonly missingMandatory: readonly string[];
  readonly satisfied: boolean;
  /** Per rulebook item: the cases (indexes) that claim it. */
  readonly items: readonly { readonly id: string; readonly caseIndexes: readonly number[] }[];
}

export interface CountsUntilEntry {
  readonly path: string;
  readonly ruleCode: string;
  readonly subject: 'evidence' | 'case';
  readonly date: IsoDate;
  readonly countsUntil: IsoDate;
  readonly countsOnReferenceDate: boolean;
  /** Days after the reference date on which it still counts (negative: expired that many days ago). */
  readonly daysLeft: number;
}
