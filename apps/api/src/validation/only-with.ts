import { registerDecorator, ValidationArguments, ValidationOptions } from 'class-validator';

/**
 * A property that belongs to some values of another property only (a member of one variant of a union), e.g.
 * `obligationStartsOn` only with status `OBLIGED`. It is refused when given with any other value.
 */
export function OnlyWith(
  otherProperty: string,
  values: readonly string[],
  options?: ValidationOptions,
): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'onlyWith',
      target: target.constructor,
      propertyName: String(propertyName),
      constraints: [otherProperty, values],
      options,
      validator: {
        validate(value: unknown, args: ValidationArguments): boolean {
          const other = (args.object as Record<string, unknown>)[otherProperty];
          return value === undefined || (typeof other === 'string' && values.includes(other));
        },
        defaultMessage(args: ValidationArguments): string {
          return `${args.property} is only given with ${otherProperty} ${values.join(' or ')}`;
        },
      },
    });
}
