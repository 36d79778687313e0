export * from './s3-client.factory';
export * from './storage.service';
export * from './bucket-cors';
