import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { assertPostgresUserCanReach } from './postgres-user-access';

describe('assertPostgresUserCanReach', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'pg-access-'));
    mkdirSync(join(root, 'project', 'node_modules'), { recursive: true });
    writeFileSync(join(root, 'project', 'node_modules', 'index.js'), '');
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('names a private directory above the binaries (root-owned, no execute for others)', () => {
    chmodSync(root, 0o700);
    const check = () => assertPostgresUserCanReach(join(root, 'project', 'node_modules', 'index.js'));
    if (process.getuid?.() === 0) {
      expect(check).toThrow(new RegExp(`cannot enter ${root}.*DATABASE_URL`));
    } else {
      expect(check).not.toThrow();
    }
  });

  it('accepts a path every directory of which others may traverse', () => {
    chmodSync(root, 0o755);
    expect(() => assertPostgresUserCanReach(join(root, 'project', 'node_modules', 'index.js'))).not.toThrow();
  });
});
