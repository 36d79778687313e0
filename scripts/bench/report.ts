/**
 * The pure parts of `npm run bench`: percentiles, goals, the table, the options. No I/O here
 * (unit spec: report.spec.ts).
 */

/** Latency summary of one side of a row, in milliseconds; `rps` over the measured wall time. */
export interface Summary {
  requests: number;
  errors: number;
  p50: number;
  p95: number;
  p99: number;
  rps: number;
}

/**
 * A goal on the row's value:
 *  - `ratio-max`: the value (platform ÷ baseline) must be at most `limit` (e.g. p95 ≤ 2× bare);
 *  - `ratio-min`: the value (platform ÷ baseline) must be at least `limit` (e.g. req/s ≥ 40 % of bare);
 *  - `max`: the value itself must be at most `limit` (e.g. ≤ 2 SQL statements).
 */
export type Goal = { kind: 'ratio-max'; limit: number } | { kind: 'ratio-min'; limit: number } | { kind: 'max'; limit: number };

/** One line of the final table. */
export interface RowResult {
  id: string;
  what: string;
  /** What was measured on the platform side, as shown (e.g. "p95 41.2 ms"); null when not run. */
  platform: string | null;
  /** The baseline it is held against (e.g. "p95 20.1 ms"); null when there is none. */
  bare: string | null;
  /** The figure the goal is about: a ratio, a fraction, a count; null when not run or failed. */
  value: number | null;
  /** How `value` reads: '×' (ratio), '%' (value is a fraction, shown ×100), or a unit such as 'statements'. */
  unit: string;
  goal: string;
  met: boolean | null;
  status: 'ok' | 'not run' | 'failed';
  /** Anything else worth keeping in the JSON (raw summaries, counts, warnings). */
  details?: Record<string, unknown>;
}

/** Nearest-rank percentile (q in 0..1) of an unsorted list; 0 for an empty one. */
export function percentile(values: readonly number[], q: number): number {
  if (values.length === 0) return 0;
  if (!(q >= 0 && q <= 1)) throw new RangeError(`percentile: q must be within 0..1, got ${q}`);
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil(q * sorted.length));
  return sorted[rank - 1]!;
}

export function summarise(latenciesMs: readonly number[], errors: number, wallMs: number): Summary {
  return {
    requests: latenciesMs.length,
    errors,
    p50: round(percentile(latenciesMs, 0.5)),
    p95: round(percentile(latenciesMs, 0.95)),
    p99: round(percentile(latenciesMs, 0.99)),
    rps: wallMs > 0 ? round((latenciesMs.length * 1000) / wallMs) : 0,
  };
}

export function round(n: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

/** platform ÷ baseline; null when the baseline is 0 or either is not a finite number. */
export function ratio(platform: number, baseline: number): number | null {
  if (!Number.isFinite(platform) || !Number.isFinite(baseline) || baseline <= 0) return null;
  return platform / baseline;
}

export function meets(goal: Goal, value: number | null): boolean | null {
  if (value === null || !Number.isFinite(value)) return null;
  switch (goal.kind) {
    case 'ratio-max':
    case 'max':
      return value <= goal.limit;
    case 'ratio-min':
      return value >= goal.limit;
  }
}

export function describeGoal(goal: Goal, unit: string): string {
  switch (goal.kind) {
    case 'ratio-max':
      return `≤ ${goal.limit}×`;
    case 'ratio-min':
      return unit === '%' ? `≥ ${round(goal.limit * 100, 1)} %` : `≥ ${goal.limit}×`;
    case 'max':
      return `≤ ${goal.limit}${unit ? ` ${unit}` : ''}`;
  }
}

export function formatValue(value: number | null, unit: string): string {
  if (value === null) return '—';
  if (unit === '×') return `${value.toFixed(2)}×`;
  if (unit === '%') return `${round(value * 100, 1)} %`;
  return `${round(value, 2)}${unit ? ` ${unit}` : ''}`;
}

export function formatMet(row: Pick<RowResult, 'met' | 'status'>): string {
  if (row.status === 'not run') return 'not run';
  if (row.status === 'failed') return 'FAILED';
  if (row.met === null) return '—';
  return row.met ? 'yes' : 'MISSED';
}

const HEADERS = ['what', 'platform', 'bare', 'ratio', 'goal', 'met'] as const;

function cells(row: RowResult): string[] {
  return [row.what, row.platform ?? '—', row.bare ?? '—', formatValue(row.value, row.unit), row.goal, formatMet(row)];
}

/** A fixed-width text table for a terminal. */
export function formatTable(rows: readonly RowResult[]): string {
  const body = rows.map(cells);
  const widths = HEADERS.map((h, i) => Math.max(h.length, ...body.map((r) => r[i]!.length)));
  const line = (r: readonly string[]) => r.map((c, i) => c.padEnd(widths[i]!)).join(' | ').trimEnd();
  return [line(HEADERS), widths.map((w) => '-'.repeat(w)).join('-|-'), ...body.map(line)].join('\n');
}

/** The same table as markdown, to paste into docs/performance.md. */
export function formatMarkdown(rows: readonly RowResult[]): string {
  const esc = (s: string) => s.replace(/\|/g, '\\|');
  return [`| ${HEADERS.join(' | ')} |`, `|${HEADERS.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${cells(r).map(esc).join(' | ')} |`)].join('\n');
}

