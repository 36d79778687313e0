/**
 * Benchmark (issue 17): memory of the API process while 20 uploads of 20 MB are confirmed at once.
 *   npx tsx scripts/bench/upload-memory.ts        (BENCH_QUICK=1: the same, it is short anyway)
 * This process starts embedded PostgreSQL and S3 (see pdf-uploads-support.ts) and two child
 * processes, each measured from outside through /proc/<pid>/status (VmRSS sampled every few
 * milliseconds, and VmHWM, the kernel's peak, reset through /proc/<pid>/clear_refs before the run):
 *  1. the candidate API, as production builds it: 21 uploads of 20 MiB (the maximum) are requested
 *     and PUT to their presigned URLs; one is confirmed to warm up; then the resident set is sampled
 *     idle for two seconds (median), and the other 20 are confirmed at once over HTTP. Rise = peak
 *     during the confirms − idle.
 *  2. bare: node:crypto hashing the same 20 objects at once, each read as a stream with the AWS SDK
 *     (GetObject), measured the same way (after hashing one to warm up).
 * Prints both rises, and as its last line `BENCH_ROW {json}` with the API's rise in MB (goal ≤ +10 MB).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { GetObjectCommand, ListObjectsV2Command, type S3Client } from '@aws-sdk/client-s3';
import type { Readable } from 'node:stream';
import { DocumentsService } from '../../libs/documents/src/documents.service';
import { createS3Client } from '../../libs/storage/src/s3-client.factory';
import { benchConfig, log, machine, MB, resetPeak, round1, rssOf, runUnderSwc, startBenchInfra, startCandidateApi } from './pdf-uploads-support';

const UPLOADS = 20;
const SIZE = 20 * MB;
const SAMPLE_MS = 5;

type Message = { kind: 'ready'; base?: string; auth?: Record<string, string>; bucket?: string } | { kind: 'done'; ms: number; stats?: unknown } | { kind: 'go'; keys?: string[] };

/** Starts this script again as `role` in a Node process with the SWC loader and an IPC channel. */
function child(role: 'api' | 'bare', env: Record<string, string>): ChildProcess {
  const register = join(__dirname, 'swc-register.cjs');
  return spawn(process.execPath, ['--enable-source-maps', '-e', `require(${JSON.stringify(register)}); require(${JSON.stringify(__filename)});`], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    env: { ...process.env, RLP_BENCH_SWC: '1', RLP_BENCH_ROLE: role, ...env },
  });
}

