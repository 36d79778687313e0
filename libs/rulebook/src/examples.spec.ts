import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCheck } from './cli/run-check';
import type { EvaluationReport } from './engine/report.types';

beforeEach(() => expect.hasAssertions());

/**
 * Every example portfolio in docs/examples/ is checked here, as docs/examples/README.md describes:
 * on 2026-12-01 with the current versions gedragscode 3 and klachtenreglement 2.
 */
const dir = join(__dirname, '..', '..', '..', 'docs', 'examples');
const ARGS = ['--date', '2026-12-01', '--gedragscode-version', '3', '--klachtenreglement-version', '2'];

const EXPECTED: Record<string, { exitCode: 0 | 1 | 2; blocking: string[]; warnings: string[] }> = {
  'complete.json': { exitCode: 0, blocking: [], warnings: [] },
  'complete-evc-expiring.json': { exitCode: 0, blocking: [], warnings: ['A.EVC'] },
  'incomplete-courses-97h.json': { exitCode: 1, blocking: ['A.COURSES'], warnings: [] },
  'incomplete-task-not-relevant-twice.json': { exitCode: 1, blocking: ['C.TASKS'], warnings: [] },
  'incomplete-case-not-a-trajectory.json': { exitCode: 1, blocking: ['C.TRAJECTORY'], warnings: [] },
  'incomplete-knowledge-area-2-missing.json': { exitCode: 1, blocking: ['C.KNOWLEDGE'], warnings: [] },
  'incomplete-case-too-old.json': { exitCode: 1, blocking: ['C.CASE_RECENT'], warnings: [] },
  'incomplete-stale-gedragscode.json': { exitCode: 1, blocking: ['E.GEDRAGSCODE'], warnings: [] },
  'incomplete-draft.json': {
    exitCode: 1,
    blocking: ['A.DIPLOMA', 'B1.ACTIVE', 'B1.EXPERIENCE', 'B2.CV', 'C.ATTITUDE', 'C.CASE_COUNT', 'C.CASE_RECENT', 'C.COMPETENCES', 'C.KNOWLEDGE', 'C.TASKS', 'D.PLAN', 'E.KLACHTENREGLEMENT', 'E.TRUTHFUL'],
    warnings: [],
  },
  'invalid-document.json': { exitCode: 2, blocking: [], warnings: [] },
};

const readFile = (name: string): string => readFileSync(join(dir, name), 'utf8');
const distinct = (codes: string[]) => [...new Set(codes)].sort();

describe('docs/examples', () => {
  it('holds exactly the examples listed here and in its README', () => {
    const files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
    expect(files).toEqual(Object.keys(EXPECTED).sort());
    const readme = readFileSync(join(dir, 'README.md'), 'utf8');
    for (const file of files) expect(readme).toContain(file);
  });

  it.each(Object.entries(EXPECTED))('%s', (file, expected) => {
    const result = runCheck([file, ...ARGS], readFile);
    expect(result.exitCode).toBe(expected.exitCode);
    if (expected.exitCode === 2) {
      const output = JSON.parse(result.stdout) as { kind: string; errors: unknown[] };
      expect(output.kind).toBe('document');
      expect(output.errors.length).toBeGreaterThan(0);
      return;
    }
    const report = JSON.parse(result.stdout) as EvaluationReport;
    expect(distinct(report.findings.filter((f) => f.severity === 'blocking').map((f) => f.code))).toEqual(expected.blocking);
    expect(distinct(report.findings.filter((f) => f.severity === 'warning').map((f) => f.code))).toEqual(expected.warnings);
  });

  it('the complete example counts its course hours per certificate', () => {
    const report = JSON.parse(runCheck(['complete.json', ...ARGS], readFile).stdout) as EvaluationReport;
    expect(report.progress.courses?.hoursCounted).toBe(98);
    expect(report.progress.courses?.certificates.map((c) => [c.documentId, c.counts, c.studyLoadHours])).toEqual([
      ['doc-91c4e5b7', true, 84],
      ['doc-2b8e60d4', true, 14],
      ['doc-c03a9f11', false, 0],
    ]);
  });

  it('the case that marks every task not relevant is no trajectory, although every task is described in the other case', () => {
    const report = JSON.parse(runCheck(['incomplete-case-not-a-trajectory.json', ...ARGS], readFile).stdout) as EvaluationReport;
    expect(report.findings.map((f) => [f.code, f.path, f.details['reason']])).toEqual([['C.TRAJECTORY', '/cases/1/tasks', 'no_task_described']]);
    expect(report.progress.taskCoverage.every((row) => row.described)).toBe(true);
  });

  it('the 97.9-hour example misses by a tenth of an hour', () => {
    const report = JSON.parse(runCheck(['incomplete-courses-97h.json', ...ARGS], readFile).stdout) as EvaluationReport;
    expect(report.findings[0]?.details).toMatchObject({ hoursCounted: 97.9, hoursRequired: 98 });
  });
});
