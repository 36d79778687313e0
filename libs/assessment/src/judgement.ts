/**
 * The assessors' judgement as plain data and pure functions: which criteria a scoring may name,
 * when it is complete, how two scorings compare and which points go on the interview agenda.
 * No framework, no I/O: the services call these with data they loaded.
 */
import type { Part, Rulebook } from '../../rulebook/src/rulebook/rulebook.types';
import type { ScoreableCriterion } from '../../rulebook/src/scoring/scoreable-criteria';
import type { LocalizedText } from '../../rulebook/src/text/localized-text.util';

export const VERDICTS = ['aangetoond', 'niet_aangetoond', 'te_bevragen'] as const;
export type Verdict = (typeof VERDICTS)[number];

export interface CriterionScore {
  verdict: Verdict;
  /** Required wherever the verdict is not *aangetoond* (checked when the scoring is submitted). */
  motivation: string | null;
  /** What the assessor wants to ask about this criterion in the certificeringsgesprek. */
  questions: string[];
}

export interface JointVerdict {
  verdict: Verdict;
  motivation: string | null;
}

export interface AgendaItem {
  criterion: string;
  label: LocalizedText;
  /** Why the point is on the agenda. */
  reasons: Array<'disagreement' | 'te_bevragen'>;
  verdicts: Verdict[];
  questions: string[];
}

export interface Problem {
  path: string;
  code: string;
  /** Dutch / English joined (or the language asked for, in an error's details). */
  message: string;
  /** In views: the same text in each language separately. */
  text?: { nl: string; en: string };
}

export const SCORING_LIMITS = { motivation: 5000, questions: 20, question: 1000 } as const;

export const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const badText = (s: string) => s.includes('\u0000') || !s.isWellFormed();

/** Optional text: trimmed, null when empty; too long or unstorable text is a problem at `path`. */
export function parseText(value: unknown, path: string, max: number, problems: Problem[]): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string') {
    problems.push({ path, code: 'NOT_A_STRING', message: 'moet tekst zijn / must be text' });
    return null;
  }
  if (value.length > max) problems.push({ path, code: 'TOO_LONG', message: `hoogstens ${max} tekens / at most ${max} characters` });
  else if (badText(value)) problems.push({ path, code: 'INVALID_TEXT', message: 'bevat ongeldige tekens / contains invalid characters' });
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

function parseVerdict(value: unknown, path: string, problems: Problem[]): Verdict | null {
  if (typeof value === 'string' && (VERDICTS as readonly string[]).includes(value)) return value as Verdict;
  problems.push({ path, code: 'INVALID_VERDICT', message: `een van / one of: ${VERDICTS.join(', ')}` });
  return null;
}

/** Keys of `body` outside `allowed`, as problems. */
export function unknownFields(body: Record<string, unknown>, allowed: readonly string[]): Problem[] {
  return Object.keys(body)
    .filter((k) => !allowed.includes(k))
    .map((k) => ({ path: `/${k.slice(0, 60)}`, code: 'UNKNOWN_FIELD', message: 'onbekend veld / unknown field' }));
}

/**
 * Which criterion codes a scoring may name: the scoreable criteria of this portfolio. Codes of
 * parts the rulebook never scores (B2, D, E) get their own problem code.
 */
function criterionProblem(code: string, path: string, criteria: readonly ScoreableCriterion[], rulebook: Rulebook): Problem | null {
  if (criteria.some((c) => c.code === code)) return null;
  const part = code.split('.')[0] as Part;
  if (Object.hasOwn(rulebook.parts, part) && !rulebook.parts[part].scored) {
    return { path, code: 'CRITERION_NOT_SCORED', message: `${code} wordt gelezen, niet beoordeeld / ${code} is read, never scored` };
  }
  return { path, code: 'CRITERION_NOT_SCOREABLE', message: `${code} is voor dit portfolio geen beoordelingscriterium / ${code} is not a criterion of this portfolio` };
}

