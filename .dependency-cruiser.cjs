/**
 * The layer rules of DESIGN.md, checked by `npm run lint` (dependency-cruiser). Each layer may
 * import only the ones below it: domain ← reply/delivery ← store, i18n, reports ← app ←
 * adapters, scheduler ← main. Only the store sees the generated Prisma client.
 */
module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      comment: 'src/domain holds the rules: no I/O, no platform, no Prisma, nothing outside domain.',
      severity: 'error',
      from: { path: '^src/domain/' },
      to: { pathNot: '^src/domain/' },
    },
    {
      name: 'vocabulary-is-a-leaf',
      comment: 'src/reply.ts and src/delivery.ts are the shared vocabulary: they import nothing of ours but each other.',
      severity: 'error',
      from: { path: '^src/(reply|delivery)\\.ts$' },
      to: { path: '^src/', pathNot: '^src/(reply|delivery)\\.ts$' },
    },
    {
      name: 'no-upward-imports-from-lower-layers',
      comment: 'store, i18n, reports and the scheduler import nothing from the app, the adapters or main.',
      severity: 'error',
      from: { path: '^src/(store|i18n|reports|scheduler)/' },
      to: { path: '^src/(app|adapters|main\\.ts|http\\.ts)' },
    },
    {
      name: 'store-renders-nothing',
      comment: 'the store does not render reports or sentences.',
      severity: 'error',
      from: { path: '^src/store/' },
      to: { path: '^src/(reports|i18n|scheduler)/' },
    },
    {
      name: 'reports-read-no-store',
      comment: 'reports render what they are given; they do not read the store.',
      severity: 'error',
      from: { path: '^src/reports/' },
      to: { path: '^src/(store|scheduler)/' },
    },
    {
      name: 'app-is-platform-neutral',
      comment: 'the app (commands, use cases) knows no adapter, no scheduler and no composition root.',
      severity: 'error',
      from: { path: '^src/app/' },
      to: { path: '^src/(adapters|scheduler|main\\.ts|http\\.ts|config\\.ts)' },
    },
    {
      name: 'prisma-types-stay-in-the-store',
      comment: 'only src/store imports the generated Prisma client; the rest speaks domain types.',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/store/' },
      to: { path: '^generated/' },
    },
    {
      name: 'adapters-apart',
      comment: 'an adapter does not import another platform\u2019s adapter; shared pieces live in the kit.',
      severity: 'error',
      from: { path: '^src/adapters/([^/]+)/' },
      to: { path: '^src/adapters/([^/]+)/', pathNot: ['^src/adapters/$1/', '^src/adapters/kit/', '^src/adapters/render\\.ts$'] },
    },
    {
      name: 'nothing-imports-main',
      severity: 'error',
      from: {},
      to: { path: '^src/main\\.ts$' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|generated/.*/runtime)' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default'],
      extensions: ['.ts', '.js', '.mjs', '.cjs'],
    },
  },
};
