import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { LoggerService } from '@nestjs/common';
import type { Options } from 'pino-http';
import pretty from 'pino-pretty';

const REQUEST_ID = /^[A-Za-z0-9._-]{1,100}$/;

/** Probes that a proxy and Prometheus call every few seconds: logged only when they fail. */
const PROBE = /^\/(health\/(live|ready)|metrics)(\?|$)/;

export type LogFormat = 'pretty' | 'json';

/**
 * `auto` (ADR 0028): readable lines for a person at a terminal (stdout is a TTY and NODE_ENV is
 * not production), JSON lines otherwise: containers, pipes, files and log collectors.
 */
export function resolveLogFormat(setting: 'auto' | LogFormat, isTty = Boolean(process.stdout.isTTY), nodeEnv = process.env['NODE_ENV']): LogFormat {
  if (setting !== 'auto') return setting;
  return isTty && nodeEnv !== 'production' ? 'pretty' : 'json';
}

interface LogLine {
  name?: string;
  context?: string;
  req?: { id?: string; method?: string; url?: string };
  res?: { statusCode?: number };
  responseTime?: number;
  [key: string]: unknown;
}

/** One readable line: `candidate-api GET /portfolios/… 200 12 ms (request id)` or `assessor-api [Context] message`. */
export function prettyMessage(log: LogLine, messageKey: string): string {
  const name = log.name ?? '';
  if (log.req?.method && log.res) {
    return `${name} ${log.req.method} ${log.req.url ?? ''} ${log.res.statusCode ?? ''} ${Math.round(log.responseTime ?? 0)} ms (${log.req.id ?? ''})`;
  }
  return `${name}${log.context ? ` [${log.context}]` : ''} ${String(log[messageKey] ?? '')}`;
}

/** Where the logs go: undefined is pino's own JSON to stdout; `pretty` formats each line first. */
export function logDestination(format: LogFormat, out: NodeJS.WritableStream = process.stdout, colorize = format === 'pretty' && out === process.stdout): NodeJS.WritableStream | undefined {
  if (format === 'json') return undefined;
  return pretty({
    destination: out,
    colorize,
    sync: true,
    translateTime: 'SYS:HH:MM:ss.l',
    ignore: 'pid,hostname,name,context,req,res,responseTime',
    messageFormat: (log, key) => prettyMessage(log as LogLine, key),
  });
}

/**
 * Nest's start-up wiring: one line per module and per route ("Mapped {/x, GET} route"), and its
 * "successfully started" (the start scripts say where the apps listen; with two apps in one process
 * Nest's global logger would name the wrong one).
 */
export const NEST_WIRING_CONTEXTS: ReadonlySet<string> = new Set(['NestFactory', 'InstanceLoader', 'RoutesResolver', 'RouterExplorer', 'NestApplication']);

/**
 * Drops Nest's start-up wiring lines (LOG_ROUTES=true keeps them); everything else, and every
 * warning or error whatever its context, goes to the app's logger.
 */
export class QuietStartupLogger implements LoggerService {
  constructor(private readonly inner: LoggerService) {}
  log(message: unknown, ...rest: unknown[]): void {
    const context = rest.at(-1);
    if (typeof context === 'string' && NEST_WIRING_CONTEXTS.has(context)) return;
    this.inner.log(message, ...rest);
  }
  error(message: unknown, ...rest: unknown[]): void {
    this.inner.error(message, ...rest);
  }
  warn(message: unknown, ...rest: unknown[]): void {
    this.inner.warn(message, ...rest);
  }
  debug(message: unknown, ...rest: unknown[]): void {
    this.inner.debug?.(message, ...rest);
  }
  verbose(message: unknown, ...rest: unknown[]): void {
    this.inner.verbose?.(message, ...rest);
  }
  fatal(message: unknown, ...rest: unknown[]): void {
    this.inner.fatal?.(message, ...rest);
  }
}

/**
 * Structured request logs: one JSON line per request with its id (a safe incoming X-Request-Id or
 * a new UUID, echoed in the response). Credentials are redacted; bodies are never logged.
 */
export function httpLoggerOptions(name: string, level: string, destination?: NodeJS.WritableStream): Options {
  return {
    level,
    name,
    ...(destination ? { stream: destination } : {}),
    // Successful probes are not logged (a proxy checks every few seconds); failures are.
    customLogLevel: (req, res, err) => {
      if (err || res.statusCode >= 500) return 'error';
      if (res.statusCode < 400 && PROBE.test(req.url ?? '')) return 'silent';
      return 'info';
    },
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
