/** Texts of the office's management screens (regulations, rulebooks, audit trail), Dutch first. */
export const beheerTexts = {
  regulationsTitle: ['Reglementen', 'Regulations'],
} as const;
