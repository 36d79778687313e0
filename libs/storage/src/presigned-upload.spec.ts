import { createHash, createHmac } from 'node:crypto';
import type { S3Client } from '@aws-sdk/client-s3';
import { createS3Client } from './s3-client.factory';
import { StorageService } from './storage.service';

const SECRET = 'unit-test-secret-key';
const KEY = 'incoming/7d5c0c5e-6a43-4c4b-9d0f-0d6f0c2a1b11/1f0e4c2a-9a8b-4c7d-8e6f-5a4b3c2d1e0f';

const hmac = (key: string | Buffer, data: string) => createHmac('sha256', key).update(data).digest();
const rfc3986 = (s: string) => encodeURIComponent(s).replace(/[!'()*]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`);

/**
 * What a strict endpoint (AWS S3, MinIO) does with a presigned request, written out from the
 * SigV4 specification rather than taken from the SDK: rebuild the canonical request from the
 * request as it arrives — its path, its query, the values of the headers the URL says are signed —
 * and compare the signature. The embedded s3rver skips this check (docs/reliability.md).
 */
function acceptedByStrictEndpoint(url: string, method: string, headers: Record<string, string>): boolean {
  const u = new URL(url);
  const q = u.searchParams;
  const signedHeaders = (q.get('X-Amz-SignedHeaders') ?? '').split(';');
  const canonicalQuery = [...q.entries()]
    .filter(([k]) => k !== 'X-Amz-Signature')
    .map(([k, v]) => `${rfc3986(k)}=${rfc3986(v)}`)
    .sort()
    .join('&');
  const sent: Record<string, string> = { host: u.host };
  for (const [k, v] of Object.entries(headers)) sent[k.toLowerCase()] = v.trim();
  const canonicalHeaders = signedHeaders.map((h) => `${h}:${sent[h] ?? ''}\n`).join('');
  const canonicalRequest = [method, u.pathname, canonicalQuery, canonicalHeaders, signedHeaders.join(';'), 'UNSIGNED-PAYLOAD'].join('\n');
  const [, date, region, service] = (q.get('X-Amz-Credential') ?? '').split('/') as [string, string, string, string];
  const stringToSign = ['AWS4-HMAC-SHA256', q.get('X-Amz-Date'), `${date}/${region}/${service}/aws4_request`, createHash('sha256').update(canonicalRequest).digest('hex')].join('\n');
  const signingKey = hmac(hmac(hmac(hmac(`AWS4${SECRET}`, date), region), service), 'aws4_request');
  return hmac(signingKey, stringToSign).toString('hex') === q.get('X-Amz-Signature');
}

describe('presigned upload URL (ADR 0005)', () => {
  let s3: S3Client;
  let storage: StorageService;

  beforeAll(() => {
    s3 = createS3Client({ endpoint: undefined, region: 'eu-west-1', bucket: 'rlp-documents', accessKeyId: 'AKIDUNITTEST', secretAccessKey: SECRET, forcePathStyle: true }, 'http://127.0.0.1:9000');
    storage = new StorageService(s3, 'rlp-documents');
  });
  afterAll(() => s3.destroy());

  it('signs the declared length: a strict endpoint accepts exactly that many bytes and nothing else', async () => {
    const url = await storage.presignUpload(KEY, { contentType: 'application/pdf', sizeBytes: 183_211, expiresInSeconds: 900 });
    const q = new URL(url).searchParams;
    expect(q.get('X-Amz-SignedHeaders')).toBe('content-length;host');
    expect(q.get('X-Amz-Expires')).toBe('900');
    // No checksum parameters a browser could not satisfy.
    expect(url).not.toMatch(/x-amz-checksum|x-amz-sdk-checksum/i);

    // What a browser sends on its own for a File of that size, next to the one header the client is told to set.
    expect(acceptedByStrictEndpoint(url, 'PUT', { 'content-length': '183211', 'content-type': 'application/pdf' })).toBe(true);
    expect(acceptedByStrictEndpoint(url, 'PUT', { 'content-length': '183212' })).toBe(false);
    expect(acceptedByStrictEndpoint(url, 'PUT', { 'content-length': '183210' })).toBe(false);
    expect(acceptedByStrictEndpoint(url, 'PUT', { 'content-length': '20971521' })).toBe(false);
    expect(acceptedByStrictEndpoint(url, 'PUT', {})).toBe(false);
    // Bent to another key (the verified copy, another owner's upload) or another method: refused as well.
    expect(acceptedByStrictEndpoint(url.replace('/incoming/', '/verified/'), 'PUT', { 'content-length': '183211' })).toBe(false);
    expect(acceptedByStrictEndpoint(url, 'GET', { 'content-length': '183211' })).toBe(false);
  });

  it('binds each URL to its own length', async () => {
    const small = await storage.presignUpload(KEY, { contentType: 'image/png', sizeBytes: 1, expiresInSeconds: 60 });
    expect(acceptedByStrictEndpoint(small, 'PUT', { 'content-length': '1' })).toBe(true);
    expect(acceptedByStrictEndpoint(small, 'PUT', { 'content-length': '183211' })).toBe(false);
  });
});
