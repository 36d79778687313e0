import type { Rule } from '../engine/rule.types';
import { isNonBlank } from '../text/filled-in.util';
import { localized } from '../text/localized-text.util';

/** B2.CV — a curriculum vitae is uploaded. Required for completeness, never scored. */
export const cvRule: Rule = {
  codes: ['B2.CV'],
  check({ document, rulebook }, out) {
    const ok = isNonBlank(document.cvAndMotivation?.cvDocumentId);
    if (!ok) {
      const hint = rulebook.cvAndMotivation.cv.handreiking;
      out.blocking('B2.CV', ['cvAndMotivation', 'cvDocumentId'], localized(`Voeg je curriculum vitae toe. ${hint.nl}`, `Add your curriculum vitae. ${hint.en}`));
    }
    out.progress('B2', ok ? 1 : 0, 1);
  },
};
