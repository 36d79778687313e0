import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Pool, PoolClient } from 'pg';
import { DataSource } from 'typeorm';

export interface StatementRecorder {
  /** Runs `work` and returns what it resolved to with every statement sent meanwhile, in order. */
  during<T>(work: () => Promise<T>): Promise<{ result: T; statements: string[] }>;
}

/**
 * Records the text of every statement an app sends through its pool (TypeORM's queries and the
 * prepared statements of libs/platform/src/prepared.ts alike) while recording: each pooled client's
 * `query` is wrapped the first time the pool hands it out.
 */
export function statementRecorder(app: NestExpressApplication): StatementRecorder {
  const pool = (app.get(DataSource).driver as unknown as { master: Pool }).master;
  let recording: string[] | null = null;
  const patched = new WeakSet<PoolClient>();
  pool.on('acquire', (client: PoolClient) => {
    if (patched.has(client)) return;
    patched.add(client);
    const query = client.query.bind(client) as (...args: unknown[]) => unknown;
    (client as unknown as { query: (...args: unknown[]) => unknown }).query = (...args: unknown[]) => {
      const first = args[0];
      recording?.push(typeof first === 'string' ? first : String((first as { text?: string }).text));
      return query(...args);
    };
  });
  return {
    async during(work) {
      recording = [];
      try {
        const result = await work();
        return { result, statements: recording };
      } finally {
        recording = null;
      }
    },
  };
}
