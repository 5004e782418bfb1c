/**
 * Lets a child process of the tests (a real worker process, killable with SIGKILL) run the TypeScript sources
 * directly, compiled with the same swc settings as jest: `node -r ./test/support/processes/swc-register.js x.ts`.
 */
const { readFileSync } = require('node:fs');
const { join } = require('node:path');
const { transformSync } = require('@swc/core');

const config = JSON.parse(readFileSync(join(__dirname, '..', '..', '..', '.swcrc'), 'utf8'));

require.extensions['.ts'] = function compileTypeScript(module, filename) {
  const { code } = transformSync(readFileSync(filename, 'utf8'), {
    ...config,
    swcrc: false,
    filename,
    sourceMaps: 'inline',
  });
  module._compile(code, filename);
};
