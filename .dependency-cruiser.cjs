/**
 * The architecture's one hard line: the pure libraries (the case journey domain, the Victims' Code
 * engine, the synthetic generator's core, the reporting measures and the access policy) import no framework, no adapter and no I/O. Adapters
 * depend on them, never the reverse; apps wire and never import each other.
 */
const PURE = '^libs/(case-journey|victims-code|synthetic|reporting|access)/';
const INFRASTRUCTURE_PACKAGES =
  '(^|/)node_modules/(@nestjs|@eventstore|@kurrent|bullmq|ioredis|better-sqlite3|express|@grpc)/';
const IO_MODULES = '^(node:)?(fs|fs/promises|net|http|https|http2|child_process|worker_threads|dgram|tls|cluster)$';

module.exports = {
  forbidden: [
    {
      name: 'pure-domain-imports-no-infrastructure',
      severity: 'error',
      comment: 'Domain, rules and generator core stay pure: no NestJS, store client, Redis, BullMQ or SQLite.',
      from: { path: PURE },
      to: { path: INFRASTRUCTURE_PACKAGES },
    },
    {
      name: 'pure-domain-does-no-io',
      severity: 'error',
      comment: 'I/O belongs to the adapters and apps.',
      from: { path: PURE, pathNot: '\\.spec\\.ts$' },
      to: { dependencyTypes: ['core'], path: IO_MODULES },
    },
    {
      name: 'pure-domain-imports-no-adapter',
      severity: 'error',
      comment: 'The domain never reaches for an adapter library or an app.',
      from: { path: PURE },
      to: { path: '^(libs/(event-store|platform|personal-data)|apps)/' },
    },
    {
      name: 'libs-import-no-apps',
      severity: 'error',
      from: { path: '^libs/' },
      to: { path: '^apps/' },
    },
    {
      name: 'apps-import-no-other-app',
      severity: 'error',
      comment: 'Shared wiring lives in libs/platform.',
      from: { path: '^apps/([^/]+)/' },
      to: { path: '^apps/', pathNot: '^apps/$1/' },
    },
    {
      name: 'event-store-port-is-framework-free',
      severity: 'error',
      from: { path: '^libs/event-store/' },
      to: { path: '(^|/)node_modules/@nestjs/' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'Runtime cycles only: a cycle closed by an `import type` is erased at compile time.',
      from: {},
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(dist|coverage)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
};
