import { addDays, subtractYears } from '../dates/calendar-date.util';
import type { CourseCertificateEvidence, EducationEvidence, PortfolioDocument } from '../document/portfolio-document.types';
import { blocking, blockingCodes, run, warnings } from '../testing/evaluate.helpers';
import { certificate, completePortfolio, modify, REFERENCE_DATE } from '../testing/portfolio.factory';

beforeEach(() => expect.hasAssertions());

const diploma = (attested: Record<string, boolean>, level: 'hbo' | 'wo' | 'other' = 'hbo'): EducationEvidence => ({
  kind: 'diploma',
  documentId: 'doc-diploma',
  level,
  attested: { signedByInstitution: true, nvaoAccredited: true, crohoMensEnOrganisatie: true, ...attested },
});

function withEducation(route: string | undefined, evidence: EducationEvidence[]): PortfolioDocument {
  return modify(completePortfolio(), (d) => {
    d.education = route === undefined ? { evidence } : { route, evidence };
  });
}

const courses98 = [certificate({ documentId: 'c1', hours: 70 }), certificate({ documentId: 'c2', hours: undefined, ects: 1 })];

describe('A.ROUTE', () => {
  it('accepts one known route', () => {
    expect(blockingCodes(run(withEducation('A2', [diploma({}), ...courses98])))).toEqual([]);
  });

  it('blocks when no route is chosen, and cannot check evidence yet', () => {
    const report = run(withEducation(undefined, [diploma({})]));
    expect(blocking(report, 'A.ROUTE')).toHaveLength(1);
    expect(blocking(report, 'A.ROUTE')[0]?.path).toBe('/education/route');
    expect(blockingCodes(report)).toEqual(['A.ROUTE']);
    expect(report.progress.parts.A).toEqual({ done: 0, total: 2 });
  });

  it('blocks on a route this rulebook does not have', () => {
    const report = run(withEducation('A5', [diploma({})]));
    expect(blocking(report, 'A.ROUTE')[0]?.details).toMatchObject({ route: 'A5', routes: ['A1', 'A2', 'A3', 'A4'] });
  });

  it('treats a blank route as none', () => {
    expect(blockingCodes(run(withEducation('  ', [])))).toEqual(['A.ROUTE']);
  });
});

describe('A.DIPLOMA', () => {
  it.each([
    ['A1 with everything attested', 'A1', diploma({}), []],
    ['A1 without CROHO mens en organisatie', 'A1', diploma({ crohoMensEnOrganisatie: false }), ['crohoMensEnOrganisatie']],
    ['A1 not signed', 'A1', diploma({ signedByInstitution: false }), ['signedByInstitution']],
    ['A1 not NVAO-accredited', 'A1', diploma({ nvaoAccredited: false }), ['nvaoAccredited']],
    ['A1 wo level', 'A1', diploma({}, 'wo'), []],
    ['A1 other level (e.g. mbo)', 'A1', diploma({}, 'other'), ['level']],
    ['A1 not uploaded', 'A1', { ...diploma({}), documentId: ' ' }, ['uploaded']],
    ['A2 without CROHO (not required for A2)', 'A2', diploma({ crohoMensEnOrganisatie: false }), []],
    ['A2 not NVAO-accredited', 'A2', diploma({ nvaoAccredited: false }), ['nvaoAccredited']],
  ] as const)('%s', (_name, route, evidence, failed) => {
    const report = run(withEducation(route, [evidence, ...courses98]));
    const findings = blocking(report, 'A.DIPLOMA');
    if (failed.length === 0) {
      expect(findings).toEqual([]);
    } else {
      expect(findings).toHaveLength(1);
      expect(findings[0]?.path).toBe('/education/evidence/0');
      expect(findings[0]?.details['failedConditions']).toEqual(failed);
    }
  });

  it('blocks when no diploma is uploaded at all', () => {
    const [finding] = blocking(run(withEducation('A1', [])), 'A.DIPLOMA');
    expect(finding?.path).toBe('/education/evidence');
    expect(finding?.details).toMatchObject({ route: 'A1', kind: 'diploma', documents: 0 });
  });

  it('is satisfied by one qualifying diploma among others, and points at the closest one otherwise', () => {
    expect(blockingCodes(run(withEducation('A1', [diploma({ nvaoAccredited: false }), diploma({})])))).toEqual([]);
    const [finding] = blocking(
      run(withEducation('A1', [diploma({ nvaoAccredited: false, signedByInstitution: false }), diploma({ nvaoAccredited: false })])),
      'A.DIPLOMA',
    );
    expect(finding?.path).toBe('/education/evidence/1');
    expect(finding?.details['documents']).toBe(2);
  });
});