function next(proc: ChildProcess, kind: Message['kind']): Promise<Message> {
  return new Promise((resolve, reject) => {
    const onMessage = (m: Message) => {
      if (m.kind !== kind) return;
      proc.off('message', onMessage);
      proc.off('exit', onExit);
      resolve(m);
    };
    const onExit = (code: number | null) => reject(new Error(`child exited with ${code} before '${kind}'`));
    proc.on('message', onMessage);
    proc.once('exit', onExit);
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Median RSS of `pid` over `ms`. */
async function idleRss(pid: number, ms: number): Promise<number> {
  const samples: number[] = [];
  const end = Date.now() + ms;
  while (Date.now() < end) {
    samples.push(rssOf(pid).rss);
    await sleep(20);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)]!;
}

/** Runs `work` while sampling the RSS of `pid`; the peak (sampled, and the kernel's when it could be reset). */
async function peakDuring(pid: number, work: () => Promise<void>): Promise<{ peak: number; sampledPeak: number; kernelPeak: number | null }> {
  const kernel = resetPeak(pid);
  let sampledPeak = rssOf(pid).rss;
  let running = true;
  const sampler = (async () => {
    while (running) {
      sampledPeak = Math.max(sampledPeak, rssOf(pid).rss);
      await sleep(SAMPLE_MS);
    }
  })();
  try {
    await work();
  } finally {
    running = false;
    await sampler;
  }
  const kernelPeak = kernel ? rssOf(pid).hwm : null;
  return { peak: Math.max(sampledPeak, kernelPeak ?? 0), sampledPeak, kernelPeak };
}

async function orchestrate(): Promise<void> {
  log('upload-memory: starting PostgreSQL, S3 and the candidate API (its own process)');
  const infra = await startBenchInfra('uploads');
  const api = child('api', { BENCH_APP_URL: infra.appUrl, BENCH_S3: infra.s3Endpoint });
  let bare: ChildProcess | undefined;
  try {
    const ready = (await next(api, 'ready')) as { base: string; auth: Record<string, string>; bucket: string };
    const call = async (method: string, path: string, body?: unknown) => {
      const res = await fetch(`${ready.base}${path}`, { method, headers: { ...ready.auth, ...(body === undefined ? {} : { 'content-type': 'application/json' }) }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
      return { status: res.status, body: (await res.json()) as Record<string, unknown> };
    };
    // 21 objects of 20 MiB, PUT to their presigned URLs one after the other (this process's memory, not the API's).
    const bytes = Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(SIZE - 9)]);
    const ids: string[] = [];
    for (let i = 0; i <= UPLOADS; i++) {
      bytes.writeUInt32BE(i, 16);
      const ticket = await call('POST', '/documents', { filename: `bijlage-${i}.pdf`, contentType: 'application/pdf', sizeBytes: SIZE });
      if (ticket.status !== 201) throw new Error(`upload request: ${ticket.status} ${JSON.stringify(ticket.body)}`);
      const { upload, document } = ticket.body as { upload: { url: string; headers: Record<string, string> }; document: { id: string } };
      const put = await fetch(upload.url, { method: 'PUT', headers: upload.headers, body: bytes });
      if (put.status !== 200) throw new Error(`PUT: ${put.status}`);
      ids.push(document.id);
    }
    log(`uploaded ${UPLOADS + 1} objects of ${SIZE / MB} MiB`);
    const confirm = async (id: string) => {
      const res = await call('POST', `/documents/${id}/confirm`);
      if (res.status !== 200 || res.body['status'] !== 'verified') throw new Error(`confirm: ${res.status} ${JSON.stringify(res.body)}`);
    };
    await confirm(ids[0]!);
    await sleep(1000);
    const apiPid = api.pid!;
    const apiIdle = await idleRss(apiPid, 2000);
    const started = performance.now();
    const apiPeak = await peakDuring(apiPid, async () => {
      await Promise.all(ids.slice(1).map((id) => confirm(id)));
    });
    const confirmMs = Math.round(performance.now() - started);
    api.send({ kind: 'go' });
    const apiStats = ((await next(api, 'done')) as { stats: unknown }).stats;
    const apiRise = (apiPeak.peak - apiIdle) / MB;
    log(`API: idle ${round1(apiIdle / MB)} MB, peak ${round1(apiPeak.peak / MB)} MB while ${UPLOADS} confirms of ${SIZE / MB} MiB ran (${confirmMs} ms): +${round1(apiRise)} MB`);

    // Bare: the same objects (the verified copies), hashed at once as AWS SDK streams.
    const keys = (await infraKeys(infra.s3Endpoint, ready.bucket)).filter((k) => k.startsWith('verified/'));
    bare = child('bare', { BENCH_S3: infra.s3Endpoint, BENCH_BUCKET: ready.bucket });
    await next(bare, 'ready');
    bare.send({ kind: 'go', keys: keys.slice(0, 1) });
    await next(bare, 'done');
    await sleep(1000);
    const bareIdle = await idleRss(bare.pid!, 2000);
    const bareStarted = performance.now();
    const barePeak = await peakDuring(bare.pid!, async () => {
      bare!.send({ kind: 'go', keys: keys.slice(1, UPLOADS + 1) });
      await next(bare!, 'done');
    });
    const bareMs = Math.round(performance.now() - bareStarted);
    const bareRise = (barePeak.peak - bareIdle) / MB;
    log(`bare node:crypto + AWS SDK streams: idle ${round1(bareIdle / MB)} MB, peak ${round1(barePeak.peak / MB)} MB hashing ${Math.min(UPLOADS, keys.length - 1)} objects at once (${bareMs} ms): +${round1(bareRise)} MB`);

    const value = round1(apiRise);
    const row = {
      id: 'upload-memory',
      what: 'API memory while 20 uploads of 20 MB are confirmed at once',
      value,
      unit: 'MB',
      goal: '≤ +10 MB',
      met: value <= 10,
      details: {
        uploads: UPLOADS,
        objectMiB: SIZE / MB,
        api: { idleMB: round1(apiIdle / MB), peakMB: round1(apiPeak.peak / MB), sampledPeakMB: round1(apiPeak.sampledPeak / MB), kernelPeakMB: apiPeak.kernelPeak === null ? null : round1(apiPeak.kernelPeak / MB), riseMB: value, confirmAllMs: confirmMs, hashing: apiStats },
        bare: { idleMB: round1(bareIdle / MB), peakMB: round1(barePeak.peak / MB), riseMB: round1(bareRise), hashAllMs: bareMs, objects: Math.min(UPLOADS, keys.length - 1) },
        machine: machine(),
      },
    };
    log(`BENCH_ROW ${JSON.stringify(row)}`);
  } finally {
    api.kill('SIGTERM');
    bare?.kill('SIGTERM');
    await sleep(500);
    await infra.stop();
  }
}

async function infraKeys(endpoint: string, bucket: string): Promise<string[]> {
  const s3 = createS3Client(benchConfig(endpoint).storage, endpoint);
  try {
    const keys: string[] = [];
    let token: string | undefined;
    do {
      const page = await s3.send(new ListObjectsV2Command({ Bucket: bucket, ContinuationToken: token }));
      for (const o of page.Contents ?? []) if (o.Key) keys.push(o.Key);
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
    return keys.sort();
  } finally {
    s3.destroy();
  }
}

/** The API process: the candidate API and an account; reports its hashing figures when asked. */
async function serveApi(): Promise<void> {
  const api = await startCandidateApi({ appUrl: process.env['BENCH_APP_URL']!, s3Endpoint: process.env['BENCH_S3']! });
  process.send!({ kind: 'ready', base: api.base, auth: api.auth, bucket: api.bucket });
  process.on('message', (m: Message) => {
    if (m.kind === 'go') process.send!({ kind: 'done', ms: 0, stats: api.app.get(DocumentsService).hashing.stats() });
  });
  process.once('SIGTERM', () => {
    void api.app.close().finally(() => process.exit(0));
  });
}

/** The bare process: hashes the objects it is told, all at once, each as an AWS SDK stream. */
async function serveBare(): Promise<void> {
  const endpoint = process.env['BENCH_S3']!;
  const bucket = process.env['BENCH_BUCKET']!;
  const s3: S3Client = createS3Client(benchConfig(endpoint).storage, endpoint);
  const hash = async (key: string): Promise<string> => {
    const res = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
    const digest = createHash('sha256');
    for await (const chunk of res.Body as Readable) digest.update(chunk as Buffer);
    return digest.digest('hex');
  };
  process.on('message', (m: Message) => {
    if (m.kind !== 'go') return;
    const started = performance.now();
    void Promise.all((m.keys ?? []).map(hash)).then(() => process.send!({ kind: 'done', ms: Math.round(performance.now() - started) }));
  });
  process.once('SIGTERM', () => {
    s3.destroy();
    process.exit(0);
  });
  process.send!({ kind: 'ready' });
}

if (!runUnderSwc(__filename)) {
  const role = process.env['RLP_BENCH_ROLE'];
  const run = role === 'api' ? serveApi : role === 'bare' ? serveBare : orchestrate;
  run().then(
    () => {
      if (role === undefined) process.exit(0);
    },
    (err: unknown) => {
      console.error(`upload-memory (${role ?? 'main'}) failed:`, err);
      process.exit(1);
    },
  );
}
