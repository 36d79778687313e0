import { randomBytes } from 'node:crypto';
import { GetObjectCommand, HeadObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { testConfig } from '../../testing/src/test-app';
import { requireEnv, TEST_ENV } from '../../testing/src/test-env';
import { createS3Client } from './s3-client.factory';
import { StorageService } from './storage.service';
import { DomainError } from '../../platform/src/domain-error';

describe('storage against a real S3 endpoint', () => {
  const config = testConfig();
  let s3: S3Client;
  let storage: StorageService;

  beforeAll(async () => {
    s3 = createS3Client(config.storage, requireEnv(TEST_ENV.s3Endpoint));
    storage = new StorageService(s3, config.storage.bucket);
    await storage.ensureBucket();
  });
  afterAll(() => s3.destroy());

  it('creates the bucket once and answers ping', async () => {
    await storage.ensureBucket(); // idempotent
    await expect(storage.ping()).resolves.toBeUndefined();
  });

  it('round-trips bytes through a presigned PUT and a presigned GET made with the platform client', async () => {
    const key = `probe/${randomBytes(8).toString('hex')}.pdf`;
    const body = Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(2048)]);
    const putUrl = await getSignedUrl(s3, new PutObjectCommand({ Bucket: config.storage.bucket, Key: key, ContentType: 'application/pdf' }), { expiresIn: 300 });
    expect(putUrl).not.toMatch(/x-amz-checksum|x-amz-sdk-checksum/i);
    const put = await fetch(putUrl, { method: 'PUT', body, headers: { 'Content-Type': 'application/pdf' } });
    expect(put.status).toBe(200);
    const head = await s3.send(new HeadObjectCommand({ Bucket: config.storage.bucket, Key: key }));
    expect(head.ContentLength).toBe(body.length);
    const getUrl = await getSignedUrl(
      s3,
      new GetObjectCommand({ Bucket: config.storage.bucket, Key: key, ResponseContentDisposition: 'attachment; filename="diploma.pdf"' }),
      { expiresIn: 60 },
    );
    const got = await fetch(getUrl);
    expect(got.status).toBe(200);
    expect(got.headers.get('content-disposition')).toBe('attachment; filename="diploma.pdf"');
    expect(Buffer.from(await got.arrayBuffer()).equals(body)).toBe(true);
  });

  it('accepts a PUT of the declared length to an upload URL that signs it, as a browser sends it', async () => {
    const key = `probe/${randomBytes(8).toString('hex')}`;
    const body = Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(4096)]);
    const url = await storage.presignUpload(key, { contentType: 'application/pdf', sizeBytes: body.length, expiresInSeconds: 300 });
    expect(new URL(url).searchParams.get('X-Amz-SignedHeaders')).toBe('content-length;host');
    // fetch sets Content-Length from the body itself, as a browser does for a File.
    const put = await fetch(url, { method: 'PUT', body, headers: { 'Content-Type': 'application/pdf' } });
    expect(put.status).toBe(200);
    expect(await storage.head(key)).toEqual({ sizeBytes: body.length, contentType: 'application/pdf' });
  });

  it('copies an object on the endpoint, opens it with its length, and opens a missing object as null', async () => {
    const source = `probe/${randomBytes(8).toString('hex')}`;
    const target = `probe/${randomBytes(8).toString('hex')}/copy`;
    const body = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), randomBytes(100_000)]);
    await storage.put(source, body, 'application/octet-stream');
    await storage.copy(source, target, 'image/png', AbortSignal.timeout(10_000));
    const opened = await storage.open(target, AbortSignal.timeout(10_000));
    expect(opened?.sizeBytes).toBe(body.length);
    const chunks: Buffer[] = [];
    for await (const chunk of opened!.body as AsyncIterable<Buffer>) chunks.push(chunk);
    expect(Buffer.concat(chunks).equals(body)).toBe(true);
    expect((await storage.head(target))?.contentType).toBe('image/png');
    await expect(storage.open(`probe/${randomBytes(8).toString('hex')}`, AbortSignal.timeout(10_000))).resolves.toBeNull();
  });

  it('reports an unreachable endpoint as a 503 domain error within the timeout', async () => {
    const dead = createS3Client(config.storage, 'http://127.0.0.1:9');
    const started = Date.now();
    const err = await new StorageService(dead, 'nope').ping(1000).catch((e: unknown) => e);
    dead.destroy();
    expect(err).toBeInstanceOf(DomainError);
    expect((err as DomainError).code).toBe('STORAGE_UNAVAILABLE');
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('reports a missing bucket as unavailable', async () => {
    const other = new StorageService(s3, `rlp-test-missing-${randomBytes(3).toString('hex')}`);
    await expect(other.ping()).rejects.toMatchObject({ code: 'STORAGE_UNAVAILABLE' });
  });
});