describe('A.COURSES', () => {
  const hoursOf = (report: ReturnType<typeof run>) => blocking(report, 'A.COURSES')[0]?.details;

  it.each([
    ['97.9 h (69.9 h + 1 ECTS)', [certificate({ hours: 69.9 }), certificate({ hours: undefined, ects: 1 })], 97.9],
    ['98 h (70 h + 1 ECTS)', courses98, null],
    ['3.5 ECTS alone', [certificate({ hours: undefined, ects: 3.5 })], null],
    ['3.4 ECTS alone (95.2 h)', [certificate({ hours: undefined, ects: 3.4 })], 95.2],
    ['hours and ECTS mixed (42 h + 2 ECTS)', [certificate({ hours: 42 }), certificate({ hours: undefined, ects: 2 })], null],
    ['ten certificates of 9.8 h (no floating-point loss)', Array.from({ length: 10 }, () => certificate({ hours: 9.8 })), null],
    ['hours take precedence over ECTS on one certificate', [certificate({ hours: 70, ects: 10 })], 70],
    ['no certificates at all', [], 0],
  ])('%s', (_name, certificates, shortBy) => {
    const report = run(withEducation('A2', [diploma({}), ...certificates]));
    if (shortBy === null) {
      expect(blocking(report, 'A.COURSES')).toEqual([]);
      expect(report.progress.courses?.hoursCounted).toBeGreaterThanOrEqual(98);
    } else {
      expect(hoursOf(report)).toMatchObject({ hoursCounted: shortBy, hoursRequired: 98, hoursPerEcts: 28 });
      expect(blocking(report, 'A.COURSES')[0]?.path).toBe('/education/evidence');
    }
  });

  it.each<[string, Partial<CourseCertificateEvidence>, string]>([
    ['quality mark', { attested: { qualityMark: false, signedByTrainer: true, inScope: true } }, 'qualityMark'],
    ['trainer signature', { attested: { qualityMark: true, signedByTrainer: false, inScope: true } }, 'signedByTrainer'],
    ['stated load', { hours: undefined, ects: undefined }, 'statesStudyLoad'],
    ['a load of zero', { hours: 0 }, 'statesStudyLoad'],
    ['scope (career advice/coaching/guidance)', { attested: { qualityMark: true, signedByTrainer: true } }, 'inScope'],
    ['upload', { documentId: '' }, 'uploaded'],
  ])('a certificate missing its %s does not count', (_name, overrides, condition) => {
    const report = run(withEducation('A2', [diploma({}), certificate({ documentId: 'bad', hours: 70, ...overrides }), certificate({ hours: 28 })]));
    expect(hoursOf(report)).toMatchObject({ hoursCounted: 28, certificatesCounted: 1 });
    expect(hoursOf(report)?.['certificatesNotCounted']).toEqual([
      { documentIndex: 1, documentId: overrides.documentId ?? 'bad', failedConditions: [condition] },
    ]);
    const [progress] = report.progress.courses?.certificates ?? [];
    expect(progress).toMatchObject({ counts: false, studyLoadHours: 0 });
    expect(progress?.reasons.map((r) => r.code)).toEqual([condition]);
  });

  it('is not asked for on route A1', () => {
    const report = run(withEducation('A1', [diploma({})]));
    expect(blockingCodes(report)).toEqual([]);
    expect(report.progress.courses).toBeNull();
  });

  it('reports hours per certificate and in total in the progress', () => {
    const report = run(withEducation('A2', [diploma({}), certificate({ hours: 70 }), certificate({ hours: undefined, ects: 1 }), certificate({ hours: 6, attested: {} })]));
    expect(report.progress.courses).toMatchObject({ hoursCounted: 98, hoursRequired: 98, hoursPerEcts: 28 });
    expect(report.progress.courses?.certificates.map((c) => [c.path, c.counts, c.studyLoadHours, c.hoursStated, c.ectsStated])).toEqual([
      ['/education/evidence/1', true, 70, 70, null],
      ['/education/evidence/2', true, 28, null, 1],
      ['/education/evidence/3', false, 0, 6, null],
    ]);
  });
});

