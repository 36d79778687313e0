import { S3Client } from '@aws-sdk/client-s3';
import type { StorageConfig } from '../../platform/src/config';

/**
 * One S3 client configuration for AWS S3, MinIO and the embedded s3rver. Checksums only when an
 * operation requires them, so presigned URLs carry no checksum parameters a browser cannot
 * satisfy and work against every endpoint.
 */
export function createS3Client(storage: StorageConfig, endpoint: string): S3Client {
  return new S3Client({
    endpoint,
    region: storage.region,
    forcePathStyle: storage.forcePathStyle,
    credentials: { accessKeyId: storage.accessKeyId, secretAccessKey: storage.secretAccessKey },
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    maxAttempts: 2,
  });
}
