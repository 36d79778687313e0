import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { isPdf, PdfRenderer, PdfRenderError, type PdfErrorCode, type PdfRendererOptions } from './pdf-renderer';
import { portfolioHtml, renderPortfolioPdf } from './portfolio-pdf';
import type { PortfolioPdfInput } from './portfolio-view';
import { samplePortfolioPdfInput } from './testing/portfolio-pdf-input.factory';
import { groupMembers } from './testing/process-group';

/** Runs the real Chromium (CHROMIUM_PATH, default /usr/bin/chromium). */
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

jest.setTimeout(90_000);

const INPUT: PortfolioPdfInput = samplePortfolioPdfInput({ portfolioId: 'pf-integration' });
const HTML = portfolioHtml(INPUT);

/** Pages in a PDF as Chromium writes it (no object streams): `/Type /Page` objects, not `/Pages`. */
function pageCount(pdf: Buffer): number {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? []).length;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ESRCH') return false;
    throw err;
  }
}

async function eventually(check: () => boolean, ms = 5000): Promise<void> {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

async function rejection(promise: Promise<unknown>): Promise<PdfRenderError> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof PdfRenderError) return err;
    throw err;
  }
  throw new Error('expected a PdfRenderError, but it resolved');
}

const code = async (promise: Promise<unknown>): Promise<PdfErrorCode> => (await rejection(promise)).code;

