import { because, fillIn } from '../rejection';
import { REJECTION_REASON_GROUPS, REJECTION_REASONS } from '.';

describe('the rejection reasons', () => {
  it('are each in one group only, so that no group overwrites another', () => {
    const keys = Object.values(REJECTION_REASON_GROUPS).flatMap((group) => Object.keys(group));
    expect(keys.length).toBe(Object.keys(REJECTION_REASONS).length);
  });

  it('name their parameters with letters only', () => {
    for (const [reason, { message }] of Object.entries(REJECTION_REASONS)) {
      const names = [...message.matchAll(/\{([^}]*)\}/g)].map((match) => match[1]!);
      expect({ reason, names: names.filter((name) => !/^[a-zA-Z]+$/.test(name)) }).toEqual({
        reason,
        names: [],
      });
    }
  });
});

describe('because', () => {
  it('fills the English wording in, keeps the reason and parameters, and names the field', () => {
    expect(
      because('DATE_IN_FUTURE', { field: 'takenOn', date: '2026-06-16', today: '2026-06-15' }, 'takenOn'),
    ).toEqual({
      code: 'RULE_VIOLATION',
      message: 'takenOn 2026-06-16 is in the future (today is 2026-06-15)',
      reason: 'DATE_IN_FUTURE',
      params: { field: 'takenOn', date: '2026-06-16', today: '2026-06-15' },
      field: 'takenOn',
    });
  });

  it('needs no parameters for a wording without any', () => {
    expect(because('TRAJECTORY_NOT_FOUND')).toEqual({
      code: 'INVALID_STATE',
      message: 'trajectory does not exist',
      reason: 'TRAJECTORY_NOT_FOUND',
      params: {},
    });
  });

  it('leaves a placeholder without a value as it is', () => {
    expect(fillIn('{field} must be one of {allowed}', { field: 'kind' })).toBe(
      'kind must be one of {allowed}',
    );
  });
});
