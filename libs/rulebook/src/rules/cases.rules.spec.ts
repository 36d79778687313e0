import { addDays, subtractYears } from '../dates/calendar-date.util';
import type { Casus, PortfolioDocument, TaskEntry } from '../document/portfolio-document.types';
import { blocking, blockingCodes, run, warningCodes, warnings } from '../testing/evaluate.helpers';
import { completePortfolio, modify, REFERENCE_DATE, type Draft } from '../testing/portfolio.factory';

beforeEach(() => expect.hasAssertions());

function withCases(change: (cases: Draft<Casus>[]) => void): PortfolioDocument {
  return modify(completePortfolio(), (d) => {
    const cases = d.cases ?? [];
    change(cases);
    d.cases = cases;
  });
}

const at = (cases: Draft<Casus>[], index: number): Draft<Casus> => {
  const casus = cases[index];
  if (casus === undefined) throw new Error(`no case ${index}`);
  return casus;
};

describe('C.CASE_COUNT', () => {
  it.each([
    [0, false],
    [1, false],
    [2, true],
    [3, false],
  ])('%d cases: ok %p', (count, ok) => {
    const document = withCases((cases) => {
      const [first, second] = [at(cases, 0), at(cases, 1)];
      cases.splice(0, cases.length, ...[first, second, structuredClone(second)].slice(0, count));
    });
    const findings = blocking(run(document), 'C.CASE_COUNT');
    expect(findings.length === 0).toBe(ok);
    if (!ok) expect(findings[0]?.details).toEqual({ cases: count, required: 2 });
  });

  it('one case: the other case rules still judge the one case', () => {
    const report = run(withCases((cases) => cases.splice(1, 1)));
    // The second case held knowledge areas 2 and 4 and two competences.
    expect(blockingCodes(report)).toEqual(['C.CASE_COUNT', 'C.COMPETENCES', 'C.KNOWLEDGE']);
  });
});

describe('C.CASE_MOTIVATION', () => {
  it.each([
    ['Omdat dit traject laat zien…', []],
    ['   ', ['/cases/1/whyChosen']],
    [undefined, ['/cases/1/whyChosen']],
  ])('whyChosen %p', (whyChosen, paths) => {
    const report = run(
      withCases((cases) => {
        if (whyChosen === undefined) delete at(cases, 1).whyChosen;
        else at(cases, 1).whyChosen = whyChosen;
      }),
    );
    expect(blocking(report, 'C.CASE_MOTIVATION').map((f) => f.path)).toEqual(paths);
  });
});

