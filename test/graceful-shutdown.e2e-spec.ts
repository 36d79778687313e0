import { Controller, Get, Module } from '@nestjs/common';
import { Public } from '@rlp/accounts';
import { createApp, listen } from '@rlp/platform';
import { createTestDatabase, requireEnv, TEST_ENV, testConfig } from '@rlp/testing';
import { CANDIDATE_API_DOCS, CandidateApiModule } from '../apps/candidate-api/src/candidate-api.module';

// Resolved when the slow request is inside its handler, so the test closes the app mid-request
// however slow the machine is (a fixed head start was flaky under load).
let arrived: () => void = () => undefined;
const reached = new Promise<void>((resolve) => (arrived = resolve));

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
});
