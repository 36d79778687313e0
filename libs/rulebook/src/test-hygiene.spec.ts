import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

beforeEach(() => expect.hasAssertions());

/**
 * Every spec in this library runs every test (no .only, no skipped or todo tests), and every test
 * asserts something: each spec file makes jest fail a test that ends without an assertion
 * (`beforeEach(() => expect.hasAssertions())`).
 */
function specFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return specFiles(path);
    return name.endsWith('.spec.ts') ? [path] : [];
  });
}

const specs = specFiles(__dirname);
const FOCUS_OR_SKIP = /\b(?:it|test|describe)\s*\.\s*(?:only|skip|todo|failing)\b|\b(?:xit|xtest|xdescribe|fit|fdescribe)\s*\(/;
const REQUIRES_ASSERTIONS = /beforeEach\(\(\)\s*=>\s*expect\.hasAssertions\(\)\);/;

describe('test hygiene', () => {
  it('finds the specs', () => {
    expect(specs.length).toBeGreaterThan(10);
  });

  it.each(specs.map((f) => [relative(__dirname, f), f]))('%s: no focused, skipped or todo tests; every test must assert', (_name, file) => {
    const source = readFileSync(file, 'utf8');
    expect(FOCUS_OR_SKIP.test(source)).toBe(false);
    expect(REQUIRES_ASSERTIONS.test(source)).toBe(true);
  });

  it('the patterns catch what they should', () => {
    // Built from pieces so that this file does not contain what it forbids.
    const bad = [['it', '.only('], ['describe', '.skip('], ['test', '.todo('], ['x', 'it('], ['f', 'describe('], ['it', ' . only(']];
    expect(bad.every((parts) => FOCUS_OR_SKIP.test(parts.join('')))).toBe(true);
    expect(['it(', 'it.each(', 'describe.each(', 'split(', 'audit('].some((s) => FOCUS_OR_SKIP.test(s))).toBe(false);
  });
});
