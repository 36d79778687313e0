import type { EvaluationReport } from '../engine/report.types';
import { completePortfolio, modify } from '../testing/portfolio.factory';
import { runCheck } from './run-check';

beforeEach(() => expect.hasAssertions());

const files: Record<string, string> = {
  'complete.json': JSON.stringify(completePortfolio('2026-03-02')),
  'incomplete.json': JSON.stringify(modify(completePortfolio('2026-03-02'), (d) => delete d.developmentPlan)),
  'invalid.json': JSON.stringify({ schemaVersion: 1, rulebookVersion: 'toetsingskader-initieel-v1', naam: 'x' }),
  'unknown-version.json': JSON.stringify({ schemaVersion: 1, rulebookVersion: 'toetsingskader-1999' }),
  'not-json.json': '{ "schemaVersion": 1,',
  // complete on 2028-02-28 and 2028-02-29, except that its first case ended on 2026-02-28
  'case-ended-2026-02-28.json': JSON.stringify(
    modify(completePortfolio('2028-02-28'), (d) => {
      const first = d.cases?.[0];
      if (first) first.period = { start: '2025-10-06', end: '2026-02-28' };
    }),
  ),
  'case-without-tasks.json': JSON.stringify(
    modify(completePortfolio('2026-03-02'), (d) => {
      const second = d.cases?.[1];
      if (second) second.tasks = Object.fromEntries(['0', '1', '2', '3', '4', '5', '6', '7'].map((id) => [id, { status: 'not_relevant', notRelevantMotivation: 'Speelde niet.' }]));
    }),
  ),
};
const readFile = (path: string): string => {
  const content = files[path];
  if (content === undefined) throw new Error(`ENOENT: no such file or directory, open '${path}'`);
  return content;
};
const check = (...argv: string[]) => runCheck(argv, readFile, { today: '2026-03-02' });
const parsed = (stdout: string) => JSON.parse(stdout) as EvaluationReport & { ok?: boolean; kind?: string; errors?: { path: string; message: string }[] };

describe('runCheck', () => {
  it('exit 0 and the report as JSON for a complete portfolio', () => {
    const result = check('complete.json', '--date', '2026-03-02');
    expect(result.exitCode).toBe(0);
    expect(parsed(result.stdout)).toMatchObject({ complete: true, referenceDate: '2026-03-02', rulebookVersion: 'toetsingskader-initieel-v1', findings: [] });
  });

  it('exit 1 with the blocking findings, Dutch text by default and English on request', () => {
    const nl = check('incomplete.json', '--date=2026-03-02');
    expect(nl.exitCode).toBe(1);
    expect(parsed(nl.stdout).findings.map((f) => f.code)).toEqual(['D.PLAN', 'D.PLAN', 'D.PLAN', 'D.PLAN']);
    expect(parsed(nl.stdout).findings[0]?.text).toMatch(/^Beantwoord in je ontwikkelplan/);
    expect(parsed(check('incomplete.json', '--lang', 'en').stdout).findings[0]?.text).toMatch(/^Answer question 1/);
  });

  it('uses the default date when --date is absent', () => {
    expect(parsed(check('complete.json').stdout).referenceDate).toBe('2026-03-02');
    expect(parsed(runCheck(['complete.json'], readFile, { today: '2031-01-01' }).stdout).referenceDate).toBe('2031-01-01');
  });

  it('passes current regulation versions and the warning horizon', () => {
    const stale = check('complete.json', '--gedragscode-version', '2', '--klachtenreglement-version', '1');
    expect(stale.exitCode).toBe(1);
    expect(parsed(stale.stdout).findings.map((f) => [f.code, f.details])).toEqual([
      ['E.GEDRAGSCODE', { accepted: 1, current: 2 }],
    ]);
    const horizon = check('complete.json', '--warn-within-days', '700');
    expect(parsed(horizon.stdout).findings.map((f) => [f.code, f.severity])).toEqual([
      ['C.CASE_RECENT', 'warning'],
      ['C.CASE_RECENT', 'warning'],
    ]);
    expect(horizon.exitCode).toBe(0);
  });

  it('counts a case forward from its end: ended 2026-02-28, it counts on 2028-02-28 and not on 2028-02-29', () => {
    const onThe28th = check('case-ended-2026-02-28.json', '--date', '2028-02-28');
    expect(onThe28th.exitCode).toBe(0);
    expect(parsed(onThe28th.stdout).progress.countsUntil).toContainEqual(expect.objectContaining({ path: '/cases/0', countsUntil: '2028-02-28', daysLeft: 0 }));
    const onTheLeapDay = check('case-ended-2026-02-28.json', '--date', '2028-02-29');
    expect(onTheLeapDay.exitCode).toBe(1);
    expect(parsed(onTheLeapDay.stdout).findings.map((f) => [f.code, f.severity, f.details['earliestEnd']])).toEqual([['C.CASE_RECENT', 'blocking', '2026-03-01']]);
  });

  it('exit 1 for a case that marks every task not relevant (C.TRAJECTORY), in Dutch and English', () => {
    const result = check('case-without-tasks.json', '--date', '2026-03-02');
    expect(result.exitCode).toBe(1);
    expect(parsed(result.stdout).findings.map((f) => [f.code, f.path])).toEqual([['C.TRAJECTORY', '/cases/1/tasks']]);
    expect(parsed(result.stdout).findings[0]?.text).toMatch(/^In casus 2 .* is geen enkele taak beschreven\./);
    expect(parsed(check('case-without-tasks.json', '--lang', 'en').stdout).findings[0]?.text).toMatch(/^Case 2 .* describes no task at all\./);
  });

  it.each([
    ['no file', [], 'arguments', '<portfolio.json>'],
    ['two files', ['a.json', 'b.json'], 'arguments', '<portfolio.json>'],
    ['an unknown option', ['complete.json', '--verbose'], 'arguments', '--verbose'],
    ['a bad date', ['complete.json', '--date', '2026-02-30'], 'arguments', '--date'],
    ['a date without value', ['complete.json', '--date'], 'arguments', '--date'],
    ['a bad language', ['complete.json', '--lang', 'de'], 'arguments', '--lang'],
    ['a bad version', ['complete.json', '--gedragscode-version', 'drie'], 'arguments', '--gedragscode-version'],
    ['a missing file', ['missing.json'], 'file', 'missing.json'],
    ['a file that is not JSON', ['not-json.json'], 'json', 'not-json.json'],
    ['a document that does not match the schema', ['invalid.json'], 'document', '/naam'],
    ['an unknown rulebook version', ['unknown-version.json'], 'rulebook', '/rulebookVersion'],
  ])('exit 2 for %s, errors as JSON without a stack trace', (_name, argv, kind, path) => {
    const result = check(...argv);
    expect(result.exitCode).toBe(2);
    const output = parsed(result.stdout);
    expect(output).toMatchObject({ ok: false, kind });
    expect(output.errors?.map((e) => e.path)).toContain(path);
    expect(result.stdout).not.toMatch(/\n\s+at /);
  });

  it('needs a date when there is no default', () => {
    const result = runCheck(['complete.json'], readFile);
    expect(result.exitCode).toBe(2);
    expect(parsed(result.stdout).errors).toEqual([{ path: '--date', message: 'missing reference date (YYYY-MM-DD)' }]);
  });

  it('prints usage for --help', () => {
    expect(check('--help')).toEqual({ exitCode: 0, stdout: expect.stringMatching(/^Usage: check <portfolio\.json>/) });
  });
});
