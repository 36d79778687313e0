import { analyseCases, coverage } from '../analysis/cases.analysis';
import { analyseEducation } from '../analysis/education.analysis';
import { isIsoDate } from '../dates/calendar-date.util';
import type { PortfolioDocument } from '../document/portfolio-document.types';
import type { Rulebook } from '../rulebook/rulebook.types';
import { RULES } from '../rules/rules.list';
import { FindingCollector } from './finding.collector';
import { buildProgress } from './progress.builder';
import { DEFAULT_WARN_WITHIN_DAYS, type EvaluateOptions, type EvaluationReport, type Progress } from './report.types';
import type { RuleContext } from './rule.types';

/**
 * Checks a portfolio document against a rulebook version on a reference date. Pure: the same
 * input gives the same report. The document is expected to be schema-valid
 * (`validatePortfolioDocument`); evaluate itself does not run the schema.
 */
export function evaluate(document: PortfolioDocument, rulebook: Rulebook, options: EvaluateOptions): EvaluationReport {
  const { referenceDate } = options;
  if (!isIsoDate(referenceDate)) throw new RangeError(`referenceDate must be a calendar date YYYY-MM-DD, got ${JSON.stringify(referenceDate)}`);
  const warnWithinDays = options.warnWithinDays ?? DEFAULT_WARN_WITHIN_DAYS;
  if (!Number.isInteger(warnWithinDays) || warnWithinDays < 0) throw new RangeError(`warnWithinDays must be a whole number ≥ 0, got ${warnWithinDays}`);

  const cases = analyseCases(document, rulebook, referenceDate);
  const context: RuleContext = {
    document,
    rulebook,
    referenceDate,
    warnWithinDays,
    currentRegulationVersions: options.currentRegulationVersions ?? {},
    education: analyseEducation(document, rulebook, referenceDate),
    cases,
    knowledge: coverage(rulebook.cases.knowledge, cases.map((c) => c.knowledge)),
    competences: coverage(rulebook.cases.competences, cases.map((c) => c.competences)),
  };

  const out = new FindingCollector(document, options.lang);
  for (const rule of RULES) rule.check(context, out);

  return {
    complete: !out.findings.some((f) => f.severity === 'blocking'),
    rulebookVersion: rulebook.id,
    referenceDate,
    findings: out.findings,
    progress: buildProgress(context, out.partProgress()),
  };
}

/** The progress part of the report on its own. */
export function progress(document: PortfolioDocument, rulebook: Rulebook, options: EvaluateOptions): Progress {
  return evaluate(document, rulebook, options).progress;
}
