export * from './demo-accounts';
export * from './demo-portfolio';
export * from './demo-dossier';
