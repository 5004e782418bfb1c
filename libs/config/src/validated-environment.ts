import { ClassConstructor, plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';

/**
 * Reads the variables a schema class declares from `raw` (unset or empty ones keep the class defaults),
 * converts and validates them, and fails naming every wrong variable and why.
 * The schema's properties must all have initialisers or be required, so `new schema()` lists them.
 */
export function validatedEnvironment<T extends object>(
  schema: ClassConstructor<T>,
  raw: Record<string, unknown>,
  label: string,
): T {
  const keys = Object.keys(new schema());
  const given = Object.fromEntries(
    keys.map((key) => [key, raw[key]]).filter(([, value]) => value !== undefined && value !== ''),
  );
  const environment = plainToInstance(schema, given);
  const errors = validateSync(environment, { stopAtFirstError: true });
  if (errors.length) {
    const reasons = errors.map(
      (error) => `${error.property}: ${Object.values(error.constraints ?? {}).join(', ')}`,
    );
    throw new Error(`Invalid ${label} environment: ${reasons.join('; ')}`);
  }
  return environment;
}
