import type { ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch, type Browser, type BrowserContext, type HTTPRequest } from 'puppeteer-core';
import type { PdfConfig } from '../../platform/src/config';
import { FairQueue, FairQueueFull } from './fair-queue';

/**
 * HTML → PDF with one headless Chromium per renderer.
 *
 * - The browser is launched lazily by the first render; renders that start while it launches wait
 *   for the same launch. When it disconnects or crashes, the next render launches a new one.
 * - Every render gets its own browser context (no shared cookies, cache or storage) and page, both
 *   closed when the render ends, whatever the outcome.
 * - Pages run without JavaScript and without network: every request except `data:` and `about:`
 *   is aborted. Templates are static HTML with inlined styles.
 * - At most `maxConcurrent` renders run at once, and at most one per owner (`RenderOptions.owner`,
 *   the person whose PDF it is); the others wait, and free slots go to the waiting owners in turn
 *   (round-robin, see fair-queue.ts). An owner with `maxQueuedPerOwner` renders waiting gets
 *   PDF_BUSY for one more.
 * - `timeoutMs` is one deadline per render counted from the call, so it includes the time spent
 *   waiting in the queue and a browser launch. Past it the render rejects with PDF_TIMEOUT and its
 *   context is closed; its slot is freed as soon as the context is gone.
 * - `close()` refuses new renders, rejects queued ones, closes the browser and SIGKILLs its process
 *   group when a graceful close takes longer than `closeTimeoutMs`. It resolves only when the
 *   browser process has exited and the temporary profile directory is removed.
 */

export type PdfErrorCode = 'PDF_TIMEOUT' | 'PDF_RENDER_FAILED' | 'PDF_RENDERER_CLOSED' | 'PDF_BUSY';

export class PdfRenderError extends Error {
  override readonly name = 'PdfRenderError';

