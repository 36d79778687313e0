/**
 * The rule codes of the shipped rulebook (see docs/rulebook.md). Codes are a
 * contract: findings, scores, exports and tests use them; never rename one.
 * A rulebook version may add codes for its own evidence requirements (A.<something>).
 */
export const RULE_CODES = [
  'A.ROUTE',
  'A.DIPLOMA',
  'A.EVC',
  'A.ASSESSMENT',
  'A.COURSES',
  'B1.EXPERIENCE',
  'B1.ACTIVE',
  'B2.CV',
  'B2.MOTIVATION',
  'C.CASE_COUNT',
  'C.CASE_MOTIVATION',
  'C.CASE_RECENT',
  'C.TASKS',
  'C.TRAJECTORY',
  'C.KNOWLEDGE',
  'C.COMPETENCES',
  'C.ATTITUDE',
  'C.DIVERSITY',
  'D.PLAN',
  'E.GEDRAGSCODE',
  'E.KLACHTENREGLEMENT',
  'E.TRUTHFUL',
] as const;

export type RuleCode = (typeof RULE_CODES)[number];
