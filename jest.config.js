/**
 * Unit tests (pure code, no infrastructure), integration tests (real Temporal dev server + real PostgreSQL), and
 * timing tests: integration tests that assert a duration (a takeover within 5 s of a SIGKILL), run by `npm test` on
 * their own after the others, in band, so that the other suites' load does not decide their outcome.
 */
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
    integrationProject('integration', ['<rootDir>/test/**/*.test.ts'], ['\\.timing\\.test\\.ts$']),
    integrationProject('timing', ['<rootDir>/test/**/*.timing.test.ts'], []),
  ],
};

function integrationProject(displayName, testMatch, testPathIgnorePatterns) {
  return {
    displayName,
    testEnvironment: 'node',
    transform,
    transformIgnorePatterns,
    testMatch,
    testPathIgnorePatterns: ['/node_modules/', ...testPathIgnorePatterns],
    globalSetup: '<rootDir>/test/support/global-setup.ts',
    globalTeardown: '<rootDir>/test/support/global-teardown.ts',
    setupFilesAfterEnv: ['<rootDir>/test/support/integration-timeouts.ts'],
  };
}