/** The rows that missed their goal, failed or were not run, one line each with why if known (empty when all met). */
export function missedLines(rows: readonly RowResult[]): string[] {
  return rows
    .filter((r) => r.status !== 'ok' || r.met === false)
    .map((r) => {
      const reason = r.details?.['reason'] ?? r.details?.['warning'];
      return `${formatMet(r)}: ${r.what} (${formatValue(r.value, r.unit)}, goal ${r.goal})${typeof reason === 'string' ? ` — ${reason.split('\n')[0]!.slice(0, 200)}` : ''}`;
    });
}

/**
 * The last `BENCH_ROW {json}` line of a standalone bench script's stdout, as a row; null when
 * there is none or it does not parse. Fields: id, what, value, unit, goal, met, details
 * (details.platform / details.bare fill those columns: text or a number as it is, an object by
 * its `perSecond` or `rps`).
 */
export function parseBenchRow(stdout: string): RowResult | null {
  const lines = stdout.split(/\r?\n/).filter((l) => l.startsWith('BENCH_ROW '));
  const last = lines[lines.length - 1];
  if (!last) return null;
  let raw: unknown;
  try {
    raw = JSON.parse(last.slice('BENCH_ROW '.length));
  } catch {
    return null;
  }
  if (typeof raw !== 'object' || raw === null) return null;
  const r = raw as Record<string, unknown>;
  if (typeof r['id'] !== 'string' || typeof r['what'] !== 'string') return null;
  const details = typeof r['details'] === 'object' && r['details'] !== null ? (r['details'] as Record<string, unknown>) : {};
  const column = (v: unknown): string | null => {
    if (typeof v === 'string') return v;
    if (typeof v === 'number') return String(v);
    // A summary object: its throughput, if it has one.
    const perSecond = typeof v === 'object' && v !== null ? ((v as Record<string, unknown>)['perSecond'] ?? (v as Record<string, unknown>)['rps']) : undefined;
    return typeof perSecond === 'number' ? `${round(perSecond, 2)} req/s` : null;
  };
  const value = typeof r['value'] === 'number' && Number.isFinite(r['value']) ? r['value'] : null;
  return {
    id: r['id'],
    what: r['what'],
    platform: column(details['platform']),
    bare: column(details['bare']),
    value,
    unit: typeof r['unit'] === 'string' ? r['unit'] : '',
    goal: typeof r['goal'] === 'string' ? r['goal'] : typeof r['goal'] === 'number' ? String(r['goal']) : '—',
    met: typeof r['met'] === 'boolean' ? r['met'] : null,
    status: 'ok',
    details,
  };
}

export const RESULTS_START = '<!-- bench:results:start -->';
export const RESULTS_END = '<!-- bench:results:end -->';

/** `doc` with the text between the results markers replaced by `results`; throws without the markers. */
export function replaceResults(doc: string, results: string): string {
  const start = doc.indexOf(RESULTS_START);
  const end = doc.indexOf(RESULTS_END);
  if (start < 0 || end < start) throw new Error(`the document has no ${RESULTS_START} … ${RESULTS_END} section`);
  return `${doc.slice(0, start + RESULTS_START.length)}\n${results.trim()}\n${doc.slice(end)}`;
}

export interface BenchOptions {
  /** Row ids to run; null: all. */
  only: string[] | null;
  quick: boolean;
  json: string | null;
  markdown: boolean;
  /** Write the table (and the machine) into docs/performance.md between the results markers. */
  updateDoc: boolean;
}

/** `--only a,b`, `--quick`, `--json <file>`, `--markdown`, `--update-doc`; unknown options and row ids throw. */
export function parseOptions(argv: readonly string[], knownIds: readonly string[]): BenchOptions {
  const options: BenchOptions = { only: null, quick: false, json: null, markdown: false, updateDoc: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [flag, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = (): string => {
      const v = inline ?? argv[++i];
      if (v === undefined || v === '') throw new Error(`${flag} needs a value`);
      return v;
    };
    switch (flag) {
      case '--only': {
        const ids = value().split(',').map((s) => s.trim()).filter(Boolean);
        const unknown = ids.filter((id) => !knownIds.includes(id));
        if (unknown.length > 0) throw new Error(`unknown row(s) ${unknown.join(', ')}; known: ${knownIds.join(', ')}`);
        options.only = ids;
        break;
      }
      case '--quick':
        options.quick = true;
        break;
      case '--json':
        options.json = value();
        break;
      case '--markdown':
        options.markdown = true;
        break;
      case '--update-doc':
        options.updateDoc = true;
        break;
      default:
        throw new Error(`unknown option ${arg}; use --only <ids>, --quick, --json <file>, --markdown, --update-doc`);
    }
  }
  return options;
}
