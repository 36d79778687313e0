export * from './compose';
export * from './outbox';
export * from './delivery';
export * from './sender';
