import type { EvidenceAssessment, RequirementAssessment } from '../analysis/education.analysis';
import { daysBetween, earliestWithinYears } from '../dates/calendar-date.util';
import type { Rule, RuleContext, RuleOutput } from '../engine/rule.types';
import type { FindingDetails } from '../engine/report.types';
import { formatDate, formatNumber, joinLocalized, localized, localize } from '../text/localized-text.util';

/**
 * A.DIPLOMA, A.EVC, A.ASSESSMENT, A.COURSES (and whatever codes a rulebook version gives its
 * evidence requirements) — the documents the chosen route asks for, with their conditions.
 * The rule is generic: the route's requirements in the rulebook say which kinds of document,
 * which conditions and how many hours.
 */
export const educationEvidenceRule: Rule = {
  codes: ['A.DIPLOMA', 'A.EVC', 'A.ASSESSMENT', 'A.COURSES'],
  check(context, out) {
    const { education } = context;
    if (education.route === null) {
      out.progress('A', 0, 1); // the evidence cannot be checked before a route is chosen
      return;
    }
    for (const assessment of education.requirements) {
      out.progress('A', assessment.satisfied ? 1 : 0, 1);
      if (assessment.satisfied) warnBeforeExpiry(context, assessment, out);
      else if (assessment.requirement.minStudyLoadHours !== undefined) reportTooFewHours(context, assessment, out);
      else reportNoQualifyingDocument(education.route.id, assessment, context, out);
    }
  },
};

function reportNoQualifyingDocument(route: string, assessment: RequirementAssessment, context: RuleContext, out: RuleOutput): void {
  const { requirement, documents } = assessment;
  const deliverable = requirement.deliverable;
  if (documents.length === 0) {
    out.blocking(
      requirement.ruleCode,
      ['education', 'evidence'],
      localized(
        `Route ${route} vraagt: ${deliverable.nl}. Voeg dit document toe.`,
        `Route ${route} requires: ${deliverable.en}. Add this document.`,
      ),
      { route, kind: requirement.kind, documents: 0 },
    );
    return;
  }
  // Point at the document that comes closest (fewest unmet conditions; the first on a tie).
  const best = documents.reduce((a, b) => (b.failedConditions.length < a.failedConditions.length ? b : a));
  const labels = joinLocalized(best.failedConditions.map((c) => c.label), ' ');
  const details: Record<string, FindingDetails[string]> = {
    route,
    kind: requirement.kind,
    documents: documents.length,
    documentIndex: best.index,
    documentId: best.evidence.documentId ?? null,
    failedConditions: best.failedConditions.map((c) => c.code),
  };
  for (const condition of best.failedConditions) {
    if (condition.test === 'notOlderThanYears') {
      details['date'] = best.evidence.date ?? null;
      details['earliestDate'] = earliestWithinYears(context.referenceDate, condition.years);
    }
  }
  out.blocking(
    requirement.ruleCode,
    ['education', 'evidence', best.index],
    localized(
      `Het aangeleverde document (${deliverable.nl}) voldoet niet aan alle randvoorwaarden van route ${route}: ${labels.nl}`,
      `The document provided (${deliverable.en}) does not meet all conditions of route ${route}: ${labels.en}`,
    ),
    details,
  );
}

function reportTooFewHours(context: RuleContext, assessment: RequirementAssessment, out: RuleOutput): void {
  const required = assessment.requirement.minStudyLoadHours ?? 0;
  const counted = assessment.hoursCounted ?? 0;
  const perEcts = context.rulebook.education.hoursPerEcts;
  const notCounted = assessment.documents.filter((d) => !d.qualifies);
  out.blocking(
    assessment.requirement.ruleCode,
    ['education', 'evidence'],
    localize((lang) => {
      const [h, r, e, n] = [formatNumber(counted, lang), formatNumber(required, lang), formatNumber(perEcts, lang), notCounted.length];
      return lang === 'nl'
        ? `De certificaten die meetellen komen samen op ${h} uur studiebelasting; nodig is minimaal ${r} uur (1 ECTS = ${e} uur).` +
            (n > 0 ? ` ${n} ${n === 1 ? 'certificaat telt' : 'certificaten tellen'} niet mee omdat niet aan alle randvoorwaarden is voldaan.` : '')
        : `The certificates that count add up to ${h} hours of study load; at least ${r} hours are needed (1 ECTS = ${e} hours).` +
            (n > 0 ? ` ${n} ${n === 1 ? 'certificate does' : 'certificates do'} not count because not all conditions are met.` : '');
    }),
    {
      hoursCounted: counted,
      hoursRequired: required,
      hoursPerEcts: perEcts,
      certificatesCounted: assessment.documents.length - notCounted.length,
      certificatesNotCounted: notCounted.map(notCountedDetails),
    },
  );
}

function notCountedDetails(d: EvidenceAssessment): FindingDetails {
  return { documentIndex: d.index, documentId: d.evidence.documentId ?? null, failedConditions: d.failedConditions.map((c) => c.code) };
}

function warnBeforeExpiry(context: RuleContext, assessment: RequirementAssessment, out: RuleOutput): void {
  const until = assessment.satisfiedUntil;
  if (until === null) return;
  const daysLeft = daysBetween(context.referenceDate, until);
  if (daysLeft >= context.warnWithinDays) return;
  const expiring = assessment.documents.find((d) => d.qualifies && d.countsUntil === until);
  const deliverable = assessment.requirement.deliverable;
  out.warning(
    assessment.requirement.ruleCode,
    expiring ? ['education', 'evidence', expiring.index] : ['education', 'evidence'],
    localize((lang) =>
      lang === 'nl'
        ? `Het aangeleverde document (${deliverable.nl}) telt mee tot en met ${formatDate(until, lang)} (nog ${daysLeft} dagen). Dien je portfolio vóór die datum in of lever een recenter document aan.`
        : `The document provided (${deliverable.en}) counts until ${formatDate(until, lang)} inclusive (${daysLeft} more days). Submit your portfolio before then or provide a more recent document.`,
    ),
    { countsUntil: until, daysLeft, warnWithinDays: context.warnWithinDays, documentIndex: expiring?.index ?? null },
  );
}
