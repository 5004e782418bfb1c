import { createHmac } from 'node:crypto';
import { signatureHeader, signatureOf, verifySignature } from './webhook-signature';

const secret = Buffer.from('MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw', 'utf8');
const content = {
  messageId: 'msg_2KWPBgLlAfxdpx2AI54pPJ85f4W',
  timestamp: 1674087231,
  body: '{"test":2432232314}',
};

describe('the delivery signature (Standard Webhooks scheme)', () => {
  it('is v1, then base64 HMAC-SHA256 over "<id>.<timestamp>.<body>" with the secret', () => {
    const expected = createHmac('sha256', secret)
      .update('msg_2KWPBgLlAfxdpx2AI54pPJ85f4W.1674087231.{"test":2432232314}')
      .digest('base64');
    expect(signatureOf(content, secret)).toBe(`v1,${expected}`);
  });

  it('a partner verifies it, and refuses another body, another secret or an old timestamp', () => {
    const header = `v0,ignored ${signatureOf(content, secret)}`;
    const now = { nowSeconds: content.timestamp + 10 };
    expect(verifySignature(content, header, secret, now)).toBe(true);
    expect(verifySignature({ ...content, body: '{"test":1}' }, header, secret, now)).toBe(false);
    expect(verifySignature(content, header, Buffer.from('another secret of enough length!'), now)).toBe(
      false,
    );
    expect(verifySignature(content, header, secret, { nowSeconds: content.timestamp + 301 })).toBe(false);
  });

  it('while a secret is rotated, a partner holding only the old one and one holding only the new one both verify', () => {
    const old = Buffer.alloc(32, 1);
    const rotated = Buffer.alloc(32, 2);
    const header = signatureHeader(content, [old, rotated]);
    const now = { nowSeconds: content.timestamp };
    expect(header.split(' ')).toEqual([signatureOf(content, old), signatureOf(content, rotated)]);
    expect(verifySignature(content, header, old, now)).toBe(true);
    expect(verifySignature(content, header, rotated, now)).toBe(true);
    expect(verifySignature(content, header, Buffer.alloc(32, 3), now)).toBe(false);
    expect(signatureHeader(content, [old])).toBe(signatureOf(content, old));
  });
});
