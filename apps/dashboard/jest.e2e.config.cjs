// The dashboard's end-to-end test: the built dashboard served by the built integration service,
// sandbox stores, and Debian's chromium through playwright-core (`nx run dashboard:e2e`).
module.exports = {
  displayName: 'dashboard-e2e',
  preset: '../../jest.preset.js',
  rootDir: __dirname,
  testEnvironment: 'node',
  testMatch: ['<rootDir>/e2e/**/*.e2e.spec.ts'],
};
