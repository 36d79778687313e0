import { addDays, subtractYears } from '../dates/calendar-date.util';
import type { ExperienceDeclaration } from '../document/portfolio-document.types';
import { blocking, blockingCodes, run } from '../testing/evaluate.helpers';
import { completePortfolio, modify, REFERENCE_DATE } from '../testing/portfolio.factory';

beforeEach(() => expect.hasAssertions());

function experience(change: Partial<ExperienceDeclaration> | undefined, referenceDate = REFERENCE_DATE) {
  const document = modify(completePortfolio(referenceDate), (d) => {
    if (d.workExperience === undefined) throw new Error('factory has work experience');
    if (change === undefined) delete d.workExperience.experienceDeclaration;
    else d.workExperience.experienceDeclaration = { ...d.workExperience.experienceDeclaration, ...change };
  });
  return run(document, { referenceDate });
}

const twoYearsAgo = subtractYears(REFERENCE_DATE, 2);

describe('B1.EXPERIENCE', () => {
  it.each([
    ['active exactly 2 years', { activeSince: twoYearsAgo }, null],
    ['active 1 year and 364 days', { activeSince: addDays(twoYearsAgo, 1) }, '/workExperience/experienceDeclaration/activeSince'],
    ['no start date', { activeSince: undefined }, '/workExperience/experienceDeclaration/activeSince'],
    ['1,200 hours', { hours: 1200 }, null],
    ['1,199 hours', { hours: 1199 }, '/workExperience/experienceDeclaration/hours'],
    ['1,199.5 hours', { hours: 1199.5 }, '/workExperience/experienceDeclaration/hours'],
    ['no hours', { hours: undefined }, '/workExperience/experienceDeclaration/hours'],
    ['not signed', { signed: false }, '/workExperience/experienceDeclaration/signed'],
    ['signed without a date', { signedAt: undefined }, '/workExperience/experienceDeclaration/signedAt'],
    ['signed after the reference date', { signedAt: addDays(REFERENCE_DATE, 1) }, '/workExperience/experienceDeclaration/signedAt'],
    ['signed on the reference date', { signedAt: REFERENCE_DATE }, null],
    ['what counts not confirmed', { confirmsWhatCounts: false }, '/workExperience/experienceDeclaration/confirmsWhatCounts'],
  ])('%s', (_name, change, path) => {
    const findings = blocking(experience(change), 'B1.EXPERIENCE');
    expect(findings.map((f) => f.path)).toEqual(path === null ? [] : [path]);
  });

  it('gives the numbers behind a shortfall', () => {
    expect(blocking(experience({ hours: 1199 }), 'B1.EXPERIENCE')[0]?.details).toEqual({ hoursDeclared: 1199, hoursRequired: 1200 });
    expect(blocking(experience({ activeSince: addDays(twoYearsAgo, 1) }), 'B1.EXPERIENCE')[0]?.details).toEqual({
      activeSince: addDays(twoYearsAgo, 1),
      latestAllowed: twoYearsAgo,
      yearsRequired: 2,
    });
  });

  it.each([
    ['2022-02-28', true],
    ['2022-03-01', false],
  ])('leap day: on 2024-02-29, active since %s is two years: %p', (activeSince, ok) => {
    expect(blocking(experience({ activeSince }, '2024-02-29'), 'B1.EXPERIENCE').length === 0).toBe(ok);
  });

  it('blocks once, on the declaration, when it is missing', () => {
    const findings = blocking(experience(undefined), 'B1.EXPERIENCE');
    expect(findings.map((f) => f.path)).toEqual(['/workExperience/experienceDeclaration']);
  });

  it('reports every problem of a half-filled declaration', () => {
    const report = experience({ hours: 10, signed: false, confirmsWhatCounts: undefined });
    expect(blocking(report, 'B1.EXPERIENCE')).toHaveLength(3);
    expect(report.progress.parts.B1).toEqual({ done: 1, total: 2 });
  });
});

describe('B1.ACTIVE', () => {
  function active(change: Record<string, unknown> | undefined) {
    return run(
      modify(completePortfolio(), (d) => {
        if (d.workExperience === undefined) throw new Error('factory has work experience');
        if (change === undefined) delete d.workExperience.activeDeclaration;
        else d.workExperience.activeDeclaration = { ...d.workExperience.activeDeclaration, ...change };
      }),
    );
  }

  it.each([
    ['signed and active', {}, []],
    ['not active', { currentlyActive: false }, ['/workExperience/activeDeclaration/currentlyActive']],
    ['not signed', { signed: undefined }, ['/workExperience/activeDeclaration/signed']],
    ['no signing date', { signedAt: '' }, ['/workExperience/activeDeclaration/signedAt']],
    ['missing altogether', undefined, ['/workExperience/activeDeclaration']],
  ])('%s', (_name, change, paths) => {
    expect(blocking(active(change), 'B1.ACTIVE').map((f) => f.path)).toEqual(paths);
  });

  it('does not touch other parts', () => {
    expect(blockingCodes(active({ currentlyActive: false }))).toEqual(['B1.ACTIVE']);
  });
});
