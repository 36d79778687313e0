export * from './demo-accounts';
export * from './demo-portfolio';
