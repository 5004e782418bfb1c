import { because } from '../trajectory/rejection';
import { REJECTION_REASONS } from '../trajectory/rejection-reasons';
import { checkNationalNumber } from '../newcomer/national-number';
import {
  nationalNumberRowProblem,
  ROW_PROBLEM_REASONS,
  rowProblem,
  rowProblemOfRejection,
} from './row-problem';

describe('the problems of a file row', () => {
  it('has keys of its own: a key says which list words it', () => {
    const shared = Object.keys(ROW_PROBLEM_REASONS).filter((key) => key in REJECTION_REASONS);
    expect(shared).toEqual([]);
  });

  it('names its parameters plainly, and never the field (the report names it beside the reason)', () => {
    for (const [key, wording] of Object.entries(ROW_PROBLEM_REASONS)) {
      for (const [, name] of wording.matchAll(/\{([^}]*)\}/g))
        expect(`${key}: ${name}`).toMatch(/: [a-z][A-Za-z]*$/);
      expect(`${key}: ${wording}`).not.toMatch(/\{field\}/);
    }
  });

  it('fills its English reason in from the parameters, and keeps the key and parameters beside it', () => {
    expect(rowProblem('office', 'FIELD_TOO_LONG', { maxLength: 100 })).toEqual({
      field: 'office',
      reason: 'must be at most 100 characters',
      key: 'FIELD_TOO_LONG',
      params: { maxLength: 100 },
    });
    expect(rowProblem('registeredOn', 'FIELD_REQUIRED')).toEqual({
      field: 'registeredOn',
      reason: 'is required',
      key: 'FIELD_REQUIRED',
    });
  });

  it("words a national number's problem without its digits", () => {
    const check = checkNationalNumber('85073100342');
    if (check.valid) throw new Error('the checksum was meant to be wrong');
    const problem = nationalNumberRowProblem(check.problem);
    expect(problem).toEqual({
      field: 'nationalNumber',
      reason: 'checksum digits do not match (not a valid national number)',
      key: 'ROW_NATIONAL_NUMBER_CHECKSUM_MISMATCH',
    });
    expect(problem.reason).not.toMatch(/\d/);
  });

  it("carries a command's rejection with the rejection's reason as its key", () => {
    const rejection = because(
      'BEFORE_REGISTRATION',
      { field: 'intakeOn', earliest: '2026-03-02' },
      'intakeOn',
    );
    expect(rowProblemOfRejection(rejection)).toEqual({
      field: 'intakeOn',
      reason: 'intakeOn must not be before the registration on 2026-03-02',
      key: 'BEFORE_REGISTRATION',
      params: { field: 'intakeOn', earliest: '2026-03-02' },
    });
    expect(rowProblemOfRejection(because('TRAJECTORY_NOT_FOUND')).field).toBe('row');
  });
});
