import type { Rule } from '../engine/rule.types';
import { localized } from '../text/localized-text.util';
import { caseName, progressPerCase } from './case-slots.util';

/** C.ATTITUDE — each case answers the question of every attitude criterion (four). */
export const attitudeRule: Rule = {
  codes: ['C.ATTITUDE'],
  check(context, out) {
    const criteria = new Map(context.rulebook.cases.attitude.criteria.map((c) => [c.id, c]));
    let passed = 0;
    for (const c of context.cases) {
      if (c.missingAttitude.length === 0) passed += 1;
      const name = caseName(c.index, c.casus.title);
      for (const id of c.missingAttitude) {
        const criterion = criteria.get(id);
        if (criterion === undefined) continue;
        out.blocking(
          'C.ATTITUDE',
          ['cases', c.index, 'attitudeAnswers', id],
          localized(
            `Beantwoord in ${name.nl} de vraag bij ‘${criterion.title.nl}’: ${criterion.question.nl}`,
            `In ${name.en}, answer the question on ‘${criterion.title.en}’: ${criterion.question.en}`,
          ),
          { caseIndex: c.index, criterion: id },
        );
      }
    }
    progressPerCase(context, out, passed);
  },
};
