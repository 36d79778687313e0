import type { CaseAnalysis } from '../analysis/cases.analysis';
import { daysBetween } from '../dates/calendar-date.util';
import type { Rule } from '../engine/rule.types';
import { formatDate, localize, type Lang } from '../text/localized-text.util';
import { capitalize, caseName, progressPerCase } from './case-slots.util';

function message(c: CaseAnalysis, years: number, lang: Lang): string {
  const name = caseName(c.index, c.casus.title)[lang];
  const earliest = formatDate(c.recency.earliestEnd, lang);
  const end = c.recency.end === null ? '' : formatDate(c.recency.end, lang);
  const nl = lang === 'nl';
  switch (c.recency.status) {
    case 'missing_end':
      return nl ? `Vul de einddatum van het traject in ${name} in.` : `Fill in the end date of the trajectory in ${name}.`;
    case 'ongoing':
      return nl
        ? `Het traject in ${name} loopt nog; beschrijf een afgerond traject (einde op of na ${earliest}).`
        : `The trajectory in ${name} is still running; describe a completed trajectory (ended on or after ${earliest}).`;
    case 'end_after_reference_date':
      return nl
        ? `Het traject in ${name} eindigt pas op ${end}, na de peildatum; op de peildatum is het nog niet afgerond.`
        : `The trajectory in ${name} only ends on ${end}, after the reference date; it is not completed on the reference date.`;
    case 'end_before_start':
      return nl ? `In ${name} ligt de einddatum vóór de begindatum.` : `In ${name} the end date lies before the start date.`;
    case 'too_old':
      return nl
        ? `Het traject in ${name} eindigde op ${end}; het moet in de afgelopen ${years} jaar zijn uitgevoerd (einde op of na ${earliest}).`
        : `The trajectory in ${name} ended on ${end}; it must have been carried out in the last ${years} years (ended on or after ${earliest}).`;
    case 'counts':
      return '';
  }
}

/**
 * C.CASE_RECENT — each trajectory was carried out within the last two years: it has ended, on or
 * before the reference date, and its end date + two years is not before the reference date
 * (counted forward from the end date, so an end on 2026-02-28 counts until 2028-02-28).
 * A warning when a counting case stops counting within the warning horizon.
 */
export const caseRecentRule: Rule = {
  codes: ['C.CASE_RECENT'],
  check(context, out) {
    const years = context.rulebook.cases.recencyYears;
    let passed = 0;
    for (const c of context.cases) {
      const { status, end, countsUntil, earliestEnd } = c.recency;
      if (status !== 'counts') {
        const path = status === 'end_before_start' ? ['cases', c.index, 'period'] : ['cases', c.index, 'period', 'end'];
        out.blocking('C.CASE_RECENT', path, localize((lang) => message(c, years, lang)), {
          caseIndex: c.index,
          status,
          end,
          earliestEnd,
        });
        continue;
      }
      passed += 1;
      if (countsUntil === null) continue;
      const daysLeft = daysBetween(context.referenceDate, countsUntil);
      if (daysLeft < context.warnWithinDays) {
        const name = caseName(c.index, c.casus.title);
        out.warning(
          'C.CASE_RECENT',
          ['cases', c.index, 'period', 'end'],
          localize((lang) =>
            lang === 'nl'
              ? `${capitalize(name.nl)} telt mee tot en met ${formatDate(countsUntil, lang)} (nog ${daysLeft} dagen); daarna is het traject langer dan ${years} jaar geleden afgerond.`
              : `${capitalize(name.en)} counts until ${formatDate(countsUntil, lang)} inclusive (${daysLeft} more days); after that the trajectory ended more than ${years} years ago.`,
          ),
          { caseIndex: c.index, end, countsUntil, daysLeft, warnWithinDays: context.warnWithinDays },
        );
      }
    }
    progressPerCase(context, out, passed);
  },
};
