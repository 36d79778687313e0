import type { IsoDate } from '../dates/calendar-date.util';

/**
 * The portfolio document: one plain JSON object holding a whole portfolio, parts A–E.
 * Every section is optional so that a draft with almost nothing filled in is still a valid
 * document; whether it is complete is for the engine (`evaluate`) to say, not for the schema.
 * The JSON Schema in `portfolio-document.schema.ts` describes the same shape; keep them together.
 */
export const PORTFOLIO_DOCUMENT_SCHEMA_VERSION = 1;

export interface PortfolioDocument {
  /** Version of this document shape (not of the rulebook). */
  readonly schemaVersion: typeof PORTFOLIO_DOCUMENT_SCHEMA_VERSION;
  /** Id of the rulebook version the portfolio is written against, e.g. 'toetsingskader-initieel-v1'. */
  readonly rulebookVersion: string;
  /** A. Opleiding. */
  readonly education?: Education;
  /** B1. Werkervaring: the two declarations. */
  readonly workExperience?: WorkExperience;
  /** B2. Curriculum vitae en motivatie. */
  readonly cvAndMotivation?: CvAndMotivation;
  /** C. Casusbeschrijvingen (two are required). */
  readonly cases?: readonly Casus[];
  /** D. Ontwikkelplan. */
  readonly developmentPlan?: DevelopmentPlan;
  /** E. Verklaring. */
  readonly declarations?: Declarations;
}

// ---------------------------------------------------------------- A. Opleiding

export interface Education {
  /** The one route (criterion) the candidate uses, e.g. 'A2'. Route ids come from the rulebook. */
  readonly route?: string;
  /** Uploaded documents with what the candidate attests about them. */
  readonly evidence?: readonly EducationEvidence[];
}

export type EvidenceKind =
  | 'diploma'
  | 'courseCertificate'
  | 'evcReport'
  | 'assessmentReport'
  | 'accreditedProgrammeCertificate';

export const EVIDENCE_KINDS: readonly EvidenceKind[] = [
  'diploma',
  'courseCertificate',
  'evcReport',
  'assessmentReport',
  'accreditedProgrammeCertificate',
];

interface EvidenceBase {
  /** Id of the uploaded file (the platform's document store). Without it the evidence does not count. */
  readonly documentId?: string;
  /** What the document is, in the candidate's words (e.g. the programme or course name). */
  readonly title?: string;
  /** Who issued it: institution, course provider, EVC provider, assessment bureau. */
  readonly issuedBy?: string;
  /** Date on the document. */
  readonly date?: IsoDate;
}

export interface DiplomaEvidence extends EvidenceBase {
  readonly kind: 'diploma';
  /** hbo = NLQF 6, wo = NLQF 7 (as the toetsingskader puts it). */
  readonly level?: DiplomaLevel;
  readonly attested?: {
    readonly signedByInstitution?: boolean;
    readonly nvaoAccredited?: boolean;
    readonly crohoMensEnOrganisatie?: boolean;
  };
}

export type DiplomaLevel = 'hbo' | 'wo' | 'other';

export interface CourseCertificateEvidence extends EvidenceBase {
  readonly kind: 'courseCertificate';
  /** Study load in hours as stated on the certificate. Takes precedence over `ects` when both are given. */
  readonly hours?: number;
  /** Study load in ECTS as stated on the certificate (converted with the rulebook's hours per ECTS). */
  readonly ects?: number;
  /** Name of the course's quality mark (keurmerk), for the reader. */
  readonly qualityMarkName?: string;
  readonly attested?: {
    readonly qualityMark?: boolean;
    readonly signedByTrainer?: boolean;
    readonly inScope?: boolean;
  };
}

export interface EvcReportEvidence extends EvidenceBase {
  readonly kind: 'evcReport';
  /** BOC level (Beroeps Overstijgende Competentiestandaard) the report is aimed at. */
  readonly bocLevel?: number;
  readonly attested?: {
    readonly recognisedProvider?: boolean;
  };
}

export interface AssessmentReportEvidence extends EvidenceBase {
  readonly kind: 'assessmentReport';
  /** NLQF level the assessment shows. */
  readonly nlqfLevel?: number;
  readonly attested?: {
    readonly accreditedBureauOrNipPsychologist?: boolean;
  };
}

export interface AccreditedProgrammeCertificateEvidence extends EvidenceBase {
  readonly kind: 'accreditedProgrammeCertificate';
  readonly attested?: {
    readonly nolocAccredited?: boolean;
    readonly signedByInstitution?: boolean;
  };
}

