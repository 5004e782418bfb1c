import { IsOptional, IsString } from 'class-validator';
import { boundedInputViolations, isStorableText, MAX_NESTING_DEPTH } from './bounded-input';
import { createValidationPipe, violationsIn } from './validation-errors';
import { BadRequestException } from '@nestjs/common';

class Note {
  @IsString()
  text!: string;

  @IsOptional()
  @IsString()
  author?: string;
}

function nested(depth: number): unknown {
  let value: unknown = [];
  for (let level = 1; level < depth; level++) value = [value];
  return value;
}

describe('bounded input', () => {
  it.each([
    ['a NUL character', 'abc\u0000def'],
    ['a lone high surrogate', 'abc\uD800'],
    ['a lone low surrogate', '\uDC00abc'],
    ['a reversed pair', '\uDC00\uD800'],
  ])('refuses text with %s', (_label, text) => {
    expect(isStorableText(text)).toBe(false);
  });

  it.each(['', 'Amina Haddad', 'Çağrı 😀 Ωμέγα', '\u00e9\u0301'])('keeps text %j', (text) => {
    expect(isStorableText(text)).toBe(true);
  });

  it('names every field holding text that cannot be stored, at any depth', () => {
    expect(
      boundedInputViolations({ provider: 'a\u0000b', facts: { notes: ['ok', '\uD83D'] }, hours: 3 }).map(
        (violation) => violation.field,
      ),
    ).toEqual(['provider', 'facts.notes.1']);
  });

  it('names a path or query parameter by its name', () => {
    expect(boundedInputViolations('x\u0000', 'id')).toEqual([
      { field: 'id', reason: expect.stringMatching(/^id contains a NUL character or an unpaired surrogate/) },
    ]);
  });

  it('refuses prototype names as unknown properties, at any depth', () => {
    const body = JSON.parse('{"__proto__":{"x":1},"facts":{"constructor":1,"prototype":2}}');
    expect(boundedInputViolations(body)).toEqual([
      { field: '__proto__', reason: 'property __proto__ should not exist' },
      { field: 'facts.constructor', reason: 'property constructor should not exist' },
      { field: 'facts.prototype', reason: 'property prototype should not exist' },
    ]);
  });

  it(`refuses nesting deeper than ${MAX_NESTING_DEPTH} levels without recursing`, () => {
    expect(boundedInputViolations({ a: nested(MAX_NESTING_DEPTH - 1) })).toEqual([]);
    expect(boundedInputViolations({ a: nested(MAX_NESTING_DEPTH) })).toEqual([
      { field: `a${'.0'.repeat(MAX_NESTING_DEPTH - 1)}`, reason: expect.stringMatching(/nests deeper than/) },
    ]);
    // 100,000 levels would overflow a recursive walk.
    expect(boundedInputViolations({ a: nested(100_000) })).toHaveLength(1);
  });

  it('answers 400 before the DTO is validated', async () => {
    const thrown = await createValidationPipe()
      .transform({ text: 'fine', author: 'x\u0000', constructor: 'y' }, { type: 'body', metatype: Note })
      .catch((caught: unknown) => caught);
    expect(thrown).toBeInstanceOf(BadRequestException);
    expect(
      violationsIn(thrown as BadRequestException)
        .map((violation) => violation.field)
        .sort(),
    ).toEqual(['author', 'constructor']);
  });
});