  constructor(
    readonly code: PdfErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export interface PdfRendererOptions extends PdfConfig {
  /** How long `close()` waits for Chromium to exit on its own before killing it. Default 3000. */
  closeTimeoutMs?: number;
  /** Renders one owner may have waiting behind its running one; one more is refused (PDF_BUSY). Default 2. */
  maxQueuedPerOwner?: number;
  /** Told of every render's end: seconds it held a slot (0: it never got one) and 'rendered' or its error code (metrics, ADR 0028). */
  onRendered?: (seconds: number, outcome: 'rendered' | PdfErrorCode) => void;
}

export interface RenderOptions {
  /** Chromium print header template (see puppeteer's PDFOptions). Default: empty. */
  headerTemplate?: string;
  /** Chromium print footer template. Default: "pagina X van Y", centred. */
  footerTemplate?: string;
  /** Document title (PDF metadata); inserted as an escaped <title> into the HTML. */
  title?: string;
  /** Overrides the renderer's `timeoutMs` for this render. */
  timeoutMs?: number;
  /**
   * Whose PDF this is (a user id): at most one render per owner runs at a time, and owners take
   * turns for free slots. Renders without an owner are each their own.
   */
  owner?: string;
}

export interface PdfRendererStats {
  /** Browser launches so far (1 unless the browser crashed or disconnected). */
  launches: number;
  /** Browsers that went away without `close()` being asked for. */
  crashes: number;
  /** Renders that produced a PDF. */
  rendered: number;
  /** Renders that failed, timeouts included. */
  failed: number;
  timedOut: number;
  /** Renders holding a slot now. */
  active: number;
  /** Renders waiting for a slot now. */
  queued: number;
  /** Most renders that were waiting at the same time. */
  peakQueued: number;
  /** Browser contexts open now (each render has at most one). */
  openContexts: number;
  /** Most browser contexts that were open at the same time; never above `maxConcurrent`. */
  peakOpenContexts: number;
  /** Requests from pages that were aborted because they would leave the page. */
  blockedRequests: number;
  /** Renders refused with PDF_BUSY (their owner already had `maxQueuedPerOwner` waiting). */
  busy: number;
}

export const DEFAULT_FOOTER_TEMPLATE =
  '<div style="width:100%; font-size:8px; font-family:\'DejaVu Sans\', sans-serif; color:#555; text-align:center;">' +
  'pagina <span class="pageNumber"></span> van <span class="totalPages"></span></div>';

const EMPTY_HEADER_TEMPLATE = '<div></div>';

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-dev-shm-usage',
];

/** True when `buf` starts like a PDF file. */
export function isPdf(buf: Buffer | Uint8Array): boolean {
  return Buffer.from(buf.buffer, buf.byteOffset, Math.min(buf.byteLength, 5)).toString('latin1') === '%PDF-';
}

interface BrowserInstance {
  readonly browser: Browser;
  readonly process: ChildProcess | null;
  readonly pid: number | undefined;
  readonly userDataDir: string;
  /** Resolves when the Chromium main process has exited (and was reaped). */
  readonly exited: Promise<void>;
  /** Aborted when the browser disconnects or its process exits: the renders on it fail at once. */
  readonly lost: AbortController;
  closing: boolean;
  reaped?: Promise<void>;
}

interface Job {
  readonly signal: AbortSignal;
  /** Ends the render now: it rejects with `reason` (a timeout, or its browser going away). */
  readonly abort: (reason: unknown) => void;
  readonly deadline: number;
  context: BrowserContext | undefined;
  /** When it got a slot (performance.now()). */
  started?: number;
}

export class PdfRenderer {
  private readonly slots: FairQueue;
  private readonly closeTimeoutMs: number;
  private current: BrowserInstance | undefined;
  private launching: Promise<BrowserInstance> | undefined;
  /** Every browser not yet cleaned up (the current one and ones that went away). */
  private readonly instances = new Set<BrowserInstance>();
  private closed = false;
  private closing: Promise<void> | undefined;
  private readonly counters = {
    launches: 0,
    crashes: 0,
    rendered: 0,
    failed: 0,
    timedOut: 0,
    peakQueued: 0,
    openContexts: 0,
    peakOpenContexts: 0,
    blockedRequests: 0,
    busy: 0,
  };

  constructor(private readonly options: PdfRendererOptions) {
    if (!Number.isInteger(options.timeoutMs) || options.timeoutMs < 1) throw new RangeError(`timeoutMs must be an integer >= 1, got ${options.timeoutMs}`);
    this.slots = new FairQueue(options.maxConcurrent, options.maxQueuedPerOwner ?? 2);
    this.closeTimeoutMs = options.closeTimeoutMs ?? 3000;
  }

  /** Pid of the running Chromium main process, if one is running. */
  browserPid(): number | undefined {
    return this.current?.pid;
  }

  /** Profile directory of the running Chromium, if one is running (removed when it goes away). */
  browserUserDataDir(): string | undefined {
    return this.current?.userDataDir;
  }

  stats(): PdfRendererStats {
    return { ...this.counters, active: this.slots.inUse, queued: this.slots.waiting };
  }

  async render(html: string, options: RenderOptions = {}): Promise<Buffer> {
    if (this.closed) throw closedError();
    const timeoutMs = options.timeoutMs ?? this.options.timeoutMs;
    const abort = new AbortController();
    const job: Job = { signal: abort.signal, abort: (reason) => abort.abort(reason), deadline: Date.now() + timeoutMs, context: undefined };
    const timer = setTimeout(() => {
      job.abort(new PdfRenderError('PDF_TIMEOUT', `PDF render did not finish within ${timeoutMs} ms`));
      // Closing the context makes whatever the page is doing fail, which frees the slot.
      void job.context?.close().catch(() => undefined);
    }, timeoutMs);
    const work = this.execute(html, options, job);
    this.counters.peakQueued = Math.max(this.counters.peakQueued, this.slots.waiting);
    try {
      const pdf = await Promise.race([work, abortion(abort.signal)]);
      this.counters.rendered++;
      this.observe(job, 'rendered');
      return pdf;
    } catch (err) {
      this.counters.failed++;
      const error = this.classify(err);
      if (error.code === 'PDF_TIMEOUT') this.counters.timedOut++;
      if (error.code === 'PDF_BUSY') this.counters.busy++;
      this.observe(job, error.code);
      throw error;
    } finally {
      clearTimeout(timer);
      // After a timeout the work still settles (usually with a "target closed" error): observe it.
      work.catch(() => undefined);
    }
  }

