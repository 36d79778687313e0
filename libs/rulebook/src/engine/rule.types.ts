import type { CaseAnalysis, CoverageResult } from '../analysis/cases.analysis';
import type { EducationAnalysis } from '../analysis/education.analysis';
import type { IsoDate } from '../dates/calendar-date.util';
import type { PathSegment } from '../document/json-pointer.util';
import type { PortfolioDocument } from '../document/portfolio-document.types';
import type { Part, Rulebook } from '../rulebook/rulebook.types';
import type { LocalizedText } from '../text/localized-text.util';
import type { FindingDetails } from './report.types';

/** What every rule can read: the document, the rulebook, the options and the shared analysis. */
export interface RuleContext {
  readonly document: PortfolioDocument;
  readonly rulebook: Rulebook;
  readonly referenceDate: IsoDate;
  readonly warnWithinDays: number;
  readonly currentRegulationVersions: Readonly<Record<string, number | undefined>>;
  readonly education: EducationAnalysis;
  readonly cases: readonly CaseAnalysis[];
  readonly knowledge: CoverageResult;
  readonly competences: CoverageResult;
}

/** Where a rule reports. The part of a finding follows from its code ('B1.ACTIVE' → 'B1'). */
export interface RuleOutput {
  blocking(code: string, path: readonly PathSegment[], message: LocalizedText, details?: FindingDetails): void;
  warning(code: string, path: readonly PathSegment[], message: LocalizedText, details?: FindingDetails): void;
  /** Adds checklist items to a part's progress; done must equal total iff the rule found nothing blocking. */
  progress(part: Part, done: number, total: number): void;
}

export interface Rule {
  /** The rule code(s) it reports, for readers; codes of education evidence come from the rulebook. */
  readonly codes: readonly string[];
  check(context: RuleContext, out: RuleOutput): void;
}
