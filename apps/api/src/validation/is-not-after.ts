import { registerDecorator, ValidationArguments, ValidationOptions } from 'class-validator';

/** A date (YYYY-MM-DD) not after another date property of the same object, when both are given. */
export function IsNotAfter(otherProperty: string, options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isNotAfter',
      target: target.constructor,
      propertyName: String(propertyName),
      constraints: [otherProperty],
      options,
      validator: {
        validate(value: unknown, args: ValidationArguments): boolean {
          const other = (args.object as Record<string, unknown>)[otherProperty];
          return typeof value !== 'string' || typeof other !== 'string' || value <= other;
        },
        defaultMessage(args: ValidationArguments): string {
          return `${args.property} must not be after ${otherProperty}`;
        },
      },
    });
}
