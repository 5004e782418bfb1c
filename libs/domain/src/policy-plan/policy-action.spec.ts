import {
  decidePolicyActionStatus,
  evolvePolicyAction,
  foldPolicyAction,
  type PolicyActionEvent,
  type PolicyActionImported,
  type PolicyActionState,
} from './policy-action';
import { POLICY_ACTION_STATUSES } from './policy-action-status';
import { statusShares } from './policy-action-report';

const imported: PolicyActionImported = {
  type: 'PolicyActionImported',
  occurredAt: '2018-01-01T00:00:00.000Z',
  data: {
    number: '2.2.11',
    strategicGoal: 2,
    operationalGoal: 'OD 2.2',
    title: 'Een actie',
    minister: 'Sven Gatz',
    portfolio: 'Cultuur',
    status: 'IN_PROGRESS',
    explanation: null,
    source: 'report 2016-2017',
  },
};
const state = foldPolicyAction([imported]) as PolicyActionState;
const now = new Date('2018-03-01T10:00:00.000Z');

describe('a policy action status change', () => {
  it.each(['DELAYED', 'DROPPED', 'NOT_STARTED'])(
    'refuses %s without an explanation, naming the field',
    (status) => {
      for (const explanation of [undefined, null, '', '   ']) {
        const decision = decidePolicyActionStatus(
          state,
          { type: 'ChangePolicyActionStatus', status, explanation },
          now,
        );
        expect(decision).toEqual({
          ok: false,
          rejection: expect.objectContaining({ code: 'RULE_VIOLATION', field: 'explanation' }),
        });
      }
    },
  );

  it.each(['DELAYED', 'DROPPED', 'NOT_STARTED'])('accepts %s with an explanation', (status) => {
    const decision = decidePolicyActionStatus(
      state,
      { type: 'ChangePolicyActionStatus', status, explanation: '  Uitgesteld tot 2019. ' },
      now,
    );
    expect(decision).toEqual({
      ok: true,
      events: [
        {
          type: 'PolicyActionStatusChanged',
          occurredAt: now.toISOString(),
          data: { from: 'IN_PROGRESS', to: status, explanation: 'Uitgesteld tot 2019.' },
        },
      ],
    });
  });

  it.each(['NEW', 'DONE', 'EXTENDED'])('accepts %s without an explanation and refuses one', (status) => {
    expect(decidePolicyActionStatus(state, { type: 'ChangePolicyActionStatus', status }, now).ok).toBe(true);
    const withText = decidePolicyActionStatus(
      state,
      { type: 'ChangePolicyActionStatus', status, explanation: 'x' },
      now,
    );
    expect(withText).toMatchObject({ ok: false, rejection: { field: 'explanation' } });
  });

  it('refuses an unknown status and a change to what the action already is', () => {
    expect(
      decidePolicyActionStatus(state, { type: 'ChangePolicyActionStatus', status: 'FINISHED' }, now),
    ).toMatchObject({
      ok: false,
      rejection: { code: 'INVALID_INPUT', field: 'status' },
    });
    expect(
      decidePolicyActionStatus(state, { type: 'ChangePolicyActionStatus', status: 'IN_PROGRESS' }, now),
    ).toMatchObject({
      ok: false,
      rejection: { code: 'INVALID_STATE' },
    });
    expect(
      decidePolicyActionStatus(undefined, { type: 'ChangePolicyActionStatus', status: 'DONE' }, now),
    ).toMatchObject({
      ok: false,
      rejection: { code: 'INVALID_STATE' },
    });
  });

  it('evolves: a later status without explanation clears the earlier one, the version counts the events', () => {
    const events: PolicyActionEvent[] = [
      imported,
      {
        type: 'PolicyActionStatusChanged',
        occurredAt: '2018-02-01T00:00:00.000Z',
        data: { from: 'IN_PROGRESS', to: 'DELAYED', explanation: 'wacht' },
      },
      {
        type: 'PolicyActionStatusChanged',
        occurredAt: '2018-04-01T00:00:00.000Z',
        data: { from: 'DELAYED', to: 'DONE', explanation: null },
      },
    ];
    const folded = foldPolicyAction(events);
    expect(folded).toMatchObject({
      status: 'DONE',
      explanation: null,
      version: 3,
      statusChangedAt: '2018-04-01T00:00:00.000Z',
    });
    expect(() => evolvePolicyAction(undefined, events[1])).toThrow();
  });
});

describe('the share of actions per status', () => {
  it('lists every status in order with count and share', () => {
    const shares = statusShares({ NEW: 1, DONE: 2, DELAYED: 1 });
    expect(shares.map((share) => share.status)).toEqual(POLICY_ACTION_STATUSES);
    expect(shares.find((share) => share.status === 'DONE')).toEqual({ status: 'DONE', count: 2, share: 0.5 });
    expect(shares.find((share) => share.status === 'NEW')?.share).toBe(0.25);
    expect(statusShares({}).every((share) => share.share === 0)).toBe(true);
  });
});
