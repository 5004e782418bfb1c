import { registerDecorator, ValidationArguments, ValidationOptions } from 'class-validator';
import { isCalendarDate } from '../../../../libs/domain/src';

/** A real calendar date written YYYY-MM-DD (2025-02-30 is refused), as the domain reads dates. */
export function IsCalendarDate(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isCalendarDate',
      target: target.constructor,
      propertyName: String(propertyName),
      options,
      validator: {
        validate(value: unknown): boolean {
          return isCalendarDate(value);
        },
        defaultMessage(args: ValidationArguments): string {
          return `${args.property} must be a real date written YYYY-MM-DD`;
        },
      },
    });
}
