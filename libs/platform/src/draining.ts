import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { BeforeApplicationShutdown, Injectable } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';

/**
 * Draining without waiting out keep-alive (ADR 0028). When the app closes (`app.close()`, which
 * the SIGTERM/SIGINT handler calls), Nest runs this hook before it closes the HTTP server:
 * - every answer from then on says `Connection: close`, also the answers of requests already in
 *   flight whose headers are not sent yet, and the connection ends after it;
 * - connections that sit idle between requests are closed at once;
 * - a connection whose answer was already under way is ended as soon as that answer is complete.
 * Without this, Node keeps an in-flight request's keep-alive connection open for the keep-alive
 * timeout (5 s) after its answer, and server.close() waits for it.
 */
@Injectable()
export class Draining implements BeforeApplicationShutdown {
  private draining = false;
  private readonly inFlight = new Set<ServerResponse>();

  constructor(private readonly adapterHost: HttpAdapterHost) {}

  get active(): boolean {
    return this.draining;
  }

  /** Express middleware, first in line: knows the answers in flight and marks new ones while draining. */
  readonly middleware = (_req: IncomingMessage, res: ServerResponse, next: () => void): void => {
    if (this.draining) {
      closeAfter(res);
    } else {
      this.inFlight.add(res);
      const done = () => this.inFlight.delete(res);
      res.once('finish', done);
      res.once('close', done);
    }
    next();
  };

  beforeApplicationShutdown(): void {
    this.start();
  }

  start(): void {
    if (this.draining) return;
    this.draining = true;
    for (const res of this.inFlight) closeAfter(res);
    this.inFlight.clear();
    const server = this.adapterHost.httpAdapter?.getHttpServer() as Server | undefined;
    server?.closeIdleConnections?.();
  }
}

function closeAfter(res: ServerResponse): void {
  if (!res.headersSent) {
    // Node then writes `Connection: close` and ends the socket after this answer.
    res.shouldKeepAlive = false;
    res.setHeader('Connection', 'close');
    return;
  }
  const socket: Socket | null = res.socket;
  res.once('finish', () => setImmediate(() => socket?.end()));
}