describe('C.CASE_RECENT', () => {
  const twoYearsAgo = subtractYears(REFERENCE_DATE, 2);
  const withPeriod = (period: Casus['period'], warnWithinDays?: number) =>
    run(
      withCases((cases) => {
        at(cases, 0).period = period === undefined ? undefined : { ...period };
        if (period === undefined) delete at(cases, 0).period;
      }),
      warnWithinDays === undefined ? {} : { warnWithinDays },
    );

  it.each([
    ['ended exactly two years ago', { start: '2023-09-01', end: twoYearsAgo }, null],
    ['ended two years and one day ago', { start: '2023-09-01', end: addDays(twoYearsAgo, -1) }, 'too_old'],
    ['ended on the reference date', { start: '2025-09-01', end: REFERENCE_DATE }, null],
    ['still running (end null)', { start: '2025-09-01', end: null }, 'ongoing'],
    ['no end date', { start: '2025-09-01' }, 'missing_end'],
    ['no period', undefined, 'missing_end'],
    ['ends after the reference date', { start: '2025-09-01', end: addDays(REFERENCE_DATE, 1) }, 'end_after_reference_date'],
    ['ends before it starts', { start: '2025-09-01', end: '2025-08-01' }, 'end_before_start'],
  ])('%s', (_name, period, status) => {
    const findings = blocking(withPeriod(period), 'C.CASE_RECENT');
    expect(findings.map((f) => f.details['status'])).toEqual(status === null ? [] : [status]);
    if (status === 'too_old') expect(findings[0]?.details).toMatchObject({ earliestEnd: twoYearsAgo, end: addDays(twoYearsAgo, -1) });
  });

  it('leap day: a case that ended 2022-02-28 counts until 2024-02-28, not on 2024-02-29 (every leap-day boundary: age-rules.spec.ts)', () => {
    const document = modify(completePortfolio('2024-02-29'), (d) => {
      const first = d.cases?.[0];
      if (first) first.period = { start: '2021-10-01', end: '2022-02-28' };
    });
    expect(blocking(run(document, { referenceDate: '2024-02-28' }), 'C.CASE_RECENT')).toEqual([]);
    expect(blocking(run(document, { referenceDate: '2024-02-29' }), 'C.CASE_RECENT').map((f) => f.details)).toEqual([
      { caseIndex: 0, status: 'too_old', end: '2022-02-28', earliestEnd: '2022-03-01' },
    ]);
  });

  it('warns, without blocking, when a case stops counting within the horizon', () => {
    const end = addDays(twoYearsAgo, 30); // counts for 30 more days
    const report = withPeriod({ start: '2023-09-01', end });
    expect(report.complete).toBe(true);
    expect(warnings(report, 'C.CASE_RECENT')[0]).toMatchObject({
      path: '/cases/0/period/end',
      details: { countsUntil: addDays(REFERENCE_DATE, 30), daysLeft: 30, end },
    });
    expect(warnings(withPeriod({ start: '2023-09-01', end }, 30), 'C.CASE_RECENT')).toEqual([]);
    expect(report.progress.countsUntil).toContainEqual(expect.objectContaining({ path: '/cases/0', subject: 'case', countsUntil: addDays(REFERENCE_DATE, 30), daysLeft: 30 }));
  });
});

describe('C.TASKS', () => {
  const withTask = (caseIndex: number, task: string, entry: TaskEntry | Record<string, unknown> | undefined) =>
    run(
      withCases((cases) => {
        const tasks = at(cases, caseIndex).tasks ?? {};
        if (entry === undefined) delete tasks[task];
        else tasks[task] = entry;
        at(cases, caseIndex).tasks = tasks;
      }),
    );
  const notRelevant: TaskEntry = { status: 'not_relevant', notRelevantMotivation: 'In dit traject speelde deze stap niet, omdat …' };

  it('a task not relevant in one case (with motivation) and described in the other is fine', () => {
    const report = withTask(1, '6', notRelevant);
    expect(blockingCodes(report)).toEqual([]);
    expect(report.progress.taskCoverage.find((r) => r.task === '6')).toEqual({
      task: '6',
      described: true,
      cells: [
        { caseIndex: 0, caseId: 'casus-1', status: 'described', motivated: null },
        { caseIndex: 1, caseId: 'casus-2', status: 'not_relevant', motivated: true },
      ],
    });
  });

  it('a task not relevant in both cases fails', () => {
    const report = run(
      withCases((cases) => {
        for (const c of cases) c.tasks = { ...c.tasks, '6': notRelevant };
      }),
    );
    const findings = blocking(report, 'C.TASKS');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ path: '/cases/1/tasks/6', details: { task: '6', reason: 'not_relevant_in_all_cases', casesNotRelevant: 2 } });
    expect(report.progress.taskCoverage.find((r) => r.task === '6')?.described).toBe(false);
  });

  it.each([
    ['not relevant without motivation', { status: 'not_relevant' }, '/cases/1/tasks/3/notRelevantMotivation', 'not_relevant_without_motivation'],
    ['not relevant with a blank motivation', { status: 'not_relevant', notRelevantMotivation: '  ' }, '/cases/1/tasks/3/notRelevantMotivation', 'not_relevant_without_motivation'],
    ['missing in one case', undefined, '/cases/1/tasks/3', 'missing'],
    ['described but without text', { status: 'described', text: ' ' }, '/cases/1/tasks/3', 'missing'],
    ['explicitly missing', { status: 'missing', text: 'klad' }, '/cases/1/tasks/3', 'missing'],
  ])('%s fails', (_name, entry, path, reason) => {
    const findings = blocking(withTask(1, '3', entry), 'C.TASKS');
    expect(findings.map((f) => [f.path, f.details['reason']])).toEqual([[path, reason]]);
  });

  it('text without a status counts as described', () => {
    expect(blockingCodes(withTask(1, '3', { text: 'Ik zette de levenslijn in.' }))).toEqual([]);
  });

  it('a task missing in both cases gives one finding per case', () => {
    const report = run(
      withCases((cases) => {
        for (const c of cases) delete c.tasks?.['0'];
      }),
    );
    expect(blocking(report, 'C.TASKS').map((f) => f.path)).toEqual(['/cases/0/tasks/0', '/cases/1/tasks/0']);
    expect(report.progress.parts.C).toEqual({ done: 25, total: 26 });
  });
});

