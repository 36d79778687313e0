import { startTestPlatform, TestPlatform } from '@rlp/testing';
import { api, readyToSubmit, type Candidate } from './support/candidate-journey';

/**
 * Issue 19 in the live completeness report (ADR 0011): ages count forward from the date, so on
 * 29 February 2028 a case that ended on 28 February 2026 is two years and one day old; and a case
 * that marks every task not relevant is no trajectory, even when the other case describes them all.
 */
const TODAY = '2028-02-29';

interface Report {
  complete: boolean;
  referenceDate: string;
  findings: Array<{ code: string; severity: string; path: string; section: string | null; text?: string; details: Record<string, unknown> }>;
  progress: { countsUntil: Array<{ path: string; countsUntil: string; daysLeft: number }> };
}

describe('live completeness report: ages across 29 February and the core of a trajectory (e2e)', () => {
  let p: TestPlatform;
  let c: Candidate;
  let portfolioId: string;

  beforeAll(async () => {
    p = await startTestPlatform({ now: new Date(`${TODAY}T10:00:00Z`) });
    ({ c, portfolioId } = await readyToSubmit(p, TODAY));
  });
  afterAll(() => p.close());

  const completeness = async (): Promise<Report> => (await api(p).get(`/portfolios/${portfolioId}/completeness?lang=nl`).set(c.auth).expect(200)).body as Report;

  /** Reads a case section, changes it, saves it whole with its ETag. */
  async function editCase(section: 'case-1' | 'case-2', change: (content: Record<string, unknown>) => void): Promise<void> {
    const current = await api(p).get(`/portfolios/${portfolioId}/sections/${section}`).set(c.auth).expect(200);
    const content = structuredClone(current.body.content) as Record<string, unknown>;
    delete content['id'];
    change(content);
    await api(p).put(`/portfolios/${portfolioId}/sections/${section}`).set(c.auth).set('If-Match', current.headers['etag'] as string).send(content).expect(200);
  }

  it('starts complete on the leap day', async () => {
    const report = await completeness();
    expect({ complete: report.complete, referenceDate: report.referenceDate, findings: report.findings }).toEqual({ complete: true, referenceDate: TODAY, findings: [] });
  });

  it('a case that ended on 2026-02-28 no longer counts on 2028-02-29; one that ended on 2026-03-01 does', async () => {
    await editCase('case-1', (content) => (content['period'] = { start: '2025-10-06', end: '2026-02-28' }));
    const tooOld = await completeness();
    expect(tooOld.complete).toBe(false);
    expect(tooOld.findings.map((f) => [f.code, f.severity, f.path, f.section, f.details['status'], f.details['earliestEnd']])).toEqual([
      ['C.CASE_RECENT', 'blocking', '/cases/0/period/end', 'case-1', 'too_old', '2026-03-01'],
    ]);
    expect(tooOld.progress.countsUntil.find((e) => e.path === '/cases/0')).toMatchObject({ countsUntil: '2028-02-28', daysLeft: -1 });
    const { revision } = (await api(p).get(`/portfolios/${portfolioId}`).set(c.auth).expect(200)).body as { revision: string };
    const refused = await api(p).post(`/portfolios/${portfolioId}/submit`).set(c.auth).set('Idempotency-Key', 'issue-19-case-too-old').send({ revision }).expect(422);
    expect(refused.body.code).toBe('PORTFOLIO_INCOMPLETE');

    await editCase('case-1', (content) => (content['period'] = { start: '2025-10-06', end: '2026-03-01' }));
    const counts = await completeness();
    expect(counts.complete).toBe(true);
    expect(counts.findings.map((f) => [f.code, f.severity, f.details['countsUntil'], f.details['daysLeft']])).toEqual([['C.CASE_RECENT', 'warning', '2028-03-01', 1]]);
  });

  it('a case that marks every task not relevant, each with a motivation, blocks with C.TRAJECTORY on its tasks', async () => {
    await editCase('case-2', (content) => {
      content['tasks'] = Object.fromEntries(['0', '1', '2', '3', '4', '5', '6', '7'].map((id) => [id, { status: 'not_relevant', notRelevantMotivation: `Taak ${id} speelde in dit traject niet.` }]));
    });
    const report = await completeness();
    expect(report.complete).toBe(false);
    expect(report.findings.filter((f) => f.severity === 'blocking').map((f) => [f.code, f.path, f.section, f.details['reason']])).toEqual([
      ['C.TRAJECTORY', '/cases/1/tasks', 'case-2', 'no_task_described'],
    ]);
    expect(report.findings.find((f) => f.code === 'C.TRAJECTORY')?.text).toMatch(/^In casus 2 .* is geen enkele taak beschreven\./);
  });

  it('describing the core tasks 0, 1, 2 and 7 makes it a trajectory again; the phases 3–6 may stay not relevant', async () => {
    await editCase('case-2', (content) => {
      const tasks = content['tasks'] as Record<string, unknown>;
      for (const id of ['0', '1', '2', '7']) tasks[id] = { status: 'described', text: `Zo heb ik taak ${id} in dit traject uitgevoerd.` };
    });
    const report = await completeness();
    expect(report.findings.filter((f) => f.severity === 'blocking')).toEqual([]);
    expect(report.complete).toBe(true);

    await editCase('case-2', (content) => {
      (content['tasks'] as Record<string, unknown>)['7'] = { status: 'not_relevant', notRelevantMotivation: 'Het traject stopte zonder afsluitend gesprek.' };
    });
    const closeLeftOut = await completeness();
    expect(closeLeftOut.findings.filter((f) => f.severity === 'blocking').map((f) => [f.code, f.path, f.details['reason']])).toEqual([
      ['C.TRAJECTORY', '/cases/1/tasks/7', 'core_task_not_relevant'],
    ]);
  });
});
