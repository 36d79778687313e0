import {
  CopyObjectCommand,
  CreateBucketCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import type { Readable } from 'node:stream';
import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { bilingual } from '../../platform/src/bilingual';
import { DomainError } from '../../platform/src/domain-error';

export const S3_CLIENT = Symbol('S3_CLIENT');
export const STORAGE_BUCKET = Symbol('STORAGE_BUCKET');

/** What storage knows about an object. */
export interface ObjectInfo {
  sizeBytes: number;
  contentType: string | undefined;
}

function isNotFound(err: unknown): boolean {
  const e = err as { name?: string; $metadata?: { httpStatusCode?: number } };
  return e.name === 'NotFound' || e.name === 'NoSuchKey' || e.$metadata?.httpStatusCode === 404;
}

/** How long one storage call may take before the platform answers 503. */
const OPERATION_TIMEOUT_MS = 10_000;

/** The platform's access to object storage. Failures of the endpoint become 503 STORAGE_UNAVAILABLE. */
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
      throw this.unavailable(err);
    }
  }

  /**
   * A URL the client PUTs the bytes to directly; the API never holds them. The declared length is
   * signed into it (`X-Amz-SignedHeaders=content-length;host`): a strict endpoint (AWS S3, MinIO)
   * refuses a body of any other length. Browsers send Content-Length for a File body themselves,
   * so the client sets no extra header. (The content type is not signed: the SDK's presigner
   * leaves it out, and the server judges the type by the first bytes anyway.)
   */
  async presignUpload(key: string, options: { contentType: string; sizeBytes: number; expiresInSeconds: number }): Promise<string> {
    return getSignedUrl(this.s3, new PutObjectCommand({ Bucket: this.bucket, Key: key, ContentType: options.contentType, ContentLength: options.sizeBytes }), {
      expiresIn: options.expiresInSeconds,
    });
  }

  /** A short-lived download URL that makes the browser save the file, never render it inline. */
  async presignDownload(key: string, options: { contentType: string; contentDisposition: string; expiresInSeconds: number }): Promise<string> {
    return getSignedUrl(
      this.s3,
      new GetObjectCommand({ Bucket: this.bucket, Key: key, ResponseContentType: options.contentType, ResponseContentDisposition: options.contentDisposition }),
      { expiresIn: options.expiresInSeconds },
    );
  }

  /** Size and type of an object, or null when it does not exist. */
  async head(key: string): Promise<ObjectInfo | null> {
    try {
      const res = await this.s3.send(new HeadObjectCommand({ Bucket: this.bucket, Key: key }), { abortSignal: AbortSignal.timeout(OPERATION_TIMEOUT_MS) });
      return { sizeBytes: res.ContentLength ?? 0, contentType: res.ContentType };
    } catch (err) {
      if (isNotFound(err)) return null;
      throw this.unavailable(err);
    }
  }

  /** The object's bytes as a stream (read it to the end or destroy it). */
  async read(key: string, signal?: AbortSignal): Promise<Readable> {
    try {
      const res = await this.s3.send(new GetObjectCommand({ Bucket: this.bucket, Key: key }), { abortSignal: signal ?? AbortSignal.timeout(OPERATION_TIMEOUT_MS) });
      return res.Body as Readable;
    } catch (err) {
      throw this.unavailable(err);
    }
  }

  /** The object's bytes and the length the endpoint announces for them, or null when it does not exist. */
  async open(key: string, signal: AbortSignal): Promise<{ body: Readable; sizeBytes: number } | null> {
    try {
      const res = await this.s3.send(new GetObjectCommand({ Bucket: this.bucket, Key: key }), { abortSignal: signal });
      return { body: res.Body as Readable, sizeBytes: res.ContentLength ?? 0 };
    } catch (err) {
      if (isNotFound(err)) return null;
      throw this.unavailable(err);
    }
  }

  /** A copy made by the endpoint itself; the bytes never pass through the API. */
  async copy(source: string, target: string, contentType: string, signal: AbortSignal): Promise<void> {
    try {
      await this.s3.send(
        new CopyObjectCommand({
          Bucket: this.bucket,
          Key: target,
          CopySource: `${this.bucket}/${source.split('/').map(encodeURIComponent).join('/')}`,
          MetadataDirective: 'REPLACE',
          ContentType: contentType,
        }),
        { abortSignal: signal },
      );
    } catch (err) {
      throw this.unavailable(err);
    }
  }

  async put(key: string, body: Buffer, contentType: string): Promise<void> {
    try {
      await this.s3.send(new PutObjectCommand({ Bucket: this.bucket, Key: key, Body: body, ContentType: contentType }), { abortSignal: AbortSignal.timeout(OPERATION_TIMEOUT_MS) });
    } catch (err) {
      throw this.unavailable(err);
    }
  }

  /** Deleting an object that is already gone succeeds. */
  async delete(key: string): Promise<void> {
    try {
      await this.s3.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: key }), { abortSignal: AbortSignal.timeout(OPERATION_TIMEOUT_MS) });
    } catch (err) {
      throw this.unavailable(err);
    }
  }

  private unavailable(err: unknown): DomainError {
    return new DomainError(
      'unavailable',
      'STORAGE_UNAVAILABLE',
      bilingual('De documentopslag is niet bereikbaar', 'Document storage is unreachable'),
      { reason: (err as Error).name },
    );
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
