import { addDays, subtractYears } from '../dates/calendar-date.util';
import type { PortfolioDocument } from '../document/portfolio-document.types';
import type { Rulebook } from '../rulebook/rulebook.types';
import { scoreableCriteria } from '../scoring/scoreable-criteria';
import { beroepsprofielVariant as variant } from '../testing/beroepsprofiel-variant.rulebook';
import { blocking, blockingCodes, run } from '../testing/evaluate.helpers';
import { completePortfolio, modify, REFERENCE_DATE } from '../testing/portfolio.factory';
import { toetsingskaderInitieelV1 as toetsingskader } from './toetsingskader-initieel-v1.rulebook';

beforeEach(() => expect.hasAssertions());

/**
 * A second rulebook version (test-only) with the beroepsprofiel's figures — 600 hours in the last
 * three years, and a fifth route "Noloc-geaccrediteerde loopbaanopleiding" — is evaluated by the
 * same engine, unchanged.
 */
const experience = (change: Record<string, unknown>): PortfolioDocument =>
  modify(completePortfolio(), (d) => {
    if (d.workExperience?.experienceDeclaration) Object.assign(d.workExperience.experienceDeclaration, change);
  });

describe('the beroepsprofiel variant (600 h in 3 years, a fifth route)', () => {
  it('is marked as a test version and is not shipped', () => {
    expect(variant.status).toBe('test');
  });

  it('asks a toetsingskader portfolio when the hours were counted, and is otherwise satisfied with it', () => {
    const report = run(completePortfolio(), {}, variant);
    // The factory declares 2,400 hours since five years ago: how many fall within the last three is unknown.
    expect(blocking(report).map((f) => [f.code, f.path, f.details['earliestAllowed']])).toEqual([
      ['B1.EXPERIENCE', '/workExperience/experienceDeclaration/activeSince', subtractYears(REFERENCE_DATE, 3)],
    ]);
    expect(run(experience({ hoursSince: subtractYears(REFERENCE_DATE, 3) }), {}, variant).complete).toBe(true);
  });

  it('600 hours counted within the last three years, active for one year only: enough here, not under the toetsingskader', () => {
    const document = experience({ activeSince: subtractYears(REFERENCE_DATE, 1), hours: 600, hoursSince: undefined });
    expect(blockingCodes(run(document, {}, variant))).toEqual([]);
    expect(blocking(run(document, {}, toetsingskader), 'B1.EXPERIENCE').map((f) => f.path)).toEqual([
      '/workExperience/experienceDeclaration/activeSince',
      '/workExperience/experienceDeclaration/hours',
    ]);
  });

  it.each([
    ['599 hours', { hours: 599, hoursSince: subtractYears(REFERENCE_DATE, 3) }, '/workExperience/experienceDeclaration/hours'],
    ['hours counted from exactly three years ago', { hours: 600, hoursSince: subtractYears(REFERENCE_DATE, 3) }, null],
    ['hours counted from three years and one day ago', { hours: 600, hoursSince: addDays(subtractYears(REFERENCE_DATE, 3), -1) }, '/workExperience/experienceDeclaration/hoursSince'],
    ['no counting date, active for ten years', { hours: 5000, activeSince: subtractYears(REFERENCE_DATE, 10) }, '/workExperience/experienceDeclaration/activeSince'],
    ['no counting date and no start date', { hours: 5000, activeSince: undefined }, '/workExperience/experienceDeclaration/hoursSince'],
  ])('%s', (_name, change, path) => {
    const findings = blocking(run(experience(change), {}, variant), 'B1.EXPERIENCE');
    expect(findings.map((f) => f.path)).toEqual(path === null ? [] : [path]);
  });

  describe('route A5, a Noloc-accredited career programme', () => {
    const withProgramme = (attested: Record<string, boolean>, documentId = 'doc-programme') =>
      modify(experience({ hoursSince: subtractYears(REFERENCE_DATE, 2) }), (d) => {
        d.education = { route: 'A5', evidence: [{ kind: 'accreditedProgrammeCertificate', documentId, title: 'Loopbaanopleiding', attested }] };
      });

    it('needs only the programme certificate, no diploma and no course hours', () => {
      const report = run(withProgramme({ nolocAccredited: true, signedByInstitution: true }), {}, variant);
      expect(blockingCodes(report)).toEqual([]);
      expect(report.progress.courses).toBeNull();
      expect(report.progress.education.requirements.map((r) => [r.ruleCode, r.satisfied])).toEqual([['A.PROGRAMME', true]]);
    });

    it.each([
      [{ nolocAccredited: false, signedByInstitution: true }, 'doc-programme', ['nolocAccredited']],
      [{ nolocAccredited: true }, 'doc-programme', ['signedByInstitution']],
      [{ nolocAccredited: true, signedByInstitution: true }, '', ['uploaded']],
    ])('%j (document %p) fails on %j', (attested, documentId, failed) => {
      const findings = blocking(run(withProgramme(attested, documentId), {}, variant), 'A.PROGRAMME');
      expect(findings.map((f) => [f.part, f.path, f.details['failedConditions']])).toEqual([['A', '/education/evidence/0', failed]]);
    });

    it('does not exist under the toetsingskader', () => {
      const report = run(withProgramme({ nolocAccredited: true, signedByInstitution: true }), {}, toetsingskader);
      expect(blockingCodes(report)).toEqual(['A.ROUTE']);
    });
  });

  it('scores the same criteria', () => {
    expect(scoreableCriteria(completePortfolio(), variant)).toEqual(scoreableCriteria(completePortfolio(), toetsingskader));
  });
});

