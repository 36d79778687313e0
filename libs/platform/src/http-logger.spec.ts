import { createServer } from 'node:http';
import { PassThrough } from 'node:stream';
import pinoHttp from 'pino-http';
import request from 'supertest';
import { httpLoggerOptions } from './http-logger';

describe('structured request logs', () => {
  function serverWithLog() {
    const out = new PassThrough();
    const lines: string[] = [];
    out.on('data', (chunk: Buffer) => lines.push(...chunk.toString('utf8').trim().split('\n')));
    const logger = pinoHttp(httpLoggerOptions('test-api', 'info', out));
    const server = createServer((req, res) => {
      logger(req, res);
      res.end('ok');
    });
    return { server, lines };
  }

  it('logs one JSON line per request with its id, never the bearer token or the body', async () => {
    const { server, lines } = serverWithLog();
    const res = await request(server)
      .post('/auth/login')
      .set('Authorization', 'Bearer super-secret-token-value')
      .set('X-Request-Id', 'req-42')
      .send({ password: 'hunter2-hunter2' });
    expect(res.headers['x-request-id']).toBe('req-42');
    await new Promise((r) => setImmediate(r));
    const entries = lines.map((l) => JSON.parse(l) as { req: { id: string; headers: Record<string, string> }; name: string });
    expect(entries).toHaveLength(1);
    expect(entries[0]!.name).toBe('test-api');
    expect(entries[0]!.req.id).toBe('req-42');
    expect(entries[0]!.req.headers['authorization']).toBe('[redacted]');
    const all = lines.join('\n');
    expect(all).not.toContain('super-secret-token-value');
    expect(all).not.toContain('hunter2');
  });

  it('replaces an unsafe incoming request id with a new UUID', async () => {
    const { server } = serverWithLog();
    const res = await request(server).get('/').set('X-Request-Id', '"><script>');
    expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });
});
