import { countsUntil, earliestWithinYears, isIsoDate, isWithinYears, type IsoDate } from '../dates/calendar-date.util';
import type { Casus, PortfolioDocument, TaskEntry, TaskStatus } from '../document/portfolio-document.types';
import type { CoverageRules, Rulebook } from '../rulebook/rulebook.types';
import { isFilledIn } from '../text/filled-in.util';

export interface TaskCell {
  readonly status: TaskStatus;
  /** For 'not_relevant': whether a motivation is given; null otherwise. */
  readonly motivated: boolean | null;
}

export type RecencyStatus =
  | 'counts'
  | 'missing_end'
  | 'ongoing'
  | 'end_after_reference_date'
  | 'end_before_start'
  | 'too_old';

export interface CaseRecency {
  readonly status: RecencyStatus;
  readonly end: IsoDate | null;
  /** Last reference date on which the case still counts (from a valid end date). */
  readonly countsUntil: IsoDate | null;
  /** The earliest end date that still counts on the reference date. */
  readonly earliestEnd: IsoDate;
}

export interface CaseAnalysis {
  readonly index: number;
  readonly id: string | null;
  readonly casus: Casus;
  readonly tasks: Readonly<Record<string, TaskCell>>;
  readonly recency: CaseRecency;
  readonly knowledge: ReadonlySet<string>;
  readonly competences: ReadonlySet<string>;
  /** Attitude criteria (ids) whose question this case does not answer. */
  readonly missingAttitude: readonly string[];
}

export interface CoverageResult {
  readonly minCovered: number;
  readonly mandatory: readonly string[];
  readonly covered: readonly string[];
  readonly missingMandatory: readonly string[];
  readonly satisfied: boolean;
  /** Checklist slots: mandatory items covered plus other items up to minCovered. done === total iff satisfied. */
  readonly done: number;
  readonly total: number;
  readonly items: readonly { readonly id: string; readonly caseIndexes: readonly number[] }[];
}

export function taskCell(entry: TaskEntry | undefined): TaskCell {
  if (entry?.status === 'not_relevant') return { status: 'not_relevant', motivated: isFilledIn(entry.notRelevantMotivation) };
  if (entry === undefined || entry.status === 'missing' || !isFilledIn(entry.text)) return { status: 'missing', motivated: null };
  return { status: 'described', motivated: null };
}

function claimed(reflections: Readonly<Record<string, string>> | undefined): Set<string> {
  const ids = new Set<string>();
  if (reflections) for (const [id, text] of Object.entries(reflections)) if (isFilledIn(text)) ids.add(id);
  return ids;
}

function recency(casus: Casus, years: number, referenceDate: IsoDate): CaseRecency {
  const earliestEnd = earliestWithinYears(referenceDate, years);
  const end = casus.period?.end;
  if (end === null) return { status: 'ongoing', end: null, countsUntil: null, earliestEnd };
  if (!isIsoDate(end)) return { status: 'missing_end', end: null, countsUntil: null, earliestEnd };
  const until = countsUntil(end, years);
  const start = casus.period?.start;
  const status: RecencyStatus =
    isIsoDate(start) && start > end
      ? 'end_before_start'
      : end > referenceDate
        ? 'end_after_reference_date'
        : !isWithinYears(end, years, referenceDate)
          ? 'too_old'
          : 'counts';
  return { status, end, countsUntil: until, earliestEnd };
}

export function analyseCase(casus: Casus, index: number, rulebook: Rulebook, referenceDate: IsoDate): CaseAnalysis {
  const rules = rulebook.cases;
  const tasks: Record<string, TaskCell> = {};
  for (const task of rules.tasks) tasks[task.id] = taskCell(casus.tasks?.[task.id]);
  return {
    index,
    id: isFilledIn(casus.id) ? casus.id : null,
    casus,
    tasks,
    recency: recency(casus, rules.recencyYears, referenceDate),
    knowledge: claimed(casus.knowledgeAreaReflections),
    competences: claimed(casus.competenceReflections),
    missingAttitude: rules.attitude.criteria.filter((c) => !isFilledIn(casus.attitudeAnswers?.[c.id])).map((c) => c.id),
  };
}

export function analyseCases(document: PortfolioDocument, rulebook: Rulebook, referenceDate: IsoDate): CaseAnalysis[] {
  return (document.cases ?? []).map((casus, index) => analyseCase(casus, index, rulebook, referenceDate));
}

/** Which items (knowledge areas, competences) the cases claim together, against the coverage rules. */
export function coverage(rules: CoverageRules<{ readonly id: string }>, claimedPerCase: readonly ReadonlySet<string>[]): CoverageResult {
  const items = rules.items.map((item) => ({
    id: item.id,
    caseIndexes: claimedPerCase.flatMap((ids, caseIndex) => (ids.has(item.id) ? [caseIndex] : [])),
  }));
  const covered = items.filter((i) => i.caseIndexes.length > 0).map((i) => i.id);
  const missingMandatory = rules.mandatory.filter((id) => !covered.includes(id));
  const mandatoryCovered = rules.mandatory.length - missingMandatory.length;
  const otherCovered = covered.filter((id) => !rules.mandatory.includes(id)).length;
  const done = mandatoryCovered + Math.min(otherCovered, Math.max(rules.minCovered - rules.mandatory.length, 0));
  const total = Math.max(rules.minCovered, rules.mandatory.length);
  return {
    minCovered: rules.minCovered,
    mandatory: rules.mandatory,
    covered,
    missingMandatory,
    satisfied: missingMandatory.length === 0 && covered.length >= rules.minCovered,
    done,
    total,
    items,
  };
}
