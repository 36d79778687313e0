export * from './document.entity';
export * from './documents.service';
export * from './file-types';
export * from './documents.dto';
export * from './bounded-gate';
