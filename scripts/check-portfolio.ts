/**
 * Command-line portfolio checker: the I/O around the pure `runCheck` of @rlp/rulebook.
 *   npm run check -- <portfolio.json> [--date YYYY-MM-DD] [--lang nl|en] [--warn-within-days N]
 *                    [--gedragscode-version N] [--klachtenreglement-version N]
 * Prints the report (or the errors) as JSON. Exit 0: complete; 1: blocking findings; 2: invalid input.
 * Without --date the reference date is today in the Netherlands.
 */
import { readFileSync } from 'node:fs';
import { runCheck } from '@rlp/rulebook';

const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());

try {
  const result = runCheck(process.argv.slice(2), (path) => readFileSync(path, 'utf8'), { today });
  process.stdout.write(`${result.stdout}\n`);
  process.exitCode = result.exitCode;
} catch (error) {
  // Not expected: runCheck reports every input problem itself. Still no stack trace for the user.
  process.stdout.write(`${JSON.stringify({ ok: false, kind: 'internal', errors: [{ path: '', message: error instanceof Error ? error.message : String(error) }] }, null, 2)}\n`);
  process.exitCode = 2;
}
