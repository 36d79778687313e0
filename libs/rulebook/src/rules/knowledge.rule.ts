import type { Rule } from '../engine/rule.types';
import { reportCoverage } from './coverage.util';

/**
 * C.KNOWLEDGE — across both cases together the reflections cover at least 4 of the 5 knowledge
 * areas, and in any case areas 1 and 2 (numbers from the rulebook).
 */
export const knowledgeRule: Rule = {
  codes: ['C.KNOWLEDGE'],
  check({ knowledge, rulebook }, out) {
    const titles = new Map(rulebook.cases.knowledge.items.map((a) => [a.id, { nl: `${a.id}. ${a.title.nl}`, en: `${a.id}. ${a.title.en}` }]));
    reportCoverage('C.KNOWLEDGE', knowledge, titles, { nl: { one: 'kennisgebied', many: 'kennisgebieden' }, en: { one: 'knowledge area', many: 'knowledge areas' } }, out);
  },
};
