/**
 * Unit tests (pure code, no infrastructure), integration tests (real Temporal dev server + real PostgreSQL), and
 * serial tests: integration tests that need the system to themselves, run by `npm test` after the others, in band.
 * Two kinds: `*.timing.test.ts` assert a duration (a takeover within 5 s of a SIGKILL), so the other suites' load
 * must not decide their outcome; `*.serial.test.ts` assert that nothing at all was written (the fuzzer, the problem
 * details of every route, bad input to every command), which other test files writing meanwhile would break.
 *
 * The integration tests run in two jest workers even on two cores: they spend most of their time waiting on
 * Temporal and PostgreSQL. A test that counts rows checks the rows it could have written (its streams, its file's
 * name), never a whole table.
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
    integrationProject('integration', ['<rootDir>/test/**/*.test.ts'], ['\\.(timing|serial)\\.test\\.ts$']),
    integrationProject('serial', ['<rootDir>/test/**/*.{timing,serial}.test.ts'], []),
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
