import request from 'supertest';
import { startTestPlatform, TestPlatform } from '@rlp/testing';
import { MAX_BODY_DEPTH } from '../libs/platform/src/request-body.interceptor';

/** JSON text nested `levels` deep (objects and arrays alternating) around "x", built as text: the test client's serializer is recursive. */
function nested(levels: number): string {
  let open = '';
  let close = '';
  for (let i = levels - 1; i >= 0; i--) {
    open += i % 2 ? '[' : '{"a":';
    close = (i % 2 ? ']' : '}') + close;
  }
  return `${open}"x"${close}`;
}

/**
 * Bodies nested far deeper than any body of the platform are refused before any pipe walks them
 * (400 MALFORMED_JSON): the validation pipe's recursive transformation overflowed the stack on
 * POST /verify at about 2,800 levels (a 500 that test/hostile-input found once).
 */
describe('deeply nested request bodies (e2e)', () => {
  let p: TestPlatform;
  beforeAll(async () => {
    p = await startTestPlatform({ now: new Date('2026-11-23T10:00:00Z') });
  });
  afterAll(() => p.close());

  it.each([MAX_BODY_DEPTH + 1, 2810, 20_000])('refuses a body nested %i levels deep with 400 MALFORMED_JSON on every app', async (levels) => {
    for (const app of [p.candidate, p.assessor]) {
      for (const [path, body] of [
        ['/verify', `{"nested":${nested(levels)}}`],
        ['/verify', `{"credential":${nested(levels)}}`],
        ['/auth/login', `{"email":"a@b.nl","password":${nested(levels)}}`],
      ] as const) {
        const res = await request(app.getHttpServer()).post(path).set('Accept', 'application/json').set('Content-Type', 'application/json').send(body);
        expect({ path, status: res.status, code: res.body.code, maxDepth: res.body.details?.maxDepth }).toEqual({ path, status: 400, code: 'MALFORMED_JSON', maxDepth: MAX_BODY_DEPTH });
      }
    }
  });

  it(`takes a body nested ${MAX_BODY_DEPTH} levels deep to the route's own validation`, async () => {
    const res = await request(p.assessor.getHttpServer()).post('/verify').set('Accept', 'application/json').set('Content-Type', 'application/json').send(`{"credential":${nested(MAX_BODY_DEPTH - 1)}}`);
    expect(res.status).toBeLessThan(500);
    expect(res.body.code).not.toBe('MALFORMED_JSON');
  });
});
