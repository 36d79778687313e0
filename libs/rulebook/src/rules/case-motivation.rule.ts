import type { Rule } from '../engine/rule.types';
import { isFilledIn } from '../text/filled-in.util';
import { localized } from '../text/localized-text.util';
import { caseName, progressPerCase } from './case-slots.util';

/** C.CASE_MOTIVATION — each case starts with why this trajectory was chosen. */
export const caseMotivationRule: Rule = {
  codes: ['C.CASE_MOTIVATION'],
  check(context, out) {
    let passed = 0;
    for (const c of context.cases) {
      if (isFilledIn(c.casus.whyChosen)) {
        passed += 1;
        continue;
      }
      const name = caseName(c.index, c.casus.title);
      out.blocking(
        'C.CASE_MOTIVATION',
        ['cases', c.index, 'whyChosen'],
        localized(
          `Licht in ${name.nl} toe waarom je juist voor dit begeleidingstraject hebt gekozen.`,
          `In ${name.en}, explain why you chose this particular guidance trajectory.`,
        ),
        { caseIndex: c.index },
      );
    }
    progressPerCase(context, out, passed);
  },
};