describe('C.TRAJECTORY', () => {
  const ALL_TASKS = ['0', '1', '2', '3', '4', '5', '6', '7'];
  const motivated = (id: string): TaskEntry => ({ status: 'not_relevant', notRelevantMotivation: `Taak ${id} speelde in dit traject niet, omdat …` });
  const withTasks = (caseIndex: number, entries: Record<string, TaskEntry | undefined>) =>
    run(
      withCases((cases) => {
        const tasks = at(cases, caseIndex).tasks ?? {};
        for (const [id, entry] of Object.entries(entries)) {
          if (entry === undefined) delete tasks[id];
          else tasks[id] = entry;
        }
        at(cases, caseIndex).tasks = tasks;
      }),
      { lang: 'nl' },
    );
  const notRelevant = (caseIndex: number, ids: readonly string[]) => withTasks(caseIndex, Object.fromEntries(ids.map((id) => [id, motivated(id)])));

  it('a case in which every task is not relevant (each with a motivation) is no trajectory, even when the other case describes every task', () => {
    const report = notRelevant(1, ALL_TASKS);
    expect(report.complete).toBe(false);
    expect(blockingCodes(report)).toEqual(['C.TRAJECTORY']);
    expect(blocking(report, 'C.TRAJECTORY').map((f) => [f.path, f.details])).toEqual([
      ['/cases/1/tasks', { caseIndex: 1, reason: 'no_task_described', notRelevant: ALL_TASKS, coreTasks: ['0', '1', '2', '7'] }],
    ]);
    expect(blocking(report, 'C.TRAJECTORY')[0]?.message).toEqual({
      nl: expect.stringMatching(/^In casus 2 \(‘Casus 2’\) is geen enkele taak beschreven\. .*taak 0, 1, 2 en 7/),
      en: expect.stringMatching(/^Case 2 \(‘Casus 2’\) describes no task at all\. .*tasks 0, 1, 2 and 7/),
    });
  });

  it('the same in the first case', () => {
    expect(blocking(notRelevant(0, ALL_TASKS), 'C.TRAJECTORY').map((f) => [f.path, f.details['reason']])).toEqual([['/cases/0/tasks', 'no_task_described']]);
  });

  it.each([
    ['0', true],
    ['1', true],
    ['2', true],
    ['3', false],
    ['4', false],
    ['5', false],
    ['6', false],
    ['7', true],
  ])('task %s marked not relevant (with a motivation) in case 2 and described in case 1: blocks %p', (task, blocks) => {
    const report = notRelevant(1, [task]);
    expect(blocking(report, 'C.TASKS')).toEqual([]);
    expect(blocking(report, 'C.TRAJECTORY').map((f) => [f.path, f.details])).toEqual(
      blocks ? [[`/cases/1/tasks/${task}`, { caseIndex: 1, task, reason: 'core_task_not_relevant', coreTasks: ['0', '1', '2', '7'] }]] : [],
    );
    expect(report.complete).toBe(!blocks);
  });

  it('every core task marked not relevant gives one finding per task; the phases 3–6 described keep it from being "no task"', () => {
    const report = notRelevant(0, ['0', '1', '2', '7']);
    expect(blocking(report, 'C.TRAJECTORY').map((f) => f.path)).toEqual(['/cases/0/tasks/0', '/cases/0/tasks/1', '/cases/0/tasks/2', '/cases/0/tasks/7']);
    expect(blocking(report, 'C.TRAJECTORY')[0]?.text).toMatch(/^Taak 0 \(.+\) hoort bij elk begeleidingstraject/);
  });

  it('the phase tasks 3–6 may all be not relevant in one case when the other case describes them', () => {
    const report = notRelevant(1, ['3', '4', '5', '6']);
    expect(report.complete).toBe(true);
    expect(report.findings).toEqual([]);
  });

  it('a core task marked not relevant without a motivation: describe it (C.TRAJECTORY), not "motivate it" (C.TASKS)', () => {
    const report = withTasks(1, { '1': { status: 'not_relevant' } });
    expect(blocking(report).map((f) => [f.code, f.path])).toEqual([['C.TRAJECTORY', '/cases/1/tasks/1']]);
  });

  it('a non-core task marked not relevant without a motivation still asks for the motivation', () => {
    const report = withTasks(1, { '4': { status: 'not_relevant' } });
    expect(blocking(report).map((f) => [f.code, f.path])).toEqual([['C.TASKS', '/cases/1/tasks/4/notRelevantMotivation']]);
  });

  it('an empty core task is a C.TASKS finding that does not offer "not relevant"; an empty phase task does', () => {
    const core = blocking(withTasks(1, { '7': undefined }));
    expect(core.map((f) => [f.code, f.path, f.details['reason']])).toEqual([['C.TASKS', '/cases/1/tasks/7', 'missing']]);
    expect(core[0]?.message.nl).toMatch(/^Beschrijf taak 7 \(.+\) in casus 2 \(‘Casus 2’\); deze taak hoort bij elk begeleidingstraject\.$/);
    expect(core[0]?.message.en).not.toMatch(/not relevant/);
    const phase = blocking(withTasks(1, { '5': undefined }));
    expect(phase.map((f) => [f.code, f.path])).toEqual([['C.TASKS', '/cases/1/tasks/5']]);
    expect(phase[0]?.message.nl).toMatch(/of motiveer waarom de taak in dit traject niet relevant was\.$/);
  });

  it('a case with no tasks at all is left to C.TASKS (one finding per task), not reported twice', () => {
    const report = run(withCases((cases) => delete at(cases, 1).tasks));
    expect(blockingCodes(report)).toEqual(['C.TASKS']);
  });

  it('adds one checklist item per case to part C', () => {
    expect(run(completePortfolio()).progress.parts.C).toEqual({ done: 26, total: 26 });
    expect(notRelevant(1, ALL_TASKS).progress.parts.C).toEqual({ done: 25, total: 26 });
    expect(notRelevant(1, ['0', '7']).progress.parts.C).toEqual({ done: 25, total: 26 });
  });
});

