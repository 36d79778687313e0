export * from './audit-event.entity';
export * from './audit.service';
export * from './audit-chain';
export * from './audit.responses';
export * from './audit-cursor';
export * from './audit-chainer';
export * from './audit-insert';
