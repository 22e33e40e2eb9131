module.exports = {
  displayName: 'dashboard',
  preset: '../../jest.preset.js',
  rootDir: __dirname,
  testEnvironment: 'jsdom',
  testEnvironmentOptions: { customExportConditions: ['@magekit/source', 'browser', 'require', 'default'] },
  setupFilesAfterEnv: ['<rootDir>/src/test-setup.ts'],
  moduleNameMapper: { '\\.css$': '<rootDir>/src/test-style-stub.cjs' },
  testMatch: ['<rootDir>/src/**/*.spec.ts?(x)'],
};
