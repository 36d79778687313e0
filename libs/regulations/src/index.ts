export * from './regulation-version.entity';
export * from './regulation-acceptance.entity';
export * from './regulations.service';