  /**
   * Closes the browser; renders after this reject with PDF_RENDERER_CLOSED, as do queued ones and
   * (because their browser goes away) running ones. Safe to call more than once.
   */
  close(): Promise<void> {
    this.closing ??= this.shutdown();
    return this.closing;
  }

  private observe(job: Job, outcome: 'rendered' | PdfErrorCode): void {
    this.options.onRendered?.(job.started === undefined ? 0 : (performance.now() - job.started) / 1000, outcome);
  }

  // ------------------------------------------------------------------ rendering

  private async execute(html: string, options: RenderOptions, job: Job): Promise<Buffer> {
    const release = await this.slots.acquire(options.owner, job.signal);
    job.started = performance.now();
    try {
      throwIfAborted(job.signal);
      const { instance, context } = await this.openContext(job);
      job.context = context;
      // A browser that goes away ends the render at once (see below), not at its timeout.
      const onLost = () => job.abort(new Error('Chromium went away during the render'));
      if (instance.lost.signal.aborted) onLost();
      instance.lost.signal.addEventListener('abort', onLost, { once: true });
      this.counters.openContexts++;
      this.counters.peakOpenContexts = Math.max(this.counters.peakOpenContexts, this.counters.openContexts);
      try {
        // Some of puppeteer's waits (a new page's target) have no deadline of their own and do not
        // end when the browser dies: an abort ends the render, and frees its context and slot, now.
        const rendering = this.renderPage(context, html, options, job);
        rendering.catch(() => undefined);
        return await Promise.race([rendering, abortion(job.signal)]);
      } finally {
        instance.lost.signal.removeEventListener('abort', onLost);
        await context.close().catch(() => undefined);
        this.counters.openContexts--;
      }
    } finally {
      release();
    }
  }

  private async renderPage(context: BrowserContext, html: string, options: RenderOptions, job: Job): Promise<Buffer> {
    throwIfAborted(job.signal);
    const page = await context.newPage();
    await page.setJavaScriptEnabled(false);
    await page.setRequestInterception(true);
    page.on('request', (request) => this.guard(request));
    throwIfAborted(job.signal);
    await page.setContent(options.title === undefined ? html : withTitle(html, options.title), {
      waitUntil: 'load',
      timeout: remaining(job),
    });
    throwIfAborted(job.signal);
    const pdf = await page.pdf({
      format: 'A4',
      printBackground: true,
      displayHeaderFooter: true,
      headerTemplate: options.headerTemplate ?? EMPTY_HEADER_TEMPLATE,
      footerTemplate: options.footerTemplate ?? DEFAULT_FOOTER_TEMPLATE,
      margin: { top: '18mm', bottom: '20mm', left: '16mm', right: '16mm' },
      timeout: remaining(job),
    });
    return Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength);
  }

  /** A fresh context in a live browser; a browser found dead on the way is replaced once. */
  private async openContext(job: Job): Promise<{ instance: BrowserInstance; context: BrowserContext }> {
    for (let attempt = 1; ; attempt++) {
      const instance = await this.browser();
      throwIfAborted(job.signal);
      try {
        return { instance, context: await instance.browser.createBrowserContext() };
      } catch (err) {
        if (attempt >= 2 || this.closed || isAlive(instance)) throw err;
        this.forget(instance);
      }
    }
  }

