import { readFile, writeFile } from 'node:fs/promises';
import { exportJWK, generateKeyPair, type JWK } from 'jose';

/**
 * The embedded provider's RS256 signing key. With `file`, the key is read from it, or generated and written there
 * (owner-only) on first use, so that tokens stay valid across restarts of `npm start`; without, a fresh key.
 */
export async function embeddedSigningKey(file?: string): Promise<JWK> {
  if (file) {
    const stored = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return undefined;
      throw error;
    });
    if (stored !== undefined) return JSON.parse(stored) as JWK;
  }
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  const key: JWK = {
    ...(await exportJWK(privateKey)),
    kid: `embedded-${Date.now()}`,
    alg: 'RS256',
    use: 'sig',
  };
  if (file) await writeFile(file, JSON.stringify(key), { mode: 0o600 });
  return key;
}
