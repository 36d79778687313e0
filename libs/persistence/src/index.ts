export * from './data-source-options';
export * from './entities';
export * from './migrations';
export * from './migrate';
export * from './app-role';
export * from './database.providers';
