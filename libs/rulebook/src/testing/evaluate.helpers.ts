import type { PortfolioDocument } from '../document/portfolio-document.types';
import { evaluate } from '../engine/evaluate.engine';
import type { EvaluateOptions, EvaluationReport, Finding } from '../engine/report.types';
import type { Rulebook } from '../rulebook/rulebook.types';
import { currentRulebook } from '../versions/rulebook.registry';
import { REFERENCE_DATE } from './portfolio.factory';

/** evaluate() with the test reference date and the current rulebook unless told otherwise. */
export function run(document: PortfolioDocument, options: Partial<EvaluateOptions> = {}, rulebook: Rulebook = currentRulebook): EvaluationReport {
  return evaluate(document, rulebook, { referenceDate: REFERENCE_DATE, ...options });
}

export function blocking(report: EvaluationReport, code?: string): Finding[] {
  return report.findings.filter((f) => f.severity === 'blocking' && (code === undefined || f.code === code));
}

export function warnings(report: EvaluationReport, code?: string): Finding[] {
  return report.findings.filter((f) => f.severity === 'warning' && (code === undefined || f.code === code));
}

/** The distinct codes of blocking findings, sorted. */
export function blockingCodes(report: EvaluationReport): string[] {
  return [...new Set(blocking(report).map((f) => f.code))].sort();
}

export function warningCodes(report: EvaluationReport): string[] {
  return [...new Set(warnings(report).map((f) => f.code))].sort();
}
