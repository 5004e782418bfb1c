import { CalendarDate } from '../time/calendar-date';
import { AttentionFacts, attentionOf } from './attention';

const TODAY = '2026-03-10' as CalendarDate;

function facts(overrides: Partial<AttentionFacts> = {}): AttentionFacts {
  return {
    status: 'OPEN',
    phase: 'CONTRACT_SIGNED',
    nextDeadline: null,
    missedDeadlines: 0,
    openViolations: 0,
    ...overrides,
  };
}

const due = (dueOn: string) => ({ nextDeadline: { dueOn } });

describe('the attention group of a case in a caseload', () => {
  it.each([
    ['a past due date', facts(due('2026-03-09')), 'OVERDUE'],
    ['a missed deadline', facts({ missedDeadlines: 1 }), 'OVERDUE'],
    [
      'a violation file awaiting a decision, whatever the next due date',
      facts({ openViolations: 1, ...due('2026-06-01') }),
      'OVERDUE',
    ],
    ['a deadline due within 14 days', facts(due('2026-03-20')), 'DUE_SOON'],
    ['a registered trajectory without deadline', facts({ phase: 'REGISTERED' }), 'WAITING_FOR_ME'],
    ['an intake without contract', facts({ phase: 'INTAKE_DONE', ...due('2026-05-01') }), 'WAITING_FOR_ME'],
    ['a contract with a deadline far ahead', facts(due('2026-05-01')), 'ON_TRACK'],
    ['an attest without deadline', facts({ phase: 'ATTEST_ISSUED' }), 'ON_TRACK'],
  ] as const)('%s: %s', (_case, input, group) => {
    expect(attentionOf(input, TODAY)).toBe(group);
  });

  it('counts a deadline due today as due soon and 14 days ahead as the edge of due soon', () => {
    expect(attentionOf(facts(due(TODAY)), TODAY)).toBe('DUE_SOON');
    expect(attentionOf(facts(due('2026-03-24')), TODAY)).toBe('DUE_SOON');
    expect(attentionOf(facts(due('2026-03-25')), TODAY)).toBe('ON_TRACK');
  });

  it('counts the 14 days in calendar days across a month end and a change to summer time', () => {
    expect(attentionOf(facts(due('2026-04-03')), '2026-03-20' as CalendarDate)).toBe('DUE_SOON');
    expect(attentionOf(facts(due('2026-04-04')), '2026-03-20' as CalendarDate)).toBe('ON_TRACK');
  });

  it('puts a deadline soon before the counsellor’s next step', () => {
    expect(attentionOf(facts({ phase: 'REGISTERED', ...due('2026-03-12') }), TODAY)).toBe('DUE_SOON');
  });

  it('does not ask a suspended case to wait for the counsellor', () => {
    expect(attentionOf(facts({ status: 'SUSPENDED', phase: 'REGISTERED' }), TODAY)).toBe('ON_TRACK');
  });
});
