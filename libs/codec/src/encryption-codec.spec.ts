import { defaultPayloadConverter } from '@temporalio/common';
import { randomBytes } from 'node:crypto';
import { EncryptionCodec } from './encryption-codec';
import { parsePayloadKeys } from './payload-keys';

const key = (id: string) => ({ id, key: randomBytes(32) });

describe('EncryptionCodec', () => {
  const nationalNumber = '85073003328';
  const payload = defaultPayloadConverter.toPayload({ newcomer: { nationalNumber, givenName: 'Amina' } });

  it('encrypts a payload so that nothing of it shows, and decrypts it back', async () => {
    const codec = new EncryptionCodec([key('k1')]);
    const [encrypted] = await codec.encode([payload]);
    expect(Buffer.from(encrypted.data!).toString('latin1')).not.toContain(nationalNumber);
    expect(Buffer.from(encrypted.data!).toString('latin1')).not.toContain('Amina');
    expect(Buffer.from(encrypted.metadata!['encryption-key-id']!).toString()).toBe('k1');
    const [decrypted] = await codec.decode([encrypted]);
    expect(defaultPayloadConverter.fromPayload(decrypted)).toEqual({
      newcomer: { nationalNumber, givenName: 'Amina' },
    });
  });

  it('decrypts with an older key after a rotation and refuses an unknown key', async () => {
    const old = key('2026-01');
    const [byOld] = await new EncryptionCodec([old]).encode([payload]);
    const rotated = new EncryptionCodec([key('2026-07'), old]);
    expect(defaultPayloadConverter.fromPayload((await rotated.decode([byOld]))[0])).toMatchObject({
      newcomer: { nationalNumber },
    });
    expect(Buffer.from((await rotated.encode([payload]))[0].metadata!['encryption-key-id']!).toString()).toBe(
      '2026-07',
    );
    await expect(new EncryptionCodec([key('other')]).decode([byOld])).rejects.toThrow(
      /"2026-01", which is not configured/,
    );
  });

  it('refuses a payload that was tampered with, and passes through one that was never encrypted', async () => {
    const codec = new EncryptionCodec([key('k1')]);
    const [encrypted] = await codec.encode([payload]);
    const tampered = Buffer.from(encrypted.data!);
    tampered[20] ^= 1;
    await expect(codec.decode([{ ...encrypted, data: tampered }])).rejects.toThrow();
    expect(await codec.decode([payload])).toEqual([payload]);
  });

  it('reads keys as id:base64 pairs, the first one current', () => {
    const a = randomBytes(32).toString('base64');
    const b = randomBytes(32).toString('base64');
    expect(parsePayloadKeys(`new:${a},old:${b}`).map((one) => one.id)).toEqual(['new', 'old']);
    expect(() => parsePayloadKeys('k1:short')).toThrow(/32 bytes in base64/);
    expect(() => parsePayloadKeys(`k1:${a},k1:${b}`)).toThrow(/twice/);
  });
});
