/**
 * The bench itself (started by run.ts; `npm run bench [-- --only dossiers,save] [--quick] [--json out.json] [--markdown] [--update-doc]`):
 *
 * Every row of issue 17's table, each platform route side by side with its bare baseline
 * (bare.ts) in the same run, on seeded data (seed.ts): 10,000 candidates (BENCH_CANDIDATES to
 * change it while developing) and a 100-candidate dataset for the dossier list's 10,000-vs-100
 * row. PDF preview and upload memory come from standalone scripts (pdf-preview.ts,
 * upload-memory.ts) whose last `BENCH_ROW {json}` line is collected. Prints a table (and with
 * --markdown the same table for docs/performance.md); exits 0 when a goal is missed — it is a
 * measurement, not a test — and non-zero only when the bench itself fails. Method: docs/performance.md.
 */
import 'reflect-metadata';
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { startBare, type BareServer } from './bare';
import { formatMarkdown, formatTable, missedLines, parseBenchRow, parseOptions, replaceResults, type RowResult } from './report';
import { assessmentsRow, auditRow, completenessRow, dossiersRow, portfolioRow, registerRow, saveRow, type RowContext, type Side } from './rows';
import { createDataset, startApps, startInfra, type Apps, type Dataset, type Infra } from './setup';

interface RowDef {
  id: string;
  what: string;
  /** The issue's goal, shown also when the row could not be measured. */
  goal: string;
  /** in-process rows need the seeded apps; script rows run a standalone script. */
  run: ((ctx: RowContext) => Promise<RowResult>) | { script: string };
}

const ROWS: readonly RowDef[] = [
  { id: 'dossiers', what: 'GET /admin/dossiers p95, 10,000 vs 100 candidates', goal: '≤ 2×', run: dossiersRow },
  { id: 'audit', what: 'GET /admin/audit-events?portfolioId= p95', goal: '≤ 2×', run: auditRow },
  { id: 'assessments', what: 'GET /assessments p95, an assessor in a large pool', goal: '≤ 2×', run: assessmentsRow },
  { id: 'register', what: 'GET /register?q=name p95', goal: '≤ 2×', run: registerRow },
  { id: 'save', what: 'section save (PATCH, If-Match) req/s vs a bare conditional UPDATE', goal: '≥ 40 %', run: saveRow },
  { id: 'pdf', what: 'PDF preview throughput, pooled vs a browser per request', goal: '≥ 5×', run: { script: 'pdf-preview.ts' } },
  { id: 'uploads', what: 'API memory while 20 uploads of 20 MB are confirmed at once', goal: '≤ +10 MB', run: { script: 'upload-memory.ts' } },
  { id: 'portfolio', what: 'GET /portfolios/:id p99', goal: '≤ 1.5×', run: portfolioRow },
  { id: 'completeness', what: 'SQL statements for GET …/completeness', goal: '≤ 2 statements', run: completenessRow },
];

const log = (line: string) => console.log(`[bench] ${line}`);

function failedRow(def: RowDef, status: 'failed' | 'not run', reason: string): RowResult {
  return { id: def.id, what: def.what, platform: null, bare: null, value: null, unit: '', goal: def.goal, met: null, status, details: { reason } };
}

/**
 * Runs a standalone bench script in a child process (TypeScript through SWC, as this process, so
 * it may start the apps), passing its output through, and takes its last BENCH_ROW line.
 */
