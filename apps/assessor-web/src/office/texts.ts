/** Texts of the certification office's screens, Dutch first. */
export const officeTexts = {
  dashboardTitle: ['Dossiers', 'Dossiers'],
} as const;
