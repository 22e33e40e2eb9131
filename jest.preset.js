// Shared Jest settings: every project runs its TypeScript sources through @swc/jest and resolves
// workspace packages to their sources through the "@magekit/source" export condition.
const swcOptions = {
  jsc: {
    parser: { syntax: 'typescript', decorators: true, tsx: true },
    transform: { legacyDecorator: true, decoratorMetadata: true, react: { runtime: 'automatic' } },
    target: 'es2022',
  },
  module: { type: 'commonjs' },
  sourceMaps: 'inline',
};

module.exports = {
  testEnvironment: 'node',
  testEnvironmentOptions: {
    customExportConditions: ['@magekit/source', 'node', 'require', 'default'],
  },
  transform: {
    '^.+\\.(ts|tsx|js|mjs)$': ['@swc/jest', swcOptions],
  },
  moduleFileExtensions: ['ts', 'tsx', 'js', 'mjs', 'json'],
  // A dynamic import() of a relative module names its built file (`./x.js`, as Node's ESM loader
  // needs); in tests that is the TypeScript source beside it.
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  testMatch: ['**/?(*.)+(spec|test).[jt]s?(x)'],
  coverageReporters: ['text-summary', 'lcov'],
  // `npm test` runs every project at once on 2 cores: a test that takes 1 s alone can take 10 s there.
  // Suites that start servers, browsers or the built bin set larger budgets of their own.
  testTimeout: 20_000,
};
