import type { Rule } from '../engine/rule.types';
import { reportCoverage } from './coverage.util';

/** C.COMPETENCES — across both cases together the reflections cover all 5 competences. */
export const competencesRule: Rule = {
  codes: ['C.COMPETENCES'],
  check({ competences, rulebook }, out) {
    const titles = new Map(rulebook.cases.competences.items.map((c) => [c.id, c.title]));
    reportCoverage('C.COMPETENCES', competences, titles, { nl: { one: 'competentie', many: 'competenties' }, en: { one: 'competence', many: 'competences' } }, out);
  },
};
