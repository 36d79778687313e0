import type { Rule } from '../engine/rule.types';
import { isFilledIn } from '../text/filled-in.util';
import { localized } from '../text/localized-text.util';

/** B2.MOTIVATION — the look back on one's development (motivation) is filled in. Never scored. */
export const motivationRule: Rule = {
  codes: ['B2.MOTIVATION'],
  check({ document, rulebook }, out) {
    const ok = isFilledIn(document.cvAndMotivation?.motivation);
    if (!ok) {
      const { criterion, handreiking } = rulebook.cvAndMotivation.motivation;
      out.blocking(
        'B2.MOTIVATION',
        ['cvAndMotivation', 'motivation'],
        localized(`Vul je motivatie in: ${criterion.nl} ${handreiking.nl}`, `Fill in your motivation: ${criterion.en} ${handreiking.en}`),
      );
    }
    out.progress('B2', ok ? 1 : 0, 1);
  },
};
