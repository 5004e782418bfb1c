import { parsePartnerSecrets } from './partner-secrets';

const key = (byte: number, length = 32) => Buffer.alloc(length, byte).toString('base64');

describe('the partners’ signing secrets from configuration', () => {
  it('reads ref:base64 pairs, with or without the whsec_ prefix', () => {
    const secrets = parsePartnerSecrets(`vdab:${key(1)},abb:whsec_${key(2, 24)}`);
    expect([...secrets.keys()]).toEqual(['vdab', 'abb']);
    expect(secrets.get('vdab')).toEqual(Buffer.alloc(32, 1));
    expect(secrets.get('abb')).toEqual(Buffer.alloc(24, 2));
  });

  it('nothing configured: no secrets (every delivery then fails, naming the missing reference)', () => {
    expect(parsePartnerSecrets('').size).toBe(0);
  });

  it('refuses short secrets, bad pairs and a reference named twice, without echoing a secret', () => {
    for (const value of [`vdab:${key(1, 16)}`, 'vdab', `vdab:${key(1)},`, `vdab:${key(1)},vdab:${key(2)}`]) {
      expect(() => parsePartnerSecrets(value)).toThrow(/OUTBOX_PARTNER_SECRETS/);
      try {
        parsePartnerSecrets(value);
      } catch (error) {
        expect((error as Error).message).not.toContain(key(1));
      }
    }
  });
});
