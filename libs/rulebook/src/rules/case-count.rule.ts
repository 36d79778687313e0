import type { Rule } from '../engine/rule.types';
import { localize } from '../text/localized-text.util';

/** C.CASE_COUNT — exactly the required number of cases (two). */
export const caseCountRule: Rule = {
  codes: ['C.CASE_COUNT'],
  check({ cases, rulebook }, out) {
    const required = rulebook.cases.count;
    const ok = cases.length === required;
    if (!ok) {
      out.blocking(
        'C.CASE_COUNT',
        ['cases'],
        localize((lang) =>
          lang === 'nl'
            ? `Beschrijf precies ${required} casussen; het portfolio bevat er ${cases.length}.`
            : `Describe exactly ${required} cases; the portfolio contains ${cases.length}.`,
        ),
        { cases: cases.length, required },
      );
    }
    out.progress('C', ok ? 1 : 0, 1);
  },
};
