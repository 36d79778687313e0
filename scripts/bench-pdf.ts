/**
 * Benchmark of the portfolio PDF (not a timed test).
 *   npx tsx scripts/bench-pdf.ts [warmRuns] [batchSize]
 * Renders the complete two-case portfolio of the rulebook's test factory with the system Chromium
 * (CHROMIUM_PATH, default /usr/bin/chromium):
 *  1. cold: the first render of a new renderer, browser launch included;
 *  2. warm: `warmRuns` (default 20) renders one after the other;
 *  3. batch: `batchSize` (default 8) renders started at once with maxConcurrent 2; per render the
 *     latency includes the wait for a slot, plus the wall time of the whole batch.
 * Also times `portfolioHtml` alone. Prints milliseconds as JSON, with the PDF's size and pages.
 */
import { cpus, totalmem } from 'node:os';
import { PdfRenderer, portfolioHtml, renderPortfolioPdf, type PortfolioPdfInput } from '@rlp/pdf';
import { samplePortfolioPdfInput } from '../libs/pdf/src/testing/portfolio-pdf-input.factory';

const warmRuns = Number(process.argv[2] ?? 20);
const batchSize = Number(process.argv[3] ?? 8);
const maxConcurrent = 2;

const input: PortfolioPdfInput = samplePortfolioPdfInput({ portfolioId: 'pf-bench' });

function summary(ms: readonly number[]) {
  const sorted = [...ms].sort((a, b) => a - b);
  const round = (ms: number): number => Math.round(ms * 10) / 10;
  const at = (q: number): number => round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0);
  return { runs: sorted.length, medianMs: at(0.5), p95Ms: at(0.95), maxMs: round(sorted[sorted.length - 1] ?? 0) };
}

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await work();
  return { ms: performance.now() - start, value };
}

const pageCount = (pdf: Buffer): number => (pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? []).length;

async function main(): Promise<void> {
  const html: number[] = [];
  for (let i = 0; i < 200; i++) {
    const start = performance.now();
    portfolioHtml(input);
    html.push(performance.now() - start);
  }

  const renderer = new PdfRenderer({ chromiumPath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', maxConcurrent, timeoutMs: 60_000 });
  try {
    const cold = await timed(() => renderPortfolioPdf(renderer, input));
    const warm: number[] = [];
    for (let i = 0; i < warmRuns; i++) warm.push((await timed(() => renderPortfolioPdf(renderer, input))).ms);
    const batchStart = performance.now();
    const batch = await Promise.all(Array.from({ length: batchSize }, async () => (await timed(() => renderPortfolioPdf(renderer, input))).ms));
    const batchWallMs = performance.now() - batchStart;
    const cpu = cpus();
    const stats = renderer.stats();
    process.stdout.write(
      `${JSON.stringify(
        {
          pdf: { sizeKB: Math.round(cold.value.length / 1024), pages: pageCount(cold.value) },
          htmlOnly: summary(html),
          coldFirstRenderMs: Math.round(cold.ms),
          warmSequential: summary(warm),
          concurrentBatch: { size: batchSize, maxConcurrent, wallMs: Math.round(batchWallMs), perRender: summary(batch) },
          renderer: { launches: stats.launches, peakOpenContexts: stats.peakOpenContexts, failed: stats.failed },
          machine: { cpu: cpu[0]?.model ?? 'unknown', cores: cpu.length, memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version, platform: `${process.platform}-${process.arch}` },
        },
        null,
        2,
      )}\n`,
    );
  } finally {
    await renderer.close();
  }
}

main().catch((err: unknown) => {
  console.error('bench-pdf failed:', err);
  process.exitCode = 1;
});
