// `node scripts/bench/bench-entry.cjs <file.ts> [args…]`: runs a bench script with its TypeScript
// compiled by SWC (swc-register.cjs), so Nest apps can start in it. run.ts starts bench.ts this way,
// and bench.ts the standalone scripts (pdf-preview.ts, upload-memory.ts).
'use strict';
const path = require('node:path');
require('./swc-register.cjs');

const script = process.argv[2];
if (!script || !script.endsWith('.ts')) {
  console.error('usage: node scripts/bench/bench-entry.cjs <file.ts> [args…]');
  process.exit(2);
}
// The script sees its own arguments, as if started directly.
process.argv.splice(1, 2, path.resolve(script));
require(path.resolve(script));
