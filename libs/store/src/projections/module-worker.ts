import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { type ResourceLimits, Worker } from 'node:worker_threads';

/**
 * A worker thread running a module of this project by its path: the compiled JavaScript (dist/, as the scripts and
 * benchmarks run), or its TypeScript source under jest, which compiles the project's modules on load and not a worker
 * thread's: there the thread compiles them itself, with @swc/core and the project's .swcrc, as jest's transform does.
 */
export function startModuleWorker(
  modulePath: string,
  workerData: unknown,
  resourceLimits?: ResourceLimits,
): Worker {
  if (!modulePath.endsWith('.ts')) return new Worker(modulePath, { workerData, resourceLimits });
  const options = { ...swcOptions(modulePath), swcrc: false, sourceMaps: 'inline' };
  const bootstrap = `
    const { readFileSync } = require('node:fs');
    const swc = require(${JSON.stringify(require.resolve('@swc/core'))});
    const options = ${JSON.stringify(options)};
    require.extensions['.ts'] = (module, filename) =>
      module._compile(swc.transformSync(readFileSync(filename, 'utf8'), { ...options, filename }).code, filename);
    require(${JSON.stringify(modulePath)});`;
  return new Worker(bootstrap, { eval: true, workerData, resourceLimits });
}

/** The .swcrc of the project the module is in (the nearest one above it). */
function swcOptions(modulePath: string): object {
  for (let directory = dirname(modulePath); ; directory = dirname(directory)) {
    const file = join(directory, '.swcrc');
    if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as object;
    if (dirname(directory) === directory) throw new Error(`no .swcrc above ${modulePath}`);
  }
}
