/** Texts of the assessor's screens, Dutch first. */
export const assessorTexts = {
  dossiersTitle: ['Mijn dossiers', 'My dossiers'],
} as const;
