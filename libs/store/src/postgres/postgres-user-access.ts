import { statSync } from 'node:fs';
import { dirname, parse } from 'node:path';

/**
 * As root, embedded PostgreSQL runs its binaries as the system user `postgres`, which must be able to traverse
 * every directory above them. A checkout under a private directory (mode 0700, such as /root or a mktemp dir)
 * makes initdb fail with a bare EACCES; this names the directory and the ways out instead.
 */
export function assertPostgresUserCanReach(path: string): void {
  const blocked: string[] = [];
  for (let dir = dirname(path); ; dir = dirname(dir)) {
    const { mode, uid } = statSync(dir);
    const othersMayTraverse = (mode & 0o001) !== 0;
    if (!othersMayTraverse && uid === 0) blocked.push(dir);
    if (dir === parse(dir).root) break;
  }
  if (blocked.length) {
    throw new Error(
      `embedded PostgreSQL runs as the user "postgres" when started as root, and that user cannot enter ${blocked.join(', ')} ` +
        `(no execute permission for others). Set DATABASE_URL to a PostgreSQL server you run, or put the project in a ` +
        `directory others may traverse (e.g. chmod o+x ${blocked[blocked.length - 1]}).`,
    );
  }
}
