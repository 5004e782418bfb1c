import { BadRequestException } from '@nestjs/common';
import { commandContextFrom } from './command-context';

describe('commandContextFrom', () => {
  it('reads the actor, the Idempotency-Key and the request id', () => {
    expect(
      commandContextFrom({
        'idempotency-key': 'create-42',
        'x-actor': 'counsellor:c-17',
        'x-request-id': 'req-9',
      }),
    ).toEqual({ actor: 'counsellor:c-17', idempotencyKey: 'create-42', correlationId: 'req-9' });
  });

  it('defaults to an anonymous actor, no key and a fresh correlation id', () => {
    const context = commandContextFrom({});

    expect(context).toEqual({ actor: 'anonymous', correlationId: expect.any(String) });
    expect(context.correlationId).not.toBe(commandContextFrom({}).correlationId);
  });

  it('replaces an unusable request id instead of refusing the request', () => {
    expect(commandContextFrom({ 'x-request-id': 'x'.repeat(201) }).correlationId).not.toHaveLength(201);
  });

  it.each([
    [
      { 'idempotency-key': 'k'.repeat(201) },
      'Idempotency-Key',
      'Idempotency-Key must be at most 200 characters',
    ],
    [{ 'idempotency-key': '   ' }, 'Idempotency-Key', 'Idempotency-Key must not be empty'],
    [{ 'x-actor': 'caf\u00e9' }, 'X-Actor', 'X-Actor must contain printable ASCII characters only'],
  ])('refuses a malformed header %j', (headers, field, reason) => {
    let thrown: unknown;
    try {
      commandContextFrom(headers);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(BadRequestException);
    expect((thrown as BadRequestException).getResponse()).toMatchObject({
      status: 400,
      errors: [{ field, detail: reason }],
    });
  });
});
