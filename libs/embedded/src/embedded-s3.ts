import { mkdir } from 'node:fs/promises';
import type { Server } from 'node:http';
import { resolve } from 'node:path';
import { freePort } from './free-port';
import { requireDevelopmentServer } from './development-server';

export interface EmbeddedS3Handle {
  endpoint: string;
  port: number;
  stop(): Promise<void>;
}

interface S3rverLike {
  run(): Promise<unknown>;
  close(): Promise<void>;
  httpServer?: Server;
}

/**
 * A local S3-compatible server (s3rver) storing under `directory`. The application talks to it
 * with @aws-sdk/client-s3 exactly as to AWS S3 or MinIO, including presigned URLs.
 */
export async function startEmbeddedS3(options: { directory: string; buckets: string[]; port?: number }): Promise<EmbeddedS3Handle> {
  const directory = resolve(options.directory);
  await mkdir(directory, { recursive: true });
  const port = options.port ?? (await freePort());
  const S3rver = requireDevelopmentServer<new (o: Record<string, unknown>) => S3rverLike>('s3rver', 'S3_ENDPOINT');
  const server = new S3rver({
    address: '127.0.0.1',
    port,
    directory,
    silent: true,
    vhostBuckets: false,
    configureBuckets: options.buckets.map((name) => ({ name })),
  });
  await server.run();
  let stopped = false;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    port,
    async stop() {
      if (stopped) return;
      stopped = true;
      // SDK clients keep connections alive; close them so close() does not wait for their timeout.
      server.httpServer?.closeAllConnections();
      await server.close();
    },
  };
}
