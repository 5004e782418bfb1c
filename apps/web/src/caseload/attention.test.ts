import { describe, expect, it } from 'vitest';
import type { CaseloadItem } from '../api/types';
import { attentionOf, orderCaseload } from './attention';

const TODAY = '2026-03-10';

function item(id: string, overrides: Partial<CaseloadItem> = {}): CaseloadItem {
  return {
    trajectoryId: id,
    givenName: id,
    familyName: 'Test',
    status: 'OPEN',
    phase: 'CONTRACT_SIGNED',
    agency: 'IN_GENT',
    counsellorId: 'counsellor-gent',
    registeredOn: '2026-01-01',
    nextDeadline: null,
    missedDeadlines: 0,
    openViolations: 0,
    ...overrides,
  };
}

const due = (dueOn: string) => ({ deadlineId: `d-${dueOn}`, kind: 'VDAB_REGISTRATION', dueOn });

describe('the caseload order', () => {
  it('puts overdue first, then due soon, then waiting for me, then the rest', () => {
    const items = [
      item('on-track', { nextDeadline: due('2026-05-01') }),
      item('waiting', { phase: 'REGISTERED' }),
      item('soon', { nextDeadline: due('2026-03-20') }),
      item('missed', { missedDeadlines: 1 }),
      item('past-due', { nextDeadline: due('2026-03-09') }),
      item('violation', { openViolations: 1, nextDeadline: due('2026-06-01') }),
    ];

    expect(orderCaseload(items, TODAY).map((row) => [row.trajectoryId, row.attention])).toEqual([
      ['past-due', 'OVERDUE'],
      ['violation', 'OVERDUE'],
      ['missed', 'OVERDUE'],
      ['soon', 'DUE_SOON'],
      ['waiting', 'WAITING_FOR_ME'],
      ['on-track', 'ON_TRACK'],
    ]);
  });

  it('orders within a group by the earliest due date, then the oldest registration', () => {
    const items = [
      item('later', { nextDeadline: due('2026-03-22') }),
      item('earlier', { nextDeadline: due('2026-03-12') }),
      item('old-waiting', { phase: 'INTAKE_DONE', registeredOn: '2025-12-01' }),
      item('new-waiting', { phase: 'REGISTERED', registeredOn: '2026-02-01' }),
    ];

    expect(orderCaseload(items, TODAY).map((row) => row.trajectoryId)).toEqual([
      'earlier',
      'later',
      'old-waiting',
      'new-waiting',
    ]);
  });

  it('counts a deadline due today as due soon and 14 days ahead as the edge of due soon', () => {
    expect(attentionOf(item('today', { nextDeadline: due(TODAY) }), TODAY)).toBe('DUE_SOON');
    expect(attentionOf(item('edge', { nextDeadline: due('2026-03-24') }), TODAY)).toBe('DUE_SOON');
    expect(attentionOf(item('beyond', { nextDeadline: due('2026-03-25') }), TODAY)).toBe('ON_TRACK');
  });

  it('does not ask a suspended case to wait for the counsellor', () => {
    expect(attentionOf(item('suspended', { status: 'SUSPENDED', phase: 'REGISTERED' }), TODAY)).toBe(
      'ON_TRACK',
    );
  });
});
