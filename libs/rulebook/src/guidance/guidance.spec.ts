import { currentRulebook } from '../versions/rulebook.registry';
import { guidance } from './guidance';

beforeEach(() => expect.hasAssertions());

describe('guidance', () => {
  it('gives per task the indicators, handreiking and koppeling with titles, in one language', () => {
    const task3 = guidance(currentRulebook, 'en').cases.tasks.find((t) => t.id === '3');
    expect(task3?.title).toBe('Guiding self-reflection and (self-)investigation.');
    expect(task3?.indicators).toHaveLength(3);
    expect(task3?.handreiking[0]).toMatch(/^You describe the methods\/instruments/);
    expect(task3?.koppeling.knowledgeAreas).toEqual([
      { id: '1', title: 'Career theories and methods' },
      { id: '2', title: 'Human development' },
    ]);
    expect(task3?.koppeling.competences.map((c) => c.title)).toEqual(['Working methodically', 'Empathy', 'Communicating effectively', 'Coaching']);
  });

  it('is Dutch by default and leaves no { nl, en } pairs behind', () => {
    const dutch = guidance(currentRulebook);
    expect(dutch.lang).toBe('nl');
    expect(dutch.cases.knowledge.items[4]?.title).toBe('Organisaties');
    expect(dutch.developmentPlan.questions.map((q) => q.id)).toEqual(['1', '2', '3', '4']);
    expect(dutch.education.routes[1]?.evidence[1]?.conditions.map((c) => c.label)).toContain('De certificaten zijn ondertekend door de opleider.');
    expect(JSON.stringify(dutch)).not.toMatch(/"nl":|"en":/);
  });

  it('says which tasks every trajectory has (C.TRAJECTORY), so a form can leave out "not relevant" for them', () => {
    expect(guidance(currentRulebook, 'en').cases.trajectory).toEqual({
      coreTasks: ['0', '1', '2', '7'],
      explanation: expect.stringMatching(/^Each case describes a complete guidance trajectory\./),
    });
  });
});
