import { isIsoDate } from '../dates/calendar-date.util';
import { validatePortfolioDocument, type ValidationError } from '../document/validate-portfolio-document';
import { evaluate } from '../engine/evaluate.engine';
import type { EvaluateOptions } from '../engine/report.types';
import { isLang, type Lang } from '../text/localized-text.util';
import { getRulebook, rulebooks } from '../versions/rulebook.registry';

/**
 * The command-line checker without I/O: `readFile` and today's date come from the caller
 * (scripts/check-portfolio.ts), so this stays pure and testable.
 *
 *   check <portfolio.json> [--date YYYY-MM-DD] [--lang nl|en] [--warn-within-days N]
 *         [--gedragscode-version N] [--klachtenreglement-version N]
 *
 * Exit code 0: no blocking finding; 1: blocking findings; 2: bad arguments, unreadable file, not
 * JSON, not a valid portfolio document or an unknown rulebook version. Output is always JSON.
 */

export type CheckExitCode = 0 | 1 | 2;

export interface CheckResult {
  readonly exitCode: CheckExitCode;
  readonly stdout: string;
}

export interface RunCheckDefaults {
  /** Used when --date is absent (the wrapper passes today's date). */
  readonly today?: string;
}

export type CheckErrorKind = 'arguments' | 'file' | 'json' | 'document' | 'rulebook';

export const USAGE =
  'Usage: check <portfolio.json> [--date YYYY-MM-DD] [--lang nl|en] [--warn-within-days N] [--gedragscode-version N] [--klachtenreglement-version N]';

interface ParsedArgs {
  readonly file: string;
  readonly date: string;
  readonly lang: Lang;
  readonly warnWithinDays?: number;
  readonly versions: Record<string, number>;
}

const VALUE_OPTIONS = ['--date', '--lang', '--warn-within-days', '--gedragscode-version', '--klachtenreglement-version'] as const;
type ValueOption = (typeof VALUE_OPTIONS)[number];

function fail(kind: CheckErrorKind, errors: readonly ValidationError[]): CheckResult {
  return { exitCode: 2, stdout: JSON.stringify({ ok: false, kind, errors }, null, 2) };
}

function parseArgs(argv: readonly string[], defaults: RunCheckDefaults): ParsedArgs | ValidationError[] {
  const errors: ValidationError[] = [];
  const values: Partial<Record<ValueOption, string>> = {};
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (!arg.startsWith('--')) {
      positional.push(arg);
      continue;
    }
    const [name, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const option = VALUE_OPTIONS.find((o) => o === name);
    if (option === undefined) {
      errors.push({ path: name, message: `unknown option; ${USAGE}` });
      continue;
    }
    const value = inline ?? argv[++i];
    if (value === undefined) errors.push({ path: option, message: 'missing value' });
    else values[option] = value;
  }
  if (positional.length !== 1) errors.push({ path: '<portfolio.json>', message: `expected exactly one portfolio file, got ${positional.length}; ${USAGE}` });

  const date = values['--date'] ?? defaults.today;
  if (date === undefined) errors.push({ path: '--date', message: 'missing reference date (YYYY-MM-DD)' });
  else if (!isIsoDate(date)) errors.push({ path: '--date', message: `not a calendar date YYYY-MM-DD: ${date}` });

  const lang = values['--lang'] ?? 'nl';
  if (!isLang(lang)) errors.push({ path: '--lang', message: `expected nl or en, got ${lang}` });

  const whole = (option: ValueOption, min: number): number | undefined => {
    const raw = values[option];
    if (raw === undefined) return undefined;
    const n = Number(raw);
    if (!/^\d+$/.test(raw) || n < min) errors.push({ path: option, message: `expected a whole number ≥ ${min}, got ${raw}` });
    return n;
  };
  const warnWithinDays = whole('--warn-within-days', 0);
  const versions: Record<string, number> = {};
  const gedragscode = whole('--gedragscode-version', 1);
  const klachtenreglement = whole('--klachtenreglement-version', 1);
  if (gedragscode !== undefined) versions['gedragscode'] = gedragscode;
  if (klachtenreglement !== undefined) versions['klachtenreglement'] = klachtenreglement;

  if (errors.length > 0 || date === undefined || !isLang(lang)) return errors;
  return { file: positional[0] as string, date, lang, versions, ...(warnWithinDays === undefined ? {} : { warnWithinDays }) };
}

export function runCheck(argv: readonly string[], readFile: (path: string) => string, defaults: RunCheckDefaults = {}): CheckResult {
  if (argv.includes('--help') || argv.includes('-h')) return { exitCode: 0, stdout: USAGE };
  const args = parseArgs(argv, defaults);
  if (Array.isArray(args)) return fail('arguments', args);

  let raw: string;
  try {
    raw = readFile(args.file);
  } catch (error) {
    return fail('file', [{ path: args.file, message: `cannot read file: ${error instanceof Error ? error.message : String(error)}` }]);
  }
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (error) {
    return fail('json', [{ path: args.file, message: `not valid JSON: ${error instanceof Error ? error.message : String(error)}` }]);
  }
  const validation = validatePortfolioDocument(json);
  if (!validation.valid) return fail('document', validation.errors);

  const rulebook = getRulebook(validation.document.rulebookVersion);
  if (rulebook === undefined) {
    return fail('rulebook', [
      {
        path: '/rulebookVersion',
        message: `unknown rulebook version ${validation.document.rulebookVersion}; known: ${rulebooks.map((r) => r.id).join(', ')}`,
      },
    ]);
  }
  const options: EvaluateOptions = {
    referenceDate: args.date,
    lang: args.lang,
    currentRegulationVersions: args.versions,
    ...(args.warnWithinDays === undefined ? {} : { warnWithinDays: args.warnWithinDays }),
  };
  const report = evaluate(validation.document, rulebook, options);
  return { exitCode: report.complete ? 0 : 1, stdout: JSON.stringify(report, null, 2) };
}