  /** Lets the page load its own inline content only. */
  private guard(request: HTTPRequest): void {
    const url = request.url();
    if (url.startsWith('data:') || url.startsWith('about:')) {
      request.continue().catch(() => undefined);
    } else {
      this.counters.blockedRequests++;
      request.abort('blockedbyclient').catch(() => undefined);
    }
  }

  private classify(err: unknown): PdfRenderError {
    if (err instanceof PdfRenderError) return err;
    if (err instanceof FairQueueFull) return new PdfRenderError('PDF_BUSY', `A PDF of the same person is already being rendered, and ${err.limit} more are waiting`, { cause: err });
    if (this.closed) return closedError(err);
    const detail = err instanceof Error ? err.message : String(err);
    return new PdfRenderError('PDF_RENDER_FAILED', `PDF render failed: ${detail}`, { cause: err });
  }

  // ------------------------------------------------------------------ the browser

  private async browser(): Promise<BrowserInstance> {
    if (this.closed) throw closedError();
    const current = this.current;
    if (current !== undefined && isAlive(current)) return current;
    if (current !== undefined) this.forget(current);
    // Renders arriving while a launch is under way share it.
    this.launching ??= this.launch().finally(() => {
      this.launching = undefined;
    });
    return this.launching;
  }

  private async launch(): Promise<BrowserInstance> {
    const userDataDir = await mkdtemp(join(tmpdir(), 'rlp-pdf-'));
    let browser: Browser;
    try {
      browser = await launch({
        executablePath: this.options.chromiumPath,
        headless: true,
        userDataDir,
        args: CHROMIUM_ARGS,
        // The app shuts down gracefully and calls close(); puppeteer's own SIGINT handler would
        // call process.exit(). Its process 'exit' hook still kills Chromium if Node goes away.
        handleSIGINT: false,
        handleSIGTERM: false,
        handleSIGHUP: false,
        protocolTimeout: Math.max(30_000, 2 * this.options.timeoutMs),
      });
    } catch (err) {
      await rm(userDataDir, { recursive: true, force: true }).catch(() => undefined);
      throw new PdfRenderError('PDF_RENDER_FAILED', `Chromium could not be started (${this.options.chromiumPath})`, { cause: err });
    }
    this.counters.launches++;
    const child = browser.process();
    const instance: BrowserInstance = { browser, process: child, pid: child?.pid, userDataDir, exited: exitOf(child), lost: new AbortController(), closing: false };
    this.instances.add(instance);
    const crashed = () => {
      instance.lost.abort();
      if (instance.closing) return;
      this.counters.crashes++;
      this.forget(instance);
      // Helpers that outlive a killed browser can keep the protocol pipe open; dropping the
      // connection makes the renders in flight fail now instead of at their timeout.
      void browser.disconnect().catch(() => undefined);
    };
    browser.once('disconnected', crashed);
    void instance.exited.then(crashed);
    if (this.closed) {
      await this.closeInstance(instance);
      throw closedError();
    }
    this.current = instance;
    return instance;
  }

  /** Drops a browser that went away: kills what is left of it and cleans up in the background. */
  private forget(instance: BrowserInstance): void {
    if (this.current === instance) this.current = undefined;
    if (instance.closing) return;
    instance.closing = true;
    killGroup(instance);
    void this.reap(instance);
  }

  private async shutdown(): Promise<void> {
    this.closed = true;
    this.slots.rejectAll(closedError());
    // A launch under way finishes first; launch() then closes its browser itself.
    await this.launching?.catch(() => undefined);
    const current = this.current;
    this.current = undefined;
    if (current !== undefined) await this.closeInstance(current);
    await Promise.all([...this.instances].map((instance) => this.reap(instance)));
  }

  private async closeInstance(instance: BrowserInstance): Promise<void> {
    instance.closing = true;
    const graceful = instance.browser.close().then(
      () => true,
      () => false,
    );
    if (!(await within(graceful, this.closeTimeoutMs, false))) killGroup(instance);
    await this.reap(instance);
  }

