/** Texts of comparing, the joint judgement and the interview, Dutch first. */
export const jointTexts = {
  comparisonTitle: ['Vergelijking', 'Comparison'],
} as const;
