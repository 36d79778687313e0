/** Architecture rules, checked by `npm run lint`. */
module.exports = {
  forbidden: [
    {
      name: 'rulebook-is-pure',
      comment: 'libs/rulebook encodes the toetsingskader as pure TypeScript: no framework, ORM, validation, SDK or I/O.',
      severity: 'error',
      from: { path: '^libs/rulebook/src', pathNot: '\\.spec\\.ts$' },
      to: {
        path: '^(node_modules/(@nestjs|typeorm|class-validator|class-transformer|@aws-sdk|pg|puppeteer|puppeteer-core|handlebars)/)|^(fs|path|http|https|net|child_process|os)$',
        dependencyTypes: ['npm', 'npm-dev', 'npm-optional', 'npm-peer', 'core'],
      },
    },
    {
      name: 'rulebook-depends-on-nothing-else-in-the-repo',
      severity: 'error',
      from: { path: '^libs/rulebook/src', pathNot: '\\.spec\\.ts$' },
      to: { path: '^(apps|libs/(?!rulebook/))' },
    },
    {
      name: 'privacy-is-pure',
      comment: 'libs/privacy is the AVG check on case texts: pure TypeScript like the rulebook (no framework, ORM, SDK or I/O), so the browser runs it too.',
      severity: 'error',
      from: { path: '^libs/privacy/src', pathNot: '\\.spec\\.ts$' },
      to: {
        path: '^(node_modules/(@nestjs|typeorm|class-validator|class-transformer|@aws-sdk|pg|puppeteer|puppeteer-core|handlebars|react|react-dom)/)|^(fs|path|http|https|net|child_process|os)$',
        dependencyTypes: ['npm', 'npm-dev', 'npm-optional', 'npm-peer', 'core'],
      },
    },
    {
      name: 'privacy-depends-on-nothing-else-in-the-repo',
      severity: 'error',
      from: { path: '^libs/privacy/src', pathNot: '\\.spec\\.ts$' },
      to: { path: '^(apps|libs/(?!privacy/))' },
    },
    {
      name: 'libs-do-not-import-apps',
      severity: 'error',
      from: { path: '^libs/', pathNot: '^libs/testing/' },
      to: { path: '^apps/' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    exclude: { path: '(^dist/|^\\.data/)' },
  },
};
