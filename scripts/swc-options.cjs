// The SWC options that compile the platform's TypeScript for Node: decorator metadata included
// (Nest's dependency injection needs it; tsx/esbuild do not emit it) and @rlp/* aliases rewritten.
// Shared by scripts/build.mjs (to dist/ for `npm start`) and scripts/bench/swc-register.cjs (in memory).
'use strict';

/** @param {string} root the repository root @param {boolean | 'inline'} sourceMaps */
module.exports = function swcOptions(root, sourceMaps) {
  return {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2023',
      baseUrl: root,
      paths: { '@rlp/*': ['libs/*/src'] },
      keepClassNames: true,
    },
    module: { type: 'commonjs', ignoreDynamic: true },
    sourceMaps,
  };
};
