import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Options } from 'pino-http';

const REQUEST_ID = /^[A-Za-z0-9._-]{1,100}$/;

/**
 * Structured request logs: one JSON line per request with its id (a safe incoming X-Request-Id or
 * a new UUID, echoed in the response). Credentials are redacted; bodies are never logged.
 */
export function httpLoggerOptions(name: string, level: string, destination?: NodeJS.WritableStream): Options {
  return {
    level,
    name,
    ...(destination ? { stream: destination } : {}),
    genReqId: (req: IncomingMessage, res: ServerResponse) => {
      const incoming = req.headers['x-request-id'];
      const id = typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
      res.setHeader('x-request-id', id);
      return id;
    },
    redact: { paths: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'], censor: '[redacted]' },
    serializers: {
      req: (req: { id: string; method: string; url: string; headers?: Record<string, unknown> }) => ({
        id: req.id,
        method: req.method,
        url: req.url,
        headers: { authorization: req.headers?.['authorization'], 'user-agent': req.headers?.['user-agent'] },
      }),
    },
  };
}