/** Reads `{ [criterion]: { verdict, motivation?, questions? } }`; every problem has a path. */
export function parseScores(body: unknown, criteria: readonly ScoreableCriterion[], rulebook: Rulebook): { scores: Record<string, CriterionScore>; problems: Problem[] } {
  const problems: Problem[] = [];
  const scores: Record<string, CriterionScore> = {};
  if (!isObject(body)) return { scores, problems: [{ path: '/scores', code: 'NOT_AN_OBJECT', message: 'moet een object zijn / must be an object' }] };
  for (const [code, raw] of Object.entries(body)) {
    const path = `/scores/${code.slice(0, 60)}`;
    const unknown = criterionProblem(code, path, criteria, rulebook);
    if (unknown) {
      problems.push(unknown);
      continue;
    }
    if (!isObject(raw)) {
      problems.push({ path, code: 'NOT_AN_OBJECT', message: 'moet een object zijn / must be an object' });
      continue;
    }
    for (const key of Object.keys(raw)) {
      if (!['verdict', 'motivation', 'questions'].includes(key)) problems.push({ path: `${path}/${key.slice(0, 60)}`, code: 'UNKNOWN_FIELD', message: 'onbekend veld / unknown field' });
    }
    const verdict = parseVerdict(raw['verdict'], `${path}/verdict`, problems);
    const motivation = parseText(raw['motivation'], `${path}/motivation`, SCORING_LIMITS.motivation, problems);
    const questions: string[] = [];
    const rawQuestions = raw['questions'] ?? [];
    if (!Array.isArray(rawQuestions)) problems.push({ path: `${path}/questions`, code: 'NOT_AN_ARRAY', message: 'moet een lijst zijn / must be a list' });
    else if (rawQuestions.length > SCORING_LIMITS.questions) problems.push({ path: `${path}/questions`, code: 'TOO_MANY', message: `hoogstens ${SCORING_LIMITS.questions} vragen / at most ${SCORING_LIMITS.questions} questions` });
    else {
      rawQuestions.forEach((q, i) => {
        const text = parseText(q, `${path}/questions/${i}`, SCORING_LIMITS.question, problems);
        if (text !== null) questions.push(text);
      });
    }
    if (verdict) scores[code] = { verdict, motivation, questions };
  }
  return { scores, problems };
}

/** Reads `{ [criterion]: { verdict, motivation? } }` for the joint judgement. */
export function parseJointVerdicts(body: unknown, criteria: readonly ScoreableCriterion[], rulebook: Rulebook): { verdicts: Record<string, JointVerdict>; problems: Problem[] } {
  const { scores, problems } = parseScores(body, criteria, rulebook);
  for (const [code, s] of Object.entries(scores)) {
    if (s.questions.length > 0) problems.push({ path: `/criteria/${code}/questions`, code: 'UNKNOWN_FIELD', message: 'het gezamenlijk oordeel heeft geen vragen / the joint judgement has no questions' });
  }
  const verdicts = Object.fromEntries(Object.entries(scores).map(([code, s]) => [code, { verdict: s.verdict, motivation: s.motivation }]));
  return { verdicts, problems: problems.map((p) => ({ ...p, path: p.path.replace(/^\/scores/, '/criteria') })) };
}

/** What still stops a set of verdicts from being final: a criterion without a verdict, or without a motivation where one is needed. */
export function completenessProblems(verdicts: Record<string, { verdict: Verdict; motivation: string | null }>, criteria: readonly ScoreableCriterion[], root = '/scores'): Problem[] {
  const problems: Problem[] = [];
  for (const c of criteria) {
    const v = verdicts[c.code];
    if (!v) problems.push({ path: `${root}/${c.code}`, code: 'VERDICT_MISSING', message: `${c.label.nl} is nog niet beoordeeld / ${c.label.en} has no verdict yet` });
    else if (v.verdict !== 'aangetoond' && v.motivation === null) {
      problems.push({ path: `${root}/${c.code}/motivation`, code: 'MOTIVATION_REQUIRED', message: `motiveer het oordeel over ${c.label.nl} / give a motivation for ${c.label.en}` });
    }
  }
  return problems;
}

export interface CriterionComparison {
  criterion: string;
  label: LocalizedText;
  verdicts: Verdict[];
  agree: boolean;
}

