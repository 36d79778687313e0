import type { RequirementAssessment } from '../analysis/education.analysis';
import type { CoverageResult } from '../analysis/cases.analysis';
import { daysBetween } from '../dates/calendar-date.util';
import { pointerInto } from '../document/json-pointer.util';
import type { Part } from '../rulebook/rulebook.types';
import type {
  CountsUntilEntry,
  CourseProgress,
  CoverageProgress,
  EvidenceProgress,
  PartProgress,
  Progress,
  RequirementProgress,
  TaskCoverageRow,
} from './report.types';
import type { RuleContext } from './rule.types';

/** Builds the progress section of the report from the shared analysis and the rules' checklist counts. */
export function buildProgress(context: RuleContext, parts: Readonly<Record<Part, PartProgress>>): Progress {
  const requirements = context.education.requirements.map((r) => requirementProgress(context, r));
  const courseRequirement = context.education.requirements.find((r) => r.requirement.minStudyLoadHours !== undefined);
  return {
    parts,
    education: { route: context.education.route?.id ?? null, requirements },
    courses: courseRequirement === undefined ? null : courseProgress(context, courseRequirement),
    taskCoverage: taskCoverage(context),
    knowledgeAreas: coverageProgress(context.knowledge),
    competences: coverageProgress(context.competences),
    countsUntil: countsUntilEntries(context),
  };
}

function evidenceProgress(context: RuleContext, assessment: RequirementAssessment): EvidenceProgress[] {
  return assessment.documents.map((d) => ({
    path: pointerInto(context.document, ['education', 'evidence', d.index]),
    documentId: d.evidence.documentId ?? null,
    title: d.evidence.title ?? null,
    counts: d.qualifies,
    reasons: d.failedConditions.map((c) => ({ code: c.code, label: c.label })),
    studyLoadHours: assessment.requirement.minStudyLoadHours === undefined ? null : d.studyLoadHours,
    countsUntil: d.countsUntil,
  }));
}

function requirementProgress(context: RuleContext, assessment: RequirementAssessment): RequirementProgress {
  return {
    ruleCode: assessment.requirement.ruleCode,
    kind: assessment.requirement.kind,
    satisfied: assessment.satisfied,
    satisfiedUntil: assessment.satisfiedUntil,
    documents: evidenceProgress(context, assessment),
  };
}

function courseProgress(context: RuleContext, assessment: RequirementAssessment): CourseProgress {
  const documents = evidenceProgress(context, assessment);
  return {
    ruleCode: assessment.requirement.ruleCode,
    hoursCounted: assessment.hoursCounted ?? 0,
    hoursRequired: assessment.requirement.minStudyLoadHours ?? 0,
    hoursPerEcts: context.rulebook.education.hoursPerEcts,
    certificates: assessment.documents.map((d, i) => {
      const stated = d.evidence as { hours?: unknown; ects?: unknown };
      const progress = documents[i] as EvidenceProgress;
      return {
        ...progress,
        studyLoadHours: d.qualifies ? d.studyLoadHours : 0,
        hoursStated: typeof stated.hours === 'number' ? stated.hours : null,
        ectsStated: typeof stated.ects === 'number' ? stated.ects : null,
      };
    }),
  };
}

function taskCoverage(context: RuleContext): TaskCoverageRow[] {
  return context.rulebook.cases.tasks.map((task) => {
    const cells = context.cases.map((c) => {
      const cell = c.tasks[task.id] ?? { status: 'missing' as const, motivated: null };
      return { caseIndex: c.index, caseId: c.id, status: cell.status, motivated: cell.motivated };
    });
    return { task: task.id, cells, described: cells.some((cell) => cell.status === 'described') };
  });
}

function coverageProgress(result: CoverageResult): CoverageProgress {
  const { minCovered, mandatory, covered, missingMandatory, satisfied, items } = result;
  return { minCovered, mandatory, covered, missingMandatory, satisfied, items };
}

function countsUntilEntries(context: RuleContext): CountsUntilEntry[] {
  const entries: CountsUntilEntry[] = [];
  for (const assessment of context.education.requirements) {
    for (const d of assessment.documents) {
      if (d.countsUntil === null || d.evidence.date === undefined) continue;
      entries.push({
        path: pointerInto(context.document, ['education', 'evidence', d.index]),
        ruleCode: assessment.requirement.ruleCode,
        subject: 'evidence',
        date: d.evidence.date,
        countsUntil: d.countsUntil,
        countsOnReferenceDate: d.qualifies,
        daysLeft: daysBetween(context.referenceDate, d.countsUntil),
      });
    }
  }
  for (const c of context.cases) {
    const { end, countsUntil, status } = c.recency;
    if (end === null || countsUntil === null) continue;
    entries.push({
      path: pointerInto(context.document, ['cases', c.index]),
      ruleCode: 'C.CASE_RECENT',
      subject: 'case',
      date: end,
      countsUntil,
      countsOnReferenceDate: status === 'counts',
      daysLeft: daysBetween(context.referenceDate, countsUntil),
    });
  }
  return entries;
}
