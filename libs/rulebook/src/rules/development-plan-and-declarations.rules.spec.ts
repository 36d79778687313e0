import { addDays } from '../dates/calendar-date.util';
import { blocking, blockingCodes, run } from '../testing/evaluate.helpers';
import { completePortfolio, modify, REFERENCE_DATE } from '../testing/portfolio.factory';

beforeEach(() => expect.hasAssertions());

describe('D.PLAN', () => {
  it.each([
    [['1', '2', '3', '4'], []],
    [['1', '2', '4'], ['/developmentPlan/answers/3']],
    [[], ['/developmentPlan/answers/1', '/developmentPlan/answers/2', '/developmentPlan/answers/3', '/developmentPlan/answers/4']],
  ])('answers %j', (answered, paths) => {
    const report = run(
      modify(completePortfolio(), (d) => {
        d.developmentPlan = { answers: Object.fromEntries(answered.map((id) => [id, `Antwoord ${id}.`])) };
      }),
    );
    expect(blocking(report, 'D.PLAN').map((f) => f.path)).toEqual(paths);
    expect(report.progress.parts.D).toEqual({ done: answered.length, total: 4 });
  });

  it('a whitespace answer is not an answer', () => {
    const report = run(modify(completePortfolio(), (d) => (d.developmentPlan = { answers: { '1': 'a', '2': 'b', '3': 'c', '4': '   ' } })));
    expect(blockingCodes(report)).toEqual(['D.PLAN']);
  });
});

describe('E declarations', () => {
  const withDeclarations = (change: Record<string, unknown>) =>
    modify(completePortfolio(), (d) => {
      d.declarations = { ...d.declarations, ...change };
    });
  const current = { gedragscode: 3, klachtenreglement: 2 };
  const accepted = (version: number) => ({ accepted: true, version, acceptedAt: addDays(REFERENCE_DATE, -5) });

  it('accepting the current versions passes', () => {
    const report = run(withDeclarations({ gedragscode: accepted(3), klachtenreglement: accepted(2) }), { currentRegulationVersions: current });
    expect(blockingCodes(report)).toEqual([]);
  });

  it.each([
    ['gedragscode', 'E.GEDRAGSCODE', 2, 3],
    ['klachtenreglement', 'E.KLACHTENREGLEMENT', 1, 2],
  ])('a stale %s version blocks with the accepted and current versions', (key, code, stale, now) => {
    const document = withDeclarations({ gedragscode: accepted(3), klachtenreglement: accepted(2), [key]: accepted(stale) });
    const findings = blocking(run(document, { currentRegulationVersions: current }), code);
    expect(findings.map((f) => [f.path, f.details])).toEqual([[`/declarations/${key}/version`, { accepted: stale, current: now }]]);
  });

  it('without current versions any accepted version passes', () => {
    expect(blockingCodes(run(withDeclarations({ gedragscode: accepted(1) })))).toEqual([]);
  });

  it('a version newer than the current one is also not the current one', () => {
    const report = run(withDeclarations({ gedragscode: accepted(4) }), { currentRegulationVersions: { gedragscode: 3 } });
    expect(blockingCodes(report)).toEqual(['E.GEDRAGSCODE']);
  });

  it.each([
    ['gedragscode not accepted', { gedragscode: { accepted: false, version: 1, acceptedAt: REFERENCE_DATE } }, 'E.GEDRAGSCODE', '/declarations/gedragscode/accepted'],
    ['gedragscode without version', { gedragscode: { accepted: true, acceptedAt: REFERENCE_DATE } }, 'E.GEDRAGSCODE', '/declarations/gedragscode/version'],
    ['klachtenreglement without date', { klachtenreglement: { accepted: true, version: 1 } }, 'E.KLACHTENREGLEMENT', '/declarations/klachtenreglement/acceptedAt'],
    ['truthful not accepted', { truthful: {} }, 'E.TRUTHFUL', '/declarations/truthful/accepted'],
    ['truthful accepted after the reference date', { truthful: { accepted: true, acceptedAt: addDays(REFERENCE_DATE, 1) } }, 'E.TRUTHFUL', '/declarations/truthful/acceptedAt'],
  ])('%s', (_name, change, code, path) => {
    const report = run(withDeclarations(change));
    expect(blockingCodes(report)).toEqual([code]);
    expect(blocking(report, code).map((f) => f.path)).toEqual([path]);
  });

  it('missing declarations block one finding each', () => {
    const report = run(modify(completePortfolio(), (d) => delete d.declarations));
    expect(blocking(report).map((f) => [f.code, f.path])).toEqual([
      ['E.GEDRAGSCODE', '/declarations'],
      ['E.KLACHTENREGLEMENT', '/declarations'],
      ['E.TRUTHFUL', '/declarations'],
    ]);
    expect(report.progress.parts.E).toEqual({ done: 0, total: 3 });
  });
});