describe('C.KNOWLEDGE', () => {
  const withAreas = (first: string[], second: string[]) =>
    run(
      withCases((cases) => {
        at(cases, 0).knowledgeAreaReflections = Object.fromEntries(first.map((id) => [id, `Kennisgebied ${id} in casus 1.`]));
        at(cases, 1).knowledgeAreaReflections = Object.fromEntries(second.map((id) => [id, `Kennisgebied ${id} in casus 2.`]));
      }),
    );

  it.each([
    ['3 areas (1, 2, 3)', ['1', '2'], ['3'], { coveredCount: 3, missingMandatory: [] }],
    ['4 areas (1, 2, 3, 4)', ['1', '2'], ['3', '4'], null],
    ['4 areas without area 2 (1, 3, 4, 5)', ['1', '3'], ['4', '5'], { coveredCount: 4, missingMandatory: ['2'] }],
    ['4 areas without area 1', ['2', '3'], ['4', '5'], { coveredCount: 4, missingMandatory: ['1'] }],
    ['all 5, spread over the cases', ['1', '3', '5'], ['2', '4'], null],
    ['the same area in both cases counts once', ['1', '2', '3'], ['1', '2', '3'], { coveredCount: 3 }],
    ['all 4 in one case', ['1', '2', '3', '4'], [], null],
  ])('%s', (_name, first, second, failure) => {
    const findings = blocking(withAreas(first, second), 'C.KNOWLEDGE');
    if (failure === null) expect(findings).toEqual([]);
    else expect(findings[0]?.details).toMatchObject({ required: 4, mandatory: ['1', '2'], ...failure });
  });

  it('a blank reflection does not count as a claimed area', () => {
    const report = run(
      withCases((cases) => {
        at(cases, 0).knowledgeAreaReflections = { '1': 'Savickas.', '3': ' ', '5': 'Organisatie.' };
        at(cases, 1).knowledgeAreaReflections = { '2': 'Erikson.' };
      }),
    );
    expect(report.progress.knowledgeAreas.covered).toEqual(['1', '2', '5']);
    expect(blocking(report, 'C.KNOWLEDGE')[0]?.details).toMatchObject({ coveredCount: 3, missing: ['3', '4'] });
  });

  it('progress counts the areas across both cases', () => {
    const report = withAreas(['1', '3'], ['3', '5']);
    expect(report.progress.knowledgeAreas).toMatchObject({ covered: ['1', '3', '5'], missingMandatory: ['2'], satisfied: false });
    expect(report.progress.knowledgeAreas.items.find((i) => i.id === '3')?.caseIndexes).toEqual([0, 1]);
  });
});