/** Per criterion the two verdicts and whether they agree. */
export function compareScorings(a: Record<string, CriterionScore>, b: Record<string, CriterionScore>, criteria: readonly ScoreableCriterion[]): CriterionComparison[] {
  return criteria.map((c) => {
    const verdicts = [a[c.code]?.verdict, b[c.code]?.verdict].filter((v): v is Verdict => v !== undefined);
    return { criterion: c.code, label: c.label, verdicts, agree: verdicts.length === 2 && verdicts[0] === verdicts[1] };
  });
}

/**
 * The interview agenda: every criterion where the assessors differed, or that either of them (or
 * the joint judgement) marked *te bevragen*, with the questions both collected.
 */
export function buildAgenda(a: Record<string, CriterionScore>, b: Record<string, CriterionScore>, criteria: readonly ScoreableCriterion[], joint: Record<string, JointVerdict> = {}): AgendaItem[] {
  const items: AgendaItem[] = [];
  for (const c of compareScorings(a, b, criteria)) {
    const reasons: AgendaItem['reasons'] = [];
    if (!c.agree) reasons.push('disagreement');
    if (c.verdicts.includes('te_bevragen') || joint[c.criterion]?.verdict === 'te_bevragen') reasons.push('te_bevragen');
    if (reasons.length === 0) continue;
    const questions = [...new Set([...(a[c.criterion]?.questions ?? []), ...(b[c.criterion]?.questions ?? [])])];
    items.push({ criterion: c.criterion, label: c.label, reasons, verdicts: c.verdicts, questions });
  }
  return items;
}

/**
 * The joint judgement's starting point: every criterion where both submitted scorings give the
 * same verdict, with their motivations (one if they are the same, both otherwise, cut to the
 * limit). Only the differences are left to discuss.
 */
export function agreedVerdicts(a: Record<string, CriterionScore>, b: Record<string, CriterionScore>, criteria: readonly ScoreableCriterion[]): Record<string, JointVerdict> {
  const verdicts: Record<string, JointVerdict> = {};
  for (const c of criteria) {
    const [x, y] = [a[c.code], b[c.code]];
    if (!x || !y || x.verdict !== y.verdict) continue;
    const motivations = [...new Set([x.motivation, y.motivation].filter((m): m is string => m !== null))];
    verdicts[c.code] = { verdict: x.verdict, motivation: motivations.length === 0 ? null : motivations.join('\n\n').slice(0, SCORING_LIMITS.motivation) };
  }
  return verdicts;
}

/**
 * The parts of a joint record one can agree to, each with a fingerprint of its content: per
 * criterion of the judgement; per finding, and the advice with its motivation, of the interview
 * record. An edit clears only the agreements whose part's fingerprint changed (ADR 0014).
 */
export function agreementParts(content: { criteria: Record<string, JointVerdict> } | { findings: Record<string, string>; advice: string | null; motivation: string | null }): Record<string, string> {
  const canonical = (v: unknown) => JSON.stringify(v);
  if ('criteria' in content) {
    return Object.fromEntries(Object.keys(content.criteria).sort().map((code) => [code, canonical([content.criteria[code]!.verdict, content.criteria[code]!.motivation])]));
  }
  const parts: Record<string, string> = Object.fromEntries(Object.keys(content.findings).sort().map((code) => [`findings/${code}`, canonical(content.findings[code])]));
  parts['advice'] = canonical([content.advice, content.motivation]);
  return parts;
}

/** Keeps of each assessor's agreements only the parts whose content is unchanged in `parts`. */
export function keepUnchangedAgreements(agreements: Record<string, Record<string, string>>, parts: Record<string, string>): { kept: Record<string, Record<string, string>>; cleared: Record<string, string[]> } {
  const kept: Record<string, Record<string, string>> = {};
  const cleared: Record<string, string[]> = {};
  for (const [assessor, agreed] of Object.entries(agreements)) {
    kept[assessor] = Object.fromEntries(Object.entries(agreed).filter(([part, print]) => parts[part] === print));
    const gone = Object.keys(agreed).filter((part) => parts[part] !== agreed[part]);
    if (gone.length > 0) cleared[assessor] = gone;
  }
  return { kept, cleared };
}

/** The parts of `parts` an assessor has not agreed to as they are now. */
export function pendingParts(agreed: Record<string, string> | undefined, parts: Record<string, string>): string[] {
  return Object.keys(parts).filter((part) => agreed?.[part] !== parts[part]);
}
