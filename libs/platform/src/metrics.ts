import { timingSafeEqual, createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Inject, Injectable } from '@nestjs/common';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { DataSource } from 'typeorm';
import type { AppConfig } from './config';
import { APP_CONFIG, APP_NAME } from './platform.tokens';

/** What the PDF renderer reports to the metrics (see PdfRendererOptions.observer in libs/pdf). */
export interface PdfRenderObserver {
  /** One render ended: `seconds` it held a slot (0 when it never got one), `outcome` 'rendered' or its error code. */
  rendered(seconds: number, outcome: string): void;
}

/** The label of requests that matched no route (static files of the portals, 404s): keeps the label set bounded. */
export const UNMATCHED_ROUTE = '(unmatched)';

const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];
const RENDER_BUCKETS = [0.1, 0.25, 0.5, 1, 2, 4, 8, 15, 30];

let processRegistry: Registry | undefined;

/**
 * Node's own metrics (CPU, memory, event-loop lag, GC, handles) once per process: both apps run in
 * one process under `npm start` and in the tests, and collecting them twice would double the GC
 * observers. Each app's /metrics shows them next to its own series.
 */
function processMetrics(): Registry {
  if (!processRegistry) {
    processRegistry = new Registry();
    collectDefaultMetrics({ register: processRegistry });
  }
  return processRegistry;
}

interface PgPool {
  totalCount: number;
  idleCount: number;
  waitingCount: number;
  options?: { max?: number };
}

interface RequestWithRoute extends IncomingMessage {
  baseUrl?: string;
  route?: { path?: unknown };
}

/**
 * The Prometheus series of one app (ADR 0028), in a registry of its own so that two apps in one
 * process keep theirs apart. Scraped at GET /metrics (MetricsController).
 */
@Injectable()
export class Metrics {
  readonly registry = new Registry();
  private readonly requests: Counter<'method' | 'route' | 'status_class'>;
  private readonly latency: Histogram<'method' | 'route' | 'status_class'>;
  private readonly renders: Histogram<'outcome'>;
  private pdfStats: (() => { active: number; queued: number }) | undefined;
  private readonly token: Buffer | undefined;

  constructor(
    @Inject(APP_NAME) app: string,
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly dataSource: DataSource,
  ) {
    this.token = config.metricsToken === undefined ? undefined : digest(config.metricsToken);
    this.registry.setDefaultLabels({ app });
    const registers = [this.registry];
    this.requests = new Counter({
      name: 'http_requests_total',
      help: 'HTTP requests answered, by method, route pattern and status class',
      labelNames: ['method', 'route', 'status_class'],
      registers,
    });
    this.latency = new Histogram({
      name: 'http_request_duration_seconds',
      help: 'Time from receiving a request to the end of its answer, by method, route pattern and status class',
      labelNames: ['method', 'route', 'status_class'],
      buckets: LATENCY_BUCKETS,
      registers,
    });
    this.renders = new Histogram({
      name: 'pdf_render_duration_seconds',
      help: 'Time a PDF render held a renderer slot (Chromium at work), by outcome (rendered or the error code)',
      labelNames: ['outcome'],
      buckets: RENDER_BUCKETS,
      registers,
    });
    const stats = () => this.pdfStats?.() ?? { active: 0, queued: 0 };
    new Gauge({
      name: 'pdf_render_queue_length',
      help: 'PDF renders waiting for a free renderer slot',
      registers,
      collect() {
        this.set(stats().queued);
      },
    });
    new Gauge({
      name: 'pdf_renders_active',
      help: 'PDF renders holding a renderer slot',
      registers,
      collect() {
        this.set(stats().active);
      },
    });
    const pool = () => (this.dataSource.driver as unknown as { master?: PgPool }).master;
    new Gauge({
      name: 'db_pool_connections',
      help: 'Connections of the app\'s PostgreSQL pool: total (open), idle, waiting (requests queued for a connection), max (the pool\'s size)',
      labelNames: ['state'],
      registers,
      collect() {
        const p = pool();
        this.set({ state: 'total' }, p?.totalCount ?? 0);
        this.set({ state: 'idle' }, p?.idleCount ?? 0);
        this.set({ state: 'waiting' }, p?.waitingCount ?? 0);
        this.set({ state: 'max' }, p?.options?.max ?? 0);
      },
    });
  }

  /** Who may read /metrics: only a caller with the configured token; without METRICS_TOKEN nobody (404). */
  get enabled(): boolean {
    return this.token !== undefined;
  }

  allows(authorization: string | undefined): boolean {
    if (!this.token || !authorization?.startsWith('Bearer ')) return false;
    return timingSafeEqual(digest(authorization.slice('Bearer '.length)), this.token);
  }

  /** Express middleware: counts and times every request under its route pattern (never the raw URL). */
  readonly middleware = (req: IncomingMessage, res: ServerResponse, next: () => void): void => {
    const started = process.hrtime.bigint();
    res.once('finish', () => {
      const labels = { method: req.method ?? 'OTHER', route: routeOf(req as RequestWithRoute, res.statusCode), status_class: `${Math.floor(res.statusCode / 100)}xx` };
      this.requests.inc(labels);
      this.latency.observe(labels, Number(process.hrtime.bigint() - started) / 1e9);
    });
    next();
  };

  /** The PDF renderer's queue (read at each scrape) and an observer of its render times. */
  observePdfRenderer(stats: () => { active: number; queued: number }): PdfRenderObserver {
    this.pdfStats = stats;
    return { rendered: (seconds, outcome) => this.renders.observe({ outcome }, seconds) };
  }

  /** The text a Prometheus server scrapes: this app's series, then the process's. */
  async exposition(): Promise<{ contentType: string; body: string }> {
    const own = await this.registry.metrics();
    const proc = await processMetrics().metrics();
    return { contentType: this.registry.contentType, body: `${own}\n${proc}` };
  }
}

/** The route pattern that answered; a 404 from a catch-all (Nest's not-found handler, `{/*splat}`) matched nothing. */
function routeOf(req: RequestWithRoute, status: number): string {
  const path = req.route?.path;
  if (typeof path !== 'string' || (status === 404 && path.includes('*'))) return UNMATCHED_ROUTE;
  return `${req.baseUrl ?? ''}${path}` || '/';
}

/** Fixed-length digests, so comparing them in constant time does not tell the token's length. */
function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}
