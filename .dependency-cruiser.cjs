/**
 * The layering, checked by `npm run lint:deps` (part of `npm test`). See docs/ARCHITECTURE.md.
 * @type {import('dependency-cruiser').IConfiguration}
 */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'An import loop hides which module is the lower layer; break it by moving the shared part down or injecting it.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'shared-is-isomorphic',
      severity: 'error',
      comment: 'shared/ runs in the browser and in Node: it imports nothing of ours outside shared/ (Node built-ins: the next rule).',
      from: { path: '^shared/' },
      to: { pathNot: ['^shared/', '^node_modules/'], dependencyTypesNot: ['type-only', 'core'] },
    },
    {
      name: 'shared-no-node-builtins',
      severity: 'error',
      comment: 'shared/ is loaded by the browser too.',
      from: { path: '^shared/', pathNot: ['\\.test\\.ts$', '^shared/.*/eval/', '^shared/.*/test-support/'] },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'client-not-server',
      severity: 'error',
      comment: 'The client talks to the server over HTTP and WebSockets only; common code lives in shared/.',
      from: { path: '^client/' },
      to: { path: '^server/' },
    },
    {
      name: 'server-not-client',
      severity: 'error',
      from: { path: '^server/' },
      to: { path: '^client/' },
    },
    {
      name: 'editor-engine-no-app-code',
      severity: 'error',
      comment: 'The canvas engine (client/src/editor/engine) knows shared/, yjs and fabric; the app injects the rest.',
      from: { path: '^client/src/editor/engine/', pathNot: '\\.test\\.tsx?$' },
      to: { pathNot: ['^client/src/editor/engine/', '^shared/', '^node_modules/'] },
    },
    {
      name: 'routes-no-database',
      severity: 'error',
      comment: 'Routes call their domain (services and repositories); they never query.',
      from: { path: '^server/routes/', pathNot: '\\.test\\.ts$' },
      to: { path: ['^server/db/', '^node_modules/pg/', '^node_modules/@electric-sql/'] },
    },
    {
      name: 'nothing-imports-bench',
      severity: 'error',
      comment: 'Benchmarks measure the product from outside; the product never depends on them.',
      from: { pathNot: ['^bench/', '^server/bench/'] },
      to: { path: ['^bench/', '^server/bench/'] },
    },
    {
      name: 'product-no-test-support',
      severity: 'error',
      comment: 'Test helpers are for tests; product code never imports them.',
      from: {
        pathNot: [
          '\\.test\\.tsx?$',
          '^e2e/',
          '^bench/',
          '^server/bench/',
          'test-support/',
          '^server/chaos/',
          '/eval/',
          '^templates/tools/',
          '\\.config\\.ts$',
        ],
      },
      to: { path: 'test-support/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['(^|/)dist/', '^\\.tmp/', 'peers/'] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