describe('C.COMPETENCES', () => {
  it.each([
    ['all 5 spread over the cases', ['methodisch-werken', 'inlevingsvermogen', 'adviseren'], ['effectief-communiceren', 'coachen'], []],
    ['4 of 5', ['methodisch-werken', 'inlevingsvermogen', 'adviseren'], ['effectief-communiceren'], ['coachen']],
    ['4 of 5, the fifth only blank', ['methodisch-werken', 'inlevingsvermogen', 'adviseren'], ['effectief-communiceren', 'coachen:blank'], ['coachen']],
  ])('%s', (_name, first, second, missing) => {
    const toRecord = (ids: string[]) => Object.fromEntries(ids.map((id) => (id.endsWith(':blank') ? [id.split(':')[0], '\n'] : [id, `Reflectie ${id}.`])));
    const report = run(
      withCases((cases) => {
        at(cases, 0).competenceReflections = toRecord(first);
        at(cases, 1).competenceReflections = toRecord(second);
      }),
    );
    const findings = blocking(report, 'C.COMPETENCES');
    expect(findings.map((f) => f.details['missing'])).toEqual(missing.length === 0 ? [] : [missing]);
    expect(report.progress.parts.C.done === report.progress.parts.C.total).toBe(missing.length === 0);
  });
});

describe('C.ATTITUDE', () => {
  it('an attitude question missing in one case fails for that case only', () => {
    const report = run(withCases((cases) => delete at(cases, 1).attitudeAnswers?.['zelfreflectie']));
    expect(blocking(report, 'C.ATTITUDE').map((f) => [f.path, f.details])).toEqual([
      ['/cases/1/attitudeAnswers/zelfreflectie', { caseIndex: 1, criterion: 'zelfreflectie' }],
    ]);
  });

  it('all four answered in both cases passes; answers are not shared between cases', () => {
    expect(blocking(run(completePortfolio()), 'C.ATTITUDE')).toEqual([]);
    const report = run(withCases((cases) => (at(cases, 0).attitudeAnswers = {})));
    expect(blocking(report, 'C.ATTITUDE')).toHaveLength(4);
  });
});

describe('C.DIVERSITY (warning)', () => {
  it.each([
    ['same question and client type', ['outplacement', 'werknemer'], ['Outplacement ', ' WERKNEMER'], true],
    ['same question, other client', ['outplacement', 'werknemer'], ['outplacement', 'zzp-er'], false],
    ['other question, same client', ['outplacement', 'werknemer'], ['interne mobiliteit', 'werknemer'], false],
    ['types not filled in', ['', ''], ['', ''], false],
  ])('%s → warning %p', (_name, [q1, c1], [q2, c2], warned) => {
    const report = run(
      withCases((cases) => {
        Object.assign(at(cases, 0), { questionType: q1, clientType: c1 });
        Object.assign(at(cases, 1), { questionType: q2, clientType: c2 });
      }),
    );
    expect(warningCodes(report)).toEqual(warned ? ['C.DIVERSITY'] : []);
    expect(report.complete).toBe(true); // warnings never block
  });
});
