// Loads the bench's TypeScript with SWC, as scripts/build.mjs compiles it for `npm start`
// (decorator metadata included, which Nest's dependency injection needs and tsx/esbuild do not
// emit; @rlp/* aliases rewritten), but in memory: no dist/ is built or touched.
'use strict';
const fs = require('node:fs');
const Module = require('node:module');
const path = require('node:path');
const { transformSync } = require('@swc/core');

const root = path.resolve(__dirname, '..', '..');
const options = {
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true },
    target: 'es2023',
    baseUrl: root,
    paths: { '@rlp/*': ['libs/*/src'] },
    keepClassNames: true,
  },
  module: { type: 'commonjs', ignoreDynamic: true },
  sourceMaps: 'inline',
};

process.setSourceMapsEnabled(true);
Module._extensions['.ts'] = function compileTs(module, filename) {
  const { code } = transformSync(fs.readFileSync(filename, 'utf8'), { ...options, filename });
  module._compile(code, filename);
};
