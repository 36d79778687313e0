import { createServer } from 'node:http';
import { PassThrough } from 'node:stream';
import pinoHttp from 'pino-http';
import request from 'supertest';
import type { LoggerService } from '@nestjs/common';
import { httpLoggerOptions, logDestination, QuietStartupLogger, resolveLogFormat } from './http-logger';

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

describe('log format (ADR 0028)', () => {
  it('auto: readable at a terminal in development, JSON in production and when piped', () => {
    expect(resolveLogFormat('auto', true, undefined)).toBe('pretty');
    expect(resolveLogFormat('auto', true, 'development')).toBe('pretty');
    expect(resolveLogFormat('auto', true, 'production')).toBe('json');
    expect(resolveLogFormat('auto', false, undefined)).toBe('json');
    expect(resolveLogFormat('pretty', false, 'production')).toBe('pretty');
    expect(resolveLogFormat('json', true, undefined)).toBe('json');
  });

  it('pretty: one readable line per request (method, URL, status, time, id), no JSON, still no credentials', async () => {
    const out = new PassThrough();
    let text = '';
    out.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
    const logger = pinoHttp(httpLoggerOptions('test-api', 'info', logDestination('pretty', out, false)));
    const server = createServer((req, res) => {
      logger(req, res);
      res.statusCode = 404;
      res.end('nope');
    });
    await request(server).get('/portfolios/42').set('Authorization', 'Bearer super-secret-token-value').set('X-Request-Id', 'req-7');
    await new Promise((r) => setImmediate(r));
    const lines = text.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^\[\d\d:\d\d:\d\d\.\d{3}\] INFO: test-api GET \/portfolios\/42 404 \d+ ms \(req-7\)$/);
    expect(text).not.toContain('super-secret-token-value');
  });

  it('json: no pretty stream (pino writes JSON to stdout itself)', () => {
    expect(logDestination('json')).toBeUndefined();
  });

  it('successful probes are not logged, failed ones are', async () => {
    const out = new PassThrough();
    const lines: string[] = [];
    out.on('data', (chunk: Buffer) => lines.push(...chunk.toString('utf8').trim().split('\n')));
    const logger = pinoHttp(httpLoggerOptions('test-api', 'info', out));
    let status = 200;
    const server = createServer((req, res) => {
      logger(req, res);
      res.statusCode = status;
      res.end();
    });
    await request(server).get('/health/ready');
    await request(server).get('/metrics');
    await new Promise((r) => setImmediate(r));
    expect(lines).toEqual([]);
    status = 503;
    await request(server).get('/health/ready');
    await new Promise((r) => setImmediate(r));
    expect(lines.map((l) => (JSON.parse(l) as { level: number }).level)).toEqual([50]);
  });
});

describe('Nest start-up wiring is quiet unless asked for', () => {
  it('drops the NestFactory, InstanceLoader, RoutesResolver, RouterExplorer and NestApplication lines; keeps the rest, and every warning and error', () => {
    const seen: unknown[][] = [];
    const inner: LoggerService = {
      log: (...a: unknown[]) => seen.push(['log', ...a]),
      error: (...a: unknown[]) => seen.push(['error', ...a]),
      warn: (...a: unknown[]) => seen.push(['warn', ...a]),
    };
    const quiet = new QuietStartupLogger(inner);
    quiet.log('Mapped {/health, GET} route', 'RouterExplorer');
    quiet.log('AppModule dependencies initialized', 'InstanceLoader');
    quiet.log('HealthController {/health}:', 'RoutesResolver');
    quiet.log('Starting Nest application...', 'NestFactory');
    quiet.log('Nest application successfully started', 'NestApplication');
    quiet.warn('careful', 'RouterExplorer');
    quiet.error('broken', 'trace', 'InstanceLoader');
    quiet.log('Outbox sender started', 'OutboxSender');
    expect(seen).toEqual([
      ['warn', 'careful', 'RouterExplorer'],
      ['error', 'broken', 'trace', 'InstanceLoader'],
      ['log', 'Outbox sender started', 'OutboxSender'],
    ]);
  });
});
