import { countsUntil, isIsoDate, isWithinYears, type IsoDate } from '../dates/calendar-date.util';
import type { EducationEvidence, PortfolioDocument } from '../document/portfolio-document.types';
import type { EvidenceCondition, EvidenceRequirement, RouteDefinition, Rulebook } from '../rulebook/rulebook.types';
import { isFilledIn, isNonBlank } from '../text/filled-in.util';

/** How one uploaded document fares against the conditions of one requirement. */
export interface EvidenceAssessment {
  /** Index in `education.evidence`. */
  readonly index: number;
  readonly evidence: EducationEvidence;
  readonly failedConditions: readonly EvidenceCondition[];
  readonly qualifies: boolean;
  /** Stated study load in hours (ECTS converted), rounded to 2 decimals; null when none is stated. */
  readonly studyLoadHours: number | null;
  /** Last reference date on which a dated document still counts; null for undated conditions. */
  readonly countsUntil: IsoDate | null;
}

export interface RequirementAssessment {
  readonly requirement: EvidenceRequirement;
  /** All documents of the requirement's kind, in document order. */
  readonly documents: readonly EvidenceAssessment[];
  /** Sum of the study load of qualifying documents (only for study-load requirements). */
  readonly hoursCounted: number | null;
  readonly satisfied: boolean;
  /** The last reference date on which it stays satisfied when dated documents limit it, else null. */
  readonly satisfiedUntil: IsoDate | null;
}

export interface EducationAnalysis {
  readonly routeId: string | null;
  /** The chosen route when it exists in the rulebook. */
  readonly route: RouteDefinition | null;
  readonly requirements: readonly RequirementAssessment[];
}

export function analyseEducation(document: PortfolioDocument, rulebook: Rulebook, referenceDate: IsoDate): EducationAnalysis {
  const routeId = isFilledIn(document.education?.route) ? document.education.route : null;
  const route = routeId === null ? null : (rulebook.education.routes.find((r) => r.id === routeId) ?? null);
  const evidence = document.education?.evidence ?? [];
  const requirements = (route?.evidence ?? []).map((requirement) =>
    assessRequirement(requirement, evidence, rulebook.education.hoursPerEcts, referenceDate),
  );
  return { routeId, route, requirements };
}

function assessRequirement(
  requirement: EvidenceRequirement,
  evidence: readonly EducationEvidence[],
  hoursPerEcts: number,
  referenceDate: IsoDate,
): RequirementAssessment {
  const documents: EvidenceAssessment[] = [];
  evidence.forEach((item, index) => {
    if (item.kind === requirement.kind) documents.push(assessEvidence(item, index, requirement, hoursPerEcts, referenceDate));
  });
  const qualifying = documents.filter((d) => d.qualifies);
  const hoursCounted = requirement.minStudyLoadHours === undefined ? null : sumHours(qualifying);
  const satisfied = isSatisfied(requirement, qualifying);
  return { requirement, documents, hoursCounted, satisfied, satisfiedUntil: satisfied ? lastSatisfiedDay(requirement, qualifying) : null };
}

function assessEvidence(
  evidence: EducationEvidence,
  index: number,
  requirement: EvidenceRequirement,
  hoursPerEcts: number,
  referenceDate: IsoDate,
): EvidenceAssessment {
  const studyLoadHours = statedStudyLoadHours(evidence, hoursPerEcts);
  const failedConditions = requirement.conditions.filter((c) => !meets(c, evidence, studyLoadHours, referenceDate));
  let until: IsoDate | null = null;
  for (const condition of requirement.conditions) {
    if (condition.test === 'notOlderThanYears' && isIsoDate(evidence.date)) {
      const last = countsUntil(evidence.date, condition.years);
      if (until === null || last < until) until = last;
    }
  }
  return { index, evidence, failedConditions, qualifies: failedConditions.length === 0, studyLoadHours, countsUntil: until };
}

function meets(condition: EvidenceCondition, evidence: EducationEvidence, studyLoadHours: number | null, referenceDate: IsoDate): boolean {
  const fields = evidence as unknown as Readonly<Record<string, unknown>>;
  switch (condition.test) {
    case 'uploaded':
      return isNonBlank(evidence.documentId);
    case 'attested': {
      const attested = fields['attested'] as Readonly<Record<string, unknown>> | undefined;
      return attested?.[condition.attestation] === true;
    }
    case 'oneOf': {
      const value = fields[condition.field];
      return typeof value === 'string' && condition.values.includes(value);
    }
    case 'atLeast': {
      const value = fields[condition.field];
      return typeof value === 'number' && value >= condition.min;
    }
    case 'notOlderThanYears':
      return isIsoDate(evidence.date) && isWithinYears(evidence.date, condition.years, referenceDate);
    case 'statesStudyLoad':
      return studyLoadHours !== null;
  }
}

const positive = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value) && value > 0;
const round2 = (value: number): number => Math.round(value * 100) / 100;

/** Hours when the document states hours; otherwise ECTS × hours per ECTS; null when neither is stated. */
export function statedStudyLoadHours(evidence: EducationEvidence, hoursPerEcts: number): number | null {
  const { hours, ects } = evidence as { hours?: unknown; ects?: unknown };
  if (positive(hours)) return round2(hours);
  if (positive(ects)) return round2(ects * hoursPerEcts);
  return null;
}

/** Sums in hundredths of an hour, so 97.9 stays 97.9 and 3.5 × 28 stays 98. */
function sumHours(documents: readonly EvidenceAssessment[]): number {
  let hundredths = 0;
  for (const d of documents) hundredths += Math.round((d.studyLoadHours ?? 0) * 100);
  return hundredths / 100;
}

function isSatisfied(requirement: EvidenceRequirement, qualifying: readonly EvidenceAssessment[]): boolean {
  return requirement.minStudyLoadHours === undefined
    ? qualifying.length > 0
    : sumHours(qualifying) >= requirement.minStudyLoadHours;
}

/** Walks the expiry dates in order and returns the last day before the requirement stops being met. */
function lastSatisfiedDay(requirement: EvidenceRequirement, qualifying: readonly EvidenceAssessment[]): IsoDate | null {
  const dates = [...new Set(qualifying.map((d) => d.countsUntil).filter((d): d is IsoDate => d !== null))].sort();
  for (const day of dates) {
    const remaining = qualifying.filter((d) => d.countsUntil === null || d.countsUntil > day);
    if (!isSatisfied(requirement, remaining)) return day;
  }
  return null;
}