describe('the core tasks of a trajectory come from the rulebook', () => {
  const withCoreTasks = (coreTasks: string[]): Rulebook => ({ ...toetsingskader, cases: { ...toetsingskader.cases, trajectory: { ...toetsingskader.cases.trajectory, coreTasks } } });
  const notRelevantInCase2 = (task: string): PortfolioDocument =>
    modify(completePortfolio(), (d) => {
      const tasks = d.cases?.[1]?.tasks;
      if (tasks) tasks[task] = { status: 'not_relevant', notRelevantMotivation: 'Speelde in dit traject niet.' };
    });

  it.each<[string, string[], string, string[]]>([
    ['task 3 is not core in the toetsingskader', ['0', '1', '2', '7'], '3', []],
    ['task 3 made core', ['0', '3'], '3', ['/cases/1/tasks/3']],
    ['task 1 is core in the toetsingskader', ['0', '1', '2', '7'], '1', ['/cases/1/tasks/1']],
    ['no core tasks', [], '1', []],
  ])('%s', (_name, coreTasks, task, paths) => {
    const report = run(notRelevantInCase2(task), {}, withCoreTasks(coreTasks));
    expect(blocking(report).map((f) => [f.code, f.path])).toEqual(paths.map((p) => ['C.TRAJECTORY', p]));
  });

  it('without core tasks a case must still describe at least one task', () => {
    const document = modify(completePortfolio(), (d) => {
      const second = d.cases?.[1];
      if (second) second.tasks = Object.fromEntries(toetsingskader.cases.tasks.map((t) => [t.id, { status: 'not_relevant', notRelevantMotivation: 'Niet aan de orde.' }]));
    });
    const findings = blocking(run(document, { lang: 'en' }, withCoreTasks([])));
    expect(findings.map((f) => [f.code, f.path, f.details['reason']])).toEqual([['C.TRAJECTORY', '/cases/1/tasks', 'no_task_described']]);
    expect(findings[0]?.text).toMatch(/Describe the tasks you carried out in this trajectory\.$/);
  });
});

describe('the engine reads every number from the rulebook', () => {
  const tweak = (change: (r: Rulebook) => Rulebook): Rulebook => change(structuredClone(toetsingskader));
  it.each<[string, (r: Rulebook) => Rulebook, string]>([
    ['course hours 99', (r) => ({ ...r, education: { ...r.education, routes: r.education.routes.map((route) => ({ ...route, evidence: route.evidence.map((e) => (e.minStudyLoadHours === undefined ? e : { ...e, minStudyLoadHours: 99 })) })) } }), 'A.COURSES'],
    ['27 hours per ECTS', (r) => ({ ...r, education: { ...r.education, hoursPerEcts: 27 } }), 'A.COURSES'],
    ['2,401 hours of experience', (r) => ({ ...r, workExperience: { ...r.workExperience, experience: { ...r.workExperience.experience, minHours: 2401 } } }), 'B1.EXPERIENCE'],
    ['6 years active', (r) => ({ ...r, workExperience: { ...r.workExperience, experience: { ...r.workExperience.experience, minYearsActive: 6 } } }), 'B1.EXPERIENCE'],
    ['3 cases', (r) => ({ ...r, cases: { ...r.cases, count: 3 } }), 'C.CASE_COUNT'],
    ['cases from the last 0 years only', (r) => ({ ...r, cases: { ...r.cases, recencyYears: 0 } }), 'C.CASE_RECENT'],
    ['6 knowledge areas', (r) => ({ ...r, cases: { ...r.cases, knowledge: { ...r.cases.knowledge, minCovered: 6 } } }), 'C.KNOWLEDGE'],
    ['6 competences', (r) => ({ ...r, cases: { ...r.cases, competences: { ...r.cases.competences, minCovered: 6 } } }), 'C.COMPETENCES'],
    ['a fifth attitude question', (r) => ({ ...r, cases: { ...r.cases, attitude: { ...r.cases.attitude, criteria: [...r.cases.attitude.criteria, { id: 'nieuw', title: { nl: 'n', en: 'n' }, description: { nl: 'd', en: 'd' }, question: { nl: 'v', en: 'q' } }] } } }), 'C.ATTITUDE'],
    ['a ninth task', (r) => ({ ...r, cases: { ...r.cases, tasks: [...r.cases.tasks, { ...(r.cases.tasks[0] as Rulebook['cases']['tasks'][number]), id: '8' }] } }), 'C.TASKS'],
    ['a fifth plan question', (r) => ({ ...r, developmentPlan: { ...r.developmentPlan, questions: [...r.developmentPlan.questions, { id: '5', text: { nl: 'v', en: 'q' } }] } }), 'D.PLAN'],
    ['a fourth declaration', (r) => ({ ...r, declarations: [...r.declarations, { key: 'reglement', ruleCode: 'E.REGLEMENT', versioned: true, text: { nl: 'r', en: 'r' } }] }), 'E.REGLEMENT'],
  ])('%s', (_name, change, code) => {
    const document = completePortfolio();
    expect(run(document, {}, toetsingskader).complete).toBe(true);
    expect(blockingCodes(run(document, {}, tweak(change)))).toEqual([code]);
  });
});
