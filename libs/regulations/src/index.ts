export * from './regulation-version.entity';
export * from './regulation-acceptance.entity';
export * from './regulations.service';
export * from './text-diff';
export * from './regulations-admin.service';
export * from './regulations.module';
export * from './regulations-read.controller';
export * from './regulations.responses';