  /** Waits for the process to exit (killing it when it lingers), then removes the profile. */
  private reap(instance: BrowserInstance): Promise<void> {
    instance.reaped ??= (async () => {
      if (!(await within(instance.exited.then(() => true), this.closeTimeoutMs, false))) {
        killGroup(instance);
        await within(instance.exited.then(() => true), this.closeTimeoutMs, false);
      }
      // Helpers of a crashed browser (zygotes, renderers) share its process group.
      killGroup(instance);
      // SIGKILL is delivered asynchronously: on a busy machine helpers can outlive this call by a
      // few milliseconds. Wait (bounded) until the group is gone, so "closed" means gone.
      await groupGone(instance.pid, this.closeTimeoutMs);
      await rm(instance.userDataDir, { recursive: true, force: true, maxRetries: 3, retryDelay: 100 }).catch(() => undefined);
      this.instances.delete(instance);
    })();
    return instance.reaped;
  }
}

// ------------------------------------------------------------------ helpers

function closedError(cause?: unknown): PdfRenderError {
  return new PdfRenderError('PDF_RENDERER_CLOSED', 'The PDF renderer is closed', cause === undefined ? undefined : { cause });
}

function throwIfAborted(signal: AbortSignal): void {
  if (signal.aborted) throw signal.reason;
}

/** Rejects with the signal's reason once it is aborted. */
function abortion(signal: AbortSignal): Promise<never> {
  return new Promise((_resolve, reject) => {
    if (signal.aborted) reject(signal.reason as Error);
    else signal.addEventListener('abort', () => reject(signal.reason as Error), { once: true });
  });
}

function remaining(job: Job): number {
  return Math.max(1, job.deadline - Date.now());
}

function isAlive(instance: BrowserInstance): boolean {
  const child = instance.process;
  return instance.browser.connected && (child === null || (child.exitCode === null && child.signalCode === null));
}

function exitOf(child: ChildProcess | null): Promise<void> {
  if (child === null || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

/**
 * SIGKILLs Chromium's process group (puppeteer starts it detached, as a group leader), or only the
 * main process when the group cannot be signalled. No-op when nothing is left.
 */
function killGroup(instance: BrowserInstance): void {
  const pid = instance.pid;
  if (pid === undefined) return;
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    try {
      if (instance.process !== null && instance.process.exitCode === null && instance.process.signalCode === null) instance.process.kill('SIGKILL');
    } catch {
      // already gone
    }
  }
}

/** Resolves once no process of the group is left (zombies aside), or after `ms`. */
async function groupGone(pgid: number | undefined, ms: number): Promise<void> {
  if (pgid === undefined) return;
  const deadline = Date.now() + ms;
  while (Date.now() < deadline && groupAlive(pgid)) await new Promise((resolve) => setTimeout(resolve, 10));
}

/** Whether a live (not zombie) process of this group exists: /proc on Linux, else a signal-0 probe. */
function groupAlive(pgid: number): boolean {
  if (!existsSync('/proc/self/stat')) {
    try {
      process.kill(-pgid, 0);
      return true;
    } catch {
      return false;
    }
  }
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const [state, , group] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(group) === pgid && state !== 'Z') return true;
    } catch {
      // exited meanwhile
    }
  }
  return false;
}

/** `promise`'s value, or `fallback` when it takes longer than `ms`. Leaves no timer behind. */
async function within<T>(promise: Promise<T>, ms: number, fallback: T): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([promise, new Promise<T>((resolve) => (timer = setTimeout(() => resolve(fallback), ms)))]);
  } finally {
    clearTimeout(timer);
  }
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Puts an escaped <title> at the start of <head> (or of the document when it has none). */
function withTitle(html: string, title: string): string {
  const tag = `<title>${escapeHtml(title)}</title>`;
  const head = /<head(\s[^>]*)?>/i.exec(html);
  if (head === null) return tag + html;
  const at = head.index + head[0].length;
  return html.slice(0, at) + tag + html.slice(at);
}
