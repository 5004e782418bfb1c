import { applyDecorators } from '@nestjs/common';
import { Type } from 'class-transformer';
import { IsObject, ValidateIf, ValidateNested } from 'class-validator';

const MUST_BE_AN_OBJECT = '$property must be an object';

/**
 * A nested object of the given DTO class, validated with its own rules. null, text, numbers and arrays are
 * refused with one reason ("must be an object"); an optional one may be left out, not sent as null.
 */
export function IsNestedObject(
  type: () => new (...args: never[]) => object,
  { optional = false }: { optional?: boolean } = {},
): PropertyDecorator {
  return applyDecorators(
    ...(optional ? [ValidateIf((_object: object, value: unknown) => value !== undefined)] : []),
    IsObject({ message: MUST_BE_AN_OBJECT }),
    ValidateNested({ message: MUST_BE_AN_OBJECT }),
    Type(type),
  );
}
