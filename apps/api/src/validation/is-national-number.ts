import {
  registerDecorator,
  ValidationArguments,
  ValidationOptions,
  ValidatorConstraint,
  ValidatorConstraintInterface,
} from 'class-validator';
import { checkNationalNumber } from '../../../../libs/domain/src';

/** Checks a Belgian national number (INSZ) with the domain's own rule, so the API and the workflow agree. */
@ValidatorConstraint({ name: 'isNationalNumber' })
export class NationalNumberConstraint implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    return typeof value === 'string' && checkNationalNumber(value).valid;
  }

  defaultMessage(args: ValidationArguments): string {
    if (typeof args.value !== 'string') return `${args.property} must be a string`;
    const check = checkNationalNumber(args.value);
    return check.valid ? `${args.property} is a valid national number` : `${args.property} ${check.reason}`;
  }
}

export function IsNationalNumber(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      target: target.constructor,
      propertyName: String(propertyName),
      options,
      validator: NationalNumberConstraint,
    });
}
