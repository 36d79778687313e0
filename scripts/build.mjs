// Compiles apps/, libs/ and scripts/ to dist/ with SWC (decorator metadata included, @rlp/*
// aliases rewritten to relative paths), then builds the web front ends (apps/*-web) with Vite into
// dist/web/<name>, which the apps serve (ADR 0013). Type-checking is `npm run lint` (tsc --noEmit).
import { transformFile } from '@swc/core';
import { copyFile, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { brotliCompressSync, constants as zlibConstants, gzipSync } from 'node:zlib';
import { dirname, join, relative, resolve } from 'node:path';
import swcOptions from './swc-options.cjs';

const root = resolve(import.meta.dirname, '..');
const out = join(root, 'dist');
const skip = /\.(spec|integration-spec|e2e-spec)\.ts$|\.d\.ts$/;
// Web front ends are built by Vite below, not compiled for Node.
const webApps = ['candidate-web', 'assessor-web'];
// Shared code of the web front ends (React, DOM), bundled into them by Vite, never run by Node.
const webLibs = ['web-ui'];
// Non-code files read at run time (PDF templates and their styles) are copied as they are.
const asset = /\.(hbs|css)$/;

async function* walk(dir, wanted) {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (webApps.includes(entry.name) || webLibs.includes(entry.name) || entry.name === 'node_modules') continue;
      yield* walk(p, wanted);
    }
    else if (wanted(entry.name)) yield p;
  }
}
const isSource = (name) => name.endsWith('.ts') && !skip.test(name);

const options = swcOptions(root, true);

const started = Date.now();
await rm(out, { recursive: true, force: true });
let count = 0;
for (const top of ['apps', 'libs', 'scripts']) {
  for await (const file of walk(join(root, top), (name) => asset.test(name))) {
    const target = join(out, relative(root, file));
    await mkdir(dirname(target), { recursive: true });
    await copyFile(file, target);
  }
  for await (const file of walk(join(root, top), isSource)) {
    const rel = relative(root, file).replace(/\.ts$/, '.js');
    const target = join(out, rel);
    const { code, map } = await transformFile(file, { ...options, filename: file, outputPath: target });
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, code + `\n//# sourceMappingURL=${rel.split('/').pop()}.map\n`);
    if (map) await writeFile(target + '.map', map);
    count++;
  }
}
console.log(`build: ${count} files to dist/ in ${Date.now() - started} ms`);

const { build } = await import('vite');
for (const name of webApps) {
  const webStarted = Date.now();
  await build({ configFile: join(root, 'apps', name, 'vite.config.mts'), logLevel: 'warn' });
  // Pre-compressed copies, served when the browser accepts them (libs/platform/src/web-app.ts).
  const assets = join(out, 'web', name.replace(/-web$/, ''), 'assets');
  for (const file of await readdir(assets)) {
    if (!/\.(js|css)$/.test(file)) continue;
    const bytes = await readFile(join(assets, file));
    await writeFile(join(assets, `${file}.br`), brotliCompressSync(bytes, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 9 } }));
    await writeFile(join(assets, `${file}.gz`), gzipSync(bytes, { level: 9 }));
  }
  console.log(`build: ${name} to dist/web in ${Date.now() - webStarted} ms`);
}
