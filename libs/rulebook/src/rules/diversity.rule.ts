import type { Rule } from '../engine/rule.types';
import { localized } from '../text/localized-text.util';

const normalise = (value: string | undefined): string | null => {
  const text = value?.trim().toLowerCase().replace(/\s+/g, ' ');
  return text ? text : null;
};

/**
 * C.DIVERSITY (warning) — two cases with the same type of question and the same type of client.
 * The toetsingskader asks for diversity ("twee verschillende vraagstellingen, twee type klanten of
 * twee andere uitdagingen"); only both being the same is reported, and it never blocks.
 */
export const diversityRule: Rule = {
  codes: ['C.DIVERSITY'],
  check({ cases }, out) {
    for (let j = 1; j < cases.length; j++) {
      const later = cases[j];
      if (later === undefined) continue;
      const question = normalise(later.casus.questionType);
      const client = normalise(later.casus.clientType);
      if (question === null || client === null) continue;
      for (let i = 0; i < j; i++) {
        const earlier = cases[i];
        if (earlier === undefined || normalise(earlier.casus.questionType) !== question || normalise(earlier.casus.clientType) !== client) continue;
        out.warning(
          'C.DIVERSITY',
          ['cases', j],
          localized(
            `Casus ${i + 1} en casus ${j + 1} hebben hetzelfde type vraag en hetzelfde type cliënt. Zorg voor diversiteit: bijvoorbeeld twee verschillende vraagstellingen, twee type klanten of twee andere uitdagingen voor jou als begeleider.`,
            `Case ${i + 1} and case ${j + 1} have the same type of question and the same type of client. Aim for diversity: for example two different questions, two types of clients, or two different challenges for you as a practitioner.`,
          ),
          { cases: [i, j], questionType: later.casus.questionType ?? null, clientType: later.casus.clientType ?? null },
        );
      }
    }
  },
};
