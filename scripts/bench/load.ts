/**
 * A small autocannon-like load loop: `concurrency` workers, each on a keep-alive connection of
 * its own http.Agent, send requests back to back for a while. Two sides (platform and bare) are
 * measured in alternating slices, so both share the same noise of a busy machine.
 */
import http from 'node:http';
import { summarise, type Summary } from './report';

export interface Target {
  /** A full URL, e.g. http://127.0.0.1:41234/admin/dossiers */
  url: string;
  /** Instead of `url`: a URL per worker (e.g. each worker on its own portfolio). */
  urlFor?: (worker: number) => string;
  method?: string;
  headers?: Record<string, string>;
  /** A body per request; `worker` is the worker's index (0..concurrency-1), `n` its request count. */
  body?: (worker: number, n: number) => string | undefined;
  /** Per-worker state: headers for this worker's next request (e.g. its own If-Match and token). */
  headersFor?: (worker: number) => Record<string, string>;
  /** Called with each answer (e.g. to take the next ETag); a status outside 2xx counts as an error. */
  onResponse?: (worker: number, status: number, headers: http.IncomingHttpHeaders, body: Buffer) => void;
}

export interface Response {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

export function send(agent: http.Agent, target: Target, worker = 0, n = 0): Promise<Response> {
  const url = new URL(target.urlFor ? target.urlFor(worker) : target.url);
  const body = target.body?.(worker, n);
  const headers: Record<string, string> = { ...target.headers, ...target.headersFor?.(worker) };
  if (body !== undefined) headers['content-length'] = String(Buffer.byteLength(body));
  return new Promise((resolve, reject) => {
    const req = http.request({ agent, hostname: url.hostname, port: url.port, path: `${url.pathname}${url.search}`, method: target.method ?? 'GET', headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    if (body !== undefined) req.write(body);
    req.end();
  });
}

export interface Slice {
  latencies: number[];
  errors: number;
  wallMs: number;
  /** The first few error answers, to say why. */
  samples: string[];
}

/** Runs `target` with `concurrency` workers for `durationMs` (in-flight requests finish). */
export async function runSlice(target: Target, concurrency: number, durationMs: number, agent: http.Agent, counters: number[]): Promise<Slice> {
  const latencies: number[] = [];
  const samples: string[] = [];
  let errors = 0;
  const start = performance.now();
  const deadline = start + durationMs;
  await Promise.all(
    Array.from({ length: concurrency }, async (_, worker) => {
      // At least one request per worker, so a slow route still yields a sample per slice.
      do {
        const n = (counters[worker] = (counters[worker] ?? 0) + 1);
        const t0 = performance.now();
        try {
          const res = await send(agent, target, worker, n);
          const ms = performance.now() - t0;
          target.onResponse?.(worker, res.status, res.headers, res.body);
          if (res.status >= 200 && res.status < 300) latencies.push(ms);
          else {
            errors++;
            if (samples.length < 3) samples.push(`${res.status} ${res.body.toString('utf8').slice(0, 200)}`);
          }
        } catch (err) {
          errors++;
          if (samples.length < 3) samples.push((err as Error).message);
        }
      } while (performance.now() < deadline);
    }),
  );
  return { latencies, errors, wallMs: performance.now() - start, samples };
}

export interface Comparison {
  platform: Summary;
  bare: Summary;
  errorSamples: { platform: string[]; bare: string[] };
}

export interface LoadPlan {
  concurrency: number;
  /** Unmeasured, per side. */
  warmupMs: number;
  /** Measured slices per side; the sides alternate, and which goes first alternates too. */
  rounds: number;
  sliceMs: number;
}

/** Warm-up, then `rounds` alternating slices of each side; latencies and wall time summed per side. */
export async function compare(platform: Target, bare: Target, plan: LoadPlan): Promise<Comparison> {
  const agents = { platform: new http.Agent({ keepAlive: true, maxSockets: plan.concurrency }), bare: new http.Agent({ keepAlive: true, maxSockets: plan.concurrency }) };
  const counters = { platform: [] as number[], bare: [] as number[] };
  const total = { platform: { latencies: [] as number[], errors: 0, wallMs: 0, samples: [] as string[] }, bare: { latencies: [] as number[], errors: 0, wallMs: 0, samples: [] as string[] } };
  const targets = { platform, bare };
  try {
    for (const side of ['platform', 'bare'] as const) await runSlice(targets[side], plan.concurrency, plan.warmupMs, agents[side], counters[side]);
    for (let round = 0; round < plan.rounds; round++) {
      const order = round % 2 === 0 ? (['platform', 'bare'] as const) : (['bare', 'platform'] as const);
      for (const side of order) {
        const s = await runSlice(targets[side], plan.concurrency, plan.sliceMs, agents[side], counters[side]);
        const t = total[side];
        t.latencies.push(...s.latencies);
        t.errors += s.errors;
        t.wallMs += s.wallMs;
        for (const sample of s.samples) if (t.samples.length < 3) t.samples.push(sample);
      }
    }
  } finally {
    agents.platform.destroy();
    agents.bare.destroy();
  }
  return {
    platform: summarise(total.platform.latencies, total.platform.errors, total.platform.wallMs),
    bare: summarise(total.bare.latencies, total.bare.errors, total.bare.wallMs),
    errorSamples: { platform: total.platform.samples, bare: total.bare.samples },
  };
}
