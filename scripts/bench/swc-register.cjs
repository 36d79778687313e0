// Loads the bench's TypeScript with SWC, with the options scripts/build.mjs compiles it with for
// `npm start` (scripts/swc-options.cjs), but in memory: no dist/ is built or touched.
'use strict';
const fs = require('node:fs');
const Module = require('node:module');
const path = require('node:path');
const { transformSync } = require('@swc/core');
const swcOptions = require('../swc-options.cjs');

const root = path.resolve(__dirname, '..', '..');
const options = swcOptions(root, 'inline');

process.setSourceMapsEnabled(true);
Module._extensions['.ts'] = function compileTs(module, filename) {
  const { code } = transformSync(fs.readFileSync(filename, 'utf8'), { ...options, filename });
  module._compile(code, filename);
};
