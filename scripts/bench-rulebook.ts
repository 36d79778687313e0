/**
 * Benchmark of `evaluate` (not a timed test).
 *   npx tsx scripts/bench-rulebook.ts [runs]
 * Evaluates the complete example portfolio (docs/examples/complete.json) and, for comparison, the
 * barely started draft (incomplete-draft.json, many findings): warm-up first, then every run timed
 * on its own. Prints median/p95/p99 in microseconds as JSON, with the machine it ran on.
 */
import { readFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { evaluate, getRulebook, validatePortfolioDocument, type PortfolioDocument } from '@rlp/rulebook';

const runs = Number(process.argv[2] ?? 20_000);
const warmup = Math.min(5_000, runs);
const options = { referenceDate: '2026-12-01', lang: 'nl' as const };

function load(name: string): PortfolioDocument {
  const validation = validatePortfolioDocument(JSON.parse(readFileSync(join(__dirname, '..', 'docs', 'examples', name), 'utf8')));
  if (!validation.valid) throw new Error(`${name} is not a valid portfolio document: ${JSON.stringify(validation.errors)}`);
  return validation.document;
}

function bench(name: string) {
  const document = load(name);
  const rulebook = getRulebook(document.rulebookVersion);
  if (rulebook === undefined) throw new Error(`unknown rulebook ${document.rulebookVersion}`);
  let sink = 0;
  for (let i = 0; i < warmup; i++) sink += evaluate(document, rulebook, options).progress.parts.C.total;
  const micros = new Float64Array(runs);
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    const report = evaluate(document, rulebook, options);
    micros[i] = Number(process.hrtime.bigint() - start) / 1000;
    sink += report.findings.length + report.progress.parts.C.total;
  }
  micros.sort();
  const at = (q: number): number => Math.round((micros[Math.min(runs - 1, Math.floor(q * runs))] ?? 0) * 10) / 10;
  return { example: name, findings: evaluate(document, rulebook, options).findings.length, medianMicros: at(0.5), p95Micros: at(0.95), p99Micros: at(0.99), checksum: sink };
}

const cpu = cpus();
const results = [bench('complete.json'), bench('incomplete-draft.json')];
process.stdout.write(
  `${JSON.stringify(
    {
      runs,
      warmup,
      results,
      machine: { cpu: cpu[0]?.model ?? 'unknown', cores: cpu.length, memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version, platform: `${process.platform}-${process.arch}` },
    },
    null,
    2,
  )}\n`,
);
