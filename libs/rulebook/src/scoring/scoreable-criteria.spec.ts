import type { PortfolioDocument } from '../document/portfolio-document.types';
import { completePortfolio, modify } from '../testing/portfolio.factory';
import { currentRulebook } from '../versions/rulebook.registry';
import { scoreableCriteria } from './scoreable-criteria';

beforeEach(() => expect.hasAssertions());

const COMPETENCES = ['methodisch-werken', 'inlevingsvermogen', 'effectief-communiceren', 'adviseren', 'coachen'].map((c) => `C.COMPETENCE.${c}`);
const ATTITUDE = ['ethisch-handelen', 'zelfreflectie', 'ontwikkeling', 'diversiteit-inclusiviteit'].map((c) => `C.ATTITUDE.${c}`);
const TASKS = ['0', '1', '2', '3', '4', '5', '6', '7'].map((t) => `C.TASK.${t}`);
const codes = (document: PortfolioDocument) => scoreableCriteria(document, currentRulebook).map((c) => c.code);

describe('scoreableCriteria', () => {
  it('lists A, B1, every task, every claimed knowledge area, every competence and every attitude criterion', () => {
    expect(codes(completePortfolio())).toEqual(['A', 'B1', ...TASKS, 'C.KNOWLEDGE.1', 'C.KNOWLEDGE.2', 'C.KNOWLEDGE.3', 'C.KNOWLEDGE.4', 'C.KNOWLEDGE.5', ...COMPETENCES, ...ATTITUDE]);
  });

  it('never lists B2, D or E', () => {
    for (const code of codes(completePortfolio())) expect(code).not.toMatch(/^(B2|D|E)(\.|$)/);
  });

  it('lists only the knowledge areas the cases claim (blank reflections do not claim)', () => {
    const document = modify(completePortfolio(), (d) => {
      const [first, second] = d.cases ?? [];
      if (first) first.knowledgeAreaReflections = { '1': 'Savickas.', '3': '   ' };
      if (second) second.knowledgeAreaReflections = { '2': 'Erikson.', '5': 'Organisatie.' };
    });
    expect(codes(document).filter((c) => c.startsWith('C.KNOWLEDGE.'))).toEqual(['C.KNOWLEDGE.1', 'C.KNOWLEDGE.2', 'C.KNOWLEDGE.5']);
  });

  it('still lists tasks, competences and attitude for an empty draft', () => {
    expect(codes({ schemaVersion: 1, rulebookVersion: currentRulebook.id })).toEqual(['A', 'B1', ...TASKS, ...COMPETENCES, ...ATTITUDE]);
  });

  it('labels each criterion in Dutch and English', () => {
    const criteria = scoreableCriteria(completePortfolio(), currentRulebook);
    expect(criteria.find((c) => c.code === 'C.TASK.3')?.label).toEqual({
      nl: 'Taak 3: Het begeleiden bij zelfreflectie en het uitvoeren van (zelf)onderzoek.',
      en: 'Task 3: Guiding self-reflection and (self-)investigation.',
    });
    expect(criteria.find((c) => c.code === 'C.KNOWLEDGE.2')?.label.nl).toBe('Kennisgebied 2: Ontwikkeling van de mens');
    expect(criteria.find((c) => c.code === 'A')?.label.nl).toBe('A. Opleiding');
    for (const criterion of criteria) expect(criterion.part === 'A' || criterion.part === 'B1' || criterion.part === 'C').toBe(true);
  });
});
