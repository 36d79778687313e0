import type { IsoDate } from '../dates/calendar-date.util';
import type { EducationEvidence, PortfolioDocument } from '../document/portfolio-document.types';
import type { EvaluationReport } from '../engine/report.types';
import { beroepsprofielVariant } from '../testing/beroepsprofiel-variant.rulebook';
import { blocking, run, warnings } from '../testing/evaluate.helpers';
import { certificate, completePortfolio, modify } from '../testing/portfolio.factory';

beforeEach(() => expect.hasAssertions());

/**
 * Every age rule counts forward from the thing's own date, with the end-of-month rule for
 * 29 February (29 February + 2 years = 28 February):
 *  - "maximaal twee jaar oud" / "in de afgelopen twee jaar": date + 2 years is not before the
 *    reference date (A.EVC, A.ASSESSMENT, C.CASE_RECENT; the variant's hours window);
 *  - "tenminste twee jaar actief": activeSince + 2 years is not after the reference date (B1.EXPERIENCE).
 * The tables cross every 29 February boundary both ways: a date on a leap day, and a reference
 * date on a leap day.
 */

const courses98 = [certificate({ documentId: 'c1', hours: 70 }), certificate({ documentId: 'c2', hours: undefined, ects: 1 })];

type AgeSubject = 'A.EVC' | 'A.ASSESSMENT' | 'C.CASE_RECENT';

/** A complete portfolio on `referenceDate` whose only dated thing under test carries `date`. */
function dated(subject: AgeSubject, date: IsoDate, referenceDate: IsoDate): PortfolioDocument {
  return modify(completePortfolio(referenceDate), (d) => {
    if (subject === 'C.CASE_RECENT') {
      const first = d.cases?.[0];
      if (first === undefined) throw new Error('factory has two cases');
      first.period = { start: '2019-01-07', end: date };
      return;
    }
    const report: EducationEvidence =
      subject === 'A.EVC'
        ? { kind: 'evcReport', documentId: 'doc-evc', date, bocLevel: 6, attested: { recognisedProvider: true } }
        : { kind: 'assessmentReport', documentId: 'doc-assessment', date, nlqfLevel: 6, attested: { accreditedBureauOrNipPsychologist: true } };
    d.education = { route: subject === 'A.EVC' ? 'A3' : 'A4', evidence: [report, ...courses98] };
  });
}

const PATH: Record<AgeSubject, string> = { 'A.EVC': '/education/evidence/0', 'A.ASSESSMENT': '/education/evidence/0', 'C.CASE_RECENT': '/cases/0' };
const EARLIEST_KEY: Record<AgeSubject, string> = { 'A.EVC': 'earliestDate', 'A.ASSESSMENT': 'earliestDate', 'C.CASE_RECENT': 'earliestEnd' };

const check = (subject: AgeSubject, date: IsoDate, referenceDate: IsoDate, warnWithinDays = 60): EvaluationReport =>
  run(dated(subject, date, referenceDate), { referenceDate, warnWithinDays });

describe.each(['A.EVC', 'A.ASSESSMENT', 'C.CASE_RECENT'] as const)('%s: at most two years old, counted forward from its date', (subject) => {
  // [date, reference date, counts, last day it counts (date + 2 years), earliest date that counts on the reference date]
  it.each([
    // a document dated on a leap day: 2024-02-29 + 2 years = 2026-02-28
    ['2024-02-29', '2026-02-27', true, '2026-02-28', '2024-02-27'],
    ['2024-02-29', '2026-02-28', true, '2026-02-28', '2024-02-28'],
    ['2024-02-29', '2026-03-01', false, '2026-02-28', '2024-03-01'],
    // a reference date on a leap day: 2026-02-28 + 2 years = 2028-02-28, one day short of 2028-02-29
    ['2026-02-27', '2028-02-29', false, '2028-02-27', '2026-03-01'],
    ['2026-02-28', '2028-02-28', true, '2028-02-28', '2026-02-28'],
    ['2026-02-28', '2028-02-29', false, '2028-02-28', '2026-03-01'],
    ['2026-03-01', '2028-02-29', true, '2028-03-01', '2026-03-01'],
    ['2022-02-28', '2024-02-29', false, '2024-02-28', '2022-03-01'],
    ['2022-03-01', '2024-02-29', true, '2024-03-01', '2022-03-01'],
    // the day after a leap day
    ['2026-02-28', '2028-03-01', false, '2028-02-28', '2026-03-01'],
    ['2026-03-01', '2028-03-01', true, '2028-03-01', '2026-03-01'],
  ])('dated %s, on %s: counts %p (until %s; earliest %s)', (date, referenceDate, counts, until, earliest) => {
    const report = check(subject, date, referenceDate);
    const findings = blocking(report, subject);
    expect(findings.length === 0).toBe(counts);
    if (!counts) expect(findings[0]?.details).toMatchObject({ [EARLIEST_KEY[subject]]: earliest });
    expect(report.progress.countsUntil.find((e) => e.path === PATH[subject])).toMatchObject({ date, countsUntil: until, countsOnReferenceDate: counts });
  });

  it('a document is exactly two years old on one day only: 2026-02-28 on 2028-02-28, not again on 2028-02-29', () => {
    const onThe28th = check(subject, '2026-02-28', '2028-02-28');
    expect(blocking(onThe28th, subject)).toEqual([]);
    expect(onThe28th.progress.countsUntil.find((e) => e.path === PATH[subject])).toMatchObject({ countsUntil: '2028-02-28', daysLeft: 0 });
    expect(blocking(check(subject, '2026-02-28', '2028-02-29'), subject)).toHaveLength(1);
  });

  it.each([
    // [date, reference date, countsUntil, daysLeft]
    ['2026-02-28', '2028-02-01', '2028-02-28', 27],
    ['2024-02-29', '2026-02-01', '2026-02-28', 27],
    ['2026-03-01', '2028-02-29', '2028-03-01', 1],
  ])('the expiry warning for %s on %s names %s, %d days left', (date, referenceDate, countsUntil, daysLeft) => {
    const report = check(subject, date, referenceDate);
    expect(report.complete).toBe(true);
    expect(warnings(report, subject).map((w) => w.details)).toEqual([expect.objectContaining({ countsUntil, daysLeft })]);
  });

  it('no warning once the day after the last day is beyond the horizon', () => {
    // 2026-02-28 counts until 2028-02-28: 27 days after 2028-02-01, so a 27-day horizon stays silent and a 28-day one warns.
    expect(warnings(check(subject, '2026-02-28', '2028-02-01', 27), subject)).toEqual([]);
    expect(warnings(check(subject, '2026-02-28', '2028-02-01', 28), subject)).toHaveLength(1);
  });
});

