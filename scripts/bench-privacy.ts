/**
 * Benchmark of the privacy check (libs/privacy; not a timed test).
 *   npx tsx scripts/bench-privacy.ts [runs]      (npm run bench:privacy)
 * Checks three portfolio documents: the complete example (docs/examples/complete.json, ~18,000
 * characters of case text and motivation), the same with identifying data planted in every text
 * field, and a maximal one (both cases at the section size limit of 64 KiB, the portfolio near
 * its 160 KiB limit). Beside each, a bare baseline over the same strings: walking the document and
 * one regular-expression pass (the e-mail pattern) — the least any check of these texts costs.
 * Warm-up first, then every run timed on its own. Prints median/p95/p99 in milliseconds as JSON,
 * with the corpus's precision and recall per kind and the machine it ran on.
 */
import { readFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { checkPortfolio, textFields, type PrivacyScope } from '../libs/privacy/src/index';
import { scoreCorpus, scoreTable, type CorpusEntry } from '../libs/privacy/src/corpus-metrics';

const runs = Number(process.argv[2] ?? 2_000);
const warmup = Math.min(500, runs);
const options = { referenceYear: 2026, allow: ['Kim Kandidaat'] };

const complete = JSON.parse(readFileSync(join(__dirname, '..', 'docs', 'examples', 'complete.json'), 'utf8')) as PrivacyScope & Record<string, unknown>;

const PLANTED = ' Mail: sanne.devries@hotmail.com, tel. 06-48213377, BSN 628194821, NL70 RABO 1163 7265 16, Dorpsstraat 7, geboren op 12-03-1985, linkedin.com/in/sanne-dv, met Jan de Vries.';

function mapStrings(value: unknown, f: (s: string) => string): unknown {
  if (typeof value === 'string') return f(value);
  if (Array.isArray(value)) return value.map((v) => mapStrings(v, f));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, k === 'id' || k === 'status' || k === 'initiator' || k === 'period' ? v : mapStrings(v, f)]));
  return value;
}

const planted = { ...complete, cases: mapStrings(complete.cases, (s) => s + PLANTED) as unknown[], cvAndMotivation: { ...(complete.cvAndMotivation ?? {}), motivation: `${String(complete.cvAndMotivation?.motivation ?? '')}${PLANTED}` } };

/** Each case's text grown (by repeating its own sentences) until the case is just under 64 KiB. */
function grow(caseValue: unknown, bytes: number): unknown {
  let factor = 1;
  let grown = caseValue;
  while (Buffer.byteLength(JSON.stringify(grown)) < bytes) {
    factor++;
    grown = mapStrings(caseValue, (s) => Array.from({ length: factor }, () => s).join(' '));
  }
  return mapStrings(caseValue, (s) => Array.from({ length: factor - 1 }, () => s).join(' '));
}
const maximal = { ...planted, cases: (planted.cases ?? []).map((c) => grow(c, 64 * 1024)) };

function charsOf(document: PrivacyScope): number {
  return [...textFields(document.cvAndMotivation?.motivation ?? ''), ...(document.cases ?? []).flatMap((c) => textFields(c))].reduce((n, f) => n + f.text.length, 0);
}

const EMAIL = /(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}(?![\p{L}\p{N}-])/gu;

/** The baseline: the same walk over the same fields, one regex pass per field. */
function baseline(document: PrivacyScope): number {
  let hits = 0;
  const fields = [...textFields(document.cvAndMotivation?.motivation ?? ''), ...(document.cases ?? []).flatMap((c, i) => textFields(c, `/cases/${i}`))];
  for (const f of fields) {
    EMAIL.lastIndex = 0;
    while (EMAIL.exec(f.text)) hits++;
  }
  return hits;
}

function time(f: () => number): { medianMs: number; p95Ms: number; p99Ms: number; result: number } {
  let sink = 0;
  for (let i = 0; i < warmup; i++) sink += f();
  const ms = new Float64Array(runs);
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    sink += f();
    ms[i] = Number(process.hrtime.bigint() - start) / 1e6;
  }
  ms.sort();
  const at = (q: number) => Math.round((ms[Math.min(runs - 1, Math.floor(q * runs))] ?? 0) * 1000) / 1000;
  return { medianMs: at(0.5), p95Ms: at(0.95), p99Ms: at(0.99), result: f() + (sink > Number.MAX_SAFE_INTEGER ? 1 : 0) };
}

function bench(name: string, document: PrivacyScope) {
  const check = time(() => checkPortfolio(document, options).length);
  const bare = time(() => baseline(document));
  return {
    document: name,
    characters: charsOf(document),
    bytes: Buffer.byteLength(JSON.stringify(document)),
    check: { ...check, warnings: check.result, result: undefined },
    baseline: { ...bare, emailHits: bare.result, result: undefined },
  };
}

const results = [bench('complete example', complete), bench('complete example + planted data in every field', planted), bench('maximal (both cases near 64 KiB)', maximal)];

const corpus = ['case-texts.json', 'case-texts-heldout.json'].map((file) => {
  const c = JSON.parse(readFileSync(join(__dirname, '..', 'libs', 'privacy', 'corpus', file), 'utf8')) as { entries: CorpusEntry[]; referenceYear: number };
  const score = scoreCorpus(c.entries, c.referenceYear);
  return { file, entries: c.entries.length, table: scoreTable(score), falsePositives: score.falsePositives, falseNegatives: score.falseNegatives };
});

const cpu = cpus();
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
for (const c of corpus) {
  process.stdout.write(`\n${c.file} (${c.entries} texts)\n${c.table}\nfalse positives: ${JSON.stringify(c.falsePositives)}\nfalse negatives: ${JSON.stringify(c.falseNegatives)}\n`);
}
