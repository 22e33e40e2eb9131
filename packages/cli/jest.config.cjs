module.exports = {
  displayName: 'cli',
  preset: '../../jest.preset.js',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
  // Most tests run the built bin several times (a node start each) while every project tests at once.
  testTimeout: 60_000,
};
