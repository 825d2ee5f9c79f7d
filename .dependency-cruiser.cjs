/**
 * The layers and what may import what (docs/domain.md names the layers; README "Layout").
 * Checked by test/unit/import-rules.test.ts on every `npm test`. dependency-cruiser reads
 * TypeScript 7 only with its swc parser (`parser: 'swc'`).
 */
const layer = (name) => `^shared/${name}/`;
const outside = (...names) => `^shared/(?!(?:${names.join('|')})/)`;

module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      comment: 'The domain is plain rules and types: it imports only the domain and pure libraries.',
      severity: 'error',
      from: { path: layer('domain') },
      to: { pathNot: ['^shared/domain/', '^node_modules/(zod|date-fns|date-fns-tz|date-holidays)/', '^(node:)?crypto$'] },
    },
    {
      name: 'application-knows-no-edge',
      comment: 'Use cases know nothing of HTTP, AWS, adapters or how things are shown: those are passed in.',
      severity: 'error',
      from: { path: layer('application') },
      to: { path: [outside('domain', 'application', 'platform', 'drafting'), '^(functions|infra|local)/', '^node_modules/(@aws-sdk|aws-lambda|@middy|@types/aws-lambda)/'] },
    },
    {
      name: 'views-show-only',
      comment: 'Views render what the domain and the use cases answer; they reach no adapter and no HTTP.',
      severity: 'error',
      from: { path: layer('views') },
      to: { path: [outside('domain', 'application', 'views'), '^(functions|infra|local)/', '^node_modules/(@aws-sdk|@middy)/'] },
    },
    {
      name: 'adapters-implement-ports',
      comment: 'Adapters implement the application\'s ports; they render nothing and know no HTTP.',
      severity: 'error',
      from: { path: layer('adapters') },
      to: { path: [outside('domain', 'application', 'adapters', 'platform'), '^(functions|infra|local)/'] },
    },
    {
      name: 'http-is-an-edge',
      comment: 'The HTTP layer turns requests into use-case calls; adapters are wired in functions/, never imported here.',
      severity: 'error',
      from: { path: layer('http') },
      to: { path: [layer('adapters'), '^(functions|infra|local)/'] },
    },
    {
      name: 'platform-is-the-base',
      comment: 'Configuration, clock, logger, table and jobs depend on nothing of the product but the domain.',
      severity: 'error',
      from: { path: layer('platform') },
      to: { path: [outside('domain', 'platform'), '^(functions|infra|local)/'] },
    },
    {
      name: 'drafting-is-its-own-module',
      comment: 'The drafting extractor reads text with the domain\'s vocabulary and nothing else.',
      severity: 'error',
      from: { path: '^shared/drafting/' },
      to: { path: [outside('domain', 'drafting'), '^(functions|infra|local)/'] },
    },
    {
      name: 'one-root-per-function',
      comment: 'Each function is its own composition root: it never imports another function.',
      severity: 'error',
      from: { path: '^functions/([^/]+)/' },
      to: { path: '^functions/', pathNot: '^functions/$1/' },
    },
    {
      name: 'shared-is-shared',
      comment: 'shared/ is what functions, infra and the local stack build on; it imports none of them.',
      severity: 'error',
      from: { path: '^shared/' },
      to: { path: '^(functions|infra|local|scripts|bench|test)/' },
    },
    {
      name: 'no-circular',
      comment: 'No module imports itself round a loop.',
      severity: 'error',
      from: { path: '^(shared|functions)/' },
      to: { circular: true },
    },
  ],
  options: {
    parser: 'swc',
    tsConfig: { fileName: 'tsconfig.json' },
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(test|bench|scripts|node_modules)/' },
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'] },
    tsPreCompilationDeps: true,
  },
};
