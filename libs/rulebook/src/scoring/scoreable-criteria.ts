import type { PortfolioDocument } from '../document/portfolio-document.types';
import type { Part, Rulebook } from '../rulebook/rulebook.types';
import { isFilledIn } from '../text/filled-in.util';
import { localized, type LocalizedText } from '../text/localized-text.util';

export interface ScoreableCriterion {
  /** Stable code: 'A', 'B1', 'C.TASK.3', 'C.KNOWLEDGE.2', 'C.COMPETENCE.coachen', 'C.ATTITUDE.zelfreflectie'. */
  readonly code: string;
  readonly part: Part;
  readonly label: LocalizedText;
}

/**
 * The criteria the assessors judge for this portfolio: A and B1 as wholes, every task (over both
 * cases), every knowledge area the cases claim, every competence and every attitude criterion.
 * Parts the rulebook marks as not scored (B2, D, E) are never in the list.
 */
export function scoreableCriteria(document: PortfolioDocument, rulebook: Rulebook): ScoreableCriterion[] {
  const criteria: ScoreableCriterion[] = [];
  for (const part of ['A', 'B1'] as const) {
    if (rulebook.parts[part].scored) criteria.push({ code: part, part, label: rulebook.parts[part].title });
  }
  if (!rulebook.parts.C.scored) return criteria;
  const { tasks, knowledge, competences, attitude } = rulebook.cases;
  for (const task of tasks) {
    criteria.push({ code: `C.TASK.${task.id}`, part: 'C', label: localized(`Taak ${task.id}: ${task.title.nl}`, `Task ${task.id}: ${task.title.en}`) });
  }
  const cases = document.cases ?? [];
  for (const area of knowledge.items) {
    if (!cases.some((c) => isFilledIn(c.knowledgeAreaReflections?.[area.id]))) continue;
    criteria.push({
      code: `C.KNOWLEDGE.${area.id}`,
      part: 'C',
      label: localized(`Kennisgebied ${area.id}: ${area.title.nl}`, `Knowledge area ${area.id}: ${area.title.en}`),
    });
  }
  for (const competence of competences.items) {
    criteria.push({ code: `C.COMPETENCE.${competence.id}`, part: 'C', label: localized(`Competentie: ${competence.title.nl}`, `Competence: ${competence.title.en}`) });
  }
  for (const criterion of attitude.criteria) {
    criteria.push({
      code: `C.ATTITUDE.${criterion.id}`,
      part: 'C',
      label: localized(`Professionele attitude: ${criterion.title.nl}`, `Professional attitude: ${criterion.title.en}`),
    });
  }
  return criteria;
}
