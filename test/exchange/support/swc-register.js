// Lets a plain `node` child process run the TypeScript sources the way jest does (swc, decorators and their
// metadata included), without a build: used by the tests that start a worker as a real process.
const fs = require('node:fs');
const path = require('node:path');
const swc = require('@swc/core');

const config = JSON.parse(fs.readFileSync(path.join(__dirname, '../../../.swcrc'), 'utf8'));

require.extensions['.ts'] = function compileTypeScript(module, filename) {
  const source = fs.readFileSync(filename, 'utf8');
  const { code } = swc.transformSync(source, { ...config, swcrc: false, filename, sourceMaps: 'inline' });
  module._compile(code, filename);
};
