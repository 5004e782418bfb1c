import { validateWorkerEnvironment } from '../config/worker-config';
import { parsePartnerSecrets } from './partner-secrets';

const key = (byte: number, length = 32) => Buffer.alloc(length, byte).toString('base64');

describe('the partners’ signing secrets from configuration', () => {
  it('reads ref:base64 pairs, with or without the whsec_ prefix', () => {
    const secrets = parsePartnerSecrets(`vdab:${key(1)},abb:whsec_${key(2, 24)}`);
    expect([...secrets.keys()]).toEqual(['vdab', 'abb']);
    expect(secrets.get('vdab')).toEqual([Buffer.alloc(32, 1)]);
    expect(secrets.get('abb')).toEqual([Buffer.alloc(24, 2)]);
  });

  it('nothing configured: no secrets (every delivery then fails, naming the missing reference)', () => {
    expect(parsePartnerSecrets('').size).toBe(0);
  });

  it('a reference named twice is a rotation: both secrets, old first', () => {
    const secrets = parsePartnerSecrets(`vdab:${key(1)},abb:${key(3)},vdab:${key(2)}`);
    expect(secrets.get('vdab')).toEqual([Buffer.alloc(32, 1), Buffer.alloc(32, 2)]);
    expect(secrets.get('abb')).toEqual([Buffer.alloc(32, 3)]);
  });

  it('refuses a third secret for a reference and the same secret twice, naming the reference', () => {
    expect(() => parsePartnerSecrets(`vdab:${key(1)},vdab:${key(2)},vdab:${key(3)}`)).toThrow(
      'OUTBOX_PARTNER_SECRETS names the reference "vdab" more than 2 times',
    );
    expect(() => parsePartnerSecrets(`vdab:${key(1)},vdab:whsec_${key(1)}`)).toThrow(
      'OUTBOX_PARTNER_SECRETS gives the reference "vdab" the same secret twice',
    );
  });

  it('the worker does not start with such a value: its environment names the variable and the reason', () => {
    expect(() =>
      validateWorkerEnvironment({ ...process.env, OUTBOX_PARTNER_SECRETS: `vdab:${key(1)},vdab:${key(1)}` }),
    ).toThrow(
      /OUTBOX_PARTNER_SECRETS: OUTBOX_PARTNER_SECRETS gives the reference "vdab" the same secret twice/,
    );
    expect(() => validateWorkerEnvironment({ ...process.env, OUTBOX_PARTNER_SECRETS: 'vdab' })).toThrow(
      /OUTBOX_PARTNER_SECRETS: OUTBOX_PARTNER_SECRETS must be ref:secret pairs/,
    );
  });

  it('refuses short secrets, bad pairs and a third secret, without echoing a secret', () => {
    for (const value of [
      `vdab:${key(1, 16)}`,
      'vdab',
      `vdab:${key(1)},`,
      `vdab:${key(1)},vdab:${key(1)}`,
      `vdab:${key(2)},vdab:${key(1)},vdab:${key(3)}`,
    ]) {
      expect(() => parsePartnerSecrets(value)).toThrow(/OUTBOX_PARTNER_SECRETS/);
      try {
        parsePartnerSecrets(value);
      } catch (error) {
        expect((error as Error).message).not.toContain(key(1));
      }
    }
  });
});