describe('PdfRenderer with a real Chromium', () => {
  const renderers: PdfRenderer[] = [];
  const renderer = (options: Partial<PdfRendererOptions> = {}): PdfRenderer => {
    const created = new PdfRenderer({ chromiumPath: CHROMIUM, maxConcurrent: 2, timeoutMs: 30_000, ...options });
    renderers.push(created);
    return created;
  };

  afterAll(async () => {
    const pids = renderers.map((r) => r.browserPid()).filter((pid): pid is number => pid !== undefined);
    await Promise.all(renderers.map((r) => r.close()));
    for (const pid of pids) expect(alive(pid)).toBe(false);
  });

  it('renders a complete portfolio to a multi-page PDF with one lazily launched browser', async () => {
    const pdf = renderer();
    expect(pdf.browserPid()).toBeUndefined(); // nothing runs before the first render
    const buffer = await renderPortfolioPdf(pdf, INPUT);
    expect(Buffer.isBuffer(buffer)).toBe(true);
    expect(buffer.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(isPdf(buffer)).toBe(true);
    expect(pageCount(buffer)).toBeGreaterThan(3);
    expect(pdf.browserPid()).toEqual(expect.any(Number));
    expect(pdf.stats()).toMatchObject({ launches: 1, rendered: 1, failed: 0, active: 0, openContexts: 0 });
    expect(isPdf(Buffer.from('<html>'))).toBe(false);
  });

  it('runs concurrent renders through one shared launch, never more than maxConcurrent at once', async () => {
    const pdf = renderer({ maxConcurrent: 2 });
    const buffers = await Promise.all(Array.from({ length: 6 }, () => pdf.render(HTML)));
    for (const buffer of buffers) {
      expect(isPdf(buffer)).toBe(true);
      expect(pageCount(buffer)).toBeGreaterThan(3);
    }
    const stats = pdf.stats();
    expect(stats.launches).toBe(1); // six first renders, one browser
    expect(stats.rendered).toBe(6);
    expect(stats.peakOpenContexts).toBe(2); // the cap was reached and never exceeded
    expect(stats.peakQueued).toBeGreaterThanOrEqual(4);
    expect(stats).toMatchObject({ active: 0, queued: 0, openContexts: 0 });
  });

  it('fails with PDF_TIMEOUT past the deadline, closes that render’s context, and keeps working', async () => {
    const pdf = renderer({ timeoutMs: 1 });
    const timedOut = await rejection(pdf.render(HTML));
    expect(timedOut.code).toBe('PDF_TIMEOUT');
    expect(timedOut.name).toBe('PdfRenderError');
    // Its slot and context are released once the abandoned work has wound down.
    await eventually(() => pdf.stats().active === 0 && pdf.stats().openContexts === 0, 10_000);
    const buffer = await pdf.render(HTML, { timeoutMs: 30_000 });
    expect(isPdf(buffer)).toBe(true);
    expect(await code(pdf.render(HTML))).toBe('PDF_TIMEOUT'); // the renderer's own 1 ms still applies
    expect(pdf.stats()).toMatchObject({ timedOut: 2, rendered: 1 });
  });

  it('counts the time spent waiting in the queue towards the timeout', async () => {
    const pdf = renderer({ maxConcurrent: 1 });
    await pdf.render('<p>warm</p>');
    const first = pdf.render(HTML);
    const queued = pdf.render(HTML, { timeoutMs: 50 });
    expect(pdf.stats().queued).toBe(1);
    expect(await code(queued)).toBe('PDF_TIMEOUT');
    expect(pdf.stats().queued).toBe(0); // it left the queue
    expect(isPdf(await first)).toBe(true);
  });

  it('blocks every network request and runs no JavaScript', async () => {
    let hits = 0;
    const server: Server = createServer((_req, res) => {
      hits++;
      res.end('x');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const pdf = renderer();
      const html = `<!DOCTYPE html><html><head><link rel="stylesheet" href="${url}/style.css"></head><body>
        <p>Alleen deze pagina.</p><img src="${url}/image.png"><iframe src="${url}/frame"></iframe>
        <img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">
        <script>for (let i = 0; i < 20; i++) document.write('<div style="page-break-before: always">' + i + '</div>');</script>
      </body></html>`;
      const buffer = await pdf.render(html);
      expect(isPdf(buffer)).toBe(true);
      expect(pageCount(buffer)).toBe(1); // the script would have added 20 pages
      expect(hits).toBe(0);
      expect(pdf.stats().blockedRequests).toBeGreaterThanOrEqual(3);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('launches a new browser after the old one was killed', async () => {
    const pdf = renderer();
    await pdf.render('<p>een</p>');
    const first = pdf.browserPid();
    if (first === undefined) throw new Error('no browser');
    process.kill(first, 'SIGKILL');
    // The very next render must not trip over the dead browser.
    expect(isPdf(await pdf.render(HTML))).toBe(true);
    const second = pdf.browserPid();
    expect(second).toEqual(expect.any(Number));
    expect(second).not.toBe(first);
    expect(pdf.stats().launches).toBe(2);
    await eventually(() => !alive(first) && groupMembers(first).length === 0);
  });

  it('survives the browser being killed in the middle of a render', async () => {
    const pdf = renderer();
    await pdf.render('<p>warm</p>');
    const pid = pdf.browserPid();
    if (pid === undefined) throw new Error('no browser');
    const during = pdf.render(HTML);
    await eventually(() => pdf.stats().openContexts === 1, 10_000);
    process.kill(pid, 'SIGKILL');
    // The render under way fails (or, had it just finished, succeeds); either way, no hang.
    const outcome = await during.then(
      (buffer) => (isPdf(buffer) ? 'pdf' : 'not a pdf'),
      (err: unknown) => (err instanceof PdfRenderError ? err.code : String(err)),
    );
    expect(['PDF_RENDER_FAILED', 'pdf']).toContain(outcome);
    expect(isPdf(await pdf.render(HTML))).toBe(true);
    expect(pdf.browserPid()).not.toBe(pid);
    expect(pdf.stats().crashes).toBe(1);
    await eventually(() => !alive(pid) && groupMembers(pid).length === 0);
  });

  it('closes: the browser and all its helpers are gone, its profile is removed, renders are refused', async () => {
    const pdf = renderer();
    await pdf.render('<p>een</p>');
    const pid = pdf.browserPid();
    const profile = pdf.browserUserDataDir();
    if (pid === undefined || profile === undefined) throw new Error('no browser');
    expect(groupMembers(pid).length).toBeGreaterThan(1); // main process plus zygotes, renderers…
    expect(existsSync(profile)).toBe(true);

    await pdf.close();
    expect(alive(pid)).toBe(false);
    expect(groupMembers(pid)).toEqual([]);
    expect(existsSync(profile)).toBe(false);
    expect(pdf.browserPid()).toBeUndefined();
    expect(await code(pdf.render(HTML))).toBe('PDF_RENDERER_CLOSED');
    await pdf.close(); // twice is fine
  });

  it('refuses queued and launching renders with PDF_RENDERER_CLOSED when closed', async () => {
    const pdf = renderer({ maxConcurrent: 1 });
    const pending = [pdf.render(HTML), pdf.render(HTML), pdf.render(HTML)];
    const codes = Promise.all(pending.map(code));
    await pdf.close();
    expect(await codes).toEqual(['PDF_RENDERER_CLOSED', 'PDF_RENDERER_CLOSED', 'PDF_RENDERER_CLOSED']);
    expect(pdf.browserPid()).toBeUndefined();
    expect(pdf.stats().launches).toBeLessThanOrEqual(1);
  });

  it('kills a browser that does not close on its own within closeTimeoutMs', async () => {
    const pdf = renderer({ closeTimeoutMs: 500 });
    await pdf.render('<p>een</p>');
    const pid = pdf.browserPid();
    if (pid === undefined) throw new Error('no browser');
    process.kill(pid, 'SIGSTOP'); // a hung browser: it will not answer Browser.close
    const started = Date.now();
    await pdf.close();
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(alive(pid)).toBe(false);
    expect(groupMembers(pid)).toEqual([]);
  });

  it('reports a missing Chromium as PDF_RENDER_FAILED', async () => {
    const pdf = renderer({ chromiumPath: '/nonexistent/chromium' });
    const error = await rejection(pdf.render('<p>x</p>'));
    expect(error.code).toBe('PDF_RENDER_FAILED');
    expect(error.message).toContain('/nonexistent/chromium');
  });
});
