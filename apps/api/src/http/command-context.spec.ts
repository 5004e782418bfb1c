import { BadRequestException } from '@nestjs/common';
import type { Principal } from '../access/principal';
import { commandContextFrom } from './command-context';

const actor: Principal = { subject: 'counsellor-gent', role: 'counsellor', organisation: 'IN_GENT' };

describe('commandContextFrom', () => {
  it('takes the actor from the verified caller, never from a header', () => {
    expect(
      commandContextFrom(
        { 'idempotency-key': 'create-42', 'x-actor': 'someone-else', 'x-request-id': 'req-9' },
        actor,
      ),
    ).toEqual({ actor, idempotencyKey: 'create-42', correlationId: 'req-9' });
  });

  it('defaults to no key and a fresh correlation id', () => {
    const context = commandContextFrom({}, actor);

    expect(context).toEqual({ actor, correlationId: expect.any(String) });
    expect(context.correlationId).not.toBe(commandContextFrom({}, actor).correlationId);
  });

  it('replaces an unusable request id instead of refusing the request', () => {
    expect(commandContextFrom({ 'x-request-id': 'x'.repeat(201) }, actor).correlationId).not.toHaveLength(
      201,
    );
  });

  it.each([
    [
      { 'idempotency-key': 'k'.repeat(201) },
      'Idempotency-Key',
      'Idempotency-Key must be at most 200 characters',
    ],
    [{ 'idempotency-key': '   ' }, 'Idempotency-Key', 'Idempotency-Key must not be empty'],
    [
      { 'idempotency-key': 'caf\u00e9' },
      'Idempotency-Key',
      'Idempotency-Key must contain printable ASCII characters only',
    ],
  ])('refuses a malformed header %j', (headers, field, reason) => {
    let thrown: unknown;
    try {
      commandContextFrom(headers, actor);
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
