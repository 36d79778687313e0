import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

beforeEach(() => expect.hasAssertions());

/**
 * The rulebook library is pure TypeScript: no framework, database, cloud SDK, file or network
 * I/O, and no clock. Specs may use the file system; the library code may not.
 */
const root = __dirname;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return name.endsWith('.ts') && !name.endsWith('.spec.ts') ? [path] : [];
  });
}

const FORBIDDEN_MODULES = [/^@nestjs\//, /^typeorm(\/|$)/, /^class-validator(\/|$)/, /^@aws-sdk\//, /^pg(\/|$)/, /^(node:)?fs(\/|$)/, /^(node:)?path(\/|$)/, /^(node:)?https?(\/|$)/, /^(node:)?net(\/|$)/];
const IMPORT = /(?:\bimport\s[^'"]*?\bfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*|\bexport\s[^'"]*?\bfrom\s*|\bimport\s+)['"]([^'"]+)['"]/g;
const CLOCK = [/\bDate\.now\s*\(/, /\bnew\s+Date\s*\(\s*\)/, /\bnew\s+Date\b(?!\s*\()/];

const files = sourceFiles(root);

describe('purity of libs/rulebook/src', () => {
  it('has library files to check', () => {
    expect(files.length).toBeGreaterThan(20);
  });

  it.each(files.map((f) => [relative(root, f), f]))('%s imports no framework, I/O or network module', (_name, file) => {
    const source = readFileSync(file, 'utf8');
    const imported = [...source.matchAll(IMPORT)].map((m) => m[1] ?? '');
    expect(imported.filter((m) => FORBIDDEN_MODULES.some((re) => re.test(m)))).toEqual([]);
  });

  it.each(files.map((f) => [relative(root, f), f]))('%s does not read the clock', (_name, file) => {
    const source = readFileSync(file, 'utf8');
    expect(CLOCK.filter((re) => re.test(source)).map(String)).toEqual([]);
  });

  it('the checks themselves catch what they should', () => {
    const imports = (source: string) => [...source.matchAll(IMPORT)].map((m) => m[1]);
    expect(imports("import { readFileSync } from 'node:fs';\nimport x from \"@nestjs/common\";\nconst p = require('path');\nexport * from 'typeorm';")).toEqual([
      'node:fs',
      '@nestjs/common',
      'path',
      'typeorm',
    ]);
    expect(imports("import 'pg';\nconst m = await import('http');")).toEqual(['pg', 'http']);
    expect(['fs', 'node:fs', 'fs/promises', 'pg', 'https', 'node:net', '@aws-sdk/client-s3'].every((m) => FORBIDDEN_MODULES.some((re) => re.test(m)))).toBe(true);
    expect(['pg-format-not', 'pathfinder', 'fast-check', 'ajv', './path.util'].some((m) => FORBIDDEN_MODULES.some((re) => re.test(m)))).toBe(false);
    expect(['Date.now()', 'new Date()', 'new Date( )', 'const d = new Date;'].every((s) => CLOCK.some((re) => re.test(s)))).toBe(true);
    expect(['new Date(ms)', 'new Date(Date.UTC(2000, 0, 1))', 'isIsoDate(x)'].some((s) => CLOCK.some((re) => re.test(s)))).toBe(false);
  });
});