export type EducationEvidence =
  | DiplomaEvidence
  | CourseCertificateEvidence
  | EvcReportEvidence
  | AssessmentReportEvidence
  | AccreditedProgrammeCertificateEvidence;

// ---------------------------------------------------------------- B1. Werkervaring

export interface WorkExperience {
  /** 'Tenminste 2 jaar actief in het vakgebied en 1200 uur beroepsgerichte werkervaring.' */
  readonly experienceDeclaration?: ExperienceDeclaration;
  /** 'Werkzaam als uitvoerend loopbaanprofessional.' */
  readonly activeDeclaration?: ActiveDeclaration;
}

export interface SignedDeclaration {
  readonly signed?: boolean;
  readonly signedAt?: IsoDate;
}

export interface ExperienceDeclaration extends SignedDeclaration {
  /** Since when the candidate is active in the field of career guidance. */
  readonly activeSince?: IsoDate;
  /** Hours of professional experience as an executing career professional. */
  readonly hours?: number;
  /**
   * From which date the hours were counted. Only needed when the rulebook limits the hours to a
   * recent period (e.g. "600 hours in the last three years"); defaults to `activeSince`.
   */
  readonly hoursSince?: IsoDate;
  /** The candidate confirms the hours exclude entrepreneurial activities and own development. */
  readonly confirmsWhatCounts?: boolean;
}

export interface ActiveDeclaration extends SignedDeclaration {
  /** The candidate works as an executing career professional at the moment of certification. */
  readonly currentlyActive?: boolean;
  /** Where and how, in the candidate's words (optional, for the reader). */
  readonly workContext?: string;
}

// ---------------------------------------------------------------- B2. CV en motivatie

export interface CvAndMotivation {
  /** Id of the uploaded curriculum vitae. */
  readonly cvDocumentId?: string;
  /** Look back on one's development so far; motivation for the profession. */
  readonly motivation?: string;
}

// ---------------------------------------------------------------- C. Casusbeschrijvingen

export type TaskStatus = 'described' | 'not_relevant' | 'missing';

export interface TaskEntry {
  /** Omitted: 'described' when `text` is filled in, else 'missing'. */
  readonly status?: TaskStatus;
  /** How the task was carried out in this trajectory. */
  readonly text?: string;
  /** Why the task was not relevant in this trajectory (required with status 'not_relevant'). */
  readonly notRelevantMotivation?: string;
}

export type CaseInitiator = 'client' | 'employer' | 'other';

export interface CasePeriod {
  readonly start?: IsoDate;
  /** null while the trajectory is still running. */
  readonly end?: IsoDate | null;
}

export interface Casus {
  /** Stable id of the case within the portfolio (chosen by the platform). */
  readonly id?: string;
  readonly title?: string;
  /** Why this trajectory was chosen. */
  readonly whyChosen?: string;
  /** Type of client, e.g. 'werknemer in reorganisatie', 'student'. Used for the diversity check. */
  readonly clientType?: string;
  /** Type of question, e.g. 'outplacement', 'studiekeuze'. Used for the diversity check. */
  readonly questionType?: string;
  /** Who started the trajectory: the client, the employer, or someone else (e.g. UWV). */
  readonly initiator?: CaseInitiator;
  readonly period?: CasePeriod;
  /** Tasks keyed by task id "0".."7". */
  readonly tasks?: Readonly<Record<string, TaskEntry>>;
  /** Reflections keyed by knowledge-area number "1".."5". */
  readonly knowledgeAreaReflections?: Readonly<Record<string, string>>;
  /** Reflections keyed by competence code, e.g. "methodisch-werken". */
  readonly competenceReflections?: Readonly<Record<string, string>>;
  /** Answers to the attitude questions keyed by criterion code, e.g. "zelfreflectie". */
  readonly attitudeAnswers?: Readonly<Record<string, string>>;
}

// ---------------------------------------------------------------- D. Ontwikkelplan

export interface DevelopmentPlan {
  /** Answers keyed by question id "1".."4". */
  readonly answers?: Readonly<Record<string, string>>;
}

// ---------------------------------------------------------------- E. Verklaring

export interface VersionedDeclaration {
  readonly accepted?: boolean;
  /** The published version of the regulation the acceptance is bound to. */
  readonly version?: number;
  readonly acceptedAt?: IsoDate;
}

export interface Declaration {
  readonly accepted?: boolean;
  readonly acceptedAt?: IsoDate;
}

export interface Declarations {
  readonly gedragscode?: VersionedDeclaration;
  readonly klachtenreglement?: VersionedDeclaration;
  readonly truthful?: Declaration;
}