describe('B1.EXPERIENCE: at least two years active, counted forward from activeSince', () => {
  const active = (activeSince: IsoDate, referenceDate: IsoDate) =>
    run(
      modify(completePortfolio(referenceDate), (d) => {
        const declaration = d.workExperience?.experienceDeclaration;
        if (declaration === undefined) throw new Error('factory has an experience declaration');
        declaration.activeSince = activeSince;
      }),
      { referenceDate },
    );

  // [activeSince, reference date, two years reached, the latest activeSince that would do]
  it.each([
    // since a leap day: 2024-02-29 + 2 years = 2026-02-28
    ['2024-02-29', '2026-02-27', false, '2024-02-27'],
    ['2024-02-29', '2026-02-28', true, null],
    ['2024-02-28', '2026-02-28', true, null],
    ['2024-03-01', '2026-02-28', false, '2024-02-29'],
    ['2024-03-01', '2026-03-01', true, null],
    // on a leap day
    ['2026-02-28', '2028-02-29', true, null],
    ['2026-03-01', '2028-02-29', false, '2026-02-28'],
    ['2022-02-28', '2024-02-29', true, null],
    ['2022-03-01', '2024-02-29', false, '2022-02-28'],
    ['2026-03-01', '2028-03-01', true, null],
  ])('active since %s, on %s: two years %p', (activeSince, referenceDate, ok, latestAllowed) => {
    const findings = blocking(active(activeSince, referenceDate), 'B1.EXPERIENCE');
    expect(findings.map((f) => f.path)).toEqual(ok ? [] : ['/workExperience/experienceDeclaration/activeSince']);
    if (!ok) expect(findings[0]?.details).toEqual({ activeSince, latestAllowed, yearsRequired: 2 });
  });
});

describe('a window of hours (the test-only beroepsprofiel variant: 600 hours in the last three years)', () => {
  const hoursSince = (since: IsoDate, referenceDate: IsoDate) =>
    run(
      modify(completePortfolio(referenceDate), (d) => {
        const declaration = d.workExperience?.experienceDeclaration;
        if (declaration === undefined) throw new Error('factory has an experience declaration');
        declaration.hoursSince = since;
      }),
      { referenceDate },
      beroepsprofielVariant,
    );

  // [hoursSince, reference date, within the window, the earliest hoursSince that would do]
  it.each([
    ['2024-02-29', '2027-02-28', true, null],
    ['2024-02-29', '2027-03-01', false, '2024-03-01'],
    ['2025-02-28', '2028-02-28', true, null],
    ['2025-02-28', '2028-02-29', false, '2025-03-01'],
    ['2025-03-01', '2028-02-29', true, null],
  ])('hours counted since %s, on %s: within three years %p', (since, referenceDate, ok, earliestAllowed) => {
    const findings = blocking(hoursSince(since, referenceDate), 'B1.EXPERIENCE');
    expect(findings.map((f) => f.path)).toEqual(ok ? [] : ['/workExperience/experienceDeclaration/hoursSince']);
    if (!ok) expect(findings[0]?.details).toEqual({ hoursSince: since, earliestAllowed, yearsWindow: 3 });
  });
});
