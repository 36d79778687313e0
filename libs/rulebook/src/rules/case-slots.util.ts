import type { RuleContext, RuleOutput } from '../engine/rule.types';

/**
 * Per-case checklist items: one per case, and at least as many as the cases required, so that a
 * missing case shows as an item not done.
 */
export function progressPerCase(context: RuleContext, out: RuleOutput, passedCases: number): void {
  out.progress('C', passedCases, Math.max(context.cases.length, context.rulebook.cases.count));
}

/** "casus 2" / "case 2", with the case title when there is one. */
export function caseName(index: number, title: string | undefined): { nl: string; en: string } {
  const suffix = title && title.trim() !== '' ? ` (‘${title.trim()}’)` : '';
  return { nl: `casus ${index + 1}${suffix}`, en: `case ${index + 1}${suffix}` };
}

export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
