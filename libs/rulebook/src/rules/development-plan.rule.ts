import type { Rule } from '../engine/rule.types';
import { isFilledIn } from '../text/filled-in.util';
import { localized } from '../text/localized-text.util';

/** D.PLAN — the development plan answers every question (four). Never scored. */
export const developmentPlanRule: Rule = {
  codes: ['D.PLAN'],
  check({ document, rulebook }, out) {
    const questions = rulebook.developmentPlan.questions;
    let answered = 0;
    for (const question of questions) {
      if (isFilledIn(document.developmentPlan?.answers?.[question.id])) {
        answered += 1;
        continue;
      }
      out.blocking(
        'D.PLAN',
        ['developmentPlan', 'answers', question.id],
        localized(`Beantwoord in je ontwikkelplan vraag ${question.id}: ${question.text.nl}`, `Answer question ${question.id} of your development plan: ${question.text.en}`),
        { question: question.id },
      );
    }
    out.progress('D', answered, questions.length);
  },
};
