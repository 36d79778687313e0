import { PutBucketCorsCommand, type S3Client } from '@aws-sdk/client-s3';

/**
 * Lets pages of `origins` upload to (presigned PUT) and download from (presigned GET) the bucket
 * straight from the browser (ADR 0005, ADR 0013). The signature in the URL is still what grants
 * access; CORS only lets the browser read the answer. For AWS S3 set the same rule on the bucket
 * once; MinIO answers CORS for every origin by default.
 */
export async function allowBrowserAccess(s3: S3Client, bucket: string, origins: readonly string[]): Promise<void> {
  await s3.send(
    new PutBucketCorsCommand({
      Bucket: bucket,
      CORSConfiguration: {
        CORSRules: [
          {
            AllowedOrigins: [...origins],
            AllowedMethods: ['PUT', 'GET', 'HEAD'],
            AllowedHeaders: ['content-type', 'content-length'],
            ExposeHeaders: ['etag'],
            MaxAgeSeconds: 3000,
          },
        ],
      },
    }),
  );
}
