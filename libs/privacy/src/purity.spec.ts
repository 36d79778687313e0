import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

beforeEach(() => expect.hasAssertions());

/**
 * The privacy library is pure TypeScript, like the rulebook (the same checks as
 * libs/rulebook/src/purity.spec.ts, plus React): no framework, database, cloud SDK, file or
 * network I/O and no clock, so the kandidaatportaal runs it in the browser. Specs may use the file system.
 */
const root = __dirname;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return name.endsWith('.ts') && !name.endsWith('.spec.ts') ? [path] : [];
  });
}

const FORBIDDEN_MODULES = [/^@nestjs\//, /^typeorm(\/|$)/, /^class-validator(\/|$)/, /^@aws-sdk\//, /^pg(\/|$)/, /^(node:)?fs(\/|$)/, /^(node:)?path(\/|$)/, /^(node:)?https?(\/|$)/, /^(node:)?net(\/|$)/, /^react(-dom)?(\/|$)/, /^@rlp\//];
const IMPORT = /(?:\bimport\s[^'"]*?\bfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*|\bexport\s[^'"]*?\bfrom\s*|\bimport\s+)['"]([^'"]+)['"]/g;
const CLOCK = [/\bDate\.now\s*\(/, /\bnew\s+Date\s*\(\s*\)/, /\bnew\s+Date\b(?!\s*\()/];

const files = sourceFiles(root);

describe('purity of libs/privacy/src', () => {
  it('has library files to check', () => {
    expect(files.length).toBeGreaterThanOrEqual(6);
  });

  it.each(files.map((f) => [relative(root, f), f]))('%s imports only its own files', (_name, file) => {
    const source = readFileSync(file, 'utf8');
    const imported = [...source.matchAll(IMPORT)].map((m) => m[1] ?? '');
    expect(imported.filter((m) => FORBIDDEN_MODULES.some((re) => re.test(m)) || !m.startsWith('./'))).toEqual([]);
  });

  it.each(files.map((f) => [relative(root, f), f]))('%s does not read the clock', (_name, file) => {
    expect(CLOCK.filter((re) => re.test(readFileSync(file, 'utf8'))).map(String)).toEqual([]);
  });

  it('the checks themselves catch what they should', () => {
    const imports = (source: string) => [...source.matchAll(IMPORT)].map((m) => m[1]);
    expect(imports("import { readFileSync } from 'node:fs';\nimport x from \"react\";\nexport * from './a';")).toEqual(['node:fs', 'react', './a']);
    expect(['node:fs', 'react', 'react-dom/client', '@rlp/rulebook', '@nestjs/common'].every((m) => FORBIDDEN_MODULES.some((re) => re.test(m)))).toBe(true);
    expect(['./check-text', './data/names.data'].some((m) => FORBIDDEN_MODULES.some((re) => re.test(m)))).toBe(false);
    expect(['Date.now()', 'new Date()'].every((s) => CLOCK.some((re) => re.test(s)))).toBe(true);
  });
});

describe('test hygiene of libs/privacy', () => {
  const specs = readdirSync(root).filter((n) => n.endsWith('.spec.ts'));
  // Built from pieces so that this file does not contain what it forbids.
  const FOCUS_OR_SKIP = new RegExp(['\\b(?:it|test|describe)\\s*\\.\\s*(?:only|skip|todo|failing)\\b', '\\b(?:x', 'it|xtest|xdescribe|f', 'it|fdescribe)\\s*\\('].join(''));

  it.each(specs)('%s: no focused or skipped tests; every test must assert', (name) => {
    const source = readFileSync(join(root, name), 'utf8');
    expect(FOCUS_OR_SKIP.test(source)).toBe(false);
    expect(source).toContain('beforeEach(() => expect.hasAssertions());');
  });
});