async function runScript(def: RowDef, script: string, quick: boolean): Promise<RowResult> {
  const path = join(__dirname, script);
  if (!existsSync(path)) return failedRow(def, 'not run', `scripts/bench/${script} is not there yet`);
  log(`running scripts/bench/${script}`);
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--enable-source-maps', join(__dirname, 'bench-entry.cjs'), path], { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, ...(quick ? { BENCH_QUICK: '1' } : {}) } });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
      process.stdout.write(chunk.toString('utf8').replace(/^(?=.)/gm, `[${def.id}] `));
    });
    child.on('error', (err) => resolve(failedRow(def, 'failed', err.message)));
    child.on('close', (code) => {
      const row = parseBenchRow(out);
      if (row) resolve({ ...row, id: def.id });
      else resolve(failedRow(def, 'failed', `scripts/bench/${script} exited with ${code} without a BENCH_ROW line`));
    });
  });
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2), ROWS.map((r) => r.id));
  const selected = ROWS.filter((r) => !options.only || options.only.includes(r.id));
  const inProcess = selected.filter((r) => typeof r.run === 'function');
  const candidates = Number(process.env['BENCH_CANDIDATES'] ?? 10_000);
  const results = new Map<string, RowResult>();
  const started = Date.now();

  if (inProcess.length > 0) {
    const closers: Array<() => Promise<void>> = [];
    let infra: Infra | null = null;
    try {
      infra = await startInfra(log);
      closers.push(infra.stop);
      const side = async (label: string, n: number, assessors: number, which: 'both' | 'assessor'): Promise<Side> => {
        const dataset: Dataset = await createDataset(infra!, label, n, assessors, log);
        closers.unshift(dataset.drop);
        const apps: Apps = await startApps(infra!, dataset, which);
        closers.unshift(apps.close);
        const poolSize = Number((apps.assessor.get(DataSource).options as { poolSize?: number }).poolSize ?? 10);
        const bare: BareServer = await startBare(dataset.appUrl, poolSize);
        closers.unshift(bare.close);
        return { platform: { assessorUrl: apps.assessorUrl, candidateUrl: apps.candidateUrl, candidate: apps.candidate }, bare, candidates: n, assessors };
      };
      const big = await side('large', candidates, 40, 'both');
      const small = inProcess.some((r) => r.id === 'dossiers') ? await side('small', 100, 4, 'assessor') : null;
      const plan = options.quick ? { concurrency: 4, warmupMs: 500, rounds: 2, sliceMs: 1_000 } : { concurrency: 4, warmupMs: 3_000, rounds: 6, sliceMs: 3_000 };
      const ctx: RowContext = { big, small, plan, saveConcurrency: 8, log };
      for (const def of inProcess) {
        log(`row ${def.id}: ${def.what}`);
        try {
          const row = await (def.run as (c: RowContext) => Promise<RowResult>)(ctx);
          results.set(def.id, row);
          log(`  ${row.platform ?? '—'} | ${row.bare ?? '—'}${row.details?.['warning'] ? ` | WARNING: ${String(row.details['warning'])}` : ''}`);
        } catch (err) {
          results.set(def.id, failedRow(def, 'failed', (err as Error).message));
          log(`  failed: ${(err as Error).message}`);
        }
      }
    } finally {
      for (const close of closers) await close().catch((err: unknown) => log(`closing: ${(err as Error).message}`));
    }
  }

  // The standalone scripts last, on a machine the apps above no longer load.
  for (const def of selected) {
    if (typeof def.run === 'function') continue;
    results.set(def.id, await runScript(def, def.run.script, options.quick));
  }

  const rows = selected.map((def) => results.get(def.id) ?? failedRow(def, 'not run', 'not reached'));
  const cpu = cpus();
  const machine = { cpu: cpu[0]?.model ?? 'unknown', cores: cpu.length, memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version, platform: `${process.platform}-${process.arch}` };
  console.log('');
  console.log(formatTable(rows));
  console.log('');
  const missed = missedLines(rows);
  console.log(missed.length === 0 ? 'Every goal met.' : `Goals missed or not measured (${missed.length}):\n  ${missed.join('\n  ')}`);
  console.log(`${options.quick ? 'quick mode, ' : ''}${candidates} candidates; ${machine.cores} × ${machine.cpu}, ${machine.memoryGiB} GiB, Node ${machine.node}; ${Math.round((Date.now() - started) / 1000)} s`);
  if (options.markdown) console.log(`\n${formatMarkdown(rows)}\n`);
  if (options.updateDoc) {
    const doc = join(__dirname, '..', '..', 'docs', 'performance.md');
    const when = new Date().toISOString().slice(0, 10);
    const summary = `${options.quick ? 'Quick run' : 'Run'} of ${when}, ${candidates} candidates: ${machine.cores} × ${machine.cpu}, ${machine.memoryGiB} GiB, Node ${machine.node} (${machine.platform}).`;
    writeFileSync(doc, replaceResults(readFileSync(doc, 'utf8'), `${formatMarkdown(rows)}\n\n${summary}`));
    log('wrote the table into docs/performance.md');
  }
  if (options.json) {
    writeFileSync(options.json, `${JSON.stringify({ at: new Date().toISOString(), quick: options.quick, candidates, machine, rows }, null, 2)}\n`);
    log(`wrote ${options.json}`);
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error('[bench] failed:', err);
    process.exit(1);
  },
);
