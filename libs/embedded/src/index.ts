export * from './embedded-postgres';
export * from './embedded-s3';
export * from './free-port';
export * from './infrastructure';
export * from './mail-catcher';
export * from './mail-viewer';
