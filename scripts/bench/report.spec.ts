import { describeGoal, formatMarkdown, replaceResults, RESULTS_END, RESULTS_START, formatTable, formatValue, meets, missedLines, parseBenchRow, parseOptions, percentile, ratio, summarise, type RowResult } from './report';

describe('bench report', () => {
  describe('percentile (nearest rank)', () => {
    it('picks the value at the rank, not an interpolation', () => {
      const values = [5, 1, 4, 2, 3, 10, 9, 8, 7, 6];
      expect(percentile(values, 0.5)).toBe(5);
      expect(percentile(values, 0.95)).toBe(10);
      expect(percentile(values, 0.1)).toBe(1);
      expect(percentile(values, 1)).toBe(10);
      expect(percentile(values, 0)).toBe(1);
    });

    it('p99 of 200 values is the 198th smallest', () => {
      const values = Array.from({ length: 200 }, (_, i) => 200 - i);
      expect(percentile(values, 0.99)).toBe(198);
    });

    it('is 0 for no values and refuses a q outside 0..1', () => {
      expect(percentile([], 0.5)).toBe(0);
      expect(() => percentile([1], 1.5)).toThrow(RangeError);
    });

    it('does not reorder the caller’s array', () => {
      const values = [3, 1, 2];
      percentile(values, 0.5);
      expect(values).toEqual([3, 1, 2]);
    });
  });

  it('summarises latencies and requests per second over the wall time', () => {
    const s = summarise([10, 20, 30, 40], 1, 2000);
    expect(s).toEqual({ requests: 4, errors: 1, p50: 20, p95: 40, p99: 40, rps: 2 });
    expect(summarise([], 0, 0).rps).toBe(0);
  });

  describe('goals', () => {
    it('ratio is platform over baseline, null without a baseline', () => {
      expect(ratio(30, 10)).toBe(3);
      expect(ratio(1, 0)).toBeNull();
      expect(ratio(Number.NaN, 1)).toBeNull();
    });

    it('ratio-max and max are met at or below the limit, ratio-min at or above', () => {
      expect(meets({ kind: 'ratio-max', limit: 2 }, 2)).toBe(true);
      expect(meets({ kind: 'ratio-max', limit: 2 }, 2.01)).toBe(false);
      expect(meets({ kind: 'ratio-min', limit: 0.4 }, 0.4)).toBe(true);
      expect(meets({ kind: 'ratio-min', limit: 0.4 }, 0.26)).toBe(false);
      expect(meets({ kind: 'max', limit: 2 }, 4)).toBe(false);
      expect(meets({ kind: 'max', limit: 2 }, 1)).toBe(true);
      expect(meets({ kind: 'max', limit: 2 }, null)).toBeNull();
    });

    it('describes goals and values as the issue writes them', () => {
      expect(describeGoal({ kind: 'ratio-max', limit: 1.5 }, '×')).toBe('≤ 1.5×');
      expect(describeGoal({ kind: 'ratio-min', limit: 0.4 }, '%')).toBe('≥ 40 %');
      expect(describeGoal({ kind: 'max', limit: 2 }, 'statements')).toBe('≤ 2 statements');
      expect(formatValue(0.2567, '%')).toBe('25.7 %');
      expect(formatValue(10.634, '×')).toBe('10.63×');
      expect(formatValue(1.0026, '×')).toBe('1.00×');
      expect(formatValue(4, 'statements')).toBe('4 statements');
      expect(formatValue(null, '×')).toBe('—');
    });
  });

  describe('table', () => {
    const rows: RowResult[] = [
      { id: 'a', what: 'GET /a p95', platform: 'p95 30 ms', bare: 'p95 10 ms', value: 3, unit: '×', goal: '≤ 2×', met: false, status: 'ok' },
      { id: 'b', what: 'save req/s', platform: '500 req/s', bare: '1000 req/s', value: 0.5, unit: '%', goal: '≥ 40 %', met: true, status: 'ok' },
      { id: 'c', what: 'PDF preview', platform: null, bare: null, value: null, unit: '×', goal: '≥ 5×', met: null, status: 'not run' },
    ];

    it('lines the columns up and says which goals are missed', () => {
      const lines = formatTable(rows).split('\n');
      expect(lines[0]).toMatch(/^what\s+\| platform\s+\| bare\s+\| ratio\s+\| goal\s+\| met$/);
      expect(lines).toHaveLength(5);
      const bar = lines[0]!.indexOf('| platform');
      for (const line of lines.slice(2)) expect(line.indexOf('|')).toBe(bar);
      expect(lines[2]).toContain('MISSED');
      expect(lines[3]).toContain('50 %');
      expect(lines[4]).toContain('not run');
    });

    it('escapes pipes in markdown', () => {
      const md = formatMarkdown(rows).split('\n');
      expect(md[0]).toBe('| what | platform | bare | ratio | goal | met |');
      expect(md[3]).toContain('| save req/s |');
      expect(formatMarkdown([{ ...rows[0]!, what: 'a | b' }]).split('\n')[2]).toContain('a \\| b');
    });

    it('lists the missed and not-run rows only', () => {
      expect(missedLines(rows)).toEqual(['MISSED: GET /a p95 (3.00×, goal ≤ 2×)', 'not run: PDF preview (—, goal ≥ 5×)']);
      expect(missedLines([{ ...rows[2]!, details: { reason: 'scripts/bench/x.ts is not there yet\nmore' } }])).toEqual(['not run: PDF preview (—, goal ≥ 5×) — scripts/bench/x.ts is not there yet']);
    });
  });

  describe('BENCH_ROW lines of the standalone scripts', () => {
    it('takes the last BENCH_ROW line, with platform/bare from details', () => {
      const out = [
        'rendering…',
        'BENCH_ROW {"id":"old","what":"x"}',
        'BENCH_ROW {"id":"pdf","what":"PDF preview throughput","value":5.4,"unit":"×","goal":"≥ 5×","met":true,"details":{"platform":"54 PDF/s","bare":10}}',
        '',
      ].join('\n');
      const row = parseBenchRow(out);
      expect(row).toMatchObject({ id: 'pdf', value: 5.4, unit: '×', goal: '≥ 5×', met: true, platform: '54 PDF/s', bare: '10', status: 'ok' });
    });

    it('shows a summary object by its throughput', () => {
      const row = parseBenchRow('BENCH_ROW {"id":"pdf","what":"x","value":14.3,"unit":"×","goal":"≥ 5×","met":true,"details":{"platform":{"perSecond":2.24},"bare":{"medianMs":3}}}');
      expect(row).toMatchObject({ platform: '2.24 req/s', bare: null });
    });

    it('is null without a row or with a broken one', () => {
      expect(parseBenchRow('nothing here')).toBeNull();
      expect(parseBenchRow('BENCH_ROW {not json')).toBeNull();
      expect(parseBenchRow('BENCH_ROW {"what":"no id"}')).toBeNull();
    });
  });

  describe('options', () => {
    const known = ['dossiers', 'save', 'register'];
    it('reads --only, --quick, --json and --markdown', () => {
      expect(parseOptions(['--only', 'dossiers,save', '--quick', '--json=out.json', '--markdown', '--update-doc'], known)).toEqual({ only: ['dossiers', 'save'], quick: true, json: 'out.json', markdown: true, updateDoc: true });
      expect(parseOptions([], known)).toEqual({ only: null, quick: false, json: null, markdown: false, updateDoc: false });
    });

    it('refuses unknown rows and options', () => {
      expect(() => parseOptions(['--only', 'nope'], known)).toThrow(/unknown row/);
      expect(() => parseOptions(['--fast'], known)).toThrow(/unknown option/);
      expect(() => parseOptions(['--json'], known)).toThrow(/needs a value/);
    });
  });

  describe('the results section of docs/performance.md', () => {
    it('replaces only what is between the markers', () => {
      const doc = `# Title\n\n${RESULTS_START}\nold table\n${RESULTS_END}\n\nafter\n`;
      expect(replaceResults(doc, '| new |\n')).toBe(`# Title\n\n${RESULTS_START}\n| new |\n${RESULTS_END}\n\nafter\n`);
    });

    it('refuses a document without the markers', () => {
      expect(() => replaceResults('# nothing', 'x')).toThrow(/bench:results/);
    });
  });
});
