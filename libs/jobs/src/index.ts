export * from './install';
export * from './jobs.service';
export * from './scheduled/index';
