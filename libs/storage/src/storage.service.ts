import { CreateBucketCommand, HeadBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { bilingual } from '../../platform/src/bilingual';
import { DomainError } from '../../platform/src/domain-error';

export const S3_CLIENT = Symbol('S3_CLIENT');
export const STORAGE_BUCKET = Symbol('STORAGE_BUCKET');

/** The platform's access to object storage; later features add upload and download here. */
@Injectable()
export class StorageService implements OnApplicationShutdown {
  constructor(
    @Inject(S3_CLIENT) private readonly s3: S3Client,
    @Inject(STORAGE_BUCKET) readonly bucket: string,
  ) {}

  /** Resolves when the bucket answers within `timeoutMs`; otherwise a 503 domain error. */
  async ping(timeoutMs = 3000): Promise<void> {
    try {
      await this.s3.send(new HeadBucketCommand({ Bucket: this.bucket }), { abortSignal: AbortSignal.timeout(timeoutMs) });
    } catch (err) {
      throw new DomainError(
        'unavailable',
        'STORAGE_UNAVAILABLE',
        bilingual('De documentopslag is niet bereikbaar', 'Document storage is unreachable'),
        { reason: (err as Error).name },
      );
    }
  }

  /** Creates the bucket when it does not exist yet (MinIO and s3rver start empty). */
  async ensureBucket(): Promise<void> {
    try {
      await this.s3.send(new HeadBucketCommand({ Bucket: this.bucket }));
    } catch {
      await this.s3.send(new CreateBucketCommand({ Bucket: this.bucket }));
    }
  }

  onApplicationShutdown(): void {
    this.s3.destroy();
  }
}