describe.each([
  ['A.EVC', 'A3', (date: string, overrides: Record<string, unknown> = {}): EducationEvidence => ({ kind: 'evcReport', documentId: 'doc-evc', date, bocLevel: 6, attested: { recognisedProvider: true }, ...overrides })],
  [
    'A.ASSESSMENT',
    'A4',
    (date: string, overrides: Record<string, unknown> = {}): EducationEvidence => ({
      kind: 'assessmentReport',
      documentId: 'doc-assessment',
      date,
      nlqfLevel: 6,
      attested: { accreditedBureauOrNipPsychologist: true },
      ...overrides,
    }),
  ],
] as const)('%s (route %s)', (code, route, report) => {
  const check = (evidence: EducationEvidence[], referenceDate = REFERENCE_DATE, warnWithinDays?: number) =>
    run(withEducation(route, [...evidence, ...courses98]), { referenceDate, ...(warnWithinDays === undefined ? {} : { warnWithinDays }) });
  const twoYearsAgo = subtractYears(REFERENCE_DATE, 2);

  it.each([
    ['exactly two years old on the reference date', twoYearsAgo, true],
    ['two years and one day old', addDays(twoYearsAgo, -1), false],
    ['dated on the reference date', REFERENCE_DATE, true],
    ['dated after the reference date', addDays(REFERENCE_DATE, 1), false],
  ])('a report %s', (_name, date, counts) => {
    const findings = blocking(check([report(date)]), code);
    expect(findings.length === 0).toBe(counts);
    if (!counts) expect(findings[0]?.details['failedConditions']).toEqual(['notOlderThan']);
  });

  it('reports the earliest date that still counts', () => {
    const [finding] = blocking(check([report(addDays(twoYearsAgo, -1))]), code);
    expect(finding?.details).toMatchObject({ earliestDate: twoYearsAgo, date: addDays(twoYearsAgo, -1) });
  });

  it.each([
    ['2026-02-28', true],
    ['2026-03-01', false],
  ])('leap day: a report of 2024-02-29 on %s counts: %p', (referenceDate, counts) => {
    const result = check([report('2024-02-29')], referenceDate);
    expect(blocking(result, code).length === 0).toBe(counts);
  });

  it('leap day: on 2024-02-29 a report of 2022-02-28 is two years and one day old (every leap-day boundary: age-rules.spec.ts)', () => {
    expect(blocking(check([report('2022-02-28')], '2024-02-29'), code)).toHaveLength(1);
    expect(blocking(check([report('2022-03-01')], '2024-02-29'), code)).toEqual([]);
  });

  it('blocks without a report', () => {
    expect(blocking(check([]), code)[0]?.details).toMatchObject({ route, documents: 0 });
  });

  it.each([
    [59, 1],
    [60, 0],
  ])('warns when it stops counting within the horizon (%d days left → %d warnings)', (daysLeft, expected) => {
    const date = subtractYears(addDays(REFERENCE_DATE, daysLeft), 2);
    const result = check([report(date)]);
    expect(blocking(result)).toEqual([]);
    expect(warnings(result, code)).toHaveLength(expected);
    if (expected === 1) expect(warnings(result, code)[0]?.details).toMatchObject({ countsUntil: addDays(REFERENCE_DATE, daysLeft), daysLeft });
  });

  it('honours a configured horizon and does not warn when a fresher report keeps it valid', () => {
    const expiring = report(subtractYears(addDays(REFERENCE_DATE, 10), 2));
    expect(warnings(check([expiring], REFERENCE_DATE, 5), code)).toEqual([]);
    expect(warnings(check([expiring], REFERENCE_DATE, 11), code)).toHaveLength(1);
    expect(warnings(check([expiring, report(REFERENCE_DATE)]), code)).toEqual([]);
  });

  it('lists when the report stops counting', () => {
    const result = check([report('2025-01-15')]);
    expect(result.progress.countsUntil).toContainEqual(
      expect.objectContaining({ path: '/education/evidence/0', ruleCode: code, subject: 'evidence', countsUntil: '2027-01-15', countsOnReferenceDate: true }),
    );
  });
});

describe('A.EVC and A.ASSESSMENT conditions', () => {
  const evc = (overrides: Record<string, unknown>): EducationEvidence => ({ kind: 'evcReport', documentId: 'e', date: '2025-06-01', bocLevel: 6, attested: { recognisedProvider: true }, ...overrides });
  const assessment = (overrides: Record<string, unknown>): EducationEvidence => ({
    kind: 'assessmentReport',
    documentId: 'a',
    date: '2025-06-01',
    nlqfLevel: 6,
    attested: { accreditedBureauOrNipPsychologist: true },
    ...overrides,
  });

  it.each([
    ['A3', evc({ bocLevel: 5 }), 'A.EVC', ['bocLevel']],
    ['A3', evc({ bocLevel: 7 }), 'A.EVC', []],
    ['A3', evc({ attested: { recognisedProvider: false } }), 'A.EVC', ['recognisedProvider']],
    ['A4', assessment({ nlqfLevel: 5 }), 'A.ASSESSMENT', ['nlqfLevel']],
    ['A4', assessment({ nlqfLevel: 7 }), 'A.ASSESSMENT', []],
    ['A4', assessment({ attested: {} }), 'A.ASSESSMENT', ['accreditedBureauOrNipPsychologist']],
  ] as const)('route %s: %j', (route, evidence, code, failed) => {
    const findings = blocking(run(withEducation(route, [evidence, ...courses98])), code);
    expect(findings.map((f) => f.details['failedConditions'])).toEqual(failed.length === 0 ? [] : [failed]);
  });

  it('A3 and A4 also need 98 hours of courses', () => {
    expect(blockingCodes(run(withEducation('A3', [evc({})])))).toEqual(['A.COURSES']);
    expect(blockingCodes(run(withEducation('A4', [assessment({})])))).toEqual(['A.COURSES']);
  });
});
