import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * The repository root: the nearest directory above `from` with a package.json and the web app's sources, so that a
 * script finds the same files whether it runs from scripts/ (swc, jest) or compiled from dist/scripts/.
 */
export function repositoryRoot(from: string): string {
  let directory = from;
  while (!existsSync(join(directory, 'package.json')) || !existsSync(join(directory, 'apps', 'web'))) {
    const parent = resolve(directory, '..');
    if (parent === directory) throw new Error(`no repository root above ${from}`);
    directory = parent;
  }
  return directory;
}
