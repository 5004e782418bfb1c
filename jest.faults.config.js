/** The fault-injection suite (`npm run test:faults`): the integration project's setup, its own test files. */
const integration = require('./jest.config.js').projects.find(
  (project) => project.displayName === 'integration',
);

module.exports = {
  ...integration,
  displayName: 'faults',
  rootDir: __dirname,
  testMatch: ['<rootDir>/test/faults/**/*.faults.ts'],
};
