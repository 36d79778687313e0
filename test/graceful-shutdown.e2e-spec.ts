import { Agent, get as httpGet, type IncomingHttpHeaders } from 'node:http';
import type { Server } from 'node:http';
import type { Socket } from 'node:net';
import { Controller, Get, Module } from '@nestjs/common';
import { Public } from '@rlp/accounts';
import { createApp, listen } from '@rlp/platform';
import { createTestDatabase, requireEnv, TEST_ENV, testConfig } from '@rlp/testing';
import { CANDIDATE_API_DOCS, CandidateApiModule } from '../apps/candidate-api/src/candidate-api.module';

// Resolved when the slow request is inside its handler, so the test closes the app mid-request
// however slow the machine is (a fixed head start was flaky under load).
let arrived: () => void = () => undefined;
let reached = new Promise<void>((resolve) => (arrived = resolve));

@Controller('slow')
class SlowController {
  @Get()
  @Public()
  async slow(): Promise<{ done: true }> {
    arrived();
    await new Promise((r) => setTimeout(r, 700));
    return { done: true };
  }
}

describe('graceful shutdown (e2e)', () => {
  it('lets an in-flight request finish, then refuses new connections', async () => {
    const db = await createTestDatabase();
    const config = testConfig();
    @Module({
      imports: [CandidateApiModule.forRoot({ config, databaseUrl: db.appUrl, storageEndpoint: requireEnv(TEST_ENV.s3Endpoint) })],
      controllers: [SlowController],
    })
    class SlowAppModule {}
    const app = await createApp(SlowAppModule, config, CANDIDATE_API_DOCS);
    const url = await listen(app, 0);
    try {
      const inFlight = fetch(`${url}/slow`);
      await reached;
      const closing = app.close();
      const res = await inFlight;
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ done: true });
      await closing;
      await expect(fetch(`${url}/health`)).rejects.toThrow();
    } finally {
      await db.drop();
    }
  });

  it('drains keep-alive connections: answers during shutdown say Connection: close, and no connection is held for the keep-alive timeout', async () => {
    reached = new Promise<void>((resolve) => (arrived = resolve));
    const db = await createTestDatabase();
    const config = testConfig();
    @Module({
      imports: [CandidateApiModule.forRoot({ config, databaseUrl: db.appUrl, storageEndpoint: requireEnv(TEST_ENV.s3Endpoint) })],
      controllers: [SlowController],
    })
    class SlowAppModule {}
    const app = await createApp(SlowAppModule, config, CANDIDATE_API_DOCS);
    const url = new URL(await listen(app, 0));
    const server = app.getHttpServer() as Server;
    const keepAliveMs = server.keepAliveTimeout;
    expect(keepAliveMs).toBeGreaterThanOrEqual(5000);
    const agent = new Agent({ keepAlive: true, maxSockets: 2 });
    const sockets = new Set<Socket>();
    const call = (path: string) =>
      new Promise<{ status: number; headers: IncomingHttpHeaders; socket: Socket }>((resolve, reject) => {
        const req = httpGet({ host: url.hostname, port: url.port, path, agent }, (res) => {
          res.resume();
          res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, socket: res.socket }));
        });
        req.on('socket', (s: Socket) => sockets.add(s));
        req.on('error', reject);
      });
    const serverClosed = new Promise<number>((resolve) => server.once('close', () => resolve(Date.now())));
    try {
      // Two keep-alive connections: one stays idle, the other carries a request that is in flight when the app closes.
      const [first, second] = await Promise.all([call('/health/live'), call('/health/live')]);
      expect(first.headers.connection).toBe('keep-alive');
      expect(second.headers.connection).toBe('keep-alive');
      expect(sockets.size).toBe(2);
      const closedSockets = [...sockets].map((s) => new Promise<number>((resolve) => (s.destroyed ? resolve(Date.now()) : s.once('close', () => resolve(Date.now())))));
      const inFlight = call('/slow');
      await reached;
      const closing = app.close();
      const res = await inFlight;
      const answered = Date.now();
      expect(res.status).toBe(200);
      expect(res.headers.connection).toBe('close');
      // Both connections end (the idle one at once, the busy one after its answer), and with them
      // the server: nobody waits out the keep-alive timeout.
      const ended = Math.max(...(await Promise.all(closedSockets)), await serverClosed);
      expect(ended - answered).toBeLessThan(keepAliveMs / 2);
      await closing;
    } finally {
      agent.destroy();
      await db.drop();
    }
  });
});
