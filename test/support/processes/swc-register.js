/**
 * Lets a child process of the tests (a real worker process, killable with SIGKILL) run the TypeScript sources
 * directly, compiled with the same swc settings as jest: `node -r ./test/support/processes/swc-register.js x.ts`.
 * Compiled files are cached in the temp dir by content, so that a worker restarted after a SIGKILL on a busy
 * machine does not spend its first seconds compiling the sources again.
 */
const { createHash } = require('node:crypto');
const { mkdirSync, readFileSync, renameSync, writeFileSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');
const { pid } = require('node:process');
const { transformSync } = require('@swc/core');

const configText = readFileSync(join(__dirname, '..', '..', '..', '.swcrc'), 'utf8');
const config = JSON.parse(configText);
const cacheDir = join(tmpdir(), 'inburgering-swc-register-cache');

require.extensions['.ts'] = function compileTypeScript(module, filename) {
  const source = readFileSync(filename, 'utf8');
  const key = createHash('sha256')
    .update(configText)
    .update('\0')
    .update(filename)
    .update('\0')
    .update(source);
  const cached = join(cacheDir, `${key.digest('hex')}.js`);
  let code;
  try {
    code = readFileSync(cached, 'utf8');
  } catch {
    code = transformSync(source, { ...config, swcrc: false, filename, sourceMaps: 'inline' }).code;
    try {
      mkdirSync(cacheDir, { recursive: true });
      const partial = `${cached}.${pid}.tmp`;
      writeFileSync(partial, code);
      renameSync(partial, cached);
    } catch {
      // A cache that cannot be written only costs time.
    }
  }
  module._compile(code, filename);
};
