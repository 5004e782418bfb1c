/** Unit tests (pure code, no infrastructure) and integration tests (real Temporal dev server + real PostgreSQL). */
const fs = require('node:fs');
const swcConfig = JSON.parse(fs.readFileSync(`${__dirname}/.swcrc`, 'utf8'));
const transform = {
  '^.+\\.ts$': ['@swc/jest', { ...swcConfig, swcrc: false }],
  // jose is ESM-only: compiled to CommonJS for jest's module system like the project's own code.
  '/node_modules/jose/.+\\.js$': [
    '@swc/jest',
    { ...swcConfig, swcrc: false, jsc: { ...swcConfig.jsc, parser: { syntax: 'ecmascript' } } },
  ],
};
const transformIgnorePatterns = ['/node_modules/(?!jose/)'];

module.exports = {
  projects: [
    {
      displayName: 'unit',
      testEnvironment: 'node',
      transform,
      transformIgnorePatterns,
      testMatch: ['<rootDir>/{libs,apps,workflows,scripts}/**/*.spec.ts'],
    },
    {
      displayName: 'integration',
      testEnvironment: 'node',
      transform,
      transformIgnorePatterns,
      testMatch: ['<rootDir>/test/**/*.test.ts'],
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      globalTeardown: '<rootDir>/test/support/global-teardown.ts',
      setupFilesAfterEnv: ['<rootDir>/test/support/integration-timeouts.ts'],
    },
  ],
};
