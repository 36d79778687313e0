/**
 * `npm run bench [-- --only dossiers,save] [--quick] [--json out.json] [--markdown]` (see bench.ts
 * and docs/performance.md). tsx cannot run the apps (esbuild emits no decorator metadata, which
 * Nest's dependency injection reads), so this starts bench.ts in a Node process that compiles the
 * TypeScript with SWC in memory, as scripts/build.mjs does, and passes its exit code on.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';

const child = spawn(process.execPath, ['--enable-source-maps', join(__dirname, 'bench-entry.cjs'), join(__dirname, 'bench.ts'), ...process.argv.slice(2)], { stdio: 'inherit' });
const forward = (signal: NodeJS.Signals) => () => child.kill(signal);
process.on('SIGINT', forward('SIGINT'));
process.on('SIGTERM', forward('SIGTERM'));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
