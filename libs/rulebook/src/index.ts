/**
 * @rlp/rulebook — the toetsingskader as versioned data and a pure engine that checks a portfolio
 * document against it. No framework, no I/O, no clock: the reference date is always a parameter.
 */
export { evaluate, progress } from './engine/evaluate.engine';
export {
  DEFAULT_WARN_WITHIN_DAYS,
  type CountsUntilEntry,
  type CourseProgress,
  type CoverageProgress,
  type EducationProgress,
  type EvaluateOptions,
  type EvaluationReport,
  type EvidenceProgress,
  type Finding,
  type FindingDetails,
  type JsonValue,
  type PartProgress,
  type Progress,
  type RequirementProgress,
  type Severity,
  type TaskCoverageCell,
  type TaskCoverageRow,
} from './engine/report.types';
export { scoreableCriteria, type ScoreableCriterion } from './scoring/scoreable-criteria';
export { guidance, localizeDeep, type LinkedItem, type Localize, type RulebookGuidance, type TaskGuidance } from './guidance/guidance';
export { validatePortfolioDocument, type ValidationError, type ValidationResult } from './document/validate-portfolio-document';
export { portfolioDocumentSchema } from './document/portfolio-document.schema';
export * from './document/portfolio-document.types';
export { currentRulebook, getRulebook, rulebooks } from './versions/rulebook.registry';
export * from './rulebook/rulebook.types';
export { RULE_CODES, type RuleCode } from './rules/rule-codes.const';
export { runCheck, USAGE, type CheckExitCode, type CheckErrorKind, type CheckResult, type RunCheckDefaults } from './cli/run-check';
export {
  addDays,
  addYears,
  countsUntil,
  daysBetween,
  earliestWithinYears,
  isIsoDate,
  isWithinYears,
  latestWithYearsPassed,
  subtractYears,
  yearsHavePassed,
  type IsoDate,
} from './dates/calendar-date.util';
export { isLang, LANGS, type Lang, type LocalizedText } from './text/localized-text.util';
