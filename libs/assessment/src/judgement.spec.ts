import { completePortfolio } from '../../rulebook/src/testing/portfolio.factory';
import { scoreableCriteria } from '../../rulebook/src/scoring/scoreable-criteria';
import { currentRulebook } from '../../rulebook/src/versions/rulebook.registry';
import { buildAgenda, compareScorings, completenessProblems, parseJointVerdicts, parseScores, type CriterionScore } from './judgement';

const rulebook = currentRulebook;
const criteria = scoreableCriteria(completePortfolio(), rulebook);
const all = (verdict: CriterionScore['verdict'] = 'aangetoond'): Record<string, CriterionScore> =>
  Object.fromEntries(criteria.map((c) => [c.code, { verdict, motivation: verdict === 'aangetoond' ? null : 'motivering', questions: [] }]));

describe('parseScores', () => {
  it('accepts every scoreable criterion and trims texts', () => {
    const { scores, problems } = parseScores({ A: { verdict: 'te_bevragen', motivation: '  waarom  ', questions: ['  vraag 1 ', ''] } }, criteria, rulebook);
    expect(problems).toEqual([]);
    expect(scores['A']).toEqual({ verdict: 'te_bevragen', motivation: 'waarom', questions: ['vraag 1'] });
  });

  it.each([
    ['B2', 'CRITERION_NOT_SCORED'],
    ['D', 'CRITERION_NOT_SCORED'],
    ['E', 'CRITERION_NOT_SCORED'],
    ['C.TASK.8', 'CRITERION_NOT_SCOREABLE'],
    ['__proto__', 'CRITERION_NOT_SCOREABLE'],
    ['C.KNOWLEDGE.99', 'CRITERION_NOT_SCOREABLE'],
  ])('refuses %s with %s', (code, problem) => {
    const { problems } = parseScores(JSON.parse(`{"${code}": {"verdict": "aangetoond"}}`), criteria, rulebook);
    expect(problems.map((p) => p.code)).toEqual([problem]);
  });

  it('refuses a knowledge area the cases do not claim', () => {
    const doc = completePortfolio();
    const area = rulebook.cases.knowledge.items.at(-1)!.id;
    for (const c of doc.cases ?? []) delete (c.knowledgeAreaReflections as Record<string, unknown> | undefined)?.[area];
    const fewer = scoreableCriteria(doc, rulebook);
    expect(fewer.map((c) => c.code)).not.toContain(`C.KNOWLEDGE.${area}`);
    expect(parseScores({ [`C.KNOWLEDGE.${area}`]: { verdict: 'aangetoond' } }, fewer, rulebook).problems[0]?.code).toBe('CRITERION_NOT_SCOREABLE');
    expect(parseScores({ [`C.KNOWLEDGE.${area}`]: { verdict: 'aangetoond' } }, criteria, rulebook).problems).toEqual([]);
  });

  it.each([
    [{ A: 'aangetoond' }, 'NOT_AN_OBJECT'],
    [{ A: { verdict: 'goed' } }, 'INVALID_VERDICT'],
    [{ A: { verdict: 'aangetoond', extra: 1 } }, 'UNKNOWN_FIELD'],
    [{ A: { verdict: 'aangetoond', motivation: 5 } }, 'NOT_A_STRING'],
    [{ A: { verdict: 'aangetoond', motivation: 'x'.repeat(5001) } }, 'TOO_LONG'],
    [{ A: { verdict: 'aangetoond', motivation: 'a\u0000b' } }, 'INVALID_TEXT'],
    [{ A: { verdict: 'aangetoond', motivation: '\ud800' } }, 'INVALID_TEXT'],
    [{ A: { verdict: 'aangetoond', questions: 'vraag' } }, 'NOT_AN_ARRAY'],
    [{ A: { verdict: 'aangetoond', questions: Array.from({ length: 21 }, () => 'q') } }, 'TOO_MANY'],
  ])('reports %j as %s', (body, code) => {
    expect(parseScores(body, criteria, rulebook).problems.map((p) => p.code)).toContain(code);
  });

  it('refuses anything that is not an object', () => {
    for (const body of [null, [], 'x', 3]) expect(parseScores(body, criteria, rulebook).problems[0]?.code).toBe('NOT_AN_OBJECT');
  });
});

describe('completenessProblems', () => {
  it('needs a verdict for every criterion and a motivation wherever it is not aangetoond', () => {
    expect(completenessProblems(all(), criteria)).toEqual([]);
    const scores = all();
    delete scores['B1'];
    scores['A'] = { verdict: 'niet_aangetoond', motivation: null, questions: [] };
    expect(completenessProblems(scores, criteria).map((p) => [p.path, p.code])).toEqual([
      ['/scores/A/motivation', 'MOTIVATION_REQUIRED'],
      ['/scores/B1', 'VERDICT_MISSING'],
    ]);
  });
});

describe('comparison and agenda', () => {
  it('puts disagreements and te bevragen on the agenda with the questions of both, once', () => {
    const a = all();
    const b = all();
    a['A'] = { verdict: 'te_bevragen', motivation: 'm', questions: ['Hoeveel uur?', 'Welke opdrachtgevers?'] };
    b['A'] = { verdict: 'te_bevragen', motivation: 'm', questions: ['Hoeveel uur?'] };
    b['B1'] = { verdict: 'niet_aangetoond', motivation: 'm', questions: [] };
    const cmp = compareScorings(a, b, criteria);
    expect(cmp.filter((c) => !c.agree).map((c) => c.criterion)).toEqual(['B1']);
    expect(buildAgenda(a, b, criteria)).toEqual([
      expect.objectContaining({ criterion: 'A', reasons: ['te_bevragen'], questions: ['Hoeveel uur?', 'Welke opdrachtgevers?'] }),
      expect.objectContaining({ criterion: 'B1', reasons: ['disagreement'], verdicts: ['aangetoond', 'niet_aangetoond'] }),
    ]);
  });

  it('adds a criterion the joint judgement marks te bevragen although both agreed', () => {
    const agenda = buildAgenda(all(), all(), criteria, { 'C.TASK.0': { verdict: 'te_bevragen', motivation: 'x' } });
    expect(agenda.map((i) => [i.criterion, i.reasons])).toEqual([['C.TASK.0', ['te_bevragen']]]);
  });

  it('a missing verdict counts as disagreement', () => {
    const b = all();
    delete b['A'];
    expect(compareScorings(all(), b, criteria).find((c) => c.criterion === 'A')?.agree).toBe(false);
  });
});

describe('parseJointVerdicts', () => {
  it('has no questions and reports paths under /criteria', () => {
    const { problems } = parseJointVerdicts({ A: { verdict: 'aangetoond', questions: ['q'] }, B2: { verdict: 'aangetoond' } }, criteria, rulebook);
    expect(problems.map((p) => [p.path, p.code])).toEqual([
      ['/criteria/B2', 'CRITERION_NOT_SCORED'],
      ['/criteria/A/questions', 'UNKNOWN_FIELD'],
    ]);
  });
});
