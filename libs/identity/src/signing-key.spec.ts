import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { embeddedSigningKey } from './signing-key';

describe('the embedded provider signing key', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'signing-key-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('is kept in its file between starts, readable by its owner only', async () => {
    const file = join(dir, 'key.json');
    const first = await embeddedSigningKey(file);
    const second = await embeddedSigningKey(file);
    expect(second).toEqual(first);
    expect(first).toMatchObject({ kty: 'RSA', alg: 'RS256', use: 'sig' });
    expect((await stat(file)).mode & 0o777).toBe(0o600);
  });

  it('is new on every start without a file', async () => {
    expect((await embeddedSigningKey()).kid).toBeDefined();
    expect((await embeddedSigningKey()).n).not.toBe((await embeddedSigningKey()).n);
  });
});
